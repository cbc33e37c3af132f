#pragma once

#include <QString>

#include <limits>

// Every figure taskrunner-bench reports. NaN: not measured (the part was not run, or it
// failed and said why on stderr); printed as null in JSON.
struct BenchResults
{
    static constexpr double none = std::numeric_limits<double>::quiet_NaN();

    // Throughput, tasks per second, GUI thread to GUI thread.
    double sessionTasksPerS = none;
    double qtconcurrentTasksPerS = none;
    double futureTasksPerS = none; // submit(), each future watched
    double threadpoolTasksPerS = none;
    double naiveSignalTasksPerS = none;
    // One task, idle runner -> result handled in the GUI thread.
    double roundtripMedianUs = none;
    double roundtripP99Us = none;
    double qtconcurrentRoundtripMedianUs = none;
    // 50 idle session runners, 2 s.
    double idleContextSwitches = none;
    // A global runner at interval 0.001 for 2 s.
    double floodNotificationsPerS = none;
    double floodLoopLatencyP99Ms = none;
    double floodRssGrowthMiB = none;
    double naiveFloodRssGrowthMiB = none;
    // Stopping.
    double stopReturnUs = none;
    double stopThreadGoneMs = none;
    double quitCooperativeMs = none;
    double quitStuckMs = none;
    double shutdownGraceMs = none;
    // 200 windows.
    double rssPerWindowMiB = none;
    double open200WindowsMs = none;
    double busy200LoopLatencyP99Ms = none;
    // The reference's global example.
    double globalPeriodMeanS = none;
    double globalPeriodStddevMs = none;
    // Start-up of the real executable beside a minimal Qt Widgets program.
    double startupFirstWindowMs = none;
    double helloFirstWindowMs = none;
    // Per-task control.
    double cancelRunningTaskUs = none;
    double progressCallNs = none;
    double progressNotificationsPerS = none;
    // Commands.
    double commandTasksPerS = none;
    double shellLoopTasksPerS = none;
    double outputFloodMiBPerS = none;
    double pipeMiBPerS = none;
    double outputFloodLoopLatencyP99Ms = none;
    double outputFloodRssGrowthMiB = none;
    double naiveOutputLoopLatencyP99Ms = none;
    double naiveOutputRssGrowthMiB = none;
    double cancelCommandMs = none;
    double cancelStubbornCommandMs = none;
    double commandKillGraceMs = none;
    // The task history and session restore.
    double historyRecordsPerS = none;
    double historyWriteLoopLatencyP99Ms = none;
    double historyOpenMs = none;
    double historySearchMs = none;
    double restoreStartupMs = none;
    double freshStartupMs = none;
    double kill9LostTasks = none;
    double sessionSaveLoopLatencyP99Ms = none;
    double naiveSessionSaveLoopLatencyP99Ms = none;
    // Watches.
    double watchChartLoopLatencyP99Ms = none;
    double watchHistoryRssGrowthMiB = none;
    double commandWatchPeriodErrorMs = none;
    // A second launch until the running instance showed its window.
    double secondLaunchWindowMs = none;
};

namespace Bench {

// Where the app executables are: beside taskrunner-bench, else where the build put them.
QString taskrunnerExecutable();
QString helloExecutable();

// Each fills its part of `results`.
void measureThroughput(BenchResults &results);
void measureRoundTrip(BenchResults &results);
void measureIdle(BenchResults &results);
void measureFlood(BenchResults &results);
void measureStop(BenchResults &results);
void measureQuit(BenchResults &results);
void measureWindows(BenchResults &results);
void measureGlobalPeriod(BenchResults &results);
void measureStartup(BenchResults &results);
void measureTaskControl(BenchResults &results);
void measureCommands(BenchResults &results);
void measureHistory(BenchResults &results);
void measureSessionSaving(BenchResults &results);

// The history store on its own, on a database at `databasePath` (bench_history.cpp).
double historyOpenMs(const QString &databasePath);
double historySearchMs(const QString &databasePath, const QString &needle);
void measureSecondLaunch(BenchResults &results);
void measureWatches(BenchResults &results);

} // namespace Bench
