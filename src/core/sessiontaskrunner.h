#pragma once

#include "exampleworkers.h"
#include "runnerstate.h"
#include "taskrunnerbase.h"

#include <deque>
#include <mutex>

// One session's worker thread: takes tasks from a FIFO queue and runs them one at a time.
// Idle, it blocks in its thread's event loop (no wake-ups). What the worker throws becomes
// the task's error; the runner goes on with the next task.
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
    // Queued to drain() on the runner's thread (see ChangeNotifier::flushRequested()).
    void drainRequested(QPrivateSignal);

private:
    explicit SessionTaskRunner(Worker worker);

    void drain(); // runner thread
    void log(const QString &message) const;
    void aboutToStop() override;
    void threadFinishing() override;

    const Worker m_worker;

    mutable std::mutex m_mutex;
    std::deque<QVariant> m_queue;
    bool m_drainQueued = false; // a drain() is queued or running
    quint64 m_taken = 0;
    SessionRunnerState m_state;
};
