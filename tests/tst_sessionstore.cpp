#include <TaskRunner/sessionstore.h>

#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace TaskRunner;

namespace {

SavedTask makeTask(int number)
{
    SavedTask task;
    task.kind = number % 5 == 0 ? QStringLiteral("example") : QStringLiteral("command");
    task.commandLine = QStringLiteral("echo %1 'two words'").arg(number);
    task.program = QStringLiteral("echo");
    task.arguments = {QString::number(number), QStringLiteral("two words")};
    task.folder = QStringLiteral("/home/user/ünïcode");
    task.useShell = number % 2 == 0;
    task.queuedMs = 1700000000000 + number;
    return task;
}

SavedSession makeSession(int number, int tasks, bool running = false)
{
    SavedSession session;
    session.id = QStringLiteral("session-%1").arg(number);
    session.windowNumber = number;
    session.position = number - 1;
    for (int i = 0; i < tasks; ++i)
        session.waiting.append(makeTask(number * 1000 + i));
    if (running) {
        session.running = makeTask(number * 1000 + 999);
        session.running->startedMs = session.running->queuedMs + 2500;
    }
    if (number % 2)
        session.watch = QStringLiteral("watch %1").arg(number); // the others show the default
    return session;
}

template<typename T> bool finished(const QFuture<T> &future)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, 30000);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// What the writer child process saves on round n: n sessions, session k with k waiting tasks.
QList<SavedSession> round(int n)
{
    QList<SavedSession> sessions;
    for (int k = 1; k <= n % 20 + 1; ++k) {
        SavedSession session = makeSession(k, k);
        session.windowNumber = n; // the round, to see progress
        sessions.append(session);
    }
    return sessions;
}

// The child: saves rounds as fast as it can until it is killed (or its parent dies, or a
// minute passed: it never outlives a test that failed).
int runWriter(const QString &path)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    QTimer::singleShot(60000, QCoreApplication::instance(), &QCoreApplication::quit);
    SessionStore store(path);
    int n = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, &store, [&] { store.setSessions(round(++n)); });
    timer.start(0);
    return QCoreApplication::exec();
}

} // namespace

class tst_SessionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES(); }

    void defaultPathIsInTheDataFolder()
    {
        QVERIFY(SessionStore::defaultPath().endsWith(QLatin1String("/sessions.json")));
    }

    void nothingSavedYet()
    {
        QTemporaryDir dir;
        SessionStore store(dir.filePath(QStringLiteral("sessions.json")));
        const SessionRestore restore = store.load();
        QVERIFY(!restore.found);
        QVERIFY(restore.sessions.isEmpty());
        QVERIFY(restore.notice.isEmpty());
    }

    void savesAndLoadsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state/taskrunner/sessions.json"));
        const QList<SavedSession> sessions{makeSession(1, 3, true), makeSession(2, 0),
                                           makeSession(3, 100)};
        {
            SessionStore store(path);
            store.setSessions(sessions);
            QVERIFY(finished(store.flush()));
            QCOMPARE(store.writeCount(), 1);
            // The file is laid out as QJsonDocument lays out the whole (the sessions' part is
            // made once and reused by the clean shutdown's write, below).
            const QByteArray written = readAll(path);
            QCOMPARE(written, QJsonDocument::fromJson(written).toJson(QJsonDocument::Indented));
            // Loading is only reading: a second load finds the same.
            SessionStore next(path);
            SessionRestore restore = next.load();
            QVERIFY(restore.found);
            QVERIFY(!restore.cleanShutdown); // the run that saved it has not finished
            QCOMPARE(restore.sessions, sessions);
            QCOMPARE(next.load().sessions, sessions);
            QVERIFY(restore.sessions.at(0).running.has_value());
            QVERIFY(!restore.sessions.at(1).running.has_value());

            QVERIFY(store.finish());
        }
        SessionStore store(path);
        const SessionRestore restore = store.load();
        QVERIFY(restore.cleanShutdown);
        QCOMPARE(restore.sessions, sessions);
        const QByteArray written = readAll(path);
        QCOMPARE(written, QJsonDocument::fromJson(written).toJson(QJsonDocument::Indented));

        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QCOMPARE(::stat(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0700u);
        // No temporary file is left behind.
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files),
                 QStringList{QStringLiteral("sessions.json")});
    }

    // The file is written without QJsonObject, for speed: it must stay the text QJsonDocument
    // writes, every escape included, and read back as it was.
    void oddTextsAreWrittenAsQJsonDocumentWritesThem()
    {
        SavedSession odd = makeSession(1, 3, true);
        odd.id = QStringLiteral("quote \" backslash \\ slash /");
        SavedTask &task = odd.waiting[1];
        task.commandLine = QStringLiteral("printf '\x01\x1f\x7f\b\f\n\r\t' # ü € 😀");
        task.program.clear();
        task.arguments.clear(); // an empty array
        task.folder = QString(QChar(0xdbff)) + QChar(0xdfff) + QChar(0xfffd) + QChar(0x7ff) +
                      QChar(0x800) + QChar(0x80);
        task.queuedMs = 0;
        task.startedMs = -1;
        odd.waiting[2].queuedMs = 9007199254740993; // beyond a double's integers
        odd.waiting[2].arguments = {QString(), QStringLiteral("\u2028 \u00a0"), QString(QChar(0))};
        const QList<SavedSession> sessions{odd, makeSession(2, 0), makeSession(3, 1, true)};

        for (const QList<SavedSession> &saved : {QList<SavedSession>(), sessions}) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("sessions.json"));
            SessionStore store(path);
            store.setSessions(saved);
            QVERIFY(store.finish());
            const QByteArray written = readAll(path);
            QCOMPARE(written, QJsonDocument::fromJson(written).toJson(QJsonDocument::Indented));
            SessionStore next(path);
            const SessionRestore restore = next.load();
            QVERIFY(restore.found);
            QVERIFY(restore.notice.isEmpty());
            QCOMPARE(restore.sessions.size(), saved.size());
            for (qsizetype i = 0; i < saved.size(); ++i) {
                // The one double beyond 2^53 reads back as the nearest double, as it would
                // through QJsonDocument.
                SavedSession expected = saved.at(i);
                for (SavedTask &waiting : expected.waiting)
                    waiting.queuedMs = qint64(double(waiting.queuedMs));
                QCOMPARE(restore.sessions.at(i), expected);
            }
        }
    }

    void aRunningTaskSavedBeforeItsStartHadAFieldKeepsItsStart()
    {
        // Earlier files kept the running task's start as its queued time.
        const SavedSession session = makeSession(1, 1, true);
        QJsonObject object = session.toJson();
        QJsonObject running = object.value(QLatin1String("running")).toObject();
        running.remove(QLatin1String("startedMs"));
        running.insert(QLatin1String("queuedMs"), double(session.running->startedMs));
        object.insert(QLatin1String("running"), running);
        SavedSession read;
        QVERIFY(SavedSession::fromJson(object, read));
        QVERIFY(read.running.has_value());
        QCOMPARE(read.running->startedMs, session.running->startedMs);
        QCOMPARE(read.running->queuedMs, 0);
        // A waiting task has no start, and reads back as it was written.
        QCOMPARE(read.waiting, session.waiting);
        QCOMPARE(read.waiting.constFirst().startedMs, 0);
    }

    void finerGrainedUpdates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sessions.json"));
        SessionStore store(path);
        store.updateSession(makeSession(1, 1));
        store.updateSession(makeSession(2, 2));
        SavedSession changed = makeSession(1, 5);
        store.updateSession(changed);
        store.removeSession(QStringLiteral("session-2"));
        store.removeSession(QStringLiteral("no such session"));
        QVERIFY(finished(store.flush()));
        QCOMPARE(store.sessions(), QList<SavedSession>{changed});
        QCOMPARE(SessionStore(path).load().sessions, QList<SavedSession>{changed});
    }

    void coalescesQuickChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sessions.json"));
        SessionStore store(path);
        QElapsedTimer elapsed;
        elapsed.start();
        for (int i = 1; i <= 1000; ++i)
            store.setSessions({makeSession(1, i % 50)});
        const qint64 changing = elapsed.elapsed();
        const QList<SavedSession> last{makeSession(1, 1000 % 50)};
        elapsed.restart();
        QTRY_VERIFY_WITH_TIMEOUT(SessionStore(path).load().sessions == last, 5000);
        const qint64 onDisk = elapsed.elapsed();
        QVERIFY(finished(store.flush()));
        // One write at once, then at most one per coalesceMs.
        const int allowed = 2 + int(changing / SessionStore::coalesceMs);
        QVERIFY2(
            store.writeCount() <= allowed,
            qPrintable(QStringLiteral("%1 writes in %2 ms").arg(store.writeCount()).arg(changing)));
        qInfo("1000 changes in %lld ms: %d writes; the last on disk %lld ms after it was made",
              changing, store.writeCount(), onDisk);
        QVERIFY2(onDisk < 1000, qPrintable(QString::number(onDisk)));
        // And a single change later is written on its own.
        store.setSessions({makeSession(2, 1)});
        QTRY_COMPARE_WITH_TIMEOUT(SessionStore(path).load().sessions,
                                  QList<SavedSession>{makeSession(2, 1)}, 5000);
    }

    void garbageIsSetAside_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("\x01\x02 not json at all");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("other json") << QByteArray("{\"format\": \"something else\"}");
        QTest::newRow("bad session") << QByteArray(
            "{\"format\": \"taskrunner-sessions\", \"version\": 1, \"sessions\": [{\"id\": 3}]}");
        QByteArray torn;
        {
            // A file cut in the middle, as a non-atomic write would leave it.
            QTemporaryDir dir;
            SessionStore store(dir.filePath(QStringLiteral("s.json")));
            store.setSessions({makeSession(1, 10)});
            finished(store.flush());
            const QByteArray whole = readAll(dir.filePath(QStringLiteral("s.json")));
            torn = whole.left(whole.size() / 2);
        }
        QTest::newRow("torn") << torn;
    }

    void garbageIsSetAside()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sessions.json"));
        QVERIFY(writeFile(path, content));
        SessionStore store(path);
        const SessionRestore restore = store.load();
        QVERIFY(restore.sessions.isEmpty());
        QVERIFY2(restore.notice.contains(QLatin1String("set aside")), qPrintable(restore.notice));
        const QStringList aside =
            QDir(dir.path()).entryList({QStringLiteral("sessions.json.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readAll(dir.filePath(aside.constFirst())), content);
        QVERIFY(!QFile::exists(path));
        // And the run starts fresh.
        store.setSessions({makeSession(1, 1)});
        QVERIFY(finished(store.flush()));
        QCOMPARE(SessionStore(path).load().sessions, QList<SavedSession>{makeSession(1, 1)});
    }

    void aFifoInItsPlaceIsSetAsideWithoutBlocking()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sessions.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        SessionStore store(path);
        const SessionRestore restore = store.load(); // an open() would block here for ever
        QVERIFY(restore.sessions.isEmpty());
        QVERIFY2(restore.notice.contains(QLatin1String("not a regular file")) &&
                     restore.notice.contains(QLatin1String("set aside")),
                 qPrintable(restore.notice));
        QCOMPARE(QDir(dir.path())
                     .entryList({QStringLiteral("sessions.json.unreadable-*")}, QDir::System)
                     .size(),
                 1);
        store.setSessions({makeSession(1, 1)});
        QVERIFY(finished(store.flush()));
        QCOMPARE(SessionStore(path).load().sessions, QList<SavedSession>{makeSession(1, 1)});
    }

    void leftoverTemporaryFileIsIgnored()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sessions.json"));
        {
            SessionStore store(path);
            store.setSessions({makeSession(1, 2)});
            QVERIFY(finished(store.flush()));
        }
        // A crash in the middle of the next write leaves only a partial temporary file.
        QVERIFY(writeFile(path + QStringLiteral(".tmp-12345"), "{\"format\": \"taskr"));
        SessionStore store(path);
        QCOMPARE(store.load().sessions, QList<SavedSession>{makeSession(1, 2)});
    }

    void survivesKillDashNine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sessions.json"));
        for (int kill = 0; kill < 5; ++kill) {
            QProcess writer;
            writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            writer.start(QCoreApplication::applicationFilePath(),
                         {QStringLiteral("--session-writer"), path});
            QVERIFY(writer.waitForStarted());
            // Kill it at a different moment each time, while it is writing.
            const int before =
                QFile::exists(path) ? SessionStore(path).load().sessions.value(0).windowNumber : 0;
            QTRY_VERIFY_WITH_TIMEOUT(SessionStore(path).load().sessions.value(0).windowNumber >
                                         before + 3 + kill * 2,
                                     20000);
            writer.kill(); // SIGKILL
            QVERIFY(writer.waitForFinished());

            SessionStore store(path);
            const SessionRestore restore = store.load();
            QVERIFY2(restore.notice.isEmpty(), qPrintable(restore.notice));
            QVERIFY(!restore.cleanShutdown);
            const int n = restore.sessions.value(0).windowNumber;
            QVERIFY(n > 0);
            QCOMPARE(restore.sessions, round(n));
        }
    }

    void keepsSessionsForLater()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sessions.json"));
        const QList<SavedSession> earlier{makeSession(1, 2), makeSession(2, 3)};
        {
            SessionStore store(path);
            store.setSessions(earlier);
            QVERIFY(finished(store.flush()));
        }
        {
            // A run started with --no-restore: keeps them and saves its own.
            SessionStore store(path);
            QCOMPARE(store.load().sessions, earlier);
            QVERIFY(store.keepForLater());
            QVERIFY(QFile::exists(store.keptPath()));
            store.setSessions({makeSession(3, 1)});
            QVERIFY(store.finish());
        }
        SessionStore store(path);
        SessionRestore restore = store.load();
        QCOMPARE(restore.sessions, QList<SavedSession>{makeSession(3, 1)});
        QCOMPARE(restore.kept, earlier);
        // Keeping again adds to what is kept.
        QVERIFY(store.keepForLater());
        restore = store.load();
        QVERIFY(restore.sessions.isEmpty());
        QCOMPARE(restore.kept, QList<SavedSession>() << earlier << makeSession(3, 1));
        QVERIFY(store.forgetKept());
        QVERIFY(store.load().kept.isEmpty());
    }

    void unwritableFolderIsTold()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("taskrunner")), "a file, not a folder"));
        SessionStore store(dir.filePath(QStringLiteral("taskrunner/sessions.json")));
        QSignalSpy statusChanged(&store, &SessionStore::statusChanged);
        store.setSessions({makeSession(1, 1)});
        QVERIFY(finished(store.flush()));
        QTRY_COMPARE_WITH_TIMEOUT(statusChanged.count(), 1, 5000);
        QVERIFY(!store.statusMessage().isEmpty());
        store.setSessions({makeSession(1, 2)});
        QVERIFY(finished(store.flush()));
        QCOMPARE(statusChanged.count(), 1); // told once
        QCOMPARE(store.writeCount(), 0);
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--session-writer") == 0) {
        QCoreApplication app(argc, argv);
        return runWriter(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    tst_SessionStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sessionstore.moc"
