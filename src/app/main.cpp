#include "appcontroller.h"
#include "applicationinfo.h"
#include "appoptions.h"
#include "sessionwindow.h"
#include "singleinstance.h"
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
    AppOptions::ParseResult parsed = AppOptions::parse(arguments, options);
    if (parsed.outcome != AppOptions::Outcome::Run) {
        // What is printed is in the user's language: an application object for the
        // translators, made only when there is something to print.
        QCoreApplication printer(argc, argv);
        ApplicationInfo::installTranslations();
        parsed = AppOptions::parse(arguments, options);
    }
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

    // A running instance opens the windows; this process only hands the arguments over.
    SingleInstance::Claim claim;
    if (!options.newInstance) {
        claim = SingleInstance::claim(arguments.mid(1));
        if (claim.outcome == SingleInstance::Claim::Outcome::Forwarded)
            return claim.exitCode;
    } else if (SingleInstance::isRunning()) {
        // The saved sessions are the running instance's, which keeps writing them.
        options.ownsSessions = false;
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
    // Later launches: their options are parsed here as they were there (they passed), and
    // what they ask for opens in this instance.
    SingleInstance::Server server(
        claim, [&controller](const QStringList &forwarded, QString *error) -> int {
            AppOptions request;
            const AppOptions::ParseResult parsed =
                AppOptions::parse(QStringList{QStringLiteral("taskrunner")} + forwarded, request);
            if (parsed.outcome != AppOptions::Outcome::Run) {
                *error = parsed.outcome == AppOptions::Outcome::Error
                             ? parsed.text
                             : QCoreApplication::translate("main", "nothing to open");
                return -1;
            }
            if (controller.isQuitting())
                return -1; // "quitting": the launch starts an instance of its own
            return int(controller.openWindows(request).size());
        });
    // Once quitting, later launches start afresh rather than join an instance on its way out.
    QObject::connect(&controller, &AppController::quitting, &server,
                     &SingleInstance::Server::close);
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
