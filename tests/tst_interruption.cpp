#include "testsupport.h"

#include <TaskRunner/interruption.h>
#include <TaskRunner/sessionrunner.h>

#include <QTest>
#include <QThread>

#include <atomic>
#include <limits>

using namespace std::chrono_literals;
using TaskRunner::SessionRunner;

class tst_Interruption : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_NO_RUNNER_LEFT(); }

    void sleepRunsItsCourse();
    void cancelWakesASleeperAtOnce_data();
    void cancelWakesASleeperAtOnce();
    void stopWakesASleeper();
    void plainQThreadInterruptionIsHonoured();
    void hugeDurationsDoNotOverflow();
};

void tst_Interruption::sleepRunsItsCourse()
{
    const auto started = std::chrono::steady_clock::now();
    QVERIFY(TaskRunner::sleepFor(20ms));
    QVERIFY(std::chrono::steady_clock::now() - started >= 20ms);
    QVERIFY(!TaskRunner::isInterruptionRequested());
    QVERIFY(TaskRunner::sleepFor(-5s)); // nothing to wait for
}

void tst_Interruption::cancelWakesASleeperAtOnce_data()
{
    QTest::addColumn<qint64>("nanoseconds");
    QTest::newRow("60 s") << qint64(60'000'000'000);
    // The longest sleep there is: it used to overflow and return at once.
    QTest::newRow("nanoseconds::max()") << std::numeric_limits<qint64>::max();
}

void tst_Interruption::cancelWakesASleeperAtOnce()
{
    QFETCH(qint64, nanoseconds);
    std::atomic<bool> sleeping{false};
    SessionRunner runner = SessionRunner::create([&](const QVariant &) -> QVariant {
        sleeping = true;
        const bool completed = TaskRunner::sleepFor(std::chrono::nanoseconds(nanoseconds));
        return QVariant(completed ? QStringLiteral("completed") : QStringLiteral("woken"));
    });
    const TaskRunner::TaskId id = runner.append(1);
    // The request must find the sleeper asleep, not still on its way: that is the wake-up
    // under test (a request made before the sleep starts is seen without one).
    QTRY_VERIFY_WITH_TIMEOUT(sleeping.load(), 5000);
    QTest::qWait(100);
    QCOMPARE(runner.state().done, 0u);
    QVERIFY(runner.cancel(id));
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().done, 1u, 5000);
    QCOMPARE(runner.state().lastResult.toString(), QStringLiteral("woken"));
    runner.stop();
}

void tst_Interruption::stopWakesASleeper()
{
    std::atomic<bool> sleeping{false};
    std::atomic<bool> interrupted{false};
    SessionRunner runner = SessionRunner::create([&](const QVariant &) {
        sleeping = true;
        interrupted = !TaskRunner::sleepFor(60s) && TaskRunner::isInterruptionRequested() &&
                      QThread::currentThread()->isInterruptionRequested();
        return QVariant();
    });
    runner.append(1);
    QTRY_VERIFY_WITH_TIMEOUT(sleeping.load(), 5000);
    runner.stop();
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 5000);
    QVERIFY(interrupted.load());
}

void tst_Interruption::plainQThreadInterruptionIsHonoured()
{
    std::atomic<bool> completed{true};
    QThread *thread = QThread::create([&] { completed = TaskRunner::sleepFor(60s); });
    thread->start();
    thread->requestInterruption();
    QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 5000);
    QVERIFY(!completed.load());
    delete thread; // finished: safe
}

void tst_Interruption::hugeDurationsDoNotOverflow()
{
    // On a plain QThread too: the longest sleep is still a sleep, ended by interruption.
    std::atomic<bool> completed{true};
    std::atomic<bool> sleeping{false};
    QThread *thread = QThread::create([&] {
        sleeping = true;
        completed = TaskRunner::sleepFor(std::chrono::nanoseconds::max());
    });
    thread->start();
    QTRY_VERIFY_WITH_TIMEOUT(sleeping.load(), 5000);
    QTest::qWait(50);
    QVERIFY(!thread->isFinished());
    thread->requestInterruption();
    QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 5000);
    QVERIFY(!completed.load());
    delete thread;
}

QTEST_GUILESS_MAIN(tst_Interruption)
#include "tst_interruption.moc"
