#include "sessionwindow.h"
#include "ui_sessionwindow.h"

#include "appcontroller.h"
#include "globalrunnerview.h"
#include "sessionrunnerview.h"

#include <QCloseEvent>
#include <QLabel>

SessionWindow::SessionWindow(AppController *controller, int number,
                             TaskRunner::SessionWorker worker, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::SessionWindow>())
    , m_controller(controller)
    , m_runner(TaskRunner::SessionRunner::create(std::move(worker)))
    , m_number(number)
{
    ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(QStringLiteral("Session %1 — Task Runner").arg(number));

    ui->newWindowAction->setShortcut(QKeySequence::New);
    ui->closeWindowAction->setShortcut(QKeySequence::Close);
    ui->quitAction->setShortcut(QKeySequence::Quit);
    connect(ui->newWindowAction, &QAction::triggered, controller, &AppController::newWindow);
    connect(ui->closeWindowAction, &QAction::triggered, this, &QWidget::close);
    connect(ui->quitAction, &QAction::triggered, controller, &AppController::quit);
    connect(ui->addTaskAction, &QAction::triggered, ui->sessionView, &SessionRunnerView::addTask);
    connect(ui->aboutAction, &QAction::triggered, this, [this] { m_controller->showAbout(this); });
    connect(ui->aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setAccessibleDescription(QStringLiteral("Session thread status"));
    ui->statusBar->addWidget(m_statusLabel, 1);

    // The views paint their background, so the labels that change with every notification
    // repaint on it alone; without it, each such repaint also repaints the group box beneath
    // them, which lays out and draws its title again (a fifth of a window's update). In Fusion
    // the group box is of the window's colour there, so nothing looks different.
    ui->sessionView->setAutoFillBackground(true);
    ui->globalView->setAutoFillBackground(true);

    connect(ui->sessionView, &SessionRunnerView::stateShown, this,
            &SessionWindow::showSessionState);
    ui->sessionView->setRunner(m_runner);
    ui->globalView->setRunner(controller->globalRunner());
    ui->globalView->setIntervalEditedHandler(
        [controller](double seconds) { controller->saveInterval(seconds); });
    ui->sessionView->setFocus(); // on Add Task: Space adds a task at once
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
    // Returns at once even if the running task ignores interruption.
    m_runner.stop();
    if (m_controller)
        m_controller->saveWindowGeometry(saveGeometry());
    event->accept();
}

void SessionWindow::showSessionState(const TaskRunner::SessionRunnerState &state)
{
    m_statusLabel->setText(QStringLiteral("Session thread: %1 · %2 done · %3 failed · %4 waiting")
                               .arg(state.busy ? QStringLiteral("working") : QStringLiteral("idle"))
                               .arg(state.done)
                               .arg(state.failed)
                               .arg(state.queueLength));
}
