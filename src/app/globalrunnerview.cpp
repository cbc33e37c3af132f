#include "globalrunnerview.h"
#include "ui_globalrunnerview.h"

#include "labels.h"

#include <QLineEdit>

#include <cmath>

namespace {
// The spin box shows three decimals; compare intervals as it shows them.
double shown(double seconds)
{
    return std::round(seconds * 1000.0) / 1000.0;
}
} // namespace

GlobalRunnerView::GlobalRunnerView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::GlobalRunnerView>())
{
    ui->setupUi(this);
    makeHeading(ui->headingLabel);
    ui->intervalSpinBox->setRange(TaskRunner::GlobalRunner::minimumInterval(),
                                  TaskRunner::GlobalRunner::maximumInterval());
    connect(&m_watcher, &TaskRunner::RunnerWatcher::stateChanged, this,
            &GlobalRunnerView::showState);
    // The spin box's text field is a control of its own for screen readers: the same name.
    if (auto *field = ui->intervalSpinBox->findChild<QLineEdit *>())
        field->setAccessibleName(ui->intervalSpinBox->accessibleName());
    connect(ui->intervalSpinBox, &QDoubleSpinBox::valueChanged, this,
            &GlobalRunnerView::applyEditedInterval);
    connect(ui->intervalSpinBox, &QDoubleSpinBox::editingFinished, this,
            &GlobalRunnerView::onEditingFinished);
    connect(ui->pauseButton, &QPushButton::clicked, this, [this] {
        if (m_runner.state().paused)
            m_runner.resume();
        else
            m_runner.pause();
    });
    connect(ui->runNowButton, &QPushButton::clicked, this, [this] { m_runner.runNow(); });
}

GlobalRunnerView::~GlobalRunnerView() = default;

QDoubleSpinBox *GlobalRunnerView::intervalSpinBox() const
{
    return ui->intervalSpinBox;
}

void GlobalRunnerView::setRunner(const TaskRunner::GlobalRunner &runner)
{
    m_runner = runner;
    m_watcher.setRunner(runner);
    setEnabled(!runner.isNull());
    if (runner.isNull())
        return;
    const QString heading = QStringLiteral("Global TaskRunner %1").arg(runner.id());
    ui->headingLabel->setText(heading);
    // A key too long for the view is cut at its edge; the tooltip has all of it.
    ui->keyLabel->setText(QStringLiteral("Key: %1").arg(runner.key()));
    ui->keyLabel->setToolTip(runner.key());
    m_runsAtOpen = runner.state().runs;
    showState();
}

void GlobalRunnerView::setIntervalEditedHandler(std::function<void(double)> handler)
{
    m_intervalEdited = std::move(handler);
}

bool GlobalRunnerView::isBeingEdited() const
{
    const QDoubleSpinBox *spin = ui->intervalSpinBox;
    return spin->hasFocus() && spin->cleanText() != spin->textFromValue(spin->value());
}

void GlobalRunnerView::applyEditedInterval(double seconds)
{
    if (m_runner.isNull() || shown(m_runner.interval()) == shown(seconds))
        return;
    if (m_runner.setInterval(seconds) && m_intervalEdited)
        m_intervalEdited(seconds);
}

void GlobalRunnerView::onEditingFinished()
{
    // A value typed while another window changed the interval wins: it is the newer edit.
    if (std::exchange(m_skippedWhileEditing, false))
        applyEditedInterval(ui->intervalSpinBox->value());
    showState();
}

void GlobalRunnerView::showState()
{
    if (m_runner.isNull())
        return;
    const TaskRunner::GlobalRunnerState state = m_runner.state();
    if (isBeingEdited()) {
        m_skippedWhileEditing = true;
    } else if (shown(ui->intervalSpinBox->value()) != shown(state.interval)) {
        const QSignalBlocker blocker(ui->intervalSpinBox); // not an edit: do not send it back
        ui->intervalSpinBox->setValue(state.interval);
    }
    setCopyableText(
        ui->lastResultLabel,
        QStringLiteral("Last Result: %1").arg(TaskRunner::displayText(state.lastResult)),
        state.lastResult.isValid());
    setCopyableText(ui->lastExceptionLabel,
                    QStringLiteral("Last Exception: %1")
                        .arg(state.lastError.isEmpty() ? QStringLiteral("None") : state.lastError),
                    !state.lastError.isEmpty());
    m_resultsSinceOpened = state.runs - m_runsAtOpen;
    ui->resultsLabel->setText(
        QStringLiteral("%1 results produced during this session").arg(m_resultsSinceOpened));
    ui->pauseButton->setText(state.paused ? QStringLiteral("&Resume") : QStringLiteral("&Pause"));
    ui->pauseButton->setAccessibleName(state.paused ? QStringLiteral("Resume")
                                                    : QStringLiteral("Pause"));
}
