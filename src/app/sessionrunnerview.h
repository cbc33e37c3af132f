#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class QTreeWidget;
class SessionTaskRunner;
struct SessionRunnerState;
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

    // The runner is not owned; the view stops showing it once it is deleted.
    void setRunner(SessionTaskRunner *runner);

    // Queues the reference's example task ("task").
    void addTask();
    void clearQueue();

signals:
    // Emitted after the view showed a new state (main thread).
    void stateShown(const SessionRunnerState &state);

private:
    void showState();
    QTreeWidget *historyView();

    std::unique_ptr<Ui::SessionRunnerView> ui;
    QPointer<SessionTaskRunner> m_runner;
    QTreeWidget *m_historyView = nullptr; // made with the first finished task
    quint64 m_shownHistoryHead = 0;       // number of the newest task in the history view
};
