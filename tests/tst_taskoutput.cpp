#include "testsupport.h"

#include <TaskRunner/taskoutput.h>

#include <QTest>

#include <thread>

using TaskRunner::OutputChannel;
using TaskRunner::TaskOutput;

class tst_TaskOutput : public QObject
{
    Q_OBJECT

private slots:
    void keepsEverythingBelowTheLimit();
    void keepsTheTailAndTheExactTotal();
    void aWriteLargerThanTheLimitKeepsItsEnd();
    void readsWhatIsNewSinceAnOffset();
    void readsAtMostWhatIsAskedFor();
    void channelsStayApart();
    void concurrentWritersAndReaders();
};

void tst_TaskOutput::keepsEverythingBelowTheLimit()
{
    TaskOutput output(100);
    output.append("hello ");
    output.append("world");
    QCOMPARE(output.totalSize(), 11);
    QCOMPARE(output.keptFrom(), 0);
    QCOMPARE(output.tail(), QByteArray("hello world"));
    QCOMPARE(output.tail(5), QByteArray("world"));
}

void tst_TaskOutput::keepsTheTailAndTheExactTotal()
{
    TaskOutput output(10);
    for (int i = 0; i < 100; ++i)
        output.append(QByteArray::number(i % 10));
    QCOMPARE(output.totalSize(), 100);
    QCOMPARE(output.keptFrom(), 90);
    QCOMPARE(output.tail(), QByteArray("0123456789"));
    const TaskRunner::OutputSlice slice = output.read(0);
    QCOMPARE(slice.skipped, 90);
    QCOMPARE(slice.end, 100);
}

void tst_TaskOutput::aWriteLargerThanTheLimitKeepsItsEnd()
{
    TaskOutput output(4);
    output.append("ab");
    output.append("0123456789");
    QCOMPARE(output.totalSize(), 12);
    QCOMPARE(output.tail(), QByteArray("6789"));
    QCOMPARE(output.read(8).chunks.value(0).offset, 8);
}

void tst_TaskOutput::readsWhatIsNewSinceAnOffset()
{
    TaskOutput output;
    output.append("one\n");
    TaskRunner::OutputSlice first = output.read(0);
    QCOMPARE(first.end, 4);
    output.append("two\n");
    TaskRunner::OutputSlice second = output.read(first.end);
    QCOMPARE(second.chunks.size(), 1);
    QCOMPARE(second.chunks[0].data, QByteArray("two\n"));
    QCOMPARE(second.chunks[0].offset, 4);
    QCOMPARE(second.end, 8);
    QVERIFY(output.read(8).chunks.isEmpty());
    QCOMPARE(output.read(100).end, 8); // past the end: nothing, and where the end is
}

void tst_TaskOutput::readsAtMostWhatIsAskedFor()
{
    TaskOutput output;
    output.append(QByteArray(1000, 'x'));
    qint64 offset = 0;
    int reads = 0;
    while (offset < output.totalSize()) {
        const TaskRunner::OutputSlice slice = output.read(offset, 300);
        QVERIFY(slice.end - offset <= 300);
        offset = slice.end;
        ++reads;
    }
    QCOMPARE(reads, 4);
}

void tst_TaskOutput::channelsStayApart()
{
    TaskOutput output;
    output.append("out1 ");
    output.append("err1 ", OutputChannel::StandardError);
    output.append("out2");
    const auto chunks = output.read(0).chunks;
    QCOMPARE(chunks.size(), 3);
    QCOMPARE(chunks[1].channel, OutputChannel::StandardError);
    QCOMPARE(chunks[1].data, QByteArray("err1 "));
    QCOMPARE(chunks[2].channel, OutputChannel::StandardOutput);
    QCOMPARE(output.tail(), QByteArray("out1 err1 out2"));
}

void tst_TaskOutput::concurrentWritersAndReaders()
{
    TaskOutput output(1 << 16);
    std::thread writer([&] {
        for (int i = 0; i < 100000; ++i)
            output.append("0123456789");
    });
    qint64 offset = 0;
    qint64 seen = 0;
    while (seen < 1'000'000) {
        const TaskRunner::OutputSlice slice = output.read(offset);
        seen += slice.skipped;
        for (const auto &chunk : slice.chunks)
            seen += chunk.data.size();
        QCOMPARE(seen, slice.end);
        offset = slice.end;
    }
    writer.join();
    QCOMPARE(output.totalSize(), 1'000'000);
}

QTEST_GUILESS_MAIN(tst_TaskOutput)
#include "tst_taskoutput.moc"
