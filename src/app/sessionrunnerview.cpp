#include "sessionrunnerview.h"
#include "ui_sessionrunnerview.h"

#include "confirmdialog.h"
#include "durationtext.h"
#include "frameoverlay.h"
#include "labels.h"
#include "taskoutputview.h"
#include "tasktablemodel.h"

#include <TaskRunner/commandspec.h>
#include <TaskRunner/historyentry.h>

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLayout>
#include <QMenu>
#include <QResizeEvent>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTableView>
#include <QTime>
#include <QToolButton>

#include <algorithm>

using TaskRunner::TaskState;

namespace {
QString idleText()
{
    return SessionRunnerView::tr("Idle");
}
QString workingText()
{
    return SessionRunnerView::tr("● Working");
}
// Paused with no task running: a task added now waits.
QString pausedText()
{
    return SessionRunnerView::tr("Paused", "the session's queue");
}
// Paused while a task runs: it finishes, and no other starts.
QString pausingText()
{
    return SessionRunnerView::tr("● Pausing", "the session's queue, once its running task ends");
}
const QString exampleTaskValue = QStringLiteral("task");

// The least the task table's last column (the result, stretched) is given: its title.
int resultFloor(const QHeaderView *header)
{
    return std::max(header->minimumSectionSize(),
                    header->sectionSizeHint(TaskTableModel::OutcomeColumn));
}

} // namespace

SessionRunnerView::SessionRunnerView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::SessionRunnerView>())
{
    ui->setupUi(this);
    makeHeading(ui->headingLabel);
    setFocusProxy(ui->addTaskButton);
    // "Idle", "Paused", "● Pausing" and "● Working" take the same room, so the row does not move
    // when a task starts.
    int busyWidth = 0;
    for (const QString &text : {workingText(), pausingText(), pausedText(), idleText()}) {
        ui->busyLabel->setText(text);
        busyWidth = std::max(busyWidth, ui->busyLabel->sizeHint().width());
    }
    ui->busyLabel->setMinimumWidth(busyWidth);
    ui->busyLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    ui->tasksCaption->setBuddy(ui->tasksPlaceholder);
    ui->progressBar->setVisible(false);
    ui->elapsedLabel->setVisible(false);

    // The actions: each button shows one, the window's Session menu lists them all, the table's
    // context menu those on a task. Their keys work anywhere in the window.
    // The buttons show the actions' short icon texts; menus show their full texts.
    const struct
    {
        QAction *action;
        QKeySequence key;
        QToolButton *button;
    } actions[] = {
        {ui->cancelTaskAction, QKeySequence(Qt::Key_Delete), ui->cancelTaskButton},
        {ui->runAgainAction, QKeySequence(Qt::CTRL | Qt::Key_R), ui->runAgainButton},
        {ui->moveUpAction, QKeySequence(Qt::CTRL | Qt::Key_Up), ui->moveUpButton},
        {ui->moveDownAction, QKeySequence(Qt::CTRL | Qt::Key_Down), ui->moveDownButton},
        {ui->moveToFrontAction, QKeySequence(Qt::CTRL | Qt::Key_Home), nullptr},
        {ui->copyCommandAction, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), nullptr},
        {ui->copyOutputAction, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), nullptr},
        {ui->pauseQueueAction, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
         ui->pauseQueueButton},
        {ui->clearQueueAction, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete),
         ui->clearQueueButton},
    };
    for (const auto &entry : actions) {
        entry.action->setShortcut(entry.key);
        entry.action->setShortcutContext(Qt::WindowShortcut);
        addAction(entry.action);
        if (entry.button) {
            const QString name = entry.button->accessibleName();
            entry.button->setDefaultAction(entry.action);
            entry.button->setAccessibleName(name);
        }
    }
    connect(ui->cancelTaskAction, &QAction::triggered, this, &SessionRunnerView::cancelSelected);
    connect(ui->runAgainAction, &QAction::triggered, this, &SessionRunnerView::runSelectedAgain);
    connect(ui->moveUpAction, &QAction::triggered, this, [this] { moveSelected(-1); });
    connect(ui->moveDownAction, &QAction::triggered, this, [this] { moveSelected(+1); });
    connect(ui->moveToFrontAction, &QAction::triggered, this, [this] { moveSelected(0); });
    connect(ui->copyCommandAction, &QAction::triggered, this,
            &SessionRunnerView::copySelectedCommand);
    connect(ui->copyOutputAction, &QAction::triggered, this,
            &SessionRunnerView::copySelectedOutput);
    connect(ui->pauseQueueAction, &QAction::triggered, this, &SessionRunnerView::togglePause);
    connect(ui->clearQueueAction, &QAction::triggered, this, [this] { clearQueue(); });

    connect(ui->addTaskButton, &QPushButton::clicked, this, &SessionRunnerView::addTask);
    connect(ui->commandEdit, &QLineEdit::returnPressed, this, &SessionRunnerView::addTask);
    connect(ui->commandEdit, &CommandLineEdit::multiLinePasted, this,
            [this](const QStringList &lines) { addCommands(lines); });
    fitUpdateRate();
    // In a window in the background, on a later turn of the event loop (see RefreshQueue).
    connect(&m_watcher, &TaskRunner::RunnerWatcher::stateChanged, this,
            [this] { m_stateRefresh.request(); });
    m_clock.setInterval(std::chrono::milliseconds(500));
    connect(&m_clock, &QTimer::timeout, this, [this] { m_clockRefresh.request(); });
    updateActions();
}

SessionRunnerView::~SessionRunnerView() = default;

QVariant SessionRunnerView::exampleTask()
{
    return exampleTaskValue;
}

bool SessionRunnerView::isExampleTask(const QVariant &task)
{
    return task.typeId() == QMetaType::QString && task.toString() == exampleTaskValue;
}

QString SessionRunnerView::describeTask(const QVariant &task)
{
    if (task.canConvert<TaskRunner::CommandSpec>() &&
        task.metaType() == QMetaType::fromType<TaskRunner::CommandSpec>())
        return task.value<TaskRunner::CommandSpec>().displayText();
    if (isExampleTask(task))
        return tr("Example");
    return TaskRunner::displayText(task);
}

void SessionRunnerView::ensureTable()
{
    if (m_table)
        return;
    // An item view is the most expensive widget of the window to build, and an empty one says
    // no more than the placeholder: it replaces the placeholder when the first task is queued.
    m_model = new TaskTableModel(this);
    m_model->setTaskDescriber(&SessionRunnerView::describeTask);
    auto *view = new QTableView(this);
    view->setObjectName(QStringLiteral("taskTable"));
    view->setAccessibleName(tr("Tasks"));
    view->setAccessibleDescription(tr("This session's tasks: those that ended, the running one "
                                      "and those waiting, in the order they run"));
    view->setModel(m_model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    FrameOverlay::install(view);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    QHeaderView *header = view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    // From the left: the stretched last section is often wider than what is in sight of it,
    // and its title, centred, would be cut at both ends ("xit status / resul").
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int digit = view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    // As wide as the widest state in the language shown ("fehlgeschlagen").
    int stateWidth = header->sectionSizeHint(TaskTableModel::StateColumn);
    for (const TaskState state : {TaskState::Waiting, TaskState::Running, TaskState::Done,
                                  TaskState::Failed, TaskState::Cancelled}) {
        for (const bool interrupted : {false, true}) {
            TaskTableModel::Row row;
            row.state = state;
            row.interrupted = interrupted;
            const QString text = TaskTableModel::stateText(row);
            stateWidth =
                std::max(stateWidth, view->fontMetrics().horizontalAdvance(text) + 2 * digit);
        }
    }
    header->resizeSection(TaskTableModel::StateColumn, stateWidth);
    const QString sampleTime = clockText(QTime(23, 59, 59));
    header->resizeSection(TaskTableModel::StartedColumn,
                          view->fontMetrics().horizontalAdvance(sampleTime) + 2 * digit);
    header->resizeSection(TaskTableModel::DurationColumn, 9 * digit);
    // The output, made when a task is first selected, would take all but a couple of rows
    // from a table that is already laid out: four rows stay in sight (with a horizontal
    // scroll bar), whatever the split.
    view->setMinimumHeight(
        header->sizeHint().height() + 4 * view->verticalHeader()->defaultSectionSize() +
        view->horizontalScrollBar()->sizeHint().height() + 2 * view->frameWidth());
    ui->tasksSplitter->replaceWidget(0, view);
    delete ui->tasksPlaceholder;
    ui->tasksPlaceholder = nullptr;
    ui->tasksCaption->setBuddy(view);
    setTabOrder(ui->addTaskButton, view);
    m_table = view;

    connect(view, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu menu(this);
        menu.addActions({ui->cancelTaskAction, ui->runAgainAction});
        menu.addSeparator();
        menu.addActions({ui->moveUpAction, ui->moveDownAction, ui->moveToFrontAction});
        menu.addSeparator();
        menu.addActions({ui->copyCommandAction, ui->copyOutputAction});
        menu.exec(m_table->viewport()->mapToGlobal(position));
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showSelectedOutput();
        updateActions();
    });
    // A screen reader selects a row through the table's accessible interface, which selects
    // it without making it current: the selected row is then the one acted on.
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        QItemSelectionModel *selection = m_table->selectionModel();
        const QModelIndexList rows = selection->selectedRows();
        if (!rows.isEmpty() && !selection->isRowSelected(selection->currentIndex().row()))
            selection->setCurrentIndex(rows.first(), QItemSelectionModel::NoUpdate);
        // Selecting or deselecting the current row changes what the actions work on.
        showSelectedOutput();
        updateActions();
    });
    connect(m_model, &TaskTableModel::rowFinished, this, &SessionRunnerView::onRowFinished);
    // Rows that go from the top (the oldest finished) keep the rows in sight where they are.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first) {
                QScrollBar *bar = m_table->verticalScrollBar();
                m_scrollBeforeRemoval = first < m_table->rowAt(0) ? bar->value() : -1;
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                if (m_scrollBeforeRemoval < 0)
                    return;
                QScrollBar *bar = m_table->verticalScrollBar();
                const int rows = last - first + 1;
                const int step = m_table->verticalScrollMode() == QAbstractItemView::ScrollPerItem
                                     ? rows
                                     : rows * m_table->verticalHeader()->defaultSectionSize();
                bar->setValue(std::max(0, m_scrollBeforeRemoval - step));
                m_scrollBeforeRemoval = -1;
            });
    // The number column is as wide as the newest task's number (the widest), measured again
    // only when that number gets longer: ResizeToContents measured the column at every change
    // of any row, which many busy windows paid for several times a second.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SessionRunnerView::fitNumberColumn);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SessionRunnerView::revealQueuedTask);
    connect(view->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (const int row = m_revealAgain ? m_model->rowOf(std::exchange(m_revealAgain, 0)) : -1;
            row >= 0)
            m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::EnsureVisible);
    });
    m_model->setRunner(m_runner);
    fitNumberColumn();
    // The command gets what the table's width leaves the result a dozen digits of, between
    // eight and sixteen: in a narrow window every title stays in sight, the last one too.
    int others = 0;
    for (const int column : {TaskTableModel::NumberColumn, TaskTableModel::StateColumn,
                             TaskTableModel::StartedColumn, TaskTableModel::DurationColumn})
        others += header->sectionSize(column);
    // Before the window is shown (a restored session), its width is not known yet.
    const int room = ui->tasksSplitter->isVisible()
                         ? ui->tasksSplitter->width() - 2 * view->frameWidth()
                         : others + 28 * digit;
    header->resizeSection(TaskTableModel::TaskColumn,
                          std::clamp(room - others - 12 * digit, 8 * digit, 16 * digit));
    // Narrower later (a vertical scroll bar appears, the window is made narrower): see
    // fitTaskColumn(). The stretched result shrinks down to its title, no further (by default
    // it would stop at the header's default section size, a hundred pixels).
    header->resizeSection(TaskTableModel::OutcomeColumn, resultFloor(header));
    view->viewport()->installEventFilter(this);
    view->show();
}

// The columns stay within the table's width when it gets narrower: the room a vertical scroll
// bar or a narrower window takes comes from the command (down to six digits), not from sight
// behind a horizontal scroll bar, which would also hide part of the number. Wider again, the
// columns stay as they are (the result, stretched, takes the room); a column the user made
// wider is only narrowed when the table next gets narrower.
void SessionRunnerView::fitTaskColumn()
{
    QHeaderView *header = m_table->horizontalHeader();
    int widths = resultFloor(header);
    for (int column = 0; column < TaskTableModel::OutcomeColumn; ++column)
        widths += header->sectionSize(column);
    const int overflow = widths - m_table->viewport()->width();
    if (overflow <= 0)
        return;
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int task = header->sectionSize(TaskTableModel::TaskColumn);
    const int fitted = std::max(6 * digit, task - overflow);
    if (fitted < task)
        header->resizeSection(TaskTableModel::TaskColumn, fitted);
}

bool SessionRunnerView::eventFilter(QObject *watched, QEvent *event)
{
    if (m_table && watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitTaskColumn();
    return QWidget::eventFilter(watched, event);
}

void SessionRunnerView::fitNumberColumn()
{
    QString widest = QLocale().toString(m_model->state().appended);
    if (widest.size() <= m_numberLength)
        return;
    m_numberLength = int(widest.size());
    // Measured with the font's widest digit, so that a later number of the same length (88
    // after 10) fits too where digits differ in width.
    const QFontMetrics metrics = m_table->fontMetrics();
    QChar widestDigit = QLatin1Char('0');
    for (char digit = '1'; digit <= '9'; ++digit) {
        if (metrics.horizontalAdvance(QLatin1Char(digit)) > metrics.horizontalAdvance(widestDigit))
            widestDigit = QLatin1Char(digit);
    }
    for (QChar &character : widest) {
        if (character.isDigit())
            character = widestDigit;
    }
    const int margin =
        m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1;
    QHeaderView *header = m_table->horizontalHeader();
    header->resizeSection(TaskTableModel::NumberColumn,
                          std::max(header->sectionSizeHint(TaskTableModel::NumberColumn),
                                   metrics.horizontalAdvance(widest) + 2 * margin + 2));
}

void SessionRunnerView::ensureOutputView()
{
    if (m_outputView)
        return;
    m_outputView = new TaskOutputView(this);
    ui->tasksSplitter->addWidget(m_outputView);
    ui->tasksSplitter->setStretchFactor(0, 3);
    ui->tasksSplitter->setStretchFactor(1, 2);
    // Three fifths for the table, two for the output (the table keeps its four rows): a
    // splitter shares what it gains or loses in proportion to what its parts have, so both
    // grow with the window. Left alone, it gives the output view all its size hint asks and the
    // table nothing more, ever.
    const int height = std::max(ui->tasksSplitter->height(), 5);
    ui->tasksSplitter->setSizes({height * 3 / 5, height - height * 3 / 5});
    setTabOrder(m_table, m_outputView);
    m_outputView->show();
}

void SessionRunnerView::setRunner(const TaskRunner::SessionRunner &runner)
{
    m_runner = runner;
    m_watcher.setRunner(runner);
    if (m_model)
        m_model->setRunner(runner);
    setEnabled(!runner.isNull());
    if (runner.isNull()) {
        ui->headingLabel->setText(tr("No session runner"));
        return;
    }
    ui->headingLabel->setText(tr("Session TaskRunner %1").arg(runner.id()));
    showState();
}

void SessionRunnerView::setCommandHistory(const QStringList &history)
{
    ui->commandEdit->setHistory(history);
}

void SessionRunnerView::setCommandUsedHandler(std::function<void(const QString &)> handler)
{
    m_commandUsed = std::move(handler);
}

bool SessionRunnerView::addTask()
{
    const QString line = ui->commandEdit->text();
    if (line.trimmed().isEmpty()) {
        addExampleTask();
        return true;
    }
    QString error;
    if (!addCommand(line, ui->shellCheckBox->isChecked(), &error)) {
        emit message(tr("Not queued: %1").arg(error));
        return false;
    }
    ui->commandEdit->clear();
    return true;
}

void SessionRunnerView::addExampleTask()
{
    queued(m_runner.append(exampleTask()));
}

void SessionRunnerView::queued(TaskRunner::TaskId id)
{
    if (!id)
        return;
    m_revealTask = id;
    revealQueuedTask();
}

// The row of what was just queued comes with the next notification: once there, it is
// scrolled into sight (the user queued it and looks for it); rows that come and go by
// themselves never move the view.
void SessionRunnerView::revealQueuedTask()
{
    if (!m_revealTask || !m_model || !m_table)
        return;
    const int row = m_model->rowOf(m_revealTask);
    if (row < 0)
        return;
    // Laid out now (the table would do it on a timer of its own): else its scroll bar does
    // not reach the new rows yet. Once more if its range changes right after (the table's
    // height changes as its horizontal scroll bar comes or goes).
    m_table->doItemsLayout();
    m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::EnsureVisible);
    m_revealAgain = std::exchange(m_revealTask, 0);
    QTimer::singleShot(0, m_table, [this] { m_revealAgain = 0; });
}

bool SessionRunnerView::addCommand(const QString &line, bool useShell, QString *error)
{
    const TaskRunner::CommandSpec spec = TaskRunner::CommandSpec::fromLine(line, useShell, error);
    if (!spec.isValid())
        return false;
    const TaskRunner::TaskId id = m_runner.append(QVariant::fromValue(spec));
    if (!id) {
        if (error)
            *error = tr("this session has stopped");
        return false;
    }
    queued(id);
    ui->commandEdit->addToHistory(line);
    if (m_commandUsed)
        m_commandUsed(line);
    return true;
}

int SessionRunnerView::addCommands(const QStringList &lines, bool ask)
{
    if (lines.isEmpty())
        return 0;
    if (ask && lines.size() > 1) {
        ConfirmDialog question(this);
        question.setWindowTitle(tr("Queue Several Tasks"));
        question.setText(
            tr("The pasted text has %n line(s). Queue each line as a task?", "", int(lines.size())),
            ui->shellCheckBox->isChecked() ? tr("Each line runs through /bin/sh -c.")
                                           : tr("Each line runs as a command, without a shell."));
        question.setAcceptText(tr("&Queue %n Task(s)", "", int(lines.size())));
        if (question.exec() != QDialog::Accepted)
            return 0;
    }
    int queued = 0;
    QStringList refused;
    for (const QString &line : lines) {
        QString error;
        if (addCommand(line, ui->shellCheckBox->isChecked(), &error))
            ++queued;
        else
            refused << tr("'%1': %2").arg(line, error);
    }
    if (!refused.isEmpty())
        emit message(tr("%n line(s) not queued: %1", "", int(refused.size()))
                         .arg(refused.join(QStringLiteral("; "))));
    return queued;
}

bool SessionRunnerView::addAgain(const TaskRunner::HistoryEntry &entry)
{
    if (entry.kind == QLatin1String("example")) {
        addExampleTask();
        return true;
    }
    if (entry.kind != QLatin1String("command") && entry.kind != QLatin1String("shell"))
        return false;
    TaskRunner::CommandSpec spec =
        TaskRunner::CommandSpec::fromLine(entry.commandLine, entry.kind == QLatin1String("shell"));
    if (!spec.isValid())
        return false;
    spec.workingDirectory = entry.folder;
    const TaskRunner::TaskId id = m_runner.append(QVariant::fromValue(spec));
    queued(id);
    return id != 0;
}

void SessionRunnerView::showInterruptedTask(const QVariant &task, qint64 queuedMSecs,
                                            qint64 startedMSecs, const QString &outcome)
{
    ensureTable();
    m_model->addInterruptedTask(task, queuedMSecs, startedMSecs, outcome);
}

qsizetype SessionRunnerView::clearQueue()
{
    const qsizetype dropped = m_runner.clear();
    emit message(tr("Dropped %n waiting task(s)", "", int(dropped)));
    return dropped;
}

QList<QAction *> SessionRunnerView::taskActions() const
{
    return {ui->cancelTaskAction, ui->runAgainAction,    ui->moveUpAction,
            ui->moveDownAction,   ui->moveToFrontAction, ui->copyCommandAction,
            ui->copyOutputAction, ui->pauseQueueAction,  ui->clearQueueAction};
}

QAction *SessionRunnerView::pauseQueueAction() const
{
    return ui->pauseQueueAction;
}

int SessionRunnerView::commandsPending() const
{
    const TaskRunner::SessionRunnerState state = m_runner.state();
    int commands = state.busy && !isExampleTask(state.runningTask) ? 1 : 0;
    if (state.queueLength > 0) {
        for (const TaskRunner::QueuedTask &task : m_runner.waitingTasks())
            commands += isExampleTask(task.task) ? 0 : 1;
    }
    return commands;
}

const TaskTableModel::Row *SessionRunnerView::selectedRow() const
{
    if (!m_table)
        return nullptr;
    // The current row only when it is selected too: the view makes the first row current when
    // it gets the focus, without selecting (or highlighting) it, and an action must not work on
    // a row the user does not see chosen.
    const QItemSelectionModel *selection = m_table->selectionModel();
    const QModelIndex current = selection->currentIndex();
    return current.isValid() && selection->isRowSelected(current.row())
               ? m_model->rowAt(current.row())
               : nullptr;
}

TaskRunner::TaskId SessionRunnerView::selectedTask() const
{
    const TaskTableModel::Row *row = selectedRow();
    return row ? row->id : 0;
}

void SessionRunnerView::cancelSelected()
{
    if (const TaskRunner::TaskId id = selectedTask())
        m_runner.cancel(id);
}

void SessionRunnerView::runSelectedAgain()
{
    if (const TaskTableModel::Row *row = selectedRow())
        queued(m_runner.append(row->task));
}

void SessionRunnerView::moveSelected(int how)
{
    const TaskRunner::TaskId id = selectedTask();
    if (!id)
        return;
    if (how < 0)
        m_runner.moveUp(id);
    else if (how > 0)
        m_runner.moveDown(id);
    else
        m_runner.moveToFront(id);
}

void SessionRunnerView::copySelectedCommand()
{
    if (const TaskTableModel::Row *row = selectedRow())
        QGuiApplication::clipboard()->setText(describeTask(row->task));
}

void SessionRunnerView::copySelectedOutput()
{
    if (m_outputView && m_outputView->shownTask() == selectedTask() && selectedTask())
        QGuiApplication::clipboard()->setText(m_outputView->outputText());
}

void SessionRunnerView::togglePause()
{
    if (m_runner.state().paused)
        m_runner.resume();
    else
        m_runner.pause();
}

void SessionRunnerView::updateActions()
{
    // A button that is disabled while it has the focus would pass the focus on to the next
    // control in the window, the shared Interval field among them: keep it here instead.
    QWidget *focused = focusWidget();
    const auto keepFocus = qScopeGuard([this, focused] {
        if (focused && !focused->isEnabled() && isAncestorOf(focused))
            (m_table ? static_cast<QWidget *>(m_table) : ui->commandEdit)->setFocus();
    });
    const TaskTableModel::Row *row = selectedRow();
    const bool waiting = row && row->state == TaskState::Waiting;
    const TaskRunner::SessionRunnerState state = m_model ? m_model->state() : m_runner.state();
    ui->cancelTaskAction->setEnabled(row && !row->isFinished());
    ui->runAgainAction->setEnabled(row && !state.stopped);
    ui->moveUpAction->setEnabled(waiting && m_model->rowOf(row->id) > m_model->runningRow() + 1 &&
                                 m_model->rowOf(row->id) > 0 &&
                                 m_model->rowAt(m_model->rowOf(row->id) - 1)->state ==
                                     TaskState::Waiting);
    ui->moveToFrontAction->setEnabled(ui->moveUpAction->isEnabled());
    ui->moveDownAction->setEnabled(waiting && m_model->rowOf(row->id) + 1 < m_model->rowCount());
    ui->copyCommandAction->setEnabled(row);
    ui->copyOutputAction->setEnabled(row && row->output);
    ui->clearQueueAction->setEnabled(state.queueLength > 0);
    const QString pauseText = state.paused ? tr("Resume Queue") : tr("Pause Queue");
    if (ui->pauseQueueAction->iconText() != pauseText) {
        // The button has no accessible name of its own: it is named by its text, so a toggle
        // announces one name change, not one for the text and one for the name. The menu's
        // entry has a mnemonic of its own (the other entries of the Session menu have theirs).
        ui->pauseQueueAction->setText(state.paused ? tr("R&esume Queue") : tr("&Pause Queue"));
        ui->pauseQueueAction->setIconText(pauseText);
    }
    ui->pauseQueueAction->setEnabled(!state.stopped);
}

void SessionRunnerView::showProgress(const TaskRunner::SessionRunnerState &state)
{
    ui->progressBar->setVisible(state.busy);
    ui->elapsedLabel->setVisible(state.busy);
    if (!state.busy) {
        m_clock.stop();
        return;
    }
    if (!m_clock.isActive())
        m_clock.start();
    if (state.progressMaximum > 0) {
        ui->progressBar->setRange(0, 1000);
        const int value =
            int(std::clamp<qint64>(state.progressValue * 1000 / state.progressMaximum, 0, 1000));
        // Only a change the bar can show, a pixel or more (and its ends): a long task moves it
        // a pixel in many notifications.
        const int width = std::max(1, ui->progressBar->width());
        const auto pixel = [width](int permille) { return qint64(permille) * width / 1000; };
        if (value != ui->progressBar->value() &&
            (value == 0 || value == 1000 || pixel(value) != pixel(ui->progressBar->value()))) {
            // QProgressBar::setValue() repaints at once, synchronously, whenever the bar grew by
            // a chunk: with many windows busy that was most of the GUI thread's time. With
            // updates off it only stores the value; turning them on again schedules one update,
            // painted with the window's next frame.
            ui->progressBar->setUpdatesEnabled(false);
            ui->progressBar->setValue(value);
            ui->progressBar->setUpdatesEnabled(true);
        }
    } else if (ui->progressBar->maximum() != 0) {
        ui->progressBar->setRange(0, 0); // busy, with no known end
    }
    const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - state.runningSince);
    const QString text = state.progressText.isEmpty()
                             ? durationText(elapsed)
                             : tr("%1 · %2").arg(state.progressText, durationText(elapsed));
    // Twenty times a second: laying the window out at each new text was much of a busy
    // window's time.
    setSteadyText(ui->elapsedLabel, text);
    ui->progressBar->setAccessibleDescription(
        state.progressMaximum > 0
            ? tr("%1 % done, %2")
                  .arg(QLocale().toString(state.progressValue * 100 / state.progressMaximum), text)
            : tr("Running for %1").arg(text));
}

void SessionRunnerView::showSelectedOutput()
{
    const TaskTableModel::Row *row = selectedRow();
    if (!row && !m_outputView)
        return;
    ensureOutputView();
    m_outputView->showTask(row, row ? describeTask(row->task) : QString());
}

void SessionRunnerView::onRowFinished(int row)
{
    const TaskTableModel::Row *finished = m_model->rowAt(row);
    if (!finished || finished->duration < m_longTask)
        return;
    const QString title =
        finished->state == TaskState::Done
            ? tr("Task %1 done").arg(finished->number)
            : tr("Task %1 %2").arg(finished->number).arg(TaskTableModel::stateText(*finished));
    emit longTaskEnded(title, tr("%1 — %2 after %3")
                                  .arg(describeTask(finished->task),
                                       finished->outcome.section(QLatin1Char('\n'), 0, 0),
                                       durationText(finished->duration)));
}

void SessionRunnerView::showState()
{
    if (m_runner.isNull())
        return;
    if (!m_model && m_runner.state().appended > 0)
        ensureTable();
    const TaskRunner::SessionRunnerState state = [this] {
        if (!m_model)
            return m_runner.state();
        m_model->update();
        return m_model->state();
    }();
    setSteadyText(ui->statusLabel,
                  state.busy ? tr("Processing: %n items left.", "", int(state.itemsLeft()))
                             : (state.paused && state.queueLength > 0 ? tr("The queue is paused")
                                                                      : tr("The queue is empty")));
    setSteadyText(ui->queueLabel, tr("Queue: %n task(s) waiting", "", int(state.queueLength)));
    setCopyableText(ui->lastResultLabel,
                    tr("Last Result: %1")
                        .arg(state.lastFailed            ? tr("Error: %1").arg(state.lastError)
                             : state.lastResult.isNull() ? tr("None", "no result")
                                                         : resultText(state.lastResult)),
                    state.done + state.failed + state.cancelled > 0);
    ui->busyLabel->setText(state.busy     ? (state.paused ? pausingText() : workingText())
                           : state.paused ? pausedText()
                                          : idleText());
    showProgress(state);
    if (m_outputView && m_outputView->shownTask())
        showSelectedOutput();
    updateActions();
    emit stateShown(state);
}

// Twenty times a second is smooth enough for a progress bar and an elapsed time, and a task
// that ends while others wait is shown at most 50 ms late (the end of a burst comes at once).
// That is the active window's rate; the others, which the user is not working in (also the
// window behind a dialog of its own), show their progress once a second, as browsers run the
// timers of background tabs. The watcher's default, 8 ms, had two hundred busy windows repaint
// 25,000 times a second between them; at 50 ms each they still took all of the GUI thread's
// time, and at 250 ms the GUI thread was still served a 1 ms timer only 60 to 260 times in
// 2 s (620 to 740 times at a second).
void SessionRunnerView::fitUpdateRate()
{
    using namespace std::chrono_literals;
    const bool active = isVisible() && isActiveWindow();
    m_watcher.setMinimumGap(active ? 50ms : 1000ms);
    if (active) {
        m_stateRefresh.flush();
        m_clockRefresh.flush();
    }
}

void SessionRunnerView::showElapsed()
{
    if (m_model) {
        showProgress(m_model->state());
        m_model->refreshRunningDuration();
    }
}

// A window's least size counts a wrapped label as one line (Qt keeps height-for-width out of a
// window's minimum), so a last result of three lines left the rest less than its least height:
// the task table and the output below it were drawn over each other. The view asks for what its
// layout needs at the width it has, again when that width changes; a new text has its layout
// ask again by itself.
QSize SessionRunnerView::minimumSizeHint() const
{
    QSize size = QWidget::minimumSizeHint();
    if (layout() && layout()->hasHeightForWidth())
        size.setHeight(std::max(size.height(), layout()->totalMinimumHeightForWidth(width())));
    return size;
}

bool SessionRunnerView::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::Resize:
        if (static_cast<QResizeEvent *>(event)->oldSize().width() != width() && layout() &&
            layout()->hasHeightForWidth())
            updateGeometry();
        break;
    case QEvent::WindowActivate:
    case QEvent::WindowDeactivate:
    case QEvent::Show:
    case QEvent::Hide: // a hidden window is not told when it stops being the active one
        // A window that becomes active shows what waited for the slower rate at once.
        fitUpdateRate();
        break;
    default:
        break;
    }
    return QWidget::event(event);
}

void SessionRunnerView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslate();
        break;
    case QEvent::FontChange:
    case QEvent::StyleChange:
        // What was fitted to the old font is fitted again.
        m_numberLength = 0;
        if (m_table)
            fitNumberColumn();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void SessionRunnerView::retranslate()
{
    ui->retranslateUi(this);
    if (!m_runner.isNull()) {
        ui->headingLabel->setText(tr("Session TaskRunner %1").arg(m_runner.id()));
        showState();
    }
}
