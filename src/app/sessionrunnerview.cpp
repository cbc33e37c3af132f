#include "sessionrunnerview.h"
#include "ui_sessionrunnerview.h"

#include "durationtext.h"
#include "labels.h"
#include "sessiontaskrunner.h"

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

void SessionRunnerView::setRunner(SessionTaskRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    if (!runner)
        return;
    const QString heading = QStringLiteral("Session TaskRunner %1").arg(runner->id());
    ui->headingLabel->setText(heading);
    connect(runner, &SessionTaskRunner::stateChanged, this, &SessionRunnerView::showState);
    showState();
}

void SessionRunnerView::addTask()
{
    if (m_runner)
        m_runner->append(QStringLiteral("task"));
}

void SessionRunnerView::clearQueue()
{
    if (m_runner)
        m_runner->clear();
}

void SessionRunnerView::showState()
{
    if (!m_runner)
        return;
    const SessionRunnerState state = m_runner->state();
    ui->statusLabel->setText(state.statusText());
    ui->queueLabel->setText(state.queueLength == 1
                                ? QStringLiteral("Queue: 1 task waiting")
                                : QStringLiteral("Queue: %1 tasks waiting").arg(state.queueLength));
    setCopyableText(ui->lastResultLabel,
                    QStringLiteral("Last Result: %1").arg(state.lastResultText()),
                    state.done + state.failed > 0);
    ui->busyLabel->setText(state.busy ? workingText() : idleText());
    ui->clearQueueButton->setEnabled(state.queueLength > 0);

    const quint64 head = state.recent.isEmpty() ? 0 : state.recent.constLast().number;
    if (head != m_shownHistoryHead) {
        m_shownHistoryHead = head;
        QTreeWidget *view = historyView();
        view->clear();
        QList<QTreeWidgetItem *> items;
        items.reserve(state.recent.size());
        for (auto it = state.recent.crbegin(); it != state.recent.crend(); ++it) {
            const QString result = it->failed ? QStringLiteral("Error: %1").arg(it->errorMessage)
                                              : TaskRunner::displayText(it->result);
            items << new QTreeWidgetItem(
                {QString::number(it->number), durationText(it->duration), result});
        }
        view->addTopLevelItems(items);
    }
    emit stateShown(state);
}
