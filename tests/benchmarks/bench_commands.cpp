// Per-task control (cancel, progress) and commands (throughput, output floods, cancel of a
// process group) measured against a baseline from the same run: a shell loop, a pipe into
// /dev/null, and the naive way to show a process's output.
#include "benchmarks.h"
#include "benchsupport.h"

#include "appcontroller.h"
#include "sessionrunnerview.h"
#include "sessionwindow.h"
#include "taskoutputview.h"
#include "tasktablemodel.h"

#include <TaskRunner/commandworker.h>
#include <TaskRunner/exampleworkers.h>
#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTableView>

#include <atomic>
#include <csignal>
#include <memory>
#include <mutex>
#include <thread>

#include <cerrno>
#include <fcntl.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace std::chrono_literals;
using TaskRunner::SessionRunner;
using TaskRunner::TaskContext;

namespace {

constexpr int cancelSamples = 20;
constexpr qint64 progressBatch = 10'000'000;
constexpr auto progressDuration = 2s;
constexpr int commandCount = 1000;
constexpr qint64 floodBytes = qint64(200) << 20;
constexpr int groupCancelSamples = 5;

// A line of about 100 bytes, 200 MiB of them, as fast as the shell's yes can write.
QString floodLine()
{
    return QStringLiteral("yes 'output flood line: the quick brown fox jumps over the lazy dog "
                          "0123456789 abcdefghij' | head -c %1")
        .arg(floodBytes);
}

// No process of the group is alive. A member that died but was not reaped yet (a zombie,
// which only its parent or init can reap, and this machine's init reaps orphans every few
// seconds) does not count: it runs nothing and holds nothing.
bool groupGone(qint64 pgid)
{
    if (::kill(-pid_t(pgid), 0) == -1 && errno == ESRCH)
        return true;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        entry.toInt(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // pid (comm) state ppid pgrp ...: the comm may hold spaces, so split after its ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 2 && fields.at(2).toLongLong() == pgid && fields.at(0) != "Z")
            return false;
    }
    return true;
}

// Waits (in this thread, which runs no event loop meanwhile) until the group is gone; ms.
double waitForGroupGone(qint64 pgid, Bench::Clock::time_point start, std::chrono::seconds limit)
{
    while (!groupGone(pgid)) {
        if (Bench::Clock::now() - start > limit)
            return Bench::notMeasured;
        std::this_thread::sleep_for(1ms);
    }
    return Bench::millisecondsSince(start);
}

// The least a reader of the flood can do: the flood's shell writes into a pipe of 1 MiB (as a
// command's is) that this thread read()s into one buffer of 1 MiB and drops, nothing else.
// MiB/s, or notMeasured.
double minimalReaderMiBPerS()
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return Bench::notMeasured;
#ifdef F_SETPIPE_SZ
    ::fcntl(fds[0], F_SETPIPE_SZ, 1 << 20);
#endif
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    const QByteArray line = floodLine().toLocal8Bit();
    char shell[] = "/bin/sh";
    char dashC[] = "-c";
    char *argv[] = {shell, dashC, const_cast<char *>(line.constData()), nullptr};
    const auto start = Bench::Clock::now();
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, shell, &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    qint64 total = 0;
    if (spawned == 0) {
        std::vector<char> buffer(std::size_t(1) << 20);
        for (;;) {
            const ssize_t got = ::read(fds[0], buffer.data(), buffer.size());
            if (got > 0)
                total += got;
            else if (got == 0 || errno != EINTR)
                break;
        }
    }
    const double seconds = Bench::secondsSince(start);
    ::close(fds[0]);
    int status = 0;
    if (spawned == 0)
        ::waitpid(pid, &status, 0);
    if (spawned != 0 || total != floodBytes || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Bench::notMeasured;
    return double(floodBytes) / (1 << 20) / seconds;
}

} // namespace

namespace Bench {

void measureTaskControl(BenchResults &results)
{
    // cancel(id) of a running example task until the next task has started, timed from the
    // GUI thread's call to the worker's entry on the runner's thread.
    {
        auto nextStarted = std::make_shared<std::atomic<qint64>>(0);
        SessionRunner runner =
            SessionRunner::create([nextStarted, example = TaskRunner::exampleSessionWorker(60s)](
                                      const QVariant &task, TaskContext &context) -> QVariant {
                if (task.toString() == QLatin1String("next")) {
                    nextStarted->store(Clock::now().time_since_epoch().count());
                    return task;
                }
                return example(task, context);
            });
        std::vector<double> samples;
        for (int i = 0; i < cancelSamples; ++i) {
            nextStarted->store(0);
            const TaskRunner::TaskId example = runner.append(QStringLiteral("example"));
            runner.append(QStringLiteral("next"));
            if (!waitUntil([&] { return runner.state().runningId == example; }, 5s)) {
                std::fprintf(stderr, "error: cancel: the example task did not start\n");
                break;
            }
            const auto start = Clock::now();
            runner.cancel(example);
            if (!waitUntil([&] { return nextStarted->load() != 0; }, 5s)) {
                std::fprintf(stderr, "error: cancel: the next task did not start\n");
                break;
            }
            samples.push_back(std::chrono::duration<double, std::micro>(
                                  Clock::duration(nextStarted->load()) - start.time_since_epoch())
                                  .count());
        }
        finish(runner);
        results.cancelRunningTaskUs =
            samples.size() == cancelSamples ? median(samples) : notMeasured;
    }

    // setProgress() in a tight loop, watched as a window watches: its cost per call, and how
    // often the watcher tells the GUI thread.
    {
        auto calls = std::make_shared<std::atomic<qint64>>(0);
        auto nanoseconds = std::make_shared<std::atomic<qint64>>(0);
        SessionRunner runner = SessionRunner::create([calls, nanoseconds](const QVariant &,
                                                                          TaskContext &context) {
            const auto start = Clock::now();
            qint64 done = 0;
            while (Clock::now() - start < progressDuration) {
                for (qint64 i = 0; i < progressBatch; ++i)
                    context.setProgress(i, progressBatch);
                done += progressBatch;
            }
            nanoseconds->store(
                std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
            calls->store(done);
            return QVariant();
        });
        TaskRunner::RunnerWatcher watcher;
        watcher.setRunner(runner);
        int notifications = 0;
        bool running = false;
        Clock::time_point runStart;
        double runSeconds = 0;
        QObject::connect(&watcher, &TaskRunner::RunnerWatcher::stateChanged, &watcher, [&] {
            const TaskRunner::SessionRunnerState state = runner.state();
            if (state.busy && !running) {
                running = true;
                runStart = Clock::now();
            } else if (running && !state.busy) {
                running = false;
                runSeconds = secondsSince(runStart);
            } else if (running) {
                ++notifications;
            }
        });
        runner.append(1);
        const bool ok =
            waitUntil([&] { return calls->load() > 0 && !running; }, progressDuration + 30s);
        finish(runner);
        if (ok && runSeconds > 0) {
            results.progressCallNs = double(nanoseconds->load()) / double(calls->load());
            results.progressNotificationsPerS = notifications / runSeconds;
        } else {
            std::fprintf(stderr, "error: progress: the task did not finish\n");
        }
    }
}

void measureCommands(BenchResults &results)
{
    // 1,000 /bin/true through one session, until a watcher saw them all done; beside the same
    // 1,000 in a shell loop.
    {
        SessionRunner runner = SessionRunner::create(TaskRunner::commandSessionWorker());
        TaskRunner::RunnerWatcher watcher;
        watcher.setRunner(runner);
        const QVariant task =
            QVariant::fromValue(TaskRunner::CommandSpec::fromLine(QStringLiteral("/bin/true")));
        const auto start = Clock::now();
        for (int i = 0; i < commandCount; ++i)
            runner.append(task);
        const bool ok =
            waitUntil([&] { return runner.state().done >= quint64(commandCount); }, 120s);
        const double seconds = secondsSince(start);
        if (ok && runner.state().failed == 0)
            results.commandTasksPerS = commandCount / seconds;
        else
            std::fprintf(stderr, "error: commands: %llu done, %llu failed\n",
                         static_cast<unsigned long long>(runner.state().done),
                         static_cast<unsigned long long>(runner.state().failed));
        finish(runner);

        QProcess loop;
        const auto loopStart = Clock::now();
        loop.start(QStringLiteral("/bin/sh"),
                   {QStringLiteral("-c"),
                    QStringLiteral("i=0; while [ $i -lt %1 ]; do /bin/true; i=$((i+1)); done")
                        .arg(commandCount)});
        if (loop.waitForFinished(120000) && loop.exitCode() == 0)
            results.shellLoopTasksPerS = commandCount / secondsSince(loopStart);
    }

    // The same 200 MiB into /dev/null: what the pipe and the writer can do at all.
    {
        QProcess pipe;
        const auto start = Clock::now();
        pipe.start(QStringLiteral("/bin/sh"),
                   {QStringLiteral("-c"), floodLine() + QStringLiteral(" > /dev/null")});
        if (pipe.waitForFinished(120000) && pipe.exitCode() == 0)
            results.pipeMiBPerS = double(floodBytes) / (1 << 20) / secondsSince(start);
        // And through one more pipe, read by cat: the hop a reader of the output adds, which
        // the figure above leaves out.
        QProcess cat;
        const auto catStart = Clock::now();
        cat.start(QStringLiteral("/bin/sh"),
                  {QStringLiteral("-c"), floodLine() + QStringLiteral(" | cat > /dev/null")});
        if (cat.waitForFinished(120000) && cat.exitCode() == 0)
            std::fprintf(stderr, "  the same read by cat through a pipe: %.1f MiB/s\n",
                         double(floodBytes) / (1 << 20) / secondsSince(catStart));
        // What the 0.5 x target asks of this machine: no reader of a pipe does less.
        const double minimal = minimalReaderMiBPerS();
        if (minimal > 0 && results.pipeMiBPerS > 0)
            std::fprintf(stderr,
                         "  the same read from a pipe of 1 MiB into a buffer of 1 MiB, and "
                         "dropped: %.1f MiB/s (%.3f x the pipe)\n",
                         minimal, minimal / results.pipeMiBPerS);
    }

    // A command writing 200 MiB of lines, shown in a window whose output view follows it:
    // until the window shows its end. The GUI loop is probed meanwhile.
    {
        AppOptions options;
        options.globalKey = QStringLiteral("bench-output");
        auto controller = std::make_unique<AppController>(options);
        SessionWindow *window = controller->newWindow();
        flushEvents();
        const double rssBefore = trimmedResidentMiB();
        const long majorFaultsBefore = majorPageFaults();
        LoopProbe probe;
        probe.start();
        const auto start = Clock::now();
        SessionRunnerView *view = window->sessionView();
        view->addCommand(floodLine(), true);
        bool selected = false;
        const bool shown = waitUntil(
            [&] {
                TaskTableModel *model = view->taskModel();
                if (!model || model->rowCount() == 0)
                    return false;
                if (!selected) {
                    view->taskTable()->selectRow(0);
                    selected = true;
                }
                const TaskTableModel::Row *row = model->rowAt(0);
                return row && row->isFinished() && view->outputView() &&
                       view->outputView()->shownTask() == row->id &&
                       view->outputView()->isUpToDate();
            },
            120s);
        const double seconds = secondsSince(start);
        probe.stop();
        const TaskTableModel::Row *row = view->taskModel() ? view->taskModel()->rowAt(0) : nullptr;
        if (shown && row && row->output && row->output->totalSize() == floodBytes) {
            results.outputFloodMiBPerS = double(floodBytes) / (1 << 20) / seconds;
            results.outputFloodLoopLatencyP99Ms = percentile(probe.latenciesMs(), 99);
            results.outputFloodRssGrowthMiB = residentMiB() - rssBefore;
            // Code read from disk on its first use stops the GUI thread however little it has
            // to do: what a spike in the latency above may come from.
            std::fprintf(stderr, "  output flood: %.0f ms, %ld major page faults meanwhile\n",
                         seconds * 1000, majorPageFaults() - majorFaultsBefore);
        } else {
            std::fprintf(stderr, "error: output flood: not shown (%lld bytes)\n",
                         row && row->output ? static_cast<long long>(row->output->totalSize())
                                            : -1LL);
        }
        controller->quitWithoutAsking();
        controller.reset();
        flushEvents();
    }

    // The naive way: QProcess on the GUI thread, readyRead -> appendPlainText.
    {
        QPlainTextEdit edit;
        edit.resize(600, 300);
        edit.setReadOnly(true);
        edit.show();
        flushEvents();
        const double rssBefore = trimmedResidentMiB();
        LoopProbe probe;
        QProcess process;
        bool done = false;
        QObject::connect(&process, &QProcess::finished, &edit, [&] { done = true; });
        qint64 shownBytes = 0;
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &edit, [&] {
            const QByteArray data = process.readAllStandardOutput();
            shownBytes += data.size();
            edit.appendPlainText(QString::fromUtf8(data));
        });
        probe.start();
        const auto start = Clock::now();
        process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), floodLine()});
        // The naive GUI would take minutes and gigabytes for all of it: it is measured for at
        // most 20 s, then stopped.
        const bool finished = waitUntil([&] { return done; }, 20s);
        probe.stop();
        results.naiveOutputLoopLatencyP99Ms = percentile(probe.latenciesMs(), 99);
        results.naiveOutputRssGrowthMiB = residentMiB() - rssBefore;
        std::fprintf(stderr, "  naive output: %s %.1f MiB in %.1f s (%.1f MiB/s shown)\n",
                     finished ? "showed all" : "had shown", double(shownBytes) / (1 << 20),
                     secondsSince(start), double(shownBytes) / (1 << 20) / secondsSince(start));
        if (!finished) {
            process.kill();
            process.waitForFinished(5000);
        }
        edit.clear();
        flushEvents();
    }

    // Cancel -> the command's whole process group is gone: `sleep 100`, and a command that
    // ignores SIGTERM (it gets SIGKILL after the grace).
    {
        auto pgid = std::make_shared<std::atomic<qint64>>(0);
        TaskRunner::CommandOptions commandOptions;
        commandOptions.started = [pgid](qint64 pid) { pgid->store(pid); };
        results.commandKillGraceMs = double(commandOptions.killGrace.count());
        SessionRunner runner =
            SessionRunner::create(TaskRunner::commandSessionWorker(commandOptions));
        auto cancelOnce = [&](const QString &line, std::chrono::seconds limit) {
            pgid->store(0);
            const TaskRunner::TaskId id =
                runner.append(QVariant::fromValue(TaskRunner::CommandSpec::fromLine(line, true)));
            if (!waitUntil([&] { return pgid->load() != 0; }, 10s))
                return notMeasured;
            // Let the shell set its trap before it is cancelled.
            runEventLoop(100ms);
            const auto start = Clock::now();
            runner.cancel(id);
            return waitForGroupGone(pgid->load(), start, limit);
        };
        std::vector<double> samples;
        for (int i = 0; i < groupCancelSamples; ++i) {
            const double ms = cancelOnce(QStringLiteral("exec sleep 100"), 10s);
            if (measured(ms))
                samples.push_back(ms);
        }
        results.cancelCommandMs =
            samples.size() == groupCancelSamples ? median(samples) : notMeasured;
        results.cancelStubbornCommandMs =
            cancelOnce(QStringLiteral("trap '' TERM; while :; do sleep 0.2; done"), 20s);
        finish(runner);
    }
}

} // namespace Bench
