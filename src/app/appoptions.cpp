#include "appoptions.h"

#include "globaltaskrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cmath>

namespace {

// Parses a number the way a user types it (C locale), rejecting NaN and infinities.
bool parseFinite(const QString &text, double &value)
{
    bool ok = false;
    value = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(value);
}

QString describe(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

std::chrono::milliseconds AppOptions::taskDuration() const
{
    return std::chrono::milliseconds(std::llround(taskSeconds * 1000));
}

std::chrono::milliseconds AppOptions::shutdownGraceDuration() const
{
    return std::chrono::milliseconds(std::llround(shutdownGrace * 1000));
}

AppOptions::ParseResult AppOptions::parse(const QStringList &arguments, AppOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Keeps long work off the GUI thread: every window is a session with its own "
                "worker thread and task queue, and all windows share one periodic global worker."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption sessions(
        QStringLiteral("sessions"),
        QStringLiteral("Open <n> session windows at start (1-%1).").arg(maximumSessions),
        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        QStringLiteral("Pause of the global worker between runs, in seconds (at least %1). "
                       "Default: the saved value, else 0.33.")
            .arg(GlobalTaskRunner::minimumInterval()),
        QStringLiteral("seconds"));
    const QCommandLineOption taskSeconds(
        QStringLiteral("task-seconds"),
        QStringLiteral("How long each example task takes, in seconds (0-%1).")
            .arg(maximumTaskSeconds),
        QStringLiteral("seconds"), QStringLiteral("1"));
    const QCommandLineOption globalKey(QStringLiteral("global-key"),
                                       QStringLiteral("Key of the shared global runner."),
                                       QStringLiteral("key"), QStringLiteral("example-worker"));
    const QCommandLineOption shutdownGrace(
        QStringLiteral("shutdown-grace"),
        QStringLiteral("How long quitting waits for busy workers, in seconds (0-%1).")
            .arg(maximumShutdownGrace),
        QStringLiteral("seconds"), QStringLiteral("2"));
    const QCommandLineOption tasks(QStringLiteral("tasks"),
                                   QStringLiteral("Queue <n> example tasks in every window at "
                                                  "start (0-%1).")
                                       .arg(maximumTasks),
                                   QStringLiteral("n"), QStringLiteral("0"));
    QCommandLineOption exitAfterFirstFrame(QStringLiteral("exit-after-first-frame"),
                                           QStringLiteral("Quit once the first window is shown "
                                                          "(for start-up measurements)."));
    exitAfterFirstFrame.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        {sessions, interval, taskSeconds, globalKey, shutdownGrace, tasks, exitAfterFirstFrame});

    // The arguments are read before QApplication exists, which takes Qt's own options
    // (-platform offscreen, -style fusion, ...) out later: let them through here.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const char *name : {"platform", "platformpluginpath", "platformtheme", "plugin",
                             "qwindowgeometry", "qwindowicon", "qwindowtitle", "session", "display",
                             "style", "stylesheet", "geometry", "title", "name"}) {
        QCommandLineOption qtOption(QString::fromLatin1(name), QString(), QStringLiteral("value"));
        qtOption.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(qtOption);
    }
    for (const char *name : {"reverse", "widgetcount", "nograb", "dograb", "sync"}) {
        QCommandLineOption qtFlag(QString::fromLatin1(name));
        qtFlag.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(qtFlag);
    }

    ParseResult result;
    auto fail = [&result](const QString &message) {
        result.outcome = Outcome::Error;
        result.text = message;
        return result;
    };

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        result.outcome = Outcome::ShowHelp;
        result.text = parser.helpText().replace(QLatin1String("<executable_name>"),
                                                QLatin1String("taskrunner"));
        if (!result.text.endsWith(QLatin1Char('\n')))
            result.text += QLatin1Char('\n');
        return result;
    }
    if (parser.isSet(version)) {
        result.outcome = Outcome::ShowVersion;
        result.text = QStringLiteral("%1 %2\n").arg(QCoreApplication::applicationName(),
                                                    QCoreApplication::applicationVersion());
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("Unexpected argument '%1': this program takes only options.")
                        .arg(parser.positionalArguments().constFirst()));

    AppOptions parsed;
    if (parser.isSet(sessions)) {
        bool ok = false;
        const QString text = parser.value(sessions);
        parsed.sessions = text.trimmed().toInt(&ok);
        if (!ok || parsed.sessions < 1 || parsed.sessions > maximumSessions)
            return fail(QStringLiteral("--sessions: '%1' is not allowed; give a whole number from "
                                       "1 to %2.")
                            .arg(text)
                            .arg(maximumSessions));
    }
    if (parser.isSet(interval)) {
        const QString text = parser.value(interval);
        if (!parseFinite(text, parsed.interval) ||
            !GlobalTaskRunner::isValidInterval(parsed.interval) ||
            parsed.interval > maximumInterval)
            return fail(QStringLiteral("--interval: '%1' is not allowed; give a number of seconds "
                                       "from %2 to %3.")
                            .arg(text, describe(GlobalTaskRunner::minimumInterval()),
                                 describe(maximumInterval)));
    }
    if (parser.isSet(taskSeconds)) {
        const QString text = parser.value(taskSeconds);
        if (!parseFinite(text, parsed.taskSeconds) || parsed.taskSeconds < 0 ||
            parsed.taskSeconds > maximumTaskSeconds)
            return fail(QStringLiteral("--task-seconds: '%1' is not allowed; give a number of "
                                       "seconds from 0 to %2.")
                            .arg(text, describe(maximumTaskSeconds)));
    }
    if (parser.isSet(globalKey)) {
        parsed.globalKey = parser.value(globalKey).trimmed();
        if (parsed.globalKey.isEmpty())
            return fail(QStringLiteral("--global-key: the key may not be empty."));
    }
    if (parser.isSet(shutdownGrace)) {
        const QString text = parser.value(shutdownGrace);
        if (!parseFinite(text, parsed.shutdownGrace) || parsed.shutdownGrace < 0 ||
            parsed.shutdownGrace > maximumShutdownGrace)
            return fail(QStringLiteral("--shutdown-grace: '%1' is not allowed; give a number of "
                                       "seconds from 0 to %2.")
                            .arg(text, describe(maximumShutdownGrace)));
    }
    if (parser.isSet(tasks)) {
        bool ok = false;
        const QString text = parser.value(tasks);
        parsed.tasks = text.trimmed().toInt(&ok);
        if (!ok || parsed.tasks < 0 || parsed.tasks > maximumTasks)
            return fail(QStringLiteral("--tasks: '%1' is not allowed; give a whole number from 0 "
                                       "to %2.")
                            .arg(text)
                            .arg(maximumTasks));
    }
    parsed.exitAfterFirstFrame = parser.isSet(exitAfterFirstFrame);
    options = parsed;
    return result;
}
