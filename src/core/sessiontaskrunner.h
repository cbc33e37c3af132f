#pragma once

#include "exampleworkers.h"
#include "runnerstate.h"
#include "taskrunnerbase.h"

#include <QSemaphore>

#include <deque>
#include <mutex>

// One session's worker thread: takes tasks from a FIFO queue and runs them one at a time.
// What the worker throws becomes the task's error; the runner goes on with the next task.
//
// Idle, the thread sleeps without wake-ups: in its event loop until the first task, then on a
// semaphore that append() releases directly, which wakes it faster than an event posted
// through its event loop. (A condition variable would also do, but glibc's hands the woken
// thread its mutex marked as contended: unlocking it costs one more system call on the way
// from a task to its result.) While the runner waits, that loop does not run: the events
// tasks posted to objects of the runner's thread (deleteLater(), queued calls) are delivered
// at the end of each burst of tasks, before the wait, and a timer a task started on its own
// thread does not fire while the runner is idle (a task should finish what it starts).
//
// Lifetime: create() starts the thread; the creator owns the runner until it calls stop(),
// after which the runner deletes itself in the main thread once its running task returned.
// Never delete a runner directly.
class SessionTaskRunner : public TaskRunnerBase
{
    Q_OBJECT
public:
    using Worker = TaskRunner::SessionWorker;

    // Starts a runner whose tasks are run by `worker` on the runner's thread.
    static SessionTaskRunner *create(Worker worker = TaskRunner::exampleSessionWorker());

    // Queues a task. Thread-safe, O(1), never blocks on the worker; ignored after stop().
    void append(const QVariant &task);
    // Drops the tasks that wait; the running one goes on. Returns how many were dropped.
    // Thread-safe.
    qsizetype clear();
    // A consistent snapshot. Thread-safe.
    SessionRunnerState state() const;

    // Thread-safe, idempotent, returns at once (never waits for the worker): drops the queued
    // tasks, interrupts the running one and ends the thread when it returns.
    void stop();

signals:
    // Queued to drain() on the runner's thread once, for the first task (see
    // ChangeNotifier::flushRequested()).
    void drainRequested(QPrivateSignal);

private:
    explicit SessionTaskRunner(Worker worker);

    void drain(); // runner thread: runs tasks, then waits for more, until stop
    void log(const QString &message) const;
    void aboutToStop() override;
    void threadFinishing() override;

    const Worker m_worker;

    mutable std::mutex m_mutex;
    std::deque<QVariant> m_queue;
    bool m_drainQueued = false; // a drain() is queued or running
    // drain() waits for m_wake. Whoever sets it back to false (under m_mutex) releases one
    // token once unlocked, so the count never exceeds one and the runner wakes to a free mutex.
    bool m_waiting = false;
    QSemaphore m_wake; // a task was queued or stop was requested
    quint64 m_taken = 0;
    SessionRunnerState m_state;
};
