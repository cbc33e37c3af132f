#pragma once

#include <QString>

// Every figure taskrunner-bench reports; -1 means the measurement failed (said on stderr).
struct BenchResults
{
    // Throughput, tasks per second, GUI thread to GUI thread.
    double sessionTasksPerS = -1;
    double qtconcurrentTasksPerS = -1;
    double threadpoolTasksPerS = -1;
    double naiveSignalTasksPerS = -1;
    // One task, idle runner -> result handled in the GUI thread.
    double roundtripMedianUs = -1;
    double roundtripP99Us = -1;
    double qtconcurrentRoundtripMedianUs = -1;
    // 50 idle session runners, 2 s.
    double idleContextSwitches = -1;
    // A global runner at interval 0.001 for 2 s.
    double floodNotificationsPerS = -1;
    double floodLoopLatencyP99Ms = -1;
    double floodRssGrowthMiB = -1;
    double naiveFloodRssGrowthMiB = -1;
    // Stopping.
    double stopReturnUs = -1;
    double stopThreadGoneMs = -1;
    double quitCooperativeMs = -1;
    double quitStuckMs = -1;
    double shutdownGraceMs = -1;
    // 200 windows.
    double rssPerWindowMiB = -1;
    double open200WindowsMs = -1;
    double busy200LoopLatencyP99Ms = -1;
    // The reference's global example.
    double globalPeriodMeanS = -1;
    double globalPeriodStddevMs = -1;
    // Start-up of the real executable beside a minimal Qt Widgets program.
    double startupFirstWindowMs = -1;
    double helloFirstWindowMs = -1;
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

} // namespace Bench
