#pragma once

#include <TaskRunner/sessionrunner.h>

#include <QAbstractTableModel>
#include <QHash>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

// The tasks of one session as a table: the finished ones (the newest finishedLimit(), in the
// order they ended), then the running one, then those waiting, in the order they will run. A
// task keeps its row from when it is queued to when it is dropped for being old: when it
// starts and ends only its cells change, so views keep their selection and scroll position.
// Rows move only when the user reorders the queue or cancels a waiting task.
//
// Main thread only. update() reads the runner's state incrementally (new records since the
// last call, the waiting tasks only when the queue changed) and is cheap when nothing changed.
class TaskTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        TaskColumn,
        StateColumn,
        StartedColumn,
        DurationColumn,
        OutcomeColumn,
        ColumnCount
    };
    enum Role { TaskIdRole = Qt::UserRole + 1, TaskStateRole };

    struct Row
    {
        TaskRunner::TaskId id = 0;
        quint64 number = 0;
        QVariant task;
        TaskRunner::TaskState state = TaskRunner::TaskState::Waiting;
        bool interrupted = false; // restored from a run that ended while it ran
        qint64 queuedMSecs = 0;
        qint64 startedMSecs = 0;
        qint64 finishedMSecs = 0;
        std::chrono::microseconds duration{0};
        std::chrono::steady_clock::time_point runningSince; // while running
        QString outcome;                                    // result or error, once finished
        std::optional<int> exitCode;
        std::shared_ptr<const TaskRunner::TaskOutput> output;

        bool isFinished() const;
    };

    explicit TaskTableModel(QObject *parent = nullptr);
    ~TaskTableModel() override;

    void setRunner(const TaskRunner::SessionRunner &runner);
    // Brings the rows up to the runner's state now: call it on the runner's stateChanged().
    void update();
    // The state update() last read.
    const TaskRunner::SessionRunnerState &state() const { return m_state; }

    // How a task reads in the Task column: "Example" or the command by default.
    void setTaskDescriber(std::function<QString(const QVariant &task)> describer);
    QString describe(const QVariant &task) const;

    int finishedLimit() const { return m_finishedLimit; }
    void setFinishedLimit(int limit);

    const Row *rowAt(int row) const;
    int rowOf(TaskRunner::TaskId id) const;
    int runningRow() const { return m_running ? int(m_finished.size()) : -1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A task of an earlier run that was running when that run ended, as the oldest row: no
    // number (it is not one of this run's) and no duration (when it ended is not known).
    void addInterruptedTask(const QVariant &task, qint64 queuedMSecs, qint64 startedMSecs,
                            const QString &outcome);

    // The running task's duration cell, for a clock that ticks while it runs.
    void refreshRunningDuration();

    static QString stateText(const Row &row);

signals:
    // A task's row became finished (it ended while this model watched it).
    void rowFinished(int row);

private:
    int finishedCount() const { return int(m_finished.size()); }
    int waitingBase() const { return finishedCount() + (m_running ? 1 : 0); }
    void rowChanged(int row);
    void finishRow(Row &row, const TaskRunner::TaskRecord &record);
    void addRecords(const TaskRunner::TaskRecordBatch &batch);
    void syncRunning(const TaskRunner::SessionRunnerState &state);
    // The running row ended without a record this model read: it becomes a finished row.
    void finishUnrecorded();
    void syncWaiting(const QList<TaskRunner::QueuedTask> &waiting);
    int findFinished(TaskRunner::TaskId id) const;
    int findWaiting(TaskRunner::TaskId id) const;
    Row rowFor(const TaskRunner::QueuedTask &task) const;
    void dropOldFinished();
    void removeRunningRow();
    void resetRows();

    TaskRunner::SessionRunner m_runner;
    TaskRunner::SessionRunnerState m_state;
    std::function<QString(const QVariant &)> m_describer;
    int m_finishedLimit = 1000;

    std::deque<Row> m_finished;
    std::optional<Row> m_running;
    std::deque<Row> m_waiting;
    quint64 m_nextSequence = 1;
    quint64 m_queueRevision = 0;
};
