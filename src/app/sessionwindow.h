#pragma once

#include <TaskRunner/sessionrunner.h>

#include <QMainWindow>
#include <QPointer>

#include <memory>

class AppController;
class NoticeBar;
namespace TaskRunner {
struct SavedSession;
}
class GlobalRunnerView;
class QLabel;
class SessionRunnerView;
class Watch;
namespace Ui {
class SessionWindow;
}

// One window, one session: the window owns its SessionRunner from construction until it
// closes, when it stops it without waiting (the runner finishes in the background). Deleted
// on close. The session has an id that survives a restart (it is restored with its tasks).
class SessionWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Shows `watch` in its global view, or the one the controller's options name.
    SessionWindow(AppController *controller, int number, TaskRunner::SessionWorker worker,
                  const QString &sessionId = QString(),
                  const TaskRunner::RunnerOptions &options = {}, Watch *watch = nullptr,
                  QWidget *parent = nullptr);
    ~SessionWindow() override;

    int number() const { return m_number; }
    // The size of a new window: from the font's metrics, within the screen.
    QSize defaultSize() const;
    // The session's runner; stopped once the window closed.
    TaskRunner::SessionRunner runner() const { return m_runner; }
    SessionRunnerView *sessionView() const;
    GlobalRunnerView *globalView() const;
    QString sessionId() const { return m_sessionId; }

    // Queues the tasks of a session of the last run (the runner was made paused), shows the
    // one that was running as interrupted (stopped by the quit, or by the end of a run that
    // did not quit), and offers Resume and Discard.
    void restore(const TaskRunner::SavedSession &saved, bool lastRunQuit);
    // The last run did not quit (a crash, kill -9, a power cut): said in the restore notice.
    void noteUncleanShutdown();
    // This session as it is now, for the next launch (converts the whole queue).
    TaskRunner::SavedSession savedSession(int position) const;
    // The same without the tasks (cheap): what TaskPersistence::savedSession() completes with
    // runner()'s tasks, on any thread.
    TaskRunner::SavedSession sessionDetails(int position) const;
    // Tells the user something once, in the window's notice bar.
    void showNotice(const QString &text);
    NoticeBar *noticeBar() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showSessionState(const TaskRunner::SessionRunnerState &state);
    void showRestoreNotice();

    std::unique_ptr<Ui::SessionWindow> ui;
    QPointer<AppController> m_controller;
    TaskRunner::SessionRunner m_runner;
    QLabel *m_statusLabel = nullptr;
    const int m_number;
    const QString m_sessionId;
    // What the session store last heard of: a change of any of these saves the session.
    quint64 m_savedRevision = 0;
    quint64 m_savedAppended = 0;
    TaskRunner::TaskId m_savedRunning = 0;
    bool m_savedPaused = false;
    int m_restoredTasks = -1;                // -1: not restored
    QList<TaskRunner::TaskId> m_restoredIds; // what Discard drops (not tasks queued since)
    int m_unreadableTasks = 0;
    bool m_uncleanShutdown = false;
};
