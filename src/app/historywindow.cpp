#include "historywindow.h"
#include "ui_historywindow.h"

#include "confirmdialog.h"
#include "durationtext.h"
#include "frameoverlay.h"
#include "labels.h"

#include <TaskRunner/historymodel.h>
#include <TaskRunner/historystore.h>

#include <QFileDialog>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QKeySequence>
#include <QLocale>
#include <QShortcut>
#include <QStringDecoder>

namespace {
struct StateChoice
{
    const char *label;
    const char *state; // nullptr: every state
};
constexpr StateChoice stateChoices[] = {
    {QT_TRANSLATE_NOOP("HistoryWindow", "All"), nullptr},
    {QT_TRANSLATE_NOOP("HistoryWindow", "done"), "done"},
    {QT_TRANSLATE_NOOP("HistoryWindow", "failed"), "failed"},
    {QT_TRANSLATE_NOOP("HistoryWindow", "cancelled"), "cancelled"},
    {QT_TRANSLATE_NOOP("HistoryWindow", "interrupted"), "interrupted"},
};
} // namespace

HistoryWindow::HistoryWindow(TaskRunner::HistoryStore *store,
                             std::function<bool(const TaskRunner::HistoryEntry &)> runAgain,
                             QWidget *parent)
    : QWidget(parent, Qt::Window)
    , ui(std::make_unique<Ui::HistoryWindow>())
    , m_store(store)
    , m_model(new TaskRunner::HistoryModel(store, this))
    , m_runAgain(std::move(runAgain))
{
    ui->setupUi(this);
    ui->searchLabel->setBuddy(ui->searchEdit);
    ui->stateLabel->setBuddy(ui->stateCombo);
    for (const StateChoice &choice : stateChoices)
        ui->stateCombo->addItem(tr(choice.label),
                                choice.state ? QString::fromLatin1(choice.state) : QString());
    ui->historyTable->setModel(m_model);
    FrameOverlay::install(ui->historyTable);
    FrameOverlay::install(ui->outputEdit);
    ui->historyTable->verticalHeader()->hide();
    ui->historyTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    ui->historyTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    // Each column as wide as what it holds, so that the result is in sight without scrolling;
    // titles from the left, as in the task table.
    QHeaderView *header = ui->historyTable->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const QFontMetrics metrics = ui->historyTable->fontMetrics();
    const int digit = metrics.horizontalAdvance(QLatin1Char('0'));
    const auto fit = [header](TaskRunner::HistoryModel::Column column, int width) {
        header->resizeSection(column, std::max(width, header->sectionSizeHint(column)));
    };
    using Model = TaskRunner::HistoryModel;
    const QDateTime widestTime(QDate(2026, 12, 28), QTime(23, 59, 59));
    fit(Model::TimeColumn, metrics.horizontalAdvance(Model::timeText(widestTime)) + 2 * digit);
    fit(Model::SessionColumn, 10 * digit); // "Session 12", or the first 8 digits of an id
    fit(Model::NumberColumn, 6 * digit);
    fit(Model::CommandColumn, 24 * digit); // until shown: see showEvent()
    int stateWidth = 0;
    for (const StateChoice &choice : stateChoices) {
        if (choice.state)
            stateWidth = std::max(stateWidth, metrics.horizontalAdvance(Model::stateText(
                                                  QString::fromLatin1(choice.state))));
    }
    fit(Model::StateColumn, stateWidth + 2 * digit);
    fit(Model::ExitColumn, 5 * digit);
    fit(Model::DurationColumn, 11 * digit); // "1,234.567 s"
    ui->outputEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    ui->splitter->setStretchFactor(0, 3);
    ui->splitter->setStretchFactor(1, 1);
    resize(fontMetrics().averageCharWidth() * 140, fontMetrics().lineSpacing() * 36);

    connect(ui->searchEdit, &QLineEdit::textChanged, m_model,
            &TaskRunner::HistoryModel::setSearchText);
    connect(ui->stateCombo, &QComboBox::currentIndexChanged, this, [this] {
        const QString state = ui->stateCombo->currentData().toString();
        m_model->setStates(state.isEmpty() ? QStringList() : QStringList{state});
    });
    connect(ui->historyTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryWindow::showSelected);
    connect(m_model, &TaskRunner::HistoryModel::pageLoaded, this, &HistoryWindow::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        showSelected();
    });
    connect(ui->runAgainButton, &QPushButton::clicked, this, &HistoryWindow::runSelectedAgain);
    connect(ui->exportButton, &QPushButton::clicked, this, &HistoryWindow::chooseExportFile);
    connect(ui->clearButton, &QPushButton::clicked, this, &HistoryWindow::clearHistory);
    connect(ui->closeButton, &QPushButton::clicked, this, &QWidget::close);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        ui->searchEdit->setFocus();
        ui->searchEdit->selectAll();
    });
    // Ctrl+W as a window, and Escape as the dialog it looks like.
    for (const QKeySequence::StandardKey key : {QKeySequence::Close, QKeySequence::Cancel}) {
        auto *close = new QShortcut(key, this);
        connect(close, &QShortcut::activated, this, &QWidget::close);
    }
    updateCount();
    showSelected();
}

HistoryWindow::~HistoryWindow() = default;

void HistoryWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_commandColumnFitted, true))
        return;
    // At the size it opens with (bounded by a small screen), the command and the result share
    // the room the other columns leave: both are in sight, neither is cut to nothing.
    QHeaderView *header = ui->historyTable->horizontalHeader();
    const int digit = ui->historyTable->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    int others = 0;
    for (int column = 0; column < TaskRunner::HistoryModel::ResultColumn; ++column) {
        if (column != TaskRunner::HistoryModel::CommandColumn)
            others += header->sectionSize(column);
    }
    const int room = ui->historyTable->viewport()->width() - others;
    header->resizeSection(TaskRunner::HistoryModel::CommandColumn,
                          std::clamp(room / 2, 12 * digit, 40 * digit));
}

void HistoryWindow::updateCount()
{
    const int rows = m_model->rowCount();
    ui->countLabel->setText(m_model->hasMore()
                                ? tr("%n task(s) listed, more as you scroll", "", rows)
                                : tr("%n task(s)", "", rows));
    const QString status = m_store->statusMessage();
    if (!status.isEmpty())
        ui->countLabel->setToolTip(status);
}

void HistoryWindow::showSelected()
{
    const QModelIndex current = ui->historyTable->selectionModel()->currentIndex();
    ui->runAgainButton->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_shownId = 0;
        setWrappedText(ui->detailsLabel, tr("Select a task to see its output."));
        ui->outputEdit->clear();
        return;
    }
    const TaskRunner::HistoryEntry entry = m_model->entry(current.row());
    m_shownId = entry.id;
    const QLocale locale;
    QStringList details{!entry.commandLine.isEmpty()             ? entry.commandLine
                        : entry.kind == QLatin1String("example") ? tr("Example")
                                                                 : entry.kind};
    if (!entry.folder.isEmpty())
        details << tr("in %1").arg(entry.folder);
    if (entry.startedMs)
        details
            << tr("started %1").arg(dateTimeText(QDateTime::fromMSecsSinceEpoch(entry.startedMs)));
    if (entry.startedMs && entry.finishedMs)
        details << tr("took %1").arg(durationText(std::chrono::milliseconds(entry.durationMs())));
    details << current.siblingAtColumn(TaskRunner::HistoryModel::StateColumn).data().toString();
    if (entry.exitCode)
        details << tr("exit status %1").arg(*entry.exitCode);
    setWrappedText(ui->detailsLabel, details.join(QStringLiteral(" · ")));
    ui->outputEdit->setPlainText(tr("Loading…"));
    auto *watcher = new QFutureWatcher<TaskRunner::HistoryEntry>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0)
            return; // the store was gone before it answered
        const TaskRunner::HistoryEntry full = watcher->result();
        if (full.id != m_shownId)
            return; // another row was selected meanwhile
        QStringDecoder utf8(QStringDecoder::Utf8);
        QString text = utf8(full.outputTail);
        text.replace(QChar(0), QChar::ReplacementCharacter);
        if (full.outputSize > full.outputTail.size())
            text.prepend(
                tr("[… the first %1 are not kept …]\n")
                    .arg(QLocale().formattedDataSize(full.outputSize - full.outputTail.size())));
        ui->outputEdit->setPlainText(text);
    });
    watcher->setFuture(m_model->fullEntry(current.row()));
}

void HistoryWindow::runSelectedAgain()
{
    const QModelIndex current = ui->historyTable->selectionModel()->currentIndex();
    if (!current.isValid() || !m_runAgain)
        return;
    const TaskRunner::HistoryEntry entry = m_model->entry(current.row());
    if (m_runAgain(entry))
        ui->countLabel->setText(tr("Queued again: %1").arg(entry.commandLine));
}

void HistoryWindow::chooseExportFile()
{
    QString selected;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export History"), QStringLiteral("task-history.csv"),
                                     tr("CSV files (*.csv);;JSON files (*.json)"), &selected);
    if (path.isEmpty())
        return;
    exportTo(path);
}

void HistoryWindow::exportTo(const QString &path)
{
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    auto *watcher = new QFutureWatcher<TaskRunner::HistoryExportResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const TaskRunner::HistoryExportResult result = watcher->result();
        const QString message =
            result.ok ? tr("Exported %n task(s) to %1", "", int(result.rows)).arg(path)
                      : tr("Could not export to %1: %2").arg(path, result.error);
        ui->countLabel->setText(message);
        emit exported(result.ok, message);
    });
    watcher->setFuture(json ? m_store->exportJson(path, m_model->filter())
                            : m_store->exportCsv(path, m_model->filter()));
}

void HistoryWindow::clearHistory()
{
    ConfirmDialog dialog(this);
    dialog.setWindowTitle(tr("Clear History"));
    dialog.setText(tr("Delete every task from the history?"),
                   tr("Tasks that wait or run in the sessions stay; only what ended is deleted."));
    dialog.setAcceptText(tr("&Delete All"));
    if (dialog.exec() == QDialog::Accepted)
        m_model->clear();
}
