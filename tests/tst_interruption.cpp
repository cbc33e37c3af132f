#include "interruption.h"
#include "testsupport.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace std::chrono_literals;

class tst_Interruption : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES(); }

    void sleepRunsItsCourse();
    void requestWakesASleeperAtOnce();
    void plainQThreadInterruptionIsHonoured();
};

void tst_Interruption::sleepRunsItsCourse()
{
    const auto started = std::chrono::steady_clock::now();
    QVERIFY(TaskRunner::sleepFor(20ms));
    QVERIFY(std::chrono::steady_clock::now() - started >= 20ms);
    QVERIFY(!TaskRunner::isInterruptionRequested());
}

void tst_Interruption::requestWakesASleeperAtOnce()
{
    auto interruption = std::make_shared<TaskRunner::Interruption>();
    std::atomic<bool> sleeping{false};
    std::atomic<bool> finished{false};
    std::atomic<bool> completed{true};
    std::thread sleeper([&] {
        TaskRunner::Interruption::setCurrent(interruption);
        sleeping = true;
        completed = TaskRunner::sleepFor(60s);
        finished = true;
        TaskRunner::Interruption::setCurrent(nullptr);
    });
    // The request must find the sleeper asleep, not still on its way: that is the wake-up
    // under test (a request made before the sleep starts is seen without one).
    QTRY_VERIFY_WITH_TIMEOUT(sleeping.load(), 5000);
    QTest::qWait(100);
    QVERIFY(!finished.load());
    interruption->request();
    QTRY_VERIFY_WITH_TIMEOUT(finished.load(), 5000);
    sleeper.join();
    QVERIFY(!completed.load());
    QVERIFY(interruption->isRequested());
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

QTEST_GUILESS_MAIN(tst_Interruption)
#include "tst_interruption.moc"
