#include "runnercore.h"

#include "logging.h"

#include <TaskRunner/globalrunnerregistry.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QGlobalStatic>
#include <QThread>

#include <algorithm>
#include <ctime>
#include <vector>

namespace TaskRunner::detail {

namespace {

std::atomic<int> s_liveThreads{0};
std::atomic<int> s_objects{0};
std::atomic<quint32> s_idSequence{0};
std::atomic<qint64> s_graceMs{2000};
std::atomic<TaskId> s_lastTaskId{0};

// Unique within a process for 2^24 runners, short, stable, and not a bare counter: an odd
// multiplier is a bijection modulo 2^24. The process id offsets the sequence, so that logs of
// several instances rarely share ids.
QString nextId()
{
    static const quint32 offset = quint32(QCoreApplication::applicationPid()) * 0x85EBCAu;
    const quint32 n = s_idSequence.fetch_add(1, std::memory_order_relaxed) + 1;
    return QStringLiteral("%1").arg((n * 0x9E3779u + offset) & 0xFFFFFFu, 6, 16, QLatin1Char('0'));
}

// Every runner whose thread has not finished yet, for stopAllRunners(). A runner leaves the
// list on its thread before that thread lets go of it, so a listed runner is alive while the
// lock is held.
struct LiveRunners
{
    std::mutex mutex;
    std::vector<RunnerCore *> runners;
};
Q_GLOBAL_STATIC(LiveRunners, s_liveRunners)

const QLoggingCategory &categoryFor(RunnerCore::Kind kind)
{
    return kind == RunnerCore::Kind::Global ? lcGlobal() : lcSession();
}

qint64 wallOffsetUSecs()
{
    using namespace std::chrono;
    static const qint64 offset =
        QDateTime::currentMSecsSinceEpoch() * 1000 -
        duration_cast<microseconds>(Clock::now().time_since_epoch()).count();
    return offset;
}

} // namespace

TaskId nextTaskId()
{
    return s_lastTaskId.fetch_add(1, std::memory_order_relaxed) + 1;
}

qint64 wallMSecs(Clock::time_point time)
{
    using namespace std::chrono;
    return (duration_cast<microseconds>(time.time_since_epoch()).count() + wallOffsetUSecs()) /
           1000;
}

qint64 coarseWallMSecs()
{
#ifdef CLOCK_REALTIME_COARSE
    timespec now{};
    if (clock_gettime(CLOCK_REALTIME_COARSE, &now) == 0)
        return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
#endif
    return QDateTime::currentMSecsSinceEpoch();
}

void Completion::markDone()
{
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_doneChanged.notify_all();
}

bool Completion::isDone() const
{
    std::lock_guard lock(m_mutex);
    return m_done;
}

bool Completion::waitUntil(Clock::time_point deadline) const
{
    std::unique_lock lock(m_mutex);
    if (deadline == Clock::time_point::max()) {
        m_doneChanged.wait(lock, [this] { return m_done; });
        return true;
    }
    return m_doneChanged.wait_until(lock, deadline, [this] { return m_done; });
}

RecordStore::RecordStore(qsizetype limit)
    : m_limit(std::max<qsizetype>(limit, 0))
{}

void RecordStore::add(TaskRecord &&record, std::deque<TaskRecord> &evicted)
{
    record.sequence = ++m_last;
    m_records.push_back(std::move(record));
    while (qsizetype(m_records.size()) > m_limit) {
        evicted.push_back(std::move(m_records.front()));
        m_records.pop_front();
    }
}

void RecordStore::setLimit(qsizetype limit, std::deque<TaskRecord> &evicted)
{
    m_limit = std::max<qsizetype>(limit, 0);
    while (qsizetype(m_records.size()) > m_limit) {
        evicted.push_back(std::move(m_records.front()));
        m_records.pop_front();
    }
}

TaskRecordBatch RecordStore::read(quint64 fromSequence, qsizetype maxCount) const
{
    TaskRecordBatch batch;
    fromSequence = std::max<quint64>(fromSequence, 1);
    const quint64 first = m_last + 1 - m_records.size(); // sequence of m_records.front()
    if (fromSequence < first)
        batch.dropped = first - fromSequence;
    const quint64 start = std::max(fromSequence, first);
    batch.nextSequence = std::max(start, fromSequence);
    if (start > m_last)
        return batch;
    auto begin = m_records.begin() + qsizetype(start - first);
    auto end = m_records.end();
    if (maxCount >= 0 && end - begin > maxCount)
        end = begin + maxCount;
    batch.records.reserve(end - begin);
    for (auto it = begin; it != end; ++it)
        batch.records.append(*it);
    batch.nextSequence = start + quint64(end - begin);
    return batch;
}

RunnerCore::RunnerCore(Kind kind, const QString &name, const RunnerOptions &options)
    : id(nextId())
    , description(QStringLiteral("%1 %2").arg(kind == Kind::Global ? QStringLiteral("global")
                                                                   : QStringLiteral("session"),
                                              name.isEmpty() ? id : name))
    , kind(kind)
    , control(std::make_shared<TaskControl>(this))
    , m_options(options)
{
    s_objects.fetch_add(1, std::memory_order_relaxed);
    m_finished.reportStarted();
}

RunnerCore::~RunnerCore()
{
    waitUntilThreadFinishedReturned();
    if (!m_finished.isFinished()) // a runner whose thread never started
        m_finished.reportFinished();
    s_objects.fetch_sub(1, std::memory_order_relaxed);
}

QFuture<void> RunnerCore::finished() const
{
    return m_finished.future();
}

bool RunnerCore::isOwnThread() const
{
    return m_threadId.load(std::memory_order_acquire) == QThread::currentThreadId();
}

bool RunnerCore::start(const QString &threadName, QString *errorMessage)
{
    auto fail = [&](const QString &reason) {
        qCWarning(categoryFor(kind)).noquote() << "Cannot start" << description << "-" << reason;
        if (errorMessage)
            *errorMessage = reason;
        control->stopping.store(true);
        return false;
    };
    if (QString reason; !ensureShutdownHooks(&reason))
        return fail(reason);

    auto thread = std::make_unique<QThread>();
    thread->setObjectName(threadName.left(15)); // the kernel keeps 15 characters of a name
    if (m_options.stackSize > 0)
        thread->setStackSize(m_options.stackSize);
    auto object = std::make_unique<RunnerThreadObject>(this);
    object->moveToThread(thread.get());
    QObject::connect(thread.get(), &QThread::started, object.get(), &RunnerThreadObject::run);
    // Runs on the runner's thread after its loop: the QThread is only the context object, and
    // the capture keeps the runner alive until the QThread is deleted, after the thread ended.
    QObject::connect(
        thread.get(), &QThread::finished, thread.get(),
        [self = shared_from_this()] { self->threadFinished(); }, Qt::DirectConnection);
    QObject::connect(thread.get(), &QThread::finished, object.get(), &QObject::deleteLater);
    const auto *app = QCoreApplication::instance();
    if (thread->thread() != app->thread())
        thread->moveToThread(app->thread());

    {
        std::lock_guard lock(s_liveRunners->mutex); // the list and the count together
        s_liveRunners->runners.push_back(this);
        s_liveThreads.fetch_add(1, std::memory_order_relaxed);
    }
    m_thread = thread.get();
    thread->start();
    // QThread::start() reports a failed pthread_create() only with a warning; the thread is
    // then neither running nor finished.
    if (!thread->isRunning() && !thread->isFinished()) {
        {
            std::lock_guard lock(s_liveRunners->mutex);
            auto &runners = s_liveRunners->runners;
            runners.erase(std::remove(runners.begin(), runners.end(), this), runners.end());
            s_liveThreads.fetch_sub(1, std::memory_order_relaxed);
        }
        m_thread = nullptr;
        object.reset();
        thread.reset(); // never ran: safe to delete, and drops the capture above
        return fail(QStringLiteral("the system could not start a thread"));
    }
    object.release(); // deleted on its thread when it finishes
    thread.release(); // deleted in the main thread once finished (threadFinished())
    return true;
}

void RunnerCore::requestStop()
{
    {
        // Once the flag is set the runner's thread may end and the main thread may free its
        // QThread: threadFinished() takes this lock before it lets go of it. Nothing else runs
        // under it.
        std::lock_guard lock(m_stopMutex);
        if (control->stopping.exchange(true, std::memory_order_acq_rel))
            return;
        if (m_thread)
            m_thread->requestInterruption();
    }
    // The caller holds the runner (a handle or a shared pointer): it outlives these.
    log(QStringLiteral("Stopping"));
    onStopRequested();
    control->stop();
    reportChange(true);
}

void RunnerCore::runThread()
{
    m_threadId.store(QThread::currentThreadId(), std::memory_order_release);
    if (!isStopRequested())
        threadMain();
    // The loop is over: let QThread::exec(), which follows, return at once.
    QThread::currentThread()->quit();
}

void RunnerCore::threadFinished()
{
    const std::lock_guard ending(m_threadEndMutex);
    deliverPostedEvents();
    {
        // Leaves the list and the count together: stopAllRunners() waits for the runners in
        // the list, and a runner no longer in it must not count as live after it returned.
        std::lock_guard lock(s_liveRunners->mutex);
        auto &runners = s_liveRunners->runners;
        runners.erase(std::remove(runners.begin(), runners.end(), this), runners.end());
        s_liveThreads.fetch_sub(1, std::memory_order_relaxed);
    }
    QThread *thread = nullptr;
    {
        std::lock_guard lock(m_stopMutex); // a requestStop() on another thread has returned
        thread = std::exchange(m_thread, nullptr);
    }
    log(QStringLiteral("Finished"));
    // The QThread lives in the main thread; its destructor there waits for the few
    // instructions of QThread's own finish that follow this.
    thread->deleteLater();
    m_completion.markDone();
    m_finished.reportFinished();
    reportChange(true); // watchers emit finished() after it
}

TaskContext RunnerCore::makeContext(TaskId taskId) const
{
    return TaskContext(control.get(), taskId, m_options.outputLimit);
}

std::shared_ptr<TaskOutput> RunnerCore::takeOutput(TaskContext &context)
{
    return std::move(context.m_output);
}

std::optional<int> RunnerCore::exitCodeOf(const TaskContext &context)
{
    return context.m_exitCode;
}

void RunnerCore::deliverPostedEvents()
{
    // Deferred deletes posted from the runner's loop (its loop level) are sent only when asked
    // for by type.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void RunnerCore::log(const QString &message) const
{
    const QLoggingCategory &category = categoryFor(kind);
    if (category.isDebugEnabled())
        qCDebug(category).noquote() << id << "-" << message;
}

RunnerThreadObject::RunnerThreadObject(RunnerCore *core)
    : m_core(core)
{}

void RunnerThreadObject::run()
{
    m_core->runThread();
}

} // namespace TaskRunner::detail

namespace TaskRunner {

int liveRunnerCount()
{
    return detail::s_liveThreads.load(std::memory_order_relaxed);
}

int runnerObjectCount()
{
    return detail::s_objects.load(std::memory_order_relaxed);
}

std::chrono::milliseconds shutdownGrace()
{
    return std::chrono::milliseconds(detail::s_graceMs.load(std::memory_order_relaxed));
}

void setShutdownGrace(std::chrono::milliseconds grace)
{
    detail::s_graceMs.store(std::max<qint64>(grace.count(), 0), std::memory_order_relaxed);
}

QStringList stopAllRunners(std::chrono::milliseconds grace)
{
    using namespace detail;
    const auto deadline = deadlineAfter(grace);
    std::vector<std::shared_ptr<RunnerCore>> runners;
    {
        std::lock_guard lock(s_liveRunners->mutex);
        runners.reserve(s_liveRunners->runners.size());
        for (RunnerCore *runner : s_liveRunners->runners)
            runners.push_back(runner->shared_from_this());
    }
    for (const auto &runner : runners)
        runner->requestStop(); // only flags and wakes; outside the lock, as it destroys tasks

    QStringList stuck;
    for (const auto &runner : runners) {
        if (runner->isOwnThread())
            continue; // a worker that shuts down cannot wait for itself
        if (runner->completion().waitUntil(deadline)) {
            qCDebug(categoryFor(runner->kind)).noquote() << runner->description << "- Stopped";
        } else {
            qCWarning(categoryFor(runner->kind)).noquote()
                << "Still running after the grace period; left to finish on its own:"
                << runner->description;
            stuck << runner->description;
        }
    }
    runners.clear(); // before the deletes below, which may free the last holders

    if (const auto *app = QCoreApplication::instance();
        app && QThread::currentThread() == app->thread())
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return stuck;
}

} // namespace TaskRunner
