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
    {"platform", "name[:options]",
     QT_TRANSLATE_NOOP("AppOptions", "Platform plugin: xcb, wayland, offscreen, ...")},
    {"platformpluginpath", "path",
     QT_TRANSLATE_NOOP("AppOptions", "Where to look for platform plugins.")},
    {"platformtheme", "theme", QT_TRANSLATE_NOOP("AppOptions", "Platform theme.")},
    {"plugin", "plugin",
     QT_TRANSLATE_NOOP("AppOptions", "An extra plugin to load; may be repeated.")},
    {"qwindowgeometry", "geometry",
     QT_TRANSLATE_NOOP("AppOptions", "Geometry of the first window, as WxH+X+Y.")},
    {"geometry", "geometry", QT_TRANSLATE_NOOP("AppOptions", "The same as -qwindowgeometry.")},
    {"qwindowicon", "icon", QT_TRANSLATE_NOOP("AppOptions", "Default window icon.")},
    {"icon", "icon", QT_TRANSLATE_NOOP("AppOptions", "The same as -qwindowicon.")},
    {"qwindowtitle", "title", QT_TRANSLATE_NOOP("AppOptions", "Title of the first window.")},
    {"title", "title", QT_TRANSLATE_NOOP("AppOptions", "The same as -qwindowtitle.")},
    {"session", "session", QT_TRANSLATE_NOOP("AppOptions", "Restore an earlier session.")},
    {"display", "display",
     QT_TRANSLATE_NOOP("AppOptions", "X11 display to use instead of $DISPLAY.")},
    {"name", "name", QT_TRANSLATE_NOOP("AppOptions", "X11 instance name.")},
    {"style", "style", QT_TRANSLATE_NOOP("AppOptions", "Widget style: Fusion, Windows, ...")},
    {"stylesheet", "file",
     QT_TRANSLATE_NOOP("AppOptions", "Style sheet for the whole application.")},
    {"reverse", nullptr,
     QT_TRANSLATE_NOOP("AppOptions", "Lay the windows out from right to left.")},
    {"widgetcount", nullptr,
     QT_TRANSLATE_NOOP("AppOptions", "Print how many widgets were left at exit.")},
    {"nograb", nullptr, QT_TRANSLATE_NOOP("AppOptions", "Never grab the mouse or the keyboard.")},
    {"dograb", nullptr, QT_TRANSLATE_NOOP("AppOptions", "Grab them even under a debugger.")},
    {"sync", nullptr,
     QT_TRANSLATE_NOOP("AppOptions", "Make X11 calls synchronous (for debugging).")},
    {"testability", nullptr, QT_TRANSLATE_NOOP("AppOptions", "Load the testability plugin.")},
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
    QString help = QLatin1Char('\n') +
                   AppOptions::tr("Qt options (taken by Qt; one or two dashes):") +
                   QLatin1Char('\n');
    for (qsizetype i = 0; i < names.size(); ++i)
        help += QStringLiteral("  %1  %2\n")
                    .arg(names.at(i), -width)
                    .arg(AppOptions::tr(qtOptions[i].description));
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
    parser.setApplicationDescription(
        tr("Keeps long work off the GUI thread: every window is a session with its own worker\n"
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
        tr("Open <n> session windows at start (1-%1).").arg(maximumSessions), QStringLiteral("n"),
        QStringLiteral("1"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        tr("Pause of the global worker between runs, in seconds (at least %1). "
           "Default: the saved value, else 0.33.")
            .arg(TaskRunner::GlobalRunner::minimumInterval()),
        QStringLiteral("seconds"));
    const QCommandLineOption taskSeconds(
        QStringLiteral("task-seconds"),
        tr("How long each example task takes, in seconds (0-%1).").arg(maximumTaskSeconds),
        QStringLiteral("seconds"), QStringLiteral("1"));
    const QCommandLineOption globalKey(
        QStringLiteral("global-key"),
        tr("The watch the windows show (a global runner's key); an example watch "
           "is made for a key that is no watch."),
        QStringLiteral("key"), QStringLiteral("example-worker"));
    const QCommandLineOption shutdownGrace(
        QStringLiteral("shutdown-grace"),
        tr("How long quitting waits for busy workers, in seconds (0-%1).")
            .arg(maximumShutdownGrace),
        QStringLiteral("seconds"), QStringLiteral("2"));
    const QCommandLineOption tasks(QStringLiteral("tasks"),
                                   tr("Queue <n> example tasks in every window at "
                                      "start (0-%1).")
                                       .arg(maximumTasks),
                                   QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption task(
        QStringLiteral("task"),
        tr("Queue the command <command> in the first window, split into words as a "
           "shell would and run without one; may be given several times."),
        QStringLiteral("command"));
    const QCommandLineOption noRestore(
        QStringLiteral("no-restore"),
        tr("Start without the sessions of the last run (they are kept for later)."));
    const QCommandLineOption newInstance(
        QStringLiteral("new-instance"),
        tr("Run as an instance of its own, with its own runners, instead of opening "
           "the windows in the running one."));
    QCommandLineOption exitAfterFirstFrame(QStringLiteral("exit-after-first-frame"),
                                           tr("Quit once the first window is shown "
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
        // The usage line names the program as Qt found it: argv[0] when an application object
        // exists (to print in the user's language), a placeholder before. It says taskrunner.
        const QString shownName = QCoreApplication::instance()
                                      ? QCoreApplication::arguments().value(0)
                                      : QStringLiteral("<executable_name>");
        result.text = parser.helpText();
        if (const qsizetype at = result.text.indexOf(shownName); at >= 0 && !shownName.isEmpty())
            result.text.replace(at, shownName.size(), QStringLiteral("taskrunner"));
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
        return fail(tr("Unexpected argument '%1': this program takes only options.")
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
        error = tr("--%1: '%2' is not allowed; give a whole number from %3 to %4.")
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
        error = tr("--%1: '%2' is not allowed; give a number of seconds from %3 "
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
            return fail(tr("--global-key: the key may not be empty."));
    }
    for (const QString &line : parser.values(task)) {
        // The arguments were decoded from the locale's encoding (UTF-8): a byte that is not
        // part of a character became U+FFFD, and the command would run with another name.
        if (line.contains(QChar::ReplacementCharacter))
            return fail(tr("--task: '%1' is not valid UTF-8; name such a file with a glob, "
                           "through the shell.")
                            .arg(line));
        QString reason;
        if (!TaskRunner::CommandSpec::fromLine(line, false, &reason).isValid())
            return fail(tr("--task: '%1' is not a command: %2.").arg(line, reason));
        parsed.commands << line;
    }
    parsed.exitAfterFirstFrame = parser.isSet(exitAfterFirstFrame);
    parsed.restore = !parser.isSet(noRestore);
    parsed.newInstance = parser.isSet(newInstance);
    options = parsed;
    return result;
}
