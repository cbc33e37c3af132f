#include <TaskRunner/historymodel.h>
#include <TaskRunner/historystore.h>

#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace TaskRunner;

namespace {

HistoryEntry makeEntry(qint64 number, const QString &command, const QString &state,
                       const QString &result = {}, const QByteArray &output = {})
{
    HistoryEntry entry;
    entry.sessionId = QStringLiteral("session-%1").arg(number % 3);
    entry.taskNumber = number;
    entry.kind = QStringLiteral("command");
    entry.commandLine = command;
    entry.folder = QStringLiteral("/home/user");
    entry.queuedMs = 1700000000000 + number * 1000;
    entry.startedMs = entry.queuedMs + 10;
    entry.finishedMs = entry.startedMs + 1500;
    entry.state = state;
    if (state != HistoryState::cancelled())
        entry.exitCode = state == HistoryState::failed() ? 2 : 0;
    entry.result = result.isNull() ? QStringLiteral("result %1").arg(number) : result;
    entry.setOutput(output);
    return entry;
}

template<typename T> T resultOf(const QFuture<T> &future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 60000) || future.resultCount() == 0)
        return T();
    return future.result();
}

bool settle(HistoryModel &model)
{
    return QTest::qWaitFor([&] { return !model.isLoading(); }, 30000);
}

// RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks; CRLF records.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(std::exchange(field, {}));
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text.at(i + 1) == QLatin1Char('\n')) {
            record.append(std::exchange(field, {}));
            records.append(std::exchange(record, {}));
            ++i;
        } else {
            field.append(c);
        }
    }
    return records;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_HistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<HistoryStore>(m_dir->filePath(QStringLiteral("h.sqlite")));
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
        TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES();
    }

    void loadsLazilyNewestFirst()
    {
        QList<HistoryEntry> entries;
        for (int i = 0; i < 1000; ++i)
            entries.append(makeEntry(i, QStringLiteral("echo %1").arg(i), HistoryState::done()));
        m_store->add(entries);
        QVERIFY(QTest::qWaitFor([&] { return m_store->writtenCount() == 1000; }, 30000));

        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model);
        QSignalSpy pages(&model, &HistoryModel::pageLoaded);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), HistoryModel::pageSize);
        QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));
        QCOMPARE(model.entry(0).taskNumber, 999);
        QVERIFY(model.canFetchMore({}));
        int expectedRows = HistoryModel::pageSize;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(!model.canFetchMore({})); // one page at a time
            QVERIFY(settle(model));
            expectedRows = qMin(expectedRows + HistoryModel::pageSize, 1000);
            QCOMPARE(model.rowCount(), expectedRows);
        }
        QCOMPARE(model.rowCount(), 1000);
        QVERIFY(!model.hasMore());
        for (int row = 0; row < 1000; ++row)
            QCOMPARE(model.entry(row).taskNumber, 999 - row);
        QCOMPARE(pages.count(), 4);
    }

    void showsTheColumns()
    {
        m_store->add(makeEntry(7, QStringLiteral("make all\nsecond line"), HistoryState::failed(),
                               QStringLiteral("Error 2")));
        HistoryModel model(m_store.get());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
        const auto display = [&](int column) {
            return model.data(model.index(0, column)).toString();
        };
        QCOMPARE(model.headerData(HistoryModel::CommandColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Command"));
        QVERIFY(!display(HistoryModel::TimeColumn).isEmpty());
        QVERIFY(!model.headerData(HistoryModel::TimeColumn, Qt::Horizontal, Qt::ToolTipRole)
                     .toString()
                     .isEmpty()); // which time it is
        {
            // With the seconds and the year's four digits, which German's short format lacks.
            const QLocale before;
            QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
            const QString german =
                HistoryModel::timeText(QDateTime(QDate(2026, 12, 2), QTime(3, 53, 7)));
            QLocale::setDefault(before);
            QCOMPARE(german, QStringLiteral("02.12.2026 03:53:07"));
        }
        QCOMPARE(display(HistoryModel::SessionColumn), QStringLiteral("session-1"));
        QCOMPARE(display(HistoryModel::NumberColumn), QStringLiteral("7"));
        QCOMPARE(display(HistoryModel::CommandColumn), QStringLiteral("make all …"));
        QCOMPARE(display(HistoryModel::StateColumn), QStringLiteral("failed"));
        QCOMPARE(display(HistoryModel::ExitColumn), QStringLiteral("2"));
        QVERIFY(display(HistoryModel::DurationColumn).contains(QLatin1String("1.500")));
        QCOMPARE(display(HistoryModel::ResultColumn), QStringLiteral("Error 2"));
        QCOMPARE(model.data(model.index(0, HistoryModel::DurationColumn), HistoryModel::ValueRole)
                     .toLongLong(),
                 1500);
        QCOMPARE(model.data(model.index(0, HistoryModel::CommandColumn), HistoryModel::ValueRole)
                     .toString(),
                 QStringLiteral("make all\nsecond line"));
        QVERIFY(model.data(model.index(0, 0), HistoryModel::IdRole).toLongLong() > 0);
    }

    void namesTheSessions()
    {
        const QString uuid = QStringLiteral("0f8c2b1e-5d3a-4c7e-9b21-7a6d5e4f3c2b");
        HistoryEntry entry = makeEntry(1, QStringLiteral("true"), HistoryState::done(), {});
        entry.sessionId = uuid;
        m_store->add(entry);
        HistoryModel model(m_store.get());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
        const QModelIndex session = model.index(0, HistoryModel::SessionColumn);
        // A session of an earlier run by the first group of its id, all of it in the tooltip.
        QCOMPARE(session.data().toString(), QStringLiteral("0f8c2b1e"));
        QCOMPARE(session.data(Qt::ToolTipRole).toString(), uuid);
        QCOMPARE(session.data(HistoryModel::ValueRole).toString(), uuid);
        // A session of this run by its window's name, at once in the rows already listed.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSessionNames({{uuid, QStringLiteral("Session 2")}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), session);
        QCOMPARE(session.data().toString(), QStringLiteral("Session 2"));
        QCOMPARE(session.data(Qt::ToolTipRole).toString(), uuid);
        model.setSessionNames({{uuid, QStringLiteral("Session 2")}});
        QCOMPARE(changed.count(), 1); // the same names: nothing changed
    }

    void searchesCommandsResultsAndOutput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<qint64>>("tasks");
        QTest::newRow("command, other case") << QStringLiteral("ALPHA") << QList<qint64>{3, 1};
        QTest::newRow("result") << QStringLiteral("gamma ray") << QList<qint64>{2};
        QTest::newRow("output") << QStringLiteral("delta") << QList<qint64>{4};
        QTest::newRow("non-ASCII, other case") << QStringLiteral("ÄRGER") << QList<qint64>{5};
        QTest::newRow("wildcards are literal") << QStringLiteral("100%_") << QList<qint64>{6};
        QTest::newRow("nothing") << QStringLiteral("zzz") << QList<qint64>{};
        QTest::newRow("blank is everything")
            << QStringLiteral("  ") << QList<qint64>{6, 5, 4, 3, 2, 1};
    }

    void searchesCommandsResultsAndOutput()
    {
        QFETCH(QString, text);
        QFETCH(QList<qint64>, tasks);
        m_store->add({
            makeEntry(1, QStringLiteral("echo alpha"), HistoryState::done()),
            makeEntry(2, QStringLiteral("ls"), HistoryState::done(), QStringLiteral("A Gamma Ray")),
            makeEntry(3, QStringLiteral("run Alpha beta"), HistoryState::failed()),
            makeEntry(4, QStringLiteral("cat log"), HistoryState::done(), QString(),
                      QByteArray("line 1\nthe DELTA line\n")),
            makeEntry(5, QStringLiteral("grep ärger"), HistoryState::done()),
            makeEntry(6, QStringLiteral("echo 100%_done"), HistoryState::done()),
        });
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 6, 10000);
        model.setSearchText(text);
        QVERIFY(settle(model));
        QList<qint64> found;
        for (int row = 0; row < model.rowCount(); ++row)
            found.append(model.entry(row).taskNumber);
        QCOMPARE(found, tasks);
    }

    void filtersByState()
    {
        QList<HistoryEntry> entries;
        const QStringList states{HistoryState::done(), HistoryState::failed(),
                                 HistoryState::cancelled(), HistoryState::interrupted()};
        for (int i = 0; i < 2000; ++i)
            entries.append(
                makeEntry(i, QStringLiteral("task %1").arg(i), states.at(i % states.size())));
        m_store->add(entries);
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model);
        QVERIFY(QTest::qWaitFor([&] { return m_store->writtenCount() == 2000; }, 30000));
        model.setStates({HistoryState::failed()});
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), HistoryModel::pageSize);
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(settle(model));
        }
        QCOMPARE(model.rowCount(), 500);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.entry(row).state, HistoryState::failed());
            QCOMPARE(model.entry(row).taskNumber, 1997 - 4 * row);
        }
        model.setStates({HistoryState::cancelled(), HistoryState::interrupted()});
        QVERIFY(settle(model));
        QCOMPARE(model.entry(0).taskNumber, 1999);
        QCOMPARE(model.entry(1).taskNumber, 1998);
        // Search and state together.
        model.setFilter({QStringLiteral("task 199"), {HistoryState::done()}});
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 2); // 1996, 1992 (199 was interrupted)
        QCOMPARE(resultOf(m_store->count(model.filter())), 2);
    }

    void newRowsAppearAtTheTop()
    {
        m_store->add(makeEntry(1, QStringLiteral("first"), HistoryState::done()));
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
        m_store->add(makeEntry(2, QStringLiteral("second"), HistoryState::done()));
        m_store->add(makeEntry(3, QStringLiteral("third"), HistoryState::done()));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 10000);
        QCOMPARE(model.entry(0).commandLine, QStringLiteral("third"));
        QCOMPARE(model.entry(2).commandLine, QStringLiteral("first"));
        // Many at once: the model starts again from the newest.
        QList<HistoryEntry> many;
        for (int i = 0; i < 3000; ++i)
            many.append(makeEntry(10 + i, QStringLiteral("bulk"), HistoryState::done()));
        m_store->add(many);
        QTRY_COMPARE_WITH_TIMEOUT(model.entry(0).taskNumber, 3009, 10000);
        QVERIFY(settle(model));
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.entry(row).id < model.entry(row - 1).id);
    }

    void fullEntryHasTheOutput()
    {
        m_store->add(makeEntry(1, QStringLiteral("cat"), HistoryState::done(), QString(),
                               QByteArray("hello\n")));
        HistoryModel model(m_store.get());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
        QVERIFY(model.entry(0).outputTail.isEmpty());
        const HistoryEntry full = resultOf(model.fullEntry(0));
        QCOMPARE(full.outputTail, QByteArray("hello\n"));
        QCOMPARE(full.commandLine, QStringLiteral("cat"));
        QCOMPARE(resultOf(model.fullEntry(5)).id, 0);
    }

    void clearEmptiesTheModel()
    {
        for (int i = 0; i < 300; ++i)
            m_store->add(makeEntry(i, QStringLiteral("x"), HistoryState::done()));
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model);
        // A page at least: the tester asks for more (fetchMore()), and may get the second too.
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= HistoryModel::pageSize, 10000);
        QCOMPARE(resultOf(model.clear()), true);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 10000);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }

    void exportsCsv()
    {
        HistoryEntry tricky =
            makeEntry(1, QStringLiteral("echo \"a, b\"\nnext"), HistoryState::failed(),
                      QStringLiteral("bad: \"x\""), QByteArray("ok \xff\xfe bytes\r\n"));
        m_store->add({tricky, makeEntry(2, QStringLiteral("ls"), HistoryState::done())});
        const QString path = m_dir->filePath(QStringLiteral("out.csv"));
        const HistoryExportResult result = resultOf(m_store->exportCsv(path));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.rows, 2);
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.startsWith("id,time,session,task,kind,command,"));
        const QList<QStringList> records = parseCsv(bytes);
        QCOMPARE(records.size(), 3);
        const QStringList header = records.at(0);
        QCOMPARE(header.size(), 17);
        for (const QStringList &record : records)
            QCOMPARE(record.size(), header.size());
        const auto field = [&](int record, const char *name) {
            return records.at(record).at(header.indexOf(QLatin1String(name)));
        };
        QCOMPARE(field(1, "task"), QStringLiteral("2"));
        QCOMPARE(field(2, "command"), tricky.commandLine);
        QCOMPARE(field(2, "result"), tricky.result);
        QCOMPARE(field(2, "state"), QStringLiteral("failed"));
        QCOMPARE(field(2, "exit_code"), QStringLiteral("2"));
        QCOMPARE(field(2, "duration_ms"), QStringLiteral("1500"));
        QCOMPARE(field(2, "output"), QStringLiteral("ok \uFFFD\uFFFD bytes\r\n"));
        QCOMPARE(field(2, "queued"), QStringLiteral("2023-11-14T22:13:21.000Z"));

        // With a filter.
        const HistoryExportResult filtered =
            resultOf(m_store->exportCsv(path, {QString(), {HistoryState::done()}}));
        QVERIFY(filtered.ok);
        QCOMPARE(filtered.rows, 1);
        QCOMPARE(parseCsv(readAll(path)).size(), 2);
    }

    void exportsJson()
    {
        m_store->add({makeEntry(1, QStringLiteral("echo \"quoted\""), HistoryState::cancelled(),
                                QString(), QByteArray("\xc3\x28 bad")),
                      makeEntry(2, QStringLiteral("ls"), HistoryState::done())});
        const QString path = m_dir->filePath(QStringLiteral("out.json"));
        const HistoryExportResult result = resultOf(m_store->exportJson(path));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.rows, 2);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(readAll(path), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray array = document.array();
        QCOMPARE(array.size(), 2);
        const QJsonObject first = array.at(1).toObject();
        QCOMPARE(first.value(QLatin1String("command")).toString(),
                 QStringLiteral("echo \"quoted\""));
        QCOMPARE(first.value(QLatin1String("task")).toInt(), 1);
        QVERIFY(first.value(QLatin1String("exit_code")).isNull());
        QCOMPARE(first.value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(first.value(QLatin1String("output")).toString(), QStringLiteral("\uFFFD( bad"));
        QCOMPARE(array.at(0).toObject().value(QLatin1String("exit_code")).toInt(-1), 0);

        // Empty history: an empty array.
        QCOMPARE(resultOf(m_store->clear()), true);
        QVERIFY(resultOf(m_store->exportJson(path)).ok);
        QCOMPARE(QJsonDocument::fromJson(readAll(path)).array().size(), 0);
    }

    void exportFailureIsReported()
    {
        m_store->add(makeEntry(1, QStringLiteral("ls"), HistoryState::done()));
        const HistoryExportResult result =
            resultOf(m_store->exportCsv(m_dir->filePath(QStringLiteral("no/such/dir/out.csv"))));
        QVERIFY(!result.ok);
        QVERIFY(result.error.contains(QLatin1String("out.csv")));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
};

QTEST_GUILESS_MAIN(tst_HistoryModel)
#include "tst_historymodel.moc"
