#pragma once

// Private: the session runner behind SessionRunner handles. Not installed.

#include "runnercore.h"

#include <TaskRunner/sessionrunner.h>

#include <QFutureInterface>
#include <QSemaphore>

#include <deque>
#include <mutex>

namespace TaskRunner::detail {

class SessionCore final : public RunnerCore
{
public:
    SessionCore(SessionWorker worker, const RunnerOptions &options);
    ~SessionCore() override;

    using Promise = std::shared_ptr<QFutureInterface<QVariant>>;
    TaskId append(const QVariant &task, Promise promise = {});
    bool cancel(TaskId id);
    enum class Move { Up, Down, ToFront };
    bool move(TaskId id, Move where);
    void setPaused(bool paused);
    qsizetype clear();

    SessionRunnerState state() const;
    SessionRunnerState stateLocked() const;
    QList<QueuedTask> waitingTasks(SessionRunnerState *stateThen) const;
    TaskRecordBatch records(quint64 fromSequence, qsizetype maxCount) const;
    SessionSnapshot snapshot(quint64 fromSequence, qsizetype maxRecords,
                             quint64 knownQueueRevision) const;
    void setRecordLimit(qsizetype limit);

private:
    struct Entry
    {
        QueuedTask queued;
        Promise promise;
    };
    using Queue = std::deque<Entry>;

    void threadMain() override;
    void onStopRequested() override;

    // With m_mutex held: wakes a runner that waits on m_wake (released once unlocked).
    [[nodiscard]] bool takeWaiter();
    // Destroys tasks that were dropped, outside every lock: here when few, on the runner's
    // thread when many, so that the GUI thread does not spend milliseconds on them.
    void dispose(Queue &&dropped);
    std::deque<Entry>::iterator findWaiting(TaskId id);

    const SessionWorker m_worker;

    // The lock, the queue and the runner's state each start a cache line, and append() (on the
    // caller's thread) writes none of the state's fields (queueLength, appended and
    // queueRevision in SessionRunnerState are filled in by state()), so that a task taken
    // waits for fewer lines the appending thread holds. The queue's two ends still share one.
    alignas(64) mutable BriefMutex m_mutex;
    alignas(64) Queue m_queue;
    quint64 m_appended = 0;      // SessionRunnerState::appended
    quint64 m_queueRevision = 0; // SessionRunnerState::queueRevision
    Queue m_graveyard;           // dropped tasks for the runner's thread to destroy
    // threadMain() waits on m_wake while m_waiting. Whoever sets it back to false (under
    // m_mutex) releases one token once unlocked, so the count never exceeds one and the
    // runner wakes to a free mutex.
    bool m_waiting = false;
    QSemaphore m_wake;
    alignas(64) SessionRunnerState m_state; // but queueLength, appended and queueRevision
    RecordStore m_records;
};

} // namespace TaskRunner::detail
