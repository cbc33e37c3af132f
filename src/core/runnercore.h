#pragma once

// Private: what both kinds of runner share. Not installed.

#include "notificationhub.h"
#include "taskcontrol.h"

#include <TaskRunner/runneroptions.h>
#include <TaskRunner/taskcontext.h>
#include <TaskRunner/taskrecord.h>

#include <QFutureInterface>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace TaskRunner::detail {

using Clock = std::chrono::steady_clock;

// `now + duration`, or Clock::time_point::max() when that does not fit. Compared in the
// duration's own unit, so that milliseconds::max() does not overflow on its way to nanoseconds.
template<typename Rep, typename Period>
Clock::time_point deadlineAfter(std::chrono::duration<Rep, Period> duration,
                                Clock::time_point now = Clock::now())
{
    using Duration = std::chrono::duration<Rep, Period>;
    if (duration <= Duration::zero())
        return now;
    const auto room = std::chrono::duration_cast<Duration>(Clock::time_point::max() - now);
    if (duration >= room)
        return Clock::time_point::max();
    return now + std::chrono::duration_cast<Clock::duration>(duration);
}
// A steady time point as wall-clock ms since the epoch, through one offset taken per process:
// no second clock read per task.
qint64 wallMSecs(Clock::time_point time);
// The wall clock in ms, from the kernel's coarse clock (a few ms of resolution, a third of the
// cost of a precise read): for queue times.
qint64 coarseWallMSecs();

// A new task id: unique in the process, never 0.
TaskId nextTaskId();

// A mutex for locks held a fraction of a microsecond by two busy threads (a runner's queue):
// lock() tries for a moment before it sleeps, since a sleep and wake-up in the kernel costs more
// than the other thread's whole hold. std::mutex's, and QMutex's, sleep at once.
class BriefMutex
{
public:
    void lock()
    {
        for (int attempt = 0; attempt < 64; ++attempt) {
            if (m_mutex.try_lock())
                return;
            pause();
        }
        m_mutex.lock();
    }
    bool try_lock() { return m_mutex.try_lock(); }
    void unlock() { m_mutex.unlock(); }

private:
    static void pause()
    {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#elif defined(__aarch64__)
        asm volatile("yield");
#endif
    }
    std::mutex m_mutex;
};

// Signalled once a runner's thread is done with the runner. Thread-safe.
class Completion
{
public:
    void markDone();
    bool isDone() const;
    // True once done, false if `deadline` passed first.
    bool waitUntil(Clock::time_point deadline) const;

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_doneChanged;
    bool m_done = false;
};

// The finished records a runner keeps for consumers: the newest `limit`, oldest first, with
// sequence numbers from 1. Not thread-safe: the runner's lock guards it.
class RecordStore
{
public:
    explicit RecordStore(qsizetype limit);
    // Adds a record and moves the records it pushes out into `evicted`, to be destroyed after
    // the lock is released (a task's destructor never runs under a runner lock).
    void add(TaskRecord &&record, std::deque<TaskRecord> &evicted);
    void setLimit(qsizetype limit, std::deque<TaskRecord> &evicted);
    quint64 nextSequence() const { return m_last + 1; }
    quint64 lastSequence() const { return m_last; }
    TaskRecordBatch read(quint64 fromSequence, qsizetype maxCount) const;

private:
    std::deque<TaskRecord> m_records;
    qsizetype m_limit;
    quint64 m_last = 0;
};

// A runner: its thread, stop, notifications and lifetime. Held by shared_ptr: by the user's
// handles, by watchers, and by its thread until that thread is done, so whatever a caller holds
// stays valid.
class RunnerCore : public std::enable_shared_from_this<RunnerCore>
{
public:
    enum class Kind : quint8 { Session, Global };

    RunnerCore(Kind kind, const QString &name, const RunnerOptions &options);
    virtual ~RunnerCore();
    RunnerCore(const RunnerCore &) = delete;
    RunnerCore &operator=(const RunnerCore &) = delete;

    const QString id;
    const QString description; // "session <id>" or "global <key>"
    const Kind kind;
    NotificationHub hub;
    const std::shared_ptr<TaskControl> control;

    // Starts the thread, named `threadName`. Call once, right after construction. False (with
    // the reason) when there is no QCoreApplication or the thread did not start.
    bool start(const QString &threadName, QString *errorMessage);

    // Thread-safe, idempotent, returns at once: calls onStopRequested() once, cancels the
    // running task, and requests QThread interruption. The runner's thread ends once its loop
    // sees the stop.
    void requestStop();
    bool isStopRequested() const { return control->stopping.load(std::memory_order_acquire); }

    const Completion &completion() const { return m_completion; }
    QFuture<void> finished() const;
    // The calling thread is this runner's own.
    bool isOwnThread() const;

    void reportChange(bool urgent = false,
                      std::chrono::nanoseconds quietFor = std::chrono::nanoseconds::max())
    {
        hub.report(urgent, quietFor);
    }

    // Runner thread only: the loop, from start to stop.
    void runThread();
    // Runner thread only, at the very end, from QThread::finished.
    void threadFinished();

protected:
    // For the destructors, first thing: orders what threadFinished() did on the runner's thread
    // before the runner is torn down, where ThreadSanitizer can see it. The last reference goes
    // with the deletion of the QThread in the main thread, and QThread's own hand-off between
    // the threads is invisible to it (Qt is not instrumented).
    void waitUntilThreadFinishedReturned() const { std::lock_guard lock(m_threadEndMutex); }

    // Called once by requestStop(), on the calling thread, with no lock held, after the stop
    // flag was set and before the running task is cancelled.
    virtual void onStopRequested() {}
    // The runner's loop, on its thread; returns once it saw the stop.
    virtual void threadMain() = 0;

    // A context for a task or run `id`, on the runner's thread.
    TaskContext makeContext(TaskId id) const;
    // What the context of the last task collected, read after the worker returned.
    static std::shared_ptr<TaskOutput> takeOutput(TaskContext &context);
    static std::optional<int> exitCodeOf(const TaskContext &context);

    // Delivers what tasks posted to objects of the runner's thread: its event loop does not
    // run while the runner lives.
    static void deliverPostedEvents();
    void log(const QString &message) const;

    const RunnerOptions m_options;

private:
    friend class TaskControl;

    Completion m_completion;
    mutable QFutureInterface<void> m_finished;
    std::mutex m_stopMutex;              // guards m_thread against its deletion at the thread's end
    mutable std::mutex m_threadEndMutex; // held by threadFinished() throughout
    QThread *m_thread = nullptr;
    std::atomic<Qt::HANDLE> m_threadId{nullptr};
};

// The object that a user's handles share: the last one to go stops the runner (its thread and
// watchers may hold the runner itself longer).
template<typename Core> class Handle
{
public:
    explicit Handle(std::shared_ptr<Core> core)
        : core(std::move(core))
    {}
    ~Handle() { core->requestStop(); }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;

    const std::shared_ptr<Core> core;
};

// The QObject that lives on a runner's thread and runs its loop (the worker-object pattern).
// Freed on that thread when it finishes.
class RunnerThreadObject : public QObject
{
    Q_OBJECT
public:
    explicit RunnerThreadObject(RunnerCore *core);
    void run();

private:
    RunnerCore *const m_core; // kept alive by the thread's finished() connection
};

// Makes sure the application's quit and destruction stop every runner: per QCoreApplication
// instance. False (with the reason) without a QCoreApplication.
bool ensureShutdownHooks(QString *errorMessage);

} // namespace TaskRunner::detail
