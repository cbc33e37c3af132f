// The application: quitting (the real executable, and in process with a stuck worker), 200
// windows in process, and the start-up of the real executable beside a minimal Qt Widgets
// program.

#include "benchmarks.h"
#include "benchsupport.h"

#include "appcontroller.h"
#include "sessionrunnerview.h"
#include "sessionwindow.h"

#include <TaskRunner/globalrunnerregistry.h>
#include <TaskRunner/runneroptions.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <condition_variable>
#include <cstdio>
#include <mutex>

using namespace Bench;
using namespace std::chrono_literals;

namespace {

constexpr int quitSessions = 20;
constexpr int quitTasks = 5;
constexpr double quitGraceSeconds = 2;
constexpr int quitRuns = 3;
constexpr int manyWindows = 200;
constexpr int manyWindowsTasks = 5;
constexpr auto busyDuration = 2000ms;
constexpr int startupRuns = 7;

// `runtimeDir`: the XDG_RUNTIME_DIR of the child, where instances meet; by default the bench's
// own (a temporary folder), so that no child joins an instance of the user's.
QProcessEnvironment childEnvironment(const QString &runtimeDir = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!runtimeDir.isEmpty())
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    environment.remove(QStringLiteral("QT_MESSAGE_PATTERN"));
    return environment;
}

// Waits until every runner of the process is gone, processing events so the main thread
// deletes them.
bool waitForNoRunners(std::chrono::milliseconds timeout)
{
    const bool ok = waitUntil([] { return TaskRunner::liveRunnerCount() == 0; }, timeout);
    flushEvents();
    return ok;
}

// One quit of the real executable, `taskrunner -platform offscreen --sessions 20 --tasks 5
// --shutdown-grace 2 --no-restore --new-instance`: SIGTERM as soon as its log shows every window's
// runner working on its first task (and the global runner still in its first 1 s run), then the
// time until the process has exited.
double quitCooperativeOnce()
{
    QProcess process;
    QProcessEnvironment environment = childEnvironment();
    environment.insert(
        QStringLiteral("QT_LOGGING_RULES"),
        QStringLiteral("taskrunner.session.debug=true\ntaskrunner.global.debug=true"));
    process.setProcessEnvironment(environment);
    process.start(taskrunnerExecutable(),
                  {QStringLiteral("-platform"), QStringLiteral("offscreen"),
                   QStringLiteral("--sessions"), QString::number(quitSessions),
                   QStringLiteral("--tasks"), QString::number(quitTasks),
                   QStringLiteral("--shutdown-grace"), QString::number(quitGraceSeconds),
                   // The windows the run before saved at its quit are not reopened (paused).
                   QStringLiteral("--no-restore"), QStringLiteral("--new-instance")});
    if (!process.waitForStarted(10'000)) {
        std::fprintf(stderr, "error: quit: cannot start %s\n", qPrintable(taskrunnerExecutable()));
        return -1;
    }

    static const QRegularExpression processing(
        QStringLiteral(R"((\S+) - Processing: \d+ items left\.)"));
    QSet<QString> working;
    bool globalSlept = false;
    QByteArray output;
    QByteArray pending;
    const auto deadline = Clock::now() + 20s;
    while (working.size() < quitSessions && Clock::now() < deadline &&
           process.state() == QProcess::Running) {
        process.waitForReadyRead(50);
        const QByteArray read = process.readAllStandardError();
        output += read;
        pending += read;
        qsizetype end = 0;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(end));
            pending.remove(0, end + 1);
            if (const auto match = processing.match(line); match.hasMatch())
                working.insert(match.captured(1));
            else if (line.contains(QLatin1String("taskrunner.global")) &&
                     line.contains(QLatin1String(" - Sleeping")))
                globalSlept = true;
        }
    }
    if (working.size() < quitSessions) {
        std::fprintf(stderr, "error: quit: only %d of %d sessions started working\n",
                     int(working.size()), quitSessions);
        process.kill();
        process.waitForFinished();
        forwardOutput("taskrunner", output + process.readAllStandardError());
        return -1;
    }
    if (globalSlept)
        std::fprintf(stderr, "warning: quit: the global runner had finished its first run\n");

    const auto start = Clock::now();
    process.terminate(); // SIGTERM
    const bool finished = process.waitForFinished(30'000);
    const double ms = millisecondsSince(start);
    if (!finished) {
        std::fprintf(stderr, "error: quit: still running 30 s after SIGTERM\n");
        process.kill();
        process.waitForFinished();
    }
    forwardOutput("taskrunner", output + process.readAllStandardError());
    if (!finished)
        return -1;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        std::fprintf(stderr, "warning: quit: exit status %d, code %d\n", int(process.exitStatus()),
                     process.exitCode());
    return ms;
}

// A flag the stuck worker waits for: it never looks at interruption.
struct Release
{
    std::mutex mutex;
    std::condition_variable changed;
    bool released = false;
};

// Process start -> exit of `program` (which quits right after its first window is shown, or,
// for a second launch, once the running instance has shown its window).
double firstWindowOnce(const QString &program, const QStringList &arguments,
                       const QString &runtimeDir = {})
{
    QProcess process;
    process.setProcessEnvironment(childEnvironment(runtimeDir));
    const auto start = Clock::now();
    process.start(program, arguments);
    if (!process.waitForFinished(30'000)) {
        std::fprintf(stderr, "error: start-up: %s did not exit\n", qPrintable(program));
        process.kill();
        process.waitForFinished();
        return -1;
    }
    const double ms = millisecondsSince(start);
    forwardOutput(qPrintable(QFileInfo(program).fileName()), process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "error: start-up: %s failed (status %d, code %d)\n",
                     qPrintable(program), int(process.exitStatus()), process.exitCode());
        return -1;
    }
    return ms;
}

} // namespace

namespace Bench {

QString taskrunnerExecutable()
{
    const QString beside =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("taskrunner"));
    return QFileInfo(beside).isExecutable() ? beside : QStringLiteral(TASKRUNNER_EXECUTABLE);
}

QString helloExecutable()
{
    const QString beside =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("taskrunner-hello"));
    return QFileInfo(beside).isExecutable() ? beside : QStringLiteral(TASKRUNNER_HELLO_EXECUTABLE);
}

void measureQuit(BenchResults &results)
{
    // Cooperative: the real executable, SIGTERM.
    {
        std::vector<double> samples;
        for (int i = 0; i < quitRuns; ++i) {
            const double ms = quitCooperativeOnce();
            if (ms >= 0)
                samples.push_back(ms);
        }
        results.quitCooperativeMs = samples.empty() ? notMeasured : median(samples);
    }

    // Stuck: in process, 20 windows of which one runs a worker that ignores interruption,
    // then what aboutToQuit runs: AppController::quit() and the registry's shutdown().
    {
        AppOptions options;
        options.sessions = quitSessions;
        options.tasks = quitTasks;
        options.shutdownGrace = quitGraceSeconds;
        auto release = std::make_shared<Release>();
        auto controller = std::make_unique<AppController>(options);
        for (int i = 0; i < quitSessions; ++i) {
            if (i == quitSessions - 1) {
                controller->setSessionWorker([release](const QVariant &) {
                    std::unique_lock lock(release->mutex);
                    release->changed.wait_for(lock, 5s, [&] { return release->released; });
                    return QVariant(QStringLiteral("ignored the stop"));
                });
            }
            SessionWindow *window = controller->newWindow();
            for (int task = 0; task < quitTasks; ++task)
                window->sessionView()->addTask();
        }
        const bool busy = waitUntil(
            [&] {
                const QList<SessionWindow *> windows = controller->windows();
                if (windows.size() != quitSessions || !controller->globalRunner() ||
                    !controller->globalRunner().state().running)
                    return false;
                for (SessionWindow *window : windows) {
                    if (!window->runner().state().busy)
                        return false;
                }
                return true;
            },
            5s);
        if (!busy)
            std::fprintf(stderr, "warning: quit (stuck): not every runner was busy\n");
        results.shutdownGraceMs =
            double(TaskRunner::GlobalRunnerRegistry::instance()->shutdownGrace().count());

        std::fprintf(stderr,
                     "  quit (stuck): one warning about a session still running is expected\n");
        const auto start = Clock::now();
        controller->quit();
        const QStringList stuck = TaskRunner::GlobalRunnerRegistry::instance()->shutdown();
        results.quitStuckMs = millisecondsSince(start);
        if (stuck.size() != 1)
            std::fprintf(stderr, "warning: quit (stuck): %d runners reported stuck, not 1\n",
                         int(stuck.size()));

        {
            std::lock_guard lock(release->mutex);
            release->released = true;
        }
        release->changed.notify_all();
        if (!waitForNoRunners(10s))
            std::fprintf(stderr, "warning: quit (stuck): runners still alive\n");
        controller.reset();
        flushEvents();
    }
}

void measureWindows(BenchResults &results)
{
    AppOptions options;
    auto controller = std::make_unique<AppController>(options);

    // One window first, opened and closed: what only the first window pays (style, fonts,
    // the platform's backing store) is not a per-window cost.
    {
        SessionWindow *window = controller->newWindow();
        flushEvents();
        window->close();
        flushEvents();
    }
    waitUntil([] { return TaskRunner::liveRunnerCount() == 1; }, 5s); // only the global runner
    flushEvents();

    const double rssBefore = trimmedResidentMiB();
    const auto start = Clock::now();
    QList<SessionWindow *> windows;
    for (int i = 0; i < manyWindows; ++i)
        windows << controller->newWindow();
    flushEvents(); // the events showing them caused: layouts, first paint
    results.open200WindowsMs = millisecondsSince(start);
    results.rssPerWindowMiB = (residentMiB() - rssBefore) / manyWindows;
    const QSize size = windows.constFirst()->size();
    std::fprintf(stderr, "  200 windows: each %d x %d px, its backing store %.3f MiB\n",
                 size.width(), size.height(),
                 double(size.width()) * size.height() * 4 / double(1 << 20));

    for (SessionWindow *window : std::as_const(windows)) {
        for (int task = 0; task < manyWindowsTasks; ++task)
            window->sessionView()->addTask();
    }
    LoopProbe probe;
    probe.start();
    runEventLoop(busyDuration);
    probe.stop();
    results.busy200LoopLatencyP99Ms = percentile(probe.latenciesMs(), 99);
    // Not a key of the results: the longest single waits, which the percentile does not show.
    std::fprintf(stderr,
                 "  busy 200: %zu samples of the 1 ms probe in %lld ms, loop latency p99 %.2f ms, "
                 "max %.1f ms\n",
                 probe.latenciesMs().size(), static_cast<long long>(busyDuration.count()),
                 results.busy200LoopLatencyP99Ms, percentile(probe.latenciesMs(), 100));

    controller->quit();
    TaskRunner::GlobalRunnerRegistry::instance()->shutdown();
    if (!waitForNoRunners(10s))
        std::fprintf(stderr, "warning: windows: runners still alive\n");
    controller.reset();
    flushEvents();
}

void measureStartup(BenchResults &results)
{
    const QStringList appArguments = {QStringLiteral("-platform"), QStringLiteral("offscreen"),
                                      QStringLiteral("--exit-after-first-frame")};
    const QStringList helloArguments = {QStringLiteral("-platform"), QStringLiteral("offscreen")};
    // One run each first (page cache), then alternating runs so both see the same machine.
    firstWindowOnce(taskrunnerExecutable(), appArguments);
    firstWindowOnce(helloExecutable(), helloArguments);
    std::vector<double> app;
    std::vector<double> hello;
    for (int i = 0; i < startupRuns; ++i) {
        if (const double ms = firstWindowOnce(taskrunnerExecutable(), appArguments); ms >= 0)
            app.push_back(ms);
        if (const double ms = firstWindowOnce(helloExecutable(), helloArguments); ms >= 0)
            hello.push_back(ms);
    }
    results.startupFirstWindowMs = app.empty() ? notMeasured : median(app);
    results.helloFirstWindowMs = hello.empty() ? notMeasured : median(hello);
}

void measureSecondLaunch(BenchResults &results)
{
    // A first instance in a runtime folder of its own, then second launches into it, timed
    // from their start until they exit, which they do once the first has shown the window.
    QTemporaryDir runtime;
    QProcess first;
    first.setProcessEnvironment(childEnvironment(runtime.path()));
    first.start(taskrunnerExecutable(), {QStringLiteral("-platform"), QStringLiteral("offscreen")});
    const QString socket = runtime.path() + QStringLiteral("/taskrunner/instance");
    if (!first.waitForStarted(10'000) ||
        !waitUntil([&] { return QFileInfo::exists(socket) && first.state() == QProcess::Running; },
                   20s)) {
        std::fprintf(stderr, "error: second launch: the first instance did not start\n");
        first.kill();
        first.waitForFinished();
        return;
    }
    const QStringList arguments = {QStringLiteral("-platform"), QStringLiteral("offscreen")};
    firstWindowOnce(taskrunnerExecutable(), arguments, runtime.path()); // the first one served
    std::vector<double> samples;
    for (int i = 0; i < startupRuns; ++i) {
        if (const double ms = firstWindowOnce(taskrunnerExecutable(), arguments, runtime.path());
            ms >= 0)
            samples.push_back(ms);
    }
    results.secondLaunchWindowMs = samples.empty() ? notMeasured : median(samples);
    first.terminate();
    if (!first.waitForFinished(20'000)) {
        first.kill();
        first.waitForFinished();
    }
    forwardOutput("taskrunner (first instance)", first.readAllStandardError());
}

} // namespace Bench
