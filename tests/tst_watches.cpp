#include "appcontroller.h"
#include "applicationinfo.h"
#include "globalrunnerview.h"
#include "sessionwindow.h"
#include "testsupport.h"
#include "watchchart.h"
#include "watchdialog.h"
#include "watchhistory.h"
#include "watchmanager.h"
#include "watchrunview.h"

#include <TaskRunner/globalrunnerregistry.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>

using namespace std::chrono_literals;

namespace {

AppOptions testOptions()
{
    AppOptions options;
    options.taskSeconds = 0.05; // the default watch's example runs are short
    return options;
}

WatchDefinition commandWatch(const QString &name, const QString &line, bool shell = false,
                             double interval = 3600)
{
    WatchDefinition watch;
    watch.name = name;
    watch.source = WatchDefinition::Source::Command;
    watch.command = TaskRunner::CommandSpec::fromLine(line, shell);
    watch.interval = interval;
    return watch;
}

WatchDefinition samplerWatch(const QString &name, TaskRunner::SamplerKind kind,
                             const QString &folder = {})
{
    WatchDefinition watch;
    watch.name = name;
    watch.source = WatchDefinition::Source::Sampler;
    watch.sampler = kind;
    watch.folder = folder;
    watch.interval = 3600;
    return watch;
}

QStringList comboItems(const QComboBox *combo)
{
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items << combo->itemText(i);
    return items;
}

double procNumber(const char *file, const QByteArray &key = {})
{
    QFile proc(QString::fromLatin1(file));
    if (!proc.open(QIODevice::ReadOnly))
        return qQNaN();
    const QByteArray contents = proc.readAll();
    if (key.isEmpty())
        return contents.left(contents.indexOf(' ')).toDouble();
    for (const QByteArray &line : contents.split('\n')) {
        if (line.startsWith(key + ':'))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toDouble();
    }
    return qQNaN();
}

// Runs `fill` on the dialog that opens next (from the event loop, as a user would type).
void onNextDialog(std::function<void(WatchDialog *)> fill)
{
    QTimer::singleShot(0, qApp, [fill] {
        auto *dialog = qobject_cast<WatchDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        fill(dialog);
    });
}

} // namespace

class tst_Watches : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void cleanup();

    void theDefaultWatchIsAlwaysThere();
    void commandWatchesReportResultsExitCodesAndErrors_data();
    void commandWatchesReportResultsExitCodesAndErrors();
    void samplersReadWhatProcSays_data();
    void samplersReadWhatProcSays();
    void twoWindowsFollowANewEditedAndRemovedWatch();
    void theWatchListKeepsItsWidthAndBuildsItsPopupWhenOpened();
    void editingTheSourceReplacesTheRunner();
    void watchesSurviveARestartAndGarbageIsSkippedWithOneWarning();
    void aPausedWatchStaysPausedAcrossARestart();
    void aSecondCaseOfANameAndWatchesBeyondTheLimitAreNotLoaded();
    void theDialogSaysWhatIsWrongAndOkWaits();
    void newWatchThroughTheDialogAndTheMenu();
    void historySteppingBackShowsTheRunAndItsChanges();
    void theChartFollowsNumbersInEveryWindow();
    void theChartTakesAHundredThousandNumbers();
    void stateLineSaysWhatTheWatchDoes();
    void theStateIsNotCutInANarrowWindow();
    void openingTheHistoryMakesRoomForItAndClosingItGivesItBack();
    void waitTextIsReadableForLongPauses_data();
    void waitTextIsReadableForLongPauses();
    void perWindowCountsStayExactAcrossAnEdit();
    void aChangedResultIsNotifiedAtMostOncePerGap();
};

void tst_Watches::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installMessageGuard();
    ApplicationInfo::installTranslations();
}

void tst_Watches::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        widget->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_Watches::theDefaultWatchIsAlwaysThere()
{
    AppController app(testOptions());
    WatchManager *manager = app.watchManager();
    QCOMPARE(manager->names(), QStringList{QStringLiteral("example-worker")});
    Watch *watch = manager->defaultWatch();
    QCOMPARE(watch->runner().interval(), 0.33);
    QVERIFY(!manager->removeWatch(watch));
    SessionWindow *window = app.newWindow();
    QCOMPARE(window->globalView()->watch(), watch);
    QCOMPARE(window->globalView()->watchCombo()->accessibleName(), QStringLiteral("Watch"));
    QVERIFY(!window->globalView()->watchActions().at(2)->isEnabled()); // Remove
    QCOMPARE(TaskRunner::GlobalRunnerRegistry::instance()->keys(),
             QStringList{QStringLiteral("example-worker")});
    // Edited, its name and source look fixed, and the interval is what there is to change.
    WatchDialog dialog({});
    dialog.setDefinition(watch->definition());
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->isEnabled());
    QVERIFY(!dialog.findChild<QComboBox *>(QStringLiteral("sourceCombo"))->isEnabled());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(),
                              static_cast<QWidget *>(dialog.findChild<QDoubleSpinBox *>(
                                  QStringLiteral("intervalSpinBox"))),
                              5000);
}

void tst_Watches::commandWatchesReportResultsExitCodesAndErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("shell");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("last line") << QStringLiteral("printf 'a\\nb\\n'") << true << false
                               << QStringLiteral("b") << 0;
    QTest::newRow("silent") << QStringLiteral("true") << false << false << QStringLiteral("exit 0")
                            << 0;
    QTest::newRow("exit 3") << QStringLiteral("echo oops >&2; exit 3") << true << true
                            << QStringLiteral("exit status 3: oops") << 3;
    QTest::newRow("not found") << QStringLiteral("/nonexistent/program") << false << true
                               << QStringLiteral("cannot run") << -1;
}

void tst_Watches::commandWatchesReportResultsExitCodesAndErrors()
{
    QFETCH(QString, line);
    QFETCH(bool, shell);
    QFETCH(bool, failed);
    QFETCH(QString, text);
    QFETCH(int, exitCode);
    AppController app(testOptions());
    Watch *watch = app.watchManager()->addWatch(commandWatch(QStringLiteral("cmd"), line, shell));
    QVERIFY(watch);
    QTRY_COMPARE_WITH_TIMEOUT(watch->history()->rowCount(), 1, 10000);
    const WatchEntry *entry = watch->history()->latest();
    QCOMPARE(entry->failed, failed);
    QVERIFY2(entry->text.startsWith(text), qPrintable(entry->text));
    if (exitCode >= 0) {
        QVERIFY(entry->exitCode);
        QCOMPARE(*entry->exitCode, exitCode);
    }
    // Its output is kept with the run, as for tasks.
    if (!failed && text != QLatin1String("exit 0"))
        QVERIFY(entry->fullText().contains(text));
}

void tst_Watches::samplersReadWhatProcSays_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("load average") << int(TaskRunner::SamplerKind::LoadAverage)
                                  << procNumber("/proc/loadavg") << 0.5;
    const double memory =
        (procNumber("/proc/meminfo", "MemTotal") - procNumber("/proc/meminfo", "MemAvailable")) /
        1024.0;
    QTest::newRow("memory in use")
        << int(TaskRunner::SamplerKind::MemoryInUse) << memory << std::max(64.0, memory * 0.1);
    const QStorageInfo storage(QDir::tempPath());
    QTest::newRow("free space") << int(TaskRunner::SamplerKind::FreeSpace)
                                << double(storage.bytesAvailable()) / double(1 << 30) << 0.5;
}

void tst_Watches::samplersReadWhatProcSays()
{
    QFETCH(int, kind);
    QFETCH(double, expected);
    QFETCH(double, tolerance);
    AppController app(testOptions());
    Watch *watch = app.watchManager()->addWatch(
        samplerWatch(QStringLiteral("sampler"), TaskRunner::SamplerKind(kind), QDir::tempPath()));
    QVERIFY(watch);
    QTRY_COMPARE_WITH_TIMEOUT(watch->history()->rowCount(), 1, 10000);
    const WatchEntry *entry = watch->history()->latest();
    QVERIFY2(!entry->failed, qPrintable(entry->text));
    QVERIFY(entry->number);
    QVERIFY2(std::abs(*entry->number - expected) <= tolerance,
             qPrintable(QStringLiteral("%1 vs %2").arg(*entry->number).arg(expected)));
    QCOMPARE(watch->history()->series().count(), 1u);
}

void tst_Watches::twoWindowsFollowANewEditedAndRemovedWatch()
{
    AppController app(testOptions());
    WatchManager *manager = app.watchManager();
    SessionWindow *a = app.newWindow();
    SessionWindow *b = app.newWindow();
    QComboBox *comboA = a->globalView()->watchCombo();
    QComboBox *comboB = b->globalView()->watchCombo();

    Watch *watch =
        manager->addWatch(commandWatch(QStringLiteral("echo"), QStringLiteral("echo 1")));
    QVERIFY(watch);
    const QStringList both{QStringLiteral("example-worker"), QStringLiteral("echo")};
    QCOMPARE(comboItems(comboA), both);
    QCOMPARE(comboItems(comboB), both);
    // B keeps showing the default watch; A picks the new one in its combo box.
    comboA->setCurrentIndex(1);
    emit comboA->activated(1);
    QCOMPARE(a->globalView()->watch(), watch);
    QCOMPARE(b->globalView()->watch(), manager->defaultWatch());
    QCOMPARE(comboB->currentIndex(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        a->globalView()->findChild<QLabel *>(QStringLiteral("lastResultLabel"))->text(),
        QStringLiteral("Last Result: 1"), 10000);

    WatchDefinition edited = watch->definition();
    edited.name = QStringLiteral("echo two");
    edited.command = TaskRunner::CommandSpec::fromLine(QStringLiteral("echo 2"));
    QVERIFY(manager->editWatch(watch, edited));
    const QStringList renamed{QStringLiteral("example-worker"), QStringLiteral("echo two")};
    QCOMPARE(comboItems(comboA), renamed);
    QCOMPARE(comboItems(comboB), renamed);
    QCOMPARE(comboA->currentText(), QStringLiteral("echo two"));
    QCOMPARE(TaskRunner::GlobalRunnerRegistry::instance()->keys(),
             (QStringList{QStringLiteral("echo two"), QStringLiteral("example-worker")}));
    QTRY_COMPARE_WITH_TIMEOUT(
        a->globalView()->findChild<QLabel *>(QStringLiteral("lastResultLabel"))->text(),
        QStringLiteral("Last Result: 2"), 10000);
    QCOMPARE(a->globalView()->findChild<QLabel *>(QStringLiteral("keyLabel"))->text(),
             QStringLiteral("Key: echo two"));

    b->globalView()->showWatch(watch);
    QVERIFY(manager->removeWatch(watch));
    QCOMPARE(comboItems(comboA), QStringList{QStringLiteral("example-worker")});
    QCOMPARE(comboItems(comboB), QStringList{QStringLiteral("example-worker")});
    QCOMPARE(a->globalView()->watch(), manager->defaultWatch());
    QCOMPARE(b->globalView()->watch(), manager->defaultWatch());
    QCOMPARE(comboA->currentText(), QStringLiteral("example-worker"));
    QCOMPARE(TaskRunner::GlobalRunnerRegistry::instance()->keys(),
             QStringList{QStringLiteral("example-worker")});
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("global "), 1, 10000);
    QVERIFY(!QSettings().contains(QStringLiteral("watches/echo two")));
}

void tst_Watches::theWatchListKeepsItsWidthAndBuildsItsPopupWhenOpened()
{
    AppController app(testOptions());
    SessionWindow *window = app.newWindow();
    QComboBox *combo = window->globalView()->watchCombo();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    // The room of six characters and an icon, however long the names are.
    const QSize hint = combo->sizeHint();
    QVERIFY(hint.width() >= 6 * combo->fontMetrics().horizontalAdvance(QLatin1Char('X')));
    QCOMPARE(combo->minimumSizeHint(), hint);
    QVERIFY(app.watchManager()->addWatch(
        commandWatch(QString(80, QLatin1Char('w')), QStringLiteral("true"))));
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->sizeHint(), hint);
    // Its popup is built when it is opened, not with every window.
    QVERIFY(!combo->findChild<QAbstractItemView *>());
    combo->showPopup();
    QAbstractItemView *popup = combo->findChild<QAbstractItemView *>();
    QVERIFY(popup);
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 5000);
    QCOMPARE(popup->model()->rowCount(), 2);
    combo->hidePopup();
}

void tst_Watches::editingTheSourceReplacesTheRunner()
{
    AppController app(testOptions());
    WatchManager *manager = app.watchManager();
    Watch *watch = manager->addWatch(commandWatch(QStringLiteral("w"), QStringLiteral("echo a")));
    QTRY_COMPARE_WITH_TIMEOUT(watch->history()->rowCount(), 1, 10000);
    const TaskRunner::GlobalRunner before = watch->runner();

    // Only the interval: the same runner, its schedule changed.
    WatchDefinition slower = watch->definition();
    slower.interval = 7200;
    QVERIFY(manager->editWatch(watch, slower));
    QCOMPARE(watch->runner(), before);
    QCOMPARE(before.interval(), 7200.0);
    QCOMPARE(watch->history()->rowCount(), 1);

    WatchDefinition sampler =
        samplerWatch(QStringLiteral("w"), TaskRunner::SamplerKind::LoadAverage);
    QVERIFY(manager->editWatch(watch, sampler));
    QVERIFY(watch->runner() != before);
    QTRY_VERIFY_WITH_TIMEOUT(before.finished().isFinished(), 10000); // removed: stopped
    QTRY_COMPARE_WITH_TIMEOUT(watch->history()->rowCount(), 1, 10000);
    QVERIFY(watch->history()->latest()->number); // the new source's run only
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("global "), 2, 10000);

    QString error;
    QVERIFY(!manager->editWatch(
        watch, commandWatch(QStringLiteral("example-worker"), QStringLiteral("true")), &error));
    QVERIFY2(error.contains(QLatin1String("already")), qPrintable(error));
}

void tst_Watches::watchesSurviveARestartAndGarbageIsSkippedWithOneWarning()
{
    {
        AppController app(testOptions());
        QVERIFY(app.watchManager()->addWatch(
            commandWatch(QStringLiteral("disk/usage"), QStringLiteral("df -h /"), false, 12.5)));
        QVERIFY(app.watchManager()->addWatch(
            samplerWatch(QStringLiteral("load"), TaskRunner::SamplerKind::LoadAverage)));
        app.settings().sync();
    }
    TaskRunner::GlobalRunnerRegistry::instance()->removeAll(); // as if the process ended
    {
        QSettings settings;
        settings.setValue(QStringLiteral("watches/garbage"), QStringLiteral("not a map"));
        settings.setValue(QStringLiteral("watches/rocket"),
                          QVariantMap{{QStringLiteral("version"), 1},
                                      {QStringLiteral("name"), QStringLiteral("rocket")},
                                      {QStringLiteral("source"), QStringLiteral("rocket")}});
    }
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("Ignoring saved watches that cannot be "
                                                           "used in .*: 'garbage' .*'rocket'")));
    QTest::failOnWarning(QRegularExpression(QStringLiteral("Ignoring saved watches")));
    AppController app(testOptions());
    QCOMPARE(app.watchManager()->names(),
             (QStringList{QStringLiteral("example-worker"), QStringLiteral("disk/usage"),
                          QStringLiteral("load")}));
    Watch *disk = app.watchManager()->watch(QStringLiteral("disk/usage"));
    QCOMPARE(disk->runner().interval(), 12.5);
    QCOMPARE(disk->definition().command.displayText(), QStringLiteral("df -h /"));
}

void tst_Watches::aSecondCaseOfANameAndWatchesBeyondTheLimitAreNotLoaded()
{
    const auto paused = [](const QString &name, qint64 created) {
        WatchDefinition watch = samplerWatch(name, TaskRunner::SamplerKind::LoadAverage);
        watch.paused = true;
        watch.createdMSecs = created;
        return watch;
    };
    {
        // As a hand-edited settings file has them: the dialog refuses the second.
        AppController app(testOptions());
        app.settings().setWatch(paused(QStringLiteral("dup"), 1));
        app.settings().setWatch(paused(QStringLiteral("DUP"), 2));
        app.settings().sync();
    }
    TaskRunner::GlobalRunnerRegistry::instance()->removeAll();
    {
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("Ignoring the saved watch DUP")));
        AppController app(testOptions());
        QCOMPARE(app.watchManager()->names(),
                 (QStringList{QStringLiteral("example-worker"), QStringLiteral("dup")}));
        // As many as there can be; one more is refused with a reason.
        for (qsizetype i = app.watchManager()->names().size(); i < WatchManager::watchLimit(); ++i)
            QVERIFY(app.watchManager()->addWatch(paused(QStringLiteral("w%1").arg(i), 10 + i)));
        QString error;
        QVERIFY(!app.watchManager()->addWatch(paused(QStringLiteral("one more"), 1000), &error));
        QVERIFY2(error.contains(QLatin1String("as many as there can be")), qPrintable(error));
        // Saved beyond the limit by hand: not loaded, and left in the settings.
        app.settings().setWatch(paused(QStringLiteral("beyond"), 2000));
        app.settings().sync();
    }
    TaskRunner::GlobalRunnerRegistry::instance()->removeAll();
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("Ignoring the saved watch DUP")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("1 saved watches beyond the limit")));
    AppController app(testOptions());
    QCOMPARE(app.watchManager()->names().size(), WatchManager::watchLimit());
    QVERIFY(!app.watchManager()->watch(QStringLiteral("beyond")));
    QVERIFY(QSettings().allKeys().join(QLatin1Char(' ')).contains(QLatin1String("beyond")));
}

void tst_Watches::aPausedWatchStaysPausedAcrossARestart()
{
    std::atomic<int> runs{0};
    {
        AppController app(testOptions());
        Watch *watch = app.watchManager()->addWatch(
            samplerWatch(QStringLiteral("mem"), TaskRunner::SamplerKind::MemoryInUse));
        SessionWindow *window = app.newWindow();
        window->globalView()->showWatch(watch);
        QTRY_COMPARE_WITH_TIMEOUT(watch->runner().state().runs, 1u, 10000);
        QTest::mouseClick(
            window->globalView()->findChild<QPushButton *>(QStringLiteral("pauseButton")),
            Qt::LeftButton);
        QVERIFY(watch->runner().state().paused);
        app.settings().sync();
    }
    TaskRunner::GlobalRunnerRegistry::instance()->removeAll();
    AppController app(testOptions());
    Watch *watch = app.watchManager()->watch(QStringLiteral("mem"));
    QVERIFY(watch);
    QVERIFY(watch->definition().paused);
    QVERIFY(watch->runner().state().paused);
    QCOMPARE(watch->runner().state().started, 0u); // it did not run on its own
    watch->runner().runNow();
    QTRY_COMPARE_WITH_TIMEOUT(watch->runner().state().runs, 1u, 10000);
}

void tst_Watches::theDialogSaysWhatIsWrongAndOkWaits()
{
    WatchDialog dialog({QStringLiteral("example-worker"), QStringLiteral("disk")});
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *command = dialog.findChild<QLineEdit *>(QStringLiteral("commandEdit"));
    auto *source = dialog.findChild<QComboBox *>(QStringLiteral("sourceCombo"));
    auto *folder = dialog.findChild<QLineEdit *>(QStringLiteral("folderEdit"));
    auto *interval = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("intervalSpinBox"));
    auto error = [&dialog](const char *label) {
        const auto *found = dialog.findChild<QLabel *>(QString::fromLatin1(label));
        return found->isVisible() ? found->text() : QString();
    };
    QVERIFY(!dialog.okButton()->isEnabled());
    QCOMPARE(error("nameError"), QStringLiteral("Give the watch a name."));
    QCOMPARE(error("commandError"), QStringLiteral("Type the command to run."));
    // Not yet typed in, they ask in the usual colour; once typed in and emptied, as an error.
    const auto red = [&dialog](const char *label) {
        return dialog.findChild<QLabel *>(QString::fromLatin1(label))
                   ->palette()
                   .color(QPalette::WindowText) != dialog.palette().color(QPalette::WindowText);
    };
    QVERIFY(!red("nameError"));
    QVERIFY(!red("commandError"));
    QTest::keyClicks(command, QStringLiteral("x"));
    QTest::keyClick(command, Qt::Key_Backspace);
    QCOMPARE(error("commandError"), QStringLiteral("Type the command to run."));
    QVERIFY(red("commandError"));
    QVERIFY(!red("nameError"));

    QTest::keyClicks(name, QStringLiteral("Disk"));
    QCOMPARE(error("nameError"), QStringLiteral("There is a watch of this name already."));
    QCOMPARE(name->accessibleDescription(), error("nameError"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("root"));
    QVERIFY(error("nameError").isEmpty());
    QVERIFY(!dialog.okButton()->isEnabled());

    QTest::keyClicks(command, QStringLiteral("df 'oops"));
    QVERIFY2(error("commandError").startsWith(QLatin1String("This is not a command")),
             qPrintable(error("commandError")));
    {
        // Narrow, the error wraps: the dialog grows to show all of it, buttons included, and
        // gets its height back once the error is gone.
        const int before = dialog.height();
        dialog.resize(dialog.minimumSizeHint().width(), dialog.height());
        command->setText(command->text() + QLatin1Char(' '));
        const auto *label = dialog.findChild<QLabel *>(QStringLiteral("commandError"));
        const auto *buttons = dialog.findChild<QWidget *>(QStringLiteral("buttonBox"));
        QTRY_VERIFY2_WITH_TIMEOUT(label->height() >= label->heightForWidth(label->width()),
                                  qPrintable(QStringLiteral("%1 of %2 px")
                                                 .arg(label->height())
                                                 .arg(label->heightForWidth(label->width()))),
                                  5000);
        QVERIFY(label->heightForWidth(label->width()) > label->fontMetrics().lineSpacing());
        QVERIFY2(
            buttons->geometry().bottom() < dialog.height(),
            qPrintable(
                QStringLiteral("%1 of %2").arg(buttons->geometry().bottom()).arg(dialog.height())));
        command->clear();
        QTest::keyClicks(command, QStringLiteral("df -h /"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.height() <= before, 5000);
    }
    command->clear();
    QTest::keyClicks(command, QStringLiteral("df -h /"));
    QVERIFY(error("commandError").isEmpty());
    QVERIFY(dialog.okButton()->isEnabled());

    // Text the spin box cannot take is no interval.
    auto *field = interval->findChild<QLineEdit *>();
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("0"));
    QCOMPARE(error("intervalError"),
             QStringLiteral("0 s is shorter than the shortest interval, 0.001 s."));
    QVERIFY(!dialog.okButton()->isEnabled());
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("1e3")); // not taken as 13 s, nor as 1000 s
    QVERIFY2(error("intervalError").startsWith(QStringLiteral("“1e3” is not a number of seconds")),
             qPrintable(error("intervalError")));
    QVERIFY(!dialog.okButton()->isEnabled());
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("2.5"));
    QVERIFY(error("intervalError").isEmpty());
    QVERIFY(dialog.okButton()->isEnabled());

    // Free space needs a folder that exists; the command is no longer asked for.
    source->setCurrentIndex(3);
    QVERIFY(!command->isVisible());
    QVERIFY(folder->isVisible());
    folder->setText(QStringLiteral("/nonexistent/folder"));
    QCOMPARE(error("folderError"), QStringLiteral("There is no folder /nonexistent/folder."));
    QVERIFY(!dialog.okButton()->isEnabled());
    folder->setText(QDir::tempPath());
    QVERIFY(dialog.okButton()->isEnabled());
    const WatchDefinition watch = dialog.definition();
    QCOMPARE(watch.name, QStringLiteral("root"));
    QCOMPARE(watch.source, WatchDefinition::Source::Sampler);
    QCOMPARE(watch.sampler, TaskRunner::SamplerKind::FreeSpace);
    QCOMPARE(watch.interval, 2.5);
}

void tst_Watches::newWatchThroughTheDialogAndTheMenu()
{
    AppController app(testOptions());
    SessionWindow *window = app.newWindow();
    SessionWindow *other = app.newWindow();
    QAction *newWatch = window->globalView()->watchActions().at(0);
    QCOMPARE(newWatch->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QVERIFY(window->findChild<QMenu *>(QStringLiteral("watchMenu"))->actions().contains(newWatch));
    onNextDialog([](WatchDialog *dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")),
                         QStringLiteral("hello"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("commandEdit")),
                         QStringLiteral("echo hello world"));
        QVERIFY(dialog->okButton()->isEnabled());
        dialog->okButton()->click();
    });
    newWatch->trigger();
    Watch *watch = app.watchManager()->watch(QStringLiteral("hello"));
    QVERIFY(watch);
    QCOMPARE(window->globalView()->watch(), watch); // the window that made it shows it
    QCOMPARE(comboItems(other->globalView()->watchCombo()).last(), QStringLiteral("hello"));
    QTRY_COMPARE_WITH_TIMEOUT(watch->runner().state().lastResult.toString(),
                              QStringLiteral("hello world"), 10000);

    // Remove Watch asks first.
    QTimer::singleShot(0, qApp, [] {
        QWidget *question = QApplication::activeModalWidget();
        QVERIFY(question);
        for (QPushButton *button : question->findChildren<QPushButton *>()) {
            if (button->text() == QLatin1String("&Remove"))
                button->click();
        }
    });
    window->globalView()->watchActions().at(2)->trigger();
    QVERIFY(!app.watchManager()->watch(QStringLiteral("hello")));
    QCOMPARE(window->globalView()->watch(), app.watchManager()->defaultWatch());
}

void tst_Watches::historySteppingBackShowsTheRunAndItsChanges()
{
    // A runner there before the app asks for the key: it runs when told, with lines we choose.
    auto lines = std::make_shared<std::atomic<int>>(0);
    TaskRunner::GlobalRunner runner = TaskRunner::GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("steps"),
        [lines] {
            const int n = lines->load();
            return QVariant(QStringLiteral("header\nvalue %1\nfooter").arg(n));
        },
        3600);
    AppOptions options = testOptions();
    options.globalKey = QStringLiteral("steps");
    AppController app(options);
    SessionWindow *window = app.newWindow();
    GlobalRunnerView *view = window->globalView();
    // Closed at first, and nothing of it is built.
    QVERIFY(!view->isHistoryShown());
    QCOMPARE(view->historyView(), nullptr);
    auto *historyButton = view->findChild<QAbstractButton *>(QStringLiteral("historyButton"));
    QCOMPARE(historyButton->accessibleName(), QStringLiteral("History"));
    QTest::mouseClick(historyButton, Qt::LeftButton);
    QVERIFY(view->isHistoryShown());
    QVERIFY(app.watchManager()->isHistoryShown()); // new windows open with it
    auto runOnce = [&](int n) {
        lines->store(n);
        const quint64 before = runner.state().runs;
        runner.runNow();
        QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, before + 1, 5000);
    };
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 1u, 5000); // its first run, value 0
    runOnce(1);
    runOnce(1); // the same: merged
    runOnce(2);
    Watch *watch = app.watchManager()->watch(QStringLiteral("steps"));
    QTRY_COMPARE_WITH_TIMEOUT(watch->history()->rowCount(), 3, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(view->historyView(), 5000);
    QCOMPARE(view->historyView()->accessibleName(), QStringLiteral("History"));
    QCOMPARE(watch->history()->entryAt(1)->count, 2u);

    // The newest run, its changed line marked.
    WatchRunView *run = view->runView();
    QTRY_COMPARE_WITH_TIMEOUT(run->textEdit()->toPlainText(),
                              QStringLiteral("header\nvalue 2\nfooter"), 5000);
    QCOMPARE(run->markedLines(), 1);
    QCOMPARE(run->textEdit()->extraSelections().size(), 2); // the line and its characters

    // Step back: the view stays on that run while new ones come in.
    view->historyView()->setCurrentIndex(watch->history()->index(2));
    QTRY_COMPARE_WITH_TIMEOUT(run->textEdit()->toPlainText(),
                              QStringLiteral("header\nvalue 0\nfooter"), 5000);
    runOnce(3);
    QTRY_COMPARE_WITH_TIMEOUT(watch->history()->rowCount(), 4, 5000);
    QCOMPARE(view->historyView()->currentIndex().row(), 3);
    QCOMPARE(run->textEdit()->toPlainText(), QStringLiteral("header\nvalue 0\nfooter"));

    // Its difference to the run before it.
    view->historyView()->setCurrentIndex(watch->history()->index(2)); // value 1, ×2
    run->setChangesOnly(true);
    QTRY_COMPARE_WITH_TIMEOUT(run->textEdit()->toPlainText(),
                              QStringLiteral("- value 0\n+ value 1"), 5000);

    // Back to the newest: it follows again.
    view->historyView()->setCurrentIndex(watch->history()->index(0));
    run->setChangesOnly(false);
    runOnce(4);
    QTRY_COMPARE_WITH_TIMEOUT(run->textEdit()->toPlainText(),
                              QStringLiteral("header\nvalue 4\nfooter"), 5000);
}

void tst_Watches::theChartFollowsNumbersInEveryWindow()
{
    AppController app(testOptions());
    Watch *watch = app.watchManager()->addWatch(
        samplerWatch(QStringLiteral("load"), TaskRunner::SamplerKind::LoadAverage));
    SessionWindow *a = app.newWindow(watch);
    SessionWindow *b = app.newWindow(watch);
    SessionWindow *c = app.newWindow(); // the default watch: dates, no chart
    QTRY_VERIFY_WITH_TIMEOUT(a->globalView()->chart(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(b->globalView()->chart(), 10000);
    for (SessionWindow *window : {a, b}) {
        WatchChart *chart = window->globalView()->chart();
        QVERIFY(chart->isVisible());
        QCOMPARE(chart->accessibleName(), QStringLiteral("Chart"));
        QVERIFY2(chart->accessibleDescription().startsWith(QLatin1String("Last ")),
                 qPrintable(chart->accessibleDescription()));
        QVERIFY(chart->accessibleDescription().contains(QLatin1String("minimum")));
        QVERIFY(chart->accessibleDescription().contains(QLatin1String("maximum")));
    }
    c->globalView()->setHistoryShown(true);
    QTRY_VERIFY_WITH_TIMEOUT(c->globalView()->historyView(), 10000);
    QCOMPARE(c->globalView()->chart(), nullptr);
    // Shown a watch without numbers, the chart goes.
    a->globalView()->showWatch(app.watchManager()->defaultWatch());
    QVERIFY(!a->globalView()->chart()->isVisible());
}

void tst_Watches::theChartTakesAHundredThousandNumbers()
{
    NumericSeries series;
    WatchChart chart;
    chart.resize(600, 150);
    chart.setSeries(&series, {1, QStringLiteral("MiB")});
    QCOMPARE(chart.accessibleDescription(), QStringLiteral("No numbers yet"));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 100'000; ++i) {
        series.add(1'700'000'000'000 + i, i == 50'000 ? 1000.0 : double(i % 10));
        if (i % 1000 == 0)
            chart.seriesChanged();
    }
    chart.seriesChanged();
    (void)chart.grab(); // a whole paint
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(series.buckets().size() <= std::size_t(series.capacity()));
    QCOMPARE(chart.accessibleDescription(),
             QStringLiteral("Last 9.0 MiB, minimum 0.0 MiB, maximum 1,000.0 MiB (100,000 values)"));
    // A paint costs the width, not the values.
    timer.restart();
    for (int i = 0; i < 20; ++i)
        (void)chart.grab();
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void tst_Watches::stateLineSaysWhatTheWatchDoes()
{
    auto gate = std::make_shared<TestSupport::Gate>();
    TaskRunner::GlobalRunner runner = TaskRunner::GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("state"),
        [gate] {
            gate->wait();
            return QVariant(1);
        },
        3600);
    AppOptions options = testOptions();
    options.globalKey = QStringLiteral("state");
    AppController app(options);
    GlobalRunnerView *view = app.newWindow()->globalView();
    QTRY_COMPARE_WITH_TIMEOUT(view->runStateText(), QStringLiteral("running"), 5000);
    runner.runNow();
    QTRY_COMPARE_WITH_TIMEOUT(view->runStateText(), QStringLiteral("running · run requested"),
                              5000);
    gate->release(2);
    QTRY_VERIFY_WITH_TIMEOUT(
        view->runStateText().startsWith(QLatin1String("next run in 1 h 0 min")), 5000);
    auto *label = view->findChild<QLabel *>(QStringLiteral("runStateLabel"));
    QVERIFY(label->toolTip().startsWith(QLatin1String("The next run starts at ")));
    // Whole, not "next run in 1 h 0 …": beside the heading or on a line of its own.
    QTRY_VERIFY2_WITH_TIMEOUT(label->contentsRect().width() >=
                                  label->fontMetrics().horizontalAdvance(view->runStateText()),
                              qPrintable(QStringLiteral("%1 px for %2")
                                             .arg(label->contentsRect().width())
                                             .arg(view->runStateText())),
                              5000);
    runner.pause();
    QTRY_COMPARE_WITH_TIMEOUT(view->runStateText(), QStringLiteral("paused"), 5000);
    gate->open();
}

void tst_Watches::theStateIsNotCutInANarrowWindow()
{
    AppController app(testOptions());
    SessionWindow *window = app.newWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    GlobalRunnerView *view = window->globalView();
    auto *state = view->findChild<QLabel *>(QStringLiteral("runStateLabel"));
    auto *heading = view->findChild<QLabel *>(QStringLiteral("headingLabel"));
    const QString longest = QStringLiteral("next run in 9.9 s");
    for (const int width : {window->minimumSizeHint().width(), 1400}) {
        window->resize(width, window->height());
        QTRY_COMPARE_WITH_TIMEOUT(window->width(), std::max(width, window->minimumWidth()), 5000);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        // Beside the heading when there is room, else under it; whole either way.
        QVERIFY2(state->contentsRect().width() >= state->fontMetrics().horizontalAdvance(longest),
                 qPrintable(QStringLiteral("%1 px at a window of %2")
                                .arg(state->contentsRect().width())
                                .arg(window->width())));
        QVERIFY(!state->geometry().intersects(heading->geometry()));
        QVERIFY(state->geometry().right() < view->width());
    }
    // Wide, it is on the heading's line.
    QCOMPARE(state->geometry().center().y(), heading->geometry().center().y());
}

void tst_Watches::openingTheHistoryMakesRoomForItAndClosingItGivesItBack()
{
    // A window of the default height leaves the history a couple of lines: opened, the window
    // grows (on the screen) until the chart, four runs and a few lines of the run are in sight.
    AppController app(testOptions());
    Watch *watch = app.watchManager()->addWatch(
        samplerWatch(QStringLiteral("load"), TaskRunner::SamplerKind::LoadAverage));
    SessionWindow *window = app.newWindow(watch);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    GlobalRunnerView *view = window->globalView();
    QTRY_VERIFY_WITH_TIMEOUT(view->chart() && view->chart()->isVisible(), 10000);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const int before = window->height();
    auto *historyButton = view->findChild<QAbstractButton *>(QStringLiteral("historyButton"));
    QTest::mouseClick(historyButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(view->historyView() && view->historyView()->isVisible(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window->height() > before, 5000);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const int lines = view->fontMetrics().lineSpacing();
    const auto report = [&] {
        return QStringLiteral("window %1 -> %2 (least %6, screen %7), chart %3, list %4, output %5")
            .arg(before)
            .arg(window->height())
            .arg(view->chart()->height())
            .arg(view->historyView()->viewport()->height())
            .arg(view->runView()->textEdit()->viewport()->height())
            .arg(window->minimumHeight())
            .arg(window->screen()->availableGeometry().height());
    };
    QTRY_VERIFY2_WITH_TIMEOUT(view->historyView()->viewport()->height() >=
                                      4 * view->historyView()->sizeHintForRow(0) &&
                                  view->runView()->textEdit()->viewport()->height() >= 5 * lines &&
                                  view->chart()->height() >= 5 * lines,
                              qPrintable(report()), 5000);
    QVERIFY(window->screen()->availableGeometry().contains(window->frameGeometry()));
    const int grown = window->height();
    // Closed, the window is as high as before.
    QTest::mouseClick(historyButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->height(), before, 5000);
    // A window the user made taller keeps its height.
    QTest::mouseClick(historyButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->height(), grown, 5000);
    window->resize(window->width(), window->height() + 20);
    QTRY_COMPARE_WITH_TIMEOUT(window->height(), grown + 20, 5000);
    const int sized = window->height();
    QTest::mouseClick(historyButton, Qt::LeftButton);
    // A height is given back from the event loop, once the layout has done: none is here.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(window->height(), sized);
}

void tst_Watches::waitTextIsReadableForLongPauses_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("short") << qint64(330) << QStringLiteral("0.3 s");
    QTest::newRow("seconds") << qint64(42'400) << QStringLiteral("42 s");
    QTest::newRow("minutes") << qint64(725'000) << QStringLiteral("12 min 5 s");
    QTest::newRow("hours") << qint64(12'000'000) << QStringLiteral("3 h 20 min");
    QTest::newRow("days") << qint64(187'200'000) << QStringLiteral("2 d 4 h");
    QTest::newRow("a year") << qint64(31'536'000'000) << QStringLiteral("365 d 0 h");
}

void tst_Watches::waitTextIsReadableForLongPauses()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(GlobalRunnerView::waitText(std::chrono::milliseconds(ms)), text);
}

void tst_Watches::perWindowCountsStayExactAcrossAnEdit()
{
    AppController app(testOptions());
    Watch *watch =
        app.watchManager()->addWatch(commandWatch(QStringLiteral("n"), QStringLiteral("true")));
    QTRY_COMPARE_WITH_TIMEOUT(watch->runner().state().runs, 1u, 10000);
    GlobalRunnerView *view = app.newWindow(watch)->globalView();
    auto runOnce = [watch] {
        TaskRunner::GlobalRunner runner = watch->runner();
        const quint64 before = runner.state().runs;
        runner.runNow();
        QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, before + 1, 10000);
    };
    runOnce();
    runOnce();
    QTRY_COMPARE_WITH_TIMEOUT(view->resultsSinceOpened(), 2u, 5000);
    WatchDefinition edited = watch->definition();
    edited.command = TaskRunner::CommandSpec::fromLine(QStringLiteral("echo x"));
    QVERIFY(app.watchManager()->editWatch(watch, edited));
    QTRY_COMPARE_WITH_TIMEOUT(watch->runner().state().runs, 1u, 10000); // the new runner's first
    runOnce();
    QTRY_COMPARE_WITH_TIMEOUT(view->resultsSinceOpened(), 4u, 5000);
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("resultsLabel"))->text(),
             QStringLiteral("4 results produced during this session"));
}

void tst_Watches::aChangedResultIsNotifiedAtMostOncePerGap()
{
    auto value = std::make_shared<std::atomic<int>>(0);
    TaskRunner::GlobalRunner runner = TaskRunner::GlobalRunnerRegistry::instance()->acquire(
        QStringLiteral("notify"), [value] { return QVariant(value->load()); }, 3600);
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().runs, 1u, 5000);
    AppController app(testOptions());
    Watch *watch = app.watchManager()->ensureWatch(QStringLiteral("notify"), 3600);
    WatchDefinition notifying = watch->definition();
    notifying.notifyOnChange = true;
    QVERIFY(app.watchManager()->editWatch(watch, notifying));
    watch = app.watchManager()->watch(QStringLiteral("notify"));
    QSignalSpy spy(app.watchManager(), &WatchManager::outcomeChanged);
    auto runWith = [&](int n) {
        value->store(n);
        TaskRunner::GlobalRunner current = watch->runner();
        const quint64 before = current.state().runs;
        current.runNow();
        QTRY_COMPARE_WITH_TIMEOUT(current.state().runs, before + 1, 5000);
        // The history follows on the next notification: none may be there yet.
        QTRY_VERIFY_WITH_TIMEOUT(watch->history()->latest() &&
                                     watch->history()->latest()->text == QString::number(n),
                                 5000);
    };
    runWith(0); // the same as before: no change
    runWith(1);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("0"));
    QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("1"));
    runWith(2);
    runWith(2);
    runWith(3);
    QCOMPARE(spy.count(), 1); // within the gap: held back, the last change wins
}

QTEST_MAIN(tst_Watches)
#include "tst_watches.moc"
