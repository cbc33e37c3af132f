#include "durationtext.h"
#include "linediff.h"
#include "numericseries.h"
#include "testsupport.h"
#include "watchdefinition.h"
#include "watchhistory.h"

#include <TaskRunner/taskoutput.h>

#include <QCoreApplication>
#include <QDir>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <malloc.h>

using TaskRunner::TaskRecord;
using TaskRunner::TaskState;

namespace {

// A record as a global runner makes it: run `sequence`, started at `msecs`.
TaskRecord run(quint64 sequence, const QVariant &result, qint64 msecs = 0)
{
    TaskRecord record;
    record.id = sequence;
    record.sequence = sequence;
    record.state = TaskState::Done;
    record.result = result;
    record.startedMSecs = msecs ? msecs : qint64(1'700'000'000'000) + qint64(sequence) * 1000;
    record.finishedMSecs = record.startedMSecs + 5;
    record.duration = std::chrono::milliseconds(5);
    return record;
}

TaskRecord failure(quint64 sequence, const QString &error)
{
    TaskRecord record = run(sequence, {});
    record.state = TaskState::Failed;
    record.errorMessage = error;
    return record;
}

TaskRecord withOutput(TaskRecord record, const QByteArray &output)
{
    auto kept = std::make_shared<TaskRunner::TaskOutput>();
    kept->append(output);
    record.output = kept;
    return record;
}

DiffLine same(int oldLine, int newLine)
{
    return {DiffLine::Kind::Same, oldLine, newLine, 0, 0};
}
DiffLine changed(int oldLine, int newLine, int from, int to)
{
    return {DiffLine::Kind::Changed, oldLine, newLine, from, to};
}
DiffLine added(int newLine)
{
    return {DiffLine::Kind::Added, -1, newLine, 0, 0};
}
DiffLine removed(int oldLine)
{
    return {DiffLine::Kind::Removed, oldLine, -1, 0, 0};
}

} // namespace

Q_DECLARE_METATYPE(QList<DiffLine>)

class tst_WatchHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }

    void equalRunsMergeWithCountAndTimes();
    void aDateTimeResultReadsAsTheLastResultLabelWritesIt();
    void newestIsFirstAndOlderRunsCanBeSteppedThrough();
    void errorsAreEntriesOfTheirOwn();
    void cancelledRunsAreLeftOut();
    void missedRecordsAreCounted();
    void theLimitBoundsTheEntries();
    void outputsBeyondTheBudgetAreDropped();
    void outcomeChangedOncePerBatch();
    void numbersAreExtracted_data();
    void numbersAreExtracted();
    void numbersAreShownWithTheDigitsThatTellThemApart_data();
    void numbersAreShownWithTheDigitsThatTellThemApart();
    void diffMarksChangedAddedAndRemovedLines_data();
    void diffMarksChangedAddedAndRemovedLines();
    void diffOfAnEntryToTheOneBefore();
    void aHugeDiffStaysBounded();
    void seriesKeepsMinimumAndMaximumInFixedMemory();
    void aMillionChangingRunsStayBounded();

    void aSamplersRunsReadWithItsDecimalsAndUnit();
    void definitionProblems_data();
    void definitionProblems();
    void definitionsSurviveAMapRoundTrip();
    void garbageMapsAreRefused_data();
    void garbageMapsAreRefused();
};

void tst_WatchHistory::numbersAreShownWithTheDigitsThatTellThemApart_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("unix time") << 1796183385.0 << QStringLiteral("1796183385");
    QTest::newRow("the next second") << 1796183386.0 << QStringLiteral("1796183386");
    QTest::newRow("bytes") << 8589934592.0 << QStringLiteral("8589934592");
    QTest::newRow("negative") << -42.0 << QStringLiteral("-42");
    QTest::newRow("load") << 0.52 << QStringLiteral("0.52");
    QTest::newRow("a third") << 1.0 / 3 << QStringLiteral("0.333333");
    QTest::newRow("large with a fraction") << 1234567.75 << QStringLiteral("1234567.8");
    QTest::newRow("huge") << 1e20 << QStringLiteral("1e+20");
}

void tst_WatchHistory::numbersAreShownWithTheDigitsThatTellThemApart()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    const QLocale before;
    QLocale::setDefault(QLocale::c());
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
    QCOMPARE(WatchDefinition::NumberFormat().text(value), text); // a number of no sampler
}

void tst_WatchHistory::equalRunsMergeWithCountAndTimes()
{
    WatchHistory history;
    TaskRunner::TaskRecordBatch batch;
    batch.records << run(1, 7) << run(2, 7) << run(3, 7);
    history.add(batch);
    QCOMPARE(history.rowCount(), 1);
    const WatchEntry *entry = history.latest();
    QCOMPARE(entry->count, 3u);
    QCOMPARE(entry->firstSequence, 1u);
    QCOMPARE(entry->lastSequence, 3u);
    QCOMPARE(entry->firstMSecs, run(1, 7).startedMSecs);
    QCOMPARE(entry->lastMSecs, run(3, 7).startedMSecs);
    QCOMPARE(history.data(history.index(0), WatchHistory::CountRole).toULongLong(), 3u);
    QVERIFY(history.data(history.index(0)).toString().contains(QLatin1String(" since ")));
    QCOMPARE(history.runs(), 3u);

    // The same result with another output is another outcome (a command's other lines).
    history.add(withOutput(run(4, QStringLiteral("x")), "a\nx\n"));
    history.add(withOutput(run(5, QStringLiteral("x")), "b\nx\n"));
    history.add(withOutput(run(6, QStringLiteral("x")), "b\nx\n"));
    QCOMPARE(history.rowCount(), 3);
    QCOMPARE(history.latest()->count, 2u);
}

void tst_WatchHistory::aDateTimeResultReadsAsTheLastResultLabelWritesIt()
{
    // The example worker's date and time: in the locale's words, with milliseconds, as the view's
    // Last Result says it, not ISO 8601 ("2026-12-02T16:07:46.040") beside it.
    const QDateTime when(QDate(2026, 12, 2), QTime(16, 7, 46, 40));
    WatchHistory history;
    history.add(run(1, when));
    QCOMPARE(history.latest()->text, resultText(when));
    QVERIFY2(!history.latest()->text.contains(QLatin1Char('T')),
             qPrintable(history.latest()->text));
    // A sampler's fraction as the chart writes it, not with all sixteen digits.
    const QLocale before;
    QLocale::setDefault(QLocale::c());
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
    history.add(run(2, 78.60869216918945));
    QCOMPARE(history.latest()->text, QStringLiteral("78.6087"));
    QCOMPARE(WatchHistory::valueText(QVariant(7)), QStringLiteral("7"));
}

void tst_WatchHistory::aSamplersRunsReadWithItsDecimalsAndUnit()
{
    // Memory in use: 433.7 MiB and 433.8 MiB, not 433.73 beside 433.828, nor without a unit.
    const QLocale before;
    QLocale::setDefault(QLocale::c());
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
    WatchDefinition memory;
    memory.source = WatchDefinition::Source::Sampler;
    memory.sampler = TaskRunner::SamplerKind::MemoryInUse;
    WatchHistory history;
    history.setNumberFormat(memory.numberFormat());
    history.add(run(1, 433.73));
    QCOMPARE(history.latest()->text, QStringLiteral("433.7 MiB"));
    history.add(run(2, 433.828));
    QCOMPARE(history.latest()->text, QStringLiteral("433.8 MiB"));
    history.add(run(3, 433.0));
    QCOMPARE(history.latest()->text, QStringLiteral("433.0 MiB"));
    QCOMPARE(history.latest()->number, std::optional<double>(433.0)); // the number stays whole
    // Runs of the same value as shown are one entry.
    history.add(run(4, 433.04));
    QCOMPARE(history.latest()->count, 2u);

    WatchDefinition load = memory;
    load.sampler = TaskRunner::SamplerKind::LoadAverage;
    QCOMPARE(WatchHistory::valueText(QVariant(0.5), load.numberFormat()), QStringLiteral("0.50"));
    WatchDefinition space = memory;
    space.sampler = TaskRunner::SamplerKind::FreeSpace;
    QCOMPARE(WatchHistory::valueText(QVariant(78.60869216918945), space.numberFormat()),
             QStringLiteral("78.61 GiB"));
    // A command's numbers have no unit of ours and keep their digits.
    WatchDefinition command = memory;
    command.source = WatchDefinition::Source::Command;
    QCOMPARE(WatchHistory::valueText(QVariant(78.60869216918945), command.numberFormat()),
             QStringLiteral("78.6087"));
    QCOMPARE(WatchHistory::valueText(QVariant(qQNaN()), memory.numberFormat()),
             QStringLiteral("nan MiB"));
}

void tst_WatchHistory::newestIsFirstAndOlderRunsCanBeSteppedThrough()
{
    WatchHistory history;
    for (int i = 1; i <= 5; ++i)
        history.add(run(quint64(i), i));
    QCOMPARE(history.rowCount(), 5);
    for (int row = 0; row < 5; ++row) {
        QCOMPARE(history.entryAt(row)->text, QString::number(5 - row));
        QCOMPARE(history.hasPrevious(row), row < 4);
    }
    QCOMPARE(history.entryAt(5), nullptr);
    QCOMPARE(history.entryAt(-1), nullptr);
}

void tst_WatchHistory::errorsAreEntriesOfTheirOwn()
{
    WatchHistory history;
    history.add(run(1, 1));
    history.add(failure(2, QStringLiteral("exit status 3")));
    history.add(failure(3, QStringLiteral("exit status 3")));
    history.add(run(4, 1));
    QCOMPARE(history.rowCount(), 3);
    QVERIFY(history.entryAt(1)->failed);
    QCOMPARE(history.entryAt(1)->count, 2u);
    QCOMPARE(history.entryAt(1)->text, QStringLiteral("exit status 3"));
    QVERIFY(history.data(history.index(1), WatchHistory::FailedRole).toBool());
    QVERIFY(history.data(history.index(1)).toString().contains(QStringLiteral("✗")));
    QVERIFY(!history.latest()->failed);
}

void tst_WatchHistory::cancelledRunsAreLeftOut()
{
    WatchHistory history;
    TaskRecord cancelled = run(1, {});
    cancelled.state = TaskState::Cancelled;
    history.add(cancelled);
    QCOMPARE(history.rowCount(), 0);
    QCOMPARE(history.runs(), 0u);
}

void tst_WatchHistory::missedRecordsAreCounted()
{
    WatchHistory history;
    TaskRunner::TaskRecordBatch batch;
    batch.dropped = 12;
    batch.records << run(13, 1);
    history.add(batch);
    QCOMPARE(history.missed(), 12u);
    QCOMPARE(history.runs(), 1u);
}

void tst_WatchHistory::theLimitBoundsTheEntries()
{
    WatchHistory history;
    QCOMPARE(history.limit(), 1000);
    history.setLimit(10);
    for (int i = 1; i <= 25; ++i)
        history.add(run(quint64(i), i));
    QCOMPARE(history.rowCount(), 10);
    QCOMPARE(history.latest()->text, QStringLiteral("25"));
    QCOMPARE(history.entryAt(9)->text, QStringLiteral("16"));
    history.setLimit(3);
    QCOMPARE(history.rowCount(), 3);
    QCOMPARE(history.entryAt(2)->text, QStringLiteral("23"));
    history.clear();
    QCOMPARE(history.rowCount(), 0);
    QVERIFY(history.series().isEmpty());
}

void tst_WatchHistory::outputsBeyondTheBudgetAreDropped()
{
    WatchHistory history;
    history.setOutputBudget(10'000);
    const QByteArray big(3000, 'x');
    for (int i = 1; i <= 10; ++i)
        history.add(withOutput(run(quint64(i), i), big + QByteArray::number(i)));
    QVERIFY(history.keptOutputBytes() <= 10'000);
    QVERIFY(history.latest()->output);
    QVERIFY(!history.entryAt(9)->output);
    QVERIFY(history.entryAt(9)->outputDropped);
    QCOMPARE(history.entryAt(9)->text, QStringLiteral("1")); // the result stays
}

void tst_WatchHistory::outcomeChangedOncePerBatch()
{
    WatchHistory history;
    QSignalSpy spy(&history, &WatchHistory::outcomeChanged);
    history.add(run(1, 1)); // the first outcome is no change
    QCOMPARE(spy.count(), 0);
    TaskRunner::TaskRecordBatch batch;
    batch.records << run(2, 2) << run(3, 3) << run(4, 3);
    history.add(batch);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("2"));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("3"));
    history.add(run(5, 3));
    QCOMPARE(spy.count(), 1);
}

void tst_WatchHistory::numbersAreExtracted_data()
{
    QTest::addColumn<TaskRecord>("record");
    QTest::addColumn<bool>("isNumber");
    QTest::addColumn<double>("number");
    QTest::newRow("double") << run(1, 2.5) << true << 2.5;
    QTest::newRow("int") << run(1, 42) << true << 42.0;
    QTest::newRow("text number") << run(1, QStringLiteral(" 17.25 ")) << true << 17.25;
    QTest::newRow("negative") << run(1, QStringLiteral("-3e2")) << true << -300.0;
    QTest::newRow("text") << run(1, QStringLiteral("17 apples")) << false << 0.0;
    QTest::newRow("date-time") << run(1, QDateTime::currentDateTime()) << false << 0.0;
    QTest::newRow("nan") << run(1, QStringLiteral("nan")) << false << 0.0;
    QTest::newRow("error") << failure(1, QStringLiteral("3")) << false << 0.0;
    QTest::newRow("command of one number")
        << withOutput(run(1, QStringLiteral("23")), "23\n") << true << 23.0;
    QTest::newRow("command with more lines")
        << withOutput(run(1, QStringLiteral("23")), "total\n23\n") << false << 0.0;
}

void tst_WatchHistory::numbersAreExtracted()
{
    QFETCH(TaskRecord, record);
    QFETCH(bool, isNumber);
    QFETCH(double, number);
    const std::optional<double> found = WatchHistory::numberOf(record);
    QCOMPARE(found.has_value(), isNumber);
    if (isNumber)
        QCOMPARE(*found, number);

    WatchHistory history;
    history.add(record);
    QCOMPARE(history.series().count(), isNumber ? 1u : 0u);
}

void tst_WatchHistory::diffMarksChangedAddedAndRemovedLines_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QList<DiffLine>>("expected");
    const QStringList abc{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QTest::newRow("same") << abc << abc << QList<DiffLine>{same(0, 0), same(1, 1), same(2, 2)};
    QTest::newRow("one changed") << abc
                                 << QStringList{QStringLiteral("a"), QStringLiteral("bX"),
                                                QStringLiteral("c")}
                                 << QList<DiffLine>{same(0, 0), changed(1, 1, 1, 2), same(2, 2)};
    QTest::newRow("inserted at the top")
        << abc
        << QStringList{QStringLiteral("new"), QStringLiteral("a"), QStringLiteral("b"),
                       QStringLiteral("c")}
        << QList<DiffLine>{added(0), same(0, 1), same(1, 2), same(2, 3)};
    QTest::newRow("removed in the middle")
        << abc << QStringList{QStringLiteral("a"), QStringLiteral("c")}
        << QList<DiffLine>{same(0, 0), removed(1), same(2, 1)};
    QTest::newRow("from nothing") << QStringList() << QStringList{QStringLiteral("a")}
                                  << QList<DiffLine>{added(0)};
    QTest::newRow("characters") << QStringList{QStringLiteral("load 0.52 ok")}
                                << QStringList{QStringLiteral("load 0.61 ok")}
                                << QList<DiffLine>{changed(0, 0, 7, 9)};
    QTest::newRow("moved apart") << QStringList{QStringLiteral("x"), QStringLiteral("a"),
                                                QStringLiteral("y")}
                                 << QStringList{QStringLiteral("a"), QStringLiteral("z"),
                                                QStringLiteral("y"), QStringLiteral("w")}
                                 << QList<DiffLine>{removed(0), same(1, 0), added(1), same(2, 2),
                                                    added(3)};
}

void tst_WatchHistory::diffMarksChangedAddedAndRemovedLines()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QList<DiffLine>, expected);
    const QList<DiffLine> diff = LineDiff::compute(before, after);
    QCOMPARE(diff.size(), expected.size());
    for (qsizetype i = 0; i < diff.size(); ++i) {
        const DiffLine &a = diff.at(i);
        const DiffLine &b = expected.at(i);
        QVERIFY2(a == b, qPrintable(QStringLiteral("line %1: kind %2 old %3 new %4 %5-%6")
                                        .arg(i)
                                        .arg(int(a.kind))
                                        .arg(a.oldLine)
                                        .arg(a.newLine)
                                        .arg(a.from)
                                        .arg(a.to)));
    }
    // Every new line appears once, in order.
    int next = 0;
    for (const DiffLine &line : diff) {
        if (line.newLine >= 0)
            QCOMPARE(line.newLine, next++);
    }
    QCOMPARE(next, int(after.size()));
}

void tst_WatchHistory::diffOfAnEntryToTheOneBefore()
{
    WatchHistory history;
    history.add(withOutput(run(1, QStringLiteral("3")), "users 2\nload 0.5\n3\n"));
    history.add(withOutput(run(2, QStringLiteral("3")), "users 2\nload 0.7\n3\n"));
    QCOMPARE(history.rowCount(), 2);
    QCOMPARE(history.latest()->fullText(), QStringLiteral("users 2\nload 0.7\n3\n"));
    const QList<DiffLine> diff = history.diff(0);
    QCOMPARE(diff.size(), 3);
    QVERIFY(diff.at(0) == same(0, 0));
    QVERIFY(diff.at(1) == changed(1, 1, 7, 8));
    QVERIFY(diff.at(2) == same(2, 2));
    QVERIFY(history.diff(1).isEmpty()); // the first entry has none before it
    QCOMPARE(LineDiff::summarize(diff).changed, 1);
}

void tst_WatchHistory::aHugeDiffStaysBounded()
{
    QStringList before;
    QStringList after;
    for (int i = 0; i < 5000; ++i) {
        before << QStringLiteral("line %1").arg(i);
        after << QStringLiteral("row %1").arg(i);
    }
    QElapsedTimer timer;
    timer.start();
    const QList<DiffLine> diff = LineDiff::compute(before, after);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(LineDiff::summarize(diff).changed, 5000);
}

void tst_WatchHistory::seriesKeepsMinimumAndMaximumInFixedMemory()
{
    NumericSeries series(64);
    for (int i = 0; i < 100'000; ++i)
        series.add(i, i == 77'777 ? 1e6 : (i == 5 ? -1e6 : double(i % 100)));
    QCOMPARE(series.count(), 100'000u);
    QVERIFY(int(series.buckets().size()) <= 64);
    QCOMPARE(series.minimum(), -1e6);
    QCOMPARE(series.maximum(), 1e6);
    QCOMPARE(series.last(), double(99'999 % 100));
    // The spikes are still in the buckets, and every value is in one.
    double low = 0;
    double high = 0;
    quint64 values = 0;
    qint64 lastTime = -1;
    for (const NumericSeries::Bucket &bucket : series.buckets()) {
        low = std::min(low, bucket.minimum);
        high = std::max(high, bucket.maximum);
        values += bucket.count;
        QVERIFY(bucket.firstMSecs > lastTime);
        lastTime = bucket.lastMSecs;
    }
    QCOMPARE(low, -1e6);
    QCOMPARE(high, 1e6);
    QCOMPARE(values, 100'000u);
}

void tst_WatchHistory::aMillionChangingRunsStayBounded()
{
    // Every run another result and a little output, as a command that prints a counter.
    WatchHistory history;
    auto feed = [&history](quint64 from, quint64 count) {
        for (quint64 first = from; first < from + count; first += 100) {
            TaskRunner::TaskRecordBatch batch;
            for (quint64 i = first; i < first + 100; ++i)
                batch.records << withOutput(run(i, QString::number(i)),
                                            QByteArray::number(i) + '\n');
            history.add(batch);
        }
    };
    feed(1, 20'000); // the history is full, the series has all its buckets
    malloc_trim(0);
    struct mallinfo2 before = mallinfo2();
    feed(20'001, 200'000);
    malloc_trim(0);
    struct mallinfo2 after = mallinfo2();
    QCOMPARE(history.rowCount(), 1000);
    QCOMPARE(history.runs(), 220'000u);
    QVERIFY(history.series().buckets().size() <= 1024);
    const double growthMiB = (double(after.uordblks) - double(before.uordblks)) / (1 << 20);
    QVERIFY2(growthMiB < 1.0, qPrintable(QString::number(growthMiB)));
}

void tst_WatchHistory::definitionProblems_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("line");
    QTest::addColumn<double>("interval");
    QTest::addColumn<QString>("field");
    QTest::newRow("fine") << QStringLiteral("disk") << int(WatchDefinition::Source::Command)
                          << QStringLiteral("df -h") << 2.0 << QString();
    QTest::newRow("empty name") << QString() << int(WatchDefinition::Source::Example) << QString()
                                << 2.0 << QStringLiteral("name");
    QTest::newRow("blank name") << QStringLiteral("  ") << int(WatchDefinition::Source::Example)
                                << QString() << 2.0 << QStringLiteral("name");
    QTest::newRow("duplicate name")
        << QStringLiteral("Taken") << int(WatchDefinition::Source::Example) << QString() << 2.0
        << QStringLiteral("name");
    QTest::newRow("empty command") << QStringLiteral("c") << int(WatchDefinition::Source::Command)
                                   << QStringLiteral("   ") << 2.0 << QStringLiteral("command");
    QTest::newRow("unclosed quote")
        << QStringLiteral("c") << int(WatchDefinition::Source::Command)
        << QStringLiteral("echo 'oops") << 2.0 << QStringLiteral("command");
    QTest::newRow("interval too short")
        << QStringLiteral("c") << int(WatchDefinition::Source::Example) << QString() << 0.0001
        << QStringLiteral("interval");
    QTest::newRow("interval nan") << QStringLiteral("c") << int(WatchDefinition::Source::Example)
                                  << QString() << qQNaN() << QStringLiteral("interval");
}

void tst_WatchHistory::definitionProblems()
{
    QFETCH(QString, name);
    QFETCH(int, source);
    QFETCH(QString, line);
    QFETCH(double, interval);
    QFETCH(QString, field);
    WatchDefinition watch;
    watch.name = name;
    watch.source = WatchDefinition::Source(source);
    watch.command.line = line;
    watch.interval = interval;
    const WatchDefinition::Problems problems = watch.problems({QStringLiteral("taken")});
    QCOMPARE(problems.isEmpty(), field.isEmpty());
    QCOMPARE(!problems.name.isEmpty(), field == QLatin1String("name"));
    QCOMPARE(!problems.command.isEmpty(), field == QLatin1String("command"));
    QCOMPARE(!problems.interval.isEmpty(), field == QLatin1String("interval"));
}

void tst_WatchHistory::definitionsSurviveAMapRoundTrip()
{
    WatchDefinition command;
    command.name = QStringLiteral("disk/usage");
    command.source = WatchDefinition::Source::Command;
    command.command = TaskRunner::CommandSpec::fromLine(QStringLiteral("df -h | tail -1"), true);
    command.interval = 5;
    command.paused = true;
    command.notifyOnChange = true;
    command.createdMSecs = 1234;
    WatchDefinition sampler;
    sampler.name = QStringLiteral("free");
    sampler.source = WatchDefinition::Source::Sampler;
    sampler.sampler = TaskRunner::SamplerKind::FreeSpace;
    sampler.folder = QDir::tempPath();
    for (WatchDefinition watch : {command, sampler, WatchDefinition::defaultWatch()}) {
        QString error;
        WatchDefinition back = WatchDefinition::fromVariantMap(watch.toVariantMap(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        back.interval = watch.interval; // saved on its own
        QVERIFY(back == watch);
        QVERIFY(back.sameSource(watch));
    }
    QVERIFY(!command.sameSource(sampler));
    QVERIFY(WatchDefinition::defaultWatch().isDefault());
    QCOMPARE(WatchDefinition::defaultWatch().interval, 0.33);
}

void tst_WatchHistory::garbageMapsAreRefused_data()
{
    QTest::addColumn<QVariantMap>("map");
    QVariantMap good = WatchDefinition::defaultWatch().toVariantMap();
    QTest::newRow("empty") << QVariantMap();
    QVariantMap map = good;
    map.insert(QStringLiteral("version"), 99);
    QTest::newRow("newer") << map;
    map = good;
    map.insert(QStringLiteral("source"), QStringLiteral("rocket"));
    QTest::newRow("unknown source") << map;
    map = good;
    map.insert(QStringLiteral("source"), QStringLiteral("command"));
    QTest::newRow("command without one") << map;
    map = good;
    map.insert(QStringLiteral("source"), QStringLiteral("sampler"));
    map.insert(QStringLiteral("sampler"), QStringLiteral("cpu-temperature"));
    QTest::newRow("unknown sampler") << map;
    map = good;
    map.insert(QStringLiteral("paused"), QStringLiteral("maybe"));
    QTest::newRow("paused maybe") << map;
    map = good;
    map.remove(QStringLiteral("name"));
    QTest::newRow("no name") << map;
}

void tst_WatchHistory::garbageMapsAreRefused()
{
    QFETCH(QVariantMap, map);
    QString error;
    const WatchDefinition watch = WatchDefinition::fromVariantMap(map, &error);
    QVERIFY(!error.isEmpty());
    QVERIFY(watch.name.isEmpty());
}

QTEST_GUILESS_MAIN(tst_WatchHistory)
#include "tst_watchhistory.moc"
