#include "taskpersistence.h"

#include "sessionrunnerview.h"

#include <TaskRunner/commandspec.h>
#include <TaskRunner/taskoutput.h>

namespace TaskPersistence {

namespace {
bool isCommand(const QVariant &task)
{
    return task.metaType() == QMetaType::fromType<TaskRunner::CommandSpec>();
}

QString stateText(TaskRunner::TaskState state)
{
    return TaskRunner::stateName(state);
}
} // namespace

QString kindOf(const QVariant &task)
{
    if (isCommand(task))
        return task.value<TaskRunner::CommandSpec>().useShell ? QStringLiteral("shell")
                                                              : QStringLiteral("command");
    if (SessionRunnerView::isExampleTask(task))
        return QStringLiteral("example");
    return QStringLiteral("other");
}

TaskRunner::HistoryEntry historyEntry(const TaskRunner::TaskRecord &record,
                                      const QString &sessionId)
{
    TaskRunner::HistoryEntry entry;
    entry.sessionId = sessionId;
    entry.taskNumber = qint64(record.number);
    entry.kind = kindOf(record.task);
    if (isCommand(record.task)) {
        const auto spec = record.task.value<TaskRunner::CommandSpec>();
        entry.commandLine = spec.displayText();
        entry.folder = spec.workingDirectory;
    } else {
        entry.commandLine = SessionRunnerView::describeTask(record.task);
    }
    entry.queuedMs = record.queuedMSecs;
    entry.startedMs = record.startedMSecs;
    entry.finishedMs = record.finishedMSecs;
    entry.state = stateText(record.state);
    entry.exitCode = record.exitCode;
    entry.result = record.outcomeText();
    if (record.output) {
        entry.outputTail = record.output->tail(TaskRunner::HistoryEntry::maxOutputTail);
        entry.outputSize = record.output->totalSize();
    }
    return entry;
}

TaskRunner::SavedTask savedTask(const QVariant &task, qint64 queuedMSecs)
{
    TaskRunner::SavedTask saved;
    saved.kind = kindOf(task);
    saved.queuedMs = queuedMSecs;
    if (isCommand(task)) {
        const auto spec = task.value<TaskRunner::CommandSpec>();
        saved.commandLine = spec.displayText();
        saved.program = spec.program;
        saved.arguments = spec.arguments;
        saved.folder = spec.workingDirectory;
        saved.useShell = spec.useShell;
    } else {
        saved.commandLine = SessionRunnerView::describeTask(task);
    }
    return saved;
}

TaskRunner::SavedSession savedSession(const TaskRunner::SessionRunner &runner,
                                      const TaskRunner::SavedSession &details)
{
    TaskRunner::SavedSession saved = details;
    TaskRunner::SessionRunnerState state;
    const QList<TaskRunner::QueuedTask> waiting = runner.waitingTasks(&state);
    saved.waiting.clear();
    saved.waiting.reserve(waiting.size());
    for (const TaskRunner::QueuedTask &task : waiting)
        saved.waiting << savedTask(task.task, task.queuedMSecs);
    saved.running.reset();
    if (state.busy) {
        // When it was queued is not in the state; when it started is.
        saved.running = savedTask(state.runningTask, 0);
        saved.running->startedMs = state.runningStartedMSecs;
    }
    return saved;
}

QVariant task(const TaskRunner::SavedTask &saved, QString *error)
{
    if (saved.kind == QLatin1String("example"))
        return SessionRunnerView::exampleTask();
    if (saved.kind != QLatin1String("command") && saved.kind != QLatin1String("shell")) {
        if (error)
            *error = QStringLiteral("a task of an unknown kind '%1'").arg(saved.kind);
        return {};
    }
    // Rebuilt through the checked map form, as any data read from disk.
    QVariantMap map = TaskRunner::CommandSpec{saved.program, saved.arguments, saved.folder,
                                              saved.useShell, saved.commandLine}
                          .toVariantMap();
    const TaskRunner::CommandSpec spec = TaskRunner::CommandSpec::fromVariantMap(map, error);
    if (!spec.isValid())
        return {};
    return QVariant::fromValue(spec);
}

} // namespace TaskPersistence
