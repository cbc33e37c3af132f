#pragma once

#include <TaskRunner/taskrunnercore_export.h>

#include <chrono>

namespace TaskRunner {

/// For workers that take no TaskContext: true when the task running on the calling thread was
/// cancelled or its runner is stopping, or, on a thread that no runner owns, when
/// QThread::isInterruptionRequested(). Thread-safe.
TASKRUNNER_CORE_EXPORT bool isInterruptionRequested();

/// Sleeps on the calling thread for `duration` and returns true, or returns false as soon as
/// isInterruptionRequested(). On a runner's thread it wakes at once (no polling); on other
/// QThreads nothing can wake it, so it looks at QThread's flag every 10 ms. Any duration is
/// fine, nanoseconds::max() included. Thread-safe; never call it on the GUI thread.
TASKRUNNER_CORE_EXPORT bool sleepFor(std::chrono::nanoseconds duration);

} // namespace TaskRunner
