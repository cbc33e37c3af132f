// The registry's runners are tied to QCoreApplication's lifetime: quitting the event loop
// stops them (aboutToQuit) and the application object's destruction does it without exec();
// nothing is left for static destruction. Each scenario runs with an application object of its
// own, one after the other, as a process that makes a second QCoreApplication does.
#include <TaskRunner/exampleworkers.h>
#include <TaskRunner/globalrunnerregistry.h>
#include <TaskRunner/runneroptions.h>
#include <TaskRunner/sessionrunner.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using TaskRunner::GlobalRunner;
using TaskRunner::GlobalRunnerRegistry;
using TaskRunner::SessionRunner;

namespace {
int passed = 0;
int failed = 0;

void check(bool ok, const char *what)
{
    std::printf("%s: %s\n", ok ? "PASS" : "FAIL", what);
    (ok ? passed : failed) += 1;
}

GlobalRunnerRegistry *registry()
{
    return GlobalRunnerRegistry::instance();
}

// Waits, with the application's events delivered, until `condition` or 10 s.
template<typename Condition> bool waitFor(Condition condition)
{
    return QTest::qWaitFor(condition, 10000);
}

void withoutAnApplication()
{
    QString error;
    const GlobalRunner global = registry()->acquire(
        QStringLiteral("early"), [] { return QVariant(); }, 0.01, &error);
    check(global.isNull() && error.contains(QLatin1String("QCoreApplication")),
          "acquire() before a QCoreApplication exists is refused");
    const SessionRunner session =
        SessionRunner::create([](const QVariant &task) { return task; }, {}, &error);
    check(session.isNull(), "SessionRunner::create() without a QCoreApplication is refused");
    check(TaskRunner::runnerObjectCount() == 0 && TaskRunner::liveRunnerCount() == 0,
          "nothing is left of the refused runners");
}

void quitStopsEverything(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    registry()->setShutdownGrace(2s);
    std::vector<GlobalRunner> runners;
    for (int i = 0; i < 5; ++i)
        runners.push_back(registry()->acquire(QStringLiteral("key-%1").arg(i),
                                              TaskRunner::exampleGlobalWorker(30s), 0.33));
    SessionRunner session = SessionRunner::create(TaskRunner::exampleSessionWorker(30s));
    session.append(1);
    QTimer::singleShot(200ms, &app, &QCoreApplication::quit); // all mid-run by then
    QElapsedTimer elapsed;
    elapsed.start();
    app.exec(); // aboutToQuit stops every runner
    check(elapsed.elapsed() < 200 + 2000, "exit within the grace period");
    check(registry()->keys().isEmpty(), "registry empty after aboutToQuit");
    check(TaskRunner::liveRunnerCount() == 0, "no runner thread left after aboutToQuit");
    check(registry()->isShutDown(), "the registry says it is shut down");
    check(registry()
              ->acquire(
                  QStringLiteral("late"), [] { return QVariant(); }, 0.33)
              .isNull(),
          "after shutdown the registry refuses new runners");
    // A session made after exec() is stopped when the application object goes.
    SessionRunner late = SessionRunner::create(TaskRunner::exampleSessionWorker(30s));
    late.append(1);
    check(TaskRunner::liveRunnerCount() == 1, "a session runner made after exec()");
}

void aSecondApplicationGetsAnOpenRegistry(int argc, char *argv[])
{
    {
        QCoreApplication app(argc, argv);
        check(!registry()->isShutDown(), "a new QCoreApplication finds the registry open");
        std::atomic<int> runsAfterExec{0};
        std::atomic<bool> execReturned{false};
        GlobalRunner runner = registry()->acquire(
            QStringLiteral("second-app"),
            [&] {
                if (execReturned)
                    runsAfterExec.fetch_add(1);
                return QVariant();
            },
            0.005);
        check(!runner.isNull(), "acquire() works again in the second application");
        QTimer::singleShot(100ms, &app, &QCoreApplication::quit);
        app.exec();
        execReturned = true;
        check(runner.finished().isFinished(), "its runners stop when it quits");
        std::this_thread::sleep_for(50ms);
        check(runsAfterExec.load() == 0, "no run after exec() returned");
    }
    {
        // Without exec(): the destruction of the application object stops them.
        QFuture<void> finished;
        {
            QCoreApplication app(argc, argv);
            finished =
                registry()
                    ->acquire(QStringLiteral("no-exec"), TaskRunner::exampleGlobalWorker(30s), 0.33)
                    .finished();
        }
        check(finished.isFinished(), "the application's destruction stops its runners");
    }
}

void acquireRacingShutdown(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::atomic<bool> stop{false};
    std::atomic<int> refusedAfterShutdown{0};
    std::atomic<int> acceptedAfterShutdown{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
        threads.emplace_back([&, t] {
            int i = 0;
            while (!stop) {
                const bool wasShutDown = registry()->isShutDown();
                const GlobalRunner runner = registry()->acquire(
                    QStringLiteral("race-%1-%2").arg(t).arg(i++ % 4), [] { return QVariant(); },
                    0.001);
                if (wasShutDown)
                    (runner.isNull() ? refusedAfterShutdown : acceptedAfterShutdown) += 1;
            }
        });
    }
    std::this_thread::sleep_for(50ms);
    registry()->shutdown();
    std::this_thread::sleep_for(50ms);
    stop = true;
    for (auto &thread : threads)
        thread.join();
    check(registry()->keys().isEmpty(), "no runner left in the map after a racing shutdown");
    check(acceptedAfterShutdown.load() == 0 && refusedAfterShutdown.load() > 0,
          "every acquire() after shutdown is refused");
    check(waitFor([] { return TaskRunner::liveRunnerCount() == 0; }),
          "every runner acquired before the shutdown stopped");
}

void shutdownIsBounded(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    registry()->setShutdownGrace(300ms);
    std::atomic<bool> release{false};
    GlobalRunner stubborn = registry()->acquire(
        QStringLiteral("stubborn"),
        [&release] {
            while (!release) // ignores interruption on purpose
                std::this_thread::sleep_for(1ms);
            return QVariant();
        },
        1);
    GlobalRunner polite =
        registry()->acquire(QStringLiteral("polite"), TaskRunner::exampleGlobalWorker(30s), 1);
    waitFor([&] { return stubborn.state().running && polite.state().running; });
    QElapsedTimer elapsed;
    elapsed.start();
    const QStringList stuck = registry()->shutdown();
    const qint64 took = elapsed.elapsed();
    check(stuck == QStringList{QStringLiteral("global stubborn")}, "the stuck runner is named");
    check(took >= 300 && took < 300 + 1000, "shutdown waits the grace and no longer");
    check(polite.finished().isFinished(), "the cooperative runner is done");
    check(!stubborn.finished().isFinished(), "the stuck one is left running, not terminated");
    release = true;
    check(waitFor([&] { return stubborn.finished().isFinished(); }),
          "the stuck one ends on its own once its worker returns");
}

void shutdownWithTheLongestGraceStillWaits(int argc, char *argv[])
{
    // A grace of milliseconds::max() must not overflow into "no wait at all".
    QCoreApplication app(argc, argv);
    registry()->setShutdownGrace(std::chrono::milliseconds::max());
    std::atomic<bool> returned{false};
    registry()->acquire(
        QStringLiteral("slow-to-stop"),
        [&returned] {
            std::this_thread::sleep_for(300ms); // ignores interruption
            returned = true;
            return QVariant();
        },
        1);
    waitFor([] { return registry()->find(QStringLiteral("slow-to-stop")).state().running; });
    const QStringList stuck = registry()->shutdown();
    check(stuck.isEmpty() && returned.load(), "a huge grace waits until the worker returned");
    registry()->setShutdownGrace(2s);
}

void shutdownFromInsideAWorker(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    registry()->setShutdownGrace(2s);
    std::atomic<qint64> tookMs{-1};
    std::atomic<int> stuckCount{-1};
    GlobalRunner runner = registry()->acquire(
        QStringLiteral("self-shutdown"),
        [&] {
            QElapsedTimer elapsed;
            elapsed.start();
            stuckCount = int(registry()->shutdown().size());
            tookMs = elapsed.elapsed();
            return QVariant();
        },
        3600);
    check(waitFor([&] { return runner.finished().isFinished(); }),
          "a runner that shuts the registry down from its worker stops");
    check(tookMs.load() >= 0 && tookMs.load() < 500, "it does not wait for itself");
    check(stuckCount.load() == 0, "and does not report itself as stuck");
}
} // namespace

int main(int argc, char *argv[])
{
    withoutAnApplication();
    quitStopsEverything(argc, argv);
    check(registry()->keys().isEmpty() && TaskRunner::liveRunnerCount() == 0,
          "nothing alive once that QCoreApplication is gone");
    aSecondApplicationGetsAnOpenRegistry(argc, argv);
    acquireRacingShutdown(argc, argv);
    shutdownIsBounded(argc, argv);
    shutdownWithTheLongestGraceStillWaits(argc, argv);
    shutdownFromInsideAWorker(argc, argv);
    check(TaskRunner::liveRunnerCount() == 0, "no runner thread left at the end");
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
