#include "notificationhub.h"

#include <TaskRunner/runnerwatcher.h>

#include <QThread>

#include <algorithm>

namespace TaskRunner::detail {

void NotificationHub::report(bool urgent, std::chrono::nanoseconds quietFor)
{
    using namespace std::chrono;
    // The common case under load: every watcher has a delivery on its way that will show this.
    if (!urgent && m_allPending.load(std::memory_order_acquire))
        return;
    const QThread *current = QThread::currentThread();
    std::lock_guard lock(m_mutex);
    const bool urgentToAll = urgent;
    for (RunnerWatcher *watcher : m_watchers) {
        urgent = urgentToAll && quietFor >= watcher->m_minimumGap;
        watcher->m_urgent = watcher->m_urgent || urgent;
        using Pending = RunnerWatcher::Pending;
        // A queued flush will see this report; a running gap timer too, unless it is urgent.
        if (watcher->m_pending == Pending::Flush ||
            (watcher->m_pending == Pending::GapTimer && !urgent))
            continue;
        if (!urgent && watcher->thread() == current) {
            // Reported in the watcher's own thread, which is awake: wait for the gap with its
            // timer, without posting a wake-up to itself.
            watcher->m_pending = Pending::GapTimer;
            milliseconds delay{0};
            const auto now = RunnerWatcher::Clock::now();
            const auto due = watcher->m_lastEmit + watcher->m_minimumGap;
            if (watcher->m_lastEmit != RunnerWatcher::Clock::time_point::min() && now < due)
                delay = ceil<milliseconds>(due - now);
            watcher->m_gapTimer.start(delay);
        } else {
            watcher->m_pending = Pending::Flush;
            emit watcher->flushRequested(RunnerWatcher::QPrivateSignal());
        }
    }
    m_allPending.store(true, std::memory_order_release);
}

void NotificationHub::add(RunnerWatcher *watcher)
{
    std::lock_guard lock(m_mutex);
    m_watchers.push_back(watcher);
    // Its first delivery: the state as it is now.
    watcher->m_pending = RunnerWatcher::Pending::Flush;
    watcher->m_urgent = true;
    emit watcher->flushRequested(RunnerWatcher::QPrivateSignal());
}

void NotificationHub::remove(RunnerWatcher *watcher)
{
    std::lock_guard lock(m_mutex);
    m_watchers.erase(std::remove(m_watchers.begin(), m_watchers.end(), watcher), m_watchers.end());
    watcher->m_pending = RunnerWatcher::Pending::Nothing;
    watcher->m_urgent = false;
    const bool allPending =
        std::all_of(m_watchers.begin(), m_watchers.end(), [](const RunnerWatcher *w) {
            return w->m_pending != RunnerWatcher::Pending::Nothing;
        });
    m_allPending.store(allPending, std::memory_order_release);
}

} // namespace TaskRunner::detail
