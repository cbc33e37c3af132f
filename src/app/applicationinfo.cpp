#include "applicationinfo.h"

#include "deferredicon.h"
#include "taskrunner_config.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

// The resources live in the static app library: the linker keeps them only when asked.
// (Q_INIT_RESOURCE must be used outside any namespace.)
static void initResources()
{
    Q_INIT_RESOURCE(taskrunner);
}

static void initTranslationResources()
{
    Q_INIT_RESOURCE(translations);
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

void installTranslations()
{
    initTranslationResources();
    auto *app = QCoreApplication::instance();
    const QLocale locale;
    // The app's texts: the user's language, else English (whose file has the plural forms).
    auto *own = new QTranslator(app);
    if (own->load(locale, QStringLiteral("taskrunner"), QStringLiteral("_"),
                  QStringLiteral(":/translations")) ||
        own->load(QStringLiteral(":/translations/taskrunner_en.qm")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    // Qt's own dialogs and context menus, from the system's Qt translations.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
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
