#include "exampleworkers.h"

#include "interruption.h"

#include <QDateTime>

#include <stdexcept>

namespace TaskRunner {

namespace {
QVariant waitThenNow(std::chrono::milliseconds duration)
{
    if (!sleepFor(duration))
        throw std::runtime_error("interrupted");
    return QDateTime::currentDateTime();
}
} // namespace

SessionWorker exampleSessionWorker(std::chrono::milliseconds duration)
{
    return [duration](const QVariant &) { return waitThenNow(duration); };
}

GlobalWorker exampleGlobalWorker(std::chrono::milliseconds duration)
{
    return [duration] { return waitThenNow(duration); };
}

} // namespace TaskRunner
