#include "globalrunnerregistry.h"
#include "globaltaskrunner.h"
#include "interruption.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>

using namespace std::chrono_literals;

class tst_GlobalTaskRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup();

    void runsRepeatedly();
    void pauseIsMeasuredFromTheEndOfARun();
    void throwingWorkerKeepsRunning();
    void errorIsClearedBySuccess();
    void intervalChangeWhileWaitingReschedules();
    void invalidIntervalIsRefused_data();
    void invalidIntervalIsRefused();
    void pauseResumeRunNow();
    void workRunsOnRunnerThreadAndNotificationsOnMain();
    void countersAreExactUnderAFlood();
};

void tst_GlobalTaskRunner::cleanup()
{
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_GlobalTaskRunner::runsRepeatedly()
{
    std::atomic<int> calls{0};
    auto *runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("repeat"), [&calls] { return QVariant(calls.fetch_add(1) + 1); }, 0.005);
    QCOMPARE(runner->key(), QStringLiteral("repeat"));
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().runs >= 5, 10000);
    const GlobalRunnerState state = runner->state();
    QVERIFY(state.lastResult.isValid());
    QVERIFY(state.lastResult.toInt() >= 5);
    QVERIFY(state.lastError.isEmpty());
    QCOMPARE(state.failures, 0u);
}

void tst_GlobalTaskRunner::pauseIsMeasuredFromTheEndOfARun()
{
    // Each run takes ~30 ms and the interval is 50 ms: starts are >= 80 ms apart.
    std::mutex mutex;
    std::vector<std::chrono::steady_clock::time_point> starts;
    auto *runner = GlobalRunnerRegistry::instance()->acquire(
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
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().runs >= 4, 10000);
    std::lock_guard lock(mutex);
    for (size_t i = 1; i < starts.size(); ++i)
        QVERIFY(starts[i] - starts[i - 1] >= 79ms);
}

void tst_GlobalTaskRunner::throwingWorkerKeepsRunning()
{
    auto *runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("thrower"), []() -> QVariant { throw std::runtime_error("no data"); },
        0.005);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().failures >= 3, 10000);
    const GlobalRunnerState state = runner->state();
    QCOMPARE(state.runs, 0u);
    QCOMPARE(state.lastError, QStringLiteral("no data"));
    QVERIFY(!state.lastResult.isValid());
}

void tst_GlobalTaskRunner::errorIsClearedBySuccess()
{
    std::atomic<int> calls{0};
    auto *runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("flaky"),
        [&calls]() -> QVariant {
            if (calls.fetch_add(1) % 2 == 0)
                throw 1;
            return QStringLiteral("ok");
        },
        1000);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().failures, 1u, 5000);
    QCOMPARE(runner->state().lastError, QStringLiteral("unknown error"));
    runner->runNow();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runs, 1u, 5000);
    QVERIFY(runner->state().lastError.isEmpty());
    QCOMPARE(runner->state().lastResult.toString(), QStringLiteral("ok"));
}

void tst_GlobalTaskRunner::intervalChangeWhileWaitingReschedules()
{
    std::atomic<int> calls{0};
    auto *runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("reschedule"), [&calls] { return QVariant(calls.fetch_add(1)); }, 3600);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runs, 1u, 5000);
    // It now waits an hour; the new interval applies to that pause, which is already over.
    QVERIFY(runner->setInterval(0.01));
    QCOMPARE(runner->interval(), 0.01);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().runs >= 3, 5000);

    // And a longer one while waiting: no run comes early.
    QVERIFY(runner->setInterval(3600));
    const auto runs = runner->state().runs;
    QTest::qWait(100); // negative check: nothing may happen in this time
    QVERIFY(runner->state().runs <= runs + 1);
    QCOMPARE(runner->state().interval, 3600.0);
}

void tst_GlobalTaskRunner::invalidIntervalIsRefused_data()
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

void tst_GlobalTaskRunner::invalidIntervalIsRefused()
{
    QFETCH(double, seconds);
    auto *runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("refuse"), [] { return QVariant(); }, 0.5);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refusing interval")));
    QVERIFY(!runner->setInterval(seconds));
    QCOMPARE(runner->interval(), 0.5);
    QVERIFY(runner->setInterval(GlobalTaskRunner::maximumInterval()));
    QCOMPARE(runner->interval(), 31536000.0);
    QVERIFY(runner->setInterval(GlobalTaskRunner::minimumInterval()));
    QCOMPARE(runner->interval(), 0.001);
}

void tst_GlobalTaskRunner::pauseResumeRunNow()
{
    auto *runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("controls"), [] { return QVariant(); }, 3600);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runs, 1u, 5000);

    runner->runNow();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runs, 2u, 5000);

    runner->pause();
    QVERIFY(runner->state().paused);
    runner->runNow(); // runs once even while paused
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runs, 3u, 5000);
    QVERIFY(runner->state().paused);

    runner->setInterval(0.005);
    QTest::qWait(100); // negative check: paused, so no run may start in this time
    QCOMPARE(runner->state().runs, 3u);

    runner->resume();
    QVERIFY(!runner->state().paused);
    QTRY_VERIFY_WITH_TIMEOUT(runner->state().runs >= 5, 5000);
}

void tst_GlobalTaskRunner::workRunsOnRunnerThreadAndNotificationsOnMain()
{
    std::atomic<QThread *> workerThread{nullptr};
    auto *runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("threads"),
        [&] {
            workerThread = QThread::currentThread();
            return QVariant();
        },
        3600);
    QThread *notifiedOn = nullptr;
    QObject receiver; // destroyed before the locals its slot uses
    connect(runner, &GlobalTaskRunner::stateChanged, &receiver,
            [&] { notifiedOn = QThread::currentThread(); });
    QTRY_COMPARE_WITH_TIMEOUT(runner->state().runs, 1u, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(notifiedOn, 5000);
    QCOMPARE(workerThread.load(), runner->thread());
    QVERIFY(runner->thread() != QThread::currentThread());
    QCOMPARE(notifiedOn, QThread::currentThread());
}

void tst_GlobalTaskRunner::countersAreExactUnderAFlood()
{
    // A worker far faster than any screen: notifications stay few, counters exact.
    std::atomic<quint64> calls{0};
    auto *runner = GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("flood"), [&calls] { return QVariant(calls.fetch_add(1) + 1); }, 0.001);
    int notifications = 0;
    GlobalRunnerState seen;
    QObject receiver; // destroyed before the locals its slot uses
    connect(runner, &GlobalTaskRunner::stateChanged, &receiver, [&] {
        ++notifications;
        seen = runner->state();
    });
    QTRY_VERIFY_WITH_TIMEOUT(seen.runs >= 200, 20000);
    runner->pause();
    QTRY_VERIFY_WITH_TIMEOUT(seen.paused && !seen.running, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(seen.runs, calls.load(), 5000);
    QCOMPARE(seen.lastResult.toULongLong(), calls.load());
    QVERIFY2(quint64(notifications) < seen.runs,
             qPrintable(
                 QStringLiteral("%1 notifications for %2 runs").arg(notifications).arg(seen.runs)));
}

QTEST_GUILESS_MAIN(tst_GlobalTaskRunner)
#include "tst_globaltaskrunner.moc"
