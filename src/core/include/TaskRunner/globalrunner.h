#pragma once

#include <TaskRunner/runneroptions.h>
#include <TaskRunner/taskcontext.h>
#include <TaskRunner/taskrecord.h>
#include <TaskRunner/taskrunnercore_export.h>

#include <QFuture>
#include <QList>
#include <QString>
#include <QVariant>

#include <chrono>
#include <functional>
#include <memory>
#include <type_traits>

namespace TaskRunner {

namespace detail {
class GlobalCore;
template<typename Core> class Handle;
} // namespace detail

/// A consistent snapshot of a global runner: every field belongs to the same moment. A plain
/// value, as GlobalRunner::state() returns it.
struct TASKRUNNER_CORE_EXPORT GlobalRunnerState
{
    QString id;                ///< the runner's id (GlobalRunner::id())
    QString key;               ///< the key it was made for
    double interval = 0;       ///< seconds between the end of one run and the start of the next
    bool running = false;      ///< the worker runs now
    bool paused = false;       ///< pause() was called and resume() was not
    bool runRequested = false; ///< runNow() was called and that run has not started yet
    bool stopped = false;      ///< stop() was called
    quint64 runs = 0;          ///< runs that returned a result; monotonic
    quint64 failures = 0;      ///< runs that threw; monotonic
    quint64 started = 0;       ///< runs started; monotonic
    QVariant lastResult;       ///< invalid until the first result
    QString lastError;         ///< empty after a successful run
    qint64 lastRunStartedMSecs = 0;  ///< ms since the epoch (UTC); 0 before the first run
    qint64 lastRunFinishedMSecs = 0; ///< ms since the epoch (UTC); 0 before the first run ended
    /// When the next run starts, unless the interval changes, on the steady clock; nothing
    /// (the clock's epoch) while running, paused or stopped.
    std::chrono::steady_clock::time_point nextRun;
    /// The same in ms since the epoch (UTC); 0 while running, paused or stopped.
    qint64 nextRunMSecs = 0;
    std::shared_ptr<const TaskOutput> runningOutput; ///< of the run in progress, once it writes
    quint64 lastSequence = 0;                        ///< sequence of the newest run record
};

/// What a global runner runs, on its thread, at every run: what it returns is the run's result;
/// what it throws, the run's error.
using GlobalWorker = std::function<QVariant(TaskContext &context)>;

/// Runs a worker again and again on a thread of its own, pausing interval() seconds between the
/// end of one run and the start of the next. Between runs its thread blocks on a condition
/// variable until the next run is due or a call changes the schedule: no polling, no timer
/// events, and a worker's nested event loop cannot re-enter it.
///
/// Lifetime: a handle, with the rules of SessionRunner: every method is thread-safe at any time
/// and a no-op after stop(). Usually shared by key through GlobalRunnerRegistry, whose
/// remove() stops it. Each run's record (TaskRecord, id = run sequence) is kept for records().
/// Nothing here emits a signal: a RunnerWatcher tells a thread when the runner changed.
class TASKRUNNER_CORE_EXPORT GlobalRunner
{
public:
    /// The shortest interval: 1 ms.
    static constexpr double minimumInterval() { return 0.001; }
    /// The longest interval. One year: long enough for any pause, short enough for the clock
    /// arithmetic.
    static constexpr double maximumInterval() { return 31536000; }
    /// True for a number of seconds from minimumInterval() to maximumInterval() (no NaN).
    static bool isValidInterval(double seconds);

    /// A null handle: every call is a no-op.
    GlobalRunner();
    /// Lets go of the runner; the last handle to go stops it, without waiting. The registry
    /// holds one for every runner it made, until remove() or shutdown().
    ~GlobalRunner();
    /// Another handle to the runner `other` holds.
    GlobalRunner(const GlobalRunner &other);
    /// Takes over the handle `other` held; `other` is null after.
    GlobalRunner(GlobalRunner &&other) noexcept;
    /// Holds the runner `other` holds, letting go of its own.
    GlobalRunner &operator=(const GlobalRunner &other);
    /// Takes over the handle `other` held, letting go of its own.
    GlobalRunner &operator=(GlobalRunner &&other) noexcept;

    /// Starts a runner for `key` whose first run starts at once. Needs a QCoreApplication and a
    /// valid interval; returns a null handle with the reason otherwise, or when the thread
    /// cannot start. Most callers want GlobalRunnerRegistry::acquire().
    static GlobalRunner create(const QString &key, GlobalWorker worker, double interval,
                               const RunnerOptions &options = {}, QString *errorMessage = nullptr);
    /// The same for a worker that takes no context (it may still use TaskContext::current()).
    template<typename Worker,
             std::enable_if_t<!std::is_invocable_v<Worker &, TaskContext &>, int> = 0>
    static GlobalRunner create(const QString &key, Worker worker, double interval,
                               const RunnerOptions &options = {}, QString *errorMessage = nullptr)
    {
        return create(key, plainWorker(std::move(worker)), interval, options, errorMessage);
    }
    /// A GlobalWorker that calls `worker()`.
    template<typename Worker> static GlobalWorker plainWorker(Worker worker)
    {
        return [worker = std::move(worker)](TaskContext &) mutable { return worker(); };
    }

    /// True for a handle that holds no runner.
    bool isNull() const { return !m_core; }
    /// True for a handle that holds a runner.
    explicit operator bool() const { return !isNull(); }
    /// True when both handles hold the same runner (or none).
    bool operator==(const GlobalRunner &other) const { return m_core == other.m_core; }
    /// True when the handles hold different runners.
    bool operator!=(const GlobalRunner &other) const { return !(*this == other); }

    /// A short id that never changes, for headings and logs; empty for a null handle.
    QString id() const;
    /// The key it was made for.
    QString key() const;
    /// "global <key>".
    QString description() const;
    /// Seconds between the end of one run and the start of the next.
    double interval() const;

    /// Takes effect at once, also during a pause that already started: the next run starts at
    /// the end of the last run plus the new interval, or at once if that time has passed. An
    /// invalid value is refused with a warning and false.
    bool setInterval(double seconds);
    /// Lets a running run finish and starts no other: once it returns, no run starts until
    /// resume() or runNow().
    void pause();
    /// Schedules the next run from the end of the last.
    void resume();
    /// Runs the worker as soon as the thread is free (after the current run), paused or not.
    /// Requests made before that run starts are one run.
    void runNow();

    /// A consistent snapshot of the runner, taken under its lock (a copy: cheap, never waits
    /// for a worker).
    GlobalRunnerState state() const;
    /// The runs' records from `fromSequence` on; see SessionRunner::records().
    TaskRecordBatch records(quint64 fromSequence, qsizetype maxCount = -1) const;
    /// How many run records are kept (RunnerOptions::recordLimit at first).
    void setRecordLimit(qsizetype limit);

    /// Returns at once: interrupts the running run and ends the thread when it returns (see
    /// SessionRunner::stop()). Idempotent.
    void stop();
    /// True once stop() was called.
    bool isStopRequested() const;
    /// Finishes once the runner's thread is done with the runner (after stop). A null handle's
    /// future is finished.
    QFuture<void> finished() const;

private:
    friend class RunnerWatcher;
    explicit GlobalRunner(std::shared_ptr<detail::Handle<detail::GlobalCore>> handle);
    std::shared_ptr<detail::Handle<detail::GlobalCore>> m_handle;
    detail::GlobalCore *m_core = nullptr; // owned through m_handle
};

} // namespace TaskRunner

Q_DECLARE_METATYPE(TaskRunner::GlobalRunnerState)
