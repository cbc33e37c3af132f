#pragma once

#include <TaskRunner/globalrunner.h>
#include <TaskRunner/sessionrunner.h>
#include <TaskRunner/taskrunnerworkers_export.h>

#include <chrono>

namespace TaskRunner {

/// The reference's example task: waits `duration` (1 s by default), reporting the time waited
/// as its progress, then returns the current date-time. Cancelling it (or stopping its runner)
/// ends the wait within microseconds; an interrupted task throws, so it is reported as
/// cancelled rather than as a result. Thread-safe; the worker may run on any runner.
TASKRUNNER_WORKERS_EXPORT SessionWorker
exampleSessionWorker(std::chrono::milliseconds duration = std::chrono::seconds(1));
/// The same example as a GlobalWorker, for GlobalRunner and GlobalRunnerRegistry::acquire().
TASKRUNNER_WORKERS_EXPORT GlobalWorker
exampleGlobalWorker(std::chrono::milliseconds duration = std::chrono::seconds(1));

/// The same wait for any context: what both example workers run. Call it on the worker's
/// thread, with the context the runner passed.
TASKRUNNER_WORKERS_EXPORT QVariant waitThenNow(TaskContext &context,
                                               std::chrono::milliseconds duration);

/// The reference's global example: its key.
inline constexpr const char exampleGlobalKey[] = "example-worker";
/// The reference's global example: its interval (seconds).
inline constexpr double exampleGlobalInterval = 0.33;

} // namespace TaskRunner
