#include <TaskRunner/globalrunner.h>

#include "globalcore.h"
#include "logging.h"
#include "workercall.h"

#include <cmath>

namespace TaskRunner {

bool GlobalRunner::isValidInterval(double seconds)
{
    return std::isfinite(seconds) && seconds >= minimumInterval() && seconds <= maximumInterval();
}

namespace detail {

GlobalCore::GlobalCore(const QString &key, GlobalWorker worker, double interval,
                       const RunnerOptions &options)
    : RunnerCore(Kind::Global, key, options)
    , key(key)
    , m_worker(std::move(worker))
    , m_records(options.recordLimit)
{
    m_state.id = id;
    m_state.key = key;
    m_state.interval = interval;
    m_state.paused = options.startPaused;
}

double GlobalCore::interval() const
{
    std::lock_guard lock(m_mutex);
    return m_state.interval;
}

bool GlobalCore::setInterval(double seconds)
{
    if (!GlobalRunner::isValidInterval(seconds)) {
        qCWarning(lcGlobal).nospace()
            << "Refusing interval " << seconds << " s for global runner " << key
            << ": it must be a number of seconds from " << GlobalRunner::minimumInterval() << " to "
            << GlobalRunner::maximumInterval();
        return false;
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_state.interval == seconds)
            return true;
        m_state.interval = seconds;
        scheduleChangedLocked();
    }
    m_scheduleChanged.notify_one();
    reportChange(true);
    return true;
}

void GlobalCore::setPaused(bool paused)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_state.paused == paused)
            return;
        m_state.paused = paused;
        scheduleChangedLocked();
    }
    log(paused ? QStringLiteral("Paused") : QStringLiteral("Resumed"));
    m_scheduleChanged.notify_one();
    reportChange(true);
}

void GlobalCore::runNow()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_state.runRequested || m_state.stopped)
            return; // one run for every request made before it starts
        m_state.runRequested = true;
        scheduleChangedLocked();
    }
    m_scheduleChanged.notify_one();
    reportChange(true);
}

void GlobalCore::onStopRequested()
{
    {
        std::lock_guard lock(m_mutex);
        m_state.stopped = true;
        m_state.runRequested = false;
        scheduleChangedLocked();
    }
    m_scheduleChanged.notify_one();
}

Clock::time_point GlobalCore::nextRunLocked() const
{
    if (m_state.runRequested)
        return Clock::time_point::min();
    if (m_state.paused)
        return Clock::time_point::max();
    if (!m_hasRun)
        return Clock::time_point::min();
    return m_lastEnd + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(m_state.interval));
}

GlobalRunnerState GlobalCore::state() const
{
    std::lock_guard lock(m_mutex);
    GlobalRunnerState state = m_state;
    if (state.running)
        state.runningOutput = control->output();
    return state;
}

TaskRecordBatch GlobalCore::records(quint64 fromSequence, qsizetype maxCount) const
{
    std::lock_guard lock(m_mutex);
    return m_records.read(fromSequence, maxCount);
}

void GlobalCore::setRecordLimit(qsizetype limit)
{
    std::deque<TaskRecord> evicted;
    std::lock_guard lock(m_mutex);
    m_records.setLimit(limit, evicted);
}

void GlobalCore::threadMain()
{
    log(QStringLiteral("Created"));
    std::deque<TaskRecord> evicted; // destroyed outside the lock
    QVariant previousResult;        // likewise
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (isStopRequested())
            break;
        const Clock::time_point next = nextRunLocked();
        if (next != Clock::time_point::min() && Clock::now() < next) {
            // Not due: wait for the time, or for a call that changes the schedule.
            const quint64 seen = m_generation;
            const bool timed = next != Clock::time_point::max();
            m_state.nextRun = timed ? next : Clock::time_point();
            m_state.nextRunMSecs = timed ? wallMSecs(next) : 0;
            lock.unlock();
            evicted.clear();
            previousResult = QVariant();
            log(QStringLiteral("Sleeping"));
            // Urgent (the state the views show for the whole pause), but not to a watcher whose
            // gap is longer than the pause: a runner at 1 ms is told at most once per gap.
            reportChange(true, timed ? next - Clock::now() : std::chrono::nanoseconds::max());
            deliverPostedEvents();
            lock.lock();
            const auto changed = [&] { return m_generation != seen || isStopRequested(); };
            if (timed)
                m_scheduleChanged.wait_until(lock, next, changed);
            else
                m_scheduleChanged.wait(lock, changed);
            continue;
        }

        // Due: the decision and the state that shows it are one step under the lock, so a
        // pause() that returned before it stops it, and one that came after lets it finish.
        const TaskId runId = nextTaskId();
        const Clock::time_point started = Clock::now();
        m_state.running = true;
        m_state.runRequested = false;
        ++m_state.started;
        m_state.nextRun = Clock::time_point();
        m_state.nextRunMSecs = 0;
        m_state.lastRunStartedMSecs = wallMSecs(started);
        control->resetProgress();
        lock.unlock();
        evicted.clear();
        previousResult = QVariant();
        reportChange();

        WorkerOutcome outcome;
        std::shared_ptr<TaskOutput> output;
        std::optional<int> exitCode;
        {
            TaskContext context = makeContext(runId);
            outcome = callWorker([&] { return m_worker(context); },
                                 [&] {
                                     control->stopping.store(true);
                                     std::lock_guard unwinding(m_mutex);
                                     m_state.running = false;
                                     m_state.stopped = true;
                                 });
            output = takeOutput(context);
            exitCode = exitCodeOf(context);
        }
        const Clock::time_point ended = Clock::now();
        const bool cancelled = control->isCancelled(runId);

        TaskRecord record;
        record.id = runId;
        record.startedMSecs = wallMSecs(started);
        record.queuedMSecs = record.startedMSecs;
        record.finishedMSecs = wallMSecs(ended);
        record.duration = std::chrono::duration_cast<std::chrono::microseconds>(ended - started);
        record.exitCode = exitCode;
        record.output = std::move(output);
        if (!outcome.failed) {
            record.state = TaskState::Done;
            record.result = outcome.result;
        } else {
            record.state = cancelled ? TaskState::Cancelled : TaskState::Failed;
            record.errorMessage = outcome.errorMessage;
        }
        outcome.exception = nullptr;

        lock.lock();
        m_lastEnd = ended;
        m_hasRun = true;
        m_state.running = false;
        m_state.lastRunFinishedMSecs = record.finishedMSecs;
        if (record.state == TaskState::Done) {
            ++m_state.runs;
            previousResult = std::exchange(m_state.lastResult, std::move(outcome.result));
            m_state.lastError.clear();
        } else {
            ++m_state.failures;
            m_state.lastError = record.errorMessage;
        }
        m_records.add(std::move(record), evicted);
        m_state.lastSequence = m_records.lastSequence();
    }
    m_state.running = false;
    m_state.nextRun = Clock::time_point();
    m_state.nextRunMSecs = 0;
    lock.unlock();
    evicted.clear();
    previousResult = QVariant();
    log(QStringLiteral("Task Runner Finished"));
}

} // namespace detail

GlobalRunner::GlobalRunner() = default;
GlobalRunner::~GlobalRunner() = default;
GlobalRunner::GlobalRunner(const GlobalRunner &other) = default;
GlobalRunner::GlobalRunner(GlobalRunner &&other) noexcept = default;
GlobalRunner &GlobalRunner::operator=(const GlobalRunner &other) = default;
GlobalRunner &GlobalRunner::operator=(GlobalRunner &&other) noexcept = default;

GlobalRunner::GlobalRunner(std::shared_ptr<detail::Handle<detail::GlobalCore>> handle)
    : m_handle(std::move(handle))
    , m_core(m_handle ? m_handle->core.get() : nullptr)
{}

GlobalRunner GlobalRunner::create(const QString &key, GlobalWorker worker, double interval,
                                  const RunnerOptions &options, QString *errorMessage)
{
    auto refuse = [&](const QString &reason) {
        qCWarning(detail::lcGlobal).noquote()
            << "Cannot create global runner" << key << "-" << reason;
        if (errorMessage)
            *errorMessage = reason;
        return GlobalRunner();
    };
    if (!worker)
        return refuse(QStringLiteral("no worker"));
    if (!isValidInterval(interval))
        return refuse(QStringLiteral("the interval must be a number of seconds from %1 to %2")
                          .arg(minimumInterval())
                          .arg(maximumInterval(), 0, 'f', 0));
    auto core = std::make_shared<detail::GlobalCore>(key, std::move(worker), interval, options);
    const QString threadName =
        options.threadName.isEmpty() ? QStringLiteral("global %1").arg(key) : options.threadName;
    if (!core->start(threadName, errorMessage))
        return {};
    return GlobalRunner(std::make_shared<detail::Handle<detail::GlobalCore>>(std::move(core)));
}

QString GlobalRunner::id() const
{
    return m_core ? m_core->id : QString();
}

QString GlobalRunner::key() const
{
    return m_core ? m_core->key : QString();
}

QString GlobalRunner::description() const
{
    return m_core ? m_core->description : QString();
}

double GlobalRunner::interval() const
{
    return m_core ? m_core->interval() : 0.0;
}

bool GlobalRunner::setInterval(double seconds)
{
    return m_core && m_core->setInterval(seconds);
}

void GlobalRunner::pause()
{
    if (m_core)
        m_core->setPaused(true);
}

void GlobalRunner::resume()
{
    if (m_core)
        m_core->setPaused(false);
}

void GlobalRunner::runNow()
{
    if (m_core)
        m_core->runNow();
}

GlobalRunnerState GlobalRunner::state() const
{
    if (!m_core) {
        GlobalRunnerState state;
        state.stopped = true;
        return state;
    }
    return m_core->state();
}

TaskRecordBatch GlobalRunner::records(quint64 fromSequence, qsizetype maxCount) const
{
    return m_core ? m_core->records(fromSequence, maxCount) : TaskRecordBatch();
}

void GlobalRunner::setRecordLimit(qsizetype limit)
{
    if (m_core)
        m_core->setRecordLimit(limit);
}

void GlobalRunner::stop()
{
    if (m_core)
        m_core->requestStop();
}

bool GlobalRunner::isStopRequested() const
{
    return !m_core || m_core->isStopRequested();
}

QFuture<void> GlobalRunner::finished() const
{
    if (m_core)
        return m_core->finished();
    QFutureInterface<void> done;
    done.reportStarted();
    done.reportFinished();
    return done.future();
}

} // namespace TaskRunner
