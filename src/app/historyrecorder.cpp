#include "historyrecorder.h"

#include "taskpersistence.h"

#include <TaskRunner/historystore.h>

#include <QThread>

namespace {
// A flood of short tasks ends thousands of them between two notifications: read often.
constexpr std::chrono::milliseconds readGap{2};
} // namespace

HistoryRecorder::HistoryRecorder(TaskRunner::HistoryStore *store)
    : m_store(store)
{}

HistoryRecorder::~HistoryRecorder()
{
    finish();
}

void HistoryRecorder::start()
{
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("history recorder"));
    moveToThread(m_thread);
    m_thread->start();
}

void HistoryRecorder::finish()
{
    if (!m_thread)
        return;
    QThread *thread = std::exchange(m_thread, nullptr);
    // The last records, then the watchers go, on the recorder's thread.
    QMetaObject::invokeMethod(this, [this, thread] {
        readAll();
        m_watched.clear();
        moveToThread(thread->thread());
        thread->quit();
    });
    thread->wait();
    delete thread;
}

void HistoryRecorder::watch(const TaskRunner::SessionRunner &runner, const QString &sessionId)
{
    QMetaObject::invokeMethod(this, [this, runner, sessionId] {
        auto watched = std::make_shared<Watched>();
        watched->runner = runner;
        watched->sessionId = sessionId;
        watched->watcher = std::make_unique<TaskRunner::RunnerWatcher>();
        watched->watcher->setMinimumGap(readGap);
        Watched *raw = watched.get();
        connect(watched->watcher.get(), &TaskRunner::RunnerWatcher::stateChanged, this,
                [this, raw] { read(*raw); });
        watched->watcher->setRunner(runner);
        m_watched.insert(runner.id(), std::move(watched));
    });
}

void HistoryRecorder::unwatch(const TaskRunner::SessionRunner &runner)
{
    const QString id = runner.id();
    QMetaObject::invokeMethod(this, [this, id] {
        if (const auto watched = m_watched.take(id))
            read(*watched);
    });
}

void HistoryRecorder::read(Watched &watched)
{
    const TaskRunner::TaskRecordBatch batch = watched.runner.records(watched.nextSequence);
    watched.nextSequence = batch.nextSequence;
    if (batch.dropped)
        m_dropped.fetch_add(batch.dropped, std::memory_order_relaxed);
    if (batch.records.isEmpty())
        return;
    QList<TaskRunner::HistoryEntry> entries;
    entries.reserve(batch.records.size());
    for (const TaskRunner::TaskRecord &record : batch.records)
        entries.append(TaskPersistence::historyEntry(record, watched.sessionId));
    m_recorded.fetch_add(quint64(entries.size()), std::memory_order_relaxed);
    m_store->add(entries);
}

void HistoryRecorder::readAll()
{
    for (const auto &watched : std::as_const(m_watched))
        read(*watched);
}
