#pragma once

#include "appoptions.h"
#include "appsettings.h"
#include <TaskRunner/globalrunner.h>
#include <TaskRunner/sessionrunner.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QTimer>

#include <TaskRunner/savedsession.h>

#include <functional>
#include <memory>
#include <type_traits>

class DesktopNotifier;
class HistoryRecorder;
class HistoryWindow;
class SessionSaver;
class SessionWindow;
class Watch;
class WatchManager;
class QWidget;
namespace TaskRunner {
class HistoryStore;
class SessionStore;
struct SavedSession;
} // namespace TaskRunner

// The application: opens session windows, owns the shared global runner's settings, and
// quits. Lives in the main thread.
class AppController : public QObject
{
    Q_OBJECT
public:
    explicit AppController(const AppOptions &options, QObject *parent = nullptr);
    ~AppController() override;

    // Reopens the sessions the last run left (paused, unless --no-restore), then opens the
    // windows the options ask for, with the options' queued tasks.
    void start();

    // Opens and shows one more session window, showing `watch` (by default the watch the
    // options name); with `saved`, the session of an earlier run, its tasks queued again,
    // paused.
    SessionWindow *newWindow(Watch *watch = nullptr,
                             const TaskRunner::SavedSession *saved = nullptr);
    // What a second launch asks of this instance (see SingleInstance): its windows, with its
    // tasks, showing the watch it names (made when there is none; its --interval set on the
    // running watch, not saved). Returns the windows opened.
    QList<SessionWindow *> openWindows(const AppOptions &request);
    // Closes every window (stopping their sessions) and leaves the event loop; on the way out
    // every runner is stopped within the shutdown grace (GlobalRunnerRegistry::shutdown()).
    // While commands wait or run, asks first (once for all windows) unless the user said not
    // to ask again; returns false when the user chose not to quit.
    bool quit();
    // The same without asking: for SIGINT and SIGTERM.
    void quitWithoutAsking();
    bool isQuitting() const { return m_quitting; }

    // Asks whether to stop `commands` commands (closing a window or quitting), unless the user
    // said not to ask again. True to go on.
    bool confirmStoppingCommands(QWidget *parent, int commands, bool quitting);
    // Commands waiting or running in every window.
    int commandsPending() const;

    // A desktop notification that raises `window` when activated.
    void notify(const QString &title, const QString &body, QWidget *window);
    void addToCommandHistory(const QString &command);

    QList<SessionWindow *> windows() const;
    // The runner of the watch the options name (it changes when that watch is edited).
    TaskRunner::GlobalRunner globalRunner() const;
    WatchManager *watchManager() const { return m_watches; }
    // The watch the options name: new windows show it.
    Watch *shownWatch() const;
    const AppOptions &options() const { return m_options; }
    AppSettings &settings() { return m_settings; }

    // The worker of the sessions opened from now on; the example worker by default.
    void setSessionWorker(TaskRunner::SessionWorker worker);
    template<
        typename Worker,
        std::enable_if_t<
            !std::is_invocable_v<Worker &, const QVariant &, TaskRunner::TaskContext &>, int> = 0>
    void setSessionWorker(Worker worker)
    {
        setSessionWorker(TaskRunner::SessionRunner::plainWorker(std::move(worker)));
    }

    // The task history and the saved sessions (on threads of their own).
    TaskRunner::HistoryStore *historyStore() const { return m_history.get(); }
    TaskRunner::SessionStore *sessionStore() const { return m_sessionStore.get(); }
    HistoryRecorder *historyRecorder() const { return m_recorder.get(); }
    // Opens (or raises) the History window.
    HistoryWindow *showHistory();
    // A session's queue changed: it is saved within SessionStore::coalesceMs.
    void sessionChanged(SessionWindow *window);
    // A window closed for good (not by quitting): its session is no longer restored.
    void sessionClosed(SessionWindow *window);
    // The sessions as they are now, for the next launch.
    QList<TaskRunner::SavedSession> savedSessions() const;

    void saveWindowGeometry(const QByteArray &geometry);
    void showAbout(QWidget *parent);

signals:
    void windowOpened(SessionWindow *window);
    // Quitting has begun: every window closes next.
    void quitting();

private:
    void saveDirtySessions();
    void restoreSession(const TaskRunner::SavedSession &saved);
    void restoreNext();
    // Opens the next of the windows the command line asked for, with its example tasks; null
    // when none is left (or the app quits).
    SessionWindow *openNextFresh();
    // Shows `message` in the active window (the first one, if none is open yet).
    void tellOnce(const QString &message);
    void onAboutToQuit();
    SessionWindow *activeWindow() const;

    const AppOptions m_options;
    AppSettings m_settings;
    WatchManager *m_watches = nullptr;
    TaskRunner::SessionWorker m_sessionWorker;
    QList<QPointer<SessionWindow>> m_windows;
    DesktopNotifier *m_notifier = nullptr;
    std::unique_ptr<TaskRunner::HistoryStore> m_history;
    std::unique_ptr<HistoryRecorder> m_recorder;
    std::unique_ptr<TaskRunner::SessionStore> m_sessionStore;
    std::unique_ptr<SessionSaver> m_sessionSaver; // goes before the store it writes to
    QPointer<HistoryWindow> m_historyWindow;
    // Each session of this run by its window's name ("Session 2"), for the History window.
    QHash<QString, QString> m_sessionNames;
    QList<QPointer<SessionWindow>> m_dirtySessions;
    QStringList m_pendingNotices;
    QList<TaskRunner::SavedSession> m_pendingRestore; // reopened one per event-loop turn
    int m_pendingFresh = 0;                           // asked for, opened one per turn after those
    bool m_uncleanShutdown = false;
    QRect m_lastPlacement; // where the newest window was put (its client area)
    static constexpr int cascadeStep = 32;
    QTimer *m_sessionSaveTimer = nullptr;
    bool m_sessionsFinished = false;
    void notifyOutcome(Watch *watch, const QString &before, const QString &after, int changes);
    int m_nextNumber = 1;
    bool m_quitting = false;
};
