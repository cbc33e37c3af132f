#pragma once

#include "globaltaskrunner.h"

#include <QHash>
#include <QStringList>

#include <chrono>
#include <mutex>
#include <vector>

// The process-wide map key -> GlobalTaskRunner: one runner and one thread per key, shared by
// every window. Everything here is thread-safe.
//
// The registry lives as long as the process (Q_GLOBAL_STATIC) but its runners do not outlive
// QCoreApplication: on aboutToQuit (and, as a fallback, in a post routine) it forgets every
// runner and stops all runners of the process, waiting at most shutdownGrace(). A runner whose
// worker ignores interruption is logged and left to finish; it is never terminated.
class GlobalRunnerRegistry
{
public:
    static GlobalRunnerRegistry *instance();

    // The runner for `key`, created and started if there is none: racing callers on any
    // threads get the same runner, and only the first call starts a thread. For an existing
    // key, `worker` and `interval` are ignored. An invalid interval is refused with a warning
    // and 1 s is used instead. The runner stays valid until remove(key), removeAll() or
    // shutdown; hold it in a QPointer in the main thread.
    GlobalTaskRunner *acquire(const QString &key,
                              GlobalTaskRunner::Worker worker = TaskRunner::exampleGlobalWorker(),
                              double interval = TaskRunner::exampleGlobalInterval);
    // The runner for `key`, or nullptr.
    GlobalTaskRunner *find(const QString &key) const;
    QStringList keys() const;

    // Forgets the runner for `key`, stops it and waits for its thread, at most
    // shutdownGrace(). The key is free again at once. Returns false for an unknown key, and
    // logs a runner that was still busy at the deadline.
    bool remove(const QString &key);
    // The same for every key, with one deadline for all.
    void removeAll();

    // How long removal and shutdown wait for a busy worker; 2 s by default.
    std::chrono::milliseconds shutdownGrace() const;
    void setShutdownGrace(std::chrono::milliseconds grace);

    // Forgets every global runner and stops every runner of the process (TaskRunnerBase::
    // stopAll()) with one deadline. Returns the descriptions of the runners still busy then.
    // Called on aboutToQuit; safe to call again.
    QStringList shutdown();

private:
    // Call with m_mutex held, for a runner just taken out of the map.
    static TaskRunnerBase::Stopping stop(GlobalTaskRunner *runner);

    mutable std::mutex m_mutex;
    QHash<QString, GlobalTaskRunner *> m_runners;
    std::chrono::milliseconds m_grace{2000};
};
