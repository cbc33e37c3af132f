#include "appcontroller.h"
#include "applicationinfo.h"
#include "appoptions.h"
#include "sessionwindow.h"
#include "unixsignalwatcher.h"

#include <TaskRunner/runneroptions.h>

#include <QApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstdlib>

int main(int argc, char *argv[])
{
    ApplicationInfo::apply();

    // Arguments first, so --help, --version and mistakes need no display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    AppOptions options;
    const AppOptions::ParseResult parsed = AppOptions::parse(arguments, options);
    switch (parsed.outcome) {
    case AppOptions::Outcome::ShowHelp:
    case AppOptions::Outcome::ShowVersion:
        std::fputs(qPrintable(parsed.text), stdout);
        return EXIT_SUCCESS;
    case AppOptions::Outcome::Error:
        std::fprintf(stderr, "taskrunner: %s\n", qPrintable(parsed.text));
        return 2;
    case AppOptions::Outcome::Run:
        break;
    }

    QApplication app(argc, argv);
    ApplicationInfo::applyGui();
    ApplicationInfo::installTranslations();

    AppController controller(options);
    UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &controller,
                     &AppController::quitWithoutAsking);
    if (options.exitAfterFirstFrame) {
        QObject::connect(
            &controller, &AppController::windowOpened, &controller,
            [&controller] { controller.quitWithoutAsking(); }, Qt::QueuedConnection);
    }
    controller.start();
    QTimer::singleShot(0, &app, &ApplicationInfo::applyWindowIcon);

    const int status = app.exec();
    // aboutToQuit stopped every runner, waiting at most the shutdown grace. A runner still
    // alive now has a worker that ignores interruption: it was logged, and it is not
    // terminated; end the process without running static destructors under its feet.
    if (TaskRunner::liveRunnerCount() > 0) {
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(status);
    }
    return status;
}
