#include "interruption.h"

#include <QThread>

#include <algorithm>
#include <thread>

namespace TaskRunner {

namespace {
// Owned by the runner; the thread only borrows it while the runner's loop runs.
thread_local std::shared_ptr<Interruption> t_current;
} // namespace

void Interruption::request()
{
    {
        std::lock_guard lock(m_mutex);
        m_requested = true;
    }
    m_wake.notify_all();
}

bool Interruption::isRequested() const
{
    std::lock_guard lock(m_mutex);
    return m_requested;
}

bool Interruption::waitFor(std::chrono::nanoseconds duration) const
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, duration, [this] { return m_requested; });
}

std::shared_ptr<Interruption> Interruption::current()
{
    return t_current;
}

void Interruption::setCurrent(std::shared_ptr<Interruption> interruption)
{
    t_current = std::move(interruption);
}

bool isInterruptionRequested()
{
    if (t_current && t_current->isRequested())
        return true;
    return QThread::currentThread()->isInterruptionRequested();
}

bool sleepFor(std::chrono::nanoseconds duration)
{
    using namespace std::chrono;
    if (const auto interruption = t_current)
        return interruption->waitFor(duration);

    // Not a runner thread: nothing can wake us, so look at QThread's flag in short slices.
    constexpr auto slice = milliseconds(10);
    const auto deadline = steady_clock::now() + duration;
    for (;;) {
        if (QThread::currentThread()->isInterruptionRequested())
            return false;
        const auto now = steady_clock::now();
        if (now >= deadline)
            return true;
        std::this_thread::sleep_for(std::min<nanoseconds>(deadline - now, slice));
    }
}

} // namespace TaskRunner
