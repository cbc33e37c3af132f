#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariant>

#include <chrono>

// Snapshots of a runner's observable state. Runners hand them out by value from state(),
// taken under the runner's lock, so every field of one snapshot belongs to the same moment.

struct TaskRecord
{
    quint64 number = 0;                    // 1 for the first task the runner took
    std::chrono::microseconds duration{0}; // from when the runner took the task until it returned
    bool failed = false;
    QVariant result;      // the worker's return value, when !failed
    QString errorMessage; // what the worker threw, when failed
};

struct SessionRunnerState
{
    QString id;
    bool busy = false;         // a task is running
    qsizetype itemsLeft = 0;   // the N of "Processing: N items left.", fixed when a task is taken
    qsizetype queueLength = 0; // tasks waiting, not counting the running one
    quint64 done = 0;          // tasks whose worker returned
    quint64 failed = 0;        // tasks whose worker threw
    bool lastFailed = false;
    QVariant lastResult;
    QString lastError;
    QList<TaskRecord> recent; // the most recent tasks, oldest first, at most historyLimit()

    static constexpr qsizetype historyLimit() { return 20; }

    // "The queue is empty" or "Processing: N items left."
    QString statusText() const;
    // The last result as text ("None" before the first), or "Error: <message>" when the last
    // task failed.
    QString lastResultText() const;
};

struct GlobalRunnerState
{
    QString id;
    QString key;
    double interval = 0;  // seconds between the end of one run and the start of the next
    bool running = false; // the worker is running now
    bool paused = false;
    quint64 runs = 0;     // runs that returned a result; monotonic
    quint64 failures = 0; // runs that threw; monotonic
    QVariant lastResult;  // invalid until the first result
    QString lastError;    // empty after a successful run
};

namespace TaskRunner {
// A value as the GUI shows it: date-times in ISO form with milliseconds, other values as
// QVariant converts them, and "None" for a null value (as the reference prints).
QString displayText(const QVariant &value);
} // namespace TaskRunner

Q_DECLARE_METATYPE(TaskRecord)
Q_DECLARE_METATYPE(SessionRunnerState)
Q_DECLARE_METATYPE(GlobalRunnerState)
