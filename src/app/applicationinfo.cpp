#include "applicationinfo.h"

#include "deferredicon.h"
#include "taskrunner_config.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>
#include <QStyleFactory>

// The resources live in the static app library: the linker keeps them only when asked.
// (Q_INIT_RESOURCE must be used outside any namespace.)
static void initResources()
{
    Q_INIT_RESOURCE(taskrunner);
}

namespace ApplicationInfo {

void apply()
{
    QCoreApplication::setOrganizationName(QStringLiteral("taskrunner"));
    QCoreApplication::setApplicationName(QStringLiteral("taskrunner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKRUNNER_VERSION));
}

void applyGui()
{
    initResources();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Task Runner"));
    QGuiApplication::setDesktopFileName(QStringLiteral(TASKRUNNER_APP_ID));
    // The style Qt chose (-style, QT_STYLE_OVERRIDE, the desktop's), made again as the base
    // of a proxy: QApplication::setStyle() deletes the style it replaces. A style that
    // QStyleFactory cannot make (one for a style sheet) is left as it is, icons and all.
    if (QStyle *base = QStyleFactory::create(QApplication::style()->name()))
        QApplication::setStyle(new DeferredIconStyle(base));
}

void applyWindowIcon()
{
    // Reading the SVG loads Qt's SVG icon engine and QtSvg. X11 asks for the pixmaps as soon
    // as the icon is set on a window, so it is set once the first window is up; platforms
    // that never show window icons never read it.
    QApplication::setWindowIcon(
        DeferredIcon::create([] { return QIcon(QStringLiteral(":/taskrunner/icon.svg")); }));
}

} // namespace ApplicationInfo
