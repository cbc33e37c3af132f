#pragma once

#include <TaskRunner/historyentry.h>
#include <TaskRunner/savedsession.h>
#include <TaskRunner/sessionrunner.h>
#include <TaskRunner/taskrecord.h>

#include <QString>
#include <QVariant>

// How the app's tasks (a CommandSpec, or the example task) go to disk and come back: as history
// entries and as the waiting tasks of a saved session. Pure functions, thread-safe.
namespace TaskPersistence {

// "command", "shell" (a command run through /bin/sh -c) or "example"; anything else is "other".
QString kindOf(const QVariant &task);
// The history entry for a finished task of session `sessionId`.
TaskRunner::HistoryEntry historyEntry(const TaskRunner::TaskRecord &record,
                                      const QString &sessionId);
// A waiting (or interrupted) task as saved for the next launch.
TaskRunner::SavedTask savedTask(const QVariant &task, qint64 queuedMSecs);
// The session `details` (its id, window number, position and watch) with `runner`'s waiting and
// running tasks, as they are now: for a queue of 10^6 tasks, about a quarter of a second.
TaskRunner::SavedSession savedSession(const TaskRunner::SessionRunner &runner,
                                      const TaskRunner::SavedSession &details);
// The task to queue again for a saved one; an invalid QVariant (and the reason) when it cannot
// be one of ours (a garbage or foreign entry is never run).
QVariant task(const TaskRunner::SavedTask &saved, QString *error = nullptr);

} // namespace TaskPersistence
