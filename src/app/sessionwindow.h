#pragma once

#include <TaskRunner/sessionrunner.h>

#include <QMainWindow>
#include <QPointer>

#include <memory>

class AppController;
class GlobalRunnerView;
class QLabel;
class SessionRunnerView;
class Watch;
namespace Ui {
class SessionWindow;
}

// One window, one session: the window owns its SessionTaskRunner from construction until it
// closes, when it stops it without waiting (the runner finishes in the background). Deleted
// on close.
class SessionWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Shows `watch` in its global view, or the one the controller's options name.
    SessionWindow(AppController *controller, int number, TaskRunner::SessionWorker worker,
                  Watch *watch = nullptr, QWidget *parent = nullptr);
    ~SessionWindow() override;

    int number() const { return m_number; }
    // The size of a new window: from the font's metrics, within the screen.
    QSize defaultSize() const;
    // The session's runner; stopped once the window closed.
    TaskRunner::SessionRunner runner() const { return m_runner; }
    SessionRunnerView *sessionView() const;
    GlobalRunnerView *globalView() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showSessionState(const TaskRunner::SessionRunnerState &state);

    std::unique_ptr<Ui::SessionWindow> ui;
    QPointer<AppController> m_controller;
    TaskRunner::SessionRunner m_runner;
    QLabel *m_statusLabel = nullptr;
    const int m_number;
};
