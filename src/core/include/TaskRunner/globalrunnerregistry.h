#pragma once

#include <TaskRunner/globalrunner.h>
#include <TaskRunner/taskrunnercore_export.h>

#include <QStringList>

#include <chrono>
#include <type_traits>

namespace TaskRunner {

/// The process-wide map key -> GlobalRunner: one runner and one thread per key, shared by every
/// window. Every method is thread-safe, none emits anything, and none waits for a worker but
/// shutdown().
///
/// The map is a Q_GLOBAL_STATIC, but its runners do not outlive the QCoreApplication: on
/// aboutToQuit (or, without exec(), when the application object is destroyed) it forgets every
/// runner, refuses new ones, and stops every runner of the process, waiting at most
/// shutdownGrace(). A later QCoreApplication gets a fresh, open registry.
class TASKRUNNER_CORE_EXPORT GlobalRunnerRegistry
{
public:
    /// The registry of the process. Thread-safe.
    static GlobalRunnerRegistry *instance();

    /// The runner for `key`, created and started if there is none: racing callers on any
    /// threads get the same runner, and only the first starts a thread. For an existing key,
    /// `worker` and `interval` are ignored. An invalid interval is refused with a warning and
    /// 1 s is used instead. A null handle (with the reason in `errorMessage`) without a
    /// QCoreApplication, after shutdown, or when the thread cannot start.
    GlobalRunner acquire(const QString &key, GlobalWorker worker, double interval,
                         QString *errorMessage = nullptr);
    /// The same, a new runner made with `options` (a running one keeps its own).
    GlobalRunner acquire(const QString &key, GlobalWorker worker, double interval,
                         const RunnerOptions &options, QString *errorMessage = nullptr);
    /// The same for a worker that takes no context.
    template<typename Worker,
             std::enable_if_t<!std::is_invocable_v<Worker &, TaskContext &>, int> = 0>
    GlobalRunner acquire(const QString &key, Worker worker, double interval,
                         QString *errorMessage = nullptr)
    {
        return acquire(key, GlobalRunner::plainWorker(std::move(worker)), interval, errorMessage);
    }
    /// The runner for `key`, or a null handle.
    GlobalRunner find(const QString &key) const;
    /// The keys of every runner in the registry.
    QStringList keys() const;

    /// Forgets the runner for `key` and stops it, without waiting: the key is free again at
    /// once, handles others hold stay valid (as no-ops), and the runner's finished() tells
    /// when its thread is done. False for an unknown key.
    bool remove(const QString &key);
    /// remove() for every key, without waiting.
    void removeAll();

    /// The process-wide shutdownGrace().
    std::chrono::milliseconds shutdownGrace() const;
    /// Sets the process-wide shutdownGrace() (see TaskRunner::setShutdownGrace()).
    void setShutdownGrace(std::chrono::milliseconds grace);

    /// Forgets every runner, refuses new ones from now on (until a new QCoreApplication), and
    /// stops every runner of the process with stopAllRunners(shutdownGrace()). Returns the
    /// descriptions of the runners still busy then. Safe to call again and from a worker.
    QStringList shutdown();
    /// True after shutdown(), until a new QCoreApplication.
    bool isShutDown() const;
};

} // namespace TaskRunner
