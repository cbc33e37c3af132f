#include "appoptions.h"

#include <TaskRunner/commandspec.h>
#include <TaskRunner/globalrunner.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
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

// The options QApplication takes out of the arguments later: accepted here, and listed by
// --help-all. A null value name marks a flag.
struct QtOption
{
    const char *name;
    const char *valueName;
    const char *description;
};
constexpr QtOption qtOptions[] = {
    {"platform", "name[:options]", "Platform plugin: xcb, wayland, offscreen, ..."},
    {"platformpluginpath", "path", "Where to look for platform plugins."},
    {"platformtheme", "theme", "Platform theme."},
    {"plugin", "plugin", "An extra plugin to load; may be repeated."},
    {"qwindowgeometry", "geometry", "Geometry of the first window, as WxH+X+Y."},
    {"geometry", "geometry", "The same as -qwindowgeometry."},
    {"qwindowicon", "icon", "Default window icon."},
    {"icon", "icon", "The same as -qwindowicon."},
    {"qwindowtitle", "title", "Title of the first window."},
    {"title", "title", "The same as -qwindowtitle."},
    {"session", "session", "Restore an earlier session."},
    {"display", "display", "X11 display to use instead of $DISPLAY."},
    {"name", "name", "X11 instance name."},
    {"style", "style", "Widget style: Fusion, Windows, ..."},
    {"stylesheet", "file", "Style sheet for the whole application."},
    {"reverse", nullptr, "Lay the windows out from right to left."},
    {"widgetcount", nullptr, "Print how many widgets were left at exit."},
    {"nograb", nullptr, "Never grab the mouse or the keyboard."},
    {"dograb", nullptr, "Grab them even under a debugger."},
    {"sync", nullptr, "Make X11 calls synchronous (for debugging)."},
    {"testability", nullptr, "Load the testability plugin."},
};

QString qtOptionsHelp()
{
    QStringList names;
    int width = 0;
    for (const QtOption &option : qtOptions) {
        QString name = QLatin1Char('-') + QLatin1String(option.name);
        if (option.valueName)
            name += QStringLiteral(" <%1>").arg(QLatin1String(option.valueName));
        width = std::max(width, int(name.size()));
        names << name;
    }
    QString help = QStringLiteral("\nQt options (taken by Qt; one or two dashes):\n");
    for (qsizetype i = 0; i < names.size(); ++i)
        help += QStringLiteral("  %1  %2\n")
                    .arg(names.at(i), -width)
                    .arg(QLatin1String(qtOptions[i].description));
    return help;
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
        "main",
        "Keeps long work off the GUI thread: every window is a session with its own worker\n"
        "thread and task queue, and all windows share the periodic watches.\n"
        "\n"
        "One instance per user: while Task Runner runs, launching it again opens the new\n"
        "windows in the running instance and exits. There --sessions, --tasks and --task are\n"
        "the new windows and their tasks, --global-key the watch they show (an example watch\n"
        "is made for a key that is no watch), --interval is set on that watch (not saved) and\n"
        "--task-seconds is for their example tasks; --shutdown-grace and Qt's options stay\n"
        "those of the running instance. --new-instance starts an instance of its own."));
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
            .arg(TaskRunner::GlobalRunner::minimumInterval()),
        QStringLiteral("seconds"));
    const QCommandLineOption taskSeconds(
        QStringLiteral("task-seconds"),
        QStringLiteral("How long each example task takes, in seconds (0-%1).")
            .arg(maximumTaskSeconds),
        QStringLiteral("seconds"), QStringLiteral("1"));
    const QCommandLineOption globalKey(
        QStringLiteral("global-key"),
        QStringLiteral("The watch the windows show (a global runner's key); an example watch "
                       "is made for a key that is no watch."),
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
    const QCommandLineOption task(
        QStringLiteral("task"),
        QStringLiteral("Queue the command <command> in the first window, split into words as a "
                       "shell would and run without one; may be given several times."),
        QStringLiteral("command"));
    const QCommandLineOption noRestore(
        QStringLiteral("no-restore"),
        QStringLiteral("Start without the sessions of the last run (they are kept for later)."));
    const QCommandLineOption newInstance(
        QStringLiteral("new-instance"),
        QStringLiteral("Run as an instance of its own, with its own runners, instead of opening "
                       "the windows in the running one."));
    QCommandLineOption exitAfterFirstFrame(QStringLiteral("exit-after-first-frame"),
                                           QStringLiteral("Quit once the first window is shown "
                                                          "(for start-up measurements)."));
    exitAfterFirstFrame.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sessions, interval, taskSeconds, globalKey, shutdownGrace, tasks, task,
                       noRestore, newInstance, exitAfterFirstFrame});

    // The arguments are read before QApplication exists, which takes Qt's own options
    // (-platform offscreen, -style fusion, ...) out later: let them through here.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const QtOption &option : qtOptions) {
        QCommandLineOption qtOption(QString::fromLatin1(option.name));
        if (option.valueName)
            qtOption.setValueName(QString::fromLatin1(option.valueName));
        qtOption.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(qtOption);
    }

    ParseResult result;
    auto fail = [&result](const QString &message) {
        result.outcome = Outcome::Error;
        result.text = message;
        return result;
    };

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    const bool helpAll = parser.isSet(QStringLiteral("help-all"));
    if (parser.isSet(help) || helpAll) {
        result.outcome = Outcome::ShowHelp;
        result.text = parser.helpText().replace(QLatin1String("<executable_name>"),
                                                QLatin1String("taskrunner"));
        if (!result.text.endsWith(QLatin1Char('\n')))
            result.text += QLatin1Char('\n');
        if (helpAll)
            result.text += qtOptionsHelp();
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

    // Each reader leaves the default when the option is absent, and returns false with the
    // one line to print when its value is not allowed.
    QString error;
    auto readWhole = [&](const QCommandLineOption &option, int &value, int minimum, int maximum) {
        if (!parser.isSet(option))
            return true;
        const QString text = parser.value(option);
        bool ok = false;
        value = text.trimmed().toInt(&ok);
        if (ok && value >= minimum && value <= maximum)
            return true;
        error = QStringLiteral("--%1: '%2' is not allowed; give a whole number from %3 to %4.")
                    .arg(option.names().constFirst(), text)
                    .arg(minimum)
                    .arg(maximum);
        return false;
    };
    auto readSeconds = [&](const QCommandLineOption &option, double &value, double minimum,
                           double maximum) {
        if (!parser.isSet(option))
            return true;
        const QString text = parser.value(option);
        if (parseFinite(text, value) && value >= minimum && value <= maximum)
            return true;
        error = QStringLiteral("--%1: '%2' is not allowed; give a number of seconds from %3 "
                               "to %4.")
                    .arg(option.names().constFirst(), text, describe(minimum), describe(maximum));
        return false;
    };

    AppOptions parsed;
    if (!readWhole(sessions, parsed.sessions, 1, maximumSessions) ||
        !readSeconds(interval, parsed.interval, TaskRunner::GlobalRunner::minimumInterval(),
                     TaskRunner::GlobalRunner::maximumInterval()) ||
        !readSeconds(taskSeconds, parsed.taskSeconds, 0, maximumTaskSeconds) ||
        !readSeconds(shutdownGrace, parsed.shutdownGrace, 0, maximumShutdownGrace) ||
        !readWhole(tasks, parsed.tasks, 0, maximumTasks))
        return fail(error);
    if (parser.isSet(globalKey)) {
        parsed.globalKey = parser.value(globalKey).trimmed();
        if (parsed.globalKey.isEmpty())
            return fail(QStringLiteral("--global-key: the key may not be empty."));
    }
    for (const QString &line : parser.values(task)) {
        QString reason;
        if (!TaskRunner::CommandSpec::fromLine(line, false, &reason).isValid())
            return fail(QStringLiteral("--task: '%1' is not a command: %2.").arg(line, reason));
        parsed.commands << line;
    }
    parsed.exitAfterFirstFrame = parser.isSet(exitAfterFirstFrame);
    parsed.restore = !parser.isSet(noRestore);
    parsed.newInstance = parser.isSet(newInstance);
    options = parsed;
    return result;
}
