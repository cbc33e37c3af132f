#include "appcontroller.h"

#include "aboutdialog.h"
#include "confirmdialog.h"
#include "desktopnotifier.h"
#include "sessionrunnerview.h"
#include "sessionwindow.h"
#include "watchmanager.h"

#include <TaskRunner/commandworker.h>
#include <TaskRunner/exampleworkers.h>
#include <TaskRunner/globalrunnerregistry.h>

#include <QApplication>
#include <QScreen>

AppController::AppController(const AppOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_sessionWorker(TaskRunner::commandSessionWorker(
          {}, TaskRunner::exampleSessionWorker(options.taskDuration())))
    , m_notifier(new DesktopNotifier(this))
{
    auto *registry = TaskRunner::GlobalRunnerRegistry::instance();
    registry->setShutdownGrace(options.shutdownGraceDuration());
    m_watches = new WatchManager(m_settings, options.taskDuration(), this);
    m_watches->load();
    connect(m_watches, &WatchManager::outcomeChanged, this, &AppController::notifyOutcome);
    Watch *shown = m_watches->ensureWatch(options.globalKey, TaskRunner::exampleGlobalInterval);
    // The command line wins over the saved interval, without replacing it.
    if (shown && options.hasInterval())
        shown->runner().setInterval(options.interval);
}

TaskRunner::GlobalRunner AppController::globalRunner() const
{
    const Watch *watch = shownWatch();
    return watch ? watch->runner() : TaskRunner::GlobalRunner();
}

Watch *AppController::shownWatch() const
{
    Watch *watch = m_watches->watch(m_options.globalKey);
    return watch ? watch : m_watches->defaultWatch();
}

AppController::~AppController()
{
    for (const auto &window : std::as_const(m_windows))
        delete window.data();
}

void AppController::start()
{
    for (int i = 0; i < m_options.sessions; ++i) {
        SessionWindow *window = newWindow();
        for (int task = 0; task < m_options.tasks; ++task)
            window->sessionView()->addExampleTask();
        if (i == 0) {
            for (const QString &line : m_options.commands)
                window->sessionView()->addCommand(line, false);
        }
    }
}

QList<SessionWindow *> AppController::openWindows(const AppOptions &request)
{
    QList<SessionWindow *> opened;
    if (m_quitting)
        return opened;
    Watch *watch = m_watches->ensureWatch(request.globalKey, TaskRunner::exampleGlobalInterval);
    if (watch && request.hasInterval())
        watch->runner().setInterval(request.interval);
    // Its example tasks take the time it asked for.
    TaskRunner::SessionWorker ours = std::exchange(
        m_sessionWorker, TaskRunner::commandSessionWorker(
                             {}, TaskRunner::exampleSessionWorker(request.taskDuration())));
    for (int i = 0; i < request.sessions; ++i) {
        SessionWindow *window = newWindow(watch);
        for (int task = 0; task < request.tasks; ++task)
            window->sessionView()->addExampleTask();
        if (i == 0) {
            for (const QString &line : request.commands)
                window->sessionView()->addCommand(line, false);
        }
        opened << window;
    }
    m_sessionWorker = std::move(ours);
    if (!opened.isEmpty()) {
        opened.constFirst()->raise();
        opened.constFirst()->activateWindow();
    }
    return opened;
}

void AppController::notifyOutcome(Watch *watch, const QString &before, const QString &after,
                                  int changes)
{
    const auto line = [](const QString &text) {
        QString first = text.section(QLatin1Char('\n'), 0, 0);
        return first.size() > 120 ? first.left(120) + QChar(0x2026) : first;
    };
    QWidget *window = QApplication::activeWindow();
    if (!window && !windows().isEmpty())
        window = windows().constFirst();
    const QString body =
        changes > 1 ? tr("%1 → %2 (%n change(s))", "", changes).arg(line(before), line(after))
                    : tr("%1 → %2").arg(line(before), line(after));
    notify(tr("Watch %1 changed").arg(watch->name()), body, window);
}

SessionWindow *AppController::newWindow(Watch *watch)
{
    auto *window = new SessionWindow(this, m_nextNumber++, m_sessionWorker, watch);
    const QByteArray geometry = m_settings.windowGeometry();
    if (!geometry.isEmpty() && !window->restoreGeometry(geometry))
        m_settings.rejectWindowGeometry("it cannot be restored");
    // Cascade the windows that are open at the same time, starting again at the top left of
    // the screen when the next one would not fit on it.
    m_windows.removeAll(nullptr);
    if (!m_windows.isEmpty()) {
        const SessionWindow *previous = m_windows.constLast();
        QPoint next = previous->pos() + QPoint(32, 32);
        if (const QScreen *screen = previous->screen()) {
            const QRect available = screen->availableGeometry();
            // The layout may still grow the window to its least size when it is shown.
            const QSize size = window->frameGeometry().size().expandedTo(window->minimumSizeHint());
            if (!available.contains(QRect(next, size)))
                next = available.topLeft();
        }
        window->move(next);
    }
    m_windows << window;
    window->show();
    emit windowOpened(window);
    return window;
}

bool AppController::quit()
{
    if (!confirmStoppingCommands(QApplication::activeWindow(), commandsPending(), true))
        return false;
    quitWithoutAsking();
    return true;
}

void AppController::quitWithoutAsking()
{
    m_quitting = true;
    emit quitting();
    // Newest first: the window closed last, whose geometry new windows get, is then the one
    // the others were cascaded from, so the next start does not open further down each time.
    for (auto it = m_windows.crbegin(); it != m_windows.crend(); ++it) {
        if (*it)
            (*it)->close();
    }
    QCoreApplication::quit();
}

QList<SessionWindow *> AppController::windows() const
{
    QList<SessionWindow *> open;
    for (const auto &window : m_windows) {
        if (window && window->isVisible())
            open << window;
    }
    return open;
}

void AppController::setSessionWorker(TaskRunner::SessionWorker worker)
{
    m_sessionWorker = std::move(worker);
}

void AppController::saveWindowGeometry(const QByteArray &geometry)
{
    m_settings.setWindowGeometry(geometry);
}

int AppController::commandsPending() const
{
    int commands = 0;
    for (const SessionWindow *window : windows())
        commands += window->sessionView()->commandsPending();
    return commands;
}

bool AppController::confirmStoppingCommands(QWidget *parent, int commands, bool quitting)
{
    if (commands <= 0 || !m_settings.confirmStoppingCommands())
        return true;
    ConfirmDialog dialog(parent);
    dialog.setWindowTitle(quitting ? tr("Quit Task Runner") : tr("Close Session"));
    dialog.setText(quitting ? tr("Quit and stop %n command(s)?", "", commands)
                            : tr("Close this window and stop %n command(s)?", "", commands),
                   tr("Running commands get SIGTERM, and SIGKILL if they do not end; waiting "
                      "ones are dropped."));
    dialog.setAcceptText(quitting ? tr("&Quit") : tr("&Close Window"));
    dialog.setDontAskAgainVisible(true);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (dialog.dontAskAgain())
        m_settings.setConfirmStoppingCommands(false);
    return true;
}

void AppController::notify(const QString &title, const QString &body, QWidget *window)
{
    m_notifier->notify(title, body, window);
}

void AppController::addToCommandHistory(const QString &command)
{
    m_settings.addToCommandHistory(command);
}

void AppController::showAbout(QWidget *parent)
{
    AboutDialog dialog(parent);
    dialog.exec();
}
