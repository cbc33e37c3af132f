#include "taskrunnerbase.h"

#include "interruption.h"
#include "logging.h"

#include <QCoreApplication>
#include <QGlobalStatic>
#include <QThread>

#include <algorithm>
#include <vector>

namespace TaskRunner {

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

bool Completion::waitUntil(std::chrono::steady_clock::time_point deadline) const
{
    std::unique_lock lock(m_mutex);
    return m_doneChanged.wait_until(lock, deadline, [this] { return m_done; });
}

} // namespace TaskRunner

namespace {

std::atomic<int> s_liveCount{0};
std::atomic<quint32> s_idSequence{0};

// Unique within a process for 2^24 runners, short, stable, and not a bare counter: an odd
// multiplier is a bijection modulo 2^24. The process id offsets the sequence, so that logs of
// several instances rarely share ids.
QString nextId()
{
    static const quint32 offset = quint32(QCoreApplication::applicationPid()) * 0x85EBCAu;
    const quint32 n = s_idSequence.fetch_add(1, std::memory_order_relaxed) + 1;
    return QStringLiteral("%1").arg((n * 0x9E3779u + offset) & 0xFFFFFFu, 6, 16, QLatin1Char('0'));
}

// Every runner whose thread has not finished yet, for stopAll().
struct LiveRunners
{
    std::mutex mutex;
    std::vector<TaskRunnerBase *> runners;
};
Q_GLOBAL_STATIC(LiveRunners, s_liveRunners)

const QLoggingCategory &categoryFor(const QString &description)
{
    return description.startsWith(QLatin1String("global")) ? lcGlobal() : lcSession();
}

} // namespace

TaskRunnerBase::TaskRunnerBase(const QString &kind, const QString &description)
    : m_id(nextId())
    , m_description(QStringLiteral("%1 %2").arg(kind, description.isEmpty() ? m_id : description))
    , m_interruption(std::make_shared<TaskRunner::Interruption>())
    , m_completion(std::make_shared<TaskRunner::Completion>())
{
    s_liveCount.fetch_add(1, std::memory_order_relaxed);
    connect(&m_notifier, &ChangeNotifier::notify, this, &TaskRunnerBase::stateChanged,
            Qt::DirectConnection);
}

TaskRunnerBase::~TaskRunnerBase()
{
    s_liveCount.fetch_sub(1, std::memory_order_relaxed);
}

int TaskRunnerBase::liveCount()
{
    return s_liveCount.load(std::memory_order_relaxed);
}

void TaskRunnerBase::startThread(const QString &threadName)
{
    Q_ASSERT(!m_thread);
    auto *thread = new QThread;
    thread->setObjectName(threadName.left(15)); // the kernel keeps 15 characters of a name
    m_thread = thread;
    moveToThread(thread);

    // Both handlers run on the new thread; the QThread is only their context object, so no
    // connection bookkeeping touches the runner after onThreadFinished() handed it over.
    connect(
        thread, &QThread::started, thread, [this] { onThreadStarted(); }, Qt::DirectConnection);
    connect(
        thread, &QThread::finished, thread, [this] { onThreadFinished(); }, Qt::DirectConnection);
    if (const auto *app = QCoreApplication::instance(); app && thread->thread() != app->thread())
        thread->moveToThread(app->thread());

    {
        std::lock_guard lock(s_liveRunners->mutex);
        s_liveRunners->runners.push_back(this);
    }
    thread->start();
}

void TaskRunnerBase::requestStop()
{
    // Once the flag is set, the runner's thread may end (a stop that came before its loop
    // started) and the main thread may free the runner while this still runs on another
    // thread: onThreadFinished() takes this lock before it hands the runner over.
    std::lock_guard lock(m_stopMutex);
    if (m_stopRequested.exchange(true, std::memory_order_acq_rel))
        return;
    aboutToStop();
    m_interruption->request();
    if (m_thread) {
        m_thread->requestInterruption();
        m_thread->quit();
    }
}

void TaskRunnerBase::onThreadStarted()
{
    TaskRunner::Interruption::setCurrent(m_interruption);
    if (isStopRequested()) {
        // A stop that came before the thread ran (QThread::start() forgets both requests).
        QThread::currentThread()->requestInterruption();
        QThread::currentThread()->quit();
        return;
    }
    threadStarted();
}

void TaskRunnerBase::onThreadFinished()
{
    threadFinishing();
    TaskRunner::Interruption::setCurrent(nullptr);
    {
        std::lock_guard lock(s_liveRunners->mutex);
        auto &runners = s_liveRunners->runners;
        runners.erase(std::remove(runners.begin(), runners.end(), this), runners.end());
    }
    {
        // Wait for a requestStop() that may still be using the runner on another thread.
        std::lock_guard stopping(m_stopMutex);
    }

    // Hand the runner back to the main thread, where its owner lives; from deleteLater() on,
    // `this` may be gone at any moment, so only locals are used after it.
    const auto completion = m_completion;
    QThread *thread = m_thread;
    if (const auto *app = QCoreApplication::instance())
        moveToThread(app->thread());
    m_handedOver.store(true, std::memory_order_release);
    deleteLater();
    thread->deleteLater();
    completion->markDone();
}

bool TaskRunnerBase::event(QEvent *event)
{
    // The acquire pairs with the release in onThreadFinished(): it orders the destructor after
    // everything the runner's thread did, also for ThreadSanitizer, which cannot see the
    // hand-off inside Qt's event queue.
    if (event->type() == QEvent::DeferredDelete && !m_handedOver.load(std::memory_order_acquire)) {
        qCWarning(categoryFor(m_description)).noquote()
            << "deleteLater() on a runner whose thread still runs, ignored; stop() ends and frees"
            << m_description;
        return true;
    }
    return QObject::event(event);
}

QStringList TaskRunnerBase::waitUntilStopped(const std::vector<Stopping> &runners,
                                             std::chrono::steady_clock::time_point deadline)
{
    QStringList stuck;
    for (const auto &[completion, description] : runners) {
        if (completion->waitUntil(deadline)) {
            qCDebug(categoryFor(description)).noquote() << description << "- Stopped";
        } else {
            qCWarning(categoryFor(description)).noquote()
                << "Still running after the grace period; left to finish on its own:"
                << description;
            stuck << description;
        }
    }
    return stuck;
}

QStringList TaskRunnerBase::stopAll(std::chrono::milliseconds grace)
{
    const auto deadline = std::chrono::steady_clock::now() + grace;
    std::vector<Stopping> waiting;
    {
        // Holding the lock keeps every listed runner alive: it leaves the list before it can
        // be deleted. Stopping only flags and wakes, it never waits.
        std::lock_guard lock(s_liveRunners->mutex);
        for (TaskRunnerBase *runner : s_liveRunners->runners) {
            runner->requestStop();
            waiting.push_back(runner->stopping());
        }
    }

    const QStringList stuck = waitUntilStopped(waiting, deadline);

    if (const auto *app = QCoreApplication::instance();
        app && QThread::currentThread() == app->thread())
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return stuck;
}
