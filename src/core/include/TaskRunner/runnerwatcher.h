#pragma once

#include <TaskRunner/taskrunnercore_export.h>

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace TaskRunner {

class GlobalRunner;
class SessionRunner;
namespace detail {
class RunnerCore;
class NotificationHub;
} // namespace detail

/// Tells its thread when a runner changed, as QFutureWatcher does for a QFuture. Lives in the
/// thread that made it (any thread with an event loop), and emits there. However fast a runner
/// changes, at most one wake-up per watcher waits in that thread's event queue, and
/// stateChanged() comes at most once per minimumGap() while the runner is busy; the end of a
/// burst (a task ended and none follows, a stop) comes at once. Read the runner's state() in the
/// slot: counters there are exact however many changes one signal stands for.
///
/// Not thread-safe: use it in its own thread. Destroy it at any time; it holds the runner's
/// object (not its thread) alive while it watches. It never emits synchronously from a call:
/// both signals are delivered by its thread's event loop.
class TASKRUNNER_CORE_EXPORT RunnerWatcher : public QObject
{
    Q_OBJECT
public:
    /// A watcher of nothing, in the calling thread.
    explicit RunnerWatcher(QObject *parent = nullptr);
    /// Stops watching; no signal follows.
    ~RunnerWatcher() override;

    /// Watches `runner` from now on (and no other); a null handle watches nothing.
    /// stateChanged() follows at once if the runner exists, and finished() if it already is.
    void setRunner(const SessionRunner &runner);
    /// \overload
    void setRunner(const GlobalRunner &runner);
    /// Watches nothing from now on; no signal of the old runner follows.
    void clear();

    /// The least time between two stateChanged() while the runner is busy: 8 ms by default.
    std::chrono::milliseconds minimumGap() const { return m_minimumGap; }
    /// Sets minimumGap() (a negative gap is 0, which delivers every wake-up as it comes). It may
    /// change while watching: a delivery already waiting for the old gap waits for the new one,
    /// counted from the last stateChanged(), and none is lost.
    void setMinimumGap(std::chrono::milliseconds gap);

signals:
    /// The runner changed (a task was queued, started, reported progress or output, ended; the
    /// runner paused, resumed or stopped): read its state() and records().
    void stateChanged();
    /// The runner's thread is done with it: emitted once, after the last stateChanged().
    void finished();

    /// Internal. Queued to itself: a signal rather than a posted event, so that Qt allocates the
    /// cross-thread event and ThreadSanitizer can follow the hand-off.
    void flushRequested(QPrivateSignal);

private:
    friend class detail::NotificationHub;
    void watch(std::shared_ptr<detail::RunnerCore> core);
    void flush();

    using Clock = std::chrono::steady_clock;
    enum class Pending : quint8 { Nothing, Flush, GapTimer };

    std::shared_ptr<detail::RunnerCore> m_core;
    QTimer m_gapTimer;
    std::chrono::milliseconds m_minimumGap{8};
    Clock::time_point m_lastEmit = Clock::time_point::min();
    bool m_finishedEmitted = false;
    // Under the hub's mutex:
    Pending m_pending = Pending::Nothing;
    bool m_urgent = false;
};

} // namespace TaskRunner
