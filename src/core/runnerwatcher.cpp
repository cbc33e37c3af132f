#include <TaskRunner/runnerwatcher.h>

#include "globalcore.h"
#include "runnercore.h"
#include "sessioncore.h"

#include <TaskRunner/globalrunner.h>
#include <TaskRunner/sessionrunner.h>

#include <QPointer>

#include <algorithm>

namespace TaskRunner {

RunnerWatcher::RunnerWatcher(QObject *parent)
    : QObject(parent)
    , m_gapTimer(this)
{
    m_gapTimer.setSingleShot(true);
    m_gapTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_gapTimer, &QTimer::timeout, this, &RunnerWatcher::flush);
    connect(this, &RunnerWatcher::flushRequested, this, &RunnerWatcher::flush,
            Qt::QueuedConnection);
}

RunnerWatcher::~RunnerWatcher()
{
    clear();
}

void RunnerWatcher::setRunner(const SessionRunner &runner)
{
    watch(runner.m_handle ? runner.m_handle->core : nullptr);
}

void RunnerWatcher::setRunner(const GlobalRunner &runner)
{
    watch(runner.m_handle ? runner.m_handle->core : nullptr);
}

void RunnerWatcher::clear()
{
    watch(nullptr);
}

void RunnerWatcher::watch(std::shared_ptr<detail::RunnerCore> core)
{
    if (core == m_core)
        return;
    if (m_core)
        m_core->hub.remove(this);
    m_gapTimer.stop();
    m_finishedEmitted = false;
    m_lastEmit = Clock::time_point::min();
    // The old runner is released outside the hub's lock; it may be the last holder.
    std::shared_ptr<detail::RunnerCore> old = std::exchange(m_core, std::move(core));
    if (m_core)
        m_core->hub.add(this);
}

void RunnerWatcher::setMinimumGap(std::chrono::milliseconds gap)
{
    gap = std::max(gap, std::chrono::milliseconds(0));
    if (gap == m_minimumGap) // only this thread writes it
        return;
    if (!m_core) {
        m_minimumGap = gap;
        return;
    }
    bool waiting = false;
    {
        // The runner's threads read the gap under this lock when they report.
        std::lock_guard lock(m_core->hub.m_mutex);
        m_minimumGap = gap;
        waiting = m_pending == Pending::GapTimer;
    }
    // The waiting delivery is due again by the new gap: flush() works it out and waits the rest.
    if (waiting)
        m_gapTimer.start(0);
}

void RunnerWatcher::flush()
{
    if (!m_core)
        return;
    const auto now = Clock::now();
    {
        std::lock_guard lock(m_core->hub.m_mutex);
        if (m_pending == Pending::Nothing)
            return; // an urgent flush already delivered what the gap timer waited for
        const auto due = m_lastEmit == Clock::time_point::min() ? now : m_lastEmit + m_minimumGap;
        if (!m_urgent && now < due) {
            m_pending = Pending::GapTimer;
            m_gapTimer.start(std::chrono::duration_cast<std::chrono::milliseconds>(due - now) +
                             std::chrono::milliseconds(1));
            return;
        }
        m_pending = Pending::Nothing;
        m_urgent = false;
        m_lastEmit = now;
        m_core->hub.m_allPending.store(false, std::memory_order_release);
    }
    m_gapTimer.stop();
    // finished() was the last word on this runner: a report that comes after it (its thread's
    // last one may reach the hub after the completion) says nothing new.
    if (m_finishedEmitted)
        return;
    const bool done = m_core->completion().isDone(); // before the state the receivers read
    QPointer<RunnerWatcher> self(this);
    emit stateChanged();
    if (self && done && !m_finishedEmitted && m_core) {
        m_finishedEmitted = true;
        emit finished();
    }
}

} // namespace TaskRunner
