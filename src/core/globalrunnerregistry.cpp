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
    GlobalTaskRunner *runner = nullptr;
    {
        std::lock_guard lock(m_mutex);
        runner = m_runners.take(key);
    }
    if (!runner)
        return false;
    stopAndWait({runner});
    return true;
}

void GlobalRunnerRegistry::removeAll()
{
    QHash<QString, GlobalTaskRunner *> runners;
    {
        std::lock_guard lock(m_mutex);
        runners.swap(m_runners);
    }
    stopAndWait(runners.values());
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

void GlobalRunnerRegistry::stopAndWait(QList<GlobalTaskRunner *> runners)
{
    // The runners left the map, so nobody else stops them: each is alive until its thread
    // finishes, which needs our stop().
    const auto deadline = std::chrono::steady_clock::now() + shutdownGrace();
    std::vector<std::pair<std::shared_ptr<const TaskRunner::Completion>, QString>> waiting;
    for (GlobalTaskRunner *runner : runners) {
        qCDebug(lcGlobal).noquote() << runner->id() << "- Removing";
        waiting.emplace_back(runner->completion(), runner->description());
        runner->stop();
    }
    for (const auto &[completion, description] : waiting) {
        if (completion->waitUntil(deadline))
            qCDebug(lcGlobal).noquote() << description << "- Removed";
        else
            qCWarning(lcGlobal).noquote()
                << "Still running after the grace period; left to finish on its own:"
                << description;
    }
}
