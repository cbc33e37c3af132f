#pragma once

// Private: calling a worker, so that nothing it throws leaves the runner's thread. Not installed.

#include <TaskRunner/taskrecord.h>

#include <QCoreApplication>
#include <QException>
#include <QString>
#include <QVariant>

#include <exception>
#include <utility>

#if defined(__GLIBCXX__)
#include <cxxabi.h>
#endif

namespace TaskRunner::detail {

struct WorkerOutcome
{
    bool failed = false;
    QVariant result;
    QString errorMessage;
    std::exception_ptr exception; // what was thrown, for a future
};

// Calls `call()` and catches what it throws: it becomes the outcome's error. Thread
// cancellation (glibc's forced unwind of pthread_exit() or pthread_cancel()) is not an error
// but the end of the thread: `onThreadCancelled()` runs, and the unwind goes on.
// (UndefinedBehaviorSanitizer takes the handler of the forced unwind, which has no exception
// object, for a reference bound to null; it is the documented way to let it through.)
template<typename Call, typename OnCancelled>
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((no_sanitize("null")))
#endif
WorkerOutcome
callWorker(Call &&call, OnCancelled &&onThreadCancelled)
{
    WorkerOutcome outcome;
    try {
        outcome.result = std::forward<Call>(call)();
#if defined(__GLIBCXX__)
    } catch (abi::__forced_unwind &) {
        onThreadCancelled();
        throw;
#endif
    } catch (const std::exception &error) {
        outcome.failed = true;
        outcome.errorMessage = QString::fromLocal8Bit(error.what());
        outcome.exception = std::current_exception();
    } catch (...) {
        outcome.failed = true;
        outcome.errorMessage =
            QCoreApplication::translate("TaskRunner::WorkerCall", "unknown error");
        outcome.exception = std::current_exception();
    }
    return outcome;
}

} // namespace TaskRunner::detail
