// Every public call of the runners and the registry, from three threads at once, racing stop,
// remove and shutdown, for a few seconds (TASKRUNNER_STRESS_MS, 3000 by default). It asserts
// little beyond "no crash, no hang, no leak": its value is in the sanitizer jobs, which fail on
// any use-after-free or data race it provokes.
#include "testsupport.h"

#include <TaskRunner/globalrunnerregistry.h>
#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using TaskRunner::GlobalRunner;
using TaskRunner::GlobalRunnerRegistry;
using TaskRunner::SessionRunner;
using TaskRunner::TaskContext;

namespace {

int stressMilliseconds()
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue("TASKRUNNER_STRESS_MS", &ok);
    return ok && value > 0 ? value : 3000;
}

// The runners every thread picks from; replaced at random by the main thread.
struct Pool
{
    std::mutex mutex;
    std::vector<SessionRunner> sessions;
    QStringList keys = {QStringLiteral("s0"), QStringLiteral("s1"), QStringLiteral("s2")};

    SessionRunner pickSession(quint32 r)
    {
        std::lock_guard lock(mutex);
        return sessions.empty() ? SessionRunner() : sessions[r % sessions.size()];
    }
};

QVariant stressSessionWorker(const QVariant &task, TaskContext &context)
{
    switch (task.toInt() % 5) {
    case 0:
        context.setProgress(1, 2);
        return task;
    case 1:
        context.appendOutput("out\n");
        context.waitFor(std::chrono::microseconds(200));
        return task;
    case 2:
        throw std::runtime_error("thrown");
    case 3: {
        const auto callback = context.onCancelled([] {});
        context.waitFor(1ms);
        return QVariant();
    }
    default:
        return QVariant(QStringLiteral("text"));
    }
}

QVariant stressGlobalWorker(TaskContext &context)
{
    context.appendOutput("run\n");
    context.waitFor(std::chrono::microseconds(100));
    return 1;
}

void hammer(Pool &pool, std::atomic<bool> &stop, quint32 seed)
{
    QRandomGenerator random(seed);
    auto *registry = GlobalRunnerRegistry::instance();
    while (!stop.load(std::memory_order_relaxed)) {
        const quint32 r = random.generate();
        SessionRunner session = pool.pickSession(r >> 8);
        switch (r % 16) {
        case 0:
            session.append(int(r >> 4));
            break;
        case 1:
            session.cancel(session.state().runningId);
            break;
        case 2:
            session.cancel(TaskRunner::TaskId(r >> 4));
            break;
        case 3:
            if (const auto waiting = session.waitingTasks(); !waiting.isEmpty())
                session.moveToFront(waiting.last().id);
            break;
        case 4:
            session.pause();
            session.resume();
            break;
        case 5:
            session.clear();
            break;
        case 6:
            (void)session.records(r % 50, 5);
            (void)session.state();
            break;
        case 7:
            if (r % 64 == 7)
                session.stop();
            break;
        case 8:
            if (auto output = session.state().runningOutput)
                (void)output->read(0);
            break;
        case 9: {
            GlobalRunner global =
                registry->acquire(pool.keys[(r >> 4) % 3], &stressGlobalWorker, 0.001);
            global.runNow();
            break;
        }
        case 10: {
            GlobalRunner global = registry->find(pool.keys[(r >> 4) % 3]);
            global.setInterval(0.001 * (1 + (r >> 4) % 5));
            global.pause();
            global.resume();
            (void)global.state();
            (void)global.records(1, 3);
            break;
        }
        case 11:
            if (r % 32 == 11)
                registry->remove(pool.keys[(r >> 5) % 3]);
            break;
        case 12:
            (void)registry->keys();
            break;
        case 13: {
            QFuture<QVariant> future = session.submit(int(r >> 4));
            if (r % 3 == 0)
                future.cancel();
            break;
        }
        case 14:
            session.moveUp(TaskRunner::TaskId(r >> 4));
            session.moveDown(TaskRunner::TaskId(r >> 5));
            break;
        default:
            (void)session.finished().isFinished();
            break;
        }
    }
}

} // namespace

class tst_RunnerStress : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_ALL_RUNNERS_GONE(); }

    void everyCallFromThreeThreadsRacingStopAndRemove();
};

void tst_RunnerStress::everyCallFromThreeThreadsRacingStopAndRemove()
{
    Pool pool;
    for (int i = 0; i < 3; ++i)
        pool.sessions.push_back(SessionRunner::create(&stressSessionWorker));
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    for (quint32 t = 0; t < 3; ++t)
        threads.emplace_back(hammer, std::ref(pool), std::ref(stop), 1000 + t);

    // The main thread watches, replaces runners, removes keys, as the app does.
    std::vector<std::unique_ptr<TaskRunner::RunnerWatcher>> watchers;
    QRandomGenerator random(7);
    QElapsedTimer elapsed;
    elapsed.start();
    int replaced = 0;
    while (elapsed.elapsed() < stressMilliseconds()) {
        const quint32 r = random.generate();
        {
            std::lock_guard lock(pool.mutex);
            SessionRunner &slot = pool.sessions[r % pool.sessions.size()];
            if (r % 5 == 0 || slot.isStopRequested()) {
                slot.stop();
                slot = SessionRunner::create(&stressSessionWorker);
                ++replaced;
            }
            auto watcher = std::make_unique<TaskRunner::RunnerWatcher>();
            watcher->setRunner(slot);
            watchers.push_back(std::move(watcher));
        }
        if (watchers.size() > 20)
            watchers.erase(watchers.begin(), watchers.begin() + 10);
        if (r % 7 == 0)
            GlobalRunnerRegistry::instance()->remove(pool.keys[(r >> 3) % 3]);
        QTest::qWait(int(r % 20));
    }
    stop = true;
    for (auto &thread : threads)
        thread.join();
    watchers.clear();
    {
        std::lock_guard lock(pool.mutex);
        for (SessionRunner &session : pool.sessions)
            session.stop();
        pool.sessions.clear();
    }
    qInfo("%d sessions replaced", replaced);
}

QTEST_GUILESS_MAIN(tst_RunnerStress)
#include "tst_runnerstress.moc"
