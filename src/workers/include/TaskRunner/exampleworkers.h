#pragma once

#include <TaskRunner/globalrunner.h>
#include <TaskRunner/sessionrunner.h>
#include <TaskRunner/taskrunnerworkers_export.h>

#include <chrono>

namespace TaskRunner {

// The reference's example task: waits `duration` (1 s by default), reporting the time waited
// as its progress, then returns the current date-time. Cancelling it (or stopping its runner)
// ends the wait within microseconds; an interrupted task throws, so it is reported as
// cancelled rather than as a result.
TASKRUNNER_WORKERS_EXPORT SessionWorker
exampleSessionWorker(std::chrono::milliseconds duration = std::chrono::seconds(1));
TASKRUNNER_WORKERS_EXPORT GlobalWorker
exampleGlobalWorker(std::chrono::milliseconds duration = std::chrono::seconds(1));

// The same wait for any context: what both example workers run.
TASKRUNNER_WORKERS_EXPORT QVariant waitThenNow(TaskContext &context,
                                               std::chrono::milliseconds duration);

// The reference's global example: key, interval (seconds).
inline constexpr const char exampleGlobalKey[] = "example-worker";
inline constexpr double exampleGlobalInterval = 0.33;

} // namespace TaskRunner
