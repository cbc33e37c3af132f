#include "testsupport.h"

#include <TaskRunner/exampleworkers.h>
#include <TaskRunner/interruption.h>
#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>

using namespace std::chrono_literals;
using TaskRunner::SessionRunner;
using TaskRunner::SessionRunnerState;
using TaskRunner::TaskContext;
using TaskRunner::TaskRecord;
using TaskRunner::TaskState;

namespace {

struct NotAnException
{
    int code;
};

struct CustomError : std::exception
{
    const char *what() const noexcept override { return "custom failure"; }
};

// A runner that is stopped at the end of the scope, as a window does.
struct ScopedRunner
{
    template<typename Worker>
    explicit ScopedRunner(Worker worker, const TaskRunner::RunnerOptions &options = {})
        : runner(SessionRunner::create(std::move(worker), options))
    {}
    ~ScopedRunner() { runner.stop(); }
    SessionRunner *operator->() { return &runner; }
    SessionRunner runner;
};

// What a window does: reads the state on every notification.
struct Receiver
{
    explicit Receiver(const SessionRunner &runner)
        : runner(runner)
    {
        watcher.setRunner(runner);
        QObject::connect(&watcher, &TaskRunner::RunnerWatcher::stateChanged, &watcher, [this] {
            ++notifications;
            seen = this->runner.state();
        });
    }
    SessionRunner runner;
    SessionRunnerState seen;
    int notifications = 0;
    TaskRunner::RunnerWatcher watcher; // last: destroyed first, before what its slot uses
};

// Lets a task's destruction tell whether the runner's lock was held at that moment: another
// thread then cannot read the runner's state.
struct LockProbe
{
    SessionRunner *runner = nullptr;
    std::atomic<int> destroyed{0};
    std::atomic<int> underLock{0};

    void check()
    {
        if (!runner)
            return;
        auto reader = std::async(std::launch::async, [this] { return runner->state().id; });
        if (reader.wait_for(2s) != std::future_status::ready)
            underLock.fetch_add(1);
        reader.wait();
        destroyed.fetch_add(1);
    }
};

// A task value whose last copy calls the probe when it is destroyed.
struct ProbedTask
{
    std::shared_ptr<int> token;
};

QVariant probedTask(LockProbe &probe)
{
    return QVariant::fromValue(ProbedTask{std::shared_ptr<int>(new int(0), [&probe](int *value) {
        delete value;
        probe.check();
    })});
}

} // namespace

Q_DECLARE_METATYPE(ProbedTask)

class tst_SessionRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup();

    void fifoOrderAndStatusTexts();
    void itemsLeftIsRightAfterClear();
    void queueLengthWhileBusy();
    void workerThrows_data();
    void workerThrows();
    void floodIsCoalescedAndExact();
    void stopReturnsAtOnceWhileTaskIgnoresInterruption();
    void stopDropsQueuedTasks();
    void stopBeforeThreadStarts();
    void stopTwiceAndCallsAfterStopAreNoOps();
    void stopInterruptsExampleWorker();
    void lastHandleGoneStopsTheRunner();
    void nullHandleIsHarmless();
    void clearDropsWaitingTasks();
    void workRunsOnRunnerThreadAndNotificationsOnMain();
    void recordsAreReadIncrementallyWithAnExactDropCount();
    void eventsTasksPostAreDeliveredWhileIdle();
    void idleRunnerTakesTasksFromAnyThread();
    void everyChangeReachesTheGuiThroughNotifications();
    void durationLeavesOutTheTimeTheRunnerWasIdle();

    void appendReturnsStableIdsNeverReused();
    void cancelWaitingTaskRemovesAndRecordsIt();
    void cancelRunningTaskInterruptsOnlyThatTask();
    void cancelRunningExampleTaskIsQuick();
    void cancelWakesTheTasksCallbacks();
    void moveWaitingTasks();
    void waitingTasksTakenAndJustAppendedAreOneQueue();
    void aLongQueueIsCopiedAsItWasWhileTheRunnerTakesAndOthersAppend();
    void pauseLetsTheRunningTaskFinishAndTakesNoNewOne();
    void startPausedTakesNothingUntilResumed();
    void theThreadHasTheNameAskedFor();
    void contextReportsProgressAndOutput();
    void exampleTaskReportsDeterminateProgress();
    void outputIsReadIncrementally();
    void plainWorkerSeesCancellationThroughTheCurrentContext();
    void submitGivesAFutureForTheResult();
    void submitReportsExceptionsAndCancellation();
    void cancellingTheFutureCancelsTheTask();
    void theFutureReportsTheTasksProgress();

    void appendRacingStopFromAnIdlePriorityThreadIsSafe();
    void threadCancellationInAWorkerIsRethrown();
    void aFailedThreadStartIsReportedAndLeaksNothing();
    void quitFromAWorkerDoesNotEndTheRunner();
    void taskDestructorsNeverRunUnderTheRunnersLock();
    void stopDestroysManyQueuedTasksOffTheCallersThread();
};

void tst_SessionRunner::cleanup()
{
    TASKRUNNER_VERIFY_NO_RUNNER_LEFT();
}

void tst_SessionRunner::fifoOrderAndStatusTexts()
{
    TestSupport::Gate gate;
    std::mutex orderMutex;
    QVariantList order;
    ScopedRunner runner([&](const QVariant &task) {
        gate.wait();
        std::lock_guard lock(orderMutex);
        order << task;
        return QVariant(QStringLiteral("done %1").arg(task.toInt()));
    });

    QCOMPARE(runner->state().statusText(), QStringLiteral("The queue is empty"));
    // N counts the running task and those waiting, at every moment.
    runner->append(0);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().statusText(),
                              QStringLiteral("Processing: 1 items left."), 5000);
    runner->append(1);
    runner->append(2);
    runner->append(3);
    QCOMPARE(runner->state().queueLength, 3);
    QCOMPARE(runner->state().statusText(), QStringLiteral("Processing: 4 items left."));

    const QStringList expected = {QStringLiteral("Processing: 3 items left."),
                                  QStringLiteral("Processing: 2 items left."),
                                  QStringLiteral("Processing: 1 items left.")};
    for (int task = 0; task < 3; ++task) {
        gate.release();
        QTRY_COMPARE_WITH_TIMEOUT(runner->state().statusText(), expected.at(task), 5000);
        QCOMPARE(runner->state().queueLength, 2 - task);
        QCOMPARE(runner->state().lastResultText(), QStringLiteral("done %1").arg(task));
    }
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().statusText(), QStringLiteral("The queue is empty"),
                              5000);

    const SessionRunnerState state = runner->state();
    QCOMPARE(state.done, 4u);
    QCOMPARE(state.failed, 0u);
    QCOMPARE(state.queueLength, 0);
    QCOMPARE(state.lastResultText(), QStringLiteral("done 3"));
    std::lock_guard lock(orderMutex);
    QCOMPARE(order, (QVariantList{0, 1, 2, 3}));
}

void tst_SessionRunner::itemsLeftIsRightAfterClear()
{
    TestSupport::Gate gate;
    ScopedRunner runner([&](const QVariant &) {
        gate.wait();
        return QVariant();
    });
    for (int i = 0; i < 7; ++i)
        runner->append(i);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().busy, 5000);
    QCOMPARE(runner->state().statusText(), QStringLiteral("Processing: 7 items left."));
    QCOMPARE(runner->clear(), 6);
    // Not "7 items left" beside an empty queue until the running task ends.
    QCOMPARE(runner->state().statusText(), QStringLiteral("Processing: 1 items left."));
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().statusText(), QStringLiteral("The queue is empty"),
                              5000);
}

void tst_SessionRunner::queueLengthWhileBusy()
{
    TestSupport::Gate gate;
    ScopedRunner runner([&](const QVariant &) {
        gate.wait();
        return QVariant();
    });
    Receiver receiver(runner.runner);

    runner->append(0);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().busy, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.seen.busy, 5000);
    for (int i = 0; i < 4; ++i)
        runner->append(i + 1);
    // The GUI hears about the growing queue while the task still runs.
    QTRY_COMPARE_WITH_TIMEOUT(receiver.seen.queueLength, 4, 5000);
    QVERIFY(receiver.seen.busy);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 5u, 5000);
    QCOMPARE(runner->state().queueLength, 0);
}

void tst_SessionRunner::workerThrows_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("std::runtime_error") << 0 << QStringLiteral("Error: boom");
    QTest::newRow("std::exception subclass") << 1 << QStringLiteral("Error: custom failure");
    QTest::newRow("int") << 2 << QStringLiteral("Error: unknown error");
    QTest::newRow("custom non-exception type") << 3 << QStringLiteral("Error: unknown error");
}

void tst_SessionRunner::workerThrows()
{
    QFETCH(int, kind);
    QFETCH(QString, expected);
    ScopedRunner runner([kind](const QVariant &task) -> QVariant {
        if (task.toString() == QLatin1String("ok"))
            return QStringLiteral("fine");
        switch (kind) {
        case 0:
            throw std::runtime_error("boom");
        case 1:
            throw CustomError();
        case 2:
            throw 42;
        default:
            throw NotAnException{7};
        }
    });

    runner->append(QStringLiteral("fail"));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().failed, 1u, 5000);
    QCOMPARE(runner->state().lastResultText(), expected);
    QCOMPARE(runner->state().lastError, expected.mid(7));
    const TaskRecord record = runner->records(1).records.value(0);
    QCOMPARE(record.state, TaskState::Failed);
    QCOMPARE(record.errorMessage, expected.mid(7));

    // The runner goes on with the next task.
    runner->append(QStringLiteral("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    QCOMPARE(runner->state().lastResultText(), QStringLiteral("fine"));
    QCOMPARE(runner->state().failed, 1u);
}

void tst_SessionRunner::floodIsCoalescedAndExact()
{
    constexpr int taskCount = 1'000'000;
    std::atomic<int> calls{0};
    TaskRunner::RunnerOptions options;
    options.recordLimit = 100;
    ScopedRunner runner(
        [&calls](const QVariant &) {
            calls.fetch_add(1, std::memory_order_relaxed);
            return QVariant();
        },
        options);
    Receiver receiver(runner.runner);

    for (int i = 0; i < taskCount; ++i)
        runner->append(QVariant());
    // Generous: sanitizer builds are an order of magnitude slower.
    QTRY_VERIFY_WITH_TIMEOUT(receiver.seen.done == quint64(taskCount) && !receiver.seen.busy,
                             300000);

    QVERIFY2(receiver.notifications < 10000, qPrintable(QString::number(receiver.notifications)));
    QCOMPARE(calls.load(), taskCount);
    QCOMPARE(receiver.seen.failed, 0u);
    QCOMPARE(receiver.seen.queueLength, 0);
    QCOMPARE(receiver.seen.lastSequence, quint64(taskCount));
    const TaskRunner::TaskRecordBatch batch = runner->records(1);
    QCOMPARE(batch.records.size(), 100);
    QCOMPARE(batch.dropped, quint64(taskCount - 100));
    QCOMPARE(batch.records.last().number, quint64(taskCount));
    QCOMPARE(receiver.seen.statusText(), QStringLiteral("The queue is empty"));
    qInfo("%d tasks, %d notifications", taskCount, receiver.notifications);
}

void tst_SessionRunner::stopReturnsAtOnceWhileTaskIgnoresInterruption()
{
    // The worker waits for the gate (at most 5 s) and never looks at interruption.
    TestSupport::Gate gate;
    SessionRunner runner = SessionRunner::create([&gate](const QVariant &) {
        gate.wait(5s);
        return QVariant();
    });
    runner.append(1);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().busy, 5000);

    const auto started = std::chrono::steady_clock::now();
    runner.stop();
    const auto took = std::chrono::steady_clock::now() - started;
    QVERIFY2(
        took < 5ms,
        qPrintable(QStringLiteral("stop() took %1 us")
                       .arg(std::chrono::duration_cast<std::chrono::microseconds>(took).count())));

    // The thread goes on as long as its task runs, and ends once it returns.
    QCoreApplication::processEvents();
    QVERIFY(!runner.finished().isFinished());
    QCOMPARE(TaskRunner::liveRunnerCount(), 1);
    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 10000);
}

void tst_SessionRunner::stopDropsQueuedTasks()
{
    TestSupport::Gate gate;
    std::atomic<int> started{0};
    SessionRunner runner = SessionRunner::create([&](const QVariant &) {
        started.fetch_add(1);
        gate.wait();
        return QVariant();
    });
    for (int i = 0; i < 10; ++i)
        runner.append(i);
    QTRY_COMPARE_WITH_TIMEOUT(started.load(), 1, 5000);
    runner.stop();
    QCOMPARE(runner.state().queueLength, 0);
    QVERIFY(runner.state().stopped);
    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 10000);
    QCOMPARE(started.load(), 1);
}

void tst_SessionRunner::stopBeforeThreadStarts()
{
    // stop() right after create() races the thread's start: it must never be lost, or the
    // thread would run forever and cleanup() would fail.
    std::vector<SessionRunner> runners;
    for (int i = 0; i < 50; ++i) {
        SessionRunner runner = SessionRunner::create([](const QVariant &) { return QVariant(); });
        runner.stop();
        runners.push_back(runner);
    }
    for (const auto &runner : runners)
        QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::runnerThreadCount(), 0, 10000);
}

void tst_SessionRunner::stopTwiceAndCallsAfterStopAreNoOps()
{
    SessionRunner runner = SessionRunner::create([](const QVariant &task) { return task; });
    runner.append(1);
    runner.stop();
    runner.stop();
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 10000);
    // The handle stays valid: every call is harmless and reports the final state.
    QCOMPARE(runner.append(2), TaskRunner::TaskId(0));
    QVERIFY(!runner.cancel(1));
    QCOMPARE(runner.clear(), 0);
    runner.pause();
    runner.resume();
    QVERIFY(!runner.moveUp(1));
    QVERIFY(runner.state().stopped);
    QCOMPARE(runner.state().queueLength, 0);
    QVERIFY(runner.waitingTasks().isEmpty());
    QVERIFY(runner.isStopRequested());
}

void tst_SessionRunner::stopInterruptsExampleWorker()
{
    // The built-in worker waits 60 s; stop() must end it long before that.
    SessionRunner runner = SessionRunner::create(TaskRunner::exampleSessionWorker(60s));
    runner.append(1);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().busy, 5000);
    QElapsedTimer elapsed;
    elapsed.start();
    runner.stop();
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 5000);
    QVERIFY(elapsed.elapsed() < 5000);
    const TaskRecord record = runner.records(1).records.value(0);
    QCOMPARE(record.state, TaskState::Cancelled);
}

void tst_SessionRunner::lastHandleGoneStopsTheRunner()
{
    QFuture<void> finished;
    {
        SessionRunner runner = SessionRunner::create(TaskRunner::exampleSessionWorker(60s));
        finished = runner.finished();
        runner.append(1);
        SessionRunner copy = runner;
        QTRY_VERIFY_WITH_TIMEOUT(copy.state().busy, 5000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(finished.isFinished(), 5000);
}

void tst_SessionRunner::nullHandleIsHarmless()
{
    SessionRunner null;
    QVERIFY(null.isNull());
    QCOMPARE(null.append(1), TaskRunner::TaskId(0));
    QVERIFY(!null.cancel(1));
    null.pause();
    null.stop();
    QVERIFY(null.state().stopped);
    QVERIFY(null.finished().isFinished());
    QVERIFY(null.submit(1).isCanceled());
    TaskRunner::RunnerWatcher watcher;
    watcher.setRunner(null);
}

void tst_SessionRunner::clearDropsWaitingTasks()
{
    TestSupport::Gate gate;
    std::atomic<int> calls{0};
    ScopedRunner runner([&](const QVariant &) {
        calls.fetch_add(1);
        gate.wait();
        return QVariant();
    });
    for (int i = 0; i < 6; ++i)
        runner->append(i);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().busy, 5000);
    const auto revision = runner->state().queueRevision;
    QCOMPARE(runner->clear(), 5);
    QCOMPARE(runner->state().queueLength, 0);
    QVERIFY(runner->state().queueRevision != revision);
    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(!runner->state().busy, 5000);
    QCOMPARE(calls.load(), 1);
    QCOMPARE(runner->state().done, 1u);
}

void tst_SessionRunner::workRunsOnRunnerThreadAndNotificationsOnMain()
{
    std::atomic<QThread *> workerThread{nullptr};
    ScopedRunner runner([&](const QVariant &) {
        workerThread = QThread::currentThread();
        return QVariant();
    });
    QThread *notifiedOn = nullptr;
    TaskRunner::RunnerWatcher watcher;
    watcher.setRunner(runner.runner);
    connect(&watcher, &TaskRunner::RunnerWatcher::stateChanged, &watcher,
            [&] { notifiedOn = QThread::currentThread(); });

    runner->append(1);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(notifiedOn, 5000);
    QVERIFY(workerThread.load());
    QVERIFY(workerThread.load() != QThread::currentThread());
    QCOMPARE(workerThread.load()->objectName(), QStringLiteral("session %1").arg(runner->id()));
    QCOMPARE(notifiedOn, QThread::currentThread());
}

void tst_SessionRunner::recordsAreReadIncrementallyWithAnExactDropCount()
{
    TaskRunner::RunnerOptions options;
    options.recordLimit = 10;
    ScopedRunner runner(
        [](const QVariant &task) {
            TaskRunner::sleepFor(1ms);
            if (task.toInt() % 2)
                throw std::runtime_error("odd");
            return task;
        },
        options);
    for (int i = 0; i < 6; ++i)
        runner->append(i);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().lastSequence, 6u, 10000);
    TaskRunner::TaskRecordBatch first = runner->records(1, 4);
    QCOMPARE(first.records.size(), 4);
    QCOMPARE(first.dropped, 0u);
    QCOMPARE(first.nextSequence, 5u);
    for (const TaskRecord &record : first.records) {
        QCOMPARE(record.state, record.number % 2 ? TaskState::Done : TaskState::Failed);
        QVERIFY(record.duration >= 1ms);
        QVERIFY(record.hasStarted());
        QVERIFY(record.finishedMSecs >= record.startedMSecs);
        QVERIFY(record.startedMSecs >= record.queuedMSecs - 20);
    }
    // Then the rest, and 20 more of which only the last 10 are kept.
    for (int i = 6; i < 26; ++i)
        runner->append(i);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().lastSequence, 26u, 10000);
    const TaskRunner::TaskRecordBatch next = runner->records(first.nextSequence);
    QCOMPARE(next.dropped, 12u); // records 5..16 are gone
    QCOMPARE(next.records.size(), 10);
    QCOMPARE(next.records.first().sequence, 17u);
    QCOMPARE(next.records.last().sequence, 26u);
    QCOMPARE(next.nextSequence, 27u);
    QVERIFY(runner->records(27).records.isEmpty());
    QCOMPARE(runner->records(27).nextSequence, 27u);
}

void tst_SessionRunner::eventsTasksPostAreDeliveredWhileIdle()
{
    // An idle runner waits outside its thread's event loop; what a task left to that loop
    // (a deleteLater(), a queued call) must not wait for the next task or for stop().
    struct Counts
    {
        std::atomic<int> deleted{0};
        std::atomic<int> called{0};
    };
    const auto counts = std::make_shared<Counts>(); // outlives the runner's thread
    ScopedRunner runner([counts](const QVariant &) {
        auto *helper = new QObject;
        connect(helper, &QObject::destroyed, [counts] { ++counts->deleted; });
        QMetaObject::invokeMethod(
            helper, [counts] { ++counts->called; }, Qt::QueuedConnection);
        helper->deleteLater();
        return QVariant();
    });
    runner->append(1);
    QTRY_COMPARE_WITH_TIMEOUT(counts->deleted.load(), 1, 5000);
    QCOMPARE(counts->called.load(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!runner->state().busy, 5000);
    QVERIFY(!runner->isStopRequested());
    runner->append(2);
    QTRY_COMPARE_WITH_TIMEOUT(counts->deleted.load(), 2, 5000);
    QCOMPARE(counts->called.load(), 2);
}

void tst_SessionRunner::idleRunnerTakesTasksFromAnyThread()
{
    ScopedRunner runner([](const QVariant &task) { return task; });
    quint64 expected = 0;
    for (int round = 0; round < 20; ++round) {
        // Wait until the runner has nothing to do (it then waits for a task), then give it
        // tasks from several other threads at once.
        QTRY_VERIFY_WITH_TIMEOUT(runner->state().done == expected && !runner->state().busy, 5000);
        constexpr int threads = 3;
        constexpr int perThread = 50;
        std::vector<std::thread> appenders;
        for (int t = 0; t < threads; ++t) {
            appenders.emplace_back([handle = runner.runner]() mutable {
                for (int i = 0; i < perThread; ++i)
                    handle.append(i);
            });
        }
        for (auto &thread : appenders)
            thread.join();
        expected += threads * perThread;
        QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, expected, 10000);
    }
    QCOMPARE(runner->state().queueLength, 0);
}

void tst_SessionRunner::everyChangeReachesTheGuiThroughNotifications()
{
    // What a window sees is the state it reads when notified; a change made after one
    // notification must bring another, and none may be left unshown.
    TestSupport::Gate gate;
    ScopedRunner runner([&](const QVariant &task) {
        gate.wait();
        return task;
    });
    Receiver receiver(runner.runner);

    runner->append(1);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.seen.busy && receiver.seen.itemsLeft() == 1, 5000);
    runner->append(2);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.seen.queueLength, 1, 5000);
    gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(
        receiver.seen.done == 1 && receiver.seen.busy && receiver.seen.queueLength == 0, 5000);
    QCOMPARE(receiver.seen.statusText(), QStringLiteral("Processing: 1 items left."));
    gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(receiver.seen.done == 2 && !receiver.seen.busy, 5000);
    QCOMPARE(receiver.seen.lastResultText(), QStringLiteral("2"));
    QCOMPARE(receiver.seen.statusText(), QStringLiteral("The queue is empty"));
}

void tst_SessionRunner::durationLeavesOutTheTimeTheRunnerWasIdle()
{
    // In a burst a task's duration starts when the one before returned; after a wait for
    // work it starts when the task is taken, not when the last one returned.
    ScopedRunner runner([](const QVariant &task) { return task; });
    runner->append(1);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().done == 1 && !runner->state().busy, 5000);
    QElapsedTimer idle;
    idle.start();
    QTRY_VERIFY_WITH_TIMEOUT(idle.elapsed() >= 1000, 5000); // the runner waits, idle
    runner->append(2);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 2u, 5000);
    const TaskRecord second = runner->records(2).records.value(0);
    QCOMPARE(second.number, 2u);
    QVERIFY2(second.duration < 500ms,
             qPrintable(QStringLiteral("%1 us").arg(second.duration.count())));
}

void tst_SessionRunner::appendReturnsStableIdsNeverReused()
{
    TestSupport::Gate gate;
    ScopedRunner first([&](const QVariant &task) {
        gate.wait();
        return task;
    });
    ScopedRunner second([&](const QVariant &task) {
        gate.wait();
        return task;
    });
    QSet<TaskRunner::TaskId> ids;
    for (int i = 0; i < 100; ++i) {
        const TaskRunner::TaskId a = first->append(i);
        const TaskRunner::TaskId b = second->append(i);
        QVERIFY(a && b);
        QVERIFY(!ids.contains(a) && !ids.contains(b));
        ids << a << b;
    }
    const QList<TaskRunner::QueuedTask> waiting = first->waitingTasks();
    QVERIFY(waiting.size() >= 99);
    QCOMPARE(waiting.last().number, 100u);
    // The gate outlives the runners' threads: with 99 tasks left, a runner is likely to be in a
    // task (and about to wait on the gate) when it is stopped, and stop() does not wait.
    gate.open();
    first.runner.stop();
    second.runner.stop();
    QTRY_VERIFY_WITH_TIMEOUT(
        first.runner.finished().isFinished() && second.runner.finished().isFinished(), 10000);
}

void tst_SessionRunner::cancelWaitingTaskRemovesAndRecordsIt()
{
    TestSupport::Gate gate;
    std::mutex mutex;
    QVariantList ran;
    ScopedRunner runner([&](const QVariant &task) {
        gate.wait();
        std::lock_guard lock(mutex);
        ran << task;
        return task;
    });
    const TaskRunner::TaskId first = runner->append(1);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().runningId == first, 5000);
    runner->append(2);
    const TaskRunner::TaskId third = runner->append(3);
    runner->append(4);
    QVERIFY(runner->cancel(third));
    QVERIFY(!runner->cancel(third)); // gone
    QVERIFY(!runner->cancel(987654321));
    QCOMPARE(runner->state().queueLength, 2);
    QCOMPARE(runner->state().cancelled, 1u);
    const TaskRecord record = runner->records(1).records.value(0);
    QCOMPARE(record.id, third);
    QCOMPARE(record.number, 3u);
    QCOMPARE(record.state, TaskState::Cancelled);
    QVERIFY(!record.hasStarted());
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 3u, 5000);
    std::lock_guard lock(mutex);
    QCOMPARE(ran, (QVariantList{1, 2, 4}));
}

void tst_SessionRunner::cancelRunningTaskInterruptsOnlyThatTask()
{
    ScopedRunner runner([](const QVariant &task, TaskContext &context) -> QVariant {
        if (task.toString() == QLatin1String("long")) {
            if (!context.waitFor(60s))
                throw std::runtime_error("interrupted");
        }
        if (context.isCancelled())
            throw std::runtime_error("cancelled too");
        return task;
    });
    const TaskRunner::TaskId longTask = runner->append(QStringLiteral("long"));
    runner->append(QStringLiteral("next"));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runningId, longTask, 5000);
    QVERIFY(runner->cancel(longTask));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    const auto records = runner->records(1).records;
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0].state, TaskState::Cancelled);
    QCOMPARE(records[0].errorMessage, QStringLiteral("interrupted"));
    QCOMPARE(records[1].state, TaskState::Done); // the next task was not cancelled
    QCOMPARE(records[1].result.toString(), QStringLiteral("next"));
    QVERIFY(!runner->isStopRequested());
}

void tst_SessionRunner::cancelRunningExampleTaskIsQuick()
{
    ScopedRunner runner(TaskRunner::exampleSessionWorker(60s));
    const TaskRunner::TaskId id = runner->append(QStringLiteral("task"));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runningId, id, 5000);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(runner->cancel(id));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().cancelled, 1u, 5000);
    QVERIFY2(elapsed.elapsed() < 1000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(!runner->state().busy);
}

void tst_SessionRunner::cancelWakesTheTasksCallbacks()
{
    std::atomic<int> calls{0};
    TestSupport::Gate woken;
    ScopedRunner runner([&](const QVariant &, TaskContext &context) -> QVariant {
        TestSupport::Gate wake;
        const auto callback = context.onCancelled([&] {
            calls.fetch_add(1);
            wake.open();
        });
        wake.wait(60s);
        woken.open();
        return context.isCancelled();
    });
    const TaskRunner::TaskId id = runner->append(1);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runningId, id, 5000);
    QVERIFY(runner->cancel(id));
    QVERIFY(woken.wait(5s));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    QCOMPARE(calls.load(), 1);
    QCOMPARE(runner->state().lastResult.toBool(), true);
}

void tst_SessionRunner::moveWaitingTasks()
{
    TestSupport::Gate gate;
    std::mutex mutex;
    QVariantList ran;
    ScopedRunner runner([&](const QVariant &task) {
        gate.wait();
        std::lock_guard lock(mutex);
        ran << task;
        return task;
    });
    const TaskRunner::TaskId a = runner->append(QStringLiteral("a"));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runningId, a, 5000);
    const TaskRunner::TaskId b = runner->append(QStringLiteral("b"));
    const TaskRunner::TaskId c = runner->append(QStringLiteral("c"));
    const TaskRunner::TaskId d = runner->append(QStringLiteral("d"));
    QVERIFY(!runner->moveUp(a));     // running, not waiting
    QVERIFY(!runner->moveUp(b));     // already first
    QVERIFY(!runner->moveDown(d));   // already last
    QVERIFY(runner->moveToFront(d)); // d b c
    QVERIFY(runner->moveDown(b));    // d c b
    QVERIFY(runner->moveUp(c));      // c d b
    QList<TaskRunner::TaskId> order;
    for (const TaskRunner::QueuedTask &task : runner->waitingTasks())
        order << task.id;
    QCOMPARE(order, (QList<TaskRunner::TaskId>{c, d, b}));
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 4u, 5000);
    std::lock_guard lock(mutex);
    QCOMPARE(ran, (QVariantList{QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d"),
                                QStringLiteral("b")}));
}

void tst_SessionRunner::aLongQueueIsCopiedAsItWasWhileTheRunnerTakesAndOthersAppend()
{
    // A long queue is copied in slices, the locks let go between them: the copy must still be
    // the queue at one moment, the one its state tells, while the runner takes tasks from the
    // front, another thread appends at the back and a third cancels (which starts it over).
    TaskRunner::RunnerOptions options;
    options.startPaused = true;
    options.recordLimit = 0;
    ScopedRunner runner([](const QVariant &task) { return task; }, options);
    constexpr int queued = 200'000;
    std::vector<TaskRunner::TaskId> ids;
    for (int i = 0; i < queued; ++i)
        ids.push_back(runner->append(i));
    std::atomic<bool> done{false};
    std::thread appender([&] {
        for (int i = 0; i < queued && !done.load(); ++i)
            runner->append(-1);
    });
    std::thread canceller([&] {
        for (size_t i = ids.size() / 2; i < ids.size() && !done.load(); i += 1000)
            runner->cancel(ids[i]);
    });
    runner->resume();
    int copies = 0;
    QString problem;
    for (int round = 0; round < 20 && problem.isEmpty(); ++round) {
        TaskRunner::SessionRunnerState state;
        const QList<TaskRunner::QueuedTask> tasks = runner->waitingTasks(&state);
        if (tasks.size() != state.queueLength)
            problem = QStringLiteral("%1 tasks copied, %2 waiting")
                          .arg(tasks.size())
                          .arg(state.queueLength);
        for (qsizetype i = 1; i < tasks.size() && problem.isEmpty(); ++i) {
            if (tasks.at(i).number <= tasks.at(i - 1).number)
                problem = QStringLiteral("task %1 after %2")
                              .arg(tasks.at(i).number)
                              .arg(tasks.at(i - 1).number);
        }
        if (!tasks.isEmpty() && tasks.constLast().number > state.appended)
            problem = QStringLiteral("task %1 copied, appended after the %2 of the state")
                          .arg(tasks.constLast().number)
                          .arg(state.appended);
        if (!tasks.isEmpty() && state.busy && tasks.constFirst().number <= state.runningNumber)
            problem =
                QStringLiteral("the running task %1 is copied as waiting").arg(state.runningNumber);
        ++copies;
    }
    done = true;
    appender.join();
    canceller.join();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(copies, 20);
}

void tst_SessionRunner::waitingTasksTakenAndJustAppendedAreOneQueue()
{
    // The runner takes what was appended in one go when its queue runs dry; what is appended
    // after waits apart until then. To every call it is one queue, in the order appended.
    TestSupport::Gate gate;
    std::mutex mutex;
    QStringList ran;
    TaskRunner::RunnerOptions options;
    options.startPaused = true;
    ScopedRunner runner(
        [&](const QVariant &task) {
            gate.wait();
            std::lock_guard lock(mutex);
            ran << task.toString();
            return task;
        },
        options);
    const auto id = [&](const char *name) { return runner->append(QString::fromLatin1(name)); };
    const TaskRunner::TaskId a = id("a");
    const TaskRunner::TaskId b = id("b");
    const TaskRunner::TaskId c = id("c");
    runner->resume(); // takes a, b and c at once, and runs a
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runningId, a, 5000);
    const TaskRunner::TaskId d = id("d");
    const TaskRunner::TaskId e = id("e"); // d and e wait apart: a still runs
    const auto waiting = [&] {
        QList<TaskRunner::TaskId> order;
        for (const TaskRunner::QueuedTask &task : runner->waitingTasks())
            order << task.id;
        return order;
    };
    QCOMPARE(waiting(), (QList<TaskRunner::TaskId>{b, c, d, e}));
    QCOMPARE(runner->state().queueLength, 4);
    QCOMPARE(runner->state().appended, 5u);
    const quint64 revision = runner->state().queueRevision;
    const TaskRunner::SessionSnapshot snapshot = runner->snapshot(0, 0, revision - 1);
    QVERIFY(snapshot.hasWaiting);
    QCOMPARE(snapshot.waiting.size(), 4);
    QCOMPARE(snapshot.waiting.at(2).id, d);
    QCOMPARE(snapshot.waiting.at(2).number, 4u);
    QVERIFY(runner->moveToFront(e)); // e b c d
    QVERIFY(runner->cancel(c));      // e b d
    QVERIFY(runner->moveUp(d));      // e d b
    QVERIFY(runner->state().queueRevision != revision);
    const TaskRunner::TaskId f = id("f"); // e d b f
    QCOMPARE(waiting(), (QList<TaskRunner::TaskId>{e, d, b, f}));
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 5u, 5000);
    QCOMPARE(runner->state().cancelled, 1u);
    std::lock_guard lock(mutex);
    QCOMPARE(ran, (QStringList{QStringLiteral("a"), QStringLiteral("e"), QStringLiteral("d"),
                               QStringLiteral("b"), QStringLiteral("f")}));
}

void tst_SessionRunner::pauseLetsTheRunningTaskFinishAndTakesNoNewOne()
{
    TestSupport::Gate gate;
    ScopedRunner runner([&](const QVariant &task) {
        gate.wait();
        return task;
    });
    runner->append(1);
    runner->append(2);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().busy, 5000);
    runner->pause();
    QVERIFY(runner->state().paused);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!runner->state().busy, 5000);
    QTest::qWait(100); // negative check: paused, so the waiting task may not start
    QCOMPARE(runner->state().done, 1u);
    QCOMPARE(runner->state().queueLength, 1);
    QVERIFY(!runner->state().busy);
    runner->append(3); // appending does not resume
    QTest::qWait(50);
    QCOMPARE(runner->state().done, 1u);
    runner->resume();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 3u, 5000);
    QVERIFY(!runner->state().paused);
}

void tst_SessionRunner::startPausedTakesNothingUntilResumed()
{
    TaskRunner::RunnerOptions options;
    options.startPaused = true;
    ScopedRunner runner([](const QVariant &task) { return task; }, options);
    QVERIFY(runner->state().paused);
    runner->append(1);
    runner->append(2);
    QTest::qWait(100); // negative check
    QCOMPARE(runner->state().done, 0u);
    runner->resume();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 2u, 5000);
}

void tst_SessionRunner::theThreadHasTheNameAskedFor()
{
    const int sessions = TestSupport::threadCount("session ");
    TaskRunner::RunnerOptions options;
    options.threadName = QStringLiteral("a name longer than fifteen");
    ScopedRunner named([](const QVariant &task) { return task; }, options);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("a name longer t"), 1, 5000);
    QCOMPARE(TestSupport::threadCount("session "), sessions);
    ScopedRunner unnamed([](const QVariant &task) { return task; });
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session "), sessions + 1, 5000);
}

void tst_SessionRunner::contextReportsProgressAndOutput()
{
    TestSupport::Gate gate;
    ScopedRunner runner([&](const QVariant &, TaskContext &context) {
        context.setProgress(3, 10);
        context.setProgressText(QStringLiteral("three of ten"));
        context.appendOutput("out\n");
        context.appendOutput("err\n", TaskRunner::OutputChannel::StandardError);
        context.setExitCode(7);
        gate.wait();
        return QVariant(QStringLiteral("ok"));
    });
    Receiver receiver(runner.runner);
    runner->append(1);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.seen.progressMaximum, 10, 5000);
    QCOMPARE(receiver.seen.progressValue, 3);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.seen.progressText, QStringLiteral("three of ten"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        receiver.seen.runningOutput && receiver.seen.runningOutput->totalSize() == 8, 5000);
    const TaskRunner::OutputSlice slice = receiver.seen.runningOutput->read(0);
    QCOMPARE(slice.chunks.size(), 2);
    QCOMPARE(slice.chunks[0].data, QByteArray("out\n"));
    QCOMPARE(slice.chunks[1].channel, TaskRunner::OutputChannel::StandardError);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    const TaskRecord record = runner->records(1).records.value(0);
    QCOMPARE(record.exitCode, std::optional<int>(7));
    QVERIFY(record.output);
    QCOMPARE(record.output->tail(), QByteArray("out\nerr\n"));
    // The next task starts with no progress and no output of its own.
    runner->append(2);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 2u, 5000);
}

void tst_SessionRunner::exampleTaskReportsDeterminateProgress()
{
    ScopedRunner runner(TaskRunner::exampleSessionWorker(400ms));
    Receiver receiver(runner.runner);
    runner->append(QStringLiteral("task"));
    QTRY_VERIFY_WITH_TIMEOUT(receiver.seen.busy && receiver.seen.progressMaximum == 400, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.seen.progressValue > 0 || receiver.seen.done == 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    QCOMPARE(runner->state().lastResult.typeId(), QMetaType::QDateTime);
}

void tst_SessionRunner::outputIsReadIncrementally()
{
    TestSupport::Gate gate;
    ScopedRunner runner([&](const QVariant &, TaskContext &context) {
        for (int i = 0; i < 3; ++i) {
            context.appendOutput(QByteArray::number(i) + '\n');
            gate.wait();
        }
        return QVariant();
    });
    runner->append(1);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().runningOutput, 5000);
    const auto output = runner->state().runningOutput;
    qint64 offset = 0;
    QByteArray seen;
    for (int i = 0; i < 3; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(output->totalSize(), qint64(2 * (i + 1)), 5000);
        const TaskRunner::OutputSlice slice = output->read(offset);
        QCOMPARE(slice.skipped, 0);
        for (const auto &chunk : slice.chunks)
            seen += chunk.data;
        QCOMPARE(slice.end - offset, 2); // only what is new
        offset = slice.end;
        gate.release();
    }
    QCOMPARE(seen, QByteArray("0\n1\n2\n"));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
}

void tst_SessionRunner::plainWorkerSeesCancellationThroughTheCurrentContext()
{
    ScopedRunner runner([](const QVariant &) -> QVariant {
        if (!TaskRunner::sleepFor(60s))
            return QStringLiteral("woken");
        return QStringLiteral("slept");
    });
    const TaskRunner::TaskId id = runner->append(1);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runningId, id, 5000);
    QVERIFY(TaskContext::current() == nullptr); // not on this thread
    QVERIFY(runner->cancel(id));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    QCOMPARE(runner->state().lastResult.toString(), QStringLiteral("woken"));
}

void tst_SessionRunner::submitGivesAFutureForTheResult()
{
    ScopedRunner runner([](const QVariant &task, TaskContext &context) {
        context.setProgress(1, 2);
        return QVariant(task.toInt() * 2);
    });
    QFuture<QVariant> future = runner->submit(21);
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 5000);
    QCOMPARE(future.result().toInt(), 42);
    int continued = 0;
    QFuture<int> next = runner->submit(5).then(this, [&](const QVariant &value) {
        continued = value.toInt();
        return continued;
    });
    QTRY_COMPARE_WITH_TIMEOUT(continued, 10, 5000);
    QVERIFY(next.isFinished());
}

void tst_SessionRunner::submitReportsExceptionsAndCancellation()
{
    ScopedRunner runner([](const QVariant &task, TaskContext &context) -> QVariant {
        if (task.toString() == QLatin1String("throw"))
            throw std::runtime_error("nope");
        if (task.toString() == QLatin1String("qexception"))
            throw QException();
        if (!context.waitFor(60s))
            throw std::runtime_error("interrupted");
        return task;
    });
    QFuture<QVariant> failing = runner->submit(QStringLiteral("throw"));
    QTRY_VERIFY_WITH_TIMEOUT(failing.isFinished(), 5000);
    bool unhandled = false;
    try {
        failing.waitForFinished();
    } catch (const QUnhandledException &exception) {
        unhandled = true;
        try {
            std::rethrow_exception(exception.exception());
        } catch (const std::runtime_error &error) {
            QCOMPARE(QByteArray(error.what()), QByteArray("nope"));
        }
    }
    QVERIFY(unhandled);

    QFuture<QVariant> qexception = runner->submit(QStringLiteral("qexception"));
    QTRY_VERIFY_WITH_TIMEOUT(qexception.isFinished(), 5000);
    QVERIFY_THROWS_EXCEPTION(QException, qexception.waitForFinished());

    // A waiting task whose runner is cleared is cancelled; so is a running one.
    QFuture<QVariant> running = runner->submit(QStringLiteral("long"));
    QFuture<QVariant> waiting = runner->submit(QStringLiteral("long"));
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().busy, 5000);
    QCOMPARE(runner->clear(), 1);
    QVERIFY(waiting.isCanceled() && waiting.isFinished());
    QVERIFY(runner->cancel(runner->state().runningId));
    QTRY_VERIFY_WITH_TIMEOUT(running.isFinished(), 5000);
    QVERIFY(running.isCanceled());
}

void tst_SessionRunner::cancellingTheFutureCancelsTheTask()
{
    std::atomic<int> started{0};
    ScopedRunner runner([&started](const QVariant &task, TaskContext &context) -> QVariant {
        ++started;
        if (task.toString() == QLatin1String("long") && !context.waitFor(60s))
            throw std::runtime_error("interrupted");
        return task;
    });
    QFuture<QVariant> running = runner->submit(QStringLiteral("long"));
    QFuture<QVariant> waiting = runner->submit(QStringLiteral("long"));
    QFuture<QVariant> next = runner->submit(QStringLiteral("next"));
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().busy, 5000);
    const TaskRunner::TaskId runningId = runner->state().runningId;

    // A waiting task leaves the queue; it never starts.
    waiting.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(runner->waitingTasks().size(), 1, 5000);
    QCOMPARE(runner->waitingTasks().constFirst().task.toString(), QStringLiteral("next"));
    QVERIFY(waiting.isCanceled());

    // The running one is interrupted (its wait wakes) and the runner goes on with the next.
    running.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(running.isFinished(), 5000);
    QVERIFY(running.isCanceled());
    QTRY_VERIFY_WITH_TIMEOUT(next.isFinished(), 5000);
    QCOMPARE(next.result().toString(), QStringLiteral("next"));
    QCOMPARE(started.load(), 2);
    const TaskRunner::TaskRecordBatch batch = runner->records(0, 10);
    QCOMPARE(batch.records.size(), 3);
    const auto recordOf = [&batch](TaskRunner::TaskId id) {
        return *std::find_if(batch.records.cbegin(), batch.records.cend(),
                             [id](const TaskRunner::TaskRecord &r) { return r.id == id; });
    };
    QCOMPARE(recordOf(runningId).state, TaskRunner::TaskState::Cancelled);
    QCOMPARE(runner->state().cancelled, 2u);

    // Submitted and cancelled on another thread: the application's thread hears of it.
    QFuture<QVariant> fromThread;
    std::thread([&] {
        fromThread = runner->submit(QStringLiteral("long"));
        QTRY_VERIFY_WITH_TIMEOUT(runner->state().busy, 5000);
        fromThread.cancel();
    }).join();
    QTRY_VERIFY_WITH_TIMEOUT(fromThread.isFinished(), 5000);
    QVERIFY(fromThread.isCanceled());
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().cancelled, 3u, 5000);

    // A burst of futures, each cancelled in the same turn of the event loop as its submit(),
    // here and on another thread: none of the waiting tasks starts, and the runner is free for
    // the next.
    const int before = started.load();
    QFuture<QVariant> blocking = runner->submit(QStringLiteral("long"));
    QTRY_COMPARE_WITH_TIMEOUT(started.load(), before + 1, 5000);
    std::vector<QFuture<QVariant>> burst;
    const auto submitAndCancel = [&runner](std::vector<QFuture<QVariant>> &futures) {
        for (int i = 0; i < 500; ++i) {
            futures.push_back(runner->submit(QStringLiteral("short")));
            futures.back().cancel();
        }
    };
    std::vector<QFuture<QVariant>> fromOtherThread;
    std::thread other([&] { submitAndCancel(fromOtherThread); });
    submitAndCancel(burst);
    other.join();
    burst.insert(burst.end(), fromOtherThread.begin(), fromOtherThread.end());
    QTRY_COMPARE_WITH_TIMEOUT(runner->waitingTasks().size(), 0, 5000);
    QCOMPARE(started.load(), before + 1);
    for (const QFuture<QVariant> &future : burst)
        QVERIFY(future.isCanceled());
    blocking.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!runner->state().busy, 5000);
    QCOMPARE(runner->state().cancelled, 1004u);
    QCOMPARE(runner->submit(QStringLiteral("after")).result().toString(), QStringLiteral("after"));
}

void tst_SessionRunner::theFutureReportsTheTasksProgress()
{
    TestSupport::Gate gate;
    ScopedRunner runner([&gate](const QVariant &task, TaskContext &context) -> QVariant {
        const qint64 maximum = task.toLongLong();
        context.setProgress(maximum / 4, maximum);
        gate.wait();
        context.setProgress(maximum / 2, maximum);
        gate.wait();
        return task;
    });
    QFuture<QVariant> future = runner->submit(100);
    QTRY_COMPARE_WITH_TIMEOUT(future.progressMaximum(), 100, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(future.progressValue(), 25, 5000);
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(future.progressValue(), 50, 5000);
    gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 5000);

    // A range beyond an int is scaled to fit, in proportion.
    QFuture<QVariant> big = runner->submit(qint64(8'000'000'000));
    QTRY_VERIFY_WITH_TIMEOUT(big.progressMaximum() > 0, 5000);
    QVERIFY(big.progressMaximum() <= std::numeric_limits<int>::max());
    QTRY_COMPARE_WITH_TIMEOUT(qint64(big.progressValue()) * 4, qint64(big.progressMaximum()), 5000);
    gate.release();
    gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(big.isFinished(), 5000);
}

void tst_SessionRunner::appendRacingStopFromAnIdlePriorityThreadIsSafe()
{
    // An append() (or clear(), state(), ...) that is under way on another thread when the
    // main thread stops the runner and lets go of it: the handle that thread holds keeps the
    // runner alive; its calls become no-ops. A low-priority thread is preempted in the middle
    // of its call, which is when the runner used to be freed under its feet.
    for (int round = 0; round < 10; ++round) {
        SessionRunner runner = SessionRunner::create([](const QVariant &task) { return task; });
        std::atomic<bool> started{false};
        std::thread caller([handle = runner, &started]() mutable {
            sched_param param{};
            pthread_setschedparam(pthread_self(), SCHED_IDLE, &param);
            started = true;
            for (int i = 0; i < 2000; ++i) {
                handle.append(i);
                if (i % 7 == 0)
                    handle.clear();
                (void)handle.state();
                (void)handle.waitingTasks();
                handle.cancel(TaskRunner::TaskId(i));
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), 5000);
        runner.stop();
        QFuture<void> finished = runner.finished();
        runner = SessionRunner();
        QTRY_VERIFY_WITH_TIMEOUT(finished.isFinished(), 10000);
        caller.join();
    }
}

void tst_SessionRunner::threadCancellationInAWorkerIsRethrown()
{
    // pthread_exit() unwinds the stack with a "forced unwind" that must not be caught: a
    // catch (...) that swallows it aborts the process. The runner lets it through; its thread
    // ends, and its state says it stopped.
    SessionRunner runner = SessionRunner::create([](const QVariant &task) -> QVariant {
        if (task.toString() == QLatin1String("exit"))
            pthread_exit(nullptr);
        return task;
    });
    runner.append(QStringLiteral("exit"));
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 5000);
    QVERIFY(runner.state().stopped);
    QVERIFY(!runner.state().busy);
    QCOMPARE(runner.append(1), TaskRunner::TaskId(0));
}

void tst_SessionRunner::aFailedThreadStartIsReportedAndLeaksNothing()
{
    // The system refuses the thread (here: a stack size it does not accept, as a resource
    // limit would): no runner whose tasks never run, no thread, no object left.
    TaskRunner::RunnerOptions options;
    options.stackSize = 1; // below PTHREAD_STACK_MIN
    const int objectsBefore = TaskRunner::runnerObjectCount();
    QString error;
    QTest::ignoreMessage(QtCriticalMsg,
                         QRegularExpression(QStringLiteral("QThread::start: .*error")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Cannot start session")));
    SessionRunner runner =
        SessionRunner::create([](const QVariant &task) { return task; }, options, &error);
    // Qt's own report of the failure is expected here, and only it.
    const QStringList reported = TestSupport::takeForbiddenMessages();
    QCOMPARE(reported.size(), 1);
    QVERIFY(reported.first().startsWith(QLatin1String("QThread::start: ")));
    QVERIFY(runner.isNull());
    QVERIFY2(error.contains(QLatin1String("thread")), qPrintable(error));
    QCOMPARE(TaskRunner::runnerObjectCount(), objectsBefore);
    QCOMPARE(TaskRunner::liveRunnerCount(), 0);
    QCOMPARE(runner.append(1), TaskRunner::TaskId(0));
}

void tst_SessionRunner::quitFromAWorkerDoesNotEndTheRunner()
{
    // The runner's thread ends through stop() only: a worker asking its thread's event loop
    // to quit changes nothing.
    ScopedRunner runner([](const QVariant &task) {
        QThread::currentThread()->quit();
        return task;
    });
    runner->append(1);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    QTest::qWait(50); // negative check: the thread would end now
    QCOMPARE(TaskRunner::liveRunnerCount(), 1);
    runner->append(2);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 2u, 5000);
}

void tst_SessionRunner::taskDestructorsNeverRunUnderTheRunnersLock()
{
    // Wherever a task is destroyed (run and recorded, cancelled while waiting, cleared,
    // dropped by stop), another thread can read the runner's state meanwhile.
    LockProbe probe;
    TestSupport::Gate gate;
    TaskRunner::RunnerOptions options;
    options.recordLimit = 0; // records are dropped (and their tasks destroyed) at once
    SessionRunner runner = SessionRunner::create(
        [&](const QVariant &) {
            gate.wait();
            return QVariant();
        },
        options);
    probe.runner = &runner;
    runner.append(probedTask(probe)); // runs, then its record is dropped
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().busy, 5000);
    runner.append(probedTask(probe)); // cleared
    const TaskRunner::TaskId cancelled = runner.append(probedTask(probe));
    QVERIFY(runner.cancel(cancelled));
    QTRY_COMPARE_WITH_TIMEOUT(probe.destroyed.load(), 1, 10000);
    QCOMPARE(runner.clear(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(probe.destroyed.load(), 2, 10000);
    runner.append(probedTask(probe)); // dropped by stop()
    runner.stop();
    QTRY_COMPARE_WITH_TIMEOUT(probe.destroyed.load(), 3, 10000);
    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(probe.destroyed.load(), 4, 10000);
    QCOMPARE(probe.underLock.load(), 0);
    probe.runner = nullptr;
}

void tst_SessionRunner::stopDestroysManyQueuedTasksOffTheCallersThread()
{
    constexpr int taskCount = 200'000;
    struct Counts
    {
        std::atomic<int> onCaller{0};
        std::atomic<int> total{0};
        Qt::HANDLE caller = QThread::currentThreadId();
    };
    auto counts = std::make_shared<Counts>();
    TestSupport::Gate gate;
    SessionRunner runner = SessionRunner::create([&](const QVariant &task) {
        gate.wait();
        return task;
    });
    // One shared payload: its copies are cheap, and the last of them says where it went.
    for (int i = 0; i < taskCount; ++i) {
        auto token = std::shared_ptr<int>(new int(i), [counts](int *value) {
            delete value;
            counts->total.fetch_add(1);
            if (QThread::currentThreadId() == counts->caller)
                counts->onCaller.fetch_add(1);
        });
        runner.append(QVariant::fromValue(ProbedTask{std::move(token)}));
    }
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().busy, 5000);
    QElapsedTimer elapsed;
    elapsed.start();
    runner.stop();
    const qint64 stopMs = elapsed.elapsed();
    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(counts->total.load(), taskCount - 1, 60000);
    QCOMPARE(counts->onCaller.load(), 0);
    qInfo("stop() with %d queued tasks returned in %lld ms", taskCount - 1, stopMs);
    runner = SessionRunner();
    QTRY_COMPARE_WITH_TIMEOUT(counts->total.load(), taskCount, 10000);
}

QTEST_GUILESS_MAIN(tst_SessionRunner)
#include "tst_sessionrunner.moc"
