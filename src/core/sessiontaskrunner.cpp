#include "sessiontaskrunner.h"

#include "logging.h"

#include <QCoreApplication>

#include <exception>
#include <optional>

SessionTaskRunner *SessionTaskRunner::create(Worker worker)
{
    auto *runner = new SessionTaskRunner(std::move(worker));
    runner->startThread(QStringLiteral("session %1").arg(runner->id()));
    return runner;
}

SessionTaskRunner::SessionTaskRunner(Worker worker)
    : TaskRunnerBase(QStringLiteral("session"), QString())
    , m_worker(std::move(worker))
{
    Q_ASSERT(m_worker);
    m_state.id = id();
    connect(this, &SessionTaskRunner::drainRequested, this, &SessionTaskRunner::drain,
            Qt::QueuedConnection);
}

void SessionTaskRunner::append(const QVariant &task)
{
    bool startDrain = false;
    bool runnerWaits = false;
    {
        std::lock_guard lock(m_mutex);
        if (isStopRequested())
            return;
        m_queue.push_back(task);
        m_state.queueLength = qsizetype(m_queue.size());
        startDrain = !std::exchange(m_drainQueued, true);
        runnerWaits = std::exchange(m_waiting, false);
    }
    if (runnerWaits)
        m_wake.release();
    else if (startDrain)
        emit drainRequested(QPrivateSignal());
    reportChange();
}

qsizetype SessionTaskRunner::clear()
{
    std::deque<QVariant> dropped;
    {
        std::lock_guard lock(m_mutex);
        dropped.swap(m_queue);
        m_state.queueLength = 0;
    }
    reportChange(true);
    return qsizetype(dropped.size()); // the tasks are destroyed outside the lock
}

SessionRunnerState SessionTaskRunner::state() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

void SessionTaskRunner::stop()
{
    requestStop();
}

void SessionTaskRunner::aboutToStop()
{
    log(QStringLiteral("Stopping Task Runner"));
    clear(); // takes m_mutex after the stop flag was set: a waiting drain() will see the flag
    bool runnerWaits = false;
    {
        std::lock_guard lock(m_mutex);
        runnerWaits = std::exchange(m_waiting, false);
    }
    if (runnerWaits)
        m_wake.release();
}

void SessionTaskRunner::threadFinishing()
{
    log(QStringLiteral("Finished Task Runner"));
}

void SessionTaskRunner::drain()
{
    using Clock = std::chrono::steady_clock;
    // A task's duration runs from when it was taken. In a burst, that is when the task before
    // it returned (plus the bookkeeping between, well under a microsecond): one clock read per
    // task, which on virtual machines is no longer cheap.
    std::optional<Clock::time_point> previousEnd;
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_queue.empty() && !isStopRequested()) {
            previousEnd.reset();
            lock.unlock();
            log(QStringLiteral("Waiting for a task"));
            reportChange(true); // the end of a burst: show it now
            // The thread's event loop does not run while the runner waits: deliver what the
            // tasks posted to objects of this thread first. Deferred deletes posted from here
            // (this slot's loop level) are sent only when asked for by type.
            QCoreApplication::sendPostedEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            lock.lock();
            while (m_queue.empty() && !isStopRequested()) {
                m_waiting = true;
                lock.unlock();
                m_wake.acquire();
                lock.lock();
            }
        }
        if (isStopRequested()) {
            // Back to the event loop, which stop() has told to quit.
            m_drainQueued = false;
            lock.unlock();
            reportChange(true); // the last result, for whoever still watches
            return;
        }

        QVariant task = std::move(m_queue.front());
        m_queue.pop_front();
        TaskRecord record;
        m_state.itemsLeft = qsizetype(m_queue.size()) + 1;
        m_state.queueLength = qsizetype(m_queue.size());
        m_state.busy = true;
        record.number = ++m_taken;
        lock.unlock();
        if (lcSession().isDebugEnabled())
            log(state().statusText());
        reportChange();

        const Clock::time_point started = previousEnd ? *previousEnd : Clock::now();
        try {
            record.result = m_worker(task);
        } catch (const std::exception &error) {
            record.failed = true;
            record.errorMessage = QString::fromLocal8Bit(error.what());
        } catch (...) {
            record.failed = true;
            record.errorMessage = QStringLiteral("unknown error");
        }
        previousEnd = Clock::now();
        record.duration =
            std::chrono::duration_cast<std::chrono::microseconds>(*previousEnd - started);
        task = QVariant(); // destroyed on this thread, outside the lock

        lock.lock();
        m_state.busy = false;
        m_state.lastFailed = record.failed;
        if (record.failed) {
            ++m_state.failed;
            m_state.lastError = record.errorMessage;
        } else {
            ++m_state.done;
            m_state.lastResult = record.result;
        }
        if (m_state.recent.size() >= SessionRunnerState::historyLimit())
            m_state.recent.removeFirst();
        m_state.recent.append(std::move(record));
        // Still locked: the result is reported together with the next task taken, or as the
        // end of the burst when there is none.
    }
}

void SessionTaskRunner::log(const QString &message) const
{
    qCDebug(lcSession).noquote() << id() << "-" << message;
}
