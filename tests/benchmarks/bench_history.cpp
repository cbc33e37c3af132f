// History figures for taskrunner-bench. Each function needs a QCoreApplication (or QApplication)
// and runs its event loop; each returns NaN, with the reason on stderr, when it could not measure.
//
//   double Bench::historyRecordsPerS(const QString &databasePath, int count); // count: 10^6
//       history_records_per_s: `count` finished no-op tasks added to a HistoryStore as fast as
//       the calling thread makes them, until all are on disk (flush() finished); entries/s.
//   double Bench::historyOpenMs(const QString &databasePath);
//       history_open_ms: a HistoryStore and a HistoryModel opened on an existing database
//       (10^6 rows from historyRecordsPerS), until the first page is in the model; ms.
//   double Bench::historySearchMs(const QString &databasePath, const QString &needle);
//       history_search_ms: with the first page shown, setSearchText(needle) until the first
//       page of matches (or the end, when fewer match) is in the model; ms. A needle that
//       matches nothing is the worst case: every row is read.

#include "benchmarks.h"
#include "benchsupport.h"

#include "historyrecorder.h"
#include "sessionsaver.h"
#include "taskpersistence.h"

#include <TaskRunner/commandspec.h>

#include <TaskRunner/historymodel.h>
#include <TaskRunner/historystore.h>
#include <TaskRunner/savedsession.h>
#include <TaskRunner/sessionrunner.h>
#include <TaskRunner/sessionstore.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <limits>

using namespace std::chrono_literals;

namespace Bench {

namespace {

constexpr double none = std::numeric_limits<double>::quiet_NaN();

// Runs the event loop until `done` or `timeoutMs`; false on timeout.
template<typename Signal, typename Object>
bool waitFor(Object *object, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(object, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

} // namespace

double historyRecordsPerS(const QString &databasePath, int count)
{
    TaskRunner::HistoryStore store(databasePath);
    {
        // Opened before the clock starts: start-up is measured elsewhere.
        QFutureWatcher<void> opened;
        opened.setFuture(store.flush());
        if (!opened.isFinished() && !waitFor(&opened, &QFutureWatcherBase::finished, 30000))
            return none;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        TaskRunner::HistoryEntry entry;
        entry.sessionId = QStringLiteral("bench");
        entry.taskNumber = i;
        entry.kind = QStringLiteral("example");
        entry.commandLine = QStringLiteral("noop");
        entry.queuedMs = now;
        entry.startedMs = now;
        entry.finishedMs = now;
        entry.state = TaskRunner::HistoryState::done();
        entry.exitCode = 0;
        entry.result = QString::number(i);
        store.add(entry);
    }
    QFutureWatcher<void> flushed;
    flushed.setFuture(store.flush());
    if (!flushed.isFinished() && !waitFor(&flushed, &QFutureWatcherBase::finished, 600000)) {
        std::fprintf(stderr, "history: the entries were not written within 10 minutes\n");
        return none;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (store.droppedCount() > 0 || store.status() != TaskRunner::HistoryStore::Status::Ok) {
        std::fprintf(stderr, "history: %lld entries dropped: %s\n",
                     static_cast<long long>(store.droppedCount()),
                     qPrintable(store.statusMessage()));
        return none;
    }
    return double(count) / seconds;
}

double historyOpenMs(const QString &databasePath)
{
    QElapsedTimer timer;
    timer.start();
    TaskRunner::HistoryStore store(databasePath);
    TaskRunner::HistoryModel model(&store);
    if (model.isLoading() && !waitFor(&model, &TaskRunner::HistoryModel::pageLoaded, 30000))
        return none;
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (model.rowCount() == 0) {
        std::fprintf(stderr, "history: %s holds no rows\n", qPrintable(databasePath));
        return none;
    }
    return ms;
}

double historySearchMs(const QString &databasePath, const QString &needle)
{
    TaskRunner::HistoryStore store(databasePath);
    TaskRunner::HistoryModel model(&store);
    if (model.isLoading() && !waitFor(&model, &TaskRunner::HistoryModel::pageLoaded, 30000))
        return none;
    QElapsedTimer timer;
    timer.start();
    model.setSearchText(needle);
    if (model.isLoading() && !waitFor(&model, &TaskRunner::HistoryModel::pageLoaded, 30000))
        return none;
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace Bench

// The app's own path: tasks through a session runner, recorded by the history recorder (a thread
// of its own) into a store (another), and restore at start-up and after a kill -9.

namespace {
constexpr int historyTasks = 1'000'000;
constexpr int restoreSessions = 20;
constexpr int restoreTasksPerSession = 100;
constexpr int restoreRuns = 5;
constexpr int kill9Tasks = 200;
constexpr int savedQueueTasks = 1'000'000;

QProcessEnvironment environmentWithData(const QString &dataHome)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dataHome);
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    return environment;
}

double runUntilExit(const QProcessEnvironment &environment, const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    const auto start = Bench::Clock::now();
    process.start(Bench::taskrunnerExecutable(), arguments);
    if (!process.waitForFinished(60'000) || process.exitCode() != 0) {
        std::fprintf(stderr, "error: restore start-up: the app did not exit cleanly\n");
        process.kill();
        process.waitForFinished();
        return -1;
    }
    return Bench::millisecondsSince(start);
}

// 20 sessions of 100 waiting commands each, as the last run left them.
void writeSessions(const QString &dataHome)
{
    QDir().mkpath(dataHome + QStringLiteral("/taskrunner"));
    TaskRunner::SessionStore store(dataHome + QStringLiteral("/taskrunner/sessions.json"));
    QList<TaskRunner::SavedSession> sessions;
    for (int s = 0; s < restoreSessions; ++s) {
        TaskRunner::SavedSession session;
        session.id = QStringLiteral("bench-%1").arg(s);
        session.windowNumber = s + 1;
        session.position = s;
        for (int t = 0; t < restoreTasksPerSession; ++t) {
            TaskRunner::SavedTask task;
            task.kind = QStringLiteral("command");
            task.commandLine = QStringLiteral("echo %1").arg(t);
            task.program = QStringLiteral("echo");
            task.arguments = {QString::number(t)};
            task.queuedMs = QDateTime::currentMSecsSinceEpoch();
            session.waiting << task;
        }
        sessions << session;
    }
    store.setSessions(sessions);
    store.finish();
}
// A session of `runner`'s tasks to which a task is added every 100 ms for 3 s, handed to a store as
// the app does (SessionSaver: converted on a thread of its own) or, for the ratio, converted on
// the GUI thread: the GUI loop's latency p99, ms.
double sessionSaveLoopLatencyP99Ms(TaskRunner::SessionRunner &runner, bool onGuiThread)
{
    using namespace std::chrono_literals;
    QTemporaryDir folder;
    TaskRunner::SessionStore store(folder.filePath(QStringLiteral("sessions.json")));
    Bench::LoopProbe probe;
    {
        SessionSaver saver(&store, &TaskPersistence::savedSession);
        TaskRunner::SavedSession details;
        details.id = QStringLiteral("bench");
        details.windowNumber = 1;
        QTimer changes;
        changes.setInterval(100);
        int added = 0;
        QObject::connect(&changes, &QTimer::timeout, [&] {
            // A task queued, and the state read as the window's view reads it.
            runner.append(QVariant::fromValue(TaskRunner::CommandSpec{
                QStringLiteral("echo"), {QString::number(++added)}, {}, false, {}}));
            if (runner.state().stopped)
                return;
            if (onGuiThread)
                store.updateSession(TaskPersistence::savedSession(runner, details));
            else
                saver.update(runner, details);
        });
        changes.start();
        probe.start();
        Bench::runEventLoop(3s);
        probe.stop();
    }
    const QList<TaskRunner::SavedSession> saved = store.sessions();
    if (saved.size() != 1 || saved.constFirst().waiting.size() < savedQueueTasks) {
        std::fprintf(stderr, "error: session saving: the store did not get the session\n");
        return Bench::notMeasured;
    }
    std::fprintf(stderr, "  session saving %s: the longest stall of the GUI loop %.1f ms\n",
                 onGuiThread ? "on the GUI thread" : "as the app does it",
                 Bench::percentile(probe.latenciesMs(), 100));
    return Bench::percentile(probe.latenciesMs(), 99);
}
} // namespace

namespace Bench {

void measureHistory(BenchResults &results)
{
    QTemporaryDir folder;
    const QString database = folder.filePath(QStringLiteral("history.sqlite"));
    // 10^6 no-op tasks through one session, recorded as the app records them, until all are on
    // disk; the GUI loop is probed meanwhile.
    {
        TaskRunner::HistoryStore store(database);
        QFutureWatcher<void> opened;
        opened.setFuture(store.flush());
        waitUntil([&] { return opened.isFinished(); }, 30s);
        HistoryRecorder recorder(&store);
        recorder.start();
        TaskRunner::RunnerOptions options;
        options.recordLimit = 1000000; // as the app's sessions
        TaskRunner::SessionRunner runner =
            TaskRunner::SessionRunner::create([](const QVariant &task) { return task; }, options);
        recorder.watch(runner, QStringLiteral("bench"));
        LoopProbe probe;
        probe.start();
        const auto start = Clock::now();
        for (int i = 0; i < historyTasks; ++i)
            runner.append(i);
        const bool written = waitUntil(
            [&] {
                return store.writtenCount() + qint64(recorder.droppedCount()) >=
                       qint64(historyTasks);
            },
            600s);
        const double seconds = secondsSince(start);
        probe.stop();
        if (written && recorder.droppedCount() == 0 && store.droppedCount() == 0) {
            results.historyRecordsPerS = historyTasks / seconds;
            results.historyWriteLoopLatencyP99Ms = percentile(probe.latenciesMs(), 99);
        } else {
            std::fprintf(stderr,
                         "error: history: %lld written, %llu dropped by the runner, %lld by the "
                         "store\n",
                         static_cast<long long>(store.writtenCount()),
                         static_cast<unsigned long long>(recorder.droppedCount()),
                         static_cast<long long>(store.droppedCount()));
        }
        finish(runner);
        recorder.finish();
    }
    results.historyOpenMs = historyOpenMs(database);
    results.historySearchMs = historySearchMs(database, QStringLiteral("no such text"));

    // Start-up with 20 sessions x 100 waiting tasks to restore, beside a fresh start.
    {
        QTemporaryDir restoreHome;
        QTemporaryDir freshHome;
        const QStringList arguments = {QStringLiteral("--exit-after-first-frame")};
        std::vector<double> restored;
        std::vector<double> fresh;
        for (int i = 0; i <= restoreRuns; ++i) {
            writeSessions(restoreHome.path()); // each run saves what it restored
            const double withRestore =
                runUntilExit(environmentWithData(restoreHome.path()), arguments);
            QDir(freshHome.path()).removeRecursively();
            QDir().mkpath(freshHome.path());
            const double without = runUntilExit(environmentWithData(freshHome.path()), arguments);
            if (i == 0)
                continue; // the page cache
            if (withRestore >= 0)
                restored.push_back(withRestore);
            if (without >= 0)
                fresh.push_back(without);
        }
        results.restoreStartupMs = restored.empty() ? notMeasured : median(restored);
        results.freshStartupMs = fresh.empty() ? notMeasured : median(fresh);
    }

    // kill -9 of the real program 200 ms and more after its tasks were queued: how many of the
    // waiting ones did not come back.
    {
        QTemporaryDir home;
        QStringList arguments{QStringLiteral("--task"), QStringLiteral("sleep 100")};
        for (int i = 1; i < kill9Tasks; ++i)
            arguments << QStringLiteral("--task") << QStringLiteral("echo %1").arg(i);
        QProcess process;
        process.setProcessEnvironment(environmentWithData(home.path()));
        process.start(taskrunnerExecutable(), arguments);
        const QString sessions = home.path() + QStringLiteral("/taskrunner/sessions.json");
        const bool saved = process.waitForStarted(10000) &&
                           waitUntil([&] { return QFile::exists(sessions); }, 20s);
        runEventLoop(250ms); // every task was queued at least 200 ms before the kill
        ::kill(pid_t(process.processId()), SIGKILL);
        process.waitForFinished(10000);
        if (saved) {
            TaskRunner::SessionStore store(sessions);
            const TaskRunner::SessionRestore restore = store.load();
            qsizetype back = 0;
            for (const TaskRunner::SavedSession &session : restore.sessions)
                back += session.waiting.size() + (session.running ? 1 : 0);
            results.kill9LostTasks = double(kill9Tasks - back);
        } else {
            std::fprintf(stderr, "error: kill -9: the app saved no sessions\n");
        }
    }
}

void measureSessionSaving(BenchResults &results)
{
    // A queue of 10^6 waiting commands saved while it changes, off the GUI thread and on it.
    TaskRunner::SessionRunner runner =
        TaskRunner::SessionRunner::create([](const QVariant &task) { return task; });
    runner.pause();
    for (int i = 0; i < savedQueueTasks; ++i) {
        runner.append(QVariant::fromValue(TaskRunner::CommandSpec{
            QStringLiteral("echo"), {QString::number(i)}, QStringLiteral("/tmp"), false, {}}));
    }
    results.sessionSaveLoopLatencyP99Ms = sessionSaveLoopLatencyP99Ms(runner, false);
    results.naiveSessionSaveLoopLatencyP99Ms = sessionSaveLoopLatencyP99Ms(runner, true);
    finish(runner);
}

} // namespace Bench
