#include "appcontroller.h"

#include "aboutdialog.h"
#include "accessibleinterfaces.h"
#include "confirmdialog.h"
#include "desktopnotifier.h"
#include "historyrecorder.h"
#include "historywindow.h"
#include "noticebar.h"
#include "sessionrunnerview.h"
#include "sessionsaver.h"
#include "sessionwindow.h"
#include "taskpersistence.h"
#include "watchmanager.h"

#include <TaskRunner/commandworker.h>
#include <TaskRunner/exampleworkers.h>
#include <TaskRunner/globalrunnerregistry.h>
#include <TaskRunner/historymodel.h>
#include <TaskRunner/historystore.h>
#include <TaskRunner/sessionstore.h>

#include <QApplication>
#include <QScreen>
#include <QStyle>
#include <QUuid>

#include <algorithm>

AppController::AppController(const AppOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_sessionWorker(TaskRunner::commandSessionWorker(
          {}, TaskRunner::exampleSessionWorker(options.taskDuration())))
    , m_notifier(new DesktopNotifier(this))
    , m_history(std::make_unique<TaskRunner::HistoryStore>(TaskRunner::HistoryStore::defaultPath()))
    , m_recorder(std::make_unique<HistoryRecorder>(m_history.get()))
    , m_sessionStore(
          std::make_unique<TaskRunner::SessionStore>(TaskRunner::SessionStore::defaultPath()))
    , m_sessionSaver(
          std::make_unique<SessionSaver>(m_sessionStore.get(), &TaskPersistence::savedSession))
    , m_sessionSaveTimer(new QTimer(this))
{
    installAccessibleInterfaces();
    tellOnce(m_settings.startNotice());
    m_recorder->start();
    // The GUI gathers the changed sessions at most this often, their queues are converted on
    // the saver's thread and the store then writes them at once (or within its own
    // coalescing): a change is on disk within about 100 ms plus the conversion.
    m_sessionSaveTimer->setSingleShot(true);
    m_sessionSaveTimer->setInterval(TaskRunner::SessionStore::coalesceMs);
    connect(m_sessionSaveTimer, &QTimer::timeout, this, &AppController::saveDirtySessions);
    // Told once, in the window: the history cannot record, or the sessions cannot be saved.
    connect(m_history.get(), &TaskRunner::HistoryStore::statusChanged, this,
            [this] { tellOnce(m_history->statusMessage()); });
    connect(m_sessionStore.get(), &TaskRunner::SessionStore::statusChanged, this,
            [this] { tellOnce(m_sessionStore->statusMessage()); });
    auto *registry = TaskRunner::GlobalRunnerRegistry::instance();
    registry->setShutdownGrace(options.shutdownGraceDuration());
    m_watches = new WatchManager(m_settings, options.taskDuration(), this);
    m_watches->load();
    connect(m_watches, &WatchManager::outcomeChanged, this, &AppController::notifyOutcome);
    Watch *shown = m_watches->ensureWatch(options.globalKey, TaskRunner::exampleGlobalInterval);
    // The command line wins over the saved interval, without replacing it.
    if (shown && options.hasInterval())
        shown->runner().setInterval(options.interval);
    // After the registry's own handler, which stops every runner and waits for them (at most
    // the grace), so that the records of tasks a quit stopped exist when they are read: the
    // first runner that started (the watch's above) connected it.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &AppController::onAboutToQuit);
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
    // The History window reads the history store, which goes with this: it goes first, also
    // when it was closed and waits for its deferred delete.
    delete m_historyWindow.data();
    for (const auto &window : std::as_const(m_windows))
        delete window.data();
    // The last records of the stopped sessions, then the stores write what they still hold
    // (their destructors, in this order: sessions, recorder, history).
    m_recorder->finish();
}

void AppController::onAboutToQuit()
{
    // The runners have stopped: their last records go to the history, and the sessions saved
    // when quitting began are written once more, marked as a clean shutdown. Had no runner
    // started before this was connected, the registry's handler comes after this one: the
    // runners are stopped here first, else what the quit stopped would not be recorded.
    if (auto *registry = TaskRunner::GlobalRunnerRegistry::instance(); !registry->isShutDown())
        registry->shutdown();
    m_recorder->finish();
    if (!std::exchange(m_sessionsFinished, true) && m_options.ownsSessions)
        m_sessionStore->finish();
}

void AppController::start()
{
    TaskRunner::SessionRestore restored;
    if (!m_options.ownsSessions) {
        // The running instance keeps saving its sessions there: this one neither shows them
        // twice nor replaces them with its own.
        tellOnce(tr("Another Task Runner is running: the windows of this instance are not "
                    "restored at the next start."));
    } else if (m_options.restore) {
        restored = m_sessionStore->load();
    } else {
        m_sessionStore->keepForLater(); // for a later run, not overwritten by this one
    }
    // Sessions of the last run, and those an earlier run kept for later. The first comes back
    // now; the others one per turn of the event loop, so the first window is up at once.
    QList<TaskRunner::SavedSession> sessions = restored.sessions + restored.kept;
    m_uncleanShutdown = !restored.cleanShutdown;
    if (!sessions.isEmpty()) {
        restoreSession(sessions.takeFirst());
        m_pendingRestore = sessions;
        if (!m_pendingRestore.isEmpty())
            QTimer::singleShot(0, this, &AppController::restoreNext);
    }
    if (!restored.kept.isEmpty())
        m_sessionStore->forgetKept(); // now part of this run's sessions
    tellOnce(restored.notice);

    // The windows asked for, and one for the command line's tasks if the restored ones (which
    // are paused) would have to hold them.
    const bool commandLineTasks = m_options.tasks > 0 || !m_options.commands.isEmpty();
    const int restoring = int(restored.sessions.size() + restored.kept.size());
    int fresh = std::max(0, m_options.sessions - restoring);
    if (fresh == 0 && commandLineTasks)
        fresh = 1;
    // The first window now (with the command line's commands, which are then saved with it
    // from the start), the others one per turn of the event loop, after the restored ones: a
    // quit, a key or a paint never waits behind twenty windows being built.
    m_pendingFresh = fresh;
    if (SessionWindow *first = openNextFresh()) {
        for (const QString &line : m_options.commands)
            first->sessionView()->addCommand(line, false);
    }
}

SessionWindow *AppController::openNextFresh()
{
    if (m_pendingFresh <= 0 || m_quitting)
        return nullptr;
    --m_pendingFresh;
    SessionWindow *window = newWindow();
    for (int task = 0; task < m_options.tasks; ++task)
        window->sessionView()->addExampleTask();
    // The next one after the restored ones still to come (restoreNext() calls it then).
    if (m_pendingFresh > 0 && m_pendingRestore.isEmpty())
        QTimer::singleShot(0, this, &AppController::openNextFresh);
    return window;
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

namespace {
// What the window manager adds around `window`'s client area. Known once it framed a shown
// window; until then (the window manager is slow, or the window is not shown yet), a guess on
// the large side: a title bar of a line and a half and thin borders, so that a window placed
// at an edge of the screen keeps all of its frame, and the title bar to move it by, on it.
QMargins frameMargins(const QWidget *window)
{
    const QRect frame = window->frameGeometry();
    const QRect client = window->geometry();
    const QMargins margins(client.left() - frame.left(), client.top() - frame.top(),
                           frame.right() - client.right(), frame.bottom() - client.bottom());
    if (!margins.isNull())
        return margins;
    const int titleBar =
        std::max(window->style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, window),
                 window->fontMetrics().height() * 3 / 2);
    constexpr int border = 4;
    return QMargins(border, titleBar + border, border, border);
}
} // namespace

SessionWindow *AppController::newWindow(Watch *watch, const TaskRunner::SavedSession *saved)
{
    TaskRunner::RunnerOptions runnerOptions;
    runnerOptions.startPaused = saved != nullptr; // restored tasks run only after Resume
    // Records are read by the history recorder as they come; a flood of short tasks must not
    // outrun it before it reads: tasks are recorded, not dropped, up to a million behind.
    // (A no-op task's record is about 200 bytes: a flood of a million costs 200 MiB until read.)
    runnerOptions.recordLimit = 1000000;
    const QString sessionId = saved && !saved->id.isEmpty()
                                  ? saved->id
                                  : QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto *window =
        new SessionWindow(this, m_nextNumber++, m_sessionWorker, sessionId, runnerOptions, watch);
    m_recorder->watch(window->runner(), sessionId);
    // Kept after the window closes: its tasks in the history are still this run's "Session N".
    m_sessionNames.insert(
        sessionId,
        tr("Session %1", "a window, in the History window's list").arg(window->number()));
    if (m_historyWindow)
        m_historyWindow->model()->setSessionNames(m_sessionNames);
    if (saved)
        window->restore(*saved, !m_uncleanShutdown);
    // Where it goes. The first window of a run: where the last closed one was, else the middle
    // of the screen (placed here, not by the window manager, so that the others can cascade
    // from where it really is). The others cascade from the place given to the one before
    // (not from what the window manager reports, which comes late and with or without the
    // frame), one step right and down, and start again at the top left of the screen when the
    // next would not fit on it.
    m_windows.removeAll(nullptr);
    const QScreen *screen =
        m_windows.isEmpty() ? window->screen() : m_windows.constLast()->screen();
    const QRect available = screen ? screen->availableGeometry() : QRect();
    if (m_windows.isEmpty() || !m_lastPlacement.isValid()) {
        const QByteArray geometry = m_settings.windowGeometry();
        const bool restored = !geometry.isEmpty() && window->restoreGeometry(geometry);
        if (!geometry.isEmpty() && !restored)
            m_settings.rejectWindowGeometry("it cannot be restored");
        // restoreGeometry() puts the frame where it was (known or not): the client area comes
        // out inside it. Not shown yet, the frame is guessed (see frameMargins()).
        // Its size is at least what its layout needs, which is enforced when it is shown.
        const QMargins frame = frameMargins(window);
        const QRect client(window->geometry().topLeft() + QPoint(frame.left(), frame.top()),
                           window->size().expandedTo(window->minimumSizeHint()));
        // A geometry that could not be restored leaves the window where nothing placed it
        // (the top left corner, its title bar above the screen): as none.
        if (!restored || !available.contains(client.topLeft())) {
            // Centred at the size it is shown at: at least what its layout needs (a long
            // language at a large scale needs more than the default size leaves).
            const QSize size =
                window->size().expandedTo(window->minimumSizeHint()).boundedTo(available.size());
            window->setGeometry(
                QRect(available.center() - QPoint(size.width() / 2, size.height() / 2), size));
        } else if (!available.isEmpty() && !available.contains(client + frame)) {
            // Saved at another scale factor or on a larger screen: as large as fits, and moved
            // in so that all of it, frame included, is on the screen.
            QRect placed(client.topLeft(), client.size()
                                               .boundedTo(available.size() * 9 / 10)
                                               .expandedTo(window->minimumSizeHint()));
            placed.moveRight(std::min(placed.right(), available.right() - frame.right()));
            placed.moveBottom(std::min(placed.bottom(), available.bottom() - frame.bottom()));
            placed.moveLeft(std::max(placed.left(), available.left() + frame.left()));
            placed.moveTop(std::max(placed.top(), available.top() + frame.top()));
            // Placed by its frame, as restoreGeometry() placed it: the window system keeps that
            // way of placing for the window (on X11, the gravity hint).
            window->resize(placed.size());
            window->move(placed.topLeft() - QPoint(frame.left(), frame.top()));
        }
    } else {
        // Client areas step, so the frames (whatever the window manager adds) step the same.
        const QRect previous = m_lastPlacement;
        QRect next(previous.topLeft() + QPoint(cascadeStep, cascadeStep), previous.size());
        const QMargins frame = frameMargins(m_windows.constLast());
        if (!available.isEmpty() && !available.contains(next + frame))
            next.moveTopLeft(available.topLeft() + QPoint(frame.left(), frame.top()));
        window->setGeometry(next);
    }
    m_lastPlacement = window->geometry();
    m_windows << window;
    for (const QString &notice : std::exchange(m_pendingNotices, {}))
        window->showNotice(notice);
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
    if (!m_quitting && m_options.ownsSessions)
        m_sessionSaver->finish(savedSessions()); // as they are before they are stopped
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

void AppController::restoreSession(const TaskRunner::SavedSession &saved)
{
    // With the watch it showed, if it is still there (else the default one).
    Watch *watch = saved.watch.isEmpty() ? nullptr : m_watches->watch(saved.watch);
    SessionWindow *window = newWindow(watch, &saved);
    if (m_uncleanShutdown)
        window->noteUncleanShutdown();
}

void AppController::restoreNext()
{
    if (m_pendingRestore.isEmpty() || m_quitting)
        return;
    restoreSession(m_pendingRestore.takeFirst());
    if (!m_pendingRestore.isEmpty())
        QTimer::singleShot(0, this, &AppController::restoreNext);
    else if (m_pendingFresh > 0)
        QTimer::singleShot(0, this, &AppController::openNextFresh);
}

void AppController::tellOnce(const QString &message)
{
    if (message.isEmpty())
        return;
    if (SessionWindow *window = activeWindow())
        window->showNotice(message);
    else
        m_pendingNotices << message; // for the first window
}

SessionWindow *AppController::activeWindow() const
{
    const QList<SessionWindow *> open = windows();
    for (SessionWindow *window : open) {
        if (window->isActiveWindow())
            return window;
    }
    return open.isEmpty() ? nullptr : open.constLast();
}

HistoryWindow *AppController::showHistory()
{
    if (!m_historyWindow) {
        m_historyWindow =
            new HistoryWindow(m_history.get(), [this](const TaskRunner::HistoryEntry &entry) {
                SessionWindow *window = activeWindow();
                return window && window->sessionView()->addAgain(entry);
            });
        m_historyWindow->setAttribute(Qt::WA_DeleteOnClose);
        m_historyWindow->model()->setSessionNames(m_sessionNames);
        // Over the window it was asked from, rather than where the window manager puts a new
        // window (the top left of the screen, for some).
        if (const SessionWindow *from = activeWindow()) {
            QRect placed(QPoint(), m_historyWindow->size());
            if (const QScreen *screen = from->screen()) {
                const QRect available = screen->availableGeometry();
                placed.setSize(placed.size().boundedTo(available.size() * 9 / 10));
                m_historyWindow->resize(placed.size());
                placed.moveCenter(from->geometry().center());
                placed.moveLeft(
                    std::clamp(placed.left(), available.left(),
                               std::max(available.left(), available.right() - placed.width())));
                placed.moveTop(
                    std::clamp(placed.top(), available.top(),
                               std::max(available.top(), available.bottom() - placed.height())));
                m_historyWindow->move(placed.topLeft()); // of the frame: its title bar is in it
            }
        }
    }
    m_historyWindow->show();
    m_historyWindow->raise();
    m_historyWindow->activateWindow();
    return m_historyWindow;
}

void AppController::sessionChanged(SessionWindow *window)
{
    if (m_quitting || !m_options.ownsSessions)
        return; // the state to restore is the one from before the stop
    if (!m_dirtySessions.contains(window))
        m_dirtySessions << window;
    if (!m_sessionSaveTimer->isActive())
        m_sessionSaveTimer->start();
}

void AppController::saveDirtySessions()
{
    // Changes are gathered for at least twice as long as the last conversion took: the saver's
    // thread converts a third of the time at most while a queue of 10^6 tasks changes.
    m_sessionSaveTimer->setInterval(int(std::clamp<qint64>(
        2 * m_sessionSaver->lastConversionMs(), TaskRunner::SessionStore::coalesceMs, 10'000)));
    const QList<QPointer<SessionWindow>> dirty = std::exchange(m_dirtySessions, {});
    const QList<SessionWindow *> open = windows();
    for (const auto &window : dirty) {
        if (window && open.contains(window.data()))
            m_sessionSaver->update(window->runner(),
                                   window->sessionDetails(int(open.indexOf(window.data()))));
    }
}

void AppController::sessionClosed(SessionWindow *window)
{
    if (m_quitting)
        return;
    m_dirtySessions.removeAll(window);
    if (windows().size() <= 1) {
        // The last window: the application quits with it (unless the History window stays
        // open), and its session is restored next time, as a quit's sessions are.
        if (m_options.ownsSessions)
            m_sessionSaver->replace(savedSessions());
        return;
    }
    if (m_options.ownsSessions)
        m_sessionSaver->remove(window->sessionId());
}

QList<TaskRunner::SavedSession> AppController::savedSessions() const
{
    QList<TaskRunner::SavedSession> sessions;
    const QList<SessionWindow *> open = windows();
    for (qsizetype i = 0; i < open.size(); ++i)
        sessions << open.at(i)->savedSession(int(i));
    // Those not reopened yet stay as they were saved.
    for (TaskRunner::SavedSession saved : m_pendingRestore) {
        saved.position = int(sessions.size());
        sessions << saved;
    }
    return sessions;
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
    // At a quit, and when the last window closes (the app quits with it), the sessions are
    // saved (unless another instance owns them): the waiting commands are not stopped but come
    // back at the next start, paused.
    const bool lastWindow = !quitting && windows().size() <= 1;
    if ((quitting || lastWindow) && m_options.ownsSessions) {
        dialog.setText(quitting
                           ? tr("Quit with %n command(s) not done?", "", commands)
                           : tr("Close the last window with %n command(s) not done?", "", commands),
                       tr("Running commands get SIGTERM, and SIGKILL if they do not end; "
                          "waiting ones come back, paused, at the next start."));
    } else {
        dialog.setText(quitting ? tr("Quit and stop %n command(s)?", "", commands)
                                : tr("Close this window and stop %n command(s)?", "", commands),
                       tr("Running commands get SIGTERM, and SIGKILL if they do not end; "
                          "waiting ones are dropped."));
    }
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
