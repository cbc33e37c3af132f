// taskrunner-bench: measures the runners and the app in one process run, so the ratios
// between this project and the alternatives come from the same machine state.
//
//   taskrunner-bench            a table with targets and ratios
//   taskrunner-bench --json     one JSON object
//   taskrunner-bench --only throughput,stop   some parts only (the others print null)

#include "benchmarks.h"
#include "benchsupport.h"

#include "applicationinfo.h"
#include <TaskRunner/globalrunnerregistry.h>
#include <TaskRunner/runneroptions.h>

#include <QApplication>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>

using namespace Bench;
using namespace std::chrono_literals;

namespace {

struct Part
{
    const char *name;
    const char *what;
    void (*measure)(BenchResults &);
};

// The order matters little, but the throughput parts go first, in a fresh process.
const Part parts[] = {
    {"throughput", "throughput (session, QtConcurrent, QThreadPool, naive signals)",
     &measureThroughput},
    {"roundtrip", "round trips", &measureRoundTrip},
    {"idle", "50 idle session runners for 2 s", &measureIdle},
    {"flood", "floods for 2 s (global runner, naive worker)", &measureFlood},
    {"stop", "stop()", &measureStop},
    {"period", "period of the global example (~14 s)", &measureGlobalPeriod},
    // Before the parts that shut the registry down (quit, windows).
    {"watches", "watches: a chart at 1 ms for 10 s, 10^6 history runs, a command's period",
     &measureWatches},
    {"quit", "quitting (real executable; in process with a stuck worker)", &measureQuit},
    {"windows", "200 windows", &measureWindows},
    {"startup", "start-up of taskrunner and taskrunner-hello", &measureStartup},
    {"control", "per-task cancel and progress", &measureTaskControl},
    {"commands", "commands: 1,000 /bin/true, 200 MiB output floods, cancel of a group",
     &measureCommands},
    {"history", "history of 10^6 tasks, its window and search, restore at start-up, kill -9",
     &measureHistory},
    {"saving", "a session of 10^6 waiting commands saved while its queue changes",
     &measureSessionSaving},
    {"second", "a second launch into a running taskrunner", &measureSecondLaunch},
};

struct Figure
{
    const char *key;
    double value;
    int decimals;
    const char *unit;
    QString target; // empty: no target
    int met;        // 1 met, 0 missed, -1 no target or not measured
};

QString number(double value, int decimals)
{
    if (!measured(value))
        return QStringLiteral("null");
    return QString::number(value, 'f', decimals);
}

// Thousands separators for the table only.
QString readable(double value, int decimals)
{
    if (!measured(value))
        return QStringLiteral("n/a");
    QString text = QString::number(value, 'f', decimals);
    qsizetype point = text.indexOf(QLatin1Char('.'));
    if (point < 0)
        point = text.size();
    const qsizetype digitsStart = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    for (qsizetype i = point - 3; i > digitsStart; i -= 3)
        text.insert(i, QLatin1Char(','));
    return text;
}

int check(bool known, bool ok)
{
    return known ? (ok ? 1 : 0) : -1;
}

QList<Figure> figures(const BenchResults &r)
{
    const auto has = [](std::initializer_list<double> values) {
        for (double value : values) {
            if (!measured(value))
                return false;
        }
        return true;
    };
    const double graceLimit = r.shutdownGraceMs + 100;
    return {
        {"session_tasks_per_s", r.sessionTasksPerS, 0, "tasks/s",
         QStringLiteral(">= 2,000,000 and >= 5 x QtConcurrent"),
         check(has({r.sessionTasksPerS, r.qtconcurrentTasksPerS}),
               r.sessionTasksPerS >= 2'000'000 &&
                   r.sessionTasksPerS >= 5 * r.qtconcurrentTasksPerS)},
        {"qtconcurrent_tasks_per_s", r.qtconcurrentTasksPerS, 0, "tasks/s", {}, -1},
        {"future_tasks_per_s", r.futureTasksPerS, 0, "tasks/s",
         QStringLiteral(">= 3 x QtConcurrent"),
         check(has({r.futureTasksPerS, r.qtconcurrentTasksPerS}),
               r.futureTasksPerS >= 3 * r.qtconcurrentTasksPerS)},
        {"threadpool_tasks_per_s", r.threadpoolTasksPerS, 0, "tasks/s", {}, -1},
        {"naive_signal_tasks_per_s", r.naiveSignalTasksPerS, 0, "tasks/s", {}, -1},
        {"roundtrip_median_us", r.roundtripMedianUs, 1, "us",
         QStringLiteral("<= 0.5 x QtConcurrent round trip"),
         check(has({r.roundtripMedianUs, r.qtconcurrentRoundtripMedianUs}),
               r.roundtripMedianUs <= 0.5 * r.qtconcurrentRoundtripMedianUs)},
        {"roundtrip_p99_us", r.roundtripP99Us, 1, "us", {}, -1},
        {"qtconcurrent_roundtrip_median_us", r.qtconcurrentRoundtripMedianUs, 1, "us", {}, -1},
        {"idle_context_switches", r.idleContextSwitches, 0, "", QStringLiteral("= 0"),
         check(has({r.idleContextSwitches}), r.idleContextSwitches == 0)},
        {"flood_notifications_per_s", r.floodNotificationsPerS, 1, "/s", QStringLiteral("<= 125"),
         check(has({r.floodNotificationsPerS}), r.floodNotificationsPerS <= 125)},
        {"flood_loop_latency_p99_ms", r.floodLoopLatencyP99Ms, 2, "ms", QStringLiteral("<= 20"),
         check(has({r.floodLoopLatencyP99Ms}), r.floodLoopLatencyP99Ms <= 20)},
        {"flood_rss_growth_mib", r.floodRssGrowthMiB, 2, "MiB", QStringLiteral("<= 10"),
         check(has({r.floodRssGrowthMiB}), r.floodRssGrowthMiB <= 10)},
        {"naive_flood_rss_growth_mib", r.naiveFloodRssGrowthMiB, 2, "MiB", {}, -1},
        {"stop_return_us", r.stopReturnUs, 2, "us", QStringLiteral("<= 1,000"),
         check(has({r.stopReturnUs}), r.stopReturnUs <= 1000)},
        {"stop_thread_gone_ms", r.stopThreadGoneMs, 3, "ms", QStringLiteral("<= 60"),
         check(has({r.stopThreadGoneMs}), r.stopThreadGoneMs <= 60)},
        {"quit_cooperative_ms", r.quitCooperativeMs, 1, "ms", QStringLiteral("<= 300"),
         check(has({r.quitCooperativeMs}), r.quitCooperativeMs <= 300)},
        {"quit_stuck_ms", r.quitStuckMs, 1, "ms", QStringLiteral("<= grace + 100"),
         check(has({r.quitStuckMs, r.shutdownGraceMs}), r.quitStuckMs <= graceLimit)},
        {"shutdown_grace_ms", r.shutdownGraceMs, 0, "ms", {}, -1},
        {"rss_per_window_mib", r.rssPerWindowMiB, 3, "MiB", QStringLiteral("<= 1.5"),
         check(has({r.rssPerWindowMiB}), r.rssPerWindowMiB <= 1.5)},
        {"open_200_windows_ms", r.open200WindowsMs, 1, "ms", QStringLiteral("<= 2,000"),
         check(has({r.open200WindowsMs}), r.open200WindowsMs <= 2000)},
        {"busy_200_loop_latency_p99_ms", r.busy200LoopLatencyP99Ms, 2, "ms",
         QStringLiteral("<= 50"),
         check(has({r.busy200LoopLatencyP99Ms}), r.busy200LoopLatencyP99Ms <= 50)},
        {"global_period_mean_s", r.globalPeriodMeanS, 4, "s", QStringLiteral("1.330 +/- 0.005"),
         check(has({r.globalPeriodMeanS}),
               r.globalPeriodMeanS >= 1.325 && r.globalPeriodMeanS <= 1.335)},
        {"global_period_stddev_ms", r.globalPeriodStddevMs, 2, "ms", {}, -1},
        {"startup_first_window_ms", r.startupFirstWindowMs, 1, "ms",
         QStringLiteral("<= 1.5 x hello"),
         check(has({r.startupFirstWindowMs, r.helloFirstWindowMs}),
               r.startupFirstWindowMs <= 1.5 * r.helloFirstWindowMs)},
        {"hello_first_window_ms", r.helloFirstWindowMs, 1, "ms", {}, -1},
        {"cancel_running_task_us", r.cancelRunningTaskUs, 1, "us", QStringLiteral("<= 1,000"),
         check(has({r.cancelRunningTaskUs}), r.cancelRunningTaskUs <= 1000)},
        {"progress_call_ns", r.progressCallNs, 2, "ns", QStringLiteral("<= 20"),
         check(has({r.progressCallNs}), r.progressCallNs <= 20)},
        {"progress_notifications_per_s", r.progressNotificationsPerS, 1, "/s",
         QStringLiteral("<= 125"),
         check(has({r.progressNotificationsPerS}), r.progressNotificationsPerS <= 125)},
        {"command_tasks_per_s", r.commandTasksPerS, 1, "tasks/s",
         QStringLiteral(">= 0.8 x the shell loop"),
         check(has({r.commandTasksPerS, r.shellLoopTasksPerS}),
               r.commandTasksPerS >= 0.8 * r.shellLoopTasksPerS)},
        {"shell_loop_tasks_per_s", r.shellLoopTasksPerS, 1, "tasks/s", {}, -1},
        {"output_flood_mib_per_s", r.outputFloodMiBPerS, 1, "MiB/s",
         QStringLiteral(">= 0.5 x the pipe"),
         check(has({r.outputFloodMiBPerS, r.pipeMiBPerS}),
               r.outputFloodMiBPerS >= 0.5 * r.pipeMiBPerS)},
        {"pipe_mib_per_s", r.pipeMiBPerS, 1, "MiB/s", {}, -1},
        {"output_flood_loop_latency_p99_ms", r.outputFloodLoopLatencyP99Ms, 2, "ms",
         QStringLiteral("<= 20"),
         check(has({r.outputFloodLoopLatencyP99Ms}), r.outputFloodLoopLatencyP99Ms <= 20)},
        {"output_flood_rss_growth_mib", r.outputFloodRssGrowthMiB, 2, "MiB",
         QStringLiteral("<= 32"),
         check(has({r.outputFloodRssGrowthMiB}), r.outputFloodRssGrowthMiB <= 32)},
        {"naive_output_loop_latency_p99_ms", r.naiveOutputLoopLatencyP99Ms, 2, "ms", {}, -1},
        {"naive_output_rss_growth_mib", r.naiveOutputRssGrowthMiB, 2, "MiB", {}, -1},
        {"cancel_command_ms", r.cancelCommandMs, 2, "ms", QStringLiteral("<= 50"),
         check(has({r.cancelCommandMs}), r.cancelCommandMs <= 50)},
        {"cancel_stubborn_command_ms", r.cancelStubbornCommandMs, 1, "ms",
         QStringLiteral("<= grace + 50"),
         check(has({r.cancelStubbornCommandMs, r.commandKillGraceMs}),
               r.cancelStubbornCommandMs <= r.commandKillGraceMs + 50)},
        {"command_kill_grace_ms", r.commandKillGraceMs, 0, "ms", {}, -1},
        {"history_records_per_s", r.historyRecordsPerS, 0, "tasks/s", QStringLiteral(">= 250,000"),
         check(has({r.historyRecordsPerS}), r.historyRecordsPerS >= 250000)},
        {"history_write_loop_latency_p99_ms", r.historyWriteLoopLatencyP99Ms, 2, "ms",
         QStringLiteral("<= 20"),
         check(has({r.historyWriteLoopLatencyP99Ms}), r.historyWriteLoopLatencyP99Ms <= 20)},
        {"history_open_ms", r.historyOpenMs, 1, "ms", QStringLiteral("<= 200"),
         check(has({r.historyOpenMs}), r.historyOpenMs <= 200)},
        {"history_search_ms", r.historySearchMs, 1, "ms", QStringLiteral("<= 300"),
         check(has({r.historySearchMs}), r.historySearchMs <= 300)},
        {"restore_startup_ms", r.restoreStartupMs, 1, "ms", QStringLiteral("<= 2 x start-up"),
         check(has({r.restoreStartupMs, r.freshStartupMs}),
               r.restoreStartupMs <= 2 * r.freshStartupMs)},
        {"fresh_startup_ms", r.freshStartupMs, 1, "ms", {}, -1},
        {"kill9_lost_tasks", r.kill9LostTasks, 0, "", QStringLiteral("= 0"),
         check(has({r.kill9LostTasks}), r.kill9LostTasks == 0)},
        {"session_save_loop_latency_p99_ms", r.sessionSaveLoopLatencyP99Ms, 2, "ms",
         QStringLiteral("<= 20"),
         check(has({r.sessionSaveLoopLatencyP99Ms}), r.sessionSaveLoopLatencyP99Ms <= 20)},
        {"naive_session_save_loop_latency_p99_ms",
         r.naiveSessionSaveLoopLatencyP99Ms,
         2,
         "ms",
         {},
         -1},
        {"second_launch_window_ms", r.secondLaunchWindowMs, 1, "ms",
         QStringLiteral("<= 1.0 x start-up"),
         check(has({r.secondLaunchWindowMs, r.startupFirstWindowMs}),
               r.secondLaunchWindowMs <= r.startupFirstWindowMs)},
        {"watch_chart_loop_latency_p99_ms", r.watchChartLoopLatencyP99Ms, 2, "ms",
         QStringLiteral("<= 20"),
         check(has({r.watchChartLoopLatencyP99Ms}), r.watchChartLoopLatencyP99Ms <= 20)},
        {"watch_history_rss_growth_mib", r.watchHistoryRssGrowthMiB, 2, "MiB",
         QStringLiteral("<= 16"),
         check(has({r.watchHistoryRssGrowthMiB}), r.watchHistoryRssGrowthMiB <= 16)},
        {"command_watch_period_error_ms", r.commandWatchPeriodErrorMs, 2, "ms",
         QStringLiteral("<= 2"),
         check(has({r.commandWatchPeriodErrorMs}), r.commandWatchPeriodErrorMs <= 2)},
    };
}

void printJson(const BenchResults &results, FILE *out)
{
    const QList<Figure> all = figures(results);
    std::fprintf(out, "{\n");
    for (qsizetype i = 0; i < all.size(); ++i) {
        const Figure &figure = all.at(i);
        std::fprintf(out, "  \"%s\": %s%s\n", figure.key,
                     qPrintable(number(figure.value, figure.decimals)),
                     i + 1 < all.size() ? "," : "");
    }
    std::fprintf(out, "}\n");
}

void printRatio(const char *what, double ours, double theirs, const char *note)
{
    if (!measured(ours) || !measured(theirs) || theirs < 0.01) // nothing to divide by
        std::printf("  %-44s %10s   %s\n", what, "n/a", note);
    else
        std::printf("  %-44s %10.3f   %s\n", what, ours / theirs, note);
}

// "AMD EPYC, 2 cores, Qt 6.4.2"
QString machine()
{
    QString model = QStringLiteral("unknown processor");
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly | QIODevice::Text)) {
        const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name")) {
                model = QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
        }
    }
    return QStringLiteral("%1, %2 cores, Qt %3")
        .arg(model)
        .arg(QThread::idealThreadCount())
        .arg(QString::fromLatin1(qVersion()));
}

void printTable(const BenchResults &r)
{
    std::printf("taskrunner-bench on %s\n\n", qPrintable(machine()));
    std::printf("%-34s %16s %-8s %-40s %s\n", "figure", "value", "unit", "target", "");
    for (const Figure &figure : figures(r)) {
        const char *verdict = figure.met == 1 ? "met" : figure.met == 0 ? "MISSED" : "";
        std::printf("%-34s %16s %-8s %-40s %s\n", figure.key,
                    qPrintable(readable(figure.value, figure.decimals)), figure.unit,
                    qPrintable(figure.target), verdict);
    }
    std::printf("\nRatios, this project / the alternative:\n");
    printRatio("session / QtConcurrent throughput", r.sessionTasksPerS, r.qtconcurrentTasksPerS,
               "higher is better; target >= 5");
    printRatio("submit() / QtConcurrent throughput", r.futureTasksPerS, r.qtconcurrentTasksPerS,
               "higher is better; target >= 3");
    printRatio("session / QThreadPool throughput", r.sessionTasksPerS, r.threadpoolTasksPerS,
               "higher is better");
    printRatio("session / naive signals throughput", r.sessionTasksPerS, r.naiveSignalTasksPerS,
               "higher is better");
    printRatio("session / QtConcurrent round trip (median)", r.roundtripMedianUs,
               r.qtconcurrentRoundtripMedianUs, "lower is better; target <= 0.5");
    printRatio("flood / naive flood RSS growth", r.floodRssGrowthMiB, r.naiveFloodRssGrowthMiB,
               "lower is better");
    printRatio("quit stuck / grace", r.quitStuckMs, r.shutdownGraceMs,
               "target <= (grace + 100 ms) / grace");
    printRatio("taskrunner / hello start-up", r.startupFirstWindowMs, r.helloFirstWindowMs,
               "lower is better; target <= 1.5");
    printRatio("commands / shell loop throughput", r.commandTasksPerS, r.shellLoopTasksPerS,
               "higher is better; target >= 0.8");
    printRatio("output flood shown / pipe to /dev/null", r.outputFloodMiBPerS, r.pipeMiBPerS,
               "higher is better; target >= 0.5");
    printRatio("output flood / naive GUI loop latency (p99)", r.outputFloodLoopLatencyP99Ms,
               r.naiveOutputLoopLatencyP99Ms, "lower is better");
    printRatio("output flood / naive RSS growth", r.outputFloodRssGrowthMiB,
               r.naiveOutputRssGrowthMiB, "lower is better");
    printRatio("second launch / taskrunner start-up", r.secondLaunchWindowMs,
               r.startupFirstWindowMs, "lower is better; target <= 1.0");
}

// The offscreen platform says this for every QMainWindow shown; it is not the app's doing.
QtMessageHandler s_previousHandler = nullptr;
void filterMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (isHarmlessNoise(message))
        return;
    s_previousHandler(type, context, message);
}

void usage(FILE *out)
{
    std::fprintf(out,
                 "Usage: taskrunner-bench [--json] [--json-out FILE] [--only PART[,PART...]]\n\n"
                 "Measures the task runners and the app; progress goes to stderr.\n"
                 "  --json       print one JSON object instead of the table\n"
                 "  --json-out   also write the JSON object to FILE (the same run)\n"
                 "  --only       measure some parts only (the others print null):\n");
    for (const Part &part : parts)
        std::fprintf(out, "                 %-11s %s\n", part.name, part.what);
}

} // namespace

int main(int argc, char *argv[])
{
    bool json = false;
    QString jsonOut;
    QStringList only;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (std::strcmp(argv[i], "--json-out") == 0 && i + 1 < argc) {
            jsonOut = QString::fromLocal8Bit(argv[++i]);
        } else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
            only = QString::fromLocal8Bit(argv[++i]).split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return EXIT_SUCCESS;
        } else {
            std::fprintf(stderr, "taskrunner-bench: unknown argument '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    for (const QString &name : std::as_const(only)) {
        bool known = false;
        for (const Part &part : parts)
            known = known || name == QLatin1String(part.name);
        if (!known) {
            std::fprintf(stderr, "taskrunner-bench: unknown part '%s'\n", qPrintable(name));
            usage(stderr);
            return 2;
        }
    }

    // Headless, and away from the user's settings: the app parts read and write QSettings.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir configHome;
    if (!configHome.isValid()) {
        std::fprintf(stderr, "taskrunner-bench: cannot create a temporary directory\n");
        return EXIT_FAILURE;
    }
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(configHome.path()));
    // The task history and the saved sessions too: the user's own stay untouched.
    qputenv("XDG_DATA_HOME", QFile::encodeName(configHome.path()));
    // 0700, as Qt wants it; the executables it starts inherit both. Always its own: a
    // taskrunner started here must not join an instance the user has open.
    QTemporaryDir runtimeDir;
    if (runtimeDir.isValid())
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir.path()));
    s_previousHandler = qInstallMessageHandler(&filterMessages);

    const auto started = Clock::now();
    ApplicationInfo::apply();
    QApplication app(argc, argv);
    ApplicationInfo::applyGui();
    ApplicationInfo::applyWindowIcon(); // as the app does once its first window is up

    BenchResults results;
    for (const Part &part : parts) {
        if (!only.isEmpty() && !only.contains(QLatin1String(part.name)))
            continue;
        std::fprintf(stderr, "measuring %s...\n", part.what);
        const auto partStarted = Clock::now();
        part.measure(results);
        std::fprintf(stderr, "  done in %.1f s\n", secondsSince(partStarted));
    }

    // Every runner stopped before QApplication goes.
    TaskRunner::GlobalRunnerRegistry::instance()->shutdown();
    if (!waitUntil([] { return TaskRunner::liveRunnerCount() == 0; }, 10s))
        std::fprintf(stderr, "warning: %d runners still alive at exit\n",
                     TaskRunner::liveRunnerCount());
    flushEvents();

    if (json)
        printJson(results, stdout);
    else
        printTable(results);
    if (!jsonOut.isEmpty()) {
        if (FILE *file = std::fopen(QFile::encodeName(jsonOut).constData(), "w")) {
            printJson(results, file);
            std::fclose(file);
        } else {
            std::fprintf(stderr, "taskrunner-bench: cannot write %s\n", qPrintable(jsonOut));
            return EXIT_FAILURE;
        }
    }
    std::fprintf(stderr, "taskrunner-bench ran for %.1f s\n", secondsSince(started));
    return EXIT_SUCCESS;
}
