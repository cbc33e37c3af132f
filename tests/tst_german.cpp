#include "appcontroller.h"
#include "applicationinfo.h"
#include "confirmdialog.h"
#include "durationtext.h"
#include "globalrunnerview.h"
#include "historywindow.h"
#include "menumnemonics.h"
#include "sessionrunnerview.h"
#include "sessionwindow.h"
#include "tasktablemodel.h"
#include "testsupport.h"

#include <TaskRunner/historystore.h>

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

// The app as a German-speaking user starts it: LANGUAGE=de and a German locale (see main()).
// The texts come from taskrunner_de.qm, Qt's own from the system's qtbase_de.qm, and numbers
// in the locale's digits.
class tst_German : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void windowTextsAreGerman();
    void historyTextsAreGerman();
    void pluralFormsForOneAndSeveral();
    void numbersHaveADecimalComma();
    void qtsOwnTextsAreGerman();
    void mnemonicsStayUnique();
    void commandOutcomesAreGerman();
    void helpAndErrorsAreGerman();
};

namespace {

QLabel *label(QWidget *window, const char *name)
{
    auto *found = window->findChild<QLabel *>(QString::fromLatin1(name));
    Q_ASSERT(found);
    return found;
}

QAbstractButton *button(QWidget *window, const char *name)
{
    auto *found = window->findChild<QAbstractButton *>(QString::fromLatin1(name));
    Q_ASSERT(found);
    return found;
}

AppOptions testOptions(const QString &key)
{
    AppOptions options;
    options.globalKey = key;
    options.taskSeconds = 0.05; // the example task: 50 ms, so its duration is in milliseconds
    return options;
}

QStringList menuTitles(QMainWindow *window)
{
    QStringList titles;
    for (const QAction *menu : window->menuBar()->actions())
        titles << menu->text();
    return titles;
}

// Empty when every Alt+letter that the window's menus, buttons and captions show is unique;
// else the letters with their texts.
QString mnemonicClash(QMainWindow *window)
{
    QStringList texts = menuTitles(window);
    for (const QAbstractButton *control : window->findChildren<QAbstractButton *>()) {
        if (control->isVisibleTo(window))
            texts << control->text();
    }
    for (const QLabel *caption : window->findChildren<QLabel *>()) {
        if (caption->buddy() && caption->isVisibleTo(window))
            texts << caption->text();
    }
    QSet<QChar> seen;
    QStringList letters;
    bool clash = false;
    for (const QString &text : std::as_const(texts)) {
        const QString plain = QString(text).replace(QStringLiteral("&&"), QString());
        const qsizetype at = plain.indexOf(QLatin1Char('&'));
        if (at < 0 || at + 1 >= plain.size())
            continue;
        const QChar letter = plain.at(at + 1).toLower();
        clash = clash || seen.contains(letter);
        seen.insert(letter);
        letters << QString(letter) + QStringLiteral(" (") + text + QLatin1Char(')');
    }
    if (letters.size() < 9)
        return QStringLiteral("too few mnemonics: ") + letters.join(QStringLiteral(", "));
    return clash ? letters.join(QStringLiteral(", ")) : QString();
}

} // namespace

void tst_German::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    TestSupport::installMessageGuard();
    ApplicationInfo::installTranslations();
    QCOMPARE(QLocale().language(), QLocale::German);
    QCOMPARE(QLocale().uiLanguages().value(0), QStringLiteral("de"));
}

void tst_German::init()
{
    TestSupport::clearAppData();
}

void tst_German::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        widget->close();
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_German::windowTextsAreGerman()
{
    AppController app(testOptions(QStringLiteral("de-texts")));
    SessionWindow *window = app.newWindow();
    QCOMPARE(window->windowTitle(), QStringLiteral("Sitzung 1 — Task Runner"));
    QCOMPARE(menuTitles(window),
             (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Sitzung"),
                          QStringLiteral("Ü&berwachung"), QStringLiteral("&Hilfe")}));
    QCOMPARE(button(window, "addTaskButton")->text(), QStringLiteral("&Aufgabe hinzufügen"));
    QCOMPARE(button(window, "runNowButton")->text(), QStringLiteral("&Jetzt ausführen"));
    QCOMPARE(label(window, "statusLabel")->text(), QStringLiteral("Die Warteschlange ist leer"));
    QCOMPARE(label(window, "tasksPlaceholder")->text(), QStringLiteral("Noch keine Aufgaben"));
    QCOMPARE(label(window->sessionView(), "headingLabel")->text(),
             QStringLiteral("Sitzungs-TaskRunner %1").arg(window->runner().id()));
    QCOMPARE(label(window->globalView(), "headingLabel")->text(),
             QStringLiteral("Globaler TaskRunner %1").arg(app.globalRunner().id()));
    // No task yet: "None" in the view's words, not the core's English. (The watch may have a
    // result already: it started with the controller.)
    QCOMPARE(label(window->sessionView(), "lastResultLabel")->text(),
             QStringLiteral("Letztes Ergebnis: Keines"));
    QVERIFY(label(window->globalView(), "lastResultLabel")
                ->text()
                .startsWith(QStringLiteral("Letztes Ergebnis: ")));
    QCOMPARE(label(window, "lastExceptionLabel")->text(), QStringLiteral("Letzte Ausnahme: Keine"));
}

void tst_German::historyTextsAreGerman()
{
    // The table's headers and states come from the history library, the rest from the window.
    AppController app(testOptions(QStringLiteral("de-history")));
    SessionWindow *window = app.newWindow();
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(app.historyStore()->writtenCount(), qint64(1), 10000);
    HistoryWindow *history = app.showHistory();
    QVERIFY(history);
    QCOMPARE(history->windowTitle(), QStringLiteral("Verlauf — Task Runner"));
    auto *table = history->findChild<QTableView *>(QStringLiteral("historyTable"));
    QVERIFY(table);
    const QAbstractItemModel *model = table->model();
    QStringList headers;
    for (int column = 0; column < model->columnCount(); ++column)
        headers << model->headerData(column, Qt::Horizontal).toString();
    QVERIFY2(headers.contains(QStringLiteral("Zeit")) && headers.contains(QStringLiteral("Befehl")),
             qPrintable(headers.join(u'|')));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 5000);
    const int state = int(headers.indexOf(QStringLiteral("Zustand")));
    QVERIFY(state >= 0);
    QCOMPARE(model->index(0, state).data().toString(), QStringLiteral("erledigt"));
    table->setCurrentIndex(model->index(0, 0));
    const QString details = label(history, "detailsLabel")->text();
    QVERIFY2(details.startsWith(QStringLiteral("Beispiel · ")) &&
                 details.contains(QStringLiteral(" · erledigt")),
             qPrintable(details));
    QCOMPARE(button(history, "clearButton")->text(), QStringLiteral("Verlauf &leeren…"));
}

void tst_German::pluralFormsForOneAndSeveral()
{
    AppController app(testOptions(QStringLiteral("de-plurals")));
    TestSupport::Gate gate;
    app.setSessionWorker([&gate](const QVariant &) {
        gate.wait();
        return QVariant(42);
    });
    SessionWindow *window = app.newWindow();
    // The watch's results since this window opened: none yet (no event was handled since),
    // then one, then two.
    QLabel *results = label(window, "resultsLabel");
    QCOMPARE(results->text(), QStringLiteral("0 Ergebnisse in dieser Sitzung erzeugt"));
    QTRY_COMPARE_WITH_TIMEOUT(results->text(),
                              QStringLiteral("1 Ergebnis in dieser Sitzung erzeugt"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(results->text(),
                              QStringLiteral("2 Ergebnisse in dieser Sitzung erzeugt"), 10000);
    QLabel *status = label(window, "statusLabel");
    QLabel *queue = label(window, "queueLabel");
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Verarbeitung: 1 Element verbleibt."),
                              5000);
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(queue->text(), QStringLiteral("Warteschlange: 2 Aufgaben warten"),
                              5000);
    QCOMPARE(status->text(), QStringLiteral("Verarbeitung: 3 Elemente verbleiben."));
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(queue->text(), QStringLiteral("Warteschlange: 1 Aufgabe wartet"),
                              5000);
    gate.release(2);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Die Warteschlange ist leer"), 5000);
    QCOMPARE(queue->text(), QStringLiteral("Warteschlange: 0 Aufgaben warten"));
    QCOMPARE(label(window->sessionView(), "lastResultLabel")->text(),
             QStringLiteral("Letztes Ergebnis: 42"));
}

void tst_German::numbersHaveADecimalComma()
{
    AppController app(testOptions(QStringLiteral("de-numbers")));
    SessionWindow *window = app.newWindow();
    QDoubleSpinBox *interval = window->globalView()->intervalSpinBox();
    QCOMPARE(interval->value(), 0.33);
    QCOMPARE(interval->text(), QStringLiteral("0,330 s"));
    QCOMPARE(durationText(1500ms), QStringLiteral("1,500 s"));

    // The example task takes 50 ms: its row's duration reads "50,1 ms" or so.
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->runner().state().done, 1u, 5000);
    QTableView *tasks = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(tasks = window->findChild<QTableView *>(QStringLiteral("taskTable")),
                             5000);
    const QAbstractItemModel *model = tasks->model();
    QCOMPARE(model->headerData(TaskTableModel::DurationColumn, Qt::Horizontal).toString(),
             QStringLiteral("Dauer"));
    QTRY_COMPARE_WITH_TIMEOUT(model->index(0, TaskTableModel::StateColumn).data().toString(),
                              QStringLiteral("erledigt"), 5000);
    const QString duration = model->index(0, TaskTableModel::DurationColumn).data().toString();
    static const QRegularExpression milliseconds(QStringLiteral("^\\d+,\\d ms$"));
    QVERIFY2(milliseconds.match(duration).hasMatch(), qPrintable(duration));
    // The start with its seconds, which German's short time format leaves out.
    const QString started = model->index(0, TaskTableModel::StartedColumn).data().toString();
    static const QRegularExpression clock(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d$"));
    QVERIFY2(clock.match(started).hasMatch(), qPrintable(started));
    QCOMPARE(clockText(QTime(3, 53, 7)), QStringLiteral("03:53:07"));
    QCOMPARE(dateTimeText(QDateTime(QDate(2026, 12, 2), QTime(3, 53, 7))),
             QStringLiteral("02.12.2026 03:53:07"));
    // The state column fits the longest state.
    const QHeaderView *header = tasks->horizontalHeader();
    QVERIFY(header->sectionSize(TaskTableModel::StateColumn) >
            tasks->fontMetrics().horizontalAdvance(QStringLiteral("fehlgeschlagen")));
}

void tst_German::qtsOwnTextsAreGerman()
{
    // The app's confirmation has Qt's standard Cancel button, and the command field Qt's
    // context menu: both from qtbase_de.qm.
    ConfirmDialog dialog;
    dialog.setAcceptText(QStringLiteral("&Beenden"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QAbstractButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    QVERIFY(cancel);
    QCOMPARE(cancel->text().remove(QLatin1Char('&')), QStringLiteral("Abbrechen"));

    AppController app(testOptions(QStringLiteral("de-qt")));
    SessionWindow *window = app.newWindow();
    auto *command = window->findChild<QLineEdit *>(QStringLiteral("commandEdit"));
    QVERIFY(command);
    const std::unique_ptr<QMenu> menu(command->createStandardContextMenu());
    QStringList items;
    for (const QAction *action : menu->actions())
        items << action->text();
    QVERIFY2(items.value(0).startsWith(QStringLiteral("&Rückgängig")),
             qPrintable(items.join(u'|')));
    QVERIFY2(items.filter(QStringLiteral("Alles auswählen")).size() == 1,
             qPrintable(items.join(u'|')));
}

void tst_German::mnemonicsStayUnique()
{
    AppController app(testOptions(QStringLiteral("de-keys")));
    SessionWindow *window = app.newWindow();
    QTest::mouseClick(button(window, "addTaskButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->runner().state().done, 1u, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QTableView *>(), 5000); // its caption has a key
    QString clash = mnemonicClash(window);
    QVERIFY2(clash.isEmpty(), qPrintable(clash));
    const QString menus = TestSupport::menuMnemonicProblems(window->menuBar());
    QVERIFY2(menus.isEmpty(), qPrintable(menus));
    QTest::mouseClick(button(window, "pauseButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(button(window, "pauseButton")->text(), QStringLiteral("Fo&rtsetzen"),
                              5000);
    clash = mnemonicClash(window);
    QVERIFY2(clash.isEmpty(), qPrintable(clash));
}

void tst_German::commandOutcomesAreGerman()
{
    // The outcome texts come from the workers library, translated by the app's translators.
    AppController app(testOptions(QStringLiteral("de-outcomes")));
    SessionWindow *window = app.newWindow();
    auto *field = window->findChild<QLineEdit *>(QStringLiteral("commandEdit"));
    QVERIFY(field);
    field->setText(QStringLiteral("sh -c 'echo kaputt >&2; exit 3'"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(label(window->sessionView(), "lastResultLabel")->text(),
                              QStringLiteral("Letztes Ergebnis: Fehler: Exit-Status 3: kaputt"),
                              10000);
    field->setText(QStringLiteral("true"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(label(window->sessionView(), "lastResultLabel")->text(),
                              QStringLiteral("Letztes Ergebnis: Exit 0"), 10000);
    field->setText(QStringLiteral("/nonexistent/taskrunner-no-such-program"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        label(window->sessionView(), "lastResultLabel")
            ->text()
            .startsWith(QStringLiteral("Letztes Ergebnis: Fehler: "
                                       "'/nonexistent/taskrunner-no-such-program' kann nicht "
                                       "ausgeführt werden: ")),
        10000);
    // A running command cancelled, and a waiting one: their outcomes in the table.
    field->setText(QStringLiteral("sh -c 'echo los; exec sleep 30'"));
    QTest::keyClick(field, Qt::Key_Return);
    field->setText(QStringLiteral("echo später"));
    QTest::keyClick(field, Qt::Key_Return);
    auto *model = window->findChild<TaskTableModel *>();
    QVERIFY(model);
    QTRY_COMPARE_WITH_TIMEOUT(model->runningRow(), 3, 10000);
    // Cancelled once it runs (it wrote), not before it started.
    QTRY_VERIFY_WITH_TIMEOUT(model->rowAt(3)->output && model->rowAt(3)->output->totalSize() > 0,
                             10000);
    const TaskRunner::TaskId running = model->rowAt(3)->id;
    const TaskRunner::TaskId waiting = model->rowAt(4)->id;
    window->runner().cancel(waiting);
    window->runner().cancel(running);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowAt(model->rowOf(waiting))->outcome,
                              QStringLiteral("abgebrochen"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowAt(model->rowOf(running))->outcome,
                              QStringLiteral("beendet durch SIGTERM"), 10000);
}

void tst_German::helpAndErrorsAreGerman()
{
    // --help and a mistake on the command line are printed before any window exists.
    const auto run = [](const QStringList &arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TASKRUNNER_EXECUTABLE), arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000))
            process.kill();
        return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput() +
                                                               process.readAllStandardError())};
    };
    const auto [helpCode, help] = run({QStringLiteral("--help-all")});
    QCOMPARE(helpCode, 0);
    QVERIFY2(help.contains(QStringLiteral("--no-restore                Ohne die Sitzungen des "
                                          "letzten Laufs starten")),
             qPrintable(help));
    QVERIFY2(help.contains(QStringLiteral("Qt-Optionen (von Qt ausgewertet")), qPrintable(help));
    QVERIFY2(help.contains(QStringLiteral("Zeigt Hilfe")), qPrintable(help)); // Qt's own text
    const auto [errorCode, error] = run({QStringLiteral("--sessions"), QStringLiteral("0")});
    QCOMPARE(errorCode, 2);
    QCOMPARE(error, QStringLiteral("taskrunner: --sessions: '0' ist nicht erlaubt; geben Sie eine "
                                   "ganze Zahl von 1 bis 64 an.\n"));
}

int main(int argc, char *argv[])
{
    // Before QApplication: Qt reads the system locale and the user's languages once. No
    // de_DE locale need be installed: Qt reads the variables itself.
    qputenv("LANGUAGE", "de");
    qputenv("LC_ALL", "de_DE.UTF-8");
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    tst_German test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_german.moc"
