#pragma once

#include "refreshqueue.h"

#include <TaskRunner/globalrunner.h>

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QListView;
class Watch;
class WatchChart;
class WatchManager;
class WatchRunView;
namespace Ui {
class GlobalRunnerView;
}

// Shows one watch (a shared global runner) in one window: the combo box of every watch with
// New, Edit and Remove, the interval spin box bound to the runner, the state, the last result
// and error, the results since this window showed the watch, and, built when there is
// something to show, the history (newest first) with the shown run in full and what changed in
// it, and a chart of the numbers.
//
// The interval spin box: an edit here (Enter, focus out, arrows, wheel) sets the runner's
// interval (and saves it), and a change made anywhere else is shown here, except while the
// user is typing in this spin box, so no edit is lost and no change bounces back.
class GlobalRunnerView : public QWidget
{
    Q_OBJECT
public:
    explicit GlobalRunnerView(QWidget *parent = nullptr);
    ~GlobalRunnerView() override;

    // The watches to list and change; the view shows the manager's default watch until
    // showWatch().
    void setWatchManager(WatchManager *manager);
    // Shows `watch` (results are counted from this call on).
    void showWatch(Watch *watch);
    Watch *watch() const;
    TaskRunner::GlobalRunner runner() const { return m_runner; }

    // Dialogs of the actions: false when the user cancelled.
    bool newWatch();
    bool editWatch();
    bool removeWatch();
    // The history, the shown run and its changes: hidden until the user opens them (each
    // window; new windows follow the last choice), and built when first shown.
    void setHistoryShown(bool shown);
    bool isHistoryShown() const { return m_historyShown; }
    // New Watch…, Edit Watch…, Remove Watch, for the window's menu.
    QList<QAction *> watchActions() const;
    // Pause or resume the shown watch, and Run Now: the buttons' actions, for the Watch menu.
    QList<QAction *> runActions() const;

    QDoubleSpinBox *intervalSpinBox() const;
    QComboBox *watchCombo() const;
    // Built when first needed: null until then.
    QListView *historyView() const { return m_historyView; }
    WatchRunView *runView() const { return m_runView; }
    WatchChart *chart() const { return m_chart; }
    // Results the watch produced since this window showed it.
    quint64 resultsSinceOpened() const { return m_resultsSinceOpened; }
    // "running", "next run in 4.2 s", "paused", ...
    QString runStateText() const;
    // A duration to wait as a person reads it: "0.3 s", "42 s", "12 min 5 s", "3 h 20 min",
    // "2 d 4 h", in the locale's digits.
    static QString waitText(std::chrono::milliseconds wait);

signals:
    // Another watch is shown, or the shown one got another name or source.
    void watchChanged();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showState();
    void showRunState(const TaskRunner::GlobalRunnerState &state);
    void showHistory();
    void showSelectedRun();
    void ensureHistory();
    void ensureChart();
    void attachHistory();
    // The height the chart and the open history want, and making the window that much taller
    // (a queued makeRoom()) when it has less; giving it back when the history is closed.
    int roomWanted() const;
    void askForRoom();
    void makeRoom();
    void giveBackRoom();
    void fitHistorySplit();
    // Beside the heading, or under it when the two do not fit side by side.
    void placeRunState();
    void onDefinitionChanged();
    void applyEditedInterval(double seconds);
    void onEditingFinished();
    bool isBeingEdited() const;
    void updateActions();
    void retranslate();

    std::unique_ptr<Ui::GlobalRunnerView> ui;
    QPointer<WatchManager> m_manager;
    QPointer<Watch> m_watch;
    TaskRunner::GlobalRunner m_runner;
    QListView *m_historyView = nullptr; // with the watch's first entry
    WatchRunView *m_runView = nullptr;  // likewise
    WatchChart *m_chart = nullptr;      // with the first number
    QMetaObject::Connection m_insertedConnection;
    QTimer m_clock;        // ticks "next run in …" for long pauses
    QTimer m_runViewTimer; // at most 20 renders of the shown run per second
    BackgroundRefresh m_stateRefresh{this, [this] { showState(); }};
    quint64 m_runsAtOpen = 0;
    quint64 m_resultsBefore = 0; // by the watch's earlier runners while shown here
    quint64 m_resultsSinceOpened = 0;
    bool m_followLatest = true; // the run view shows the newest run
    bool m_historyShown = false;
    bool m_selecting = false; // the view itself moves the selection
    bool m_skippedWhileEditing = false;
    bool m_roomAsked = false;
    bool m_shownBefore = false;
    bool m_runStateBelow = false;
    double m_runStateInterval = 0;      // the interval placeRunState() measured for
    QString m_shownName;                // of the watch shown, as watchChanged() last told
    bool m_fitSplitWhenResized = false; // the window grew: share the splitter's new height
    int m_heightBeforeRoom = -1;        // the window's height before the history made room, or -1
    int m_grownTo = 0;                  // its height after makeRoom()
};
