#include "sessionrunnerview.h"
#include "ui_sessionrunnerview.h"

#include "durationtext.h"
#include "labels.h"
#include "sessiontaskrunner.h"

SessionRunnerView::SessionRunnerView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::SessionRunnerView>())
{
    ui->setupUi(this);
    makeHeading(ui->headingLabel);
    ui->historyView->header()->setStretchLastSection(true);
    ui->historyView->setColumnWidth(0, 44);
    ui->historyView->setColumnWidth(1, 76);
    connect(ui->addTaskButton, &QPushButton::clicked, this, &SessionRunnerView::addTask);
    connect(ui->clearQueueButton, &QPushButton::clicked, this, &SessionRunnerView::clearQueue);
}

SessionRunnerView::~SessionRunnerView() = default;

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
    ui->busyLabel->setText(state.busy ? QStringLiteral("● Working") : QStringLiteral("Idle"));
    ui->clearQueueButton->setEnabled(state.queueLength > 0);

    const quint64 head = state.recent.isEmpty() ? 0 : state.recent.constLast().number;
    if (head != m_shownHistoryHead) {
        m_shownHistoryHead = head;
        ui->historyView->clear();
        QList<QTreeWidgetItem *> items;
        items.reserve(state.recent.size());
        for (auto it = state.recent.crbegin(); it != state.recent.crend(); ++it) {
            const QString result = it->failed ? QStringLiteral("Error: %1").arg(it->errorMessage)
                                              : TaskRunner::displayText(it->result);
            items << new QTreeWidgetItem(
                {QString::number(it->number), durationText(it->duration), result});
        }
        ui->historyView->addTopLevelItems(items);
    }
    emit stateShown(state);
}
