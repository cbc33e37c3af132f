#include "interruption.h"
#include "sessiontaskrunner.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <vector>

using namespace std::chrono_literals;

namespace {

struct NotAnException
{
    int code;
};

struct CustomError : std::exception
{
    const char *what() const noexcept override { return "custom failure"; }
};

// A runner that is stopped (and so freed) at the end of the scope, as a window does.
struct ScopedRunner
{
    explicit ScopedRunner(SessionTaskRunner::Worker worker)
        : runner(SessionTaskRunner::create(std::move(worker)))
    {}
    ~ScopedRunner()
    {
        if (runner)
            runner->stop();
    }
    SessionTaskRunner *operator->() const { return runner; }
    QPointer<SessionTaskRunner> runner;
};

} // namespace

class tst_SessionTaskRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup();

    void fifoOrderAndStatusTexts();
    void queueLengthWhileBusy();
    void workerThrows_data();
    void workerThrows();
    void floodIsCoalescedAndExact();
    void stopReturnsAtOnceWhileTaskIgnoresInterruption();
    void stopDropsQueuedTasks();
    void stopBeforeThreadStarts();
    void stopTwice();
    void stopInterruptsExampleWorker();
    void appendAfterStopIsIgnored();
    void deleteLaterInPlaceOfStopIsIgnored();
    void clearDropsWaitingTasks();
    void workRunsOnRunnerThreadAndNotificationsOnMain();
    void historyIsBoundedAndTimed();
    void eventsTasksPostAreDeliveredWhileIdle();
    void idleRunnerTakesTasksFromAnyThread();
    void everyChangeReachesTheGuiThroughNotifications();
    void durationLeavesOutTheTimeTheRunnerWasIdle();
};

void tst_SessionTaskRunner::cleanup()
{
    TASKRUNNER_VERIFY_NO_RUNNER_LEFT();
}

void tst_SessionTaskRunner::fifoOrderAndStatusTexts()
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
    // The status counts the queue when a task is taken (the taken task included), as the
    // reference does; tasks appended while one runs show in the queue length only.
    runner->append(0);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().statusText(),
                              QStringLiteral("Processing: 1 items left."), 5000);
    runner->append(1);
    runner->append(2);
    runner->append(3);
    QCOMPARE(runner->state().queueLength, 3);
    QCOMPARE(runner->state().statusText(), QStringLiteral("Processing: 1 items left."));

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

void tst_SessionTaskRunner::queueLengthWhileBusy()
{
    TestSupport::Gate gate;
    ScopedRunner runner([&](const QVariant &) {
        gate.wait();
        return QVariant();
    });
    QSignalSpy changes(runner.runner.data(), &SessionTaskRunner::stateChanged);

    runner->append(0);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().busy, 5000);
    for (int i = 0; i < 4; ++i)
        runner->append(i + 1);
    // The GUI hears about the growing queue while the task still runs.
    const auto before = changes.count();
    QTRY_VERIFY_WITH_TIMEOUT(changes.count() > before, 5000);
    QCOMPARE(runner->state().queueLength, 4);
    QVERIFY(runner->state().busy);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 5u, 5000);
    QCOMPARE(runner->state().queueLength, 0);
}

void tst_SessionTaskRunner::workerThrows_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("std::runtime_error") << 0 << QStringLiteral("Error: boom");
    QTest::newRow("std::exception subclass") << 1 << QStringLiteral("Error: custom failure");
    QTest::newRow("int") << 2 << QStringLiteral("Error: unknown error");
    QTest::newRow("custom non-exception type") << 3 << QStringLiteral("Error: unknown error");
}

void tst_SessionTaskRunner::workerThrows()
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

    // The runner goes on with the next task.
    runner->append(QStringLiteral("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    QCOMPARE(runner->state().lastResultText(), QStringLiteral("fine"));
    QCOMPARE(runner->state().failed, 1u);
}

void tst_SessionTaskRunner::floodIsCoalescedAndExact()
{
    constexpr int taskCount = 1'000'000;
    std::atomic<int> calls{0};
    ScopedRunner runner([&calls](const QVariant &) {
        calls.fetch_add(1, std::memory_order_relaxed);
        return QVariant();
    });

    // A receiver as a window is: it reads the state on every notification.
    int notifications = 0;
    SessionRunnerState seen;
    QObject receiver; // destroyed before the locals its slot uses
    connect(runner.runner.data(), &SessionTaskRunner::stateChanged, &receiver, [&] {
        ++notifications;
        seen = runner->state();
    });

    for (int i = 0; i < taskCount; ++i)
        runner->append(QVariant());
    // Generous: sanitizer builds are an order of magnitude slower.
    QTRY_VERIFY_WITH_TIMEOUT(seen.done == quint64(taskCount) && !seen.busy, 300000);

    QVERIFY2(notifications < 10000, qPrintable(QString::number(notifications)));
    QCOMPARE(calls.load(), taskCount);
    QCOMPARE(seen.failed, 0u);
    QCOMPARE(seen.queueLength, 0);
    QCOMPARE(seen.recent.size(), SessionRunnerState::historyLimit());
    QCOMPARE(seen.recent.last().number, quint64(taskCount));
    QCOMPARE(seen.statusText(), QStringLiteral("The queue is empty"));
    qInfo("%d tasks, %d notifications", taskCount, notifications);
}

void tst_SessionTaskRunner::stopReturnsAtOnceWhileTaskIgnoresInterruption()
{
    // The worker waits for the gate (at most 5 s) and never looks at interruption.
    TestSupport::Gate gate;
    QPointer<SessionTaskRunner> runner = SessionTaskRunner::create([&gate](const QVariant &) {
        gate.wait(5s);
        return QVariant();
    });
    runner->append(1);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().busy, 5000);

    const auto started = std::chrono::steady_clock::now();
    runner->stop();
    const auto took = std::chrono::steady_clock::now() - started;
    QVERIFY2(
        took < 5ms,
        qPrintable(QStringLiteral("stop() took %1 us")
                       .arg(std::chrono::duration_cast<std::chrono::microseconds>(took).count())));

    // The runner outlives stop() as long as its task runs, and is freed once it returns.
    QCoreApplication::processEvents();
    QVERIFY(!runner.isNull());
    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(runner.isNull(), 10000);
}

void tst_SessionTaskRunner::stopDropsQueuedTasks()
{
    TestSupport::Gate gate;
    std::atomic<int> started{0};
    QPointer<SessionTaskRunner> runner = SessionTaskRunner::create([&](const QVariant &) {
        started.fetch_add(1);
        gate.wait();
        return QVariant();
    });
    for (int i = 0; i < 10; ++i)
        runner->append(i);
    QTRY_COMPARE_WITH_TIMEOUT(started.load(), 1, 5000);
    runner->stop();
    QCOMPARE(runner->state().queueLength, 0);
    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(runner.isNull(), 10000);
    QCOMPARE(started.load(), 1);
}

void tst_SessionTaskRunner::stopBeforeThreadStarts()
{
    // stop() right after create() races the thread's start: it must never be lost, or the
    // thread would run forever and cleanup() would fail.
    QList<QPointer<SessionTaskRunner>> runners;
    const int threadsBefore = TestSupport::runnerThreadCount();
    for (int i = 0; i < 50; ++i) {
        SessionTaskRunner *runner =
            SessionTaskRunner::create([](const QVariant &) { return QVariant(); });
        runner->stop();
        runners << runner;
    }
    for (const auto &runner : std::as_const(runners))
        QTRY_VERIFY_WITH_TIMEOUT(runner.isNull(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::runnerThreadCount(), threadsBefore, 10000);
}

void tst_SessionTaskRunner::stopTwice()
{
    QPointer<SessionTaskRunner> runner =
        SessionTaskRunner::create([](const QVariant &) { return QVariant(); });
    runner->append(1);
    runner->stop();
    runner->stop(); // the runner is deleted in this thread only, so it is still valid here
    QTRY_VERIFY_WITH_TIMEOUT(runner.isNull(), 10000);
}

void tst_SessionTaskRunner::stopInterruptsExampleWorker()
{
    // The built-in worker sleeps 60 s; stop() must end it long before that.
    QPointer<SessionTaskRunner> runner =
        SessionTaskRunner::create(TaskRunner::exampleSessionWorker(60s));
    runner->append(1);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().busy, 5000);
    QElapsedTimer elapsed;
    elapsed.start();
    runner->stop();
    QTRY_VERIFY_WITH_TIMEOUT(runner.isNull(), 5000);
    QVERIFY(elapsed.elapsed() < 5000);
}

void tst_SessionTaskRunner::appendAfterStopIsIgnored()
{
    std::atomic<int> calls{0};
    QPointer<SessionTaskRunner> runner = SessionTaskRunner::create([&](const QVariant &) {
        calls.fetch_add(1);
        return QVariant();
    });
    runner->stop();
    runner->append(1);
    QCOMPARE(runner->state().queueLength, 0);
    QTRY_VERIFY_WITH_TIMEOUT(runner.isNull(), 10000);
    QCOMPARE(calls.load(), 0);
}

void tst_SessionTaskRunner::deleteLaterInPlaceOfStopIsIgnored()
{
    // Only stop() ends a runner: a deferred delete delivered while the runner's thread runs
    // would free what that thread still uses. Once before the first task (the thread's event
    // loop delivers it), once while the runner waits for tasks (delivered after the next one).
    const QRegularExpression warning(
        QStringLiteral("^deleteLater\\(\\) on a runner whose thread still runs, ignored"));
    ScopedRunner runner([](const QVariant &task) { return task; });
    for (quint64 done = 1; done <= 2; ++done) {
        QTest::ignoreMessage(QtWarningMsg, warning);
        runner->deleteLater();
        runner->append(QVariant(done));
        QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, done, 5000);
        QVERIFY(!runner.runner.isNull());
    }
    runner->append(QVariant(3));
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, quint64(3), 5000);
    QCOMPARE(runner->state().lastResult, QVariant(quint64(3)));
}

void tst_SessionTaskRunner::clearDropsWaitingTasks()
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
    QCOMPARE(runner->clear(), 5);
    QCOMPARE(runner->state().queueLength, 0);
    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(!runner->state().busy, 5000);
    QCOMPARE(calls.load(), 1);
    QCOMPARE(runner->state().done, 1u);
}

void tst_SessionTaskRunner::workRunsOnRunnerThreadAndNotificationsOnMain()
{
    std::atomic<QThread *> workerThread{nullptr};
    ScopedRunner runner([&](const QVariant &) {
        workerThread = QThread::currentThread();
        return QVariant();
    });
    QThread *runnerThread = runner->thread();
    QThread *notifiedOn = nullptr;
    QObject receiver; // destroyed before the locals its slot uses
    connect(runner.runner.data(), &SessionTaskRunner::stateChanged, &receiver,
            [&] { notifiedOn = QThread::currentThread(); });

    runner->append(1);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, 1u, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(notifiedOn, 5000);
    QCOMPARE(workerThread.load(), runnerThread);
    QVERIFY(runnerThread != QThread::currentThread());
    QCOMPARE(notifiedOn, QThread::currentThread());
}

void tst_SessionTaskRunner::historyIsBoundedAndTimed()
{
    ScopedRunner runner([](const QVariant &task) {
        TaskRunner::sleepFor(2ms);
        if (task.toInt() % 2)
            throw std::runtime_error("odd");
        return task;
    });
    for (int i = 0; i < 30; ++i)
        runner->append(i);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().done + runner->state().failed, 30u, 10000);
    const SessionRunnerState state = runner->state();
    QCOMPARE(state.recent.size(), SessionRunnerState::historyLimit());
    QCOMPARE(state.recent.first().number, 11u);
    QCOMPARE(state.recent.last().number, 30u);
    for (const TaskRecord &record : state.recent) {
        QCOMPARE(record.failed, record.number % 2 == 0); // task i is the (i+1)th
        QVERIFY(record.duration >= 1ms);
    }
}

void tst_SessionTaskRunner::eventsTasksPostAreDeliveredWhileIdle()
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
    QVERIFY(runner.runner); // not stopped
    runner->append(2);
    QTRY_COMPARE_WITH_TIMEOUT(counts->deleted.load(), 2, 5000);
    QCOMPARE(counts->called.load(), 2);
}

void tst_SessionTaskRunner::idleRunnerTakesTasksFromAnyThread()
{
    ScopedRunner runner([](const QVariant &task) { return task; });
    quint64 expected = 0;
    for (int round = 0; round < 20; ++round) {
        // Wait until the runner has nothing to do (it then waits for a task), then give it
        // tasks from several other threads at once.
        QTRY_VERIFY_WITH_TIMEOUT(runner->state().done == expected && !runner->state().busy, 5000);
        constexpr int threads = 3;
        constexpr int perThread = 50;
        std::vector<std::unique_ptr<QThread>> appenders;
        for (int t = 0; t < threads; ++t) {
            appenders.emplace_back(QThread::create([&runner] {
                for (int i = 0; i < perThread; ++i)
                    runner->append(i);
            }));
            appenders.back()->start();
        }
        for (auto &thread : appenders)
            QVERIFY(thread->wait(10000));
        expected += threads * perThread;
        QTRY_COMPARE_WITH_TIMEOUT(runner->state().done, expected, 10000);
    }
    QCOMPARE(runner->state().queueLength, 0);
}

void tst_SessionTaskRunner::everyChangeReachesTheGuiThroughNotifications()
{
    // What a window sees is the state it reads when notified; a change made after one
    // notification must bring another, and none may be left unshown.
    TestSupport::Gate gate;
    ScopedRunner runner([&](const QVariant &task) {
        gate.wait();
        return task;
    });
    SessionRunnerState seen;
    QObject receiver; // destroyed before the locals its slot uses
    connect(runner.runner.data(), &SessionTaskRunner::stateChanged, &receiver,
            [&] { seen = runner->state(); });

    runner->append(1);
    QTRY_VERIFY_WITH_TIMEOUT(seen.busy && seen.itemsLeft == 1, 5000);
    runner->append(2);
    QTRY_COMPARE_WITH_TIMEOUT(seen.queueLength, 1, 5000);
    gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(seen.done == 1 && seen.busy && seen.queueLength == 0, 5000);
    QCOMPARE(seen.statusText(), QStringLiteral("Processing: 1 items left."));
    gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(seen.done == 2 && !seen.busy, 5000);
    QCOMPARE(seen.lastResultText(), QStringLiteral("2"));
    QCOMPARE(seen.statusText(), QStringLiteral("The queue is empty"));
}

void tst_SessionTaskRunner::durationLeavesOutTheTimeTheRunnerWasIdle()
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
    const TaskRecord second = runner->state().recent.constLast();
    QCOMPARE(second.number, 2u);
    QVERIFY2(second.duration < 500ms,
             qPrintable(QStringLiteral("%1 us").arg(second.duration.count())));
}

QTEST_GUILESS_MAIN(tst_SessionTaskRunner)
#include "tst_sessiontaskrunner.moc"
