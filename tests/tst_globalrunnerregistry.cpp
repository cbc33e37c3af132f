#include "testsupport.h"

#include <TaskRunner/exampleworkers.h>
#include <TaskRunner/globalrunnerregistry.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using TaskRunner::GlobalRunner;
using TaskRunner::GlobalRunnerRegistry;

class tst_GlobalRunnerRegistry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void init() { GlobalRunnerRegistry::instance()->setShutdownGrace(2s); }
    void cleanup();

    void acquireAgainNeverStartsAThread();
    void racingAcquireGivesOneRunnerAndOneThread();
    void findKeysAndUnknownRemove();
    void invalidIntervalFallsBack();
    void removeInterruptsTheExampleWorker();
    void removeThenAcquireRestartsCleanly();
    void acquireAndRemoveFromAnotherThread();
    void useAfterRemoveFromAnotherThreadIsSafe();
    void removeNeverWaitsForTheWorker();
    void removeFromInsideTheWorkerDoesNotWaitOnItself();
    void quitFromAWorkerDoesNotFreeTheRunnerBehindTheRegistry();
};

void tst_GlobalRunnerRegistry::cleanup()
{
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_GlobalRunnerRegistry::acquireAgainNeverStartsAThread()
{
    // The reference starts a thread each time the runner is constructed for the same key.
    auto *registry = GlobalRunnerRegistry::instance();
    const int threadsBefore = TestSupport::runnerThreadCount();
    const auto example = [registry] {
        return registry->acquire(QStringLiteral("example-worker"),
                                 TaskRunner::exampleGlobalWorker(),
                                 TaskRunner::exampleGlobalInterval);
    };
    GlobalRunner first = example();
    GlobalRunner second = example();
    GlobalRunner third = registry->acquire(
        QStringLiteral("example-worker"), [] { return QVariant(); }, 5);
    QCOMPARE(second, first);
    QCOMPARE(third, first);
    QCOMPARE(TaskRunner::liveRunnerCount(), 1);
    // A new thread names itself as it starts.
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::runnerThreadCount(), threadsBefore + 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(first.state().running, 5000);
    QCOMPARE(TestSupport::runnerThreadCount(), threadsBefore + 1);
    QCOMPARE(first.interval(), 0.33); // the first call's settings stand
}

void tst_GlobalRunnerRegistry::racingAcquireGivesOneRunnerAndOneThread()
{
    constexpr int threadCount = 16;
    constexpr int callsPerThread = 1000;
    auto *registry = GlobalRunnerRegistry::instance();
    const int threadsBefore = TestSupport::runnerThreadCount();
    std::atomic<int> created{0};
    std::atomic<bool> go{false};
    std::vector<std::vector<GlobalRunner>> seen(threadCount);
    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([&, t] {
            while (!go.load(std::memory_order_acquire)) {
            } // start together
            for (int i = 0; i < callsPerThread; ++i) {
                seen[t].push_back(registry->acquire(
                    QStringLiteral("race"),
                    [&created] {
                        created.fetch_add(1);
                        return QVariant();
                    },
                    3600));
            }
        });
    }
    go.store(true, std::memory_order_release);
    for (auto &thread : threads)
        thread.join();

    GlobalRunner runner = seen[0][0];
    for (const auto &handles : seen)
        for (const GlobalRunner &handle : handles)
            QVERIFY(handle == runner);
    QCOMPARE(TaskRunner::liveRunnerCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 1u, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::runnerThreadCount(), threadsBefore + 1, 5000);
    QCOMPARE(created.load(), 1); // only one worker ever ran
    QCOMPARE(registry->keys(), QStringList{QStringLiteral("race")});
}

void tst_GlobalRunnerRegistry::findKeysAndUnknownRemove()
{
    auto *registry = GlobalRunnerRegistry::instance();
    QVERIFY(!registry->find(QStringLiteral("b")));
    GlobalRunner b = registry->acquire(
        QStringLiteral("b"), [] { return QVariant(); }, 60);
    GlobalRunner a = registry->acquire(
        QStringLiteral("a"), [] { return QVariant(); }, 60);
    QCOMPARE(registry->find(QStringLiteral("a")), a);
    QCOMPARE(registry->find(QStringLiteral("b")), b);
    QVERIFY(a != b);
    QCOMPARE(registry->keys(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(!registry->remove(QStringLiteral("nope")));
    QVERIFY(registry->remove(QStringLiteral("a")));
    QCOMPARE(registry->keys(), QStringList{QStringLiteral("b")});
}

void tst_GlobalRunnerRegistry::invalidIntervalFallsBack()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refusing interval")));
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("bad"), [] { return QVariant(); }, -3);
    QCOMPARE(runner.interval(), 1.0);
}

void tst_GlobalRunnerRegistry::removeInterruptsTheExampleWorker()
{
    // The reference joins a thread that sleeps without interruption: removal waits for the
    // whole run. Here the built-in worker (a 30 s run) ends as soon as it is told to.
    auto *registry = GlobalRunnerRegistry::instance();
    GlobalRunner runner =
        registry->acquire(QStringLiteral("slow"), TaskRunner::exampleGlobalWorker(30s), 0.33);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().running, 5000);
    const auto started = std::chrono::steady_clock::now();
    QVERIFY(registry->remove(QStringLiteral("slow")));
    const auto took = std::chrono::steady_clock::now() - started;
    // remove() does not wait at all; the thread is done soon after.
    QVERIFY2(
        took < 50ms,
        qPrintable(QStringLiteral("remove() took %1 ms")
                       .arg(std::chrono::duration_cast<std::chrono::milliseconds>(took).count())));
    QVERIFY(registry->keys().isEmpty());
    QVERIFY(runner.isStopRequested());
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 1000);
}

void tst_GlobalRunnerRegistry::removeThenAcquireRestartsCleanly()
{
    auto *registry = GlobalRunnerRegistry::instance();
    const int threadsBefore = TestSupport::runnerThreadCount();
    std::atomic<int> calls{0};
    auto worker = [&calls] { return QVariant(calls.fetch_add(1)); };
    GlobalRunner first = registry->acquire(QStringLiteral("k"), worker, 3600);
    QTRY_COMPARE_WITH_TIMEOUT(first.state().runs, 1u, 5000);
    const QString firstId = first.id();
    QVERIFY(registry->remove(QStringLiteral("k")));
    QTRY_VERIFY_WITH_TIMEOUT(first.finished().isFinished(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::runnerThreadCount(), threadsBefore, 5000);

    GlobalRunner second = registry->acquire(QStringLiteral("k"), worker, 3600);
    QVERIFY(!second.isNull());
    QVERIFY(second.id() != firstId);
    QTRY_COMPARE_WITH_TIMEOUT(second.state().runs, 1u, 5000); // a fresh runner, counting anew
    QCOMPARE(calls.load(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::runnerThreadCount(), threadsBefore + 1, 5000);
}

void tst_GlobalRunnerRegistry::acquireAndRemoveFromAnotherThread()
{
    // remove() may be called from any thread, also right after acquire(), before the runner's
    // thread has started; the main thread frees the runners meanwhile.
    auto *registry = GlobalRunnerRegistry::instance();
    std::atomic<int> removed{0};
    std::thread other([&] {
        for (int i = 0; i < 50; ++i) {
            registry->acquire(
                QStringLiteral("other-thread"), [] { return QVariant(); }, 3600);
            if (registry->remove(QStringLiteral("other-thread")))
                ++removed;
        }
    });
    QTRY_COMPARE_WITH_TIMEOUT(removed.load(), 50, 20000);
    other.join();
    QVERIFY(!registry->find(QStringLiteral("other-thread")));
}

void tst_GlobalRunnerRegistry::useAfterRemoveFromAnotherThreadIsSafe()
{
    // Thread A keeps calling the runner it acquired while thread B removes it: A's handle
    // stays valid, its calls turn into no-ops. (With raw pointers: a heap-use-after-free.)
    auto *registry = GlobalRunnerRegistry::instance();
    for (int round = 0; round < 20; ++round) {
        std::atomic<bool> acquired{false};
        std::atomic<bool> removed{false};
        std::atomic<bool> endedStopped{false};
        std::thread user([&] {
            GlobalRunner runner = registry->acquire(
                QStringLiteral("shared"), [] { return QVariant(); }, 0.001);
            acquired = true;
            for (int i = 0; i < 5000 || !removed; ++i) {
                runner.runNow();
                (void)runner.state();
                runner.setInterval(0.001 + (i % 10) * 0.001);
                runner.pause();
                runner.resume();
                (void)runner.records(1, 2);
            }
            endedStopped = runner.isStopRequested() && runner.state().stopped;
        });
        std::thread remover([&] {
            while (!acquired)
                std::this_thread::yield();
            removed = registry->remove(QStringLiteral("shared"));
        });
        remover.join();
        user.join();
        QVERIFY(removed.load());
        QVERIFY(endedStopped.load());
    }
}

void tst_GlobalRunnerRegistry::removeNeverWaitsForTheWorker()
{
    // remove() from the GUI thread while the worker makes a blocking queued call to it: a
    // remove() that waited would freeze the GUI for the whole grace.
    auto *registry = GlobalRunnerRegistry::instance();
    QObject guiObject;
    std::atomic<int> calls{0};
    std::atomic<bool> calling{false};
    GlobalRunner runner = registry->acquire(
        QStringLiteral("blocking-call"),
        [&] {
            calling = true;
            QMetaObject::invokeMethod(
                &guiObject, [&calls] { calls.fetch_add(1); }, Qt::BlockingQueuedConnection);
            return QVariant();
        },
        3600);
    // Without the GUI thread's events: the worker blocks until this thread serves its call.
    while (!calling.load())
        std::this_thread::yield();
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(registry->remove(QStringLiteral("blocking-call")));
    QVERIFY2(elapsed.elapsed() < 100, qPrintable(QString::number(elapsed.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 5000);
    QCOMPARE(calls.load(), 1);
}

void tst_GlobalRunnerRegistry::removeFromInsideTheWorkerDoesNotWaitOnItself()
{
    auto *registry = GlobalRunnerRegistry::instance();
    std::atomic<bool> removed{false};
    std::atomic<qint64> tookMs{-1};
    GlobalRunner runner = registry->acquire(
        QStringLiteral("self-remover"),
        [&] {
            QElapsedTimer elapsed;
            elapsed.start();
            removed = registry->remove(QStringLiteral("self-remover"));
            tookMs = elapsed.elapsed();
            return QVariant();
        },
        3600);
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 5000);
    QVERIFY(removed.load());
    QVERIFY2(tookMs.load() < 100, qPrintable(QString::number(tookMs.load())));
    QVERIFY(registry->keys().isEmpty());
}

void tst_GlobalRunnerRegistry::quitFromAWorkerDoesNotFreeTheRunnerBehindTheRegistry()
{
    auto *registry = GlobalRunnerRegistry::instance();
    std::atomic<int> calls{0};
    registry->acquire(
        QStringLiteral("quit"),
        [&calls] {
            calls.fetch_add(1);
            QThread::currentThread()->quit();
            QThread::currentThread()->exit(3);
            return QVariant();
        },
        0.001);
    QTRY_VERIFY_WITH_TIMEOUT(calls.load() >= 20, 10000);
    const GlobalRunner runner = registry->find(QStringLiteral("quit"));
    QVERIFY(!runner.isNull());
    QVERIFY(!runner.isStopRequested());
    QVERIFY(!runner.finished().isFinished());
    QCOMPARE(TaskRunner::liveRunnerCount(), 1);
}

QTEST_GUILESS_MAIN(tst_GlobalRunnerRegistry)
#include "tst_globalrunnerregistry.moc"
