#pragma once

#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

#include <QHash>
#include <QObject>

#include <atomic>
#include <memory>

namespace TaskRunner {
class HistoryStore;
}

// Copies every finished task of the sessions it watches into the history store. Lives on a
// thread of its own (start() makes it), so neither the GUI thread nor the runners spend time on
// the history: it reads each runner's records when that runner's watcher says they changed,
// converts them and hands them to the store, whose own thread writes them. Records a runner
// dropped before they were read are counted (droppedCount()).
//
// watch()/unwatch() are thread-safe and return at once.
class HistoryRecorder : public QObject
{
    Q_OBJECT
public:
    // `store` must outlive the recorder.
    explicit HistoryRecorder(TaskRunner::HistoryStore *store);
    ~HistoryRecorder() override;

    // Moves the recorder to a new thread and starts it.
    void start();
    // Reads what the runners still have, then ends the thread and waits for it (at quit, after
    // the runners stopped).
    void finish();

    void watch(const TaskRunner::SessionRunner &runner, const QString &sessionId);
    void unwatch(const TaskRunner::SessionRunner &runner);

    // Records that runners dropped before the recorder read them. Thread-safe.
    quint64 droppedCount() const { return m_dropped.load(std::memory_order_relaxed); }
    // Entries handed to the store. Thread-safe.
    quint64 recordedCount() const { return m_recorded.load(std::memory_order_relaxed); }

private:
    struct Watched
    {
        TaskRunner::SessionRunner runner;
        QString sessionId;
        quint64 nextSequence = 1;
        std::unique_ptr<TaskRunner::RunnerWatcher> watcher;
    };
    void read(Watched &watched);
    void readAll();

    TaskRunner::HistoryStore *const m_store;
    QHash<QString, std::shared_ptr<Watched>> m_watched; // by runner id; recorder's thread only
    class QThread *m_thread = nullptr;
    std::atomic<quint64> m_dropped{0};
    std::atomic<quint64> m_recorded{0};
};
