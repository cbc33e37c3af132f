#include "taskcontrol.h"

#include "runnercore.h"

#include <TaskRunner/taskoutput.h>

#include <algorithm>

namespace TaskRunner::detail {

void TaskControl::cancel(TaskId id)
{
    if (id == 0)
        return;
    cancelled.store(id, std::memory_order_relaxed);
    wakeWaits();
    callCallbacks(id, false);
}

void TaskControl::stop()
{
    stopping.store(true, std::memory_order_relaxed);
    wakeWaits();
    callCallbacks(0, true);
}

void TaskControl::wakeWaits()
{
    {
        // Taken so that a waiter between its check and its sleep cannot miss the wake-up.
        std::lock_guard lock(m_waitMutex);
    }
    m_waitWake.notify_all();
}

bool TaskControl::waitFor(TaskId id, std::chrono::nanoseconds duration)
{
    const auto deadline = deadlineAfter(duration);
    std::unique_lock lock(m_waitMutex);
    const auto interrupted = [&] { return isCancelled(id); };
    if (deadline == Clock::time_point::max()) {
        m_waitWake.wait(lock, interrupted);
        return false;
    }
    return !m_waitWake.wait_until(lock, deadline, interrupted);
}

quint64 TaskControl::addCallback(TaskId id, std::function<void()> callback)
{
    std::lock_guard lock(m_callbackMutex);
    const quint64 token = ++m_nextToken;
    const bool now = isCancelled(id);
    m_callbacks.push_back({token, id, std::move(callback), now});
    if (now)
        m_callbacks.back().function();
    return token;
}

void TaskControl::removeCallback(quint64 token)
{
    std::function<void()> removed;
    {
        std::lock_guard lock(m_callbackMutex);
        auto it = std::find_if(m_callbacks.begin(), m_callbacks.end(),
                               [token](const Callback &c) { return c.token == token; });
        if (it == m_callbacks.end())
            return;
        removed = std::move(it->function);
        m_callbacks.erase(it);
    }
    // `removed` (and what it captured) is destroyed outside the lock.
}

void TaskControl::callCallbacks(TaskId id, bool all)
{
    std::lock_guard lock(m_callbackMutex);
    for (Callback &callback : m_callbacks) {
        if (!callback.called && (all || callback.task == id)) {
            callback.called = true;
            callback.function();
        }
    }
}

void TaskControl::setProgressText(const QString &text)
{
    std::lock_guard lock(m_taskMutex);
    m_progressText = text;
    m_detailsSet.store(true, std::memory_order_relaxed);
}

QString TaskControl::progressText() const
{
    std::lock_guard lock(m_taskMutex);
    return m_progressText;
}

void TaskControl::resetProgress()
{
    progressValue.store(0, std::memory_order_relaxed);
    progressMaximum.store(0, std::memory_order_relaxed);
    if (!m_detailsSet.load(std::memory_order_relaxed) ||
        !m_detailsSet.exchange(false, std::memory_order_relaxed))
        return; // no lock per task for tasks that set neither
    std::shared_ptr<const TaskOutput> output;
    QString text;
    {
        std::lock_guard lock(m_taskMutex);
        output.swap(m_output);
        text.swap(m_progressText);
    }
}

void TaskControl::setOutput(std::shared_ptr<const TaskOutput> output)
{
    std::lock_guard lock(m_taskMutex);
    m_output = std::move(output);
    m_detailsSet.store(true, std::memory_order_relaxed);
}

std::shared_ptr<const TaskOutput> TaskControl::output() const
{
    std::lock_guard lock(m_taskMutex);
    return m_output;
}

} // namespace TaskRunner::detail
