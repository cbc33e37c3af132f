#pragma once

#include <TaskRunner/taskrunnercore_export.h>

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariant>

#include <chrono>
#include <memory>
#include <optional>

namespace TaskRunner {

class TaskOutput;

/// A task's id: unique in the process, never reused, never 0 (0 means "no task").
using TaskId = quint64;

/// A task's life, in the words a user reads (as Pueue's queued, running, done, failed, killed).
enum class TaskState : quint8 {
    Waiting,   ///< queued, not started
    Running,   ///< its worker runs
    Done,      ///< the worker returned a result
    Failed,    ///< the worker threw
    Cancelled, ///< cancelled while running or waiting, or stopped with its runner
};

/// "waiting", "running", "done", "failed", "cancelled": stable words for files and logs (the
/// GUI translates its own). Thread-safe.
TASKRUNNER_CORE_EXPORT QString stateName(TaskState state);
/// The state named by stateName(), or std::nullopt. Thread-safe.
TASKRUNNER_CORE_EXPORT std::optional<TaskState> stateFromName(QStringView name);

/// A task that ended (or was cancelled before it started), as a runner keeps it for consumers.
/// A plain value; copies share the output. Like any value, a copy may be read from any thread;
/// one object is not for concurrent writes.
struct TASKRUNNER_CORE_EXPORT TaskRecord
{
    TaskId id = 0;        ///< the task's id (for a global runner: the run's number)
    quint64 number = 0;   ///< the session's count of appended tasks when this one was appended
    quint64 sequence = 0; ///< this record's place among the runner's records, from 1
    QVariant task;        ///< what was appended
    TaskState state = TaskState::Done; ///< Done, Failed or Cancelled
    QVariant result;                   ///< the worker's return value, when Done
    QString errorMessage;              ///< what it threw, when Failed or Cancelled
    std::optional<int> exitCode;       ///< when the worker reported one (commands)
    qint64 queuedMSecs = 0;   ///< when it was queued: wall-clock time, ms since the epoch (UTC)
    qint64 startedMSecs = 0;  ///< when it started, in the same unit; 0 when it never started
    qint64 finishedMSecs = 0; ///< when it ended, in the same unit
    std::chrono::microseconds duration{0};    ///< from when the runner took it until it returned
    std::shared_ptr<const TaskOutput> output; ///< null when the task wrote nothing

    /// False for a task cancelled while it waited.
    bool hasStarted() const { return startedMSecs != 0; }
    /// queuedMSecs as a local date-time.
    QDateTime queuedAt() const;
    /// startedMSecs as a local date-time; invalid when it never started.
    QDateTime startedAt() const;
    /// finishedMSecs as a local date-time.
    QDateTime finishedAt() const;
    /// The result as text (displayText()), or the error message when it did not succeed.
    QString outcomeText() const;
};

/// What a consumer reads with records(): the records from a sequence number on, and how many
/// it asked for that were already dropped (a runner keeps a bounded number).
struct TaskRecordBatch
{
    QList<TaskRecord> records; ///< in sequence order
    quint64 nextSequence = 1;  ///< what to ask for next time
    quint64 dropped = 0;       ///< records before the first returned that are no longer kept
};

/// A value as the GUI shows it: date-times in ISO form with milliseconds, other values as
/// QVariant converts them, and "None" for a null value (as the reference prints). Thread-safe.
TASKRUNNER_CORE_EXPORT QString displayText(const QVariant &value);

} // namespace TaskRunner

Q_DECLARE_METATYPE(TaskRunner::TaskRecord)
