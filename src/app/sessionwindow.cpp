#include "sessionwindow.h"
#include "ui_sessionwindow.h"

#include "appcontroller.h"
#include "globalrunnerview.h"
#include "sessionrunnerview.h"
#include "watchmanager.h"

#include <QCloseEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScreen>

SessionWindow::SessionWindow(AppController *controller, int number,
                             TaskRunner::SessionWorker worker, Watch *watch, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::SessionWindow>())
    , m_controller(controller)
    , m_runner(TaskRunner::SessionRunner::create(std::move(worker)))
    , m_number(number)
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
    QAction *before =
        ui->sessionMenu->actions().value(ui->sessionMenu->actions().indexOf(ui->addTaskAction) + 1);
    const QList<QAction *> taskActions = ui->sessionView->taskActions();
    ui->sessionMenu->insertSeparator(before);
    for (QAction *action : taskActions) {
        ui->sessionMenu->insertAction(before, action);
        if (action == ui->sessionView->pauseQueueAction())
            ui->sessionMenu->insertSeparator(action);
    }
    connect(ui->aboutAction, &QAction::triggered, this, [this] { m_controller->showAbout(this); });
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
    ui->globalView->showWatch(watch ? watch : controller->shownWatch());
    ui->watchMenu->addActions(ui->globalView->watchActions());
    ui->sessionView->setFocus(); // on Add Task: Space adds a task at once
    resize(defaultSize());
}

QSize SessionWindow::defaultSize() const
{
    // From the font: a larger system font gets a larger window, not a cramped one. The width
    // holds a command, its state and times beside the shared view; the height a few rows.
    const QFontMetrics metrics = fontMetrics();
    QSize size(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 34);
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
    // Returns at once even if the running task ignores interruption.
    m_runner.stop();
    if (m_controller)
        m_controller->saveWindowGeometry(saveGeometry());
    event->accept();
}

void SessionWindow::showSessionState(const TaskRunner::SessionRunnerState &state)
{
    const QLocale locale;
    m_statusLabel->setText(tr("Session thread: %1 · %2 done · %3 failed · %4 cancelled · %5 "
                              "waiting")
                               .arg(state.busy ? tr("working") : tr("idle"))
                               .arg(locale.toString(state.done))
                               .arg(locale.toString(state.failed))
                               .arg(locale.toString(state.cancelled))
                               .arg(locale.toString(state.queueLength)));
}
