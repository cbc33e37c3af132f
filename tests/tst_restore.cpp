// Nothing lost: the sessions and their waiting tasks come back after a quit and after a
// kill -9 of the real program, paused, in order, with the running task shown as interrupted;
// --no-restore starts fresh and keeps them for later; the task history records every task.
#include "appcontroller.h"
#include "applicationinfo.h"
#include "globalrunnerview.h"
#include "noticebar.h"
#include "sessionrunnerview.h"
#include "sessionwindow.h"
#include "tasktablemodel.h"
#include "testsupport.h"
#include "watchdefinition.h"
#include "watchmanager.h"

#include <TaskRunner/commandspec.h>
#include <TaskRunner/historystore.h>
#include <TaskRunner/sessionstore.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <csignal>

using namespace std::chrono_literals;

namespace {

AppOptions testOptions(const QString &key)
{
    AppOptions options;
    options.globalKey = key;
    options.taskSeconds = 0.05;
    return options;
}

QStringList waitingLines(SessionWindow *window)
{
    QStringList lines;
    for (const TaskRunner::QueuedTask &task : window->runner().waitingTasks())
        lines << SessionRunnerView::describeTask(task.task);
    return lines;
}

// The real program, with the data and settings folders these tests use.
QProcessEnvironment childEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // In test mode Qt's data folder is ~/.qttest/share: the child writes where this reads.
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), data);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
    return environment;
}

// The result of a store's future, which finishes through this thread's event loop.
template<typename T> T wait(QFuture<T> future)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (!future.isFinished() && elapsed.elapsed() < 10000)
        QTest::qWait(5);
    return future.isFinished() ? future.result() : T();
}

} // namespace

class tst_Restore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void sessionsComeBackPausedInOrderAfterAQuit();
    void resumeAndDiscard();
    void aClosedWindowIsForgottenAndTheLastOneKept();
    void eachWindowComesBackWithItsWatch();
    void waitingTasksQueuedBeforeAKill9AllComeBack();
    void aTaskRunningAtAQuitIsInTheHistoryOnce();
    void noRestoreStartsFreshAndKeepsThemForLater();
    void aGarbageSessionsFileIsSetAsideAndTold();
    void everyTaskIsInTheHistory();
    void anUnusableHistoryIsToldInTheWindowAndTheAppWorksOn();
};

void tst_Restore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installMessageGuard();
    ApplicationInfo::installTranslations();
}

void tst_Restore::init()
{
    QSettings().clear();
    TestSupport::clearAppData();
}

void tst_Restore::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        widget->close();
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_Restore::sessionsComeBackPausedInOrderAfterAQuit()
{
    {
        AppController app(testOptions(QStringLiteral("r-quit")));
        app.start();
        SessionWindow *first = app.windows().constFirst();
        for (const char *line : {"sleep 60", "echo a", "echo b", "echo c"})
            first->sessionView()->addCommand(QString::fromLatin1(line), false);
        SessionWindow *second = app.newWindow();
        second->runner().pause();
        second->sessionView()->addExampleTask();
        second->sessionView()->addExampleTask();
        QTRY_VERIFY_WITH_TIMEOUT(first->runner().state().busy, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(app.sessionStore()->sessions().size(), 2, 5000);
        app.quitWithoutAsking();
    }
    AppController app(testOptions(QStringLiteral("r-quit")));
    app.start();
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 2, 5000); // the first at once, then one a turn
    const QList<SessionWindow *> windows = app.windows();
    SessionWindow *first = windows.constFirst();
    QVERIFY(first->runner().state().paused);
    QCOMPARE(waitingLines(first), (QStringList{QStringLiteral("echo a"), QStringLiteral("echo b"),
                                               QStringLiteral("echo c")}));
    // The one that ran is shown, interrupted, and not started again.
    const TaskTableModel *model = first->sessionView()->taskModel();
    QVERIFY(model);
    QVERIFY(model->rowAt(0)->interrupted);
    QCOMPARE(SessionRunnerView::describeTask(model->rowAt(0)->task), QStringLiteral("sleep 60"));
    // With when it started (it did), no number of this run and no duration (not known).
    QVERIFY(model->rowAt(0)->startedMSecs > 0);
    QVERIFY(model->rowAt(0)->startedMSecs <= QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(model->rowAt(0)->number, 0u);
    QCOMPARE(model->data(model->index(0, TaskTableModel::DurationColumn)).toString(), QString());
    QVERIFY(!model->data(model->index(0, TaskTableModel::StartedColumn)).toString().isEmpty());
    // It has no id in this run: the actions go by the selected row, not by an id that nothing
    // selected also gives.
    auto *again = first->sessionView()->findChild<QAction *>(QStringLiteral("runAgainAction"));
    auto *copy = first->sessionView()->findChild<QAction *>(QStringLiteral("copyCommandAction"));
    auto *table = first->sessionView()->findChild<QTableView *>(QStringLiteral("taskTable"));
    QVERIFY(again && copy && table);
    QVERIFY(!table->selectionModel()->hasSelection());
    QVERIFY(!again->isEnabled());
    QVERIFY(!copy->isEnabled());
    table->selectRow(0);
    QVERIFY(again->isEnabled());
    QVERIFY(copy->isEnabled());
    table->clearSelection();
    QVERIFY(!again->isEnabled());
    QTest::qWait(100); // negative check: paused, nothing runs
    QCOMPARE(first->runner().state().done, 0u);
    QVERIFY(first->noticeBar()->isVisible());
    QVERIFY2(first->noticeBar()->text().startsWith(
                 QLatin1String("3 waiting tasks of the last run are back, paused.")),
             qPrintable(first->noticeBar()->text()));
    // The example tasks came back too.
    QCOMPARE(windows.at(1)->runner().state().queueLength, 2);
}

void tst_Restore::eachWindowComesBackWithItsWatch()
{
    WatchDefinition load;
    load.name = QStringLiteral("load");
    load.source = WatchDefinition::Source::Sampler;
    load.sampler = TaskRunner::SamplerKind::LoadAverage;
    load.interval = 3600;
    WatchDefinition gone = load;
    gone.name = QStringLiteral("gone");
    {
        AppController app(testOptions(QStringLiteral("r-watch")));
        app.start();
        Watch *loadWatch = app.watchManager()->addWatch(load);
        Watch *goneWatch = app.watchManager()->addWatch(gone);
        QVERIFY(loadWatch && goneWatch);
        SessionWindow *first = app.windows().constFirst();
        first->globalView()->showWatch(loadWatch);
        SessionWindow *second = app.newWindow(goneWatch);
        SessionWindow *third = app.newWindow(app.watchManager()->defaultWatch());
        QVERIFY(second && third);
        const auto savedWatches = [&app] {
            QStringList names;
            for (const TaskRunner::SavedSession &session : app.sessionStore()->sessions())
                names << session.watch;
            return names;
        };
        // Saved as it changes (the windows of the default watch at the latest when quitting).
        QTRY_VERIFY_WITH_TIMEOUT(savedWatches().contains(QStringLiteral("load")) &&
                                     savedWatches().contains(QStringLiteral("gone")),
                                 5000);
        QVERIFY(app.watchManager()->removeWatch(goneWatch)); // its window shows the default
        QTRY_VERIFY_WITH_TIMEOUT(!savedWatches().contains(QStringLiteral("gone")), 5000);
        app.quitWithoutAsking();
    }
    AppController app(testOptions(QStringLiteral("r-watch")));
    app.start();
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 3, 5000);
    QStringList shown;
    for (SessionWindow *window : app.windows())
        shown << window->globalView()->watch()->name();
    QCOMPARE(shown, (QStringList{QStringLiteral("load"), QStringLiteral("example-worker"),
                                 QStringLiteral("example-worker")}));
}

void tst_Restore::aClosedWindowIsForgottenAndTheLastOneKept()
{
    {
        AppController app(testOptions(QStringLiteral("r-close")));
        app.start();
        SessionWindow *first = app.windows().constFirst();
        first->runner().pause();
        first->sessionView()->addExampleTask();
        SessionWindow *second = app.newWindow();
        second->runner().pause();
        second->sessionView()->addExampleTask();
        QTRY_COMPARE_WITH_TIMEOUT(app.sessionStore()->sessions().size(), 2, 5000);
        const QString closed = second->sessionId();
        QVERIFY(second->close());
        // Gone from what a crash from now on would bring back.
        QTRY_COMPARE_WITH_TIMEOUT(app.sessionStore()->sessions().size(), 1, 5000);
        QCOMPARE(app.sessionStore()->sessions().constFirst().id, first->sessionId());
        QVERIFY(first->sessionId() != closed);
        // The last window: saved with its queue as it was before it stopped, at once.
        first->sessionView()->addExampleTask();
        first->sessionView()->addExampleTask();
        QVERIFY(first->close());
        const QList<TaskRunner::SavedSession> saved = app.sessionStore()->sessions();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.constFirst().waiting.size(), 3);
    }
    AppController app(testOptions(QStringLiteral("r-close")));
    app.start();
    QCOMPARE(app.windows().size(), 1);
    QCOMPARE(waitingLines(app.windows().constFirst()).size(), 3);
}

void tst_Restore::resumeAndDiscard()
{
    {
        AppController app(testOptions(QStringLiteral("r-resume")));
        app.start();
        app.windows().constFirst()->runner().pause();
        for (const char *line : {"echo one", "echo two"})
            app.windows().constFirst()->sessionView()->addCommand(QString::fromLatin1(line), false);
        SessionWindow *other = app.newWindow();
        other->runner().pause();
        other->sessionView()->addCommand(QStringLiteral("echo dropped"), false);
        QTRY_COMPARE_WITH_TIMEOUT(app.sessionStore()->sessions().size(), 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(app.sessionStore()->sessions().constLast().waiting.size() == 1,
                                 5000);
        app.quitWithoutAsking();
    }
    AppController app(testOptions(QStringLiteral("r-resume")));
    app.start();
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 2, 5000);
    const QList<SessionWindow *> windows = app.windows();
    auto *resume =
        windows.at(0)->noticeBar()->findChild<QPushButton *>(QStringLiteral("primaryButton"));
    QCOMPARE(resume->text(), QStringLiteral("Resume &Queue")); // Alt+R is the watch's
    resume->click();
    QTRY_COMPARE_WITH_TIMEOUT(windows.at(0)->runner().state().done, 2u, 5000);
    // A task queued in this run before Discard is not the last run's: it stays, and runs.
    windows.at(1)->sessionView()->addCommand(QStringLiteral("echo kept"), false);
    QCOMPARE(windows.at(1)->runner().state().queueLength, 2);
    windows.at(1)
        ->noticeBar()
        ->findChild<QPushButton *>(QStringLiteral("secondaryButton"))
        ->click(); // Discard
    QTRY_COMPARE_WITH_TIMEOUT(windows.at(1)->runner().state().done, 1u, 5000);
    QCOMPARE(windows.at(1)->runner().state().lastResult.toString(), QStringLiteral("kept"));
    QCOMPARE(windows.at(1)->runner().state().queueLength, 0);
    QVERIFY(!windows.at(1)->runner().state().paused);
    QCOMPARE(windows.at(1)->runner().state().cancelled, 0u); // dropped, as Clear Queue does
}

void tst_Restore::waitingTasksQueuedBeforeAKill9AllComeBack()
{
    QProcess process;
    process.setProcessEnvironment(childEnvironment());
    QStringList arguments{QStringLiteral("--task"), QStringLiteral("sleep 100")};
    for (int i = 1; i <= 5; ++i)
        arguments << QStringLiteral("--task") << QStringLiteral("echo %1").arg(i);
    process.start(QStringLiteral(TASKRUNNER_EXECUTABLE), arguments);
    QVERIFY(process.waitForStarted(10000));
    // Queued at start; 200 ms and more before the kill.
    TaskRunner::SessionStore reader(TaskRunner::SessionStore::defaultPath());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(TaskRunner::SessionStore::defaultPath()), 20000);
    QTest::qWait(300); // the contract is about tasks queued at least 200 ms before the kill
    ::kill(pid_t(process.processId()), SIGKILL);
    QVERIFY(process.waitForFinished(10000));

    const TaskRunner::SessionRestore saved = reader.load();
    QVERIFY(saved.found);
    QVERIFY(!saved.cleanShutdown);
    QCOMPARE(saved.sessions.size(), 1);
    QStringList lines;
    for (const TaskRunner::SavedTask &task : saved.sessions.constFirst().waiting)
        lines << task.commandLine;
    QCOMPARE(lines, (QStringList{QStringLiteral("echo 1"), QStringLiteral("echo 2"),
                                 QStringLiteral("echo 3"), QStringLiteral("echo 4"),
                                 QStringLiteral("echo 5")}));
    QVERIFY(saved.sessions.constFirst().running);
    QCOMPARE(saved.sessions.constFirst().running->commandLine, QStringLiteral("sleep 100"));

    // And in the app: back, paused, in order, the running one interrupted.
    AppController app(testOptions(QStringLiteral("r-kill")));
    app.start();
    QCOMPARE(app.windows().size(), 1);
    SessionWindow *window = app.windows().constFirst();
    QCOMPARE(waitingLines(window).size(), 5);
    QVERIFY(window->runner().state().paused);
    QVERIFY(window->sessionView()->taskModel()->rowAt(0)->interrupted);
    QVERIFY(window->sessionView()->taskModel()->rowAt(0)->startedMSecs > 0);
    QVERIFY(window->noticeBar()->text().contains(
        QLatin1String("The last run ended without quitting.")));
    // That run never recorded the task it ran: this one does, once, as interrupted.
    TaskRunner::HistoryFilter sleeping;
    sleeping.text = QStringLiteral("sleep 100");
    QTRY_COMPARE_WITH_TIMEOUT(wait(app.historyStore()->count(sleeping)), qint64(1), 10000);
    const QList<TaskRunner::HistoryEntry> recorded =
        wait(app.historyStore()->page(sleeping, 0, 10));
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.constFirst().state, TaskRunner::HistoryState::interrupted());
}

void tst_Restore::aTaskRunningAtAQuitIsInTheHistoryOnce()
{
    // The real program quits (SIGTERM: no question) while a command runs: it records the
    // command as it stopped it, and the next start shows it as stopped by that quit without
    // recording it a second time.
    QProcess process;
    process.setProcessEnvironment(childEnvironment());
    process.start(QStringLiteral(TASKRUNNER_EXECUTABLE),
                  {QStringLiteral("--task"), QStringLiteral("sleep 60")});
    QVERIFY(process.waitForStarted(10000));
    TaskRunner::SessionStore reader(TaskRunner::SessionStore::defaultPath());
    QTRY_VERIFY_WITH_TIMEOUT(!reader.load().sessions.isEmpty() &&
                                 reader.load().sessions.constFirst().running.has_value(),
                             20000);
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY(reader.load().cleanShutdown);

    AppController app(testOptions(QStringLiteral("r-quit-history")));
    app.start();
    SessionWindow *window = app.windows().constFirst();
    const TaskTableModel::Row *row = window->sessionView()->taskModel()->rowAt(0);
    QVERIFY(row && row->interrupted);
    QCOMPARE(row->outcome, QStringLiteral("stopped when Task Runner quit"));
    QFuture<void> flushed = app.historyStore()->flush(); // what this run adds is then written
    QTRY_VERIFY_WITH_TIMEOUT(flushed.isFinished(), 10000);
    TaskRunner::HistoryFilter sleeping;
    sleeping.text = QStringLiteral("sleep 60");
    const QList<TaskRunner::HistoryEntry> recorded =
        wait(app.historyStore()->page(sleeping, 0, 10));
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.constFirst().state, TaskRunner::HistoryState::cancelled());
}

void tst_Restore::noRestoreStartsFreshAndKeepsThemForLater()
{
    {
        AppController app(testOptions(QStringLiteral("r-fresh")));
        app.start();
        app.windows().constFirst()->runner().pause();
        app.windows().constFirst()->sessionView()->addCommand(QStringLiteral("echo kept"), false);
        QTRY_VERIFY_WITH_TIMEOUT(!app.sessionStore()->sessions().isEmpty() &&
                                     !app.sessionStore()->sessions().constFirst().waiting.isEmpty(),
                                 5000);
        app.quitWithoutAsking();
    }
    {
        AppOptions options = testOptions(QStringLiteral("r-fresh"));
        options.restore = false;
        AppController app(options);
        app.start();
        QCOMPARE(app.windows().size(), 1);
        QCOMPARE(app.windows().constFirst()->runner().state().queueLength, 0);
        QVERIFY(!app.windows().constFirst()->runner().state().paused);
        app.quitWithoutAsking();
    }
    // The next ordinary start has both: this run's empty session and the one kept.
    AppController app(testOptions(QStringLiteral("r-fresh")));
    app.start();
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 2, 5000);
    int kept = 0;
    for (SessionWindow *window : app.windows())
        kept += waitingLines(window) == QStringList{QStringLiteral("echo kept")} ? 1 : 0;
    QCOMPARE(kept, 1);
}

void tst_Restore::aGarbageSessionsFileIsSetAsideAndTold()
{
    const QString path = TaskRunner::SessionStore::defaultPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile garbage(path);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("{ this is not json \x01\x02");
    garbage.close();
    AppController app(testOptions(QStringLiteral("r-garbage")));
    app.start();
    QCOMPARE(app.windows().size(), 1); // a fresh start, not a crash
    QVERIFY(app.windows().constFirst()->noticeBar()->isVisible());
    const QStringList aside =
        QDir(QFileInfo(path).absolutePath()).entryList({QStringLiteral("sessions.json.corrupt-*")});
    QCOMPARE(aside.size(), 1);
}

void tst_Restore::everyTaskIsInTheHistory()
{
    AppController app(testOptions(QStringLiteral("r-history")));
    app.start();
    SessionWindow *window = app.windows().constFirst();
    window->sessionView()->addCommand(QStringLiteral("echo recorded"), false);
    window->sessionView()->addCommand(QStringLiteral("false"), false);
    window->sessionView()->addExampleTask();
    QTRY_COMPARE_WITH_TIMEOUT(window->runner().state().lastSequence, 3u, 5000);
    TaskRunner::HistoryStore *store = app.historyStore();
    QTRY_COMPARE_WITH_TIMEOUT(wait(store->count()), qint64(3), 10000);
    const QList<TaskRunner::HistoryEntry> entries = wait(store->page({}, 0, 10));
    QCOMPARE(entries.size(), 3);
    // Newest first.
    QCOMPARE(entries.at(2).commandLine, QStringLiteral("echo recorded"));
    QCOMPARE(entries.at(2).state, QStringLiteral("done"));
    QCOMPARE(entries.at(2).result, QStringLiteral("recorded"));
    QCOMPARE(entries.at(2).sessionId, window->sessionId());
    QCOMPARE(entries.at(1).state, QStringLiteral("failed"));
    QCOMPARE(entries.at(1).exitCode, std::optional<int>(1));
    QCOMPARE(entries.at(0).kind, QStringLiteral("example"));
    const TaskRunner::HistoryEntry full = wait(store->entry(entries.at(2).id));
    QCOMPARE(full.outputTail, QByteArray("recorded\n"));
}

void tst_Restore::anUnusableHistoryIsToldInTheWindowAndTheAppWorksOn()
{
    // A folder where the database file should be.
    QVERIFY(QDir().mkpath(TaskRunner::HistoryStore::defaultPath()));
    AppController app(testOptions(QStringLiteral("r-unusable")));
    app.start();
    SessionWindow *window = app.windows().constFirst();
    QTRY_VERIFY_WITH_TIMEOUT(window->noticeBar()->isVisible(), 10000);
    QVERIFY(!window->noticeBar()->text().isEmpty());
    window->sessionView()->addCommand(QStringLiteral("echo still"), false);
    QTRY_COMPARE_WITH_TIMEOUT(window->runner().state().done, 1u, 5000);
    QVERIFY(QFileInfo(TaskRunner::HistoryStore::defaultPath()).isDir()); // left alone
}

QTEST_MAIN(tst_Restore)
#include "tst_restore.moc"
