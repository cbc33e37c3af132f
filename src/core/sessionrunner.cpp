#include <TaskRunner/sessionrunner.h>

#include "logging.h"
#include "sessioncore.h"
#include "workercall.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPointer>
#include <QThread>

#include <algorithm>
#include <mutex>
#include <optional>
#include <vector>

namespace TaskRunner {

QString SessionRunnerState::statusText() const
{
    if (!busy)
        return QStringLiteral("The queue is empty");
    return QStringLiteral("Processing: %1 items left.").arg(itemsLeft());
}

QString SessionRunnerState::lastResultText() const
{
    if (lastFailed)
        return QStringLiteral("Error: %1").arg(lastError);
    return displayText(lastResult);
}

namespace detail {

namespace {
// Dropped queues up to this size are destroyed by the caller (outside the lock); larger ones by
// the runner's thread.
constexpr std::size_t disposeInPlaceLimit = 1024;

void finishCancelled(const SessionCore::Promise &promise)
{
    if (promise) {
        promise->reportCanceled();
        promise->reportFinished();
    }
}

QString cancelledText()
{
    return QCoreApplication::translate("TaskRunner::SessionRunner", "cancelled");
}
} // namespace

SessionCore::SessionCore(SessionWorker worker, const RunnerOptions &options)
    : RunnerCore(Kind::Session, QString(), options)
    , m_worker(std::move(worker))
    , m_records(options.recordLimit)
{
    m_state.id = id;
    m_state.paused = options.startPaused;
    m_intakePaused = options.startPaused;
}

SessionCore::~SessionCore()
{
    waitUntilThreadFinishedReturned();
    for (const Entry &entry : m_queue)
        finishCancelled(entry.promise);
    for (const Entry &entry : m_intake)
        finishCancelled(entry.promise);
    for (const Entry &entry : m_graveyard)
        finishCancelled(entry.promise);
}

bool SessionCore::takeWaiter()
{
    return std::exchange(m_waiting, false);
}

void SessionCore::absorbIntake()
{
    std::lock_guard intake(m_intakeMutex);
    if (m_intake.empty())
        return;
    // The shorter of the two moves (none when the queue is empty, as the runner finds it).
    if (m_intake.size() >= m_queue.size()) {
        for (auto it = m_queue.rbegin(); it != m_queue.rend(); ++it)
            m_intake.push_front(std::move(*it));
        m_queue.clear();
        m_queue.swap(m_intake);
    } else {
        std::move(m_intake.begin(), m_intake.end(), std::back_inserter(m_queue));
        m_intake.clear();
    }
}

SessionCore::Queue::iterator SessionCore::findWaiting(TaskId taskId)
{
    return std::find_if(m_queue.begin(), m_queue.end(),
                        [taskId](const Entry &entry) { return entry.queued.id == taskId; });
}

TaskId SessionCore::append(const QVariant &task, Promise promise)
{
    const qint64 queuedAt = coarseWallMSecs();
    TaskId taskId = 0;
    bool wake = false;
    {
        std::lock_guard lock(m_intakeMutex);
        if (!isStopRequested()) {
            taskId = nextTaskId();
            m_intake.push_back({{taskId, ++m_appended, task, queuedAt}, std::move(promise)});
            ++m_intakeRevision;
            wake = !m_intakePaused && takeWaiter();
        }
    }
    if (!taskId) { // refused: the runner stopped
        finishCancelled(promise);
        return 0;
    }
    if (wake)
        m_wake.release();
    reportChange();
    return taskId;
}

bool SessionCore::cancel(TaskId taskId)
{
    if (!taskId)
        return false;
    Queue dropped;
    std::deque<TaskRecord> evicted;
    bool running = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_state.busy && m_state.runningId == taskId) {
            running = true;
        } else {
            absorbIntake();
            const auto it = findWaiting(taskId);
            if (it == m_queue.end())
                return false;
            TaskRecord record;
            record.id = taskId;
            record.number = it->queued.number;
            record.task = it->queued.task;
            record.state = TaskState::Cancelled;
            record.errorMessage = cancelledText();
            record.queuedMSecs = it->queued.queuedMSecs;
            record.finishedMSecs = coarseWallMSecs();
            dropped.push_back(std::move(*it));
            m_queue.erase(it);
            ++m_queueRevision;
            ++m_state.cancelled;
            m_records.add(std::move(record), evicted);
            m_state.lastSequence = m_records.lastSequence();
        }
    }
    if (running) {
        log(QStringLiteral("Cancelling the running task"));
        control->cancel(taskId);
    }
    dispose(std::move(dropped));
    reportChange(true);
    return true;
}

bool SessionCore::move(TaskId taskId, Move where)
{
    {
        std::lock_guard lock(m_mutex);
        absorbIntake();
        const auto it = findWaiting(taskId);
        if (it == m_queue.end())
            return false;
        const auto index = it - m_queue.begin();
        switch (where) {
        case Move::Up:
            if (index == 0)
                return false;
            std::iter_swap(it, it - 1);
            break;
        case Move::Down:
            if (it + 1 == m_queue.end())
                return false;
            std::iter_swap(it, it + 1);
            break;
        case Move::ToFront:
            if (index == 0)
                return false;
            std::rotate(m_queue.begin(), it, it + 1);
            break;
        }
        ++m_queueRevision;
    }
    reportChange(true);
    return true;
}

void SessionCore::setPaused(bool paused)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_state.paused == paused || isStopRequested())
            return;
        m_state.paused = paused;
        std::lock_guard intake(m_intakeMutex);
        m_intakePaused = paused;
        wake = !paused && !(m_queue.empty() && m_intake.empty()) && takeWaiter();
    }
    log(paused ? QStringLiteral("Paused") : QStringLiteral("Resumed"));
    if (wake)
        m_wake.release();
    reportChange(true);
}

qsizetype SessionCore::clear()
{
    Queue dropped;
    {
        std::lock_guard lock(m_mutex);
        absorbIntake();
        if (m_queue.empty())
            return 0;
        dropped.swap(m_queue);
        ++m_queueRevision;
    }
    const auto count = qsizetype(dropped.size());
    dispose(std::move(dropped));
    reportChange(true);
    return count;
}

void SessionCore::dispose(Queue &&dropped)
{
    if (dropped.empty())
        return;
    for (const Entry &entry : dropped)
        finishCancelled(entry.promise);
    if (dropped.size() <= disposeInPlaceLimit)
        return; // destroyed here, on return, outside every lock
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_graveyard.empty())
            m_graveyard.swap(dropped);
        else
            std::move(dropped.begin(), dropped.end(), std::back_inserter(m_graveyard));
        std::lock_guard intake(m_intakeMutex);
        wake = takeWaiter();
    }
    if (wake)
        m_wake.release();
}

void SessionCore::onStopRequested()
{
    Queue dropped;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        absorbIntake(); // append() refuses new tasks from now on: the stop flag is set
        dropped.swap(m_queue);
        m_state.stopped = true;
        if (!dropped.empty())
            ++m_queueRevision;
        std::lock_guard intake(m_intakeMutex);
        wake = takeWaiter();
    }
    if (wake)
        m_wake.release();
    dispose(std::move(dropped));
}

SessionRunnerState SessionCore::state() const
{
    std::lock_guard lock(m_mutex);
    return stateLocked();
}

SessionRunnerState SessionCore::stateLocked() const
{
    SessionRunnerState state = m_state;
    {
        std::lock_guard intake(m_intakeMutex);
        state.queueLength = qsizetype(m_queue.size() + m_intake.size());
        state.appended = m_appended;
        // Each part only grows: their sum changes whenever either does.
        state.queueRevision = m_queueRevision + m_intakeRevision;
    }
    if (state.busy) {
        state.progressValue = control->progressValue.load(std::memory_order_relaxed);
        state.progressMaximum = control->progressMaximum.load(std::memory_order_relaxed);
        state.progressText = control->progressText();
        state.runningOutput = control->output();
    }
    return state;
}

QList<QueuedTask> SessionCore::waitingTasks(SessionRunnerState *stateThen) const
{
    // A long queue is copied in slices, the locks let go between them, so that a queue of 10^6
    // tasks (about 65 ms to copy, each task's data touched) does not hold the runner, append()
    // and every other caller for all of that. The copy is the queue as it was at the start:
    // the runner taking tasks from its front and append() adding to its back move nothing in
    // it. Any other change (cancel, move, clear, stop) starts it over, as does the runner
    // taking a task not copied yet; after two such starts the copy is made in one hold.
    constexpr qsizetype slice = 8192;
    QList<QueuedTask> tasks;
    std::unique_lock lock(m_mutex);
    std::unique_lock<BriefMutex> intake(m_intakeMutex, std::defer_lock);
    qsizetype total = 0;
    quint64 revision = 0;
    quint64 takenAtStart = 0;
    const auto begin = [&] {
        tasks.clear();
        if (stateThen)
            *stateThen = stateLocked(); // takes m_intakeMutex: append() may add before the next
        intake.lock();
        total = stateThen ? stateThen->queueLength : qsizetype(m_queue.size() + m_intake.size());
        revision = m_queueRevision;
        takenAtStart = m_taken;
        tasks.reserve(total);
    };
    begin();
    for (int starts = 1;;) {
        // Where the next task to copy is now: the runner took m_taken - takenAtStart since.
        const qsizetype shift = qsizetype(m_taken - takenAtStart);
        const qsizetype from = tasks.size() - shift;
        if (from >= 0) {
            const qsizetype end =
                starts > 2 ? total - shift : std::min(total - shift, from + slice);
            const qsizetype queued = qsizetype(m_queue.size());
            for (qsizetype i = from; i < end; ++i)
                tasks.append(i < queued ? m_queue[size_t(i)].queued
                                        : m_intake[size_t(i - queued)].queued);
            if (tasks.size() == total)
                return tasks;
            intake.unlock();
            lock.unlock();
            lock.lock();
            intake.lock();
            if (m_queueRevision == revision)
                continue;
        }
        intake.unlock();
        ++starts;
        begin();
    }
}

TaskRecordBatch SessionCore::records(quint64 fromSequence, qsizetype maxCount) const
{
    std::lock_guard lock(m_mutex);
    return m_records.read(fromSequence, maxCount);
}

SessionSnapshot SessionCore::snapshot(quint64 fromSequence, qsizetype maxRecords,
                                      quint64 knownQueueRevision) const
{
    SessionSnapshot snapshot;
    std::lock_guard lock(m_mutex);
    snapshot.state = stateLocked();
    const quint64 last = m_records.lastSequence();
    quint64 from = std::max<quint64>(fromSequence, 1);
    quint64 skipped = 0;
    if (maxRecords >= 0 && last >= from && last - from + 1 > quint64(maxRecords)) {
        skipped = last - from + 1 - quint64(maxRecords);
        from += skipped;
    }
    snapshot.records = m_records.read(from, maxRecords);
    snapshot.records.dropped += skipped;
    if (snapshot.state.queueRevision != knownQueueRevision) {
        snapshot.hasWaiting = true;
        std::lock_guard intake(m_intakeMutex);
        snapshot.waiting.reserve(qsizetype(m_queue.size() + m_intake.size()));
        for (const Queue *queue : {&m_queue, &m_intake}) {
            for (const Entry &entry : *queue)
                snapshot.waiting.append(entry.queued);
        }
    }
    return snapshot;
}

void SessionCore::setRecordLimit(qsizetype limit)
{
    std::deque<TaskRecord> evicted;
    std::lock_guard lock(m_mutex);
    m_records.setLimit(limit, evicted);
    // `evicted` is destroyed after the lock is released: declared before it.
}

void SessionCore::threadMain()
{
    // A task's duration runs from when it was taken. In a burst, that is when the task before
    // it returned (plus the bookkeeping between, well under a microsecond): one clock read per
    // task, which on virtual machines is not free.
    std::optional<Clock::time_point> previousEnd;
    std::deque<TaskRecord> evicted; // destroyed outside the lock
    QVariant previousResult;        // likewise
    Queue graveyard;
    Entry entry;
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_queue.empty())
            absorbIntake();
        if ((m_queue.empty() || m_state.paused) && !isStopRequested()) {
            previousEnd.reset();
            graveyard.swap(m_graveyard);
            lock.unlock();
            evicted.clear();
            previousResult = QVariant();
            graveyard.clear();
            entry = Entry();
            log(QStringLiteral("Waiting for a task"));
            reportChange(true); // the end of a burst: show it now
            deliverPostedEvents();
            lock.lock();
            for (;;) {
                if (m_queue.empty())
                    absorbIntake();
                if (!((m_queue.empty() || m_state.paused) && !isStopRequested()))
                    break;
                if (!m_graveyard.empty()) {
                    graveyard.swap(m_graveyard);
                    lock.unlock();
                    graveyard.clear();
                    lock.lock();
                    continue;
                }
                {
                    // Whether to sleep, asked where append() asks whether to wake it.
                    std::lock_guard intake(m_intakeMutex);
                    if (!m_intake.empty() && !m_state.paused)
                        continue; // appended since the look above
                    m_waiting = true;
                }
                lock.unlock();
                m_wake.acquire();
                lock.lock();
            }
        }
        if (isStopRequested())
            break;

        entry = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_taken;
        const Clock::time_point started = previousEnd ? *previousEnd : Clock::now();
        const TaskId taskId = entry.queued.id;
        m_state.busy = true;
        m_state.runningId = taskId;
        m_state.runningNumber = entry.queued.number;
        m_state.runningTask = entry.queued.task;
        m_state.runningSince = started;
        m_state.runningStartedMSecs = wallMSecs(started);
        control->resetProgress();
        lock.unlock();
        evicted.clear();
        previousResult = QVariant();
        if (lcSession().isDebugEnabled())
            log(state().statusText());
        reportChange();

        WorkerOutcome outcome;
        std::shared_ptr<TaskOutput> output;
        std::optional<int> exitCode;
        if (entry.promise) { // its context reports a cancel of the future (see submit())
            control->futureMaximum.store(-1, std::memory_order_relaxed);
            control->future.store(entry.promise.get(), std::memory_order_relaxed);
            if (entry.promise->isCanceled())
                control->cancel(taskId);
        }
        {
            TaskContext context = makeContext(taskId);
            outcome = callWorker([&] { return m_worker(entry.queued.task, context); },
                                 [&] {
                                     control->stopping.store(true);
                                     std::lock_guard unwinding(m_mutex);
                                     m_state.busy = false;
                                     m_state.stopped = true;
                                 });
            output = takeOutput(context);
            exitCode = exitCodeOf(context);
        }
        control->future.store(nullptr, std::memory_order_relaxed);
        // A future's cancel is its task's: the task may see it (and give up) before the
        // application's thread has passed it on as a cancel of the task.
        const bool cancelled =
            control->isCancelled(taskId) || (entry.promise && entry.promise->isCanceled());
        previousEnd = Clock::now();

        TaskRecord record;
        record.id = taskId;
        record.number = entry.queued.number;
        record.task = std::move(entry.queued.task);
        record.queuedMSecs = entry.queued.queuedMSecs;
        record.startedMSecs = wallMSecs(started);
        record.finishedMSecs = wallMSecs(*previousEnd);
        record.duration =
            std::chrono::duration_cast<std::chrono::microseconds>(*previousEnd - started);
        record.exitCode = exitCode;
        record.output = std::move(output);
        if (!outcome.failed) {
            record.state = TaskState::Done;
            record.result = outcome.result;
        } else {
            record.state = cancelled ? TaskState::Cancelled : TaskState::Failed;
            record.errorMessage = outcome.errorMessage;
        }
        if (const Promise &promise = entry.promise) {
            if (!outcome.failed) {
                promise->reportResult(outcome.result);
            } else if (cancelled) {
                promise->reportCanceled();
            } else {
                try {
                    std::rethrow_exception(outcome.exception);
                } catch (const QException &exception) {
                    promise->reportException(exception);
                } catch (...) {
                    promise->reportException(QUnhandledException(std::current_exception()));
                }
            }
            promise->reportFinished();
        }
        outcome = WorkerOutcome(); // the result and the exception, destroyed outside the lock
        entry = Entry();

        lock.lock();
        m_state.busy = false;
        m_state.runningId = 0;
        m_state.runningNumber = 0;
        m_state.runningTask = QVariant(); // the record holds it: not destroyed here
        m_state.lastFailed = record.state != TaskState::Done;
        switch (record.state) {
        case TaskState::Done:
            ++m_state.done;
            previousResult = std::exchange(m_state.lastResult, record.result);
            break;
        case TaskState::Failed:
            ++m_state.failed;
            m_state.lastError = record.errorMessage;
            break;
        default:
            ++m_state.cancelled;
            m_state.lastError = record.errorMessage;
            break;
        }
        m_records.add(std::move(record), evicted);
        m_state.lastSequence = m_records.lastSequence();
        // Still locked: the result is reported together with the next task taken, or as the
        // end of the burst when there is none.
    }

    m_state.busy = false;
    graveyard.swap(m_graveyard);
    lock.unlock();
    evicted.clear();
    previousResult = QVariant();
    graveyard.clear();
    entry = Entry();
    reportChange(true); // the last result, for whoever still watches
}

} // namespace detail

SessionRunner::SessionRunner() = default;
SessionRunner::~SessionRunner() = default;
SessionRunner::SessionRunner(const SessionRunner &other) = default;
SessionRunner::SessionRunner(SessionRunner &&other) noexcept = default;
SessionRunner &SessionRunner::operator=(const SessionRunner &other) = default;
SessionRunner &SessionRunner::operator=(SessionRunner &&other) noexcept = default;

SessionRunner::SessionRunner(std::shared_ptr<detail::Handle<detail::SessionCore>> handle)
    : m_handle(std::move(handle))
    , m_core(m_handle ? m_handle->core.get() : nullptr)
{}

SessionRunner SessionRunner::create(SessionWorker worker, const RunnerOptions &options,
                                    QString *errorMessage)
{
    if (!worker) {
        if (errorMessage)
            *errorMessage = QStringLiteral("no worker");
        return {};
    }
    auto core = std::make_shared<detail::SessionCore>(std::move(worker), options);
    const QString threadName = options.threadName.isEmpty()
                                   ? QStringLiteral("session %1").arg(core->id)
                                   : options.threadName;
    if (!core->start(threadName, errorMessage))
        return {};
    return SessionRunner(std::make_shared<detail::Handle<detail::SessionCore>>(std::move(core)));
}

QString SessionRunner::id() const
{
    return m_core ? m_core->id : QString();
}

QString SessionRunner::description() const
{
    return m_core ? m_core->description : QString();
}

TaskId SessionRunner::append(const QVariant &task)
{
    return m_core ? m_core->append(task) : 0;
}

namespace {
// Cancelling a future of submit() cancels its task. QFuture tells a cancel only to watchers,
// which live in a thread with an event loop: one watcher per future, in the application's main
// thread, a child of an object of the application's (so none outlives it). Watchers are made
// there in batches, by one queued call for all the futures submitted since the last (from any
// thread), and only for the futures that have not finished by then: a burst of short tasks
// needs next to none. A future cancelled before its watcher exists is told to it at once; its
// task, if it started meanwhile, saw the cancel in TaskContext::isCancelled() already. Without a
// QCoreApplication (or before its loop runs), a task sees its future's cancel in
// TaskContext::isCancelled() only.

// The application thread only: a watcher that cancels task `id` with `future`.
void watchForCancel(QCoreApplication *app, const QFuture<QVariant> &future,
                    const std::weak_ptr<detail::SessionCore> &weakCore, TaskId id)
{
    if (future.isFinished())
        return;
    // One holder per application object (a later QCoreApplication gets its own).
    static QPointer<QObject> holder;
    if (!holder || holder->parent() != app) {
        holder = new QObject(app);
        holder->setObjectName(QStringLiteral("TaskRunner::futureWatchers"));
    }
    auto *watcher = new QFutureWatcher<QVariant>(holder);
    QObject::connect(watcher, &QFutureWatcherBase::canceled, watcher, [weakCore, id] {
        if (const std::shared_ptr<detail::SessionCore> core = weakCore.lock())
            core->cancel(id);
    });
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(future);
}

// Futures submitted in other threads, for the application's thread to watch. They go through
// a list under a mutex rather than in the queued call's captures, so that ThreadSanitizer sees
// the hand-off (the event queue's is inside Qt).
struct PendingWatch
{
    QFuture<QVariant> future;
    std::weak_ptr<detail::SessionCore> core;
    TaskId id;
};
std::mutex s_pendingMutex;
std::vector<PendingWatch> s_pendingWatches;
// The application a call to watchPending() was posted to and has not run yet. Only compared,
// never used: the pointer goes null when that application is destroyed.
QPointer<QCoreApplication> s_batchPostedTo;

// Run as the application goes (a post routine): what it never got to watch is dropped with it,
// so nothing is left for static destruction, and a later application starts a batch of its own.
void dropPendingWatches()
{
    std::vector<PendingWatch> pending;
    {
        std::lock_guard lock(s_pendingMutex);
        pending.swap(s_pendingWatches);
        s_batchPostedTo.clear();
    }
}

void watchPending()
{
    std::vector<PendingWatch> pending;
    {
        std::lock_guard lock(s_pendingMutex);
        pending.swap(s_pendingWatches);
        s_batchPostedTo.clear();
    }
    if (QCoreApplication *app = QCoreApplication::instance())
        for (const PendingWatch &watch : pending)
            watchForCancel(app, watch.future, watch.core, watch.id);
}

void cancelWithFuture(const QFuture<QVariant> &future, std::weak_ptr<detail::SessionCore> weakCore,
                      TaskId id)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return;
    bool post = false;
    {
        std::lock_guard lock(s_pendingMutex);
        s_pendingWatches.push_back({future, std::move(weakCore), id});
        // One call per batch. A call posted to an application that is gone (or never ran it)
        // counts for nothing: this application gets its own.
        if (s_batchPostedTo != app) {
            s_batchPostedTo = app;
            post = true;
        }
    }
    if (post) {
        // Once per application: a post routine runs once, and is removed before it is added.
        qRemovePostRoutine(&dropPendingWatches);
        qAddPostRoutine(&dropPendingWatches);
        QMetaObject::invokeMethod(app, &watchPending, Qt::QueuedConnection);
    }
}
} // namespace

QFuture<QVariant> SessionRunner::submit(const QVariant &task)
{
    auto promise = std::make_shared<QFutureInterface<QVariant>>();
    promise->reportStarted();
    QFuture<QVariant> future = promise->future();
    if (!m_core) {
        promise->reportCanceled();
        promise->reportFinished();
        return future;
    }
    if (const TaskId id = m_core->append(task, std::move(promise)))
        cancelWithFuture(future, m_handle->core, id);
    return future;
}

bool SessionRunner::cancel(TaskId id)
{
    return m_core && m_core->cancel(id);
}

bool SessionRunner::moveUp(TaskId id)
{
    return m_core && m_core->move(id, detail::SessionCore::Move::Up);
}

bool SessionRunner::moveDown(TaskId id)
{
    return m_core && m_core->move(id, detail::SessionCore::Move::Down);
}

bool SessionRunner::moveToFront(TaskId id)
{
    return m_core && m_core->move(id, detail::SessionCore::Move::ToFront);
}

void SessionRunner::pause()
{
    if (m_core)
        m_core->setPaused(true);
}

void SessionRunner::resume()
{
    if (m_core)
        m_core->setPaused(false);
}

qsizetype SessionRunner::clear()
{
    return m_core ? m_core->clear() : 0;
}

SessionRunnerState SessionRunner::state() const
{
    if (!m_core) {
        SessionRunnerState state;
        state.stopped = true;
        return state;
    }
    return m_core->state();
}

QList<QueuedTask> SessionRunner::waitingTasks(SessionRunnerState *stateThen) const
{
    if (!m_core) {
        if (stateThen)
            *stateThen = state();
        return {};
    }
    return m_core->waitingTasks(stateThen);
}

TaskRecordBatch SessionRunner::records(quint64 fromSequence, qsizetype maxCount) const
{
    return m_core ? m_core->records(fromSequence, maxCount) : TaskRecordBatch();
}

SessionSnapshot SessionRunner::snapshot(quint64 fromSequence, qsizetype maxRecords,
                                        quint64 knownQueueRevision) const
{
    if (!m_core) {
        SessionSnapshot snapshot;
        snapshot.state = state();
        return snapshot;
    }
    return m_core->snapshot(fromSequence, maxRecords, knownQueueRevision);
}

void SessionRunner::setRecordLimit(qsizetype limit)
{
    if (m_core)
        m_core->setRecordLimit(limit);
}

void SessionRunner::stop()
{
    if (m_core)
        m_core->requestStop();
}

bool SessionRunner::isStopRequested() const
{
    return !m_core || m_core->isStopRequested();
}

QFuture<void> SessionRunner::finished() const
{
    if (m_core)
        return m_core->finished();
    QFutureInterface<void> done;
    done.reportStarted();
    done.reportFinished();
    return done.future();
}

} // namespace TaskRunner
