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
class SessionCore;
template<typename Core> class Handle;
} // namespace detail

/// A task that waits in a session's queue.
struct QueuedTask
{
    TaskId id = 0;          ///< the task's id, as append() returned it
    quint64 number = 0;     ///< the session's count of appended tasks when it was appended
    QVariant task;          ///< what was appended
    qint64 queuedMSecs = 0; ///< when it was appended: ms since the epoch (UTC)
};

/// A consistent snapshot of a session runner: every field belongs to the same moment. A plain
/// value, as SessionRunner::state() returns it.
struct TASKRUNNER_CORE_EXPORT SessionRunnerState
{
    QString id;                ///< the runner's id (SessionRunner::id())
    bool busy = false;         ///< a task is running
    bool paused = false;       ///< takes no new task until resumed
    bool stopped = false;      ///< stop() was called (or the last handle went away)
    qsizetype queueLength = 0; ///< tasks waiting, not counting the running one
    quint64 done = 0;          ///< tasks whose worker returned
    quint64 failed = 0;        ///< tasks whose worker threw
    quint64 cancelled = 0;     ///< tasks cancelled while running or waiting
    bool lastFailed = false;   ///< the last task that ended did not succeed
    QVariant lastResult;       ///< the last task's result, while it succeeded
    QString lastError;         ///< the last task's error message, when it did not succeed

    /// \name The running task, when busy
    ///@{
    TaskId runningId = 0;                               ///< its id
    quint64 runningNumber = 0;                          ///< its number (QueuedTask::number)
    QVariant runningTask;                               ///< what was appended
    qint64 runningStartedMSecs = 0;                     ///< when it started: ms since the epoch
    std::chrono::steady_clock::time_point runningSince; ///< when it started, on the steady clock
    qint64 progressValue = 0;                           ///< TaskContext::setProgress()'s value
    qint64 progressMaximum = 0; ///< TaskContext::setProgress()'s maximum; 0: no known end
    QString progressText;       ///< TaskContext::setProgressText()'s text
    std::shared_ptr<const TaskOutput> runningOutput; ///< null until it writes
    ///@}

    quint64 appended = 0;      ///< tasks ever appended: the number of the newest
    quint64 queueRevision = 0; ///< changes with every change to the waiting tasks but the take
                               ///< of the first one by the runner
    quint64 lastSequence = 0;  ///< sequence of the newest record (0: none yet)

    /// The running task plus those waiting: the N of "Processing: N items left.".
    qsizetype itemsLeft() const { return queueLength + (busy ? 1 : 0); }
    /// "The queue is empty" or "Processing: N items left." (untranslated; the app has its own)
    QString statusText() const;
    /// The last result as text ("None" before the first), or "Error: <message>".
    QString lastResultText() const;
};

/// What a view reads in one step: the state, the newest records, and the waiting tasks when the
/// queue changed, all of the same moment.
struct SessionSnapshot
{
    SessionRunnerState state;  ///< The state.
    TaskRecordBatch records;   ///< The newest records asked for.
    bool hasWaiting = false;   ///< The queue changed since the revision the caller knew.
    QList<QueuedTask> waiting; ///< The waiting tasks, when hasWaiting.
};

/// What a session runner runs for each task, on its thread: the task as appended, and the task's
/// context. What it returns is the task's result; what it throws, the task's error.
using SessionWorker = std::function<QVariant(const QVariant &task, TaskContext &context)>;

/// One session's worker thread: runs queued tasks one at a time, in order. What a worker throws
/// becomes its task's error and the runner goes on with the next task.
///
/// Lifetime: a SessionRunner is a handle. Copies share one runner; every method is thread-safe,
/// may be called at any time from any thread, and is a harmless no-op (or reports the final
/// state) after stop(). The runner stops when stop() is called or the last handle is gone; its
/// thread then ends in the background once the running task returns, and the runner is freed
/// when nothing holds it any more. Nothing here waits for a worker.
///
/// Nothing here emits a signal either: a SessionRunner is no QObject. A RunnerWatcher tells a
/// thread with an event loop when the runner changed, and a future from submit() when a task
/// ended.
///
/// Idle, its thread blocks on a semaphore without wake-ups. Events that tasks post to objects of
/// the runner's thread are delivered between tasks, before it waits; the thread's own event loop
/// does not run while the runner lives (a worker that needs one runs its own), so neither
/// QThread::quit() from a worker nor a nested event loop can end or re-enter it.
class TASKRUNNER_CORE_EXPORT SessionRunner
{
public:
    /// A null handle: every call is a no-op.
    SessionRunner();
    /// Lets go of the runner; the last handle to go stops it (see stop()), without waiting.
    ~SessionRunner();
    /// Another handle to the runner `other` holds.
    SessionRunner(const SessionRunner &other);
    /// Takes over the handle `other` held; `other` is null after.
    SessionRunner(SessionRunner &&other) noexcept;
    /// Holds the runner `other` holds, letting go of its own (see ~SessionRunner()).
    SessionRunner &operator=(const SessionRunner &other);
    /// Takes over the handle `other` held, letting go of its own (see ~SessionRunner()).
    SessionRunner &operator=(SessionRunner &&other) noexcept;

    /// Starts a runner whose tasks run `worker` on the runner's thread. Needs a
    /// QCoreApplication. Returns a null handle, with the reason in `errorMessage`, when there
    /// is none or the thread cannot start; nothing is leaked then.
    static SessionRunner create(SessionWorker worker, const RunnerOptions &options = {},
                                QString *errorMessage = nullptr);
    /// The same for a worker that takes no context (it may still use TaskContext::current()).
    template<
        typename Worker,
        std::enable_if_t<!std::is_invocable_v<Worker &, const QVariant &, TaskContext &>, int> = 0>
    static SessionRunner create(Worker worker, const RunnerOptions &options = {},
                                QString *errorMessage = nullptr)
    {
        return create(plainWorker(std::move(worker)), options, errorMessage);
    }
    /// A SessionWorker that calls `worker(task)`.
    template<typename Worker> static SessionWorker plainWorker(Worker worker)
    {
        return [worker = std::move(worker)](const QVariant &task, TaskContext &) mutable {
            return worker(task);
        };
    }

    /// True for a handle that holds no runner.
    bool isNull() const { return !m_core; }
    /// True for a handle that holds a runner.
    explicit operator bool() const { return !isNull(); }
    /// True when both handles hold the same runner (or none).
    bool operator==(const SessionRunner &other) const { return m_core == other.m_core; }
    /// True when the handles hold different runners.
    bool operator!=(const SessionRunner &other) const { return !(*this == other); }

    /// A short id that never changes, for headings and logs; empty for a null handle.
    QString id() const;
    /// "session 1a2b3c".
    QString description() const;

    /// Queues a task and returns its id; 0 after stop(). O(1), never blocks on the worker.
    TaskId append(const QVariant &task);
    /// Queues a task and returns a future for its result: the worker's value, its exception (as
    /// a QException, or QUnhandledException for what is not one), or cancelled. Cancelling the
    /// future cancels the task (see cancel()): a watcher in the QCoreApplication's thread hears
    /// of it (without an application, the task's context still reports it cancelled, also to a
    /// task that starts after its future was cancelled, but its waits and cancel callbacks are
    /// not woken). The future reports the task's progress
    /// (TaskContext::setProgress(), scaled to an int). It
    /// finishes on the thread that ends the task (the runner's, or the one that cancels it):
    /// give continuations a context object (`.then(object, ...)`) to run them in its thread.
    QFuture<QVariant> submit(const QVariant &task);
    /// A waiting task is removed (and recorded as cancelled); the running one is interrupted on
    /// its own (its context reports cancelled, its waits and callbacks wake) and the runner goes
    /// on with the next. False when no such task waits or runs.
    bool cancel(TaskId id);
    /// Moves a waiting task one place towards the front. False when it does not wait or cannot
    /// move.
    bool moveUp(TaskId id);
    /// Moves a waiting task one place towards the back. False when it does not wait or cannot
    /// move.
    bool moveDown(TaskId id);
    /// Moves a waiting task to the front. False when it does not wait or cannot move.
    bool moveToFront(TaskId id);
    /// Paused, the runner lets the running task finish and takes no new one.
    void pause();
    /// Lets a paused runner take the next task.
    void resume();
    /// Drops every waiting task (not recorded); the running one goes on. Returns how many.
    qsizetype clear();

    /// A consistent snapshot of the runner, taken under its lock (a copy: cheap, never waits
    /// for a worker). A null handle's state is empty and stopped.
    SessionRunnerState state() const;
    /// The waiting tasks, in the order they will run; and, when asked for, the state at the
    /// same moment.
    QList<QueuedTask> waitingTasks(SessionRunnerState *stateThen = nullptr) const;
    /// The finished tasks' records from `fromSequence` on (at most `maxCount`, all when
    /// negative), with a count of those no longer kept. No event per task: read them when
    /// notified.
    TaskRecordBatch records(quint64 fromSequence, qsizetype maxCount = -1) const;
    /// The state, the records from `fromSequence` on (only the newest `maxRecords`: older ones
    /// are counted in dropped), and the waiting tasks unless the queue is still at
    /// `knownQueueRevision`. One lock for all of it.
    SessionSnapshot snapshot(quint64 fromSequence, qsizetype maxRecords,
                             quint64 knownQueueRevision) const;
    /// How many records are kept (RunnerOptions::recordLimit at first).
    void setRecordLimit(qsizetype limit);

    /// Returns at once: drops the waiting tasks, cancels the running one and ends the thread
    /// when it returns. Idempotent.
    void stop();
    /// True once stop() was called, or the last handle went away.
    bool isStopRequested() const;
    /// Finishes once the runner's thread is done with the runner (after stop). A null handle's
    /// future is finished.
    QFuture<void> finished() const;

private:
    friend class RunnerWatcher;
    explicit SessionRunner(std::shared_ptr<detail::Handle<detail::SessionCore>> handle);
    std::shared_ptr<detail::Handle<detail::SessionCore>> m_handle;
    detail::SessionCore *m_core = nullptr; // owned through m_handle
};

} // namespace TaskRunner

Q_DECLARE_METATYPE(TaskRunner::SessionRunnerState)
