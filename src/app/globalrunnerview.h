#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

#include <TaskRunner/globalrunner.h>
#include <TaskRunner/runnerwatcher.h>

class QDoubleSpinBox;
namespace Ui {
class GlobalRunnerView;
}

// Shows the shared global runner in one window and binds its interval spin box to it: an
// edit here (Enter, focus out, arrows, wheel) sets the runner's interval, and a change made
// anywhere else is shown here, except while the user is typing in this spin box, so no edit
// is lost and no change bounces back.
class GlobalRunnerView : public QWidget
{
    Q_OBJECT
public:
    explicit GlobalRunnerView(QWidget *parent = nullptr);
    ~GlobalRunnerView() override;

    // Results are counted from this call on.
    void setRunner(const TaskRunner::GlobalRunner &runner);
    // Called with every interval the user sets here (to save it).
    void setIntervalEditedHandler(std::function<void(double)> handler);

    QDoubleSpinBox *intervalSpinBox() const;
    // Results the runner produced since setRunner().
    quint64 resultsSinceOpened() const { return m_resultsSinceOpened; }

private:
    void showState();
    void applyEditedInterval(double seconds);
    void onEditingFinished();
    bool isBeingEdited() const;

    std::unique_ptr<Ui::GlobalRunnerView> ui;
    TaskRunner::GlobalRunner m_runner;
    TaskRunner::RunnerWatcher m_watcher;
    std::function<void(double)> m_intervalEdited;
    quint64 m_runsAtOpen = 0;
    quint64 m_resultsSinceOpened = 0;
    bool m_skippedWhileEditing = false;
};
