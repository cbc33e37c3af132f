// The session view as a user drives it: the command field, the task table, the output, the
// progress bar and every action, in a real window (offscreen).
#include "appcontroller.h"
#include "applicationinfo.h"
#include "confirmdialog.h"
#include "sessionrunnerview.h"
#include "sessionwindow.h"
#include "taskoutputview.h"
#include "tasktablemodel.h"
#include "testsupport.h"

#include <TaskRunner/commandspec.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace std::chrono_literals;
using TaskRunner::TaskState;

namespace {

AppOptions testOptions(const QString &key)
{
    AppOptions options;
    options.globalKey = key;
    options.taskSeconds = 0.05;
    return options;
}

template<typename T> T *child(QWidget *parent, const char *name)
{
    auto *found = parent->findChild<T *>(QString::fromLatin1(name));
    Q_ASSERT(found);
    return found;
}

// Answers the next ConfirmDialog that opens (from a nested event loop), and counts it.
struct DialogAnswer
{
    DialogAnswer(bool accept, bool dontAskAgain = false)
    {
        QObject::connect(&timer, &QTimer::timeout, &timer, [this, accept, dontAskAgain] {
            auto *dialog = qobject_cast<ConfirmDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            ++asked;
            text = dialog->findChild<QLabel *>(QStringLiteral("textLabel"))->text();
            detail = dialog->findChild<QLabel *>(QStringLiteral("informativeLabel"))->text();
            dialog->findChild<QCheckBox *>(QStringLiteral("dontAskCheckBox"))
                ->setChecked(dontAskAgain);
            accept ? dialog->accept() : dialog->reject();
        });
        timer.start(10);
    }
    QTimer timer;
    int asked = 0;
    QString text;
    QString detail;
};

struct Window
{
    explicit Window(AppController &app)
        : window(app.newWindow())
        , view(window->sessionView())
        , field(child<QLineEdit>(view, "commandEdit"))
    {}
    TaskTableModel *model() const { return view->taskModel(); }
    // -1 until the table is made, with the view's first notice of a task (which may wait for
    // the update gap of a window in the background).
    int rowCount() const { return model() ? model()->rowCount() : -1; }
    QTableView *table() const { return view->taskTable(); }
    const TaskTableModel::Row *row(int row) const
    {
        return model() ? model()->rowAt(row) : nullptr;
    }
    QString stateOf(int row) const
    {
        const auto *r = this->row(row);
        return r ? TaskTableModel::stateText(*r) : QString();
    }
    void type(const QString &line)
    {
        field->setFocus();
        field->clear();
        QTest::keyClicks(field, line);
        QTest::keyClick(field, Qt::Key_Return);
    }
    void select(int row)
    {
        table()->selectionModel()->setCurrentIndex(model()->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    }
    QString output() const
    {
        return view->outputView() ? view->outputView()->findChild<QPlainTextEdit *>()->toPlainText()
                                  : QString();
    }
    // A paused queue of `count` commands, queued on the runner, not through the view (which
    // would scroll to them): more rows than the table shows at the default size.
    void queuePaused(int count)
    {
        window->runner().pause();
        for (int i = 0; i < count; ++i)
            window->runner().append(QVariant::fromValue(
                TaskRunner::CommandSpec::fromLine(QStringLiteral("echo %1").arg(i), false)));
        QTRY_COMPARE_WITH_TIMEOUT(rowCount(), count, 5000);
    }
    QAction *action(const char *name) const
    {
        return view->findChild<QAction *>(QString::fromLatin1(name));
    }
    SessionWindow *window;
    SessionRunnerView *view;
    QLineEdit *field;
};

} // namespace

class tst_SessionRunnerView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void aTypedCommandRunsAndShowsItsOutput();
    void aCommandThatCannotRunSaysWhyInItsDetails();
    void runInShellRunsTheLineThroughSh();
    void anEmptyFieldQueuesTheExampleTask();
    void anInvalidLineIsRefusedWithAMessage();
    void outputIsShownLiveAndCancelStopsTheCommand();
    void progressIsDeterminateForTheExampleAndBusyForACommand();
    void actionsOnTheSelectedTask();
    void actionsNeedARowThatIsSelectedNotOnlyCurrent();
    void theOutputShownFirstLeavesTheTableFourRows();
    void everyColumnTitleIsWholeAtTheDefaultSize();
    void aLongCommandsDetailsAreShownWhole();
    void theColumnsStayWithinTheTableWhenItGetsNarrower();
    void aQueuedTaskIsScrolledIntoSight();
    void pauseResumeAndClearTheQueue();
    void theNumberColumnFitsTheNewestNumber();
    void focusStaysInTheSessionWhenClearQueueIsDone();
    void upAndDownWalkThroughEarlierCommands();
    void aPasteOfSeveralLinesQueuesOneTaskPerLineAfterAsking();
    void closingAsksOnlyWhileCommandsWaitOrRun();
    void quitAsksOnceForEveryWindow();
    void aLongTaskThatEndsInAnInactiveWindowAsksForANotification();
};

void tst_SessionRunnerView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installMessageGuard();
    ApplicationInfo::installTranslations();
}

void tst_SessionRunnerView::init()
{
    QSettings().clear();
    TestSupport::clearAppData();
}

void tst_SessionRunnerView::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        widget->close();
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_SessionRunnerView::aTypedCommandRunsAndShowsItsOutput()
{
    AppController app(testOptions(QStringLiteral("v-command")));
    Window w(app);
    QCOMPARE(w.field->accessibleName(), QStringLiteral("Command"));
    w.type(QStringLiteral("printf '%s\\n' hello 'big world'"));
    QCOMPARE(w.field->text(), QString()); // queued: the field is ready for the next
    QTRY_VERIFY_WITH_TIMEOUT(w.model() && w.stateOf(0) == QStringLiteral("done"), 5000);
    QCOMPARE(w.model()->index(0, TaskTableModel::TaskColumn).data().toString(),
             QStringLiteral("printf '%s\\n' hello 'big world'"));
    QCOMPARE(w.model()->index(0, TaskTableModel::OutcomeColumn).data().toString(),
             QStringLiteral("big world"));
    QCOMPARE(w.table()->accessibleName(), QStringLiteral("Tasks"));
    w.select(0);
    QTRY_COMPARE_WITH_TIMEOUT(w.output(), QStringLiteral("hello\nbig world\n"), 5000);
    QCOMPARE(w.view->outputView()->findChild<QPlainTextEdit *>()->accessibleName(),
             QStringLiteral("Output"));
    QVERIFY(w.view->outputView()->findChild<QPlainTextEdit *>()->isReadOnly());
    const QString details =
        w.view->outputView()->findChild<QLabel *>(QStringLiteral("detailsLabel"))->text();
    QVERIFY2(details.contains(QLatin1String("exit status 0")), qPrintable(details));
}

void tst_SessionRunnerView::aCommandThatCannotRunSaysWhyInItsDetails()
{
    // No output and no exit status: the details say why, not only "failed".
    AppController app(testOptions(QStringLiteral("v-cannot-run")));
    Window w(app);
    w.type(QStringLiteral("taskrunner-no-such-program --flag"));
    QTRY_VERIFY_WITH_TIMEOUT(w.model() && w.stateOf(0) == QStringLiteral("failed"), 5000);
    w.select(0);
    auto *label = w.view->outputView()->findChild<QLabel *>(QStringLiteral("detailsLabel"));
    QTRY_VERIFY2_WITH_TIMEOUT(label->text().contains(QStringLiteral(" · failed · ")),
                              qPrintable(label->text()), 5000);
    QVERIFY2(label->text().endsWith(QLatin1String(
                 "cannot run 'taskrunner-no-such-program': No such file or directory")),
             qPrintable(label->text()));
    QVERIFY2(label->text().startsWith(QLatin1String("#1: taskrunner-no-such-program --flag")),
             qPrintable(label->text()));
}

void tst_SessionRunnerView::runInShellRunsTheLineThroughSh()
{
    AppController app(testOptions(QStringLiteral("v-shell")));
    Window w(app);
    w.type(QStringLiteral("echo $((6*7))"));
    QTRY_VERIFY_WITH_TIMEOUT(w.model() && w.stateOf(0) == QStringLiteral("done"), 5000);
    QCOMPARE(w.row(0)->outcome, QStringLiteral("$((6*7))")); // no shell: nothing expanded
    child<QCheckBox>(w.view, "shellCheckBox")->setChecked(true);
    w.type(QStringLiteral("echo $((6*7)) | tr 4 X"));
    QTRY_COMPARE_WITH_TIMEOUT(w.stateOf(1), QStringLiteral("done"), 5000);
    QCOMPARE(w.row(1)->outcome, QStringLiteral("X2"));
}

void tst_SessionRunnerView::anEmptyFieldQueuesTheExampleTask()
{
    AppController app(testOptions(QStringLiteral("v-example")));
    Window w(app);
    QTest::mouseClick(child<QPushButton>(w.view, "addTaskButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(w.model() && w.stateOf(0) == QStringLiteral("done"), 5000);
    QCOMPARE(w.model()->index(0, TaskTableModel::TaskColumn).data().toString(),
             QStringLiteral("Example"));
    const QLocale locale; // a date-time result in the locale's short date, to the millisecond
    QVERIFY2(locale
                 .toDateTime(w.row(0)->outcome, locale.dateFormat(QLocale::ShortFormat) +
                                                    QStringLiteral(" HH:mm:ss") +
                                                    locale.decimalPoint() + QStringLiteral("zzz"))
                 .isValid(),
             qPrintable(w.row(0)->outcome));
}

void tst_SessionRunnerView::anInvalidLineIsRefusedWithAMessage()
{
    AppController app(testOptions(QStringLiteral("v-invalid")));
    Window w(app);
    w.type(QStringLiteral("echo 'unclosed"));
    const QString message = w.window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QLatin1String("Not queued:")), qPrintable(message));
    QCOMPARE(w.field->text(), QStringLiteral("echo 'unclosed")); // kept, to be mended
    QCOMPARE(w.window->runner().state().appended, 0u);
}

void tst_SessionRunnerView::outputIsShownLiveAndCancelStopsTheCommand()
{
    AppController app(testOptions(QStringLiteral("v-live")));
    Window w(app);
    w.type(QStringLiteral("sh -c 'echo first; echo oops >&2; exec sleep 60'"));
    QTRY_VERIFY_WITH_TIMEOUT(w.model() && w.stateOf(0) == QStringLiteral("running"), 5000);
    w.select(0);
    QTRY_COMPARE_WITH_TIMEOUT(w.output(), QStringLiteral("first\noops\n"), 5000);
    QVERIFY(w.action("cancelTaskAction")->isEnabled());
    QTest::keyClick(w.table(), Qt::Key_Delete); // Cancel Task
    QTRY_COMPARE_WITH_TIMEOUT(w.stateOf(0), QStringLiteral("cancelled"), 5000);
    QCOMPARE(w.row(0)->outcome, QStringLiteral("killed by SIGTERM"));
    QVERIFY(!w.action("cancelTaskAction")->isEnabled());
}

void tst_SessionRunnerView::progressIsDeterminateForTheExampleAndBusyForACommand()
{
    AppOptions options = testOptions(QStringLiteral("v-progress"));
    options.taskSeconds = 0.6;
    AppController app(options);
    Window w(app);
    auto *progress = child<QProgressBar>(w.view, "progressBar");
    QCOMPARE(progress->accessibleName(), QStringLiteral("Progress"));
    QVERIFY(!progress->isVisibleTo(w.window));
    w.view->addExampleTask();
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisibleTo(w.window), 5000);
    // Determinate once the example reports its progress (busy until its first report).
    QTRY_COMPARE_WITH_TIMEOUT(progress->maximum(), 1000, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!progress->isVisibleTo(w.window), 5000);
    w.type(QStringLiteral("sleep 0.5"));
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisibleTo(w.window), 5000);
    QCOMPARE(progress->maximum(), 0); // busy: a command has no known end
    QVERIFY(!child<QLabel>(w.view, "elapsedLabel")->text().isEmpty());
}

void tst_SessionRunnerView::actionsOnTheSelectedTask()
{
    AppController app(testOptions(QStringLiteral("v-actions")));
    Window w(app);
    w.type(QStringLiteral("sleep 60"));
    w.type(QStringLiteral("echo b"));
    w.type(QStringLiteral("echo c"));
    QTRY_VERIFY_WITH_TIMEOUT(
        w.model() && w.model()->rowCount() == 3 && w.stateOf(0) == QStringLiteral("running"), 5000);
    // Move Down, Move Up on waiting tasks; the running one cannot move.
    w.select(1);
    QVERIFY(w.action("moveDownAction")->isEnabled());
    QVERIFY(!w.action("moveUpAction")->isEnabled()); // already next
    w.action("moveDownAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(w.row(2)->task.value<TaskRunner::CommandSpec>().line,
                              QStringLiteral("echo b"), 5000);
    QCOMPARE(w.table()->selectionModel()->currentIndex().row(), 2); // the selection followed
    w.action("moveUpAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(w.row(1)->task.value<TaskRunner::CommandSpec>().line,
                              QStringLiteral("echo b"), 5000);
    // Copy Command.
    w.select(0);
    QVERIFY(!w.action("moveUpAction")->isEnabled());
    w.action("copyCommandAction")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("sleep 60"));
    // Cancel Task on a waiting one removes it; on the running one stops it.
    w.select(2);
    w.action("cancelTaskAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w.row(0) && w.row(0)->state == TaskState::Cancelled, 5000);
    QCOMPARE(w.model()->rowAt(0)->task.value<TaskRunner::CommandSpec>().line,
             QStringLiteral("echo c"));
    w.select(1);
    w.action("cancelTaskAction")->trigger(); // sleep 60
    QTRY_COMPARE_WITH_TIMEOUT(w.stateOf(1), QStringLiteral("cancelled"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(w.stateOf(2), QStringLiteral("done"), 5000); // echo b ran
    // Run Again, and Copy Output of what it printed.
    w.select(2);
    w.action("runAgainAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(w.rowCount(), 4, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(w.stateOf(3), QStringLiteral("done"), 5000);
    QCOMPARE(w.row(3)->outcome, QStringLiteral("b"));
    w.select(3);
    QTRY_COMPARE_WITH_TIMEOUT(w.output(), QStringLiteral("b\n"), 5000);
    w.action("copyOutputAction")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("b\n"));
    // Each action is in the Session menu too.
    const QList<QAction *> menu =
        w.window->findChild<QMenu *>(QStringLiteral("sessionMenu"))->actions();
    for (QAction *action : w.view->taskActions())
        QVERIFY2(menu.contains(action), qPrintable(action->text()));
}

void tst_SessionRunnerView::actionsNeedARowThatIsSelectedNotOnlyCurrent()
{
    AppController app(testOptions(QStringLiteral("v-selected")));
    Window w(app);
    w.view->addCommand(QStringLiteral("echo a"), false);
    QTRY_COMPARE_WITH_TIMEOUT(w.stateOf(0), QStringLiteral("done"), 5000);
    // What the view does when it gets the focus: the first row current, nothing highlighted.
    w.table()->selectionModel()->setCurrentIndex(w.model()->index(0, 0),
                                                 QItemSelectionModel::NoUpdate);
    QVERIFY(!w.table()->selectionModel()->hasSelection());
    QVERIFY(!w.action("runAgainAction")->isEnabled());
    QVERIFY(!w.action("copyCommandAction")->isEnabled());
    w.select(0);
    QVERIFY(w.action("runAgainAction")->isEnabled());
    QVERIFY(w.action("copyCommandAction")->isEnabled());
    w.table()->clearSelection(); // the current row stays
    QVERIFY(w.table()->selectionModel()->currentIndex().isValid());
    QVERIFY(!w.action("runAgainAction")->isEnabled());
}

void tst_SessionRunnerView::theOutputShownFirstLeavesTheTableFourRows()
{
    AppController app(testOptions(QStringLiteral("v-split")));
    Window w(app);
    QVERIFY(QTest::qWaitForWindowExposed(w.window));
    w.view->addCommand(QStringLiteral("echo a"), false);
    QTRY_COMPARE_WITH_TIMEOUT(w.stateOf(0), QStringLiteral("done"), 5000);
    QVERIFY(!w.view->outputView()); // made when a task is first selected
    w.select(0);
    QVERIFY(w.view->outputView());
    const auto *splitter = child<QSplitter>(w.view, "tasksSplitter");
    QTRY_VERIFY_WITH_TIMEOUT(w.view->outputView()->isVisible(), 5000);
    QCoreApplication::processEvents();
    QCOMPARE(splitter->sizes().size(), 2);
    // Four rows in sight below the header.
    const int rows =
        w.table()->viewport()->height() / w.table()->verticalHeader()->defaultSectionSize();
    QVERIFY2(rows >= 4, qPrintable(QStringLiteral("%1 rows in sight").arg(rows)));

    // A taller window makes both taller, the table too.
    const QList<int> before = splitter->sizes();
    w.window->resize(w.window->width(), w.window->height() + 200);
    QTRY_VERIFY_WITH_TIMEOUT(splitter->sizes().value(1) > before.value(1), 5000);
    QVERIFY2(splitter->sizes().value(0) >= before.value(0) + 60,
             qPrintable(QStringLiteral("table %1 -> %2, output %3 -> %4")
                            .arg(before.value(0))
                            .arg(splitter->sizes().value(0))
                            .arg(before.value(1))
                            .arg(splitter->sizes().value(1))));
}

void tst_SessionRunnerView::everyColumnTitleIsWholeAtTheDefaultSize()
{
    AppController app(testOptions(QStringLiteral("v-titles")));
    Window w(app);
    QVERIFY(QTest::qWaitForWindowExposed(w.window));
    w.view->addCommand(QStringLiteral("echo a"), false);
    QTRY_VERIFY_WITH_TIMEOUT(w.table(), 5000);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QHeaderView *header = w.table()->horizontalHeader();
    const QAbstractItemModel *model = w.table()->model();
    for (int column = 0; column < model->columnCount(); ++column) {
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        const int left = header->sectionViewportPosition(column);
        const int width = std::min(header->sectionSize(column), header->viewport()->width() - left);
        QVERIFY2(width >= header->fontMetrics().horizontalAdvance(title),
                 qPrintable(QStringLiteral("'%1': %2 px in sight").arg(title).arg(width)));
    }
    QVERIFY(!model->headerData(model->columnCount() - 1, Qt::Horizontal, Qt::ToolTipRole)
                 .toString()
                 .isEmpty());
}

void tst_SessionRunnerView::aLongCommandsDetailsAreShownWhole()
{
    // The details wrap to several lines for a long command line, and so does the last result
    // above the table: every line is in sight, the table above the output, at the default size
    // and in a narrower window.
    AppController app(testOptions(QStringLiteral("v-details")));
    Window w(app);
    QVERIFY(QTest::qWaitForWindowExposed(w.window));
    w.type(QStringLiteral("echo a command line long enough to wrap in the details of the task "
                          "below the table, twice: a command line long enough to wrap"));
    QTRY_VERIFY_WITH_TIMEOUT(w.model() && w.stateOf(0) == QStringLiteral("done"), 5000);
    w.select(0);
    QTRY_VERIFY_WITH_TIMEOUT(w.view->outputView(), 5000);
    auto *label = w.view->outputView()->findChild<QLabel *>(QStringLiteral("detailsLabel"));
    const auto *edit = w.view->outputView()->findChild<QPlainTextEdit *>();
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QLatin1String("exit status 0")), 5000);
    // What is wrong with the layout, if anything.
    const auto fault = [&]() -> QString {
        const int needed = label->heightForWidth(label->width());
        if (needed <= label->fontMetrics().lineSpacing())
            return QStringLiteral("one line only");
        if (label->y() < 0 || label->height() < needed)
            return QStringLiteral("%1 px of %2 in sight").arg(label->height()).arg(needed);
        const QWidget *output = w.view->outputView();
        if (w.table()->geometry().bottom() >= output->y())
            return QStringLiteral("table to %1, output from %2")
                .arg(w.table()->geometry().bottom())
                .arg(output->y());
        if (edit->y() <= label->geometry().bottom() ||
            edit->geometry().bottom() >= w.view->outputView()->height())
            return QStringLiteral("details to %1, output from %2 to %3 in %4")
                .arg(label->geometry().bottom())
                .arg(edit->y())
                .arg(edit->geometry().bottom())
                .arg(w.view->outputView()->height());
        return {};
    };
    for (const int width : {w.window->width(), w.window->width() * 3 / 4}) {
        w.window->resize(width, w.window->height());
        QTRY_COMPARE_WITH_TIMEOUT(fault(), QString(), 2000);
    }
}

void tst_SessionRunnerView::theColumnsStayWithinTheTableWhenItGetsNarrower()
{
    // More rows than the table shows: the vertical scroll bar takes its room from the command,
    // and no horizontal one appears (it also hid part of the number); after a wider window too.
    AppController app(testOptions(QStringLiteral("v-fit")));
    Window w(app);
    QVERIFY(QTest::qWaitForWindowExposed(w.window));
    w.queuePaused(40);
    QTRY_VERIFY_WITH_TIMEOUT(w.table()->verticalScrollBar()->isVisible(), 5000);
    const QHeaderView *header = w.table()->horizontalHeader();
    const auto fits = [&] {
        int widths = 0;
        for (int column = 0; column < header->count() - 1; ++column)
            widths += header->sectionSize(column);
        return widths + header->sectionSizeHint(header->count() - 1) <=
                   w.table()->viewport()->width() &&
               !w.table()->horizontalScrollBar()->isVisible();
    };
    const auto widths = [&] {
        QStringList sizes;
        for (int column = 0; column < header->count(); ++column)
            sizes << QString::number(header->sectionSize(column));
        return QStringLiteral("%1 (last at least %2) in %3, horizontal scroll bar: %4")
            .arg(sizes.join(QLatin1Char('+')))
            .arg(header->sectionSizeHint(header->count() - 1))
            .arg(w.table()->viewport()->width())
            .arg(w.table()->horizontalScrollBar()->isVisible());
    };
    QTRY_VERIFY2_WITH_TIMEOUT(fits(), qPrintable(widths()), 5000);
    // Wider, then as narrow again.
    const int width = w.window->width();
    const int tableWidth = w.table()->viewport()->width();
    w.window->resize(width + 200, w.window->height());
    QTRY_VERIFY_WITH_TIMEOUT(w.table()->viewport()->width() > tableWidth + 50, 5000);
    QVERIFY2(fits(), qPrintable(widths()));
    w.window->resize(width, w.window->height());
    QTRY_VERIFY2_WITH_TIMEOUT(fits(), qPrintable(widths()), 5000);
    w.window->runner().clear();
}

void tst_SessionRunnerView::aQueuedTaskIsScrolledIntoSight()
{
    // Queued below the rows in sight: shown, as the user looks for it; rows that come by
    // themselves (from another window's action, say) do not move the view.
    AppController app(testOptions(QStringLiteral("v-reveal")));
    Window w(app);
    QVERIFY(QTest::qWaitForWindowExposed(w.window));
    w.queuePaused(40);
    QScrollBar *bar = w.table()->verticalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 5000);
    QCOMPARE(bar->value(), 0);
    const auto inSight = [&](int row) {
        // Its text at least: the last row in sight may be cut at the bottom.
        const QRect rect = w.table()->visualRect(w.model()->index(row, 0));
        const QRect viewport = w.table()->viewport()->rect();
        return rect.isValid() && viewport.contains(rect.topLeft()) &&
               rect.top() + w.table()->fontMetrics().height() <= viewport.bottom();
    };
    QVERIFY(!inSight(39));
    w.type(QStringLiteral("echo typed"));
    QTRY_COMPARE_WITH_TIMEOUT(w.rowCount(), 41, 5000);
    const auto where = [&](int row) {
        const QRect rect = w.table()->visualRect(w.model()->index(row, 0));
        return QStringLiteral("row at %1..%2 of %3, scrolled to %4 of %5")
            .arg(rect.top())
            .arg(rect.bottom())
            .arg(w.table()->viewport()->height())
            .arg(bar->value())
            .arg(bar->maximum());
    };
    QTRY_VERIFY2_WITH_TIMEOUT(inSight(40), qPrintable(where(40)), 5000);
    QVERIFY(bar->value() > 0);
    w.window->runner().clear();
}

void tst_SessionRunnerView::pauseResumeAndClearTheQueue()
{
    AppController app(testOptions(QStringLiteral("v-queue")));
    Window w(app);
    w.type(QStringLiteral("sleep 60"));
    QTRY_VERIFY_WITH_TIMEOUT(w.model() && w.stateOf(0) == QStringLiteral("running"), 5000);
    auto *pause = child<QToolButton>(w.view, "pauseQueueButton");
    QCOMPARE(pause->text(), QStringLiteral("Pause Queue"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(w.window->runner().state().paused, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(pause->text(), QStringLiteral("Resume Queue"), 5000);
    w.type(QStringLiteral("echo one"));
    w.type(QStringLiteral("echo two"));
    w.window->runner().cancel(w.row(0)->id);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(w.view, "statusLabel")->text(),
                              QStringLiteral("The queue is paused"), 5000);
    QTest::qWait(100); // negative check: paused, nothing more starts
    QCOMPARE(w.stateOf(1), QStringLiteral("waiting"));
    QTest::mouseClick(child<QToolButton>(w.view, "clearQueueButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.rowCount(), 1, 5000);
    QCOMPARE(w.window->statusBar()->currentMessage(), QStringLiteral("Dropped 2 waiting tasks"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!w.window->runner().state().paused, 5000);
}

void tst_SessionRunnerView::theNumberColumnFitsTheNewestNumber()
{
    AppController app(testOptions(QStringLiteral("v-number")));
    Window w(app);
    w.type(QStringLiteral("sleep 60"));
    QTRY_VERIFY_WITH_TIMEOUT(w.model() && w.stateOf(0) == QStringLiteral("running"), 5000);
    QHeaderView *header = w.table()->horizontalHeader();
    const int narrow = header->sectionSize(TaskTableModel::NumberColumn);
    const QFontMetrics metrics = w.table()->fontMetrics();
    QVERIFY(narrow > metrics.horizontalAdvance(QLocale().toString(1)));
    for (int i = 0; i < 1200; ++i)
        w.window->runner().append(SessionRunnerView::exampleTask());
    QTRY_COMPARE_WITH_TIMEOUT(w.rowCount(), 1201, 5000);
    // The newest task's number, "1,201", is shown whole, in a wider column.
    const int wide = header->sectionSize(TaskTableModel::NumberColumn);
    QVERIFY2(wide > metrics.horizontalAdvance(QLocale().toString(1201)),
             qPrintable(QString::number(wide)));
    QVERIFY(wide > narrow);
    // And fitted again to a larger font.
    QFont larger = w.view->font();
    larger.setPointSizeF(larger.pointSizeF() * 2);
    w.view->setFont(larger);
    QVERIFY(header->sectionSize(TaskTableModel::NumberColumn) >
            w.table()->fontMetrics().horizontalAdvance(QLocale().toString(1201)));
    QVERIFY(header->sectionSize(TaskTableModel::NumberColumn) > wide);
    w.window->runner().clear();
}

void tst_SessionRunnerView::focusStaysInTheSessionWhenClearQueueIsDone()
{
    AppController app(testOptions(QStringLiteral("v-focus")));
    Window w(app);
    w.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.window));
    w.type(QStringLiteral("sleep 60"));
    w.type(QStringLiteral("echo waits"));
    QTRY_VERIFY_WITH_TIMEOUT(w.window->runner().state().queueLength == 1, 5000);
    auto *clear = child<QToolButton>(w.view, "clearQueueButton");
    QTRY_VERIFY_WITH_TIMEOUT(clear->isEnabled(), 5000);
    clear->setFocus();
    QTest::keyClick(clear, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!clear->isEnabled(), 5000);
    // Not on the shared Interval field, where a stray key would change every window's watch.
    QVERIFY(QApplication::focusWidget());
    QVERIFY2(w.view->isAncestorOf(QApplication::focusWidget()),
             qPrintable(QApplication::focusWidget()->objectName()));
}

void tst_SessionRunnerView::upAndDownWalkThroughEarlierCommands()
{
    AppController app(testOptions(QStringLiteral("v-history")));
    Window w(app);
    w.type(QStringLiteral("echo 1"));
    w.type(QStringLiteral("echo 2"));
    QTest::keyClicks(w.field, QStringLiteral("draft"));
    QTest::keyClick(w.field, Qt::Key_Up);
    QCOMPARE(w.field->text(), QStringLiteral("echo 2"));
    QTest::keyClick(w.field, Qt::Key_Up);
    QCOMPARE(w.field->text(), QStringLiteral("echo 1"));
    QTest::keyClick(w.field, Qt::Key_Up); // the oldest: stays
    QCOMPARE(w.field->text(), QStringLiteral("echo 1"));
    QTest::keyClick(w.field, Qt::Key_Down);
    QTest::keyClick(w.field, Qt::Key_Down);
    QCOMPARE(w.field->text(), QStringLiteral("draft"));
    // The history is kept for the next window, and the next run.
    Window other(app);
    QTest::keyClick(other.field, Qt::Key_Up);
    QCOMPARE(other.field->text(), QStringLiteral("echo 2"));
    QCOMPARE(app.settings().commandHistory(),
             (QStringList{QStringLiteral("echo 1"), QStringLiteral("echo 2")}));
}

void tst_SessionRunnerView::aPasteOfSeveralLinesQueuesOneTaskPerLineAfterAsking()
{
    AppController app(testOptions(QStringLiteral("v-paste")));
    Window w(app);
    QGuiApplication::clipboard()->setText(QStringLiteral("echo a\n\necho b\r\necho c\n"));
    {
        DialogAnswer no(false);
        w.field->setFocus();
        QTest::keySequence(w.field, QKeySequence::Paste);
        QCOMPARE(no.asked, 1);
        QCOMPARE(no.text,
                 QStringLiteral("The pasted text has 3 lines. Queue each line as a task?"));
    }
    QCOMPARE(w.window->runner().state().appended, 0u);
    {
        DialogAnswer yes(true);
        QTest::keySequence(w.field, QKeySequence::Paste);
        QCOMPARE(yes.asked, 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(w.window->runner().state().done, 3u, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(w.rowCount(), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(w.stateOf(2), QStringLiteral("done"), 5000);
    QCOMPARE(w.row(2)->outcome, QStringLiteral("c"));
    // One line is simply pasted into the field.
    QGuiApplication::clipboard()->setText(QStringLiteral("echo single\n"));
    QTest::keySequence(w.field, QKeySequence::Paste);
    QCOMPARE(w.field->text(), QStringLiteral("echo single"));
}

void tst_SessionRunnerView::closingAsksOnlyWhileCommandsWaitOrRun()
{
    AppOptions options = testOptions(QStringLiteral("v-close"));
    options.taskSeconds = 30;
    AppController app(options);
    {
        // Example tasks only: closes at once.
        Window w(app);
        w.view->addExampleTask();
        QTRY_VERIFY_WITH_TIMEOUT(w.window->runner().state().busy, 5000);
        DialogAnswer answer(false);
        QVERIFY(w.window->close());
        QCOMPARE(answer.asked, 0);
    }
    Window w(app);
    w.type(QStringLiteral("sleep 60"));
    w.type(QStringLiteral("echo waiting"));
    QTRY_VERIFY_WITH_TIMEOUT(w.window->runner().state().busy, 5000);
    {
        // The last window: the app quits with it and saves what waits.
        DialogAnswer no(false);
        QVERIFY(!w.window->close());
        QCOMPARE(no.asked, 1);
        QCOMPARE(no.text, QStringLiteral("Close the last window with 2 commands not done?"));
        QVERIFY2(no.detail.contains(QLatin1String("come back")), qPrintable(no.detail));
    }
    {
        // Another window is open: what waits here is dropped.
        Window other(app);
        DialogAnswer no(false);
        QVERIFY(!w.window->close());
        QCOMPARE(no.asked, 1);
        QCOMPARE(no.text, QStringLiteral("Close this window and stop 2 commands?"));
        QVERIFY2(no.detail.contains(QLatin1String("dropped")), qPrintable(no.detail));
        QVERIFY(other.window->close());
    }
    QVERIFY(w.window->isVisible());
    {
        DialogAnswer yes(true, true); // and don't ask again
        QVERIFY(w.window->close());
        QCOMPARE(yes.asked, 1);
    }
    QVERIFY(!app.settings().confirmStoppingCommands());
    Window next(app);
    next.type(QStringLiteral("sleep 60"));
    QTRY_VERIFY_WITH_TIMEOUT(next.window->runner().state().busy, 5000);
    DialogAnswer answer(false);
    QVERIFY(next.window->close());
    QCOMPARE(answer.asked, 0);
}

void tst_SessionRunnerView::quitAsksOnceForEveryWindow()
{
    AppController app(testOptions(QStringLiteral("v-quit")));
    Window a(app);
    Window b(app);
    a.type(QStringLiteral("sleep 60"));
    b.type(QStringLiteral("sleep 60"));
    b.type(QStringLiteral("sleep 60"));
    QTRY_VERIFY_WITH_TIMEOUT(a.window->runner().state().busy && b.window->runner().state().busy,
                             5000);
    {
        DialogAnswer no(false);
        QVERIFY(!app.quit());
        QCOMPARE(no.asked, 1);
        QCOMPARE(no.text, QStringLiteral("Quit with 3 commands not done?"));
        QVERIFY2(no.detail.contains(QLatin1String("come back")), qPrintable(no.detail));
    }
    QCOMPARE(app.windows().size(), 2);
    DialogAnswer yes(true);
    QVERIFY(app.quit());
    QCOMPARE(yes.asked, 1); // once, not once per window
    QCOMPARE(app.windows().size(), 0);
}

void tst_SessionRunnerView::aLongTaskThatEndsInAnInactiveWindowAsksForANotification()
{
    AppController app(testOptions(QStringLiteral("v-notify")));
    Window w(app);
    w.view->setLongTaskDuration(100ms);
    QStringList titles;
    connect(w.view, &SessionRunnerView::longTaskEnded, this,
            [&](const QString &title) { titles << title; });
    w.type(QStringLiteral("echo quick"));
    w.type(QStringLiteral("sleep 0.3"));
    QTRY_COMPARE_WITH_TIMEOUT(w.window->runner().state().done, 2u, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(titles, QStringList{QStringLiteral("Task 2 done")}, 5000);
}

QTEST_MAIN(tst_SessionRunnerView)
#include "tst_sessionrunnerview.moc"
