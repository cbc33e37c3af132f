#include "globalrunnerview.h"
#include "ui_globalrunnerview.h"

#include "confirmdialog.h"
#include "durationtext.h"
#include "frameoverlay.h"
#include "labels.h"
#include "watchchart.h"
#include "watchdialog.h"
#include "watchhistory.h"
#include "watchmanager.h"
#include "watchrunview.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QLayout>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QScreen>
#include <QScrollBar>
#include <QStyle>

#include <cmath>
#include <utility>

using namespace std::chrono_literals;

namespace {
// The spin box shows three decimals; compare intervals as it shows them.
double shown(double seconds)
{
    return std::round(seconds * 1000.0) / 1000.0;
}

// The watch's runs: four of them is what an opened history asks room for (a list view's own
// hint is a dozen lines, more than a window's default height has for it).
class HistoryListView : public QListView
{
public:
    using QListView::QListView;
    QSize sizeHint() const override
    {
        const int row = sizeHintForRow(0) > 0 ? sizeHintForRow(0) : fontMetrics().height() + 2;
        // Its frame and what else is round the rows, as laid out (the frame before).
        const int chrome =
            viewport()->height() > 0 ? height() - viewport()->height() : 2 * frameWidth();
        return {QListView::sizeHint().width(), 4 * row + chrome};
    }
};
} // namespace

GlobalRunnerView::GlobalRunnerView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::GlobalRunnerView>())
{
    ui->setupUi(this);
    makeHeading(ui->headingLabel);
    // What the history, the shown run and the chart hold does not widen the view: the window's
    // halves keep their widths (and the other half is not laid out again) when they come.
    ui->historySplitter->setSizePolicy(QSizePolicy::Ignored,
                                       ui->historySplitter->sizePolicy().verticalPolicy());
    ui->intervalSpinBox->setRange(TaskRunner::GlobalRunner::minimumInterval(),
                                  TaskRunner::GlobalRunner::maximumInterval());
    // The spin box's text field is a control of its own for screen readers: the same name.
    if (auto *field = ui->intervalSpinBox->findChild<QLineEdit *>())
        field->setAccessibleName(ui->intervalSpinBox->accessibleName());
    // What is wrong with a typed interval, or a long one in words, under the field.
    ui->intervalSpinBox->setToolTip(
        tr("Pause between the end of one run and the start of the next, shared by every "
           "window: %1")
            .arg(ui->intervalSpinBox->rangeText()));
    ui->intervalHint->setVisible(false);
    connect(ui->intervalSpinBox, &IntervalSpinBox::hintChanged, this,
            [this](const QString &hint, bool problem) {
                ui->intervalHint->setText(hint);
                setErrorStyle(ui->intervalHint, problem);
                ui->intervalHint->setVisible(!hint.isEmpty());
            });
    connect(ui->intervalSpinBox, &QDoubleSpinBox::valueChanged, this,
            &GlobalRunnerView::applyEditedInterval);
    connect(ui->intervalSpinBox, &QDoubleSpinBox::editingFinished, this,
            &GlobalRunnerView::onEditingFinished);
    connect(ui->pauseWatchAction, &QAction::triggered, this, [this] {
        if (m_manager && m_watch)
            m_manager->setPaused(m_watch, !m_runner.state().paused);
    });
    connect(ui->runNowAction, &QAction::triggered, this, [this] { m_runner.runNow(); });
    connect(ui->pauseButton, &QPushButton::clicked, ui->pauseWatchAction, &QAction::trigger);
    connect(ui->runNowButton, &QPushButton::clicked, ui->runNowAction, &QAction::trigger);
    ui->runNowAction->setShortcut(QKeySequence::Refresh);
    ui->runNowAction->setShortcutContext(Qt::WindowShortcut);
    addAction(ui->runNowAction);

    // The actions on watches: in the menu of the button beside the list, in the window's Watch
    // menu, and on their keys anywhere in the window.
    const struct
    {
        QAction *action;
        QKeySequence key;
    } actions[] = {
        {ui->newWatchAction, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
        {ui->editWatchAction, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
        {ui->removeWatchAction, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
    };
    auto *menu = new QMenu(ui->watchMenuButton);
    for (const auto &entry : actions) {
        entry.action->setShortcut(entry.key);
        entry.action->setShortcutContext(Qt::WindowShortcut);
        addAction(entry.action);
        menu->addAction(entry.action);
    }
    ui->watchMenuButton->setMenu(menu);
    connect(ui->newWatchAction, &QAction::triggered, this, [this] { newWatch(); });
    connect(ui->editWatchAction, &QAction::triggered, this, [this] { editWatch(); });
    connect(ui->removeWatchAction, &QAction::triggered, this, [this] { removeWatch(); });
    connect(ui->watchCombo, &QComboBox::activated, this, [this](int row) {
        if (m_manager)
            showWatch(m_manager->watches().value(row));
    });

    ui->historySplitter->setVisible(false);
    ui->historySplitter->installEventFilter(this);
    connect(ui->historyButton, &QToolButton::toggled, this, [this](bool shown) {
        if (shown && m_heightBeforeRoom < 0 && window()->isVisible())
            m_heightBeforeRoom = window()->height(); // before the history raises its least
        setHistoryShown(shown);
        if (m_manager && m_manager->isHistoryShown() != shown)
            m_manager->setHistoryShown(shown);
        if (!shown)
            giveBackRoom();
    });

    m_clock.setInterval(1s);
    connect(&m_clock, &QTimer::timeout, this, [this] { showRunState(m_runner.state()); });
    m_runViewTimer.setSingleShot(true);
    m_runViewTimer.setInterval(50ms);
    connect(&m_runViewTimer, &QTimer::timeout, this, &GlobalRunnerView::showSelectedRun);
    setEnabled(false);
}

GlobalRunnerView::~GlobalRunnerView() = default;

QDoubleSpinBox *GlobalRunnerView::intervalSpinBox() const
{
    return ui->intervalSpinBox;
}

Watch *GlobalRunnerView::watch() const
{
    return m_watch;
}

QComboBox *GlobalRunnerView::watchCombo() const
{
    return ui->watchCombo;
}

QList<QAction *> GlobalRunnerView::runActions() const
{
    return {ui->pauseWatchAction, ui->runNowAction};
}

QList<QAction *> GlobalRunnerView::watchActions() const
{
    return {ui->newWatchAction, ui->editWatchAction, ui->removeWatchAction};
}

void GlobalRunnerView::setWatchManager(WatchManager *manager)
{
    m_manager = manager;
    ui->watchCombo->setModel(manager->model());
    setHistoryShown(manager->isHistoryShown());
    // A watch that goes: this window shows the default one instead. Names and sources that
    // change: the same watch, shown anew.
    connect(manager, &WatchManager::watchAboutToBeRemoved, this, [this](Watch *watch) {
        if (watch == m_watch && m_manager)
            showWatch(m_manager->defaultWatch());
    });
    connect(manager, &WatchManager::watchRemoved, this, [this] {
        // The combo box may have moved to another row with the removed one.
        if (m_manager && m_watch)
            ui->watchCombo->setCurrentIndex(m_manager->rowOf(m_watch));
    });
    showWatch(manager->defaultWatch());
}

void GlobalRunnerView::showWatch(Watch *watch)
{
    if (!watch) {
        setEnabled(false);
        return;
    }
    if (m_watch) {
        disconnect(m_watch, nullptr, this, nullptr);
        disconnect(m_watch->history(), &WatchHistory::seriesChanged, this, nullptr);
    }
    m_watch = watch;
    m_runner = watch->runner();
    // One watch shown in many windows changes in all of them at once: in a window in the
    // background, shown on a later turn of the event loop (see RefreshQueue).
    connect(watch, &Watch::stateChanged, this, [this] { m_stateRefresh.request(); });
    connect(watch, &Watch::definitionChanged, this, &GlobalRunnerView::onDefinitionChanged);
    connect(watch->history(), &WatchHistory::seriesChanged, this, [this] {
        ensureChart();
        if (m_chart)
            m_chart->seriesChanged();
    });
    m_runsAtOpen = m_runner.state().runs;
    m_resultsBefore = 0;
    m_resultsSinceOpened = 0;
    m_followLatest = true;
    if (m_manager)
        ui->watchCombo->setCurrentIndex(m_manager->rowOf(watch));
    setEnabled(!m_runner.isNull());
    onDefinitionChanged();
}

void GlobalRunnerView::onDefinitionChanged()
{
    if (!m_watch)
        return;
    if (m_watch->runner() != m_runner) {
        // A new source or name: a new runner, whose results count on from the old one's.
        m_resultsBefore = m_resultsSinceOpened;
        m_runner = m_watch->runner();
        m_runsAtOpen = 0;
    }
    ui->headingLabel->setText(tr("Global TaskRunner %1").arg(m_runner.id()));
    placeRunState();
    // A key too long for the view ends in "…"; the tooltip has all of it.
    ui->keyLabel->setText(tr("Key: %1").arg(m_watch->name()));
    ui->keyLabel->setToolTip(m_watch->name());
    if (m_watch->name() != std::exchange(m_shownName, m_watch->name()))
        emit watchChanged();
    ui->watchCombo->setToolTip(m_watch->definition().sourceText());
    if (m_historyView && m_historyView->model() != m_watch->history())
        attachHistory();
    if (m_chart) {
        m_chart->setSeries(&m_watch->history()->series(), m_watch->history()->numberFormat());
        m_chart->setVisible(!m_watch->history()->series().isEmpty());
    }
    updateActions();
    showState();
    ensureChart();
}

void GlobalRunnerView::updateActions()
{
    const bool isDefault = !m_watch || m_watch->definition().isDefault();
    ui->removeWatchAction->setEnabled(!isDefault);
    ui->editWatchAction->setEnabled(m_watch);
    for (QAction *action : runActions())
        action->setEnabled(!m_runner.isNull());
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
    if (m_runner.setInterval(seconds) && m_manager)
        m_manager->saveInterval(m_watch, seconds);
}

void GlobalRunnerView::onEditingFinished()
{
    // A value typed while another window changed the interval wins: it is the newer edit.
    if (std::exchange(m_skippedWhileEditing, false))
        applyEditedInterval(ui->intervalSpinBox->value());
    showState();
}

QString GlobalRunnerView::waitText(std::chrono::milliseconds wait)
{
    const QLocale locale;
    const qint64 ms = std::max<qint64>(wait.count(), 0);
    if (ms < 10'000)
        return tr("%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 1));
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return tr("%1 s").arg(locale.toString(s));
    if (s < 3600)
        return tr("%1 min %2 s").arg(locale.toString(s / 60), locale.toString(s % 60));
    const qint64 minutes = (s + 30) / 60;
    if (minutes < 24 * 60)
        return tr("%1 h %2 min").arg(locale.toString(minutes / 60), locale.toString(minutes % 60));
    const qint64 hours = (minutes + 30) / 60;
    return tr("%1 d %2 h").arg(locale.toString(hours / 24), locale.toString(hours % 24));
}

QString GlobalRunnerView::runStateText() const
{
    return ui->runStateLabel->text();
}

void GlobalRunnerView::showRunState(const TaskRunner::GlobalRunnerState &state)
{
    if (state.interval != m_runStateInterval)
        placeRunState(); // "next run in 1 h 30 min" needs more room than "in 9.9 s"
    QString text;
    QString tip;
    bool ticking = false;
    if (state.stopped) {
        text = tr("stopped");
    } else if (state.running) {
        text = state.runRequested ? tr("running · run requested") : tr("running");
    } else if (state.runRequested) {
        text = tr("run requested");
    } else if (state.paused) {
        text = tr("paused");
    } else if (state.nextRunMSecs > 0) {
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
            state.nextRun - std::chrono::steady_clock::now());
        if (wait >= 60s) {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(state.nextRunMSecs);
            const QString when =
                at.date() == QDate::currentDate() ? clockText(at.time()) : dateTimeText(at);
            text = tr("next run in %1").arg(waitText(wait));
            tip = tr("The next run starts at %1").arg(when);
        } else {
            text = tr("next run in %1").arg(waitText(wait));
        }
        ticking = wait >= 2s;
    } else {
        text = tr("starting");
    }
    if (ticking != m_clock.isActive()) {
        if (ticking)
            m_clock.start();
        else
            m_clock.stop();
    }
    ui->runStateLabel->setText(text);
    if (ui->runStateLabel->toolTip() != tip)
        ui->runStateLabel->setToolTip(tip);
}

void GlobalRunnerView::showState()
{
    if (m_runner.isNull())
        return;
    const TaskRunner::GlobalRunnerState state = m_runner.state();
    if (isBeingEdited()) {
        m_skippedWhileEditing = true;
    } else if (shown(ui->intervalSpinBox->value()) != shown(state.interval)) {
        {
            const QSignalBlocker blocker(ui->intervalSpinBox); // not an edit: not sent back
            ui->intervalSpinBox->setValue(state.interval);
        }
        ui->intervalSpinBox->refreshHint();
    }
    showRunState(state);
    // As the history and the chart write it: a sampler's number with its unit.
    QString result = tr("None", "no result");
    if (!state.lastResult.isNull()) {
        result =
            WatchHistory::valueText(state.lastResult, m_watch ? m_watch->history()->numberFormat()
                                                              : WatchDefinition::NumberFormat());
    }
    setCopyableText(ui->lastResultLabel, tr("Last Result: %1").arg(result),
                    state.lastResult.isValid());
    setCopyableText(
        ui->lastExceptionLabel,
        tr("Last Exception: %1").arg(state.lastError.isEmpty() ? tr("None") : state.lastError),
        !state.lastError.isEmpty());
    m_resultsSinceOpened = m_resultsBefore + (state.runs - std::min(state.runs, m_runsAtOpen));
    setSteadyText(ui->resultsLabel, tr("%n results produced during this session", "",
                                       int(std::min<quint64>(m_resultsSinceOpened, INT_MAX))));
    const QString pauseText = state.paused ? tr("&Resume") : tr("&Pause");
    // The button's accessible name is its text: setText() alone announces the change, once.
    if (ui->pauseButton->text() != pauseText) {
        ui->pauseButton->setText(pauseText);
        ui->pauseWatchAction->setText(state.paused ? tr("&Resume Watch") : tr("&Pause Watch"));
    }
    showHistory();
}

void GlobalRunnerView::setHistoryShown(bool shown)
{
    m_historyShown = shown;
    if (ui->historyButton->isChecked() != shown)
        ui->historyButton->setChecked(shown);
    ui->historyButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    ui->historySplitter->setVisible(shown);
    // Open, the history takes the room below; closed, the room stays empty.
    ui->bottomSpacer->changeSize(0, 0, QSizePolicy::Minimum,
                                 shown ? QSizePolicy::Fixed : QSizePolicy::Expanding);
    ui->layout->invalidate();
    if (shown) {
        showHistory();
        askForRoom();
    }
}

int GlobalRunnerView::roomWanted() const
{
    // What every part asks for at this width (wrapped labels as they wrap here): the chart's
    // lines, four runs in the list and six lines of the shown run with its details. Before
    // the first run the placeholder holds the history's place: the list and the run view
    // to come are asked for already, so the window does not grow again with the first run.
    int wanted = ui->layout->hasHeightForWidth() ? ui->layout->totalHeightForWidth(width())
                                                 : ui->layout->totalSizeHint().height();
    if (m_historyShown && !m_historyView) {
        const int lines = fontMetrics().lineSpacing();
        const int frames = 4 * style()->pixelMetric(QStyle::PM_DefaultFrameWidth);
        wanted += 4 * (fontMetrics().height() + 2) + 7 * lines + frames +
                  ui->historySplitter->handleWidth() + ui->layout->spacing() -
                  ui->historyPlaceholder->sizeHint().height();
    }
    return wanted;
}

void GlobalRunnerView::askForRoom()
{
    // Once the layout has given the new parts their heights (a posted layout request first).
    if (m_roomAsked || !window()->isVisible())
        return;
    m_roomAsked = true;
    QMetaObject::invokeMethod(this, &GlobalRunnerView::makeRoom, Qt::QueuedConnection);
}

void GlobalRunnerView::makeRoom()
{
    m_roomAsked = false;
    QWidget *top = window();
    if (!top->isVisible() || top->isMaximized() || top->isFullScreen())
        return;
    // The window's default height leaves the history a couple of lines (most of a window's
    // memory is its backing store): opened, it makes the window taller, as a disclosure in a
    // dialog does, by what its parts lack, as far as the screen has room (moved up if need be).
    const int missing = roomWanted() - height();
    const QScreen *screen = top->screen();
    if (missing <= 0 || !screen)
        return;
    const QRect area = screen->availableGeometry();
    const QRect frame = top->frameGeometry();
    const int grow = std::min(missing, area.height() - frame.height());
    if (grow <= 0)
        return;
    const int up = std::max(frame.bottom() + grow - area.bottom(), 0);
    if (m_heightBeforeRoom < 0)
        m_heightBeforeRoom = top->height();
    m_fitSplitWhenResized = true; // now (offscreen) or when the window manager has sized it
    // One request: a move and then a resize make two, and the window manager may take the
    // resize from the old place.
    const QRect client = top->geometry();
    top->setGeometry(client.x(), client.y() - up, client.width(), client.height() + grow);
    m_grownTo = top->height();
}

void GlobalRunnerView::fitHistorySplit()
{
    // A splitter shares a new height in proportion to what its parts have: a list made while
    // the window was short would stay at two rows. The list gets the four rows it asks for as
    // far as the run view keeps its least height, the run view the rest.
    if (!m_historyView || !m_runView)
        return;
    const int room = ui->historySplitter->height() - ui->historySplitter->handleWidth();
    const int runLeast = m_runView->minimumHeight(); // set, it is what the splitter keeps
    const int list = std::min(m_historyView->sizeHint().height(), room - runLeast);
    if (list >= m_historyView->minimumHeight())
        ui->historySplitter->setSizes({list, room - list});
}

void GlobalRunnerView::giveBackRoom()
{
    // Closed again, the window gets its height back, unless the user has sized it since. Once
    // the layout has lowered the window's least height (resize() keeps to the old one).
    const int before = std::exchange(m_heightBeforeRoom, -1);
    QWidget *top = window();
    if (before < 0 || top->height() != m_grownTo)
        return;
    QTimer::singleShot(0, this, [this, before] {
        QWidget *top = window();
        if (m_historyShown || top->height() != m_grownTo || top->isMaximized() ||
            top->isFullScreen())
            return;
        // The least height without the history, from here up (resize() keeps to the old one).
        for (QWidget *widget = this; widget; widget = widget->parentWidget()) {
            if (QLayout *layout = widget->layout())
                layout->activate();
        }
        top->resize(top->width(), before);
    });
}

void GlobalRunnerView::showHistory()
{
    if (!m_historyShown || !m_watch || m_watch->history()->rowCount() == 0)
        return;
    ensureHistory();
    if (m_followLatest) {
        const QModelIndex latest = m_watch->history()->index(0);
        if (m_historyView->selectionModel()->currentIndex() != latest) {
            m_selecting = true;
            m_historyView->selectionModel()->setCurrentIndex(latest,
                                                             QItemSelectionModel::ClearAndSelect);
            m_selecting = false;
        }
    }
    if (!m_runViewTimer.isActive())
        m_runViewTimer.start();
}

void GlobalRunnerView::showSelectedRun()
{
    if (!m_runView || !m_watch)
        return;
    const QModelIndex current = m_historyView->selectionModel()->currentIndex();
    m_runView->showEntry(m_watch->history(), current.isValid() ? current.row() : 0);
}

void GlobalRunnerView::ensureHistory()
{
    if (m_historyView)
        return;
    // A list view and a text view are the most expensive widgets here, and an empty one says no
    // more than the placeholder: they replace it with the watch's first run.
    auto *view = new HistoryListView(this);
    view->setObjectName(QStringLiteral("historyView"));
    view->setAccessibleName(tr("History"));
    view->setAccessibleDescription(
        tr("The watch's runs, newest first; runs with the same outcome are one entry"));
    view->setUniformItemSizes(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setTextElideMode(Qt::ElideRight);
    FrameOverlay::install(view);
    m_runView = new WatchRunView(this);
    m_runView->setObjectName(QStringLiteral("watchRunView"));
    // A few lines each at least: the window's least height stays what it was.
    const int lines = fontMetrics().lineSpacing();
    view->setMinimumHeight(2 * lines + 2 * view->frameWidth());
    m_runView->setMinimumHeight(4 * lines);
    // The splitter lets go of the placeholder it gives back: this view keeps it, hidden, for
    // retranslateUi().
    if (QWidget *placeholder = ui->historySplitter->replaceWidget(
            ui->historySplitter->indexOf(ui->historyPlaceholder), view)) {
        placeholder->setParent(this);
        placeholder->hide();
    }
    ui->historySplitter->addWidget(m_runView);
    ui->historySplitter->setStretchFactor(ui->historySplitter->indexOf(view), 2);
    ui->historySplitter->setStretchFactor(ui->historySplitter->indexOf(m_runView), 3);
    setTabOrder(ui->historyButton, view);
    setTabOrder(view, m_runView);
    m_historyView = view;
    attachHistory();
    view->show();
    m_runView->show();
    fitHistorySplit();
    askForRoom();
}

void GlobalRunnerView::attachHistory()
{
    WatchHistory *history = m_watch->history();
    disconnect(m_insertedConnection);
    m_historyView->setModel(history); // a new selection model
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_selecting)
                    m_followLatest = current.row() <= 0;
                showSelectedRun();
            });
    // New runs come in at the top: a list scrolled down to older runs stays where it is.
    m_insertedConnection = connect(history, &QAbstractItemModel::rowsInserted, this,
                                   [this](const QModelIndex &, int first, int last) {
                                       QScrollBar *bar = m_historyView->verticalScrollBar();
                                       if (first == 0 && bar->value() > 0 && !m_followLatest)
                                           bar->setValue(bar->value() + (last - first + 1));
                                   });
    m_runView->clear();
}

void GlobalRunnerView::ensureChart()
{
    if (!m_watch)
        return;
    const NumericSeries &series = m_watch->history()->series();
    if (m_chart) {
        m_chart->setVisible(!series.isEmpty());
        return;
    }
    if (series.isEmpty())
        return;
    m_chart = new WatchChart(this);
    m_chart->setSeries(&series, m_watch->history()->numberFormat());
    // Above the history, shown whether the history is open or not.
    ui->layout->insertWidget(ui->layout->indexOf(ui->historyButton), m_chart, 1);
    setTabOrder(ui->runNowButton, m_chart);
    m_chart->show();
    askForRoom();
}

bool GlobalRunnerView::newWatch()
{
    if (!m_manager)
        return false;
    WatchDialog dialog(m_manager->names(), this);
    if (dialog.exec() != QDialog::Accepted || !m_manager)
        return false;
    QString error;
    Watch *watch = m_manager->addWatch(dialog.definition(), &error);
    if (!watch)
        return false;
    showWatch(watch);
    return true;
}

bool GlobalRunnerView::editWatch()
{
    if (!m_manager || !m_watch)
        return false;
    QStringList others = m_manager->names();
    others.removeAll(m_watch->name());
    WatchDialog dialog(others, this);
    WatchDefinition current = m_watch->definition();
    current.interval = m_runner.interval();
    dialog.setDefinition(current);
    // Another window may remove the watch while the dialog is open: then nothing is changed.
    const QPointer<Watch> editing = m_watch;
    if (dialog.exec() != QDialog::Accepted || !editing || editing != m_watch || !m_manager)
        return false;
    return m_manager->editWatch(editing, dialog.definition());
}

bool GlobalRunnerView::removeWatch()
{
    if (!m_manager || !m_watch || m_watch->definition().isDefault())
        return false;
    ConfirmDialog dialog(this);
    dialog.setWindowTitle(tr("Remove Watch"));
    dialog.setText(tr("Remove the watch '%1'?").arg(m_watch->name()),
                   tr("It stops, and its history is gone. Windows that show it show '%1'.")
                       .arg(WatchDefinition::defaultName()));
    dialog.setAcceptText(tr("&Remove"));
    const QPointer<Watch> removing = m_watch;
    if (dialog.exec() != QDialog::Accepted || !removing || !m_manager)
        return false;
    return m_manager->removeWatch(removing);
}

void GlobalRunnerView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // A window that opens with the history shown (the last choice) makes room for it once.
    if (!std::exchange(m_shownBefore, true) && m_historyShown)
        askForRoom();
}

void GlobalRunnerView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        m_stateRefresh.flush();
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange)
        placeRunState();
}

bool GlobalRunnerView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == ui->historySplitter && event->type() == QEvent::Resize &&
        std::exchange(m_fitSplitWhenResized, false))
        fitHistorySplit();
    return QWidget::eventFilter(watched, event);
}

void GlobalRunnerView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeRunState();
}

void GlobalRunnerView::placeRunState()
{
    // The state sits right of the heading while both fit ("next run in 9.9 s", or in as long
    // as the interval is if longer: the longest it says for a while, measured), else on a
    // line of its own under it: in a narrow window or a longer language it is not cut.
    // Decided by the width and the interval alone, so it does not move between the two places
    // as its text changes. The rare longer ones, such as a Run Now while it runs, end in "…"
    // for the moment they are shown.
    m_runStateInterval = m_runner.isNull() ? 0 : m_runner.interval();
    const auto interval =
        std::chrono::milliseconds(qint64(std::min(m_runStateInterval, 1e9) * 1000));
    const int state = ui->runStateLabel->fontMetrics().horizontalAdvance(
        tr("next run in %1").arg(waitText(std::max<std::chrono::milliseconds>(9900ms, interval))));
    const int width = ui->layout->contentsRect().width();
    if (width <= 0)
        return; // not laid out yet: its first resize decides
    const int spacing = std::max(ui->headingRow->spacing(), 0);
    const bool below = ui->headingLabel->sizeHint().width() + spacing + state > width;
    if (below == m_runStateBelow)
        return;
    m_runStateBelow = below;
    ui->runStateLabel->setAlignment((below ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    if (below) {
        ui->headingRow->removeWidget(ui->runStateLabel);
        ui->layout->insertWidget(ui->layout->indexOf(ui->headingRow) + 1, ui->runStateLabel);
    } else {
        ui->layout->removeWidget(ui->runStateLabel);
        ui->headingRow->addWidget(ui->runStateLabel, 1);
    }
}

void GlobalRunnerView::retranslate()
{
    ui->retranslateUi(this);
    if (m_watch)
        onDefinitionChanged();
}
