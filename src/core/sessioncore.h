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

    // With m_intakeMutex held: wakes a runner that waits on m_wake (released once unlocked).
    [[nodiscard]] bool takeWaiter();
    // With m_mutex held: moves the tasks append() left in m_intake to the end of m_queue (when
    // m_queue is empty, as the runner finds it, a swap).
    void absorbIntake();
    // Destroys tasks that were dropped, outside every lock: here when few, on the runner's
    // thread when many, so that the GUI thread does not spend milliseconds on them.
    void dispose(Queue &&dropped);
    std::deque<Entry>::iterator findWaiting(TaskId id);

    const SessionWorker m_worker;

    // Two locks, each with what it guards on a cache line of its own. append() takes only
    // m_intakeMutex and adds to m_intake; the runner's thread takes m_mutex for every task and
    // m_intakeMutex only when its queue has run dry, to take the whole intake at once. The
    // thread that appends and the one that runs tasks thus share no line but the intake's,
    // about once per burst. Every waiting task is in m_queue, then m_intake, in that order;
    // calls that need them in one place (cancel, move) move the intake over first. Lock order:
    // m_mutex, then m_intakeMutex.
    alignas(64) mutable BriefMutex m_mutex;
    Queue m_queue;
    quint64 m_queueRevision = 0; // changes but append()'s; SessionRunnerState::queueRevision
    quint64 m_taken = 0;         // tasks the runner took from the front, for waitingTasks()
    Queue m_graveyard;           // dropped tasks for the runner's thread to destroy

    alignas(64) mutable BriefMutex m_intakeMutex;
    Queue m_intake;
    quint64 m_appended = 0;       // SessionRunnerState::appended
    quint64 m_intakeRevision = 0; // append()'s changes to the queue
    bool m_intakePaused = false;  // m_state.paused, for append()
    // threadMain() waits on m_wake while m_waiting. Whoever sets it back to false (under
    // m_intakeMutex) releases one token once unlocked, so the count never exceeds one and the
    // runner wakes to free mutexes.
    bool m_waiting = false;
    QSemaphore m_wake;
    alignas(64) SessionRunnerState m_state; // but queueLength, appended and queueRevision
    RecordStore m_records;
};

} // namespace TaskRunner::detail
