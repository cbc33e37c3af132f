#pragma once

#include <TaskRunner/taskoutput.h>
#include <TaskRunner/taskrecord.h>
#include <TaskRunner/taskrunnercore_export.h>

#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace TaskRunner {

namespace detail {
class TaskControl;
class RunnerCore;
} // namespace detail

/// What a worker gets for the task it runs: cancellation, progress and output.
///
/// A runner makes one per task on its thread and passes it to the worker; it is valid until the
/// worker returns. Every method is meant for the worker's thread except isCancelled(), which any
/// thread may call while the task runs. None emits a signal or blocks on the GUI: progress and
/// output are coalesced, and the runner's watchers (RunnerWatcher) get at most one notification
/// per gap however often they are called.
class TASKRUNNER_CORE_EXPORT TaskContext
{
public:
    TaskContext(const TaskContext &) = delete;
    TaskContext &operator=(const TaskContext &) = delete;

    /// The id of the task this context belongs to.
    TaskId taskId() const { return m_id; }

    /// True once this task was cancelled or its runner is stopping. A couple of atomic loads;
    /// thread-safe.
    bool isCancelled() const noexcept;
    /// Blocks until `duration` passed (true) or the task is cancelled (false), without polling.
    bool waitFor(std::chrono::nanoseconds duration) const;

    /// The task's progress: `value` of `maximum`, or busy without a known end when `maximum` is
    /// 0. A few nanoseconds: two relaxed stores and, while a notification is on its way, one
    /// load. A future from SessionRunner::submit() reports it too.
    void setProgress(qint64 value, qint64 maximum);
    /// A line describing the progress, shown with it (SessionRunnerState::progressText).
    void setProgressText(const QString &text);

    /// Adds to the task's output (a bounded tail, with the exact total size).
    void appendOutput(QByteArrayView data, OutputChannel channel = OutputChannel::StandardOutput);
    /// Kept in the task's record, for commands.
    void setExitCode(int code);

    /// Keeps the callback that onCancelled() registered: destroying it unregisters the callback,
    /// waiting for a call that is running. Move-only; not for concurrent use.
    class TASKRUNNER_CORE_EXPORT CancelCallback
    {
    public:
        /// Holds no callback.
        CancelCallback() = default;
        /// Takes over the callback `other` held.
        CancelCallback(CancelCallback &&other) noexcept;
        /// Unregisters the callback held, then takes over the one `other` held.
        CancelCallback &operator=(CancelCallback &&other) noexcept;
        /// Unregisters the callback, waiting for a call that is running on another thread.
        ~CancelCallback();

    private:
        friend class TaskContext;
        CancelCallback(std::shared_ptr<detail::TaskControl> control, quint64 token);
        std::shared_ptr<detail::TaskControl> m_control;
        quint64 m_token = 0;
    };
    /// Calls `callback` once when this task is cancelled or its runner stops, on the thread that
    /// cancels (at once, on this thread, if that already happened), until the returned object is
    /// destroyed; destroying it waits for a callback that is running. The callback must be quick,
    /// must not block and must not call the runner: wake something, as
    /// QAbstractEventDispatcher::wakeUp() does.
    [[nodiscard]] CancelCallback onCancelled(std::function<void()> callback);

    /// The context of the task running on the calling thread, or nullptr: for workers that take
    /// no context argument. Thread-safe (each thread sees its own).
    static TaskContext *current();

private:
    friend class detail::RunnerCore;
    TaskContext(detail::TaskControl *control, TaskId id, qint64 outputLimit);

public:
    /// Made and destroyed by the runner, around the worker's call.
    ~TaskContext();

private:
    detail::TaskControl *const m_control;
    const TaskId m_id;
    const qint64 m_outputLimit;
    std::shared_ptr<TaskOutput> m_output; // made with the first output
    std::optional<int> m_exitCode;
};

} // namespace TaskRunner
