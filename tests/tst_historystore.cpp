#include <TaskRunner/historystore.h>

#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace TaskRunner;

namespace {

HistoryEntry makeEntry(qint64 number, const QString &session = QStringLiteral("s1"))
{
    HistoryEntry entry;
    entry.sessionId = session;
    entry.taskNumber = number;
    entry.kind = QStringLiteral("command");
    entry.commandLine = QStringLiteral("echo %1").arg(number);
    entry.folder = QStringLiteral("/tmp");
    entry.queuedMs = 1700000000000 + number;
    entry.startedMs = entry.queuedMs + 1;
    entry.finishedMs = entry.queuedMs + 2;
    entry.state = HistoryState::done();
    entry.exitCode = 0;
    entry.result = QString::number(number);
    return entry;
}

template<typename T> bool finished(const QFuture<T> &future, int timeoutMs = 60000)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs);
}

template<typename T> T resultOf(const QFuture<T> &future)
{
    if (!finished(future) || future.resultCount() == 0)
        return T();
    return future.result();
}

QList<HistoryEntry> everything(HistoryStore &store, const HistoryFilter &filter = {})
{
    QList<HistoryEntry> all;
    qint64 before = 0;
    for (;;) {
        const QList<HistoryEntry> page = resultOf(store.page(filter, before, 10000));
        all += page;
        if (page.size() < 10000)
            return all;
        before = page.constLast().id;
    }
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray sha(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Direct SQL on a history file, for fabricating layouts and checking what is on disk.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDatabase()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        return query.exec(sql);
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

} // namespace

class tst_HistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES(); }

    void defaultPathIsInTheDataFolder()
    {
        QVERIFY(HistoryStore::defaultPath().endsWith(QLatin1String("/history.sqlite")));
    }

    void freshFileHasTheSchemaAndPrivateModes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data/taskrunner/history.sqlite"));
        {
            HistoryStore store(path);
            store.add(makeEntry(1));
            QVERIFY(finished(store.flush()));
            QCOMPARE(store.status(), HistoryStore::Status::Ok);
            QCOMPARE(store.statusMessage(), QString());
            QCOMPARE(store.writtenCount(), 1);
        }
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QCOMPARE(::stat(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0700u);

        RawDatabase raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA application_id")).toInt(), 0x54524831);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM task_history")).toInt(), 1);
        // The fields can be read by hand too.
        QCOMPARE(raw.value(QStringLiteral("SELECT command FROM task_history_fields")).toString(),
                 QStringLiteral("echo 1"));
        QCOMPARE(raw.value(QStringLiteral("SELECT exit_code FROM task_history_fields")).toInt(), 0);
        QVERIFY(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                         "'index' AND name = 'task_history_state'"))
                    .toInt() == 1);
    }

    void migratesThePreReleaseLayout()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RawDatabase raw(path);
            QVERIFY(raw.exec(QStringLiteral(
                "CREATE TABLE history (id INTEGER PRIMARY KEY, session TEXT, command TEXT, "
                "state TEXT, exit_code INTEGER, result TEXT, finished INTEGER)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO history VALUES (1, 'a', 'make', "
                                            "'done', 0, 'Built', 1000)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO history VALUES (2, 'a', 'make test', "
                                            "'failed', 2, 'Error', 2000)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO history VALUES (3, NULL, NULL, NULL, "
                                            "NULL, NULL, NULL)")));
        }
        HistoryStore store(path);
        QVERIFY(finished(store.flush()));
        QCOMPARE(store.status(), HistoryStore::Status::Ok);
        const QList<HistoryEntry> entries = everything(store);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(1).commandLine, QStringLiteral("make test"));
        QCOMPARE(entries.at(1).state, QStringLiteral("failed"));
        QCOMPARE(entries.at(1).exitCode, std::optional<int>(2));
        QCOMPARE(entries.at(1).finishedMs, 2000);
        QCOMPARE(entries.at(2).result, QStringLiteral("Built"));
        QCOMPARE(entries.at(0).state, QStringLiteral("done"));
        QCOMPARE(entries.at(0).exitCode, std::nullopt);
        // Migrated rows are searchable, and new ones follow them.
        HistoryFilter filter;
        filter.text = QStringLiteral("ERROR");
        QCOMPARE(everything(store, filter).size(), 1);
        store.add(makeEntry(4));
        QVERIFY(finished(store.flush()));
        QCOMPARE(everything(store).constFirst().taskNumber, 4);

        RawDatabase raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                          "'history'"))
                     .toInt(),
                 0);
    }

    void batchesKeepTheOrder()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QSignalSpy written(&store, &HistoryStore::entriesWritten);
        constexpr int count = 100000;
        QList<HistoryEntry> list;
        for (int i = 0; i < count; ++i) {
            // Single entries and lists of every size, mixed.
            // Some with output, which are written one by one between the grouped ones.
            HistoryEntry entry = makeEntry(i);
            if (i % 97 == 0)
                entry.outputTail = QByteArray::number(i);
            if (i % 3 == 0) {
                if (!list.isEmpty())
                    store.add(std::exchange(list, {}));
                store.add(entry);
            } else {
                list.append(entry);
                if (i % 1000 == 1)
                    store.add(std::exchange(list, {}));
            }
        }
        store.add(list);
        QVERIFY(finished(store.flush()));
        QCOMPARE(store.writtenCount(), count);
        QCOMPARE(store.droppedCount(), 0);
        const QList<HistoryEntry> entries = everything(store);
        QCOMPARE(entries.size(), count);
        for (int i = 0; i < count; ++i) {
            if (entries.at(i).taskNumber != count - 1 - i)
                QFAIL(qPrintable(
                    QStringLiteral("row %1 holds task %2").arg(i).arg(entries.at(i).taskNumber)));
        }
        QCOMPARE(entries.constFirst(), [&] {
            HistoryEntry last = makeEntry(count - 1);
            last.id = entries.constFirst().id;
            return last;
        }());
        for (int i : {0, 97, 97 * 500, 97 * 1030}) {
            const HistoryEntry withOutput = resultOf(store.entry(entries.at(count - 1 - i).id));
            QCOMPARE(withOutput.taskNumber, i);
            QCOMPARE(withOutput.outputTail, QByteArray::number(i));
            QCOMPARE(resultOf(store.entry(entries.at(count - 2 - i).id)).outputTail, QByteArray());
        }
        // Written in batches, not one transaction per entry.
        QTRY_VERIFY_WITH_TIMEOUT(written.count() >= 1, 10000);
        QVERIFY2(written.count() < 1000, qPrintable(QString::number(written.count())));
    }

    // Every way an entry is written (in a group of many, alone, with its output) keeps its texts
    // as they were, and a search finds them whatever their case.
    void textsSurviveEveryWayOfWriting()
    {
        const QStringList texts = {
            QString(),
            QStringLiteral("plain"),
            QStringLiteral("quote \" backslash \\ slash /"),
            QStringLiteral("tab\tnew line\ncarriage\rbell\a nul-free\x1f end"),
            QStringLiteral("Grüezi aus Köln, ÆØÅ, Ελληνικά, 日本語, 🎉"),
            QStringLiteral("MiXeD CaSe ASCII"),
            QString(1, QChar(0x7f)) + QStringLiteral("{\"not\": \"json\"}"),
        };
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QList<HistoryEntry> group; // 64 entries in one list: written as whole groups
        QList<HistoryEntry> expected;
        qint64 number = 0;
        for (const QString &text : texts) {
            const auto make = [&] {
                HistoryEntry entry = makeEntry(number++);
                entry.commandLine = text;
                entry.result = text;
                entry.kind = text;
                entry.folder = text;
                entry.watchKey = text;
                entry.sessionId = text;
                return entry;
            };
            for (int i = 0; i < 64 / int(texts.size()) + 1; ++i) {
                group.append(make());
                expected.append(group.constLast());
            }
            HistoryEntry alone = make();
            store.add(alone); // alone, and the last of a batch: one by one
            expected.append(alone);
            HistoryEntry withOutput = make();
            withOutput.outputTail = text.toUtf8();
            withOutput.outputSize = withOutput.outputTail.size();
            store.add(withOutput);
            expected.append(withOutput);
        }
        store.add(group);
        QVERIFY(finished(store.flush()));
        QCOMPARE(store.droppedCount(), 0);
        QList<HistoryEntry> entries = everything(store);
        QCOMPARE(entries.size(), expected.size());
        const auto byNumber = [](const HistoryEntry &a, const HistoryEntry &b) {
            return a.taskNumber < b.taskNumber;
        };
        std::sort(entries.begin(), entries.end(), byNumber);
        std::sort(expected.begin(), expected.end(), byNumber);
        for (qsizetype i = 0; i < entries.size(); ++i) {
            HistoryEntry read = resultOf(store.entry(entries.at(i).id));
            HistoryEntry want = expected.at(i);
            want.id = read.id;
            if (want.outputTail.isEmpty())
                read.outputTail.clear();
            QCOMPARE(read, want);
        }
        for (const QString &text : texts) {
            if (text.isEmpty())
                continue;
            HistoryFilter filter;
            for (const QString &needle : {text.toUpper(), text.toLower()}) {
                filter.text = needle;
                const qsizetype found = everything(store, filter).size();
                QVERIFY2(found >= 64 / texts.size() + 3,
                         qPrintable(QStringLiteral("%1: %2").arg(needle).arg(found)));
            }
        }
    }

    void addsFromManyThreads()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        constexpr int threads = 4;
        constexpr int perThread = 5000;
        std::vector<std::unique_ptr<QThread>> producers;
        for (int t = 0; t < threads; ++t) {
            producers.emplace_back(QThread::create([&store, t] {
                for (int i = 0; i < perThread; ++i)
                    store.add(makeEntry(i, QStringLiteral("t%1").arg(t)));
            }));
            producers.back()->start();
        }
        for (auto &producer : producers)
            QVERIFY(producer->wait(60000));
        QVERIFY(finished(store.flush()));
        for (int t = 0; t < threads; ++t) {
            // Each thread's entries in its order.
            const QList<HistoryEntry> all = everything(store);
            qint64 expected = perThread - 1;
            for (const HistoryEntry &entry : all) {
                if (entry.sessionId == QStringLiteral("t%1").arg(t))
                    QCOMPARE(entry.taskNumber, expected--);
            }
            QCOMPARE(expected, -1);
        }
    }

    void cutsOutputToItsTail()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        HistoryEntry entry = makeEntry(1);
        QByteArray output(100 * 1024, 'a');
        output.append("THE END");
        entry.outputTail = output;
        store.add(entry);
        QVERIFY(finished(store.flush()));
        const qint64 id = everything(store).constFirst().id;
        const HistoryEntry read = resultOf(store.entry(id));
        QCOMPARE(read.outputTail.size(), HistoryEntry::maxOutputTail);
        QVERIFY(read.outputTail.endsWith("THE END"));
        QCOMPARE(read.outputSize, output.size());
        QCOMPARE(resultOf(store.entry(id + 1000)).id, 0);
    }

    void garbageFileIsSetAside_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("foreignDatabase");
        QTest::newRow("garbage") << QByteArray("this is not a database\n").repeated(500) << false;
        QByteArray header("SQLite format 3");
        header.append('\0');
        QTest::newRow("damaged header") << header + QByteArray(8192, '\x7f') << false;
        QTest::newRow("foreign database") << QByteArray() << true;
    }

    void garbageFileIsSetAside()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, foreignDatabase);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        if (foreignDatabase) {
            RawDatabase raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE photos (id INTEGER, name TEXT)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO photos VALUES (1, 'cat')")));
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        QFile wal(path + QStringLiteral("-wal"));
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.write("stale wal");
        wal.close();
        const QByteArray before = sha(path);

        HistoryStore store(path);
        QSignalSpy statusChanged(&store, &HistoryStore::statusChanged);
        store.add(makeEntry(1));
        QVERIFY(finished(store.flush()));
        QCOMPARE(store.status(), HistoryStore::Status::Ok);
        QVERIFY2(store.statusMessage().contains(QLatin1String("set aside")),
                 qPrintable(store.statusMessage()));
        QTRY_COMPARE_WITH_TIMEOUT(statusChanged.count(), 1, 10000);
        QCOMPARE(everything(store).size(), 1);

        const QStringList aside =
            QDir(dir.path()).entryList({QStringLiteral("history.sqlite.corrupt-*")});
        const QString asidePath = dir.filePath(aside.constFirst());
        // The -wal goes with it, untouched.
        QVERIFY(aside.contains(aside.constFirst() + QStringLiteral("-wal")));
        QCOMPARE(readAll(asidePath + QStringLiteral("-wal")), QByteArray("stale wal"));
        QVERIFY(asidePath.contains(QRegularExpression(QStringLiteral("corrupt-\\d{8}-\\d{6}$"))));
        QCOMPARE(sha(asidePath), before);
        QVERIFY(store.statusMessage().contains(QFileInfo(asidePath).fileName()));
        // Told once.
        store.add(makeEntry(2));
        QVERIFY(finished(store.flush()));
        QCOMPARE(statusChanged.count(), 1);
    }

    void newerVersionIsOnlyRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            HistoryStore store(path);
            store.add({makeEntry(1), makeEntry(2)});
            QVERIFY(finished(store.flush()));
        }
        {
            RawDatabase raw(path);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 7")));
            QVERIFY(raw.exec(QStringLiteral("ALTER TABLE task_history ADD COLUMN later TEXT")));
        }
        const QByteArray before = sha(path);
        QVERIFY(!before.isEmpty());
        {
            HistoryStore store(path);
            QSignalSpy statusChanged(&store, &HistoryStore::statusChanged);
            QVERIFY(finished(store.flush()));
            QCOMPARE(store.status(), HistoryStore::Status::ReadOnly);
            QVERIFY2(store.statusMessage().contains(QLatin1String("newer version")),
                     qPrintable(store.statusMessage()));
            QTRY_COMPARE_WITH_TIMEOUT(statusChanged.count(), 1, 10000);
            QCOMPARE(everything(store).size(), 2);
            store.add(makeEntry(3));
            store.add({makeEntry(4), makeEntry(5)});
            QVERIFY(finished(store.flush()));
            QCOMPARE(store.droppedCount(), 3);
            QCOMPARE(store.writtenCount(), 0);
            QCOMPARE(resultOf(store.clear()), false);
            QCOMPARE(statusChanged.count(), 1);
        }
        QCOMPARE(sha(path), before);
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*corrupt*")}).isEmpty());
        RawDatabase raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 7);
    }

    void pathThatCannotBeUsedTurnsHistoryOff_data()
    {
        QTest::addColumn<bool>("fileForFolder");
        // Both fail for root too, unlike a folder without write permission.
        QTest::newRow("a file where the folder should be") << true;
        QTest::newRow("a folder where the file should be") << false;
        QTest::newRow("a FIFO where the file should be") << false;
    }

    void pathThatCannotBeUsedTurnsHistoryOff()
    {
        QFETCH(bool, fileForFolder);
        QTemporaryDir dir;
        if (fileForFolder) {
            QFile blocker(dir.filePath(QStringLiteral("taskrunner")));
            QVERIFY(blocker.open(QIODevice::WriteOnly));
        } else if (QByteArray(QTest::currentDataTag()).contains("FIFO")) {
            // Opened as a file, it would block the history's thread, and the quit after it.
            QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("taskrunner")));
            QCOMPARE(::mkfifo(QFile::encodeName(
                                  dir.filePath(QStringLiteral("taskrunner/history.sqlite")))
                                  .constData(),
                              0600),
                     0);
        } else {
            QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("taskrunner/history.sqlite")));
        }
        // What could not be recorded is logged when the store goes, after every window that
        // told it has: at the end of this function.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral(
                                 "history\\.sqlite - History is off for this run.*4 task\\(?s\\)? "
                                 "could not be recorded")));
        HistoryStore store(dir.filePath(QStringLiteral("taskrunner/history.sqlite")));
        QSignalSpy statusChanged(&store, &HistoryStore::statusChanged);
        store.add(makeEntry(1));
        QVERIFY(finished(store.flush()));
        QCOMPARE(store.status(), HistoryStore::Status::Off);
        QVERIFY2(store.statusMessage().contains(QLatin1String("off")),
                 qPrintable(store.statusMessage()));
        store.add(makeEntry(2));
        store.add({makeEntry(3), makeEntry(4)});
        QVERIFY(finished(store.flush()));
        QCOMPARE(store.droppedCount(), 4);
        QVERIFY(everything(store).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusChanged.count(), 1, 10000);
        QCOMPARE(resultOf(store.exportCsv(dir.filePath(QStringLiteral("x.csv")))).ok, false);
    }

    void fileThatMayNotGrowTurnsHistoryOff()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        HistoryStore store(path);
        QSignalSpy statusChanged(&store, &HistoryStore::statusChanged);
        for (int i = 0; i < 100; ++i)
            store.add(makeEntry(i));
        QVERIFY(finished(store.flush()));
        QCOMPARE(store.writtenCount(), 100);

        // As a full disk would: the files may not grow (EFBIG; SIGXFSZ ignored, as the app
        // does).
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit previous = {};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
        const qint64 biggest =
            qMax(QFileInfo(path).size(), QFileInfo(path + QStringLiteral("-wal")).size());
        rlimit limit = previous;
        limit.rlim_cur = rlim_t(biggest + 64 * 1024);
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limit), 0);
        QList<HistoryEntry> big;
        for (int i = 0; i < 64; ++i) {
            HistoryEntry entry = makeEntry(1000 + i);
            entry.outputTail = QByteArray(60 * 1024, char('a' + i % 26));
            big.append(entry);
        }
        store.add(big);
        const bool flushed = finished(store.flush());
        ::setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY(flushed);

        QCOMPARE(store.status(), HistoryStore::Status::Off);
        QVERIFY2(store.statusMessage().contains(QLatin1String("History is off")),
                 qPrintable(store.statusMessage()));
        QCOMPARE(store.droppedCount(), 64);
        QTRY_COMPARE_WITH_TIMEOUT(statusChanged.count(), 1, 10000);
        store.add(makeEntry(5000));
        QCOMPARE(store.droppedCount(), 65);
        // What was on disk is still there, for this store and for the next run.
        QCOMPARE(everything(store).size(), 100);
        HistoryStore next(path + QString());
        QVERIFY(finished(next.flush()));
        QCOMPARE(next.status(), HistoryStore::Status::Ok);
        QCOMPARE(everything(next).size(), 100);
    }

    void fullQueueCountsWhatItDrops()
    {
        QTemporaryDir dir;
        HistoryStore::Options options;
        options.queueLimitBytes = 64 * 1024;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")), options);
        QSignalSpy statusChanged(&store, &HistoryStore::statusChanged);
        QList<HistoryEntry> many;
        for (int i = 0; i < 5000; ++i)
            many.append(makeEntry(i));
        store.add(many);
        for (int i = 0; i < 5000; ++i)
            store.add(makeEntry(5000 + i));
        QVERIFY(finished(store.flush()));
        QVERIFY(store.droppedCount() > 0);
        QCOMPARE(store.writtenCount() + store.droppedCount(), 10000);
        QCOMPARE(everything(store).size(), store.writtenCount());
        QVERIFY2(store.statusMessage().contains(QLatin1String("could not be recorded")),
                 qPrintable(store.statusMessage()));
        QCOMPARE(store.status(), HistoryStore::Status::Ok);
        QTRY_COMPARE_WITH_TIMEOUT(statusChanged.count(), 1, 10000);
    }

    void twoStoresOnOneFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        constexpr int perStore = 20000;
        {
            // Both open a file that does not exist yet, as two instances started together.
            HistoryStore first(path);
            HistoryStore second(path);
            for (int i = 0; i < perStore; ++i) {
                first.add(makeEntry(i, QStringLiteral("first")));
                if (i % 100 == 99) {
                    QList<HistoryEntry> list;
                    for (int j = i - 99; j <= i; ++j)
                        list.append(makeEntry(j, QStringLiteral("second")));
                    second.add(list);
                }
            }
            QVERIFY(finished(first.flush()));
            QVERIFY(finished(second.flush()));
            // The message first: it says why, when a store turned itself off.
            QCOMPARE(first.statusMessage(), QString());
            QCOMPARE(second.statusMessage(), QString());
            QCOMPARE(first.status(), HistoryStore::Status::Ok);
            QCOMPARE(second.status(), HistoryStore::Status::Ok);
            QCOMPARE(first.writtenCount() + second.writtenCount(), 2 * perStore);
            // Each sees what the other wrote.
            QCOMPARE(resultOf(second.count()), 2 * perStore);
        }
        HistoryStore store(path);
        HistoryFilter firstOnly;
        QCOMPARE(resultOf(store.count()), 2 * perStore);
        const QList<HistoryEntry> all = everything(store);
        for (const QString &session : {QStringLiteral("first"), QStringLiteral("second")}) {
            qint64 expected = perStore - 1;
            for (const HistoryEntry &entry : all) {
                if (entry.sessionId == session && entry.taskNumber != expected--)
                    QFAIL("out of order");
            }
            QCOMPARE(expected, -1);
        }
    }

    void anotherInstanceSettingUpTheNewFileDoesNotTurnHistoryOff()
    {
        // Another instance holds the write lock of the new file (it is setting it up) when this
        // one turns it to WAL: SQLite refuses that at once, without waiting. The store tries
        // again until the other is done instead of turning history off.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QString connection = QStringLiteral("other-instance");
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery lock(other);
            QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")),
                     qPrintable(lock.lastError().text()));
            HistoryStore store(path);
            store.add(makeEntry(1));
            // Held for a while: the store meets the lock, whatever the machine's speed.
            bool released = false;
            QTimer::singleShot(300, this, [&] {
                lock.exec(QStringLiteral("ROLLBACK"));
                released = true;
            });
            QVERIFY(finished(store.flush()));
            QVERIFY(released);
            QCOMPARE(store.statusMessage(), QString());
            QCOMPARE(store.status(), HistoryStore::Status::Ok);
            QCOMPARE(store.writtenCount(), 1);
            lock = QSqlQuery();
            other.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }

    void twoStoresOpeningOneNewFileTogetherBothRecord()
    {
        // Two instances started at the same moment both set up a new file. Neither turns
        // history off (one's change to WAL is refused while the other's lasts), and neither
        // takes the file for a foreign one, whatever moment of the other's setting up it reads.
        QTemporaryDir dir;
        for (int round = 0; round < 40; ++round) {
            const QString path = dir.filePath(QStringLiteral("history-%1.sqlite").arg(round));
            HistoryStore first(path);
            HistoryStore second(path);
            first.add(makeEntry(1, QStringLiteral("first")));
            second.add(makeEntry(1, QStringLiteral("second")));
            QVERIFY(finished(first.flush()));
            QVERIFY(finished(second.flush()));
            QCOMPARE(first.statusMessage(), QString());
            QCOMPARE(second.statusMessage(), QString());
            QCOMPARE(first.writtenCount() + second.writtenCount(), 2);
        }
    }

    void clearDeletesEverything()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QSignalSpy cleared(&store, &HistoryStore::cleared);
        for (int i = 0; i < 1000; ++i)
            store.add(makeEntry(i));
        QCOMPARE(resultOf(store.clear()), true);
        QVERIFY(finished(store.flush()));
        QCOMPARE(resultOf(store.count()), 0);
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 10000);
        store.add(makeEntry(1));
        QVERIFY(finished(store.flush()));
        QCOMPARE(resultOf(store.count()), 1);
    }

    void signalsArriveInTheCreatingThread()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QThread *thread = nullptr;
        connect(&store, &HistoryStore::entriesWritten, this,
                [&thread] { thread = QThread::currentThread(); });
        store.add(makeEntry(1));
        QTRY_VERIFY_WITH_TIMEOUT(thread != nullptr, 10000);
        QCOMPARE(thread, QThread::currentThread());
    }

    void destructionWritesWhatIsQueued()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            HistoryStore store(path);
            for (int i = 0; i < 20000; ++i)
                store.add(makeEntry(i));
        }
        HistoryStore store(path);
        QCOMPARE(resultOf(store.count()), 20000);
    }
};

QTEST_GUILESS_MAIN(tst_HistoryStore)
#include "tst_historystore.moc"
