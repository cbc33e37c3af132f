#include "applicationinfo.h"

#include "taskrunner_config.h"

#include <QApplication>
#include <QIcon>

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
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/taskrunner/icon.svg")));
}

} // namespace ApplicationInfo
