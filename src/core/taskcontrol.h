#pragma once

// Private: cancellation, progress and waits of the tasks of one runner. Not installed.

#include <QFutureInterface>
#include <TaskRunner/taskrecord.h>

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace TaskRunner {
class TaskOutput;
}

namespace TaskRunner::detail {

class RunnerCore;

// One per runner, shared with the cancel callbacks a worker holds. The task-facing half is
// lock-free (isCancelled(), progress); waits and callbacks take their own small locks, never the
// runner's.
class TaskControl
{
public:
    explicit TaskControl(RunnerCore *core)
        : core(core)
    {}

    RunnerCore *const core; // valid while a task runs

    std::atomic<bool> stopping{false};
    std::atomic<TaskId> cancelled{0}; // the running task that was cancelled
    std::atomic<qint64> progressValue{0};
    std::atomic<qint64> progressMaximum{0};
    // The future of the running task when it came through submit(): told the progress too.
    std::atomic<QFutureInterfaceBase *> future{nullptr};
    std::atomic<qint64> futureMaximum{-1}; // the range last given to `future`

    bool isCancelled(TaskId id) const noexcept
    {
        if (stopping.load(std::memory_order_relaxed) ||
            cancelled.load(std::memory_order_relaxed) == id)
            return true;
        const QFutureInterfaceBase *running = future.load(std::memory_order_relaxed);
        return running && running->isCanceled();
    }

    // Cancels task `id` (the running one): wakes its waits and calls its callbacks.
    void cancel(TaskId id);
    // The runner stops: every wait wakes, every callback is called.
    void stop();
    // True when `duration` passed, false once task `id` is cancelled.
    bool waitFor(TaskId id, std::chrono::nanoseconds duration);

    quint64 addCallback(TaskId id, std::function<void()> callback);
    void removeCallback(quint64 token);

    // Progress text of the running task; the runner clears it when a task starts.
    void setProgressText(const QString &text);
    QString progressText() const;
    void resetProgress();

    // The running task's output, once it wrote some; the runner clears it when a task starts.
    void setOutput(std::shared_ptr<const TaskOutput> output);
    std::shared_ptr<const TaskOutput> output() const;

private:
    void wakeWaits();
    void callCallbacks(TaskId id, bool all);

    std::mutex m_waitMutex;
    std::condition_variable m_waitWake;

    struct Callback
    {
        quint64 token;
        TaskId task;
        std::function<void()> function;
        bool called;
    };
    std::mutex m_callbackMutex; // held while callbacks run, so removal waits for them
    std::vector<Callback> m_callbacks;
    quint64 m_nextToken = 0;

    std::atomic<bool> m_detailsSet{false}; // a text or an output to clear at the next task
    mutable std::mutex m_taskMutex;
    QString m_progressText;
    std::shared_ptr<const TaskOutput> m_output;
};

} // namespace TaskRunner::detail
