#include "tasktablemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <TaskRunner/interruption.h>
#include <TaskRunner/runnerwatcher.h>

using namespace std::chrono_literals;
using TaskRunner::SessionRunner;
using TaskRunner::TaskState;

namespace {
// A model fed by its runner's notifications, as the session view feeds it.
struct Fixture
{
    template<typename Worker>
    explicit Fixture(Worker worker)
        : runner(SessionRunner::create(std::move(worker)))
    {
        model.setTaskDescriber([](const QVariant &task) { return task.toString(); });
        model.setRunner(runner);
        watcher.setRunner(runner);
        QObject::connect(&watcher, &TaskRunner::RunnerWatcher::stateChanged, &model,
                         [this] { model.update(); });
    }
    ~Fixture() { runner.stop(); }

    QStringList column(int column) const
    {
        QStringList texts;
        for (int row = 0; row < model.rowCount(); ++row)
            texts << model.index(row, column).data().toString();
        return texts;
    }
    QStringList tasks() const { return column(TaskTableModel::TaskColumn); }
    QStringList states() const { return column(TaskTableModel::StateColumn); }

    SessionRunner runner;
    TaskTableModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    TaskRunner::RunnerWatcher watcher;
};
} // namespace

class tst_TaskTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_NO_RUNNER_LEFT(); }

    void rowsKeepTheirPlaceFromQueuedToDone();
    void aSelectedRowStaysSelectedWhileTasksFinishAndArrive();
    void reorderingMovesRows();
    void aCancelledWaitingTaskMovesToTheEndedOnes();
    void clearRemovesTheWaitingRows();
    void finishedRowsAreBounded();
    void aFloodOfTasksEndsConsistent();
};

void tst_TaskTableModel::rowsKeepTheirPlaceFromQueuedToDone()
{
    TestSupport::Gate gate;
    Fixture f([&](const QVariant &task) {
        gate.wait();
        return QVariant(task.toString().toUpper());
    });
    f.runner.append(QStringLiteral("a"));
    f.runner.append(QStringLiteral("b"));
    f.runner.append(QStringLiteral("c"));
    QTRY_COMPARE_WITH_TIMEOUT(f.model.rowCount(), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(f.states(),
                              (QStringList{QStringLiteral("running"), QStringLiteral("waiting"),
                                           QStringLiteral("waiting")}),
                              5000);
    QSignalSpy moved(&f.model, &QAbstractItemModel::rowsMoved);
    QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(
        f.states(),
        (QStringList{QStringLiteral("done"), QStringLiteral("done"), QStringLiteral("done")}),
        5000);
    QCOMPARE(f.tasks(),
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(f.column(TaskTableModel::NumberColumn),
             (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    QCOMPARE(f.column(TaskTableModel::OutcomeColumn),
             (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    QCOMPARE(moved.count(), 0);
    QCOMPARE(removed.count(), 0);
}

void tst_TaskTableModel::aSelectedRowStaysSelectedWhileTasksFinishAndArrive()
{
    // The list of 0.1 rebuilt itself newest first: with task 3 of 3 selected, one more task
    // and a second later it showed 4, 2, 1 and the selection was gone.
    Fixture f([](const QVariant &task) {
        TaskRunner::sleepFor(100ms);
        return task;
    });
    QItemSelectionModel selection(&f.model);
    for (const char *task : {"one", "two", "three"})
        f.runner.append(QString::fromLatin1(task));
    QTRY_COMPARE_WITH_TIMEOUT(f.model.rowCount(), 3, 5000);
    const QPersistentModelIndex third = f.model.index(2, 0);
    selection.select(third, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    f.runner.append(QStringLiteral("four"));
    QTRY_COMPARE_WITH_TIMEOUT(f.runner.state().done, 4u, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(f.states().count(QStringLiteral("done")), 4, 5000);
    QCOMPARE(f.tasks(), (QStringList{QStringLiteral("one"), QStringLiteral("two"),
                                     QStringLiteral("three"), QStringLiteral("four")}));
    QCOMPARE(third.row(), 2);
    QVERIFY(selection.isRowSelected(2));
    QCOMPARE(selection.selectedRows().size(), 1);
}

void tst_TaskTableModel::reorderingMovesRows()
{
    TestSupport::Gate gate;
    Fixture f([&](const QVariant &task) {
        gate.wait();
        return task;
    });
    f.runner.append(QStringLiteral("run"));
    const auto b = f.runner.append(QStringLiteral("b"));
    const auto c = f.runner.append(QStringLiteral("c"));
    const auto d = f.runner.append(QStringLiteral("d"));
    QTRY_COMPARE_WITH_TIMEOUT(f.model.rowCount(), 4, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(f.model.runningRow(), 0, 5000);
    const QPersistentModelIndex rowOfD = f.model.index(3, 0);
    QSignalSpy moved(&f.model, &QAbstractItemModel::rowsMoved);
    QVERIFY(f.runner.moveToFront(d));
    QTRY_COMPARE_WITH_TIMEOUT(f.tasks(),
                              (QStringList{QStringLiteral("run"), QStringLiteral("d"),
                                           QStringLiteral("b"), QStringLiteral("c")}),
                              5000);
    QCOMPARE(rowOfD.row(), 1); // the row itself moved, with what points at it
    QVERIFY(f.runner.moveDown(b));
    QTRY_COMPARE_WITH_TIMEOUT(f.tasks(),
                              (QStringList{QStringLiteral("run"), QStringLiteral("d"),
                                           QStringLiteral("c"), QStringLiteral("b")}),
                              5000);
    QVERIFY(moved.count() >= 2);
    QCOMPARE(f.model.rowOf(c), 2);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(f.states().count(QStringLiteral("done")), 4, 5000);
    QCOMPARE(f.tasks(), (QStringList{QStringLiteral("run"), QStringLiteral("d"),
                                     QStringLiteral("c"), QStringLiteral("b")}));
}

void tst_TaskTableModel::aCancelledWaitingTaskMovesToTheEndedOnes()
{
    TestSupport::Gate gate;
    Fixture f([&](const QVariant &task) {
        gate.wait();
        return task;
    });
    f.runner.append(QStringLiteral("run"));
    f.runner.append(QStringLiteral("b"));
    const auto c = f.runner.append(QStringLiteral("c"));
    QTRY_COMPARE_WITH_TIMEOUT(f.model.rowCount(), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(f.model.runningRow(), 0, 5000);
    QVERIFY(f.runner.cancel(c));
    QTRY_COMPARE_WITH_TIMEOUT(
        f.tasks(), (QStringList{QStringLiteral("c"), QStringLiteral("run"), QStringLiteral("b")}),
        5000);
    QCOMPARE(f.states(), (QStringList{QStringLiteral("cancelled"), QStringLiteral("running"),
                                      QStringLiteral("waiting")}));
    gate.open();
}

void tst_TaskTableModel::clearRemovesTheWaitingRows()
{
    TestSupport::Gate gate;
    Fixture f([&](const QVariant &task) {
        gate.wait();
        return task;
    });
    for (int i = 0; i < 6; ++i)
        f.runner.append(QString::number(i));
    QTRY_COMPARE_WITH_TIMEOUT(f.model.rowCount(), 6, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(f.model.runningRow(), 0, 5000);
    QCOMPARE(f.runner.clear(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(f.model.rowCount(), 1, 5000);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(f.states(), QStringList{QStringLiteral("done")}, 5000);
}

void tst_TaskTableModel::finishedRowsAreBounded()
{
    Fixture f([](const QVariant &task) { return task; });
    f.model.setFinishedLimit(5);
    for (int i = 0; i < 20; ++i)
        f.runner.append(QString::number(i));
    QTRY_COMPARE_WITH_TIMEOUT(f.runner.state().done, 20u, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        f.tasks(),
        (QStringList{QStringLiteral("15"), QStringLiteral("16"), QStringLiteral("17"),
                     QStringLiteral("18"), QStringLiteral("19")}),
        5000);
}

void tst_TaskTableModel::aFloodOfTasksEndsConsistent()
{
    // Far more tasks than rows, ending faster than any notification: the table ends with the
    // newest finishedLimit() rows, in order, whatever was skipped on the way.
    Fixture f([](const QVariant &task) { return task; });
    f.model.setFinishedLimit(100);
    for (int i = 0; i < 20000; ++i)
        f.runner.append(i);
    QTRY_COMPARE_WITH_TIMEOUT(f.runner.state().done, 20000u, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(f.model.rowCount(), 100, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(f.states().count(QStringLiteral("done")), 100, 5000);
    QString numbers;
    for (int row = 0; row < 100; ++row)
        numbers += QString::number(f.model.rowAt(row)->number) + QLatin1Char(' ');
    for (int row = 0; row < 100; ++row)
        QVERIFY2(f.model.rowAt(row)->number == quint64(19901 + row), qPrintable(numbers));
}

QTEST_MAIN(tst_TaskTableModel)
#include "tst_tasktablemodel.moc"
