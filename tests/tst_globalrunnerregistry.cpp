#include "globalrunnerregistry.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

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
    void shutdownWithFiveKeysOneMidRun();
    void shutdownWithAWorkerThatNeverReturnsIsBounded();
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
    GlobalTaskRunner *first = registry->acquire(QStringLiteral("example-worker"));
    GlobalTaskRunner *second = registry->acquire(QStringLiteral("example-worker"));
    GlobalTaskRunner *third = registry->acquire(
        QStringLiteral("example-worker"), [] { return QVariant(); }, 5);
    QCOMPARE(second, first);
    QCOMPARE(third, first);
    QCOMPARE(TaskRunnerBase::liveCount(), 1);
    // A new thread names itself as it starts.
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::runnerThreadCount(), threadsBefore + 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(first->state().running, 5000);
    QCOMPARE(TestSupport::runnerThreadCount(), threadsBefore + 1);
    QCOMPARE(first->interval(), 0.33); // the first call's settings stand
}

void tst_GlobalRunnerRegistry::racingAcquireGivesOneRunnerAndOneThread()
{
    constexpr int threadCount = 16;
    constexpr int callsPerThread = 1000;
    auto *registry = GlobalRunnerRegistry::instance();
    const int threadsBefore = TestSupport::runnerThreadCount();
    std::atomic<int> created{0};
    std::atomic<bool> go{false};
    std::vector<std::vector<GlobalTaskRunner *>> seen(threadCount);
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

    QSet<GlobalTaskRunner *> distinct;
    for (const auto &pointers : seen)
        for (GlobalTaskRunner *pointer : pointers)
            distinct.insert(pointer);
    QCOMPARE(distinct.size(), 1);
    QCOMPARE(TaskRunnerBase::liveCount(), 1);
    GlobalTaskRunner *runner = *distinct.begin();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runs, 1u, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::runnerThreadCount(), threadsBefore + 1, 5000);
    QCOMPARE(created.load(), 1); // only one worker ever ran
    QCOMPARE(registry->keys(), QStringList{QStringLiteral("race")});
}

void tst_GlobalRunnerRegistry::findKeysAndUnknownRemove()
{
    auto *registry = GlobalRunnerRegistry::instance();
    QVERIFY(!registry->find(QStringLiteral("b")));
    auto *b = registry->acquire(
        QStringLiteral("b"), [] { return QVariant(); }, 60);
    auto *a = registry->acquire(
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
    auto *runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("bad"), [] { return QVariant(); }, -3);
    QCOMPARE(runner->interval(), 1.0);
}

void tst_GlobalRunnerRegistry::removeInterruptsTheExampleWorker()
{
    // The reference joins a thread that sleeps without interruption: removal waits for the
    // whole run. Here the built-in worker (a 30 s run) ends as soon as it is told to.
    auto *registry = GlobalRunnerRegistry::instance();
    QPointer<GlobalTaskRunner> runner =
        registry->acquire(QStringLiteral("slow"), TaskRunner::exampleGlobalWorker(30s), 0.33);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().running, 5000);
    const auto started = std::chrono::steady_clock::now();
    QVERIFY(registry->remove(QStringLiteral("slow")));
    const auto took = std::chrono::steady_clock::now() - started;
    QVERIFY2(
        took < 1s,
        qPrintable(QStringLiteral("remove() took %1 ms")
                       .arg(std::chrono::duration_cast<std::chrono::milliseconds>(took).count())));
    QVERIFY(runner->completion()->isDone());
    QVERIFY(registry->keys().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(runner.isNull(), 5000);
}

void tst_GlobalRunnerRegistry::removeThenAcquireRestartsCleanly()
{
    auto *registry = GlobalRunnerRegistry::instance();
    const int threadsBefore = TestSupport::runnerThreadCount();
    std::atomic<int> calls{0};
    auto worker = [&calls] { return QVariant(calls.fetch_add(1)); };
    QPointer<GlobalTaskRunner> first = registry->acquire(QStringLiteral("k"), worker, 3600);
    QTRY_COMPARE_WITH_TIMEOUT(first->state().runs, 1u, 5000);
    const QString firstId = first->id();
    QVERIFY(registry->remove(QStringLiteral("k")));
    QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::runnerThreadCount(), threadsBefore, 5000);

    QPointer<GlobalTaskRunner> second = registry->acquire(QStringLiteral("k"), worker, 3600);
    QVERIFY(second);
    QVERIFY(second->id() != firstId);
    QTRY_COMPARE_WITH_TIMEOUT(second->state().runs, 1u, 5000); // a fresh runner, counting anew
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

void tst_GlobalRunnerRegistry::shutdownWithFiveKeysOneMidRun()
{
    auto *registry = GlobalRunnerRegistry::instance();
    QList<QPointer<GlobalTaskRunner>> runners;
    for (int i = 0; i < 4; ++i)
        runners << registry->acquire(
            QStringLiteral("idle-%1").arg(i), [] { return QVariant(); }, 3600);
    QPointer<GlobalTaskRunner> busy =
        registry->acquire(QStringLiteral("busy"), TaskRunner::exampleGlobalWorker(30s), 0.33);
    runners << busy;
    QTRY_VERIFY_WITH_TIMEOUT(busy->state().running, 5000);

    const auto started = std::chrono::steady_clock::now();
    const QStringList stuck = registry->shutdown();
    const auto took = std::chrono::steady_clock::now() - started;
    QVERIFY(stuck.isEmpty());
    QVERIFY(took < registry->shutdownGrace());
    QVERIFY(registry->keys().isEmpty());
    // shutdown() from the main thread also deleted them.
    QCOMPARE(TaskRunnerBase::liveCount(), 0);
    for (const auto &runner : std::as_const(runners))
        QVERIFY(runner.isNull());
}

void tst_GlobalRunnerRegistry::shutdownWithAWorkerThatNeverReturnsIsBounded()
{
    // The worker waits for the gate and ignores interruption: exit may not wait for it longer
    // than the grace period, and nothing may terminate it.
    auto *registry = GlobalRunnerRegistry::instance();
    registry->setShutdownGrace(300ms);
    TestSupport::Gate gate;
    QPointer<GlobalTaskRunner> stubborn = registry->acquire(
        QStringLiteral("stubborn"),
        [&gate] {
            gate.wait(60s);
            return QVariant();
        },
        1);
    QPointer<GlobalTaskRunner> polite =
        registry->acquire(QStringLiteral("polite"), TaskRunner::exampleGlobalWorker(30s), 1);
    QTRY_VERIFY_WITH_TIMEOUT(stubborn->state().running && polite->state().running, 5000);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("global stubborn")));
    const auto started = std::chrono::steady_clock::now();
    const QStringList stuck = registry->shutdown();
    const auto took = std::chrono::steady_clock::now() - started;
    QCOMPARE(stuck, QStringList{QStringLiteral("global stubborn")});
    QVERIFY(took >= 300ms);
    QVERIFY2(took < 300ms + 1s, qPrintable(QString::number(took.count())));
    QVERIFY(registry->keys().isEmpty());
    QVERIFY(polite.isNull());
    QVERIFY(!stubborn.isNull()); // still running its worker, not terminated

    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(stubborn.isNull(), 10000);
}

QTEST_GUILESS_MAIN(tst_GlobalRunnerRegistry)
#include "tst_globalrunnerregistry.moc"
