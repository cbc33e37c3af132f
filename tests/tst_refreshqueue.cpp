#include "refreshqueue.h"

#include <QApplication>
#include <QDebug>
#include <QList>
#include <QPointer>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <memory>
#include <thread>

// Views in windows in the background refresh on later turns of the event loop, a few
// milliseconds a turn, so that two hundred of them that change at once do not keep input and
// painting waiting for all of them; the window the user works in refreshes at once.
class tst_RefreshQueue : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void otherEventsAreServedBetweenSlowRefreshes();
    void refreshesRunInTheOrderTheyWereAskedFor();
    void aDestroyedViewIsNotRefreshed();
    void theActiveWindowRefreshesAtOnce();
    void aViewInTheBackgroundRefreshesOnceHoweverOftenAsked();
    void aWindowThatBecomesActiveRefreshesWhatWaited();
    void aHiddenViewRefreshesAtOnce();
};

namespace {

// Longer than a turn's budget: one refresh a turn.
void workLongerThanATurn()
{
    std::this_thread::sleep_for(RefreshQueue::turnBudget + std::chrono::milliseconds(1));
}

// Two shown windows, the second one active.
struct TwoWindows
{
    TwoWindows()
    {
        background.resize(200, 100);
        active.resize(200, 100);
        background.show();
        active.show();
        active.activateWindow();
    }
    bool ready() { return QTest::qWaitForWindowActive(&active) && !background.isActiveWindow(); }

    QWidget background;
    QWidget active;
};

} // namespace

void tst_RefreshQueue::cleanup()
{
    // Nothing a test queued is left for the next one.
    QTRY_COMPARE_WITH_TIMEOUT(RefreshQueue::instance()->size(), 0, 5000);
}

void tst_RefreshQueue::otherEventsAreServedBetweenSlowRefreshes()
{
    QObject owner;
    QList<int> order;
    constexpr int count = 5;
    for (int i = 1; i <= count; ++i)
        RefreshQueue::instance()->enqueue(&owner, [&owner, &order, i] {
            workLongerThanATurn();
            order << i;
            // What comes due while the first refresh runs is served before the last one.
            if (i == 1)
                QTimer::singleShot(0, &owner, [&order] { order << 0; });
        });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), count + 1, 5000);
    const qsizetype timerAt = order.indexOf(0);
    QString seen;
    QDebug(&seen) << order;
    QVERIFY2(timerAt < count, qPrintable(seen));
}

void tst_RefreshQueue::refreshesRunInTheOrderTheyWereAskedFor()
{
    QObject owner;
    QList<int> order;
    for (int i = 1; i <= 50; ++i)
        RefreshQueue::instance()->enqueue(&owner, [&order, i] { order << i; });
    QCOMPARE(order.size(), 0); // on a later turn, not in enqueue()
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 50, 5000);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(order.at(i), i + 1);
}

void tst_RefreshQueue::aDestroyedViewIsNotRefreshed()
{
    auto owner = std::make_unique<QObject>();
    QObject kept;
    bool destroyedRan = false;
    bool keptRan = false;
    RefreshQueue::instance()->enqueue(owner.get(), [&destroyedRan] { destroyedRan = true; });
    RefreshQueue::instance()->enqueue(&kept, [&keptRan] { keptRan = true; });
    owner.reset();
    QTRY_VERIFY_WITH_TIMEOUT(keptRan, 5000);
    QVERIFY(!destroyedRan);
}

void tst_RefreshQueue::theActiveWindowRefreshesAtOnce()
{
    TwoWindows windows;
    QVERIFY(windows.ready());
    int refreshes = 0;
    BackgroundRefresh refresh(&windows.active, [&refreshes] { ++refreshes; });
    refresh.request();
    QCOMPARE(refreshes, 1);
    refresh.request();
    QCOMPARE(refreshes, 2);
    QVERIFY(!refresh.isPending());
}

void tst_RefreshQueue::aViewInTheBackgroundRefreshesOnceHoweverOftenAsked()
{
    TwoWindows windows;
    QVERIFY(windows.ready());
    int refreshes = 0;
    BackgroundRefresh refresh(&windows.background, [&refreshes] { ++refreshes; });
    for (int i = 0; i < 10; ++i)
        refresh.request();
    QCOMPARE(refreshes, 0);
    QVERIFY(refresh.isPending());
    QTRY_COMPARE_WITH_TIMEOUT(refreshes, 1, 5000);
    QVERIFY(!refresh.isPending());
    QTRY_COMPARE_WITH_TIMEOUT(RefreshQueue::instance()->size(), 0, 5000);
    QCOMPARE(refreshes, 1);
    // Asked again after it ran: refreshed again.
    refresh.request();
    QTRY_COMPARE_WITH_TIMEOUT(refreshes, 2, 5000);
}

void tst_RefreshQueue::aWindowThatBecomesActiveRefreshesWhatWaited()
{
    TwoWindows windows;
    QVERIFY(windows.ready());
    // A slow refresh first: the view's turn comes later.
    QObject slow;
    RefreshQueue::instance()->enqueue(&slow, workLongerThanATurn);
    int refreshes = 0;
    BackgroundRefresh refresh(&windows.background, [&refreshes] { ++refreshes; });
    refresh.request();
    QCOMPARE(refreshes, 0);
    refresh.flush(); // what the view does when its window becomes the active one
    QCOMPARE(refreshes, 1);
    QVERIFY(!refresh.isPending());
    // The entry still queued does nothing when its turn comes.
    QTRY_COMPARE_WITH_TIMEOUT(RefreshQueue::instance()->size(), 0, 5000);
    QCOMPARE(refreshes, 1);
    refresh.flush(); // nothing waits
    QCOMPARE(refreshes, 1);
}

void tst_RefreshQueue::aHiddenViewRefreshesAtOnce()
{
    QWidget hidden;
    int refreshes = 0;
    BackgroundRefresh refresh(&hidden, [&refreshes] { ++refreshes; });
    refresh.request();
    QCOMPARE(refreshes, 1);
}

QTEST_MAIN(tst_RefreshQueue)
#include "tst_refreshqueue.moc"
