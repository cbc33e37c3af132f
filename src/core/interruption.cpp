#include <TaskRunner/interruption.h>
#include <TaskRunner/taskcontext.h>

#include "runnercore.h"

#include <QThread>

#include <algorithm>
#include <thread>

namespace TaskRunner {

bool isInterruptionRequested()
{
    if (const TaskContext *context = TaskContext::current())
        return context->isCancelled();
    return QThread::currentThread()->isInterruptionRequested();
}

bool sleepFor(std::chrono::nanoseconds duration)
{
    using namespace std::chrono;
    if (const TaskContext *context = TaskContext::current())
        return context->waitFor(duration);

    // Not a runner's task: nothing can wake us, so look at QThread's flag in short slices.
    constexpr auto slice = milliseconds(10);
    const auto deadline = detail::deadlineAfter(duration);
    for (;;) {
        if (QThread::currentThread()->isInterruptionRequested())
            return false;
        const auto now = steady_clock::now();
        if (now >= deadline)
            return true;
        std::this_thread::sleep_for(std::min<nanoseconds>(deadline - now, slice));
    }
}

} // namespace TaskRunner
