#include <TaskRunner/globalrunnerregistry.h>

#include "logging.h"
#include "runnercore.h"

#include <QCoreApplication>
#include <QGlobalStatic>
#include <QHash>

#include <mutex>

namespace TaskRunner {

namespace {

struct RegistryData
{
    std::mutex mutex;
    QHash<QString, GlobalRunner> runners;
    // The application that was shut down: refused until a new one exists.
    QCoreApplication *shutDownFor = nullptr;
};
Q_GLOBAL_STATIC(RegistryData, s_data)
Q_GLOBAL_STATIC(GlobalRunnerRegistry, s_registry)

// The application whose quit and destruction stop the runners; set once per QCoreApplication.
std::mutex s_hookMutex;
QCoreApplication *s_hookedApplication = nullptr;

void shutDownOnQuit()
{
    if (!s_registry.isDestroyed())
        s_registry->shutdown();
}

void shutDownOnDestruction()
{
    shutDownOnQuit();
    if (!s_data.isDestroyed()) {
        std::lock_guard lock(s_data->mutex);
        s_data->shutDownFor = nullptr; // the next application's registry is open
    }
    std::lock_guard lock(s_hookMutex);
    s_hookedApplication = nullptr; // the next QCoreApplication gets hooks of its own
}

} // namespace

namespace detail {

bool ensureShutdownHooks(QString *errorMessage)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app) {
        if (errorMessage)
            *errorMessage = QStringLiteral("there is no QCoreApplication: runners need one, and "
                                           "stop when it quits");
        return false;
    }
    std::lock_guard lock(s_hookMutex);
    if (s_hookedApplication == app)
        return true;
    s_hookedApplication = app;
    // Post routines run when the application object is destroyed, also without exec(), and
    // are forgotten once run.
    qAddPostRoutine(&shutDownOnDestruction);
    QObject::connect(app, &QCoreApplication::aboutToQuit, app, &shutDownOnQuit);
    return true;
}

} // namespace detail

GlobalRunnerRegistry *GlobalRunnerRegistry::instance()
{
    return s_registry();
}

GlobalRunner GlobalRunnerRegistry::acquire(const QString &key, GlobalWorker worker, double interval,
                                           QString *errorMessage)
{
    return acquire(key, std::move(worker), interval, RunnerOptions(), errorMessage);
}

GlobalRunner GlobalRunnerRegistry::acquire(const QString &key, GlobalWorker worker, double interval,
                                           const RunnerOptions &options, QString *errorMessage)
{
    if (!GlobalRunner::isValidInterval(interval)) {
        qCWarning(detail::lcGlobal).nospace()
            << "Refusing interval " << interval << " s for global runner " << key << "; using 1 s";
        interval = 1.0;
    }
    if (QString reason; !detail::ensureShutdownHooks(&reason)) {
        qCWarning(detail::lcGlobal).noquote()
            << "Cannot create global runner" << key << "-" << reason;
        if (errorMessage)
            *errorMessage = reason;
        return {};
    }
    std::lock_guard lock(s_data->mutex);
    if (s_data->shutDownFor && s_data->shutDownFor == QCoreApplication::instance()) {
        if (errorMessage)
            *errorMessage = QStringLiteral("the application is quitting");
        qCDebug(detail::lcGlobal).noquote() << "Refusing global runner" << key << "after shutdown";
        return {};
    }
    GlobalRunner &runner = s_data->runners[key];
    // Creating only starts a thread; no user code runs under the lock.
    if (!runner)
        runner = GlobalRunner::create(key, std::move(worker), interval, options, errorMessage);
    if (!runner) {
        s_data->runners.remove(key);
        return {};
    }
    return runner;
}

GlobalRunner GlobalRunnerRegistry::find(const QString &key) const
{
    std::lock_guard lock(s_data->mutex);
    return s_data->runners.value(key);
}

QStringList GlobalRunnerRegistry::keys() const
{
    std::lock_guard lock(s_data->mutex);
    QStringList keys = s_data->runners.keys();
    keys.sort();
    return keys;
}

bool GlobalRunnerRegistry::remove(const QString &key)
{
    GlobalRunner removed;
    {
        std::lock_guard lock(s_data->mutex);
        removed = s_data->runners.take(key);
    }
    if (!removed)
        return false;
    qCDebug(detail::lcGlobal).noquote() << removed.id() << "- Removing";
    removed.stop(); // outside the lock: stopping may destroy what the runner held
    return true;
}

void GlobalRunnerRegistry::removeAll()
{
    QHash<QString, GlobalRunner> removed;
    {
        std::lock_guard lock(s_data->mutex);
        removed.swap(s_data->runners);
    }
    for (GlobalRunner &runner : removed)
        runner.stop();
}

std::chrono::milliseconds GlobalRunnerRegistry::shutdownGrace() const
{
    return TaskRunner::shutdownGrace();
}

void GlobalRunnerRegistry::setShutdownGrace(std::chrono::milliseconds grace)
{
    TaskRunner::setShutdownGrace(grace);
}

QStringList GlobalRunnerRegistry::shutdown()
{
    QHash<QString, GlobalRunner> removed;
    {
        std::lock_guard lock(s_data->mutex);
        s_data->shutDownFor = QCoreApplication::instance();
        removed.swap(s_data->runners);
    }
    removed.clear(); // the handles' stop(); stopAllRunners() below waits for them all
    return stopAllRunners(TaskRunner::shutdownGrace());
}

bool GlobalRunnerRegistry::isShutDown() const
{
    std::lock_guard lock(s_data->mutex);
    return s_data->shutDownFor && s_data->shutDownFor == QCoreApplication::instance();
}

} // namespace TaskRunner
