#include "appcontroller.h"
#include "applicationinfo.h"
#include "globalrunnerview.h"
#include "noticebar.h"
#include "sessionrunnerview.h"
#include "sessionwindow.h"
#include "testsupport.h"

#include <TaskRunner/globalrunnerregistry.h>

#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <csignal>
#include <sys/stat.h>

using namespace std::chrono_literals;

class tst_AppController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init()
    {
        QSettings().clear();
        TestSupport::clearAppData();
    }
    void cleanup();

    void startOpensTheRequestedWindows();
    void commandLineCommandsGoToTheFirstWindowOnly();
    void commandLineIntervalWinsOverSavedOne();
    void intervalAndGeometrySurviveARestart();
    void garbageSettingsFallBackToDefaults();
    void unusableSavedIntervalsFallBack_data();
    void unusableSavedIntervalsFallBack();
    void unchangedSettingsAreNotRewritten();
    void anUnwritableSettingsFileIsReportedOnce();
    void aDamagedSettingsFileIsCopiedAndItsJunkNotWrittenBack();
    void aSettingsPathThatIsNotAFileIsSetAsideWithoutWaiting();
    void firstWindowLoadsNoImagePlugin();
    void quitActionClosesEveryWindowAndStopsEverySession();
    void cascadedWindowsStayOnScreenAndQuitKeepsTheFirstPlace();
    void aSavedPlacePartlyOffTheScreenIsMovedOnIt_data();
    void aSavedPlacePartlyOffTheScreenIsMovedOnIt();
    void aGeometryThatCannotBeRestoredIsIgnoredAndTheWindowCentred();
    void windowsCascadeOneEqualStepFromTheFirstAlsoAfterARestart();
    void quitWithQueuedAndRunningWorkExitsZero_data();
    void quitWithQueuedAndRunningWorkExitsZero();
};

void tst_AppController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installMessageGuard();
    ApplicationInfo::installTranslations();
}

void tst_AppController::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        widget->close();
    // What the damaged-settings tests set aside.
    const QFileInfo settings(QSettings().fileName());
    QDir folder = settings.dir();
    for (const QString &name : folder.entryList({settings.fileName() + QStringLiteral(".*-*")},
                                                QDir::Files | QDir::System | QDir::Hidden))
        folder.remove(name);
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_AppController::startOpensTheRequestedWindows()
{
    AppOptions options;
    options.sessions = 3;
    options.tasks = 2;
    options.taskSeconds = 0.01;
    options.globalKey = QStringLiteral("c-start");
    AppController app(options);
    app.start();
    QCOMPARE(app.windows().size(), 1); // the first at once, the others one per turn
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 3, 5000);
    for (SessionWindow *window : app.windows())
        QTRY_COMPARE_WITH_TIMEOUT(window->runner().state().done, 2u, 10000);
    // One thread per watch: the default one and c-start, however many windows show them.
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("global "), 2, 5000);
}

void tst_AppController::commandLineCommandsGoToTheFirstWindowOnly()
{
    AppOptions options;
    options.sessions = 3;
    options.tasks = 1;
    options.taskSeconds = 0.01;
    options.commands = {QStringLiteral("echo one"), QStringLiteral("echo two")};
    options.globalKey = QStringLiteral("c-commands");
    AppController app(options);
    app.start();
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 3, 5000);
    const QList<SessionWindow *> windows = app.windows();
    // The first: its example task and both commands; the others their example task only.
    QCOMPARE(windows.at(0)->runner().state().appended, 3u);
    QCOMPARE(windows.at(1)->runner().state().appended, 1u);
    QCOMPARE(windows.at(2)->runner().state().appended, 1u);
    QTRY_COMPARE_WITH_TIMEOUT(windows.at(0)->runner().state().done, 3u, 10000);
}

void tst_AppController::commandLineIntervalWinsOverSavedOne()
{
    QSettings().setValue(QStringLiteral("intervals/c-cli"), QStringLiteral("7"));
    AppOptions options;
    options.globalKey = QStringLiteral("c-cli");
    {
        AppController app(options);
        QCOMPARE(app.globalRunner().interval(), 7.0);
    }
    TaskRunner::GlobalRunnerRegistry::instance()->removeAll();
    options.interval = 0.5;
    AppController app(options);
    QCOMPARE(app.globalRunner().interval(), 0.5);
    QCOMPARE(app.settings().interval(QStringLiteral("c-cli"), 0), 7.0); // not replaced
}

void tst_AppController::intervalAndGeometrySurviveARestart()
{
    AppOptions options;
    options.globalKey = QStringLiteral("c/restart"); // a key with a character QSettings parses
    QRect geometry;
    {
        AppController app(options);
        SessionWindow *window = app.newWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->resize(655, 377);
        geometry = window->geometry();
        window->globalView()->intervalSpinBox()->setValue(1.234);
        QCOMPARE(app.globalRunner().interval(), 1.234);
        window->close();
        app.settings().sync();
    }
    TaskRunner::GlobalRunnerRegistry::instance()->removeAll(); // as if the process ended

    AppController app(options);
    QCOMPARE(app.globalRunner().interval(), 1.234);
    SessionWindow *window = app.newWindow();
    QCOMPARE(window->size(), geometry.size());
    QCOMPARE(window->globalView()->intervalSpinBox()->value(), 1.234);
}

void tst_AppController::garbageSettingsFallBackToDefaults()
{
    const QString file = QSettings().fileName();
    QSettings().sync();
    {
        QFile settings(file);
        QVERIFY(settings.open(QIODevice::WriteOnly | QIODevice::Truncate));
        settings.write("[intervals]\nc-garbage=fast\nexample-worker=nan\n"
                       "[window]\ngeometry=@ByteArray(\\x1\\x2garbage)\n\x01\x02\xff[[[\n");
    }
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("Ignoring the saved interval 'fast'")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("Ignoring the saved window geometry")));
    AppOptions options;
    options.globalKey = QStringLiteral("c-garbage");
    AppController app(options);
    QCOMPARE(app.globalRunner().interval(), 0.33);
    SessionWindow *window = app.newWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->width() > 200 && window->height() > 100);
}

void tst_AppController::unusableSavedIntervalsFallBack_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("shown");
    QTest::newRow("beyond a year") << QByteArray("1e10") << QStringLiteral("1e10");
    QTest::newRow("below the minimum") << QByteArray("0.0001") << QStringLiteral("0.0001");
    QTest::newRow("a list") << QByteArray("1, 2") << QStringLiteral("1, 2");
    QTest::newRow("infinity") << QByteArray("inf") << QStringLiteral("inf");
}

void tst_AppController::unusableSavedIntervalsFallBack()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, shown);
    const QString file = QSettings().fileName();
    QSettings().sync();
    {
        QFile settings(file);
        QVERIFY(settings.open(QIODevice::WriteOnly | QIODevice::Truncate));
        settings.write("[intervals]\nc-unusable=" + line + "\n");
    }
    // The message shows the value as it is in the file.
    QTest::ignoreMessage(QtWarningMsg,
                         QStringLiteral("Ignoring the saved interval '%1' for c-unusable in %2; "
                                        "using 0.33 s")
                             .arg(shown, file)
                             .toUtf8()
                             .constData());
    AppOptions options;
    options.globalKey = QStringLiteral("c-unusable");
    AppController app(options);
    QCOMPARE(app.globalRunner().interval(), 0.33);
}

namespace {

// The inode of `file`: QSettings writes through QSaveFile, which replaces the file.
ino_t inodeOf(const QString &file)
{
    struct stat status = {};
    return ::stat(QFile::encodeName(file).constData(), &status) == 0 ? status.st_ino : 0;
}

} // namespace

void tst_AppController::unchangedSettingsAreNotRewritten()
{
    AppSettings settings;
    const QByteArray geometry("geometry bytes");
    settings.setInterval(QStringLiteral("c-unchanged"), 1.5);
    settings.setWindowGeometry(geometry);
    settings.sync();
    const ino_t written = inodeOf(settings.fileName());
    QVERIFY(written != 0);

    // What a quit that changed nothing does: the same values again.
    settings.setInterval(QStringLiteral("c-unchanged"), 1.5);
    settings.setWindowGeometry(geometry);
    settings.sync();
    QCOMPARE(inodeOf(settings.fileName()), written);

    settings.setInterval(QStringLiteral("c-unchanged"), 2.5);
    settings.sync();
    QVERIFY(inodeOf(settings.fileName()) != written);
    QCOMPARE(AppSettings().interval(QStringLiteral("c-unchanged"), 0.33), 2.5);
}

void tst_AppController::anUnwritableSettingsFileIsReportedOnce()
{
    // A directory where the file should be: nobody can write it, not even root.
    const QString file = QSettings().fileName();
    QFile::remove(file);
    QVERIFY(QDir().mkpath(file));
    const auto removeDirectory = qScopeGuard([&] { QDir(file).removeRecursively(); });

    AppSettings settings;
    const QString message = QStringLiteral("Cannot write the settings file %1 - changes are kept "
                                           "until the app quits, not saved")
                                .arg(file);
    QTest::ignoreMessage(QtWarningMsg, message.toUtf8().constData());
    QTest::failOnWarning(QRegularExpression(QRegularExpression::escape(message)));
    settings.setInterval(QStringLiteral("c-unwritable"), 1.5);
    settings.setWindowGeometry("geometry bytes");
    settings.setInterval(QStringLiteral("c-unwritable"), 2.5);
    settings.sync();
    // What this run set is still there for it.
    QCOMPARE(settings.interval(QStringLiteral("c-unwritable"), 0.33), 2.5);
    QVERIFY(QFileInfo(file).isDir());
}

namespace {

// The files set aside beside the settings file as `what` ("damaged", "unreadable").
QStringList setAside(const char *what)
{
    const QFileInfo settings(QSettings().fileName());
    return settings.dir().entryList(
        {settings.fileName() + QLatin1Char('.') + QLatin1String(what) + QStringLiteral("-*")},
        QDir::Files | QDir::System);
}

} // namespace

void tst_AppController::aDamagedSettingsFileIsCopiedAndItsJunkNotWrittenBack()
{
    const QString file = QSettings().fileName();
    QSettings().sync();
    // A saved interval, then what a binary written over the end of the file leaves.
    static const char bytes[] = "[intervals]\nc-damaged=2.5\n"
                                "\x7f"
                                "ELF\x02\x01\x01\0\0\0=\xc3\x28\n[\x90\x91]\nj\xfe\xff"
                                "nk=1\n";
    const QByteArray damaged(bytes, sizeof bytes - 1);
    {
        QFile settings(file);
        QVERIFY(settings.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(settings.write(damaged), damaged.size());
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is damaged; what cannot "
                                                                         "be read uses defaults")));
    {
        AppOptions options;
        options.globalKey = QStringLiteral("c-damaged");
        AppController app(options);
        // What could be read is used.
        QCOMPARE(app.globalRunner().interval(), 2.5);
        // The file as it was is kept, and the first window says where.
        const QStringList copies = setAside("damaged");
        QCOMPARE(copies.size(), 1);
        QFile copy(QFileInfo(file).dir().filePath(copies.constFirst()));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), damaged);
        SessionWindow *window = app.newWindow();
        QVERIFY(window->noticeBar()->isVisible());
        QVERIFY2(window->noticeBar()->text().contains(copies.constFirst()),
                 qPrintable(window->noticeBar()->text()));
        app.settings().setInterval(QStringLiteral("c-damaged"), 3.5);
        app.settings().sync();
    }
    // Written back: the app's groups only, read again without a word.
    QSettings written;
    QCOMPARE(written.childGroups(), QStringList{QStringLiteral("intervals")});
    QCOMPARE(written.childKeys(), QStringList());
    QCOMPARE(written.value(QStringLiteral("intervals/c-damaged")).toString(),
             QStringLiteral("3.5"));
    QTest::failOnWarning(QRegularExpression(QStringLiteral("damaged")));
    const AppSettings again;
    QCOMPARE(again.interval(QStringLiteral("c-damaged"), 0.33), 3.5);
    QVERIFY(again.startNotice().isEmpty());
    QCOMPARE(setAside("damaged").size(), 1);
}

void tst_AppController::aSettingsPathThatIsNotAFileIsSetAsideWithoutWaiting()
{
    // Opened for reading, a FIFO waits for a writer: the app would never start.
    const QString file = QSettings().fileName();
    QFile::remove(file);
    QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
    QCOMPARE(::mkfifo(QFile::encodeName(file).constData(), 0600), 0);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("is not a regular file; set aside as")));
    AppSettings settings;
    const QStringList aside = setAside("unreadable");
    QCOMPARE(aside.size(), 1);
    QVERIFY(settings.startNotice().contains(aside.constFirst()));
    settings.setInterval(QStringLiteral("c-fifo"), 1.5);
    settings.sync();
    QVERIFY(QFileInfo(file).isFile());
    QCOMPARE(AppSettings().interval(QStringLiteral("c-fifo"), 0.33), 1.5);
}

void tst_AppController::firstWindowLoadsNoImagePlugin()
{
    // Image-format plugins (and QtSvg for the window icon) are loaded when an icon is first
    // painted, not while the first window is built.
    QTemporaryDir config;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), config.path()); // history, sessions
    // Its own runtime folder: it must not join another test's (or the user's) instance.
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), config.path());
    environment.insert(QStringLiteral("QT_DEBUG_PLUGINS"), QStringLiteral("1"));
    // A theme, style or plugin path of the developer's desktop would load plugins of its own.
    for (const char *name : {"QT_QPA_PLATFORMTHEME", "QT_STYLE_OVERRIDE", "QT_PLUGIN_PATH"})
        environment.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TASKRUNNER_EXECUTABLE),
                  {QStringLiteral("--exit-after-first-frame")});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray log = process.readAllStandardError();
    QVERIFY2(log.contains("platforms/libqoffscreen.so\" loaded library"), log.constData());
    QVERIFY2(!log.contains("imageformats/"), log.constData());
    QVERIFY2(!log.contains("iconengines/"), log.constData());
}

void tst_AppController::cascadedWindowsStayOnScreenAndQuitKeepsTheFirstPlace()
{
    AppOptions options;
    options.sessions = 30;
    options.globalKey = QStringLiteral("c-cascade");
    AppController app(options);
    app.start();
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 30, 10000);
    const QList<SessionWindow *> windows = app.windows();
    const QRect available = windows.constFirst()->screen()->availableGeometry();
    for (const SessionWindow *window : windows)
        QVERIFY2(available.contains(window->frameGeometry()), qPrintable(window->windowTitle()));
    // Quitting saves the geometry of the window the others were cascaded from, so the next
    // start opens where this one did, not one step further.
    QVERIFY(windows.constLast()->pos() != windows.constFirst()->pos());
    const QByteArray first = windows.constFirst()->saveGeometry();
    app.quit();
    QCOMPARE(app.settings().windowGeometry(), first);
}

void tst_AppController::aSavedPlacePartlyOffTheScreenIsMovedOnIt_data()
{
    QTest::addColumn<bool>("atTheBottom");
    // What a run at another scale factor, or on a larger screen, leaves: a window whose top
    // left is on this screen and the rest beyond its right and bottom edges.
    QTest::newRow("larger than the screen") << false;
    // A window whose client area ended at the bottom of the screen: restored with its frame
    // where it was, the client area inside it would end lower.
    QTest::newRow("at the bottom") << true;
}

void tst_AppController::aSavedPlacePartlyOffTheScreenIsMovedOnIt()
{
    QFETCH(bool, atTheBottom);
    QByteArray saved;
    QRect available;
    {
        QWidget earlier;
        earlier.show();
        QVERIFY(QTest::qWaitForWindowExposed(&earlier));
        available = earlier.screen()->availableGeometry();
        const QRect place =
            atTheBottom
                ? QRect(available.left() + 40, available.bottom() - 299, 400, 300)
                : QRect(available.topLeft() + QPoint(available.width() / 2, 40), available.size());
        earlier.setGeometry(place);
        QTRY_COMPARE_WITH_TIMEOUT(earlier.geometry(), place, 5000);
        saved = earlier.saveGeometry();
    }
    AppOptions options;
    options.globalKey = QStringLiteral("c-offscreen-place");
    AppController app(options);
    app.settings().setWindowGeometry(saved);
    SessionWindow *window = app.newWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    const QRect frame = window->frameGeometry();
    QVERIFY2(available.contains(frame), qPrintable(QStringLiteral("%1,%2 %3x%4 in %5x%6")
                                                       .arg(frame.x())
                                                       .arg(frame.y())
                                                       .arg(frame.width())
                                                       .arg(frame.height())
                                                       .arg(available.width())
                                                       .arg(available.height())));
}

void tst_AppController::aGeometryThatCannotBeRestoredIsIgnoredAndTheWindowCentred()
{
    // Not left where nothing placed it (the top left corner, where its title bar would be
    // above the screen), but placed as when no geometry was saved.
    AppOptions options;
    options.globalKey = QStringLiteral("c-unrestorable");
    AppController app(options);
    app.settings().setWindowGeometry("not a saved geometry");
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^Ignoring the saved window geometry "
                                                           "in .* - it cannot be restored$")));
    SessionWindow *window = app.newWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    const QRect available = window->screen()->availableGeometry();
    QVERIFY(available.contains(window->frameGeometry()));
    const QPoint offset = window->geometry().center() - available.center();
    QVERIFY2(offset.manhattanLength() <= 2,
             qPrintable(QStringLiteral("%1,%2 from the middle").arg(offset.x()).arg(offset.y())));
}

void tst_AppController::quitActionClosesEveryWindowAndStopsEverySession()
{
    AppOptions options;
    options.sessions = 3;
    options.tasks = 3;
    options.globalKey = QStringLiteral("c-quit");
    AppController app(options);
    app.start();
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 3, 5000);
    QList<TaskRunner::SessionRunner> runners;
    for (SessionWindow *window : app.windows())
        runners << window->runner();
    QTRY_VERIFY_WITH_TIMEOUT(runners.constFirst().state().busy, 5000);

    app.windows().constFirst()->findChild<QAction *>(QStringLiteral("quitAction"))->trigger();
    QCOMPARE(app.windows().size(), 0);
    for (const auto &runner : std::as_const(runners))
        QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 5000); // tasks are interrupted
}

void tst_AppController::quitWithQueuedAndRunningWorkExitsZero_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_AppController::quitWithQueuedAndRunningWorkExitsZero()
{
    QFETCH(int, signalNumber);
    QTemporaryDir config;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), config.path());   // history, sessions
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), config.path()); // an instance alone
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TASKRUNNER_EXECUTABLE),
                  {QStringLiteral("--sessions"), QStringLiteral("3"), QStringLiteral("--tasks"),
                   QStringLiteral("4"), QStringLiteral("--task-seconds"), QStringLiteral("3")});
    QVERIFY(process.waitForStarted(10000));
    // Ready when its three session threads and the global one run.
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", process.processId()), 3, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("global ", process.processId()), 1, 20000);

    QElapsedTimer elapsed;
    elapsed.start();
    ::kill(pid_t(process.processId()), signalNumber);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(elapsed.elapsed() < 2000 + 3000, qPrintable(QString::number(elapsed.elapsed())));
    const QByteArray errors = process.readAllStandardError();
    QVERIFY2(!errors.contains("Destroyed while thread"), errors.constData());
    QVERIFY2(!errors.contains("Still running"), errors.constData()); // all were cooperative
}

void tst_AppController::windowsCascadeOneEqualStepFromTheFirstAlsoAfterARestart()
{
    QPoint firstPlace;
    for (int run = 0; run < 2; ++run) {
        AppOptions options;
        options.sessions = 3;
        options.globalKey = QStringLiteral("c-step");
        AppController app(options);
        app.start();
        QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 3, 5000); // restored ones, one a turn
        const QList<SessionWindow *> windows = app.windows();
        const QRect available = windows.constFirst()->screen()->availableGeometry();
        if (run == 0) {
            // No saved place: the middle of the screen, not its corner.
            QVERIFY(windows.constFirst()->frameGeometry().contains(available.center()));
            firstPlace = windows.constFirst()->pos();
        } else {
            QCOMPARE(windows.constFirst()->pos(), firstPlace); // where the first one was
        }
        for (int i = 1; i < windows.size(); ++i) {
            // One step from the one before, or the top left when that step would not fit.
            const QRect before = windows.at(i - 1)->frameGeometry();
            const QRect step = before.translated(32, 32);
            const QRect placed = windows.at(i)->frameGeometry();
            // (Within the few pixels of frame that the platform reports only once a window is
            // shown: a restored first window's frame is known from its saved geometry.)
            const QPoint expected = available.contains(step) ? step.topLeft() : available.topLeft();
            QVERIFY2((placed.topLeft() - expected).manhattanLength() <= 4,
                     qPrintable(QStringLiteral("window %1 at %2,%3, expected %4,%5")
                                    .arg(i)
                                    .arg(placed.left())
                                    .arg(placed.top())
                                    .arg(expected.x())
                                    .arg(expected.y())));
            QVERIFY(available.contains(placed));
        }
        app.quitWithoutAsking();
    }
}

QTEST_MAIN(tst_AppController)
#include "tst_appcontroller.moc"
