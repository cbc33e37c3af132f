#pragma once

// Names, version and icon of the application, set once at start-up.
namespace ApplicationInfo {
// Before any QCoreApplication: names and version (used by --version and QSettings).
void apply();
// After QApplication exists: desktop file name and window icon.
void applyGui();
} // namespace ApplicationInfo
