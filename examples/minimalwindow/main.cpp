// minimalwindow: a Widgets window with one session runner and one watch.
//
// The button queues the reference's example task (it waits a second, then returns the time) on
// the window's own SessionRunner; a label shows the queue's status and the last result. Below,
// the shared global runner for the key "example-worker" runs the same work again and again,
// 0.33 s apart, and the window shows its last result and its interval.

#include <TaskRunner/exampleworkers.h>
#include <TaskRunner/globalrunnerregistry.h>
#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWidget>

class Window : public QWidget
{
public:
    Window()
    {
        setWindowTitle(tr("Task Runner: minimal window"));
        auto *addButton = new QPushButton(tr("&Add Task"));
        auto *status = new QLabel;
        auto *sessionResult = new QLabel;
        auto *watch = new QLabel;
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(addButton);
        layout->addWidget(status);
        layout->addWidget(sessionResult);
        layout->addSpacing(12);
        layout->addWidget(watch);

        // The window's session: a FIFO queue of tasks run one at a time on a thread of its own.
        // The window holds the only handle, so the runner stops when the window goes.
        m_session = TaskRunner::SessionRunner::create(TaskRunner::exampleSessionWorker());
        connect(addButton, &QPushButton::clicked, this, [this] { m_session.append(QVariant()); });

        // A RunnerWatcher emits in the thread that made it (here the GUI thread), coalesced
        // however fast the runner changes: read the runner's state() in the slot.
        connect(&m_sessionWatcher, &TaskRunner::RunnerWatcher::stateChanged, this,
                [this, status, sessionResult] {
                    const TaskRunner::SessionRunnerState state = m_session.state();
                    status->setText(state.statusText());
                    sessionResult->setText(tr("Last Result: %1").arg(state.lastResultText()));
                });
        m_sessionWatcher.setRunner(m_session);

        // The watch: one global runner per key in the process, whoever asks for it. Only the
        // first acquire() starts it; the registry stops it when the application quits.
        m_watch = TaskRunner::GlobalRunnerRegistry::instance()->acquire(
            QString::fromLatin1(TaskRunner::exampleGlobalKey), TaskRunner::exampleGlobalWorker(),
            TaskRunner::exampleGlobalInterval);
        connect(&m_watchWatcher, &TaskRunner::RunnerWatcher::stateChanged, this, [this, watch] {
            const TaskRunner::GlobalRunnerState state = m_watch.state();
            watch->setText(tr("%1, every %2 s\nLast Result: %3")
                               .arg(state.key)
                               .arg(state.interval)
                               .arg(TaskRunner::displayText(state.lastResult)));
        });
        m_watchWatcher.setRunner(m_watch);
    }

private:
    TaskRunner::SessionRunner m_session;
    TaskRunner::RunnerWatcher m_sessionWatcher;
    TaskRunner::GlobalRunner m_watch;
    TaskRunner::RunnerWatcher m_watchWatcher;
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Window window;
    window.show();
    return app.exec();
}
