#include "globalrunnerregistry.h"

#include "logging.h"

#include <QCoreApplication>
#include <QGlobalStatic>

#include <algorithm>
#include <vector>

Q_GLOBAL_STATIC(GlobalRunnerRegistry, s_registry)

namespace {

void shutdownRegistry()
{
    if (!s_registry.isDestroyed())
        s_registry->shutdown();
}

// Tie the runners to the application's lifetime, not to static destruction.
void installShutdownHooks()
{
    static std::once_flag once;
    std::call_once(once, [] {
        qAddPostRoutine(&shutdownRegistry);
        if (auto *app = QCoreApplication::instance())
            QObject::connect(app, &QCoreApplication::aboutToQuit, app, &shutdownRegistry);
    });
}

} // namespace

GlobalRunnerRegistry *GlobalRunnerRegistry::instance()
{
    return s_registry();
}

GlobalTaskRunner *GlobalRunnerRegistry::acquire(const QString &key, GlobalTaskRunner::Worker worker,
                                                double interval)
{
    installShutdownHooks();
    if (!GlobalTaskRunner::isValidInterval(interval)) {
        qCWarning(lcGlobal).nospace()
            << "Refusing interval " << interval << " s for global runner " << key << "; using 1 s";
        interval = 1.0;
    }
    std::lock_guard lock(m_mutex);
    GlobalTaskRunner *&runner = m_runners[key];
    if (!runner) // creating only starts a thread; no user code runs under the lock
        runner = GlobalTaskRunner::create(key, std::move(worker), interval);
    return runner;
}

GlobalTaskRunner *GlobalRunnerRegistry::find(const QString &key) const
{
    std::lock_guard lock(m_mutex);
    return m_runners.value(key);
}

QStringList GlobalRunnerRegistry::keys() const
{
    std::lock_guard lock(m_mutex);
    QStringList keys = m_runners.keys();
    keys.sort();
    return keys;
}

bool GlobalRunnerRegistry::remove(const QString &key)
{
    std::vector<TaskRunnerBase::Stopping> stopping;
    std::chrono::steady_clock::time_point deadline;
    {
        // The runner is stopped before the lock is released: once it is out of the map, a
        // shutdown() on another thread could stop it and free it at any time.
        std::lock_guard lock(m_mutex);
        GlobalTaskRunner *runner = m_runners.take(key);
        if (!runner)
            return false;
        deadline = std::chrono::steady_clock::now() + m_grace;
        stopping.push_back(stop(runner));
    }
    TaskRunnerBase::waitUntilStopped(stopping, deadline);
    return true;
}

void GlobalRunnerRegistry::removeAll()
{
    std::vector<TaskRunnerBase::Stopping> stopping;
    std::chrono::steady_clock::time_point deadline;
    {
        std::lock_guard lock(m_mutex);
        deadline = std::chrono::steady_clock::now() + m_grace;
        for (GlobalTaskRunner *runner : std::as_const(m_runners))
            stopping.push_back(stop(runner));
        m_runners.clear();
    }
    TaskRunnerBase::waitUntilStopped(stopping, deadline);
}

std::chrono::milliseconds GlobalRunnerRegistry::shutdownGrace() const
{
    std::lock_guard lock(m_mutex);
    return m_grace;
}

void GlobalRunnerRegistry::setShutdownGrace(std::chrono::milliseconds grace)
{
    std::lock_guard lock(m_mutex);
    m_grace = std::max(grace, std::chrono::milliseconds(0));
}

QStringList GlobalRunnerRegistry::shutdown()
{
    std::chrono::milliseconds grace;
    {
        std::lock_guard lock(m_mutex);
        m_runners.clear(); // stopAll() below stops them: they are still alive until then
        grace = m_grace;
    }
    return TaskRunnerBase::stopAll(grace);
}

TaskRunnerBase::Stopping GlobalRunnerRegistry::stop(GlobalTaskRunner *runner)
{
    qCDebug(lcGlobal).noquote() << runner->id() << "- Removing";
    // Taken first: once stop() returns, the runner may be freed at any time.
    TaskRunnerBase::Stopping stopping = runner->stopping();
    runner->stop(); // only flags and wakes: fine under the lock
    return stopping;
}
