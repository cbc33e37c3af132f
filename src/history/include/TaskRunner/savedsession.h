#pragma once

#include <TaskRunner/taskrunnerhistory_export.h>

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace TaskRunner {

// A task as session restore keeps it: enough to queue it again. Plain data.
struct TASKRUNNER_HISTORY_EXPORT SavedTask
{
    QString kind;        // "command", "example", …
    QString commandLine; // as the user typed it, for display
    QString program;
    QStringList arguments;
    QString folder;
    bool useShell = false;
    qint64 queuedMs = 0;  // ms since the epoch, UTC; 0 when not known
    qint64 startedMs = 0; // likewise: when it started, for the task that was running

    QJsonObject toJson() const;
    // False (and `task` untouched) when `object` is not a saved task.
    static bool fromJson(const QJsonObject &object, SavedTask &task);

    friend TASKRUNNER_HISTORY_EXPORT bool operator==(const SavedTask &a, const SavedTask &b);
    friend bool operator!=(const SavedTask &a, const SavedTask &b) { return !(a == b); }
};

// An open session window: a stable id, its window number, its place among the open windows,
// its waiting tasks in queue order and the task that was running when it was saved (to be shown
// as interrupted, never run again by itself).
struct TASKRUNNER_HISTORY_EXPORT SavedSession
{
    QString id;
    int windowNumber = 0;
    int position = 0;
    QList<SavedTask> waiting;
    std::optional<SavedTask> running;
    QString watch; // the name of the watch its window showed; empty: the default

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &object, SavedSession &session);

    friend TASKRUNNER_HISTORY_EXPORT bool operator==(const SavedSession &a, const SavedSession &b);
    friend bool operator!=(const SavedSession &a, const SavedSession &b) { return !(a == b); }
};

} // namespace TaskRunner

Q_DECLARE_METATYPE(TaskRunner::SavedTask)
Q_DECLARE_METATYPE(TaskRunner::SavedSession)
