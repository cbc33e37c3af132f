#pragma once

#include <TaskRunner/taskrunnerhistory_export.h>

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace TaskRunner {

// One finished (or interrupted) task as the history keeps it. Plain data: no dependency on the
// runners. Times are milliseconds since the epoch, UTC; 0 means "none".
struct TASKRUNNER_HISTORY_EXPORT HistoryEntry
{
    // The most output a record keeps: the last 64 KiB.
    static constexpr qsizetype maxOutputTail = 64 * 1024;

    // The database row id: 0 for an entry not read from the database. Newest rows have the
    // highest ids.
    qint64 id = 0;
    QString sessionId;
    qint64 taskNumber = 0;
    QString kind;        // "command", "example", "watch", …
    QString commandLine; // as the user typed it
    QString folder;
    qint64 queuedMs = 0;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    QString state; // see HistoryState
    std::optional<int> exitCode;
    QString result; // the result, or the error text
    QByteArray outputTail;
    qint64 outputSize = 0; // all output the task produced, in bytes
    QString watchKey;      // for watches: the runner's key

    // Keeps the last maxOutputTail bytes of `output` and makes outputSize at least its size.
    void setOutput(const QByteArray &output);
    // What setOutput() does to an entry filled field by field; add() calls it.
    void truncateOutputTail();
    // The time to show and sort by: finished, else started, else queued.
    qint64 timeMs() const;
    // finished - started, or -1 when either is missing.
    qint64 durationMs() const;

    friend TASKRUNNER_HISTORY_EXPORT bool operator==(const HistoryEntry &a, const HistoryEntry &b);
    friend bool operator!=(const HistoryEntry &a, const HistoryEntry &b) { return !(a == b); }
};

// The states a history entry can have (the vocabulary the runners use).
namespace HistoryState {
inline QString waiting()
{
    return QStringLiteral("waiting");
}
inline QString running()
{
    return QStringLiteral("running");
}
inline QString done()
{
    return QStringLiteral("done");
}
inline QString failed()
{
    return QStringLiteral("failed");
}
inline QString cancelled()
{
    return QStringLiteral("cancelled");
}
inline QString interrupted()
{
    return QStringLiteral("interrupted");
}
} // namespace HistoryState

// What to list, count or export. Empty fields select everything.
struct TASKRUNNER_HISTORY_EXPORT HistoryFilter
{
    // A substring of the command, the result or the output, case-insensitive. Blank: none.
    QString text;
    // Entries in any of these states; empty: every state.
    QStringList states;

    bool isEmpty() const { return text.trimmed().isEmpty() && states.isEmpty(); }
    friend bool operator==(const HistoryFilter &a, const HistoryFilter &b)
    {
        return a.text == b.text && a.states == b.states;
    }
    friend bool operator!=(const HistoryFilter &a, const HistoryFilter &b) { return !(a == b); }
};

// How an export ended.
struct TASKRUNNER_HISTORY_EXPORT HistoryExportResult
{
    bool ok = false;
    qint64 rows = 0;
    QString error; // why it failed, for the user; empty when ok
};

} // namespace TaskRunner

Q_DECLARE_METATYPE(TaskRunner::HistoryEntry)
Q_DECLARE_METATYPE(TaskRunner::HistoryFilter)
Q_DECLARE_METATYPE(TaskRunner::HistoryExportResult)
