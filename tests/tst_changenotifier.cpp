#include "changenotifier.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <thread>

using namespace std::chrono_literals;

class tst_ChangeNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES(); }

    void neverEmitsSynchronously();
    void burstFromAnotherThreadGivesFewSignalsInTheMainThread();
    void gapIsRespectedForNormalReports();
    void urgentReportIsNotHeldBackByTheGap();
};

void tst_ChangeNotifier::neverEmitsSynchronously()
{
    ChangeNotifier notifier;
    QSignalSpy spy(&notifier, &ChangeNotifier::notify);
    notifier.report();
    notifier.report(true);
    QCOMPARE(spy.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
}

void tst_ChangeNotifier::burstFromAnotherThreadGivesFewSignalsInTheMainThread()
{
    ChangeNotifier notifier;
    int count = 0;
    QThread *emittedOn = nullptr;
    connect(&notifier, &ChangeNotifier::notify, this, [&] {
        ++count;
        emittedOn = QThread::currentThread();
    });
    std::thread producer([&notifier] {
        for (int i = 0; i < 100000; ++i)
            notifier.report();
        notifier.report(true);
    });
    producer.join();
    QTRY_VERIFY_WITH_TIMEOUT(count >= 1, 5000);
    QCOMPARE(emittedOn, QThread::currentThread());
    // Everything was reported before the main thread looked: at most one signal, plus one
    // for the gap timer if the urgent report came in between.
    QVERIFY2(count <= 2, qPrintable(QString::number(count)));
}

void tst_ChangeNotifier::gapIsRespectedForNormalReports()
{
    ChangeNotifier notifier(50ms);
    std::vector<std::chrono::steady_clock::time_point> emissions;
    connect(&notifier, &ChangeNotifier::notify, this,
            [&] { emissions.push_back(std::chrono::steady_clock::now()); });
    notifier.report();
    QTRY_COMPARE_WITH_TIMEOUT(emissions.size(), size_t(1), 5000);
    notifier.report(); // within the gap: held back, not lost
    QCoreApplication::processEvents();
    QCOMPARE(emissions.size(), size_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(emissions.size(), size_t(2), 5000);
    QVERIFY(emissions[1] - emissions[0] >= 50ms);
}

void tst_ChangeNotifier::urgentReportIsNotHeldBackByTheGap()
{
    ChangeNotifier notifier(std::chrono::hours(1));
    QSignalSpy spy(&notifier, &ChangeNotifier::notify);
    notifier.report();
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
    notifier.report(); // would wait an hour
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1);
    notifier.report(true);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 5000);
}

QTEST_GUILESS_MAIN(tst_ChangeNotifier)
#include "tst_changenotifier.moc"
