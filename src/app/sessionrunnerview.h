#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

class QTreeWidget;
namespace Ui {
class SessionRunnerView;
}

// Shows one session runner and feeds it tasks. Reads the runner's state on its stateChanged()
// only; never touches the runner's thread.
class SessionRunnerView : public QWidget
{
    Q_OBJECT
public:
    explicit SessionRunnerView(QWidget *parent = nullptr);
    ~SessionRunnerView() override;

    // The view shows `runner` and feeds it tasks from now on.
    void setRunner(const TaskRunner::SessionRunner &runner);

    // Queues the reference's example task ("task").
    void addTask();
    void clearQueue();

signals:
    // Emitted after the view showed a new state (main thread).
    void stateShown(const TaskRunner::SessionRunnerState &state);

private:
    void showState();
    QTreeWidget *historyView();

    std::unique_ptr<Ui::SessionRunnerView> ui;
    TaskRunner::SessionRunner m_runner;
    TaskRunner::RunnerWatcher m_watcher;
    QList<TaskRunner::TaskRecord> m_recent; // the newest finished tasks, oldest first
    quint64 m_nextSequence = 1;             // the next record to read
    QTreeWidget *m_historyView = nullptr;   // made with the first finished task
};
