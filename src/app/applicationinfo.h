#pragma once

// Names, version and icon of the application, set once at start-up.
namespace ApplicationInfo {
// Before any QCoreApplication: names and version (used by --version and QSettings).
void apply();
// After QApplication exists: display and desktop file names, the style's deferred icons.
void applyGui();
// The translations of the system's language (English plural forms otherwise) and Qt's own.
void installTranslations();
// The window icon, for every window; existing ones are updated. Call it once the first
// window is shown (see applicationinfo.cpp).
void applyWindowIcon();
} // namespace ApplicationInfo
