#include "taskoutputview.h"

#include <TaskRunner/taskoutput.h>

#include <QApplication>
#include <QDeadlineTimer>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QTest>
#include <QTextDocument>

#include <atomic>
#include <memory>
#include <thread>

// The output view of the selected task: it reads what is new since its last refresh, and
// however fast the task writes, one refresh lays out a bounded amount of text, so that the
// GUI stays responsive during a flood (a command writing hundreds of MiB).
class tst_TaskOutputView : public QObject
{
    Q_OBJECT

private slots:
    void showsWhatIsNewAtEachRefresh();
    void aFloodShowsANoteAndTheNewestBytes();
    void aRefreshNeverTakesMoreThanItsLimitWhileTheTaskWrites();
};

namespace {

QPlainTextEdit *editOf(TaskOutputView &view)
{
    return view.findChild<QPlainTextEdit *>();
}

// Lines of 64 bytes, numbered from `first`.
QByteArray lines(int first, int count)
{
    QByteArray bytes;
    for (int i = first; i < first + count; ++i)
        bytes += QByteArray::number(i).rightJustified(63, '.') + '\n';
    return bytes;
}

TaskTableModel::Row rowWith(const std::shared_ptr<TaskRunner::TaskOutput> &output)
{
    TaskTableModel::Row row;
    row.id = 1;
    row.number = 1;
    row.state = TaskRunner::TaskState::Running;
    row.output = output;
    return row;
}

} // namespace

void tst_TaskOutputView::showsWhatIsNewAtEachRefresh()
{
    TaskOutputView view;
    auto output = std::make_shared<TaskRunner::TaskOutput>();
    const TaskTableModel::Row row = rowWith(output);
    output->append(lines(0, 3));
    view.showTask(&row, QStringLiteral("test"));
    QVERIFY(view.isUpToDate());
    QCOMPARE(editOf(view)->toPlainText(), QString::fromLatin1(lines(0, 3)));

    int added = 0;
    connect(editOf(view)->document(), &QTextDocument::contentsChange, this,
            [&](int, int, int charsAdded) { added += charsAdded; });
    output->append(lines(3, 2));
    view.showTask(&row, QStringLiteral("test"));
    QVERIFY(view.isUpToDate());
    QCOMPARE(added, lines(3, 2).size()); // only the new lines, not the whole output again
    QCOMPARE(editOf(view)->toPlainText(), QString::fromLatin1(lines(0, 5)));
}

void tst_TaskOutputView::aFloodShowsANoteAndTheNewestBytes()
{
    TaskOutputView view;
    auto output = std::make_shared<TaskRunner::TaskOutput>();
    const TaskTableModel::Row row = rowWith(output);
    const int count = 10'000; // 625 KiB, far more than one refresh shows
    output->append(lines(0, count));
    view.showTask(&row, QStringLiteral("test"));
    QVERIFY(view.isUpToDate());
    const QString text = editOf(view)->toPlainText();
    QVERIFY2(text.startsWith(QStringLiteral("[… ")) && text.contains(QStringLiteral("not shown")),
             qPrintable(text.left(80)));
    const qint64 shown = TaskOutputView::refreshLimit();
    QVERIFY(text.endsWith(QString::fromLatin1(lines(0, count).right(shown))));
    QVERIFY(text.size() < shown + 100);
}

// The task's thread may append a pipe's worth (up to 1 MiB) at any moment, also between the
// view's look at the output's size and its read. A refresh must still insert no more than its
// limit: inserting the chunk made the view trim thousands of lines, each laid out, and froze
// the GUI for 180 to 250 ms during an output flood.
void tst_TaskOutputView::aRefreshNeverTakesMoreThanItsLimitWhileTheTaskWrites()
{
    TaskOutputView view;
    auto output = std::make_shared<TaskRunner::TaskOutput>();
    const TaskTableModel::Row row = rowWith(output);

    std::atomic<bool> stop{false};
    std::atomic<int> appended{0};
    std::thread writer([&] {
        const QByteArray chunk = lines(0, 8'192); // 512 KiB
        while (!stop.load(std::memory_order_relaxed)) {
            output->append(chunk);
            appended.fetch_add(1, std::memory_order_relaxed);
        }
    });
    const auto stopWriter = [&] {
        stop.store(true);
        if (writer.joinable())
            writer.join();
    };
    const auto joinOnFailure = qScopeGuard(stopWriter); // a failed check returns early

    int added = 0;
    connect(editOf(view)->document(), &QTextDocument::contentsChange, this,
            [&](int, int, int charsAdded) { added += charsAdded; });
    // The note that says how much was skipped comes with the newest bytes.
    const int noteRoom = 100;
    // Refreshes until the writer has appended a few hundred times meanwhile, however the two
    // threads are scheduled.
    int mostAdded = 0;
    const int appendedBefore = appended.load();
    QDeadlineTimer deadline(30'000);
    while (appended.load() - appendedBefore < 300 && !deadline.hasExpired()) {
        added = 0;
        view.showTask(&row, QStringLiteral("flood"));
        mostAdded = std::max(mostAdded, added);
    }
    stopWriter();
    QVERIFY2(appended.load() - appendedBefore >= 300, "the writer did not get to run");
    QVERIFY2(mostAdded <= TaskOutputView::refreshLimit() + noteRoom,
             qPrintable(QStringLiteral("one refresh inserted %1 characters").arg(mostAdded)));

    // Once the task stops writing, the next refresh catches up with its end.
    view.showTask(&row, QStringLiteral("flood"));
    QVERIFY(view.isUpToDate());
    QVERIFY(editOf(view)->toPlainText().endsWith(QString::fromLatin1(lines(8'000, 192))));
}

QTEST_MAIN(tst_TaskOutputView)
#include "tst_taskoutputview.moc"
