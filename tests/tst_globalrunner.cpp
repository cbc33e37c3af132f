#include "testsupport.h"

#include <TaskRunner/exampleworkers.h>
#include <TaskRunner/globalrunnerregistry.h>
#include <TaskRunner/interruption.h>
#include <TaskRunner/runnerwatcher.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>

using namespace std::chrono_literals;
using TaskRunner::GlobalRunner;
using TaskRunner::GlobalRunnerRegistry;
using TaskRunner::GlobalRunnerState;

namespace {
// What a window does: reads the state on every notification.
struct Receiver
{
    explicit Receiver(const GlobalRunner &runner)
        : runner(runner)
    {
        watcher.setRunner(runner);
        QObject::connect(&watcher, &TaskRunner::RunnerWatcher::stateChanged, &watcher, [this] {
            ++notifications;
            seen = this->runner.state();
        });
    }
    GlobalRunner runner;
    GlobalRunnerState seen;
    int notifications = 0;
    TaskRunner::RunnerWatcher watcher; // last: destroyed first
};
} // namespace

class tst_GlobalRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup();

    void runsRepeatedly();
    void pauseIsMeasuredFromTheEndOfARun();
    void throwingWorkerKeepsRunning();
    void aRunnerMadePausedRunsOnlyWhenAsked();
    void errorIsClearedBySuccess();
    void intervalChangeWhileWaitingReschedules();
    void invalidIntervalIsRefused_data();
    void invalidIntervalIsRefused();
    void pauseResumeRunNow();
    void workRunsOnRunnerThreadAndNotificationsOnMain();
    void countersAreExactUnderAFlood();

    void runsAreRecordedWithTheirOutput();
    void nestedEventLoopInAWorkerNeverReentersTheRunner();
    void runNowRequestsBeforeARunStartsAreOneRun();
    void noRunStartsAfterPauseReturned();
    void noRunStartsEarlyAfterALongerInterval();
    void quitFromAWorkerDoesNotEndTheRunner();
    void stateShowsWhenTheNextRunIsDue();
    void createRefusesBadArguments();
};

void tst_GlobalRunner::cleanup()
{
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_GlobalRunner::runsRepeatedly()
{
    std::atomic<int> calls{0};
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("repeat"), [&calls] { return QVariant(calls.fetch_add(1) + 1); }, 0.005);
    QCOMPARE(runner.key(), QStringLiteral("repeat"));
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().runs >= 5, 10000);
    const GlobalRunnerState state = runner.state();
    QVERIFY(state.lastResult.isValid());
    QVERIFY(state.lastResult.toInt() >= 5);
    QVERIFY(state.lastError.isEmpty());
    QCOMPARE(state.failures, 0u);
}

void tst_GlobalRunner::pauseIsMeasuredFromTheEndOfARun()
{
    // Each run takes ~30 ms and the interval is 50 ms: starts are >= 80 ms apart.
    std::mutex mutex;
    std::vector<std::chrono::steady_clock::time_point> starts;
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("period"),
        [&] {
            {
                std::lock_guard lock(mutex);
                starts.push_back(std::chrono::steady_clock::now());
            }
            TaskRunner::sleepFor(30ms);
            return QVariant();
        },
        0.05);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().runs >= 4, 10000);
    std::lock_guard lock(mutex);
    for (size_t i = 1; i < starts.size(); ++i)
        QVERIFY(starts[i] - starts[i - 1] >= 79ms);
}

void tst_GlobalRunner::throwingWorkerKeepsRunning()
{
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("thrower"), []() -> QVariant { throw std::runtime_error("no data"); },
        0.005);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().failures >= 3, 10000);
    const GlobalRunnerState state = runner.state();
    QCOMPARE(state.runs, 0u);
    QCOMPARE(state.lastError, QStringLiteral("no data"));
    QVERIFY(!state.lastResult.isValid());
}

void tst_GlobalRunner::errorIsClearedBySuccess()
{
    std::atomic<int> calls{0};
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("flaky"),
        [&calls]() -> QVariant {
            if (calls.fetch_add(1) % 2 == 0)
                throw 1;
            return QStringLiteral("ok");
        },
        1000);
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().failures, 1u, 5000);
    QCOMPARE(runner.state().lastError, QStringLiteral("unknown error"));
    runner.runNow();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 1u, 5000);
    QVERIFY(runner.state().lastError.isEmpty());
    QCOMPARE(runner.state().lastResult.toString(), QStringLiteral("ok"));
}

void tst_GlobalRunner::intervalChangeWhileWaitingReschedules()
{
    std::atomic<int> calls{0};
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("reschedule"), [&calls] { return QVariant(calls.fetch_add(1)); }, 3600);
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 1u, 5000);
    // It now waits an hour; the new interval applies to that pause, which is already over.
    QVERIFY(runner.setInterval(0.01));
    QCOMPARE(runner.interval(), 0.01);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().runs >= 3, 5000);

    // And a longer one while waiting: no run comes early.
    QVERIFY(runner.setInterval(3600));
    const auto runs = runner.state().runs;
    QTest::qWait(100); // negative check: nothing may happen in this time
    QVERIFY(runner.state().runs <= runs + 1);
    QCOMPARE(runner.state().interval, 3600.0);
}

void tst_GlobalRunner::invalidIntervalIsRefused_data()
{
    QTest::addColumn<double>("seconds");
    QTest::newRow("zero") << 0.0;
    QTest::newRow("negative") << -1.0;
    QTest::newRow("below minimum") << 0.0005;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity();
    QTest::newRow("-infinity") << -std::numeric_limits<double>::infinity();
    // Longer ones overflow the clock's nanoseconds (about 292 years).
    QTest::newRow("beyond a year") << 31536000.5;
    QTest::newRow("1e10") << 1e10;
}

void tst_GlobalRunner::invalidIntervalIsRefused()
{
    QFETCH(double, seconds);
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("refuse"), [] { return QVariant(); }, 0.5);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refusing interval")));
    QVERIFY(!runner.setInterval(seconds));
    QCOMPARE(runner.interval(), 0.5);
    QVERIFY(runner.setInterval(GlobalRunner::maximumInterval()));
    QCOMPARE(runner.interval(), 31536000.0);
    QVERIFY(runner.setInterval(GlobalRunner::minimumInterval()));
    QCOMPARE(runner.interval(), 0.001);
}

void tst_GlobalRunner::pauseResumeRunNow()
{
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("controls"), [] { return QVariant(); }, 3600);
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 1u, 5000);

    runner.runNow();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 2u, 5000);

    runner.pause();
    QVERIFY(runner.state().paused);
    runner.runNow(); // runs once even while paused
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 3u, 5000);
    QVERIFY(runner.state().paused);

    runner.setInterval(0.005);
    QTest::qWait(100); // negative check: paused, so no run may start in this time
    QCOMPARE(runner.state().runs, 3u);

    runner.resume();
    QVERIFY(!runner.state().paused);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().runs >= 5, 5000);
}

void tst_GlobalRunner::aRunnerMadePausedRunsOnlyWhenAsked()
{
    TaskRunner::RunnerOptions options;
    options.startPaused = true;
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("made-paused"), GlobalRunner::plainWorker([] { return QVariant(1); }), 0.001,
        options);
    QVERIFY(runner.state().paused);
    runner.runNow();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 1u, 5000);
    // Had it run on its own first, that run would be counted too.
    QCOMPARE(runner.state().started, 1u);
    QVERIFY(runner.state().paused);
    runner.resume();
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().runs >= 3, 5000);
}

void tst_GlobalRunner::workRunsOnRunnerThreadAndNotificationsOnMain()
{
    std::atomic<QThread *> workerThread{nullptr};
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("threads"),
        [&] {
            workerThread = QThread::currentThread();
            return QVariant();
        },
        3600);
    QThread *notifiedOn = nullptr;
    TaskRunner::RunnerWatcher watcher;
    watcher.setRunner(runner);
    connect(&watcher, &TaskRunner::RunnerWatcher::stateChanged, &watcher,
            [&] { notifiedOn = QThread::currentThread(); });
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 1u, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(notifiedOn, 5000);
    QVERIFY(workerThread.load() != QThread::currentThread());
    QCOMPARE(workerThread.load()->objectName(), QStringLiteral("global threads"));
    QCOMPARE(notifiedOn, QThread::currentThread());
}

void tst_GlobalRunner::countersAreExactUnderAFlood()
{
    // A worker far faster than any screen: notifications stay few, counters exact.
    std::atomic<quint64> calls{0};
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("flood"), [&calls] { return QVariant(calls.fetch_add(1) + 1); }, 0.001);
    Receiver receiver(runner);
    const GlobalRunnerState &seen = receiver.seen;
    QTRY_VERIFY_WITH_TIMEOUT(seen.runs >= 200, 20000);
    runner.pause();
    QTRY_VERIFY_WITH_TIMEOUT(seen.paused && !seen.running, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(seen.runs, calls.load(), 5000);
    QCOMPARE(seen.lastResult.toULongLong(), calls.load());
    QVERIFY2(quint64(receiver.notifications) < seen.runs,
             qPrintable(QStringLiteral("%1 notifications for %2 runs")
                            .arg(receiver.notifications)
                            .arg(seen.runs)));
}

void tst_GlobalRunner::runsAreRecordedWithTheirOutput()
{
    std::atomic<int> calls{0};
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("recorded"),
        [&calls](TaskRunner::TaskContext &context) -> QVariant {
            const int call = calls.fetch_add(1) + 1;
            context.appendOutput(QByteArray::number(call) + '\n');
            if (call == 2)
                throw std::runtime_error("second");
            return call;
        },
        0.005);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().lastSequence >= 3, 10000);
    const auto records = runner.records(1, 3).records;
    QCOMPARE(records.size(), 3);
    QCOMPARE(records[0].result.toInt(), 1);
    QCOMPARE(records[1].state, TaskRunner::TaskState::Failed);
    QCOMPARE(records[1].errorMessage, QStringLiteral("second"));
    QCOMPARE(records[2].output->tail(), QByteArray("3\n"));
    QVERIFY(records[1].startedMSecs >= records[0].finishedMSecs);
}

void tst_GlobalRunner::nestedEventLoopInAWorkerNeverReentersTheRunner()
{
    // A worker that spins an event loop of its own (as a QProcess or network wait does) must
    // not see another run start inside it, however often runNow() is called meanwhile.
    std::atomic<int> depth{0};
    std::atomic<int> deepest{0};
    std::atomic<int> runningSeenFalse{0};
    std::atomic<GlobalRunner *> self{nullptr}; // set once the runner (and its thread) exists
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("nested"),
        [&] {
            const int now = depth.fetch_add(1) + 1;
            deepest = std::max(deepest.load(), now);
            if (GlobalRunner *handle = self.load(); handle && !handle->state().running)
                runningSeenFalse.fetch_add(1);
            QEventLoop loop;
            QTimer::singleShot(300ms, &loop, &QEventLoop::quit);
            loop.exec();
            QCoreApplication::processEvents();
            depth.fetch_sub(1);
            return QVariant();
        },
        3600);
    self = &runner;
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().running, 5000);
    for (int i = 0; i < 6; ++i) {
        runner.runNow();
        QTest::qWait(10);
    }
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().runs >= 2 && !runner.state().running, 10000);
    QCOMPARE(deepest.load(), 1);
    QCOMPARE(runningSeenFalse.load(), 0);
    self = nullptr;
}

void tst_GlobalRunner::runNowRequestsBeforeARunStartsAreOneRun()
{
    TestSupport::Gate gate;
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("coalesce"),
        [&gate] {
            gate.wait();
            return QVariant();
        },
        3600);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().running, 5000);
    for (int i = 0; i < 10000; ++i)
        runner.runNow();
    QVERIFY(runner.state().runRequested);
    gate.release(); // the first run ends; the requested one starts
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().started, 2u, 5000);
    QVERIFY(!runner.state().runRequested);
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 2u, 5000);
    QTest::qWait(100); // negative check: no third run comes for the other 9,999 requests
    QCOMPARE(runner.state().started, 2u);
    gate.open();
}

void tst_GlobalRunner::noRunStartsAfterPauseReturned()
{
    std::atomic<quint64> entered{0};
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("pause-race"), [&entered] { return QVariant(entered.fetch_add(1)); }, 0.001);
    for (int round = 0; round < 4000; ++round) {
        runner.resume();
        if (round % 3)
            std::this_thread::yield();
        runner.pause();
        const quint64 startedAtPause = runner.state().started;
        // The run decided before pause() returned may still finish; nothing after it.
        QTRY_VERIFY_WITH_TIMEOUT(!runner.state().running, 20000);
        QCOMPARE(runner.state().started, startedAtPause);
        QCOMPARE(entered.load(), startedAtPause);
    }
}

void tst_GlobalRunner::noRunStartsEarlyAfterALongerInterval()
{
    std::atomic<quint64> entered{0};
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("interval-race"), [&entered] { return QVariant(entered.fetch_add(1)); },
        0.001);
    // The first run starts at once whatever the interval: it is not what this is about.
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().started > 0, 5000);
    for (int round = 0; round < 2000; ++round) {
        QVERIFY(runner.setInterval(0.001));
        if (round % 3)
            std::this_thread::yield();
        QVERIFY(runner.setInterval(3600));
        const quint64 startedThen = runner.state().started;
        QTRY_VERIFY_WITH_TIMEOUT(!runner.state().running, 20000);
        QCOMPARE(runner.state().started, startedThen);
        QCOMPARE(entered.load(), startedThen);
    }
}

void tst_GlobalRunner::quitFromAWorkerDoesNotEndTheRunner()
{
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("quitter"),
        [] {
            QThread::currentThread()->quit();
            return QVariant();
        },
        0.005);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().runs >= 5, 10000);
    QCOMPARE(GlobalRunnerRegistry::instance()->find(QStringLiteral("quitter")), runner);
    QCOMPARE(TaskRunner::liveRunnerCount(), 1);
}

void tst_GlobalRunner::stateShowsWhenTheNextRunIsDue()
{
    GlobalRunner runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("due"), [] { return QVariant(); }, 60);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().nextRunMSecs != 0, 5000);
    const GlobalRunnerState state = runner.state();
    QVERIFY(!state.running);
    const qint64 untilNext = state.nextRunMSecs - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(untilNext > 55000 && untilNext <= 60100, qPrintable(QString::number(untilNext)));
    runner.pause();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().nextRunMSecs, 0, 5000);
}

void tst_GlobalRunner::createRefusesBadArguments()
{
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot create")));
    QVERIFY(GlobalRunner::create(
                QStringLiteral("x"), [] { return QVariant(); }, 0, {}, &error)
                .isNull());
    QVERIFY(error.contains(QLatin1String("interval")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot create")));
    QVERIFY(GlobalRunner::create(QStringLiteral("x"), TaskRunner::GlobalWorker(), 1, {}, &error)
                .isNull());
    GlobalRunner own = GlobalRunner::create(
        QStringLiteral("own"), [] { return 1; }, 3600);
    QVERIFY(!own.isNull());
    QTRY_COMPARE_WITH_TIMEOUT(own.state().runs, 1u, 5000);
    QVERIFY(GlobalRunnerRegistry::instance()->find(QStringLiteral("own")).isNull());
    own.stop();
    // With the thread's name asked for, else "global <key>".
    TaskRunner::RunnerOptions options;
    options.threadName = QStringLiteral("sampler");
    GlobalRunner named = GlobalRunner::create(
        QStringLiteral("named"), [] { return 1; }, 3600, options);
    QVERIFY(!named.isNull());
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("sampler"), 1, 5000);
    QCOMPARE(TestSupport::threadCount("global named"), 0);
    named.stop();
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("sampler"), 0, 5000);
}

QTEST_GUILESS_MAIN(tst_GlobalRunner)
#include "tst_globalrunner.moc"
