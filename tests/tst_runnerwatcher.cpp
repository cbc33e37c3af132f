#include "testsupport.h"

#include <TaskRunner/globalrunner.h>
#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;
using TaskRunner::RunnerWatcher;
using TaskRunner::SessionRunner;
using TaskRunner::TaskContext;

class tst_RunnerWatcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_NO_RUNNER_LEFT(); }

    void neverEmitsSynchronously();
    void aBurstFromTheRunnerGivesFewSignalsInTheWatchersThread();
    void gapIsRespectedWhileBusy();
    void theEndOfABurstIsNotHeldBackByTheGap();
    void aShorterGapDeliversWhatWaitedForTheLongerOne();
    void theGapChangesWhileTheRunnerReports();
    void aGlobalRunnerAtTheShortestIntervalIsToldOncePerGap();
    void progressInATightLoopIsCoalesced();
    void finishedComesOnceAfterTheLastStateChange();
    void watcherInAnotherThreadEmitsThere();
    void destroyingAWatcherInItsSlotIsSafe();
    void manyWatchersOfOneRunnerEachGetTheEnd();
};

void tst_RunnerWatcher::neverEmitsSynchronously()
{
    SessionRunner runner = SessionRunner::create([](const QVariant &task) { return task; });
    RunnerWatcher watcher;
    QSignalSpy spy(&watcher, &RunnerWatcher::stateChanged);
    watcher.setRunner(runner);
    runner.append(1);
    QCOMPARE(spy.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 5000);
    runner.stop();
}

void tst_RunnerWatcher::aBurstFromTheRunnerGivesFewSignalsInTheWatchersThread()
{
    SessionRunner runner = SessionRunner::create([](const QVariant &, TaskContext &context) {
        for (int i = 0; i < 100000; ++i)
            context.setProgress(i, 100000);
        return QVariant();
    });
    RunnerWatcher watcher;
    int count = 0;
    QThread *emittedOn = nullptr;
    connect(&watcher, &RunnerWatcher::stateChanged, this, [&] {
        ++count;
        emittedOn = QThread::currentThread();
    });
    watcher.setRunner(runner);
    runner.append(1);
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().done, 1u, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(count >= 1, 5000);
    QCOMPARE(emittedOn, QThread::currentThread());
    // The main thread did not run meanwhile: a handful of signals (more in a slow sanitizer
    // build), not 100,000.
    QVERIFY2(count <= 20, qPrintable(QString::number(count)));
    runner.stop();
}

void tst_RunnerWatcher::gapIsRespectedWhileBusy()
{
    TestSupport::Gate gate;
    SessionRunner runner = SessionRunner::create([&](const QVariant &, TaskContext &context) {
        for (int i = 1; i <= 3; ++i) {
            gate.wait();
            context.setProgress(i, 3);
        }
        gate.wait();
        return QVariant();
    });
    RunnerWatcher watcher;
    watcher.setMinimumGap(50ms);
    std::vector<std::chrono::steady_clock::time_point> emissions;
    connect(&watcher, &RunnerWatcher::stateChanged, this,
            [&] { emissions.push_back(std::chrono::steady_clock::now()); });
    watcher.setRunner(runner);
    runner.append(1);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().busy, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!emissions.empty(), 5000);
    for (int i = 1; i <= 3; ++i) {
        const auto before = emissions.size();
        gate.release();
        QTRY_VERIFY_WITH_TIMEOUT(emissions.size() > before, 5000);
    }
    for (size_t i = 1; i < emissions.size(); ++i)
        QVERIFY2(emissions[i] - emissions[i - 1] >= 49ms, qPrintable(QString::number(i)));
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().done, 1u, 5000);
    runner.stop();
}

void tst_RunnerWatcher::aGlobalRunnerAtTheShortestIntervalIsToldOncePerGap()
{
    // Each run ends in a pause, which is reported at once; a pause shorter than the gap is not,
    // or a runner at 1 ms would be told a thousand times a second.
    auto runs = std::make_shared<std::atomic<int>>(0);
    TaskRunner::GlobalRunner runner = TaskRunner::GlobalRunner::create(
        QStringLiteral("w-shortest"), [runs] { return QVariant(++*runs); },
        TaskRunner::GlobalRunner::minimumInterval());
    RunnerWatcher watcher;
    watcher.setMinimumGap(50ms);
    std::vector<std::chrono::steady_clock::time_point> emissions;
    connect(&watcher, &RunnerWatcher::stateChanged, this,
            [&] { emissions.push_back(std::chrono::steady_clock::now()); });
    watcher.setRunner(runner);
    QTRY_VERIFY_WITH_TIMEOUT(runs->load() >= 100 && emissions.size() >= 4, 10000);
    QVERIFY2(std::size_t(runs->load()) > 2 * emissions.size(),
             qPrintable(QStringLiteral("%1 runs, %2 signals").arg(*runs).arg(emissions.size())));
    for (std::size_t i = 2; i < emissions.size(); ++i) // after the first delivery's
        QVERIFY2(emissions[i] - emissions[i - 1] >= 49ms, qPrintable(QString::number(i)));
    runner.stop();
}

void tst_RunnerWatcher::theEndOfABurstIsNotHeldBackByTheGap()
{
    TestSupport::Gate gate;
    SessionRunner runner = SessionRunner::create([&](const QVariant &task) {
        gate.wait();
        return task;
    });
    RunnerWatcher watcher;
    watcher.setMinimumGap(std::chrono::hours(1));
    TaskRunner::SessionRunnerState seen;
    connect(&watcher, &RunnerWatcher::stateChanged, this, [&] { seen = runner.state(); });
    watcher.setRunner(runner);
    runner.append(1);
    QTRY_VERIFY_WITH_TIMEOUT(seen.busy || runner.state().busy, 5000);
    gate.open(); // the task ends and none follows: shown at once, not in an hour
    QTRY_COMPARE_WITH_TIMEOUT(seen.done, 1u, 5000);
    runner.stop();
}

void tst_RunnerWatcher::aShorterGapDeliversWhatWaitedForTheLongerOne()
{
    TestSupport::Gate gate;
    SessionRunner runner = SessionRunner::create([&](const QVariant &, TaskContext &context) {
        gate.wait();
        context.setProgress(1, 2);
        gate.wait();
        return QVariant();
    });
    RunnerWatcher watcher;
    watcher.setMinimumGap(std::chrono::hours(1));
    TaskRunner::SessionRunnerState seen;
    int count = 0;
    connect(&watcher, &RunnerWatcher::stateChanged, this, [&] {
        ++count;
        seen = runner.state();
    });
    watcher.setRunner(runner);
    runner.append(1);
    // The first change is told at once; what follows while busy waits for an hour.
    QTRY_VERIFY_WITH_TIMEOUT(count >= 1 && runner.state().busy, 5000);
    const int before = count;
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().progressValue, qint64(1), 5000);
    QTest::qWait(20);
    QCOMPARE(count, before);
    QCOMPARE(seen.progressValue, qint64(0));
    watcher.setMinimumGap(1h); // the same gap: still waiting
    QCOMPARE(watcher.minimumGap(), std::chrono::milliseconds(1h));
    QTest::qWait(20);
    QCOMPARE(count, before);
    watcher.setMinimumGap(-5ms);
    QCOMPARE(watcher.minimumGap(), 0ms);
    QCOMPARE(count, before); // not from the call
    QTRY_COMPARE_WITH_TIMEOUT(seen.progressValue, qint64(1), 5000);
    QCOMPARE(count, before + 1);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(seen.done, 1u, 5000);
    runner.stop();
}

void tst_RunnerWatcher::theGapChangesWhileTheRunnerReports()
{
    // A task that ends with none waiting is reported as urgent, and the runner's thread reads
    // each watcher's gap then; the main thread changes the gap meanwhile, touching nothing else
    // (under ThreadSanitizer this races unless the setter takes the lock the reader takes).
    std::mutex mutex;
    std::condition_variable ended;
    int endedTasks = 0;
    SessionRunner runner = SessionRunner::create([&](const QVariant &task) {
        {
            std::lock_guard lock(mutex);
            ++endedTasks;
        }
        ended.notify_one();
        return task;
    });
    RunnerWatcher watcher;
    TaskRunner::SessionRunnerState seen;
    connect(&watcher, &RunnerWatcher::stateChanged, this, [&] { seen = runner.state(); });
    watcher.setRunner(runner);
    constexpr int tasks = 300;
    std::atomic<bool> feeding{true};
    std::thread feeder([&] { // one task at a time, each after the one before ran
        for (int i = 1; i <= tasks; ++i) {
            runner.append(i);
            std::unique_lock lock(mutex);
            ended.wait(lock, [&] { return endedTasks >= i; });
        }
        feeding = false;
    });
    const std::chrono::milliseconds gaps[] = {0ms, 1ms, 50ms, 8ms, 1h};
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    for (int round = 0; feeding && std::chrono::steady_clock::now() < deadline; ++round) {
        watcher.setMinimumGap(gaps[round % 5]);
        std::this_thread::yield();
    }
    feeder.join();
    // The end of the last task is told, whatever gap it was reported under.
    watcher.setMinimumGap(8ms);
    QTRY_COMPARE_WITH_TIMEOUT(seen.done, quint64(tasks), 5000);
    runner.append(tasks + 1);
    QTRY_COMPARE_WITH_TIMEOUT(seen.done, quint64(tasks + 1), 5000);
    runner.stop();
}

void tst_RunnerWatcher::progressInATightLoopIsCoalesced()
{
    std::atomic<bool> go{true};
    SessionRunner runner = SessionRunner::create([&](const QVariant &, TaskContext &context) {
        qint64 i = 0;
        while (go && !context.isCancelled())
            context.setProgress(++i, 0);
        return QVariant(i);
    });
    RunnerWatcher watcher;
    int count = 0;
    connect(&watcher, &RunnerWatcher::stateChanged, this, [&] { ++count; });
    watcher.setRunner(runner);
    runner.append(1);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().busy, 5000);
    const int before = count;
    QTest::qWait(500);
    const int during = count - before;
    go = false;
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().done, 1u, 5000);
    // At most one per 8 ms gap: about 62 in half a second.
    QVERIFY2(during <= 70, qPrintable(QString::number(during)));
    QVERIFY2(during >= 5, qPrintable(QString::number(during)));
    QVERIFY(runner.state().lastResult.toLongLong() > 1000);
    runner.stop();
}

void tst_RunnerWatcher::finishedComesOnceAfterTheLastStateChange()
{
    SessionRunner runner = SessionRunner::create([](const QVariant &task) { return task; });
    RunnerWatcher watcher;
    QStringList events;
    connect(&watcher, &RunnerWatcher::stateChanged, this,
            [&] { events << QStringLiteral("changed"); });
    connect(&watcher, &RunnerWatcher::finished, this,
            [&] { events << QStringLiteral("finished"); });
    watcher.setRunner(runner);
    runner.append(1);
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().done, 1u, 5000);
    runner.stop();
    QTRY_COMPARE_WITH_TIMEOUT(events.count(QStringLiteral("finished")), 1, 5000);
    QCOMPARE(events.constLast(), QStringLiteral("finished"));
    QTest::qWait(50);
    QCOMPARE(events.count(QStringLiteral("finished")), 1);

    // Watching a runner that is already done: a state change, then finished.
    RunnerWatcher late;
    QSignalSpy finished(&late, &RunnerWatcher::finished);
    QSignalSpy changed(&late, &RunnerWatcher::stateChanged);
    late.setRunner(runner);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(changed.count(), 1);
}

void tst_RunnerWatcher::watcherInAnotherThreadEmitsThere()
{
    SessionRunner runner = SessionRunner::create([](const QVariant &task) { return task; });
    // Set up before the thread starts, so that its start orders everything for
    // ThreadSanitizer (which cannot see the hand-off inside Qt's event queue).
    QThread thread;
    auto *watcher = new RunnerWatcher;
    std::atomic<int> count{0};
    std::atomic<QThread *> emittedOn{nullptr};
    connect(watcher, &RunnerWatcher::stateChanged, watcher, [&] {
        emittedOn = QThread::currentThread();
        count.fetch_add(1);
    });
    watcher->setRunner(runner);
    watcher->moveToThread(&thread);
    thread.start();
    runner.append(1);
    QTRY_VERIFY_WITH_TIMEOUT(count.load() >= 1, 5000);
    QCOMPARE(emittedOn.load(), &thread);
    // Destroyed in its thread before that thread's loop is told to quit: a deleteLater() queued
    // to it could still wait in its queue when the loop ends, and the watcher (which holds the
    // runner's object) would never go.
    QMetaObject::invokeMethod(
        watcher, [watcher] { delete watcher; }, Qt::BlockingQueuedConnection);
    thread.quit();
    QVERIFY(thread.wait(5000));
    runner.stop();
}

void tst_RunnerWatcher::destroyingAWatcherInItsSlotIsSafe()
{
    SessionRunner runner = SessionRunner::create([](const QVariant &task) { return task; });
    auto *watcher = new RunnerWatcher;
    QPointer<RunnerWatcher> guard(watcher);
    connect(watcher, &RunnerWatcher::stateChanged, watcher, [watcher] { delete watcher; });
    watcher->setRunner(runner);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 5000);
    runner.append(1); // reports to no watcher now
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().done, 1u, 5000);
    runner.stop();
}

void tst_RunnerWatcher::manyWatchersOfOneRunnerEachGetTheEnd()
{
    TestSupport::Gate gate;
    TaskRunner::GlobalRunner runner = TaskRunner::GlobalRunner::create(
        QStringLiteral("watched"),
        [&gate] {
            gate.wait();
            return QVariant(1);
        },
        3600);
    std::vector<std::unique_ptr<RunnerWatcher>> watchers;
    std::vector<quint64> runsSeen(50, 0);
    for (int i = 0; i < 50; ++i) {
        watchers.push_back(std::make_unique<RunnerWatcher>());
        connect(watchers.back().get(), &RunnerWatcher::stateChanged, this,
                [&, i] { runsSeen[i] = runner.state().runs; });
        watchers.back()->setRunner(runner);
    }
    gate.open();
    for (int i = 0; i < 50; ++i)
        QTRY_COMPARE_WITH_TIMEOUT(runsSeen[i], 1u, 5000);
    watchers.clear();
    runner.stop();
}

QTEST_GUILESS_MAIN(tst_RunnerWatcher)
#include "tst_runnerwatcher.moc"
