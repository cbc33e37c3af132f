#include "globaltaskrunner.h"

#include "logging.h"

#include <QTimer>

#include <algorithm>
#include <cmath>
#include <exception>

namespace {
using Clock = std::chrono::steady_clock;

// QTimer takes an int of milliseconds; longer pauses are waited for in steps.
constexpr auto longestTimerStep = std::chrono::hours(24);
} // namespace

bool GlobalTaskRunner::isValidInterval(double seconds)
{
    return std::isfinite(seconds) && seconds >= minimumInterval() && seconds <= maximumInterval();
}

GlobalTaskRunner *GlobalTaskRunner::create(const QString &key, Worker worker, double interval)
{
    auto *runner = new GlobalTaskRunner(key, std::move(worker), interval);
    runner->startThread(QStringLiteral("global %1").arg(key));
    return runner;
}

GlobalTaskRunner::GlobalTaskRunner(const QString &key, Worker worker, double interval)
    : TaskRunnerBase(QStringLiteral("global"), key)
    , m_key(key)
    , m_worker(std::move(worker))
    , m_timer(new QTimer(this))
{
    Q_ASSERT(m_worker);
    Q_ASSERT(isValidInterval(interval));
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &GlobalTaskRunner::onTimer);
    connect(this, &GlobalTaskRunner::scheduleRequested, this, &GlobalTaskRunner::scheduleNext,
            Qt::QueuedConnection);
    connect(this, &GlobalTaskRunner::runRequested, this, &GlobalTaskRunner::runOnce,
            Qt::QueuedConnection);
    m_state.id = id();
    m_state.key = key;
    m_state.interval = interval;
}

double GlobalTaskRunner::interval() const
{
    std::lock_guard lock(m_mutex);
    return m_state.interval;
}

bool GlobalTaskRunner::setInterval(double seconds)
{
    if (!isValidInterval(seconds)) {
        qCWarning(lcGlobal).nospace() << "Refusing interval " << seconds << " s for global runner "
                                      << m_key << ": it must be a number of seconds from "
                                      << minimumInterval() << " to " << maximumInterval();
        return false;
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_state.interval == seconds)
            return true;
        m_state.interval = seconds;
    }
    reportChange(true);
    emit scheduleRequested(QPrivateSignal());
    return true;
}

void GlobalTaskRunner::pause()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_state.paused)
            return;
        m_state.paused = true;
    }
    reportChange(true);
    emit scheduleRequested(QPrivateSignal());
}

void GlobalTaskRunner::resume()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_state.paused)
            return;
        m_state.paused = false;
    }
    reportChange(true);
    emit scheduleRequested(QPrivateSignal());
}

void GlobalTaskRunner::runNow()
{
    emit runRequested(QPrivateSignal());
}

GlobalRunnerState GlobalTaskRunner::state() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

void GlobalTaskRunner::threadStarted()
{
    log(QStringLiteral("Created"));
    // The first run starts with the event loop, so a stop() during it is seen at once.
    emit runRequested(QPrivateSignal());
}

void GlobalTaskRunner::threadFinishing()
{
    m_timer->stop();
    log(QStringLiteral("Task Runner Finished"));
}

void GlobalTaskRunner::runOnce()
{
    if (isStopRequested())
        return;
    m_timer->stop();
    {
        std::lock_guard lock(m_mutex);
        m_state.running = true;
    }
    reportChange();

    QVariant result;
    QString error;
    bool failed = false;
    try {
        result = m_worker();
    } catch (const std::exception &exception) {
        failed = true;
        error = QString::fromLocal8Bit(exception.what());
    } catch (...) {
        failed = true;
        error = QStringLiteral("unknown error");
    }
    m_lastEnd = Clock::now();

    {
        std::lock_guard lock(m_mutex);
        m_state.running = false;
        if (failed) {
            ++m_state.failures;
            m_state.lastError = error;
        } else {
            ++m_state.runs;
            m_state.lastResult = std::move(result);
            m_state.lastError.clear();
        }
    }
    reportChange();
    scheduleNext();
}

void GlobalTaskRunner::scheduleNext()
{
    if (isStopRequested())
        return;
    double interval = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_state.running)
            return; // runOnce() schedules when the run ends
        if (m_state.paused) {
            m_timer->stop();
            return;
        }
        interval = m_state.interval;
    }
    log(QStringLiteral("Sleeping"));
    m_nextRun = m_lastEnd + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(interval));
    startTimerForNextRun();
}

void GlobalTaskRunner::onTimer()
{
    if (Clock::now() >= m_nextRun)
        runOnce();
    else
        startTimerForNextRun(); // a step of a pause longer than one timer can wait
}

void GlobalTaskRunner::startTimerForNextRun()
{
    using namespace std::chrono;
    const auto wait = std::clamp<Clock::duration>(m_nextRun - Clock::now(), Clock::duration::zero(),
                                                  longestTimerStep);
    m_timer->start(ceil<milliseconds>(wait));
}

void GlobalTaskRunner::log(const QString &message) const
{
    qCDebug(lcGlobal).noquote() << id() << "-" << message;
}
