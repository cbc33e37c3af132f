#pragma once

#include "refreshqueue.h"
#include "tasktablemodel.h"

#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <functional>
#include <memory>

class QAction;
namespace TaskRunner {
struct HistoryEntry;
}
class QTableView;
class TaskOutputView;
namespace Ui {
class SessionRunnerView;
}

// Shows one session runner and feeds it tasks: the command field (empty: the reference's
// example task), the session's tasks as a table, the selected task's output, the running task's
// progress, and the actions on the selected task. Reads the runner on its notifications only;
// never touches the runner's thread. The table and the output view are built when first needed.
class SessionRunnerView : public QWidget
{
    Q_OBJECT
public:
    explicit SessionRunnerView(QWidget *parent = nullptr);
    ~SessionRunnerView() override;

    // The view shows `runner` and feeds it tasks from now on.
    void setRunner(const TaskRunner::SessionRunner &runner);
    TaskRunner::SessionRunner runner() const { return m_runner; }

    // The earlier commands for Up/Down, oldest first, and where to report a new one.
    void setCommandHistory(const QStringList &history);
    void setCommandUsedHandler(std::function<void(const QString &)> handler);

    // Queues what the command field holds (one example task when it is empty). False, with a
    // message, when the line cannot be a command.
    bool addTask();
    // Queues the reference's example task.
    void addExampleTask();
    // Queues a command line as typed; false (with the reason) when it is not one.
    bool addCommand(const QString &line, bool useShell, QString *error = nullptr);
    // Queues each line as a command, after asking when there are several. Returns how many.
    int addCommands(const QStringList &lines, bool ask = true);
    qsizetype clearQueue();
    // Queues a task of the history again: its command line (through a shell when it ran
    // through one), in its folder; an example task as one. False when it cannot be queued.
    bool addAgain(const TaskRunner::HistoryEntry &entry);
    // Shows a task of an earlier run that was running when that run ended: ended, interrupted,
    // with `outcome` saying how. A time not known is 0.
    void showInterruptedTask(const QVariant &task, qint64 queuedMSecs, qint64 startedMSecs,
                             const QString &outcome);

    // The actions on the selected task and on the queue, for the window's menu.
    QList<QAction *> taskActions() const;
    QAction *pauseQueueAction() const;

    // Tasks waiting or running that are commands (not example tasks).
    int commandsPending() const;

    QTableView *taskTable() const { return m_table; }
    TaskTableModel *taskModel() const { return m_model; }
    TaskOutputView *outputView() const { return m_outputView; }

    // The task and whether a task can be restored as a command: CommandSpec or the example.
    static QVariant exampleTask();
    static bool isExampleTask(const QVariant &task);
    static QString describeTask(const QVariant &task);
    // How long a task must have run for longTaskEnded(): 10 s.
    std::chrono::milliseconds longTaskDuration() const { return m_longTask; }
    void setLongTaskDuration(std::chrono::milliseconds duration) { m_longTask = duration; }

    // The least time between two updates of the view while its runner is busy: shorter while
    // its window is the active one.
    std::chrono::milliseconds updateGap() const { return m_watcher.minimumGap(); }

    // At least the height its wrapped labels need at its width, not one line each.
    QSize minimumSizeHint() const override;

signals:
    // Emitted after the view showed a new state (main thread).
    void stateShown(const TaskRunner::SessionRunnerState &state);
    // Something for the status bar (a refused command, what Clear Queue dropped).
    void message(const QString &text);
    // A task that ran for at least longTaskDuration() ended: for a desktop notification.
    void longTaskEnded(const QString &title, const QString &body);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fitUpdateRate();
    void showElapsed(); // the running task's progress and time, between states
    void showState();
    void updateActions();
    void showProgress(const TaskRunner::SessionRunnerState &state);
    void showSelectedOutput();
    void ensureTable();
    void fitNumberColumn();
    void fitTaskColumn();
    void queued(TaskRunner::TaskId id);
    void revealQueuedTask();
    void ensureOutputView();
    TaskRunner::TaskId selectedTask() const;
    // The selected row (a restored one too, which has no id), or null.
    const TaskTableModel::Row *selectedRow() const;
    void cancelSelected();
    void runSelectedAgain();
    void moveSelected(int how);
    void copySelectedCommand();
    void copySelectedOutput();
    void togglePause();
    void retranslate();
    void onRowFinished(int row);

    std::unique_ptr<Ui::SessionRunnerView> ui;
    TaskRunner::SessionRunner m_runner;
    TaskRunner::RunnerWatcher m_watcher;
    TaskTableModel *m_model = nullptr;      // with the first task
    QTableView *m_table = nullptr;          // with the first task
    TaskOutputView *m_outputView = nullptr; // with the first selection
    QTimer m_clock;                         // ticks the running task's elapsed time
    BackgroundRefresh m_stateRefresh{this, [this] { showState(); }};
    BackgroundRefresh m_clockRefresh{this, [this] { showElapsed(); }};
    std::function<void(const QString &)> m_commandUsed;
    int m_scrollBeforeRemoval = -1;
    // The task the user queued last, scrolled into sight once its row is there.
    TaskRunner::TaskId m_revealTask = 0;
    TaskRunner::TaskId m_revealAgain = 0; // scrolled to; again if the range changes at once
    int m_numberLength = 0; // characters of the number the number column was fitted to
    std::chrono::milliseconds m_longTask{10000};
};
