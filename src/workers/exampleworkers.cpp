#include <TaskRunner/exampleworkers.h>

#include <QDateTime>

#include <algorithm>
#include <stdexcept>

namespace TaskRunner {

QVariant waitThenNow(TaskContext &context, std::chrono::milliseconds duration)
{
    using namespace std::chrono;
    // The progress moves in steps of a hundredth of the duration, but at most 50 per second:
    // a view redraws at most that often anyway.
    const auto step = std::max<steady_clock::duration>(duration / 100, milliseconds(20));
    const auto start = steady_clock::now();
    const auto end = start + duration;
    const qint64 total = std::max<qint64>(duration.count(), 1);
    context.setProgress(0, total);
    for (auto now = start; now < end; now = steady_clock::now()) {
        if (!context.waitFor(std::min(step, end - now)))
            throw std::runtime_error("interrupted");
        context.setProgress(
            std::min<qint64>(duration_cast<milliseconds>(steady_clock::now() - start).count(),
                             total),
            total);
    }
    if (context.isCancelled())
        throw std::runtime_error("interrupted");
    return QDateTime::currentDateTime();
}

SessionWorker exampleSessionWorker(std::chrono::milliseconds duration)
{
    return [duration](const QVariant &, TaskContext &context) {
        return waitThenNow(context, duration);
    };
}

GlobalWorker exampleGlobalWorker(std::chrono::milliseconds duration)
{
    return [duration](TaskContext &context) { return waitThenNow(context, duration); };
}

} // namespace TaskRunner
