#include "singleinstance.h"
#include "testsupport.h"

#include <TaskRunner/sessionstore.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <memory>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <utility>

// The real executable, twice: the second launch opens its windows in the first and exits.
class tst_SingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aSecondLaunchOpensItsWindowsInTheFirst();
    void aSecondLaunchWithABadOptionExitsTwoAndLeavesTheFirstAlone();
    void newInstanceOptsOut();
    void aNewInstanceLeavesTheRunningOnesSessionsAlone();
    void aStaleSocketIsReplaced();
    void twoLaunchesRacingMakeOneInstance();
    void withoutAPrivateRuntimeFolderEachRunsAlone();
    void theSocketIsPrivate();

private:
    // Starts a launch; it is ended in cleanup() if it still runs.
    QProcess *launch(const QStringList &arguments);
    // Runs a launch to its end; its exit code.
    int run(const QStringList &arguments, QByteArray *errors = nullptr);
    // Starts the first instance and waits until it listens with its window open.
    QProcess *startFirst(const QStringList &arguments = {});
    QString socketPath() const
    {
        return m_runtime->path() + QStringLiteral("/taskrunner/instance");
    }

    std::unique_ptr<QTemporaryDir> m_runtime;
    std::unique_ptr<QTemporaryDir> m_config;
    // Sessions and history of each test's launches stay apart: nothing is restored from another.
    std::unique_ptr<QTemporaryDir> m_data;
    QString m_runtimePath;
    std::vector<std::unique_ptr<QProcess>> m_started;
};

void tst_SingleInstance::init()
{
    m_runtime = std::make_unique<QTemporaryDir>();
    m_config = std::make_unique<QTemporaryDir>();
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(m_runtime->isValid() && m_config->isValid() && m_data->isValid());
    QVERIFY(QFile::setPermissions(m_runtime->path(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    m_runtimePath = m_runtime->path();
}

void tst_SingleInstance::cleanup()
{
    for (const auto &process : m_started) {
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(10000))
                process->kill();
            process->waitForFinished();
        }
    }
    m_started.clear();
}

QProcess *tst_SingleInstance::launch(const QStringList &arguments)
{
    m_started.push_back(std::make_unique<QProcess>());
    QProcess *process = m_started.back().get();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config->path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_data->path());
    if (m_runtimePath.isEmpty())
        environment.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    else
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtimePath);
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("taskrunner.*=true"));
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(TASKRUNNER_EXECUTABLE), arguments);
    return process;
}

int tst_SingleInstance::run(const QStringList &arguments, QByteArray *errors)
{
    QProcess *process = launch(arguments);
    if (!process->waitForFinished(30000)) {
        process->kill();
        process->waitForFinished();
        return -1;
    }
    if (errors)
        *errors = process->readAllStandardError();
    return process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
}

QProcess *tst_SingleInstance::startFirst(const QStringList &arguments)
{
    QProcess *process = launch(arguments);
    [&] {
        QVERIFY(process->waitForStarted(10000));
        QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", process->processId()), 1,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("global ", process->processId()), 1,
                                  20000);
    }();
    return process;
}

void tst_SingleInstance::aSecondLaunchOpensItsWindowsInTheFirst()
{
    QProcess *first = startFirst();
    QVERIFY(QFileInfo::exists(socketPath()));
    const qint64 pid = first->processId();

    QElapsedTimer elapsed;
    elapsed.start();
    QCOMPARE(run({QStringLiteral("--sessions"), QStringLiteral("2"), QStringLiteral("--tasks"),
                  QStringLiteral("1")}),
             0);
    // The windows are open when it exits: one process, two more sessions, the same watch.
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", pid), 3, 5000);
    QCOMPARE(TestSupport::threadCount("global ", pid), 1);
    QCOMPARE(first->state(), QProcess::Running);

    // Another watch by key: its own runner, once, however often it is asked for.
    QCOMPARE(run({QStringLiteral("--global-key"), QStringLiteral("second")}), 0);
    QCOMPARE(run({QStringLiteral("--global-key"), QStringLiteral("second")}), 0);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", pid), 5, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("global ", pid), 2, 5000);

    first->terminate();
    QVERIFY(first->waitForFinished(20000));
    QCOMPARE(first->exitCode(), 0);
    QVERIFY(!QFileInfo::exists(socketPath())); // gone with it
}

void tst_SingleInstance::aSecondLaunchWithABadOptionExitsTwoAndLeavesTheFirstAlone()
{
    QProcess *first = startFirst();
    QByteArray errors;
    QCOMPARE(run({QStringLiteral("--sessions"), QStringLiteral("0")}, &errors), 2);
    QVERIFY2(errors.contains("--sessions: '0' is not allowed"), errors.constData());
    QCOMPARE(run({QStringLiteral("--frobnicate")}, &errors), 2);
    // It never reached the first: that one has its one window and still serves.
    QCOMPARE(TestSupport::threadCount("session ", first->processId()), 1);
    QCOMPARE(first->state(), QProcess::Running);
    QCOMPARE(run({}), 0);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", first->processId()), 2, 5000);
}

void tst_SingleInstance::newInstanceOptsOut()
{
    QProcess *first = startFirst();
    QProcess *own = launch({QStringLiteral("--new-instance")});
    QVERIFY(own->waitForStarted(10000));
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", own->processId()), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("global ", own->processId()), 1, 20000);
    QCOMPARE(TestSupport::threadCount("session ", first->processId()), 1);
    // It does not take over the socket: later launches still go to the first.
    QCOMPARE(run({}), 0);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", first->processId()), 2, 5000);
    QCOMPARE(TestSupport::threadCount("session ", own->processId()), 1);
    own->terminate();
    QVERIFY(own->waitForFinished(20000));
    QCOMPARE(own->exitCode(), 0);
    QVERIFY(QFileInfo::exists(socketPath())); // the first's
}

// The ids of the sessions saved in `path`, and whether the file says its run ended cleanly.
static std::pair<QStringList, bool> savedSessions(const QString &path)
{
    const TaskRunner::SessionRestore saved = TaskRunner::SessionStore(path).load();
    QStringList ids;
    for (const TaskRunner::SavedSession &session : saved.sessions)
        ids << session.id;
    return {ids, saved.found && saved.cleanShutdown};
}

void tst_SingleInstance::aNewInstanceLeavesTheRunningOnesSessionsAlone()
{
    // The running instance keeps its two windows' sessions in the file. An instance of its own
    // beside it neither opens them a second time nor writes its own over them.
    const QString sessions = m_data->path() + QStringLiteral("/taskrunner/sessions.json");
    QProcess *first =
        launch({QStringLiteral("--sessions"), QStringLiteral("2"), QStringLiteral("--tasks"),
                QStringLiteral("1"), QStringLiteral("--task"), QStringLiteral("sleep 100")});
    QVERIFY(first->waitForStarted(10000));
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", first->processId()), 2, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socketPath()), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(savedSessions(sessions).first.size(), 2, 10000);
    const QStringList firstSessions = savedSessions(sessions).first;

    QProcess *own = launch(
        {QStringLiteral("--new-instance"), QStringLiteral("--task"), QStringLiteral("sleep 101")});
    QVERIFY(own->waitForStarted(10000));
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", own->processId()), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("global ", own->processId()), 1, 20000);
    own->terminate();
    QVERIFY(own->waitForFinished(20000));
    QCOMPARE(own->exitCode(), 0);
    QCOMPARE(TestSupport::threadCount("session ", own->processId()), 0);
    QCOMPARE(savedSessions(sessions), std::make_pair(firstSessions, false)); // still running

    first->terminate();
    QVERIFY(first->waitForFinished(20000));
    QCOMPARE(savedSessions(sessions), std::make_pair(firstSessions, true));

    // With no instance running, an instance of its own has the sessions: it restores them.
    QProcess *alone = launch({QStringLiteral("--new-instance")});
    QVERIFY(alone->waitForStarted(10000));
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", alone->processId()), 2, 20000);
    alone->terminate();
    QVERIFY(alone->waitForFinished(20000));
    QCOMPARE(savedSessions(sessions), std::make_pair(firstSessions, true));
}

void tst_SingleInstance::aStaleSocketIsReplaced()
{
    // What a crashed instance leaves: a socket file nobody listens on.
    QVERIFY(QDir().mkpath(QFileInfo(socketPath()).path()));
    QVERIFY(QFile::setPermissions(QFileInfo(socketPath()).path(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(socketPath());
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFileInfo::exists(socketPath()));

    QProcess *first = startFirst();
    QCOMPARE(run({}), 0);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", first->processId()), 2, 5000);

    // And after a crash of that one (SIGKILL: nothing cleaned up), the next launch takes over.
    first->kill();
    QVERIFY(first->waitForFinished(10000));
    QVERIFY(QFileInfo::exists(socketPath()));
    QProcess *next = startFirst();
    QCOMPARE(run({}), 0);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", next->processId()), 2, 5000);
}

void tst_SingleInstance::twoLaunchesRacingMakeOneInstance()
{
    QProcess *a = launch({});
    QProcess *b = launch({});
    QVERIFY(a->waitForStarted(10000) && b->waitForStarted(10000));
    // One of them forwards and exits 0; the other has both windows.
    QTRY_VERIFY_WITH_TIMEOUT(
        a->state() == QProcess::NotRunning || b->state() == QProcess::NotRunning, 30000);
    QProcess *gone = a->state() == QProcess::NotRunning ? a : b;
    QProcess *staying = gone == a ? b : a;
    QCOMPARE(gone->exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::threadCount("session ", staying->processId()), 2, 20000);
    QCOMPARE(TestSupport::threadCount("global ", staying->processId()), 1);
}

void tst_SingleInstance::withoutAPrivateRuntimeFolderEachRunsAlone()
{
    // A runtime folder others can read is no place for the socket.
    QVERIFY(QFile::setPermissions(m_runtime->path(), QFile::ReadOwner | QFile::WriteOwner |
                                                         QFile::ExeOwner | QFile::ReadOther |
                                                         QFile::ExeOther));
    QProcess *first = startFirst();
    QProcess *second = startFirst();
    QCOMPARE(first->state(), QProcess::Running);
    QCOMPARE(second->state(), QProcess::Running);
    QVERIFY(!QFileInfo::exists(socketPath()));
    for (QProcess *process : {first, second}) {
        process->terminate();
        QVERIFY(process->waitForFinished(20000));
        QCOMPARE(process->exitCode(), 0);
        const QByteArray log = process->readAllStandardError();
        QVERIFY2(log.contains("Starting as an instance of its own"), log.constData());
    }
    // Nor without one at all.
    m_runtimePath.clear();
    QProcess *third = startFirst();
    third->terminate();
    QVERIFY(third->waitForFinished(20000));
    QCOMPARE(third->exitCode(), 0);
}

void tst_SingleInstance::theSocketIsPrivate()
{
    QVERIFY(startFirst()->state() == QProcess::Running);
    struct stat folder = {};
    QCOMPARE(::stat(QFile::encodeName(QFileInfo(socketPath()).path()).constData(), &folder), 0);
    QCOMPARE(folder.st_mode & 0777, 0700u);
    QCOMPARE(folder.st_uid, ::getuid());
    struct stat socket = {};
    QCOMPARE(::stat(QFile::encodeName(socketPath()).constData(), &socket), 0);
    QVERIFY(S_ISSOCK(socket.st_mode));
    QCOMPARE(socket.st_mode & 0077, 0u);
}

QTEST_GUILESS_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
