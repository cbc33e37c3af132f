#include "appcontroller.h"
#include "applicationinfo.h"
#include "durationtext.h"
#include "globalrunnerview.h"
#include "intervalspinbox.h"
#include "labels.h"
#include "menumnemonics.h"
#include "sessionrunnerview.h"
#include "sessionwindow.h"
#include "testsupport.h"

#include <TaskRunner/globalrunnerregistry.h>

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QProgressBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolTip>

#include <atomic>

using namespace std::chrono_literals;

namespace {

QLabel *label(QWidget *window, const char *name)
{
    auto *found = window->findChild<QLabel *>(QString::fromLatin1(name));
    Q_ASSERT(found);
    return found;
}

QAbstractButton *button(QWidget *window, const char *name)
{
    auto *found = window->findChild<QAbstractButton *>(QString::fromLatin1(name));
    Q_ASSERT(found);
    return found;
}

AppOptions testOptions(const QString &key)
{
    AppOptions options;
    options.globalKey = key;
    options.taskSeconds = 0.05;
    return options;
}

// The letters of the Alt+letter shortcuts that the window's menus, buttons and labels show.
QStringList mnemonics(QMainWindow *window)
{
    QStringList texts;
    for (const QAction *menu : window->menuBar()->actions())
        texts << menu->text();
    for (const QAbstractButton *control : window->findChildren<QAbstractButton *>()) {
        if (control->isVisibleTo(window))
            texts << control->text();
    }
    for (const QLabel *caption : window->findChildren<QLabel *>()) {
        if (caption->buddy() && caption->isVisibleTo(window))
            texts << caption->text();
    }
    QStringList letters;
    for (const QString &text : std::as_const(texts)) {
        const QString plain = QString(text).replace(QStringLiteral("&&"), QString());
        const qsizetype at = plain.indexOf(QLatin1Char('&'));
        if (at >= 0 && at + 1 < plain.size())
            letters << plain.mid(at + 1, 1).toLower() + QStringLiteral(" (") + text +
                           QLatin1Char(')');
    }
    return letters;
}

void verifyUniqueMnemonics(QMainWindow *window)
{
    const QStringList letters = mnemonics(window);
    QSet<QChar> seen;
    for (const QString &letter : letters) {
        QVERIFY2(!seen.contains(letter.at(0)), qPrintable(letters.join(QStringLiteral(", "))));
        seen.insert(letter.at(0));
    }
    QVERIFY(letters.size() >= 9);
}

} // namespace

class tst_SessionWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void addTaskThreeTimesShowsStatusInOrder();
    void titleHeadingAndShortcuts();
    void twoWindowsShareOneGlobalRunnerAndThread();
    void intervalSpinBoxPropagatesBothWays();
    void typingIsNotOverwrittenByAnotherWindow();
    void aCommaOrAPointTypedInTheIntervalIsTheDecimalPoint_data();
    void aCommaOrAPointTypedInTheIntervalIsTheDecimalPoint();
    void anIntervalItCannotTakeIsRefusedVisibly_data();
    void anIntervalItCannotTakeIsRefusedVisibly();
    void aLongIntervalIsReadOutInWords_data();
    void aLongIntervalIsReadOutInWords();
    void aDateTimeResultFollowsTheLocale();
    void closingABusyWindowReturnsAtOnce();
    void perWindowResultCountsAreExact();
    void pauseResumeAndRunNowButtons();
    void clearQueueButton();
    void everyActionIsInAMenuAndTheWatchMenuRunsIt();
    void everyControlHasAnAccessibleName();
    void focusStartsOnAddTaskAndMnemonicsAreUnique();
    void theBusyLabelSaysWorkingPausedOrIdleInTheSameRoom();
    void aLongOrMarkedUpKeyIsShownAsPlainTextWithinTheWindow();
    void aShortKeyIsShownWholeWithoutATooltip();
    void aNotificationRepaintsTheLabelsNotTheGroupBox();
    void aWindowInTheBackgroundIsUpdatedLessOften();
};

void tst_SessionWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    TestSupport::installMessageGuard();
    ApplicationInfo::installTranslations();
}

void tst_SessionWindow::init()
{
    TestSupport::clearAppData();
}

void tst_SessionWindow::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        widget->close();
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_SessionWindow::addTaskThreeTimesShowsStatusInOrder()
{
    AppController app(testOptions(QStringLiteral("w-status")));
    TestSupport::Gate gate;
    app.setSessionWorker([&gate](const QVariant &) {
        gate.wait();
        return QVariant(QDateTime::currentDateTime());
    });
    SessionWindow *window = app.newWindow();
    QLabel *status = label(window, "statusLabel");
    QCOMPARE(status->text(), QStringLiteral("The queue is empty"));
    QLabel *lastResultLabel = label(window, "lastResultLabel");
    // Until a task is queued, the tasks are a placeholder, not an empty table.
    QVERIFY(!window->findChild<QTableView *>());
    QCOMPARE(label(window, "tasksPlaceholder")->text(), QStringLiteral("No tasks yet"));
    QCOMPARE(label(window, "tasksCaption")->buddy(), label(window, "tasksPlaceholder")); // Alt+T
    QVERIFY(!(lastResultLabel->textInteractionFlags() & Qt::TextSelectableByMouse));

    // N counts the running task and those waiting, at every moment: the first click's task
    // starts alone, the other two wait behind it.
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Processing: 1 item left."), 5000);
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "queueLabel")->text(),
                              QStringLiteral("Queue: 2 tasks waiting"), 5000);
    QCOMPARE(status->text(), QStringLiteral("Processing: 3 items left."));
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Processing: 2 items left."), 5000);
    QCOMPARE(label(window, "queueLabel")->text(), QStringLiteral("Queue: 1 task waiting"));
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Processing: 1 item left."), 5000);
    QCOMPARE(label(window, "queueLabel")->text(), QStringLiteral("Queue: 0 tasks waiting"));
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("The queue is empty"), 5000);

    const QString lastResult = lastResultLabel->text();
    // To copy it: selectable with the mouse once the pointer is over it, and no longer once it
    // left with nothing selected (as of the next text shown).
    QVERIFY(!(lastResultLabel->textInteractionFlags() & Qt::TextSelectableByMouse));
    QTest::mouseMove(lastResultLabel);
    QTRY_VERIFY_WITH_TIMEOUT(lastResultLabel->textInteractionFlags() & Qt::TextSelectableByMouse,
                             5000);
    QVERIFY(lastResult.startsWith(QLatin1String("Last Result: ")));
    // In the locale's short date and the time to the millisecond.
    const QLocale locale;
    const QDateTime when = locale.toDateTime(
        lastResult.mid(13), locale.dateFormat(QLocale::ShortFormat) + QStringLiteral(" HH:mm:ss") +
                                locale.decimalPoint() + QStringLiteral("zzz"));
    QVERIFY2(when.isValid(), qPrintable(lastResult));
    QVERIFY(qAbs(when.secsTo(QDateTime::currentDateTime())) < 60);
    auto *tasks = window->findChild<QTableView *>(QStringLiteral("taskTable"));
    QVERIFY(tasks && tasks->isVisible());
    QCOMPARE(tasks->model()->rowCount(), 3);
    QCOMPARE(tasks->accessibleName(), QStringLiteral("Tasks"));
    QVERIFY(!window->findChild<QLabel *>(QStringLiteral("tasksPlaceholder")));
    QCOMPARE(label(window, "tasksCaption")->buddy(), tasks); // Alt+T

    QTest::mouseMove(status);
    QTRY_VERIFY_WITH_TIMEOUT(!lastResultLabel->underMouse(), 5000);
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(lastResultLabel->text() != lastResult, 5000);
    QVERIFY(!(lastResultLabel->textInteractionFlags() & Qt::TextSelectableByMouse));
}

void tst_SessionWindow::titleHeadingAndShortcuts()
{
    AppController app(testOptions(QStringLiteral("w-title")));
    SessionWindow *first = app.newWindow();
    SessionWindow *second = app.newWindow();
    QCOMPARE(first->windowTitle(), QStringLiteral("Session 1 — Task Runner"));
    QCOMPARE(second->windowTitle(), QStringLiteral("Session 2 — Task Runner"));
    QCOMPARE(label(first, "headingLabel")->text(),
             QStringLiteral("Session TaskRunner %1").arg(first->runner().id()));
    QVERIFY(first->runner().id() != second->runner().id());

    auto shortcut = [first](const char *action) {
        return first->findChild<QAction *>(QString::fromLatin1(action))->shortcut();
    };
    QCOMPARE(shortcut("newWindowAction"), QKeySequence(QKeySequence::New));
    QCOMPARE(shortcut("closeWindowAction"), QKeySequence(QKeySequence::Close));
    QCOMPARE(shortcut("quitAction"), QKeySequence(QKeySequence::Quit));

    // Ctrl+N opens a third window, Ctrl+W closes it.
    first->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(first));
    QTest::keySequence(first, QKeySequence::New);
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 3, 5000);
    SessionWindow *third = app.windows().constLast();
    QCOMPARE(third->windowTitle(), QStringLiteral("Session 3 — Task Runner"));
    QFuture<void> thirdFinished = third->runner().finished();
    third->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(third));
    QTest::keySequence(third, QKeySequence::Close);
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 2, 5000);
    QVERIFY(app.windows().contains(first) && app.windows().contains(second));
    QTRY_VERIFY_WITH_TIMEOUT(thirdFinished.isFinished(), 5000);
}

void tst_SessionWindow::twoWindowsShareOneGlobalRunnerAndThread()
{
    AppController app(testOptions(QStringLiteral("example-worker"))); // the default watch only
    SessionWindow *a = app.newWindow();
    SessionWindow *b = app.newWindow();
    const QString heading = QStringLiteral("Global TaskRunner %1").arg(app.globalRunner().id());
    QCOMPARE(a->globalView()->findChild<QLabel *>(QStringLiteral("headingLabel"))->text(), heading);
    QCOMPARE(b->globalView()->findChild<QLabel *>(QStringLiteral("headingLabel"))->text(), heading);
    QCOMPARE(TaskRunner::GlobalRunnerRegistry::instance()->keys(),
             QStringList{QStringLiteral("example-worker")});
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("global "), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session "), 2, 5000);
}

void tst_SessionWindow::intervalSpinBoxPropagatesBothWays()
{
    AppController app(testOptions(QStringLiteral("w-interval")));
    SessionWindow *a = app.newWindow();
    SessionWindow *b = app.newWindow();
    QDoubleSpinBox *spinA = a->globalView()->intervalSpinBox();
    QDoubleSpinBox *spinB = b->globalView()->intervalSpinBox();
    QCOMPARE(spinA->value(), 0.33);
    QCOMPARE(spinA->accessibleName(), QStringLiteral("Interval (seconds)"));
    QCOMPARE(spinA->suffix(), QStringLiteral(" s"));
    QCOMPARE(spinA->decimals(), 3);
    QCOMPARE(spinA->minimum(), 0.001);

    // Typed in A, committed with Enter.
    a->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(a));
    spinA->setFocus();
    spinA->selectAll();
    QTest::keyClicks(spinA, QStringLiteral("2.5"));
    QTest::keyClick(spinA, Qt::Key_Return);
    QCOMPARE(app.globalRunner().interval(), 2.5);
    QTRY_COMPARE_WITH_TIMEOUT(spinB->value(), 2.5, 5000);
    QCOMPARE(app.settings().interval(QStringLiteral("w-interval"), 0), 2.5);

    // The arrow key in B.
    b->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(b));
    spinB->setFocus();
    QTest::keyClick(spinB, Qt::Key_Up);
    QVERIFY(spinB->value() > 2.5);
    QCOMPARE(app.globalRunner().interval(), spinB->value());
    QTRY_COMPARE_WITH_TIMEOUT(spinA->value(), spinB->value(), 5000);

    // A change that does not come from a window: both follow, and nothing bounces back.
    QVERIFY(app.globalRunner().setInterval(0.75));
    QTRY_COMPARE_WITH_TIMEOUT(spinA->value(), 0.75, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(spinB->value(), 0.75, 5000);
    QCOMPARE(app.globalRunner().interval(), 0.75);
}

void tst_SessionWindow::typingIsNotOverwrittenByAnotherWindow()
{
    AppController app(testOptions(QStringLiteral("w-typing")));
    SessionWindow *a = app.newWindow();
    SessionWindow *b = app.newWindow();
    QDoubleSpinBox *spinA = a->globalView()->intervalSpinBox();
    QDoubleSpinBox *spinB = b->globalView()->intervalSpinBox();

    a->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(a));
    spinA->setFocus();
    spinA->selectAll();
    QTest::keyClicks(spinA, QStringLiteral("4"));
    // Meanwhile the interval changes elsewhere: A's half-typed text stays.
    spinB->setValue(1.25);
    QTRY_COMPARE_WITH_TIMEOUT(app.globalRunner().interval(), 1.25, 5000);
    QTest::qWait(50); // negative check: give a notification time to (wrongly) overwrite
    QCOMPARE(spinA->cleanText(), QStringLiteral("4"));
    // Committing the typed value makes it the shared one.
    QTest::keyClick(spinA, Qt::Key_Return);
    QCOMPARE(app.globalRunner().interval(), 4.0);
    QTRY_COMPARE_WITH_TIMEOUT(spinB->value(), 4.0, 5000);
}

void tst_SessionWindow::aCommaOrAPointTypedInTheIntervalIsTheDecimalPoint_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<double>("interval");
    QTest::addColumn<QString>("shown");

    const QLocale c = QLocale::c();
    const QLocale german(QLocale::German, QLocale::Germany);
    QTest::newRow("C, comma") << c << QStringLiteral("5,5") << 5.5 << QStringLiteral("5.500 s");
    QTest::newRow("C, point") << c << QStringLiteral("5.5") << 5.5 << QStringLiteral("5.500 s");
    QTest::newRow("German, comma")
        << german << QStringLiteral("5,5") << 5.5 << QStringLiteral("5,500 s");
    QTest::newRow("German, point")
        << german << QStringLiteral("5.5") << 5.5 << QStringLiteral("5,500 s");
}

void tst_SessionWindow::aCommaOrAPointTypedInTheIntervalIsTheDecimalPoint()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, typed);
    QFETCH(double, interval);
    QFETCH(QString, shown);

    // A comma typed where the locale groups digits with it used to be dropped: 5,5 became 55 s.
    QSettings().clear(); // no interval saved by an earlier row
    AppController app(testOptions(QStringLiteral("w-separator")));
    SessionWindow *window = app.newWindow();
    QCOMPARE(app.globalRunner().interval(), 0.33);
    QDoubleSpinBox *spin = window->globalView()->intervalSpinBox();
    spin->setLocale(locale);
    spin->setValue(spin->value()); // shown in the new locale
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, typed);
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(app.globalRunner().interval(), interval);
    QCOMPARE(spin->text(), shown);
}

void tst_SessionWindow::anIntervalItCannotTakeIsRefusedVisibly_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("said");

    // Each used to be taken silently as something else, or put back without a word.
    QTest::newRow("exponent") << QStringLiteral("1e3") << QStringLiteral("“1e3” is not a number");
    QTest::newRow("two points") << QStringLiteral("5.5.5")
                                << QStringLiteral("“5.5.5” is not a number");
    QTest::newRow("a point and a comma")
        << QStringLiteral("1,2.3") << QStringLiteral("“1.2.3” is not a number");
    QTest::newRow("sign") << QStringLiteral("-1") << QStringLiteral("“-1” is not a number");
    QTest::newRow("zero") << QStringLiteral("0")
                          << QStringLiteral("0 s is shorter than the shortest interval, 0.001 s");
    QTest::newRow("too fine") << QStringLiteral("0.0005") << QStringLiteral("At most 3 decimals");
    QTest::newRow("too long") << QStringLiteral("40000000")
                              << QStringLiteral("40000000 s is longer than the longest interval");
    QTest::newRow("nothing") << QString() << QStringLiteral("Type a number of seconds");
}

void tst_SessionWindow::anIntervalItCannotTakeIsRefusedVisibly()
{
    QFETCH(QString, typed);
    QFETCH(QString, said);

    QSettings().clear();
    AppController app(testOptions(QStringLiteral("w-refused")));
    SessionWindow *window = app.newWindow();
    auto *spin = qobject_cast<IntervalSpinBox *>(window->globalView()->intervalSpinBox());
    QVERIFY(spin);
    spin->setLocale(QLocale::c());
    spin->setValue(spin->value());
    auto *hint = window->globalView()->findChild<QLabel *>(QStringLiteral("intervalHint"));
    QVERIFY(hint);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QVERIFY(hint->isHidden()); // nothing to say of 0.33 s
    QVERIFY2(spin->toolTip().contains(QStringLiteral("from 0.001 s to 31,536,000 s (1 year)")),
             qPrintable(spin->toolTip()));

    spin->setFocus();
    spin->selectAll();
    QTest::keyClick(spin, Qt::Key_Delete);
    QTest::keyClicks(spin, typed);
    // As typed, with what is wrong said under it (and to a screen reader).
    QCOMPARE(spin->text(), QString(typed).replace(QLatin1Char(','), QLatin1Char('.')) +
                               QStringLiteral(" s")); // a comma is the C locale's point
    QVERIFY2(hint->isVisible() && hint->text().contains(said), qPrintable(hint->text()));
    QVERIFY(spin->hasProblem());
    QCOMPARE(spin->accessibleDescription(), hint->text());
    QCOMPARE_NE(hint->palette().color(QPalette::WindowText),
                window->palette().color(QPalette::WindowText));

    // Enter keeps the interval it had, and says so.
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(app.globalRunner().interval(), 0.33);
    QCOMPARE(spin->text(), QStringLiteral("0.330 s"));
    QVERIFY2(hint->text().contains(said) &&
                 hint->text().endsWith(QStringLiteral("The interval stays 0.330 s.")),
             qPrintable(hint->text()));
    // Read, it goes once the focus leaves the field, which shows a good interval.
    QWidget *elsewhere = window->findChild<QWidget *>(QStringLiteral("commandEdit"));
    elsewhere->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(elsewhere->hasFocus(), 5000);
    QVERIFY2(hint->isHidden(), qPrintable(hint->text()));
    QVERIFY(!spin->hasProblem());
    spin->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(spin->hasFocus(), 5000);
    spin->selectAll();
    QTest::keyClick(spin, Qt::Key_Delete);
    QTest::keyClicks(spin, typed);
    QTest::keyClick(spin, Qt::Key_Return);
    QVERIFY2(hint->text().endsWith(QStringLiteral("The interval stays 0.330 s.")),
             qPrintable(hint->text()));

    // A good interval typed next clears it.
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("2"));
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(app.globalRunner().interval(), 2.0);
    QVERIFY(hint->isHidden());
    QVERIFY(!spin->hasProblem());
}

void tst_SessionWindow::aLongIntervalIsReadOutInWords_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("words");

    QTest::newRow("under a minute") << 59.5 << QString();
    QTest::newRow("a minute") << 60.0 << QStringLiteral("= 1 minute");
    QTest::newRow("an hour and a half") << 5400.0 << QStringLiteral("= 1 hour 30 minutes");
    QTest::newRow("a day and an hour") << 90061.0 << QStringLiteral("= 1 day 1 hour");
    QTest::newRow("two hours") << 7201.0 << QStringLiteral("= 2 hours");
    QTest::newRow("a year") << 31536000.0 << QStringLiteral("= 1 year");
}

void tst_SessionWindow::aLongIntervalIsReadOutInWords()
{
    QFETCH(double, seconds);
    QFETCH(QString, words);

    QSettings().clear();
    AppController app(testOptions(QStringLiteral("w-words")));
    SessionWindow *window = app.newWindow();
    SessionWindow *other = app.newWindow();
    auto *hint = window->globalView()->findChild<QLabel *>(QStringLiteral("intervalHint"));
    QVERIFY(hint);
    window->show();
    // Set in the other window: this one reads it out too.
    other->globalView()->intervalSpinBox()->setValue(seconds);
    QTRY_COMPARE_WITH_TIMEOUT(window->globalView()->intervalSpinBox()->value(), seconds, 5000);
    QCOMPARE(window->globalView()->findChild<IntervalSpinBox *>()->hint(), words);
    QCOMPARE(hint->text(), words);
    QCOMPARE(hint->isVisible(), !words.isEmpty());
}

void tst_SessionWindow::aDateTimeResultFollowsTheLocale()
{
    const QDateTime when(QDate(2026, 12, 1), QTime(12, 17, 7, 609));
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString german = resultText(when);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QString english = resultText(when);
    QLocale::setDefault(before);
    QCOMPARE(german, QStringLiteral("01.12.2026 12:17:07,609"));
    QCOMPARE(english, QStringLiteral("12/1/2026 12:17:07.609"));
    QCOMPARE(resultText(QStringLiteral("plain")), QStringLiteral("plain")); // not a date-time
}

void tst_SessionWindow::closingABusyWindowReturnsAtOnce()
{
    AppController app(testOptions(QStringLiteral("w-close")));
    TestSupport::Gate gate; // the worker ignores interruption for up to 5 s
    app.setSessionWorker([&gate](const QVariant &) {
        gate.wait(5s);
        return QVariant();
    });
    SessionWindow *window = app.newWindow();
    TaskRunner::SessionRunner runner = window->runner();
    window->sessionView()->addTask();
    window->sessionView()->addTask();
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().busy, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session "), 1, 5000);

    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(window->close());
    const qint64 closeMs = elapsed.elapsed();
    QVERIFY2(closeMs < 50, qPrintable(QString::number(closeMs)));

    QVERIFY(!runner.finished().isFinished()); // its task still runs
    QCOMPARE(TestSupport::threadCount("session "), 1);
    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session "), 0, 10000);
}

void tst_SessionWindow::perWindowResultCountsAreExact()
{
    // A global runner that runs only when asked, there before the app asks for the key.
    TaskRunner::GlobalRunner runner = TaskRunner::GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("w-count"), [] { return QVariant(1); }, 3600);
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 1u, 5000);
    AppController app(testOptions(QStringLiteral("w-count")));
    QCOMPARE(app.globalRunner(), runner);
    auto runOnce = [runner]() mutable {
        const quint64 before = runner.state().runs;
        runner.runNow();
        QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, before + 1, 5000);
    };

    SessionWindow *a = app.newWindow();
    for (int i = 0; i < 3; ++i)
        runOnce();
    SessionWindow *b = app.newWindow();
    for (int i = 0; i < 2; ++i)
        runOnce();

    QTRY_COMPARE_WITH_TIMEOUT(a->globalView()->resultsSinceOpened(), 5u, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(b->globalView()->resultsSinceOpened(), 2u, 5000);
    QCOMPARE(label(a->globalView(), "resultsLabel")->text(),
             QStringLiteral("5 results produced during this session"));
    QCOMPARE(label(b->globalView(), "resultsLabel")->text(),
             QStringLiteral("2 results produced during this session"));
}

void tst_SessionWindow::pauseResumeAndRunNowButtons()
{
    std::atomic<int> calls{0};
    TaskRunner::GlobalRunner runner = TaskRunner::GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("w-buttons"),
        [&calls]() -> QVariant {
            if (++calls == 2)
                throw std::runtime_error("feed offline");
            return QStringLiteral("fresh data");
        },
        3600);
    AppController app(testOptions(QStringLiteral("w-buttons")));
    SessionWindow *window = app.newWindow();
    GlobalRunnerView *view = window->globalView();
    QTRY_COMPARE_WITH_TIMEOUT(label(view, "lastResultLabel")->text(),
                              QStringLiteral("Last Result: fresh data"), 5000);
    QCOMPARE(label(view, "lastExceptionLabel")->text(), QStringLiteral("Last Exception: None"));

    QTest::mouseClick(button(view, "runNowButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(label(view, "lastExceptionLabel")->text(),
                              QStringLiteral("Last Exception: feed offline"), 5000);
    QTest::mouseClick(button(view, "pauseButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(button(view, "pauseButton")->text(), QStringLiteral("&Resume"), 5000);
    QVERIFY(runner.state().paused);
    QTest::mouseClick(button(view, "runNowButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(label(view, "lastExceptionLabel")->text(),
                              QStringLiteral("Last Exception: None"), 5000); // cleared by success
    QTest::mouseClick(button(view, "pauseButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!runner.state().paused, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(button(view, "pauseButton")->text(), QStringLiteral("&Pause"), 5000);
}

void tst_SessionWindow::everyActionIsInAMenuAndTheWatchMenuRunsIt()
{
    std::atomic<int> calls{0};
    TaskRunner::GlobalRunner runner = TaskRunner::GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("w-menus"), [&calls]() -> QVariant { return ++calls; }, 3600);
    AppController app(testOptions(QStringLiteral("w-menus")));
    SessionWindow *window = app.newWindow();
    auto menu = [window](const char *name) {
        auto *found = window->findChild<QMenu *>(QString::fromLatin1(name));
        Q_ASSERT(found);
        QStringList texts;
        for (const QAction *action : found->actions())
            texts << (action->isSeparator() ? QStringLiteral("-") : action->text());
        return texts;
    };
    // The freedesktop File menu: windows, the history, closing and quitting.
    QCOMPARE(menu("fileMenu"),
             (QStringList{QStringLiteral("&New Session Window"), QStringLiteral("Task &History…"),
                          QStringLiteral("-"), QStringLiteral("&Close Window"),
                          QStringLiteral("&Quit")}));
    const QStringList session = menu("sessionMenu");
    for (const char *text : {"&Add Task", "Pause Queue", "Clear Queue"})
        QVERIFY2(std::any_of(session.cbegin(), session.cend(),
                             [text](const QString &entry) {
                                 return QString(entry).remove(QLatin1Char('&')) ==
                                        QString::fromUtf8(text).remove(QLatin1Char('&'));
                             }),
                 qPrintable(session.join(QLatin1Char('|'))));
    QCOMPARE(menu("watchMenu"),
             (QStringList{QStringLiteral("&New Watch…"), QStringLiteral("&Edit Watch…"),
                          QStringLiteral("Re&move Watch"), QStringLiteral("-"),
                          QStringLiteral("&Pause Watch"), QStringLiteral("&Run Now")}));
    // Every action of the window is in one of its menus.
    QStringList inMenus;
    for (const QMenu *each : window->menuBar()->findChildren<QMenu *>())
        for (const QAction *action : each->actions())
            inMenus << action->objectName();
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->isSeparator() || action->menu() || action->objectName().isEmpty() ||
            action->parent()->inherits("QLineEdit") || action->parent()->inherits("QMenu") ||
            action->objectName().startsWith(QLatin1String("qt_")))
            continue;
        QVERIFY2(inMenus.contains(action->objectName()), qPrintable(action->objectName()));
    }

    // Run Now on its standard key (F5), and Pause from the menu, for every window.
    QTRY_COMPARE_WITH_TIMEOUT(calls.load(), 1, 5000);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keySequence(window, QKeySequence::Refresh);
    QTRY_COMPARE_WITH_TIMEOUT(calls.load(), 2, 5000);
    auto *pause = window->findChild<QAction *>(QStringLiteral("pauseWatchAction"));
    pause->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().paused, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(pause->text(), QStringLiteral("&Resume Watch"), 5000);
    QCOMPARE(button(window->globalView(), "pauseButton")->text(), QStringLiteral("&Resume"));
    pause->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!runner.state().paused, 5000);
}

void tst_SessionWindow::clearQueueButton()
{
    AppController app(testOptions(QStringLiteral("w-clear")));
    TestSupport::Gate gate;
    app.setSessionWorker([&gate](const QVariant &) {
        gate.wait();
        return QVariant();
    });
    SessionWindow *window = app.newWindow();
    for (int i = 0; i < 4; ++i)
        QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "queueLabel")->text(),
                              QStringLiteral("Queue: 3 tasks waiting"), 5000);
    QVERIFY(button(window, "clearQueueButton")->isEnabled());
    QTest::mouseClick(button(window, "clearQueueButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "queueLabel")->text(),
                              QStringLiteral("Queue: 0 tasks waiting"), 5000);
    QVERIFY(!button(window, "clearQueueButton")->isEnabled());
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(window->runner().state().done, 1u, 5000);
}

void tst_SessionWindow::everyControlHasAnAccessibleName()
{
    AppController app(testOptions(QStringLiteral("w-a11y")));
    SessionWindow *window = app.newWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *widget : widgets) {
        const bool control =
            qobject_cast<QAbstractButton *>(widget) || qobject_cast<QAbstractSpinBox *>(widget) ||
            qobject_cast<QLabel *>(widget) || qobject_cast<QAbstractItemView *>(widget) ||
            qobject_cast<QLineEdit *>(widget) || qobject_cast<QProgressBar *>(widget);
        if (!control || !widget->isVisibleTo(window))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(accessible);
        QVERIFY2(!accessible->text(QAccessible::Name).trimmed().isEmpty(),
                 qPrintable(widget->objectName()));
        // A label speaks its text (the status, the last result, ...), not a fixed name.
        if (auto *text = qobject_cast<QLabel *>(widget); text && text->pixmap().isNull())
            QCOMPARE(accessible->text(QAccessible::Name), text->text().remove(QLatin1Char('&')));
        ++checked;
    }
    QVERIFY(checked >= 15);
}

void tst_SessionWindow::focusStartsOnAddTaskAndMnemonicsAreUnique()
{
    AppController app(testOptions(QStringLiteral("w-keys")));
    SessionWindow *window = app.newWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QCOMPARE(QApplication::focusWidget(), button(window, "addTaskButton"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(window->runner().state().done, 1u, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QTableView *>(), 5000); // its caption has a key
    verifyUniqueMnemonics(window);
    // Each menu's entries have keys of their own, also with the queue paused (its entry then
    // reads Resume Queue).
    QString menus = TestSupport::menuMnemonicProblems(window->menuBar());
    QVERIFY2(menus.isEmpty(), qPrintable(menus));
    window->runner().pause();
    QTRY_COMPARE_WITH_TIMEOUT(window->sessionView()->pauseQueueAction()->text(),
                              QStringLiteral("R&esume Queue"), 5000);
    menus = TestSupport::menuMnemonicProblems(window->menuBar());
    QVERIFY2(menus.isEmpty(), qPrintable(menus));
    window->runner().resume();

    // The command field has a key of its own: Alt+M reaches it from anywhere in the window.
    QTest::keyClick(window, Qt::Key_M, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(),
                              window->findChild<QWidget *>(QStringLiteral("commandEdit")), 5000);

    // Paused, the button says Resume: Alt+R must resume, not go to another control.
    QTest::mouseClick(button(window, "pauseButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(button(window, "pauseButton")->text(), QStringLiteral("&Resume"),
                              5000);
    verifyUniqueMnemonics(window);
    QTest::keyClick(window, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(button(window, "pauseButton")->text(), QStringLiteral("&Pause"),
                              5000);
}

void tst_SessionWindow::theBusyLabelSaysWorkingPausedOrIdleInTheSameRoom()
{
    AppController app(testOptions(QStringLiteral("w-busy")));
    TestSupport::Gate gate;
    app.setSessionWorker([&gate](const QVariant &) {
        gate.wait();
        return QVariant();
    });
    SessionWindow *window = app.newWindow();
    QLabel *busy = label(window, "busyLabel");
    QCOMPARE(busy->text(), QStringLiteral("Idle"));
    // The room the layout gives the label: it must not change with the text.
    auto room = [busy] { return std::max(busy->minimumWidth(), busy->minimumSizeHint().width()); };
    const int idle = room();
    QVERIFY(busy->sizeHint().width() <= idle);
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(busy->text(), QStringLiteral("● Working"), 5000);
    QCOMPARE(room(), idle);
    QVERIFY(busy->sizeHint().width() <= idle);
    // Paused, the running task goes on and the label says the queue pauses after it; once it
    // ended, that the queue is paused rather than idle.
    QTest::mouseClick(button(window, "pauseQueueButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window->runner().state().paused, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(busy->text(), QStringLiteral("● Pausing"), 5000);
    QCOMPARE(room(), idle);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(busy->text(), QStringLiteral("Paused"), 5000);
    QCOMPARE(room(), idle);
    QVERIFY(busy->sizeHint().width() <= idle);
    QTest::mouseClick(button(window, "pauseQueueButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(busy->text(), QStringLiteral("Idle"), 5000);
}

void tst_SessionWindow::aLongOrMarkedUpKeyIsShownAsPlainTextWithinTheWindow()
{
    int usualWidth = 0;
    {
        AppController app(testOptions(QStringLiteral("w-key")));
        usualWidth = app.newWindow()->minimumSizeHint().width();
    }
    const QString key = QStringLiteral("<h1>big</h1>") + QString(150, QLatin1Char('W'));
    AppController app(testOptions(key));
    SessionWindow *window = app.newWindow();
    QLabel *keyLabel = label(window, "keyLabel");
    QCOMPARE(keyLabel->text(), QStringLiteral("Key: ") + key);
    QCOMPARE(keyLabel->textFormat(), Qt::PlainText); // the markup is shown, not applied
    QCOMPARE(keyLabel->toolTip(), key);
    QCOMPARE(window->minimumSizeHint().width(), usualWidth);

    // Shown cut with "…", and the tooltip (all of it) above the label, off the Interval field.
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *elided = qobject_cast<ElidedLabel *>(keyLabel);
    QVERIFY(elided && elided->isElided());
    QVERIFY(elided->shownText().endsWith(QChar(0x2026)));
    QVERIFY(keyLabel->width() >= keyLabel->fontMetrics().horizontalAdvance(elided->shownText()));
    QHelpEvent help(QEvent::ToolTip, QPoint(5, 5), keyLabel->mapToGlobal(QPoint(5, 5)));
    QApplication::sendEvent(keyLabel, &help);
    QWidget *tip = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((tip =
                                  [] {
                                      for (QWidget *widget : QApplication::topLevelWidgets())
                                          if (widget->inherits("QTipLabel") && widget->isVisible())
                                              return widget;
                                      return static_cast<QWidget *>(nullptr);
                                  }()),
                             5000);
    QVERIFY2(tip->geometry().bottom() < keyLabel->mapToGlobal(QPoint(0, 0)).y(),
             qPrintable(QStringLiteral("tip %1, label at %2")
                            .arg(tip->geometry().bottom())
                            .arg(keyLabel->mapToGlobal(QPoint(0, 0)).y())));
    QToolTip::hideText();
}

void tst_SessionWindow::aShortKeyIsShownWholeWithoutATooltip()
{
    AppController app(testOptions(QStringLiteral("short")));
    SessionWindow *window = app.newWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *elided = qobject_cast<ElidedLabel *>(label(window, "keyLabel"));
    QVERIFY(elided);
    QVERIFY(!elided->isElided());
    QCOMPARE(elided->shownText(), QStringLiteral("Key: short"));
    QHelpEvent help(QEvent::ToolTip, QPoint(5, 5), elided->mapToGlobal(QPoint(5, 5)));
    QApplication::sendEvent(elided, &help);
    QVERIFY(!QToolTip::isVisible());
}

void tst_SessionWindow::aNotificationRepaintsTheLabelsNotTheGroupBox()
{
    // The texts a notification changes are repainted on the view's own background; the group
    // box around it (whose paint lays out its title again) is left alone.
    struct PaintSpy : QObject
    {
        int paints = 0;
        QString lastPaintedText; // of a label
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Paint) {
                ++paints;
                if (const auto *label = qobject_cast<QLabel *>(watched))
                    lastPaintedText = label->text();
            }
            return false;
        }
    };
    AppController app(testOptions(QStringLiteral("w-paint")));
    TestSupport::Gate gate;
    app.setSessionWorker([&gate](const QVariant &task) {
        gate.wait();
        return task;
    });
    SessionWindow *window = app.newWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *group = window->findChild<QWidget *>(QStringLiteral("sessionGroup"));
    QVERIFY(group);
    QLabel *status = label(window, "statusLabel");
    PaintSpy groupSpy;
    PaintSpy statusSpy;
    status->installEventFilter(&statusSpy);
    status->update(); // the first paint of the window is over once this one is
    QTRY_COMPARE_WITH_TIMEOUT(statusSpy.lastPaintedText, QStringLiteral("The queue is empty"),
                              5000);
    group->installEventFilter(&groupSpy);

    window->sessionView()->addTask();
    QTRY_COMPARE_WITH_TIMEOUT(statusSpy.lastPaintedText, QStringLiteral("Processing: 1 item left."),
                              5000);
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(statusSpy.lastPaintedText, QStringLiteral("The queue is empty"),
                              5000);
    QCOMPARE(groupSpy.paints, 0);
}

void tst_SessionWindow::aWindowInTheBackgroundIsUpdatedLessOften()
{
    using namespace std::chrono_literals;
    AppController app(testOptions(QStringLiteral("w-rate")));
    TestSupport::Gate gate;
    app.setSessionWorker([&gate](const QVariant &, TaskRunner::TaskContext &context) {
        gate.wait();
        context.setProgress(1, 2);
        gate.wait();
        return QVariant(QStringLiteral("done"));
    });
    SessionWindow *front = app.newWindow();
    SessionWindow *back = app.newWindow();
    front->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(front));
    QTRY_COMPARE_WITH_TIMEOUT(front->sessionView()->updateGap(), 50ms, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(back->sessionView()->updateGap(), 1000ms, 5000);

    // The window in the background still shows its task's progress and end.
    back->sessionView()->addTask();
    auto *progress = back->findChild<QProgressBar *>(QStringLiteral("progressBar"));
    QVERIFY(progress);
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), 5000);
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(progress->value(), 500, 5000);

    // Activated, it gets the shorter gap; the other one the longer.
    back->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(back));
    QTRY_COMPARE_WITH_TIMEOUT(back->sessionView()->updateGap(), 50ms, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(front->sessionView()->updateGap(), 1000ms, 5000);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(label(back, "lastResultLabel")->text(),
                              QStringLiteral("Last Result: done"), 5000);
    // Hidden, it is in the background too.
    back->hide();
    QTRY_COMPARE_WITH_TIMEOUT(back->sessionView()->updateGap(), 1000ms, 5000);
}

QTEST_MAIN(tst_SessionWindow)
#include "tst_sessionwindow.moc"
