#pragma once

#include <QVariant>

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

// What every part of taskrunner-bench shares: clocks, statistics, /proc readers and a probe
// of the GUI thread's event loop.
namespace TaskRunner {
class SessionRunner;
}

namespace Bench {

using Clock = std::chrono::steady_clock;

inline double microsecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}
inline double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
inline double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

inline constexpr double notMeasured = std::numeric_limits<double>::quiet_NaN();
inline bool measured(double value)
{
    return !std::isnan(value);
}

// Nearest-rank percentile (p in 0..100) of `values`; NaN when empty.
double percentile(std::vector<double> values, double p);
inline double median(std::vector<double> values)
{
    return percentile(std::move(values), 50);
}
double mean(const std::vector<double> &values);
// Sample standard deviation.
double standardDeviation(const std::vector<double> &values);

// Resident set size of this process (/proc/self/statm), in MiB.
double residentMiB();
// The same after handing the heap's free memory back to the system (malloc_trim), so that a
// growth measured from it does not depend on what earlier parts freed.
double trimmedResidentMiB();

// Page faults of this process so far that had to read from disk (getrusage's ru_majflt).
long majorPageFaults();

// Voluntary + involuntary context switches of this process's threads whose name
// (/proc/self/task/*/comm) is in `names`; `found` gets how many such threads exist.
quint64 contextSwitches(const QSet<QByteArray> &names, int *found = nullptr);

// Messages Qt prints that say nothing about the app (the offscreen platform's "does not
// support propagateSizeHints()", the missing XDG_RUNTIME_DIR).
bool isHarmlessNoise(const QString &message);
// Writes the lines of `output` (a child's stderr) that are not harmless noise nor the
// runners' debug log to stderr, each prefixed with `who`.
void forwardOutput(const char *who, const QByteArray &output);

// Runs the calling thread's event loop until `done` returns true or `timeout` passed; true if
// done. Looks at `done` after every event and at least every millisecond.
bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout);
// Runs the event loop for `duration`.
void runEventLoop(std::chrono::milliseconds duration);
// Processes the pending posted events (deferred deletes included) a few times over.
void flushEvents();

// Measures how late the GUI thread's event loop serves a 1 ms timer: every time it fires, the
// lateness against the time it was due is recorded and it is armed again.
class LoopProbe : public QObject
{
public:
    LoopProbe();
    void start();
    void stop();
    // Lateness of every firing, in milliseconds.
    const std::vector<double> &latenciesMs() const { return m_latencies; }

private:
    void fire();

    QTimer m_timer;
    Clock::time_point m_due;
    std::vector<double> m_latencies;
};

// The no-op task of the throughput benchmarks: the task comes back as the result.
inline QVariant noop(const QVariant &task)
{
    return task;
}

// Stops a session runner, waits until its thread let go of it, and lets the main thread
// delete it.
void finish(TaskRunner::SessionRunner &runner);

} // namespace Bench
