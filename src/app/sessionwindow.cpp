#include "sessionwindow.h"
#include "ui_sessionwindow.h"

#include "appcontroller.h"
#include "globalrunnerview.h"
#include "labels.h"
#include "noticebar.h"
#include "sessionrunnerview.h"
#include "taskpersistence.h"
#include "watchmanager.h"

#include <TaskRunner/historystore.h>
#include <TaskRunner/savedsession.h>

#include <QCloseEvent>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScreen>
#include <QSet>

SessionWindow::SessionWindow(AppController *controller, int number,
                             TaskRunner::SessionWorker worker, const QString &sessionId,
                             const TaskRunner::RunnerOptions &options, Watch *watch,
                             QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::SessionWindow>())
    , m_controller(controller)
    , m_runner(TaskRunner::SessionRunner::create(std::move(worker), options))
    , m_number(number)
    , m_sessionId(sessionId)
{
    ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Session %1 — Task Runner").arg(number));

    ui->newWindowAction->setShortcut(QKeySequence::New);
    ui->closeWindowAction->setShortcut(QKeySequence::Close);
    ui->quitAction->setShortcut(QKeySequence::Quit);
    // A new window shows the watch this one shows.
    connect(ui->newWindowAction, &QAction::triggered, this, [this] {
        if (m_controller)
            m_controller->newWindow(ui->globalView->watch());
    });
    connect(ui->closeWindowAction, &QAction::triggered, this, &QWidget::close);
    connect(ui->quitAction, &QAction::triggered, controller, &AppController::quit);
    connect(ui->addTaskAction, &QAction::triggered, ui->sessionView, &SessionRunnerView::addTask);
    // The session view's actions on tasks and on the queue, after Add Task.
    ui->sessionMenu->addSeparator();
    for (QAction *action : ui->sessionView->taskActions()) {
        if (action == ui->sessionView->pauseQueueAction())
            ui->sessionMenu->addSeparator();
        ui->sessionMenu->addAction(action);
    }
    connect(ui->aboutAction, &QAction::triggered, this, [this] { m_controller->showAbout(this); });
    ui->historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(ui->historyAction, &QAction::triggered, controller,
            [controller] { controller->showHistory(); });
    connect(ui->aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setAccessibleDescription(tr("Session thread status"));
    ui->statusBar->addWidget(m_statusLabel, 1);

    // The views paint their background, so the labels that change with every notification
    // repaint on it alone; without it, each such repaint also repaints the group box beneath
    // them, which lays out and draws its title again (a fifth of a window's update). In Fusion
    // the group box is of the window's colour there, so nothing looks different.
    ui->sessionView->setAutoFillBackground(true);
    ui->globalView->setAutoFillBackground(true);

    connect(ui->sessionView, &SessionRunnerView::stateShown, this,
            &SessionWindow::showSessionState);
    connect(ui->sessionView, &SessionRunnerView::message, this,
            [this](const QString &text) { ui->statusBar->showMessage(text, 8000); });
    connect(ui->sessionView, &SessionRunnerView::longTaskEnded, this,
            [this](const QString &title, const QString &body) {
                if (!isActiveWindow() && m_controller)
                    m_controller->notify(title, body, this);
            });
    ui->sessionView->setCommandHistory(controller->settings().commandHistory());
    ui->sessionView->setCommandUsedHandler(
        [controller](const QString &command) { controller->addToCommandHistory(command); });
    ui->sessionView->setRunner(m_runner);
    ui->globalView->setWatchManager(controller->watchManager());
    // The watch shown is part of the session: it comes back with the window.
    connect(ui->globalView, &GlobalRunnerView::watchChanged, this, [this] {
        if (m_controller)
            m_controller->sessionChanged(this);
    });
    ui->globalView->showWatch(watch ? watch : controller->shownWatch());
    ui->watchMenu->addActions(ui->globalView->watchActions());
    ui->watchMenu->addSeparator();
    ui->watchMenu->addActions(ui->globalView->runActions());
    ui->sessionView->setFocus(); // on Add Task: Space adds a task at once
    // Show where the keyboard focus is from the start, not only after a Tab.
    setAttribute(Qt::WA_KeyboardFocusChange);
    resize(defaultSize());
}

QSize SessionWindow::defaultSize() const
{
    // From the font: a larger system font gets a larger window, not a cramped one. The width
    // holds a command, its state and times beside the shared view; the height four rows and a
    // few lines of the selected task's output. Not more: most of a window's memory is its
    // backing store, 4 bytes a pixel (34 lines made 1.62 MiB a window, 30 make 1.47).
    const QFontMetrics metrics = fontMetrics();
    QSize size(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 30);
    size = size.expandedTo(minimumSizeHint());
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size() * 9 / 10);
    return size;
}

SessionWindow::~SessionWindow()
{
    m_runner.stop(); // deleted without a close event
}

SessionRunnerView *SessionWindow::sessionView() const
{
    return ui->sessionView;
}

GlobalRunnerView *SessionWindow::globalView() const
{
    return ui->globalView;
}

void SessionWindow::closeEvent(QCloseEvent *event)
{
    if (m_controller && !m_controller->isQuitting() &&
        !m_controller->confirmStoppingCommands(this, ui->sessionView->commandsPending(), false)) {
        event->ignore();
        return;
    }
    // Saved (the last window) or forgotten (any other) as it is before it stops.
    if (m_controller)
        m_controller->sessionClosed(this);
    // Returns at once even if the running task ignores interruption.
    m_runner.stop();
    if (m_controller)
        m_controller->saveWindowGeometry(saveGeometry());
    event->accept();
}

void SessionWindow::showSessionState(const TaskRunner::SessionRunnerState &state)
{
    if (state.queueRevision != m_savedRevision || state.appended != m_savedAppended ||
        state.runningId != m_savedRunning || state.paused != m_savedPaused) {
        m_savedRevision = state.queueRevision;
        m_savedAppended = state.appended;
        m_savedRunning = state.runningId;
        m_savedPaused = state.paused;
        if (m_controller)
            m_controller->sessionChanged(this);
    }
    const QLocale locale;
    setSteadyText(m_statusLabel,
                  tr("Session thread: %1 · %2 done · %3 failed · %4 cancelled · %5 waiting")
                      .arg(state.busy ? tr("working") : tr("idle"))
                      .arg(locale.toString(state.done))
                      .arg(locale.toString(state.failed))
                      .arg(locale.toString(state.cancelled))
                      .arg(locale.toString(state.queueLength)));
}

NoticeBar *SessionWindow::noticeBar() const
{
    return ui->noticeBar;
}

void SessionWindow::showNotice(const QString &text)
{
    if (!text.isEmpty())
        ui->noticeBar->showNotice(text);
}

void SessionWindow::restore(const TaskRunner::SavedSession &saved, bool lastRunQuit)
{
    SessionRunnerView *view = ui->sessionView;
    int restored = 0;
    for (const TaskRunner::SavedTask &savedTask : saved.waiting) {
        QString error;
        const QVariant task = TaskPersistence::task(savedTask, &error);
        const TaskRunner::TaskId id = task.isValid() ? m_runner.append(task) : 0;
        if (id) {
            m_restoredIds << id;
            ++restored;
        } else {
            ++m_unreadableTasks;
        }
    }
    if (saved.running) {
        const QVariant task = TaskPersistence::task(*saved.running);
        const QString outcome = lastRunQuit ? tr("stopped when Task Runner quit")
                                            : tr("interrupted: the last run ended while it ran");
        view->showInterruptedTask(task.isValid() ? task : QVariant(saved.running->commandLine),
                                  saved.running->queuedMs, saved.running->startedMs, outcome);
        // A run that quit recorded the task itself when it stopped it (cancelled); one that
        // ended without quitting (a crash, kill -9, power loss) never did: it is recorded now.
        if (m_controller && !lastRunQuit) {
            TaskRunner::HistoryEntry entry;
            entry.sessionId = m_sessionId;
            entry.kind = saved.running->kind;
            entry.commandLine = saved.running->commandLine;
            entry.folder = saved.running->folder;
            entry.queuedMs = saved.running->queuedMs;
            entry.finishedMs = QDateTime::currentMSecsSinceEpoch();
            entry.state = TaskRunner::HistoryState::interrupted();
            entry.result = outcome;
            m_controller->historyStore()->add(entry);
        }
    }
    m_restoredTasks = restored;
    if (restored > 0 || saved.running || m_unreadableTasks > 0)
        showRestoreNotice();
    else
        m_runner.resume(); // nothing waits: an ordinary, running session
}

void SessionWindow::noteUncleanShutdown()
{
    m_uncleanShutdown = true;
    if (m_restoredTasks >= 0 && ui->noticeBar->isVisible())
        showRestoreNotice();
}

void SessionWindow::showRestoreNotice()
{
    QString text = m_restoredTasks > 0 ? tr("%n waiting task(s) of the last run are back, paused.",
                                            "", m_restoredTasks)
                                       : tr("This session is back from the last run.");
    if (m_uncleanShutdown)
        text += QLatin1Char(' ') + tr("The last run ended without quitting.");
    if (m_unreadableTasks > 0)
        text += QLatin1Char(' ') +
                tr("%n saved task(s) could not be read and were left out.", "", m_unreadableTasks);
    if (m_restoredTasks > 0) {
        // Alt+Q: Alt+R is the watch's Resume, shown while the watch is paused.
        ui->noticeBar->showNotice(
            text, tr("Resume &Queue"), [this] { m_runner.resume(); }, tr("&Discard"),
            [this] {
                // The last run's waiting tasks only, dropped as Clear Queue drops them (not
                // recorded, and at once however many): those queued since are queued again,
                // in their order, and run. A restored task that already started (the queue was
                // resumed from the menu) goes on.
                const QSet<TaskRunner::TaskId> restored(m_restoredIds.cbegin(),
                                                        m_restoredIds.cend());
                m_restoredIds.clear();
                QVariantList queuedSince;
                for (const TaskRunner::QueuedTask &waiting : m_runner.waitingTasks()) {
                    if (!restored.contains(waiting.id))
                        queuedSince << waiting.task;
                }
                m_runner.clear();
                for (const QVariant &task : std::as_const(queuedSince))
                    m_runner.append(task);
                m_runner.resume();
            });
    } else {
        m_runner.resume();
        ui->noticeBar->showNotice(text);
    }
}

TaskRunner::SavedSession SessionWindow::sessionDetails(int position) const
{
    TaskRunner::SavedSession details;
    details.id = m_sessionId;
    details.windowNumber = m_number;
    details.position = position;
    if (const Watch *watch = ui->globalView->watch())
        details.watch = watch->name();
    return details;
}

TaskRunner::SavedSession SessionWindow::savedSession(int position) const
{
    return TaskPersistence::savedSession(m_runner, sessionDetails(position));
}
