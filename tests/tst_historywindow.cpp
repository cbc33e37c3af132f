// The History window as a user drives it: every task listed newest first, search, the state
// filter, a task's output, Run Again into the active session, Export (the files read back) and
// Clear History.
#include "appcontroller.h"
#include "applicationinfo.h"
#include "confirmdialog.h"
#include "historywindow.h"
#include "sessionrunnerview.h"
#include "sessionwindow.h"
#include "testsupport.h"

#include <TaskRunner/historymodel.h>
#include <TaskRunner/historystore.h>

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
AppOptions testOptions()
{
    AppOptions options;
    options.globalKey = QStringLiteral("h-window");
    options.taskSeconds = 0.05;
    return options;
}

QStringList commands(const TaskRunner::HistoryModel *model)
{
    QStringList lines;
    for (int row = 0; row < model->rowCount(); ++row)
        lines << model->entry(row).commandLine;
    return lines;
}
} // namespace

class tst_HistoryWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listsSearchesFiltersAndShowsOutput();
    void runAgainQueuesInTheActiveSession();
    void opensOverTheSessionAndEscapeClosesIt();
    void theResultColumnIsInSightWithoutScrolling();
    void exportWritesFilesThatReadBack();
    void clearHistoryAsksThenEmptiesIt();

private:
    // An app whose history holds three tasks.
    void fill(AppController &app);
};

void tst_HistoryWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installMessageGuard();
    ApplicationInfo::installTranslations();
}

void tst_HistoryWindow::init()
{
    QSettings().clear();
    TestSupport::clearAppData();
}

void tst_HistoryWindow::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        widget->close();
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_HistoryWindow::fill(AppController &app)
{
    app.start();
    SessionRunnerView *view = app.windows().constFirst()->sessionView();
    view->addCommand(QStringLiteral("echo apple"), false);
    view->addCommand(QStringLiteral("sh -c 'echo banana; exit 3'"), false);
    view->addCommand(QStringLiteral("echo cherry | tr c C"), true);
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().constFirst()->runner().state().lastSequence, 3u, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(app.historyStore()->writtenCount(), qint64(3), 10000);
}

void tst_HistoryWindow::listsSearchesFiltersAndShowsOutput()
{
    AppController app(testOptions());
    fill(app);
    HistoryWindow *window = app.showHistory();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *table = window->findChild<QTableView *>(QStringLiteral("historyTable"));
    QCOMPARE(table->accessibleName(), QStringLiteral("History"));
    TaskRunner::HistoryModel *model = window->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 5000);
    QCOMPARE(commands(model), (QStringList{QStringLiteral("echo cherry | tr c C"),
                                           QStringLiteral("sh -c 'echo banana; exit 3'"),
                                           QStringLiteral("echo apple")})); // newest first
    // The session by its window's name, not its id; a window opened later is named too.
    const QModelIndex session = model->index(0, TaskRunner::HistoryModel::SessionColumn);
    QCOMPARE(session.data().toString(), QStringLiteral("Session 1"));
    QCOMPARE(session.data(Qt::ToolTipRole).toString(), app.windows().constFirst()->sessionId());
    SessionWindow *second = app.newWindow();
    second->sessionView()->addCommand(QStringLiteral("echo date"), false);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
    QCOMPARE(model->index(0, TaskRunner::HistoryModel::SessionColumn).data().toString(),
             QStringLiteral("Session 2"));
    second->close();
    QTRY_COMPARE_WITH_TIMEOUT(app.windows().size(), 1, 5000);
    QCOMPARE(model->index(0, TaskRunner::HistoryModel::SessionColumn).data().toString(),
             QStringLiteral("Session 2")); // still this run's Session 2

    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTest::keyClicks(search, QStringLiteral("banana")); // in the output, not the command
    QTRY_COMPARE_WITH_TIMEOUT(commands(model),
                              QStringList{QStringLiteral("sh -c 'echo banana; exit 3'")}, 5000);
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);

    auto *state = window->findChild<QComboBox *>(QStringLiteral("stateCombo"));
    state->setCurrentIndex(state->findData(QStringLiteral("failed")));
    QTRY_COMPARE_WITH_TIMEOUT(commands(model),
                              QStringList{QStringLiteral("sh -c 'echo banana; exit 3'")}, 5000);
    QCOMPARE(model->entry(0).exitCode, std::optional<int>(3));
    table->selectRow(0);
    auto *output = window->findChild<QPlainTextEdit *>(QStringLiteral("outputEdit"));
    QTRY_COMPARE_WITH_TIMEOUT(output->toPlainText(), QStringLiteral("banana\n"), 5000);
    state->setCurrentIndex(0); // All
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
}

void tst_HistoryWindow::runAgainQueuesInTheActiveSession()
{
    AppController app(testOptions());
    fill(app);
    SessionWindow *session = app.windows().constFirst();
    HistoryWindow *window = app.showHistory();
    TaskRunner::HistoryModel *model = window->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 5000);
    window->findChild<QTableView *>(QStringLiteral("historyTable"))->selectRow(0); // the shell one
    window->findChild<QPushButton *>(QStringLiteral("runAgainButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(session->runner().state().done, 3u, 5000); // 2 done, 1 failed
    QTRY_COMPARE_WITH_TIMEOUT(session->runner().state().lastSequence, 4u, 5000);
    QCOMPARE(session->runner().state().lastResult.toString(), QStringLiteral("Cherry"));
}

void tst_HistoryWindow::theResultColumnIsInSightWithoutScrolling()
{
    AppController app(testOptions());
    fill(app);
    HistoryWindow *window = app.showHistory();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *table = window->findChild<QTableView *>(QStringLiteral("historyTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 3, 5000);
    // At the window's first size, every column and a dozen characters of the result.
    const QHeaderView *header = table->horizontalHeader();
    const int digit = table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int result = TaskRunner::HistoryModel::ResultColumn;
    QVERIFY2(header->sectionViewportPosition(result) + 12 * digit <= table->viewport()->width(),
             qPrintable(QStringLiteral("the result starts at %1 of %2 px")
                            .arg(header->sectionViewportPosition(result))
                            .arg(table->viewport()->width())));
    QVERIFY(!table->horizontalScrollBar()->isVisible());
    // Each state fits its column.
    const int state = TaskRunner::HistoryModel::StateColumn;
    for (const char *word : {"interrupted", "cancelled"})
        QVERIFY(table->fontMetrics().horizontalAdvance(TaskRunner::HistoryModel::stateText(
                    QLatin1String(word))) < header->sectionSize(state));
}

void tst_HistoryWindow::opensOverTheSessionAndEscapeClosesIt()
{
    AppController app(testOptions());
    SessionWindow *session = app.newWindow();
    QVERIFY(QTest::qWaitForWindowExposed(session));
    QPointer<HistoryWindow> window = app.showHistory();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    const QRect available = session->screen()->availableGeometry();
    QVERIFY2(available.contains(window->frameGeometry()),
             qPrintable(QStringLiteral("%1,%2 %3x%4 in %5x%6")
                            .arg(window->frameGeometry().x())
                            .arg(window->frameGeometry().y())
                            .arg(window->frameGeometry().width())
                            .arg(window->frameGeometry().height())
                            .arg(available.width())
                            .arg(available.height())));
    // Its middle is the session's, as far as the screen lets it be.
    const QPoint offset = window->frameGeometry().center() - session->geometry().center();
    QVERIFY2(offset.manhattanLength() <= 8 || window->frameGeometry().top() == available.top() ||
                 window->frameGeometry().bottom() == available.bottom(),
             qPrintable(QStringLiteral("%1,%2").arg(offset.x()).arg(offset.y())));
    window->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setFocus();
    QTest::keyClick(window->findChild<QLineEdit *>(QStringLiteral("searchEdit")), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!window || !window->isVisible(), 5000);
}

void tst_HistoryWindow::exportWritesFilesThatReadBack()
{
    AppController app(testOptions());
    fill(app);
    HistoryWindow *window = app.showHistory();
    QTRY_COMPARE_WITH_TIMEOUT(window->model()->rowCount(), 3, 5000);
    QTemporaryDir folder;
    QSignalSpy exported(window, &HistoryWindow::exported);

    const QString json = folder.filePath(QStringLiteral("history.json"));
    window->exportTo(json);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 10000);
    QVERIFY(exported.at(0).at(0).toBool());
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonArray array = QJsonDocument::fromJson(jsonFile.readAll()).array();
    QCOMPARE(array.size(), 3);
    QStringList seen;
    for (const QJsonValue &value : array)
        seen << value.toObject().value(QStringLiteral("command")).toString();
    QVERIFY2(seen.contains(QStringLiteral("echo apple")), qPrintable(seen.join(u'|')));

    const QString csv = folder.filePath(QStringLiteral("history.csv"));
    window->exportTo(csv);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 2, 10000);
    QVERIFY(exported.at(1).at(0).toBool());
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csvFile.readAll().split('\n');
    QVERIFY(lines.first().contains("command")); // the header row
    QVERIFY(lines.size() >= 4);

    // A folder that does not exist: a clear message, no crash.
    window->exportTo(folder.filePath(QStringLiteral("missing/history.csv")));
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 3, 10000);
    QVERIFY(!exported.at(2).at(0).toBool());
    QVERIFY(exported.at(2).at(1).toString().startsWith(QLatin1String("Could not export")));
}

void tst_HistoryWindow::clearHistoryAsksThenEmptiesIt()
{
    AppController app(testOptions());
    fill(app);
    HistoryWindow *window = app.showHistory();
    QTRY_COMPARE_WITH_TIMEOUT(window->model()->rowCount(), 3, 5000);
    int asked = 0;
    QTimer answer;
    connect(&answer, &QTimer::timeout, this, [&] {
        if (auto *dialog = qobject_cast<ConfirmDialog *>(QApplication::activeModalWidget())) {
            ++asked;
            dialog->accept();
        }
    });
    answer.start(10);
    window->findChild<QPushButton *>(QStringLiteral("clearButton"))->click();
    QCOMPARE(asked, 1);
    QTRY_COMPARE_WITH_TIMEOUT(window->model()->rowCount(), 0, 10000);
}

QTEST_MAIN(tst_HistoryWindow)
#include "tst_historywindow.moc"
