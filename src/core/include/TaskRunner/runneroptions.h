#pragma once

#include <TaskRunner/taskoutput.h>
#include <TaskRunner/taskrunnercore_export.h>

#include <QString>
#include <QStringList>

#include <chrono>

namespace TaskRunner {

/// How a runner is made (SessionRunner::create(), GlobalRunner::create()). Every field has a
/// sensible default.
struct RunnerOptions
{
    /// Bytes of stack for the runner's thread; 0 for the system's default. A size the system
    /// refuses makes create() fail.
    uint stackSize = 0;
    /// Finished records kept for records() (the oldest are dropped first, and counted).
    qsizetype recordLimit = 10000;
    /// Bytes of each task's output kept (its tail); the total size is always exact.
    qint64 outputLimit = TaskOutput::defaultLimit();
    /// A session runner made paused takes no task before resume(); a global one runs nothing
    /// before resume() or runNow().
    bool startPaused = false;
    /// The name of the runner's thread, as `top -H`, `ps -L` and debuggers show it (the system
    /// keeps its first 15 bytes); empty for "session <id>" or "global <key>".
    QString threadName;
};

/// Runner threads that have not finished yet, in the whole process. Thread-safe.
TASKRUNNER_CORE_EXPORT int liveRunnerCount();
/// Runner objects not yet freed (held by a handle, a watcher or their thread). Thread-safe.
TASKRUNNER_CORE_EXPORT int runnerObjectCount();

/// How long shutdown waits for busy workers: 2 s by default. Thread-safe.
TASKRUNNER_CORE_EXPORT std::chrono::milliseconds shutdownGrace();
/// Sets shutdownGrace() for the whole process. Thread-safe.
TASKRUNNER_CORE_EXPORT void setShutdownGrace(std::chrono::milliseconds grace);

/// Stops every runner of the process and waits until `grace` has passed for their threads
/// (never for the calling thread's own runner), without ever terminating one. Returns the
/// descriptions of the runners still busy at the deadline, after logging them; they finish on
/// their own. In the main thread it also frees what the finished threads left to it.
/// Runs by itself when the application quits (aboutToQuit, or the QCoreApplication's
/// destruction). Thread-safe; the only call of the library that waits.
TASKRUNNER_CORE_EXPORT QStringList stopAllRunners(std::chrono::milliseconds grace);

} // namespace TaskRunner
