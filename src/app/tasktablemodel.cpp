#include "tasktablemodel.h"

#include "durationtext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <algorithm>

using TaskRunner::TaskState;

namespace {
QString timeText(qint64 msecs)
{
    if (!msecs)
        return {};
    return clockText(QDateTime::fromMSecsSinceEpoch(msecs).time());
}
} // namespace

bool TaskTableModel::Row::isFinished() const
{
    return state != TaskState::Waiting && state != TaskState::Running;
}

TaskTableModel::TaskTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

TaskTableModel::~TaskTableModel() = default;

void TaskTableModel::setRunner(const TaskRunner::SessionRunner &runner)
{
    m_runner = runner;
    resetRows();
    update();
}

void TaskTableModel::resetRows()
{
    beginResetModel();
    m_finished.clear();
    m_running.reset();
    m_waiting.clear();
    m_nextSequence = 1;
    m_queueRevision = 0;
    m_state = TaskRunner::SessionRunnerState();
    endResetModel();
}

void TaskTableModel::setTaskDescriber(std::function<QString(const QVariant &)> describer)
{
    m_describer = std::move(describer);
    if (rowCount() > 0)
        emit dataChanged(index(0, TaskColumn), index(rowCount() - 1, TaskColumn));
}

QString TaskTableModel::describe(const QVariant &task) const
{
    return m_describer ? m_describer(task) : TaskRunner::displayText(task);
}

void TaskTableModel::setFinishedLimit(int limit)
{
    m_finishedLimit = std::max(limit, 0);
    dropOldFinished();
}

void TaskTableModel::update()
{
    if (m_runner.isNull())
        return;
    // Nobody looks at more finished rows than are kept: older records are skipped.
    TaskRunner::SessionSnapshot snapshot =
        m_runner.snapshot(m_nextSequence, m_finishedLimit + 1, m_queueRevision);
    m_state = std::move(snapshot.state);
    addRecords(snapshot.records);
    syncRunning(m_state);
    if (snapshot.hasWaiting || snapshot.records.dropped > 0) {
        if (!snapshot.hasWaiting)
            snapshot.waiting = m_runner.waitingTasks();
        syncWaiting(snapshot.waiting);
        m_queueRevision = m_state.queueRevision;
    }
    dropOldFinished();
}

int TaskTableModel::findFinished(TaskRunner::TaskId id) const
{
    // The newest first: a task that just ended is at the end.
    for (int i = finishedCount() - 1; i >= 0; --i) {
        if (m_finished[std::size_t(i)].id == id)
            return i;
    }
    return -1;
}

int TaskTableModel::findWaiting(TaskRunner::TaskId id) const
{
    const auto it = std::find_if(m_waiting.begin(), m_waiting.end(),
                                 [id](const Row &row) { return row.id == id; });
    return it == m_waiting.end() ? -1 : int(it - m_waiting.begin());
}

TaskTableModel::Row TaskTableModel::rowFor(const TaskRunner::QueuedTask &task) const
{
    Row row;
    row.id = task.id;
    row.number = task.number;
    row.task = task.task;
    row.queuedMSecs = task.queuedMSecs;
    return row;
}

void TaskTableModel::finishRow(Row &row, const TaskRunner::TaskRecord &record)
{
    row.id = record.id;
    row.number = record.number;
    if (!row.task.isValid())
        row.task = record.task;
    row.state = record.state;
    row.queuedMSecs = record.queuedMSecs;
    row.startedMSecs = record.startedMSecs;
    row.finishedMSecs = record.finishedMSecs;
    row.duration = record.duration;
    row.outcome = record.state == TaskRunner::TaskState::Done ? resultText(record.result)
                                                              : record.outcomeText();
    row.exitCode = record.exitCode;
    row.output = record.output;
}

void TaskTableModel::addRecords(const TaskRunner::TaskRecordBatch &batch)
{
    m_nextSequence = std::max(m_nextSequence, batch.nextSequence);
    if (batch.dropped > 0 && m_running) {
        // More tasks ended since the last update than the table keeps: if the running task's
        // record is among those skipped, its row is older than every row shown now.
        const TaskRunner::TaskId running = m_running->id;
        const bool recorded =
            std::any_of(batch.records.begin(), batch.records.end(),
                        [running](const TaskRunner::TaskRecord &r) { return r.id == running; });
        if (!recorded)
            removeRunningRow();
    }
    for (const TaskRunner::TaskRecord &record : batch.records) {
        const int finishedRow = finishedCount();
        if (m_running && m_running->id == record.id) {
            // The running row becomes the newest finished one: the same row.
            Row row = std::move(*m_running);
            m_running.reset();
            finishRow(row, record);
            m_finished.push_back(std::move(row));
            rowChanged(finishedRow);
            emit rowFinished(finishedRow);
            continue;
        }
        if (const int waiting = findWaiting(record.id); waiting >= 0) {
            const int from = waitingBase() + waiting;
            const bool moves = from != finishedRow;
            if (moves)
                beginMoveRows({}, from, from, {}, finishedRow);
            Row row = std::move(m_waiting[std::size_t(waiting)]);
            m_waiting.erase(m_waiting.begin() + waiting);
            finishRow(row, record);
            m_finished.push_back(std::move(row));
            if (moves)
                endMoveRows();
            else
                rowChanged(finishedRow);
            emit rowFinished(finishedRow);
            continue;
        }
        // Appended and done between two updates.
        beginInsertRows({}, finishedRow, finishedRow);
        Row row;
        finishRow(row, record);
        m_finished.push_back(std::move(row));
        endInsertRows();
        emit rowFinished(finishedRow);
    }
}

void TaskTableModel::syncRunning(const TaskRunner::SessionRunnerState &state)
{
    const TaskRunner::TaskId runningId = state.busy ? state.runningId : 0;
    if (m_running && m_running->id != runningId)
        removeRunningRow(); // it ended, and its record was skipped as too old to show
    if (!runningId)
        return;
    if (m_running) { // the same task: its output may be new
        if (m_running->output != state.runningOutput) {
            m_running->output = state.runningOutput;
            rowChanged(runningRow());
        }
        return;
    }
    if (findFinished(runningId) >= 0)
        return; // it ended after the state was read; its record is in already
    const int to = finishedCount();
    Row row;
    if (const int waiting = findWaiting(runningId); waiting >= 0) {
        const int from = waitingBase() + waiting;
        const bool moves = from != to;
        if (moves)
            beginMoveRows({}, from, from, {}, to);
        row = std::move(m_waiting[std::size_t(waiting)]);
        m_waiting.erase(m_waiting.begin() + waiting);
        row.state = TaskState::Running;
        row.startedMSecs = state.runningStartedMSecs;
        row.runningSince = state.runningSince;
        row.output = state.runningOutput;
        m_running = std::move(row);
        if (moves)
            endMoveRows();
        else
            rowChanged(to);
        return;
    }
    beginInsertRows({}, to, to);
    row.id = runningId;
    row.number = state.runningNumber;
    row.task = state.runningTask;
    row.state = TaskState::Running;
    row.startedMSecs = state.runningStartedMSecs;
    row.runningSince = state.runningSince;
    row.output = state.runningOutput;
    m_running = std::move(row);
    endInsertRows();
}

void TaskTableModel::syncWaiting(const QList<TaskRunner::QueuedTask> &waiting)
{
    // Rows that no longer wait (cleared, or ended unrecorded) go; then the order is made the
    // runner's with as few moves as a user's reordering needs; new tasks come in at their place.
    QSet<TaskRunner::TaskId> wanted;
    wanted.reserve(waiting.size());
    for (const TaskRunner::QueuedTask &task : waiting)
        wanted.insert(task.id);
    for (int i = int(m_waiting.size()) - 1; i >= 0; --i) {
        if (wanted.contains(m_waiting[std::size_t(i)].id))
            continue;
        // Contiguous runs of rows go together: a cleared queue is one removal.
        int first = i;
        while (first > 0 && !wanted.contains(m_waiting[std::size_t(first - 1)].id))
            --first;
        beginRemoveRows({}, waitingBase() + first, waitingBase() + i);
        m_waiting.erase(m_waiting.begin() + first, m_waiting.begin() + i + 1);
        endRemoveRows();
        i = first;
    }
    QSet<TaskRunner::TaskId> present;
    present.reserve(qsizetype(m_waiting.size()));
    for (const Row &row : m_waiting)
        present.insert(row.id);
    const int base = waitingBase();
    for (int i = 0; i < waiting.size(); ++i) {
        const TaskRunner::QueuedTask &task = waiting.at(i);
        if (i < int(m_waiting.size()) && m_waiting[std::size_t(i)].id == task.id)
            continue;
        if (present.contains(task.id)) { // reordered
            const int at = findWaiting(task.id);
            beginMoveRows({}, base + at, base + at, {}, base + i);
            Row row = std::move(m_waiting[std::size_t(at)]);
            m_waiting.erase(m_waiting.begin() + at);
            m_waiting.insert(m_waiting.begin() + i, std::move(row));
            endMoveRows();
            continue;
        }
        // New tasks, usually all those appended at the end: one insertion for the run of them.
        int last = i;
        while (last + 1 < waiting.size() && !present.contains(waiting.at(last + 1).id))
            ++last;
        beginInsertRows({}, base + i, base + last);
        for (int k = i; k <= last; ++k) {
            m_waiting.insert(m_waiting.begin() + k, rowFor(waiting.at(k)));
            present.insert(waiting.at(k).id);
        }
        endInsertRows();
        i = last;
    }
}

void TaskTableModel::removeRunningRow()
{
    const int row = runningRow();
    beginRemoveRows({}, row, row);
    m_running.reset();
    endRemoveRows();
}

void TaskTableModel::dropOldFinished()
{
    const int excess = finishedCount() - m_finishedLimit;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_finished.erase(m_finished.begin(), m_finished.begin() + excess);
    endRemoveRows();
}

void TaskTableModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TaskTableModel::addInterruptedTask(const QVariant &task, qint64 queuedMSecs,
                                        qint64 startedMSecs, const QString &outcome)
{
    Row row;
    row.task = task;
    row.state = TaskState::Cancelled;
    row.interrupted = true;
    row.queuedMSecs = queuedMSecs;
    row.startedMSecs = startedMSecs;
    row.outcome = outcome;
    beginInsertRows({}, 0, 0);
    m_finished.push_front(std::move(row));
    endInsertRows();
}

void TaskTableModel::refreshRunningDuration()
{
    if (const int row = runningRow(); row >= 0)
        emit dataChanged(index(row, DurationColumn), index(row, DurationColumn));
}

const TaskTableModel::Row *TaskTableModel::rowAt(int row) const
{
    if (row < 0)
        return nullptr;
    if (row < finishedCount())
        return &m_finished[std::size_t(row)];
    if (m_running && row == finishedCount())
        return &*m_running;
    const int waiting = row - waitingBase();
    return waiting < int(m_waiting.size()) ? &m_waiting[std::size_t(waiting)] : nullptr;
}

int TaskTableModel::rowOf(TaskRunner::TaskId id) const
{
    if (const int finished = findFinished(id); finished >= 0)
        return finished;
    if (m_running && m_running->id == id)
        return runningRow();
    const int waiting = findWaiting(id);
    return waiting >= 0 ? waitingBase() + waiting : -1;
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : waitingBase() + int(m_waiting.size());
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TaskTableModel::stateText(const Row &row)
{
    if (row.interrupted)
        return tr("interrupted");
    switch (row.state) {
    case TaskState::Waiting:
        return tr("waiting");
    case TaskState::Running:
        return tr("running");
    case TaskState::Done:
        return tr("done");
    case TaskState::Failed:
        return tr("failed");
    case TaskState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    const Row *row = rowAt(index.row());
    if (!row || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == TaskIdRole)
        return row->id;
    if (role == TaskStateRole)
        return int(row->state);
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == NumberColumn || index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TaskColumn:
            return describe(row->task);
        case OutcomeColumn:
            return row->outcome;
        case StartedColumn:
            return row->startedMSecs ? QDateTime::fromMSecsSinceEpoch(row->startedMSecs)
                                           .toString(Qt::ISODateWithMs)
                                     : QVariant();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NumberColumn:
        return row->number ? QLocale().toString(row->number) : QString();
    case TaskColumn:
        return describe(row->task);
    case StateColumn:
        return stateText(*row);
    case StartedColumn:
        return timeText(row->startedMSecs);
    case DurationColumn:
        if (row->state == TaskState::Running)
            return durationText(std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::steady_clock::now() - row->runningSince));
        return row->isFinished() && row->startedMSecs && !row->interrupted
                   ? durationText(row->duration)
                   : QString();
    case OutcomeColumn:
        if (!row->isFinished())
            return {};
        if (row->exitCode && row->state != TaskState::Done)
            return row->outcome;
        return row->outcome.section(QLatin1Char('\n'), 0, 0);
    default:
        return {};
    }
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == OutcomeColumn)
        return tr("How the task ended: a command's exit status, or the result the task gave");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case TaskColumn:
        return tr("Task");
    case StateColumn:
        return tr("State");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case OutcomeColumn:
        // One word: the last column is often narrower than a longer title, which was cut
        // ("Exit status / resu"); its tooltip says what it holds.
        return tr("Result", "the task table's last column: an exit status or a result");
    default:
        return {};
    }
}
