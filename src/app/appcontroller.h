#pragma once

#include "appoptions.h"
#include "appsettings.h"
#include <TaskRunner/globalrunner.h>
#include <TaskRunner/sessionrunner.h>

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <type_traits>

class DesktopNotifier;
class SessionWindow;
class QWidget;

// The application: opens session windows, owns the shared global runner's settings, and
// quits. Lives in the main thread.
class AppController : public QObject
{
    Q_OBJECT
public:
    explicit AppController(const AppOptions &options, QObject *parent = nullptr);
    ~AppController() override;

    // Opens the windows the options ask for, each with the options' queued tasks.
    void start();

    // Opens and shows one more session window.
    SessionWindow *newWindow();
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
    TaskRunner::GlobalRunner globalRunner() const { return m_globalRunner; }
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

    void saveInterval(double seconds);
    void saveWindowGeometry(const QByteArray &geometry);
    void showAbout(QWidget *parent);

signals:
    void windowOpened(SessionWindow *window);

private:
    const AppOptions m_options;
    AppSettings m_settings;
    TaskRunner::GlobalRunner m_globalRunner;
    TaskRunner::SessionWorker m_sessionWorker;
    QList<QPointer<SessionWindow>> m_windows;
    DesktopNotifier *m_notifier = nullptr;
    int m_nextNumber = 1;
    bool m_quitting = false;
};
