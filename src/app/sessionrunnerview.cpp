#include "sessionrunnerview.h"
#include "ui_sessionrunnerview.h"

#include "durationtext.h"
#include "labels.h"

#include <QHeaderView>
#include <QTreeWidget>

#include <algorithm>

namespace {
QString idleText()
{
    return QStringLiteral("Idle");
}
QString workingText()
{
    return QStringLiteral("● Working");
}
} // namespace

SessionRunnerView::SessionRunnerView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::SessionRunnerView>())
{
    ui->setupUi(this);
    makeHeading(ui->headingLabel);
    setFocusProxy(ui->addTaskButton);
    // "Idle" and "● Working" take the same room, so the row does not move when a task starts.
    ui->busyLabel->setText(workingText());
    const int workingWidth = ui->busyLabel->sizeHint().width();
    ui->busyLabel->setText(idleText());
    ui->busyLabel->setMinimumWidth(std::max(workingWidth, ui->busyLabel->sizeHint().width()));
    ui->busyLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    connect(ui->addTaskButton, &QPushButton::clicked, this, &SessionRunnerView::addTask);
    connect(ui->clearQueueButton, &QPushButton::clicked, this, &SessionRunnerView::clearQueue);
    connect(&m_watcher, &TaskRunner::RunnerWatcher::stateChanged, this,
            &SessionRunnerView::showState);
}

SessionRunnerView::~SessionRunnerView() = default;

QTreeWidget *SessionRunnerView::historyView()
{
    if (m_historyView)
        return m_historyView;
    // An item view is the most expensive widget of the window to build, and an empty one says
    // no more than the placeholder: it replaces the placeholder when the first task is done.
    auto *view = new QTreeWidget(this);
    view->setObjectName(QStringLiteral("historyView"));
    view->setAccessibleName(QStringLiteral("Recent tasks"));
    view->setAccessibleDescription(
        QStringLiteral("The most recent tasks with their duration and result, newest first"));
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setHeaderLabels(
        {QStringLiteral("Task"), QStringLiteral("Duration"), QStringLiteral("Result")});
    // The number and the duration are never cut; the result takes the rest of the width.
    view->header()->setStretchLastSection(true);
    view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    delete ui->layout->replaceWidget(ui->historyPlaceholder, view);
    delete ui->historyPlaceholder;
    ui->historyPlaceholder = nullptr;
    // Alt+T now has a target (Alt+R is the global runner's Resume).
    ui->historyCaption->setText(QStringLiteral("Recent &tasks"));
    ui->historyCaption->setBuddy(view);
    setTabOrder(ui->clearQueueButton, view);
    view->show();
    m_historyView = view;
    return view;
}

void SessionRunnerView::setRunner(const TaskRunner::SessionRunner &runner)
{
    m_runner = runner;
    m_watcher.setRunner(runner);
    m_recent.clear();
    m_nextSequence = 1;
    if (runner.isNull())
        return;
    const QString heading = QStringLiteral("Session TaskRunner %1").arg(runner.id());
    ui->headingLabel->setText(heading);
    showState();
}

void SessionRunnerView::addTask()
{
    m_runner.append(QStringLiteral("task"));
}

void SessionRunnerView::clearQueue()
{
    m_runner.clear();
}

void SessionRunnerView::showState()
{
    if (m_runner.isNull())
        return;
    const TaskRunner::SessionRunnerState state = m_runner.state();
    ui->statusLabel->setText(state.statusText());
    ui->queueLabel->setText(state.queueLength == 1
                                ? QStringLiteral("Queue: 1 task waiting")
                                : QStringLiteral("Queue: %1 tasks waiting").arg(state.queueLength));
    setCopyableText(ui->lastResultLabel,
                    QStringLiteral("Last Result: %1").arg(state.lastResultText()),
                    state.done + state.failed > 0);
    ui->busyLabel->setText(state.busy ? workingText() : idleText());
    ui->clearQueueButton->setEnabled(state.queueLength > 0);

    if (state.lastSequence >= m_nextSequence) {
        constexpr qsizetype recentLimit = 20;
        const qint64 wanted = qint64(state.lastSequence - m_nextSequence) + 1;
        const quint64 from =
            wanted > recentLimit ? state.lastSequence - recentLimit + 1 : m_nextSequence;
        TaskRunner::TaskRecordBatch batch = m_runner.records(from, recentLimit);
        m_nextSequence = batch.nextSequence;
        m_recent.append(batch.records);
        if (m_recent.size() > recentLimit)
            m_recent.remove(0, m_recent.size() - recentLimit);
        QTreeWidget *view = historyView();
        view->clear();
        QList<QTreeWidgetItem *> items;
        items.reserve(m_recent.size());
        for (auto it = m_recent.crbegin(); it != m_recent.crend(); ++it) {
            const QString result = it->state == TaskRunner::TaskState::Done
                                       ? TaskRunner::displayText(it->result)
                                       : QStringLiteral("Error: %1").arg(it->errorMessage);
            items << new QTreeWidgetItem(
                {QString::number(it->number), durationText(it->duration), result});
        }
        view->addTopLevelItems(items);
    }
    emit stateShown(state);
}
