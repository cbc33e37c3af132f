#include "testsupport.h"

#include <TaskRunner/commandworker.h>
#include <TaskRunner/globalrunner.h>
#include <TaskRunner/runneroptions.h>
#include <TaskRunner/sessionrunner.h>
#include <TaskRunner/taskoutput.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

using namespace TaskRunner;
using namespace std::chrono_literals;

namespace {

CommandSpec command(const QString &program, const QStringList &arguments = {})
{
    CommandSpec spec;
    spec.program = program;
    spec.arguments = arguments;
    return spec;
}

CommandSpec shell(const QString &line)
{
    return CommandSpec::fromLine(line, true);
}

QVariant task(const CommandSpec &spec)
{
    return QVariant::fromValue(spec);
}

// The record of task `id`, once the runner has it.
std::optional<TaskRecord> waitForRecord(const SessionRunner &runner, TaskId id,
                                        int timeoutMs = 10000)
{
    std::optional<TaskRecord> found;
    const auto arrived = [&] {
        for (const TaskRecord &record : runner.records(1).records) {
            if (record.id == id)
                found = record;
        }
        return found.has_value();
    };
    if (!QTest::qWaitFor(arrived, timeoutMs))
        return std::nullopt;
    return found;
}

// Runs `spec` on a session runner of its own and returns its record.
std::optional<TaskRecord> runOnRunner(const CommandSpec &spec, const CommandOptions &options = {},
                                      int timeoutMs = 10000)
{
    SessionRunner runner = SessionRunner::create(commandSessionWorker(options));
    if (!runner)
        return std::nullopt;
    return waitForRecord(runner, runner.append(task(spec)), timeoutMs);
}

QByteArray channelBytes(const TaskRecord &record, OutputChannel channel)
{
    QByteArray bytes;
    if (!record.output)
        return bytes;
    for (const OutputChunk &chunk : record.output->read(0).chunks) {
        if (chunk.channel == channel)
            bytes += chunk.data;
    }
    return bytes;
}

// The processes of group `group` that have not exited (zombies waiting for their parent have),
// from /proc.
std::vector<pid_t> liveMembers(pid_t group)
{
    std::vector<pid_t> members;
    DIR *proc = opendir("/proc");
    if (!proc)
        return members;
    while (const dirent *entry = readdir(proc)) {
        const pid_t pid = pid_t(std::atoi(entry->d_name));
        if (pid <= 0)
            continue;
        QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = file.readAll();
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        char state = 0;
        int parent = 0;
        int pgrp = 0;
        if (std::sscanf(stat.constData() + close + 1, " %c %d %d", &state, &parent, &pgrp) == 3 &&
            pgrp == group && state != 'Z' && state != 'X')
            members.push_back(pid);
    }
    closedir(proc);
    return members;
}

// No process of the group is left, not even a zombie.
bool groupGone(pid_t group)
{
    return ::kill(-group, 0) == -1 && errno == ESRCH;
}

// Blocks until process `pid` (any, not only a child) has exited, on its pidfd: no polling.
bool waitForExit(pid_t pid, int timeoutMs)
{
    const int fd = int(syscall(SYS_pidfd_open, pid, 0));
    if (fd < 0)
        return errno == ESRCH;
    pollfd entry{fd, POLLIN, 0};
    const int ready = ::poll(&entry, 1, timeoutMs);
    ::close(fd);
    return ready == 1;
}

int openDescriptorCount()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size());
}

// Children of this process, from every thread's /proc entry: running or zombies.
QByteArray childrenOfThisProcess()
{
    QByteArray children;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &thread : tasks) {
        QFile file(QStringLiteral("/proc/self/task/%1/children").arg(thread));
        if (file.open(QIODevice::ReadOnly))
            children += file.readAll().trimmed();
    }
    return children;
}

// A worker that runs commands with `options`, which tells the test the pid of each.
struct PidProbe
{
    std::shared_ptr<std::atomic<qint64>> pid = std::make_shared<std::atomic<qint64>>(0);

    CommandOptions options(std::chrono::milliseconds killGrace = 3s) const
    {
        CommandOptions options;
        options.killGrace = killGrace;
        options.started = [pid = pid](qint64 started) { pid->store(started); };
        return options;
    }
    // The pid once the command runs, 0 if it did not start in time.
    pid_t wait(int timeoutMs = 10000) const
    {
        return QTest::qWaitFor([this] { return pid->load() != 0; }, timeoutMs) ? pid_t(pid->load())
                                                                               : 0;
    }
};

} // namespace

class tst_CommandWorker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void outcome_data();
    void outcome();
    void channelsKeptApart();
    void encodings_data();
    void encodings();
    void lastLineIsBounded();
    void stdinIsAtEndOfFile();
    void cannotStart_data();
    void cannotStart();
    void workingDirectory();
    void environmentAndNoShell();
    void noDescriptorLeaks();
    void cancelEndsTheProcessGroup();
    void termIgnoredGetsKillAfterGrace();
    void blockedSignalsAreNotInherited();
    void backgroundChildrenDie();
    void pipeHeldByGrandchildDoesNotHoldTheTask();
    void grandchildIgnoringTermIsKilledAfterExit();
    void runnerStopDuringCommand();
    void runnerStopCapsTheGrace();
    void waitSurvivesQuitOfTheThread();
    void throwingStartedCallbackKillsTheGroup();
    void futureCarriesCommandError();
    void otherTasks();
    void globalRunnerRunsCommand();
    void thousandCommandsLeaveNothingBehind();

private:
    QTemporaryDir m_dir;
};

void tst_CommandWorker::initTestCase()
{
    TestSupport::installMessageGuard();
    QVERIFY(m_dir.isValid());
}

void tst_CommandWorker::cleanup()
{
    QTRY_COMPARE_WITH_TIMEOUT(liveRunnerCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(runnerObjectCount(), 0, 10000);
    TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES();
}

void tst_CommandWorker::outcome_data()
{
    QTest::addColumn<CommandSpec>("spec");
    QTest::addColumn<TaskState>("state");
    QTest::addColumn<QString>("text"); // the result, or the error
    QTest::addColumn<int>("exitCode"); // -1: none recorded

    QTest::newRow("true") << command(QStringLiteral("true")) << TaskState::Done
                          << QStringLiteral("exit 0") << 0;
    QTest::newRow("last line") << shell(QStringLiteral("echo hello; echo world")) << TaskState::Done
                               << QStringLiteral("world") << 0;
    QTest::newRow("blank lines skipped") << shell(QStringLiteral("echo last; echo; echo '   '"))
                                         << TaskState::Done << QStringLiteral("last") << 0;
    QTest::newRow("unfinished line") << shell(QStringLiteral("printf 'a\\nno newline'"))
                                     << TaskState::Done << QStringLiteral("no newline") << 0;
    QTest::newRow("carriage return") << shell(QStringLiteral("printf '10%%\\r100%%\\r\\n'"))
                                     << TaskState::Done << QStringLiteral("100%") << 0;
    QTest::newRow("exit 3 with stderr")
        << shell(QStringLiteral("echo out; echo 'first' >&2; echo 'bad thing' >&2; exit 3"))
        << TaskState::Failed << QStringLiteral("exit status 3: bad thing") << 3;
    QTest::newRow("exit 3 silent") << shell(QStringLiteral("exit 3")) << TaskState::Failed
                                   << QStringLiteral("exit status 3") << 3;
    QTest::newRow("false") << command(QStringLiteral("false")) << TaskState::Failed
                           << QStringLiteral("exit status 1") << 1;
    QTest::newRow("SIGSEGV") << shell(QStringLiteral("kill -SEGV $$")) << TaskState::Failed
                             << QStringLiteral("killed by SIGSEGV") << -1;
    QTest::newRow("SIGTERM from outside")
        << shell(QStringLiteral("kill -TERM $$")) << TaskState::Failed
        << QStringLiteral("killed by SIGTERM") << -1;
}

void tst_CommandWorker::outcome()
{
    QFETCH(CommandSpec, spec);
    QFETCH(TaskState, state);
    QFETCH(QString, text);
    QFETCH(int, exitCode);

    const std::optional<TaskRecord> record = runOnRunner(spec);
    QVERIFY(record);
    QCOMPARE(record->state, state);
    if (state == TaskState::Done) {
        QCOMPARE(record->result.typeId(), QMetaType::QString);
        QCOMPARE(record->result.toString(), text);
    } else {
        QCOMPARE(record->errorMessage, text);
    }
    if (exitCode < 0)
        QVERIFY(!record->exitCode);
    else
        QCOMPARE(record->exitCode, std::optional<int>(exitCode));
}

void tst_CommandWorker::channelsKeptApart()
{
    const std::optional<TaskRecord> record =
        runOnRunner(shell(QStringLiteral("echo out1; echo err1 >&2; echo out2; echo err2 >&2")));
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Done);
    QCOMPARE(record->result.toString(), QStringLiteral("out2"));
    QVERIFY(record->output);
    QCOMPARE(channelBytes(*record, OutputChannel::StandardOutput), QByteArray("out1\nout2\n"));
    QCOMPARE(channelBytes(*record, OutputChannel::StandardError), QByteArray("err1\nerr2\n"));
    QCOMPARE(record->output->totalSize(), 20);
}

void tst_CommandWorker::encodings_data()
{
    QTest::addColumn<QString>("format"); // for printf(1)
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("UTF-8") << QStringLiteral("h\\303\\251llo \\342\\202\\254\\n")
                           << QByteArray("h\xc3\xa9llo \xe2\x82\xac\n")
                           << QStringLiteral("héllo €");
    QTest::newRow("invalid bytes") << QStringLiteral("a\\377b\\300\\n")
                                   << QByteArray("a\xff"
                                                 "b\xc0\n")
                                   << QStringLiteral("a\uFFFDb\uFFFD");
    QTest::newRow("NUL") << QStringLiteral("a\\000b\\n") << QByteArray("a\0b\n", 4)
                         << QStringLiteral("a\uFFFDb");
}

void tst_CommandWorker::encodings()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);

    // On stdout: the result.
    std::optional<TaskRecord> record = runOnRunner(command(QStringLiteral("printf"), {format}));
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Done);
    QCOMPARE(record->result.toString(), text);
    QCOMPARE(channelBytes(*record, OutputChannel::StandardOutput), bytes);

    // On stderr: the error.
    CommandSpec failing = command(
        QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("printf \"$1\" >&2; exit 2"),
                               QStringLiteral("sh"), format});
    record = runOnRunner(failing);
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Failed);
    QCOMPARE(record->errorMessage, QStringLiteral("exit status 2: ") + text);
    QCOMPARE(channelBytes(*record, OutputChannel::StandardError), bytes);
}

void tst_CommandWorker::lastLineIsBounded()
{
    // 2 MB in one line: the output keeps its 1 MiB tail and the exact total, the result only
    // the start of the line.
    const std::optional<TaskRecord> record =
        runOnRunner(shell(QStringLiteral("head -c 2000000 /dev/zero | tr '\\000' x")));
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Done);
    const QString result = record->result.toString();
    QCOMPARE(result.size(), 4096 + 1);
    QVERIFY(result.endsWith(u'…'));
    QCOMPARE(record->output->totalSize(), 2000000);
    QCOMPARE(record->output->keptFrom(), 2000000 - TaskOutput::defaultLimit());
}

void tst_CommandWorker::stdinIsAtEndOfFile()
{
    QElapsedTimer timer;
    timer.start();
    std::optional<TaskRecord> record = runOnRunner(command(QStringLiteral("cat")), {}, 5000);
    QVERIFY2(record, "cat waits for input: stdin is not at its end");
    QCOMPARE(record->state, TaskState::Done);
    QCOMPARE(record->result.toString(), QStringLiteral("exit 0"));

    record = runOnRunner(shell(QStringLiteral("read line; echo \"read: $?\"")), {}, 5000);
    QVERIFY(record);
    QCOMPARE(record->result.toString(), QStringLiteral("read: 1"));
    qInfo("cat and read finished in %lld ms together", qint64(timer.elapsed()));
}

void tst_CommandWorker::cannotStart_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("error");

    const QString notExecutable = m_dir.filePath(QStringLiteral("not-executable"));
    QFile file(notExecutable);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\necho hi\n");
    file.close();

    const QString notAProgram = m_dir.filePath(QStringLiteral("not-a-program"));
    QFile garbage(notAProgram);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("\x7f"
                  "ELF but not really");
    garbage.close();
    QVERIFY(garbage.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    QTest::newRow("missing path") << QStringLiteral("/nonexistent/prog")
                                  << QStringLiteral("cannot run '/nonexistent/prog': No such file "
                                                    "or directory");
    QTest::newRow("not in PATH") << QStringLiteral("no-such-program-here")
                                 << QStringLiteral("cannot run 'no-such-program-here': No such "
                                                   "file or directory");
    QTest::newRow("not executable")
        << notExecutable << QStringLiteral("cannot run '%1': Permission denied").arg(notExecutable);
    QTest::newRow("a folder")
        << m_dir.path() << QStringLiteral("cannot run '%1': Is a directory").arg(m_dir.path());
    // Found and executable, but the exec fails: the child's reason, through QProcess.
    QTest::newRow("exec format")
        << notAProgram << QStringLiteral("cannot run '%1': Exec format error").arg(notAProgram);
}

void tst_CommandWorker::cannotStart()
{
    QFETCH(QString, program);
    QFETCH(QString, error);

    const std::optional<TaskRecord> record = runOnRunner(command(program));
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Failed);
    QCOMPARE(record->errorMessage, error);
    QVERIFY(!record->exitCode);
    QVERIFY(!record->output);
}

void tst_CommandWorker::workingDirectory()
{
    CommandSpec spec = command(QStringLiteral("true"));
    spec.workingDirectory = QStringLiteral("/nonexistent/folder");
    std::optional<TaskRecord> record = runOnRunner(spec);
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Failed);
    QCOMPARE(record->errorMessage,
             QStringLiteral("cannot run 'true': folder '/nonexistent/folder' does not exist"));

    const QString file = m_dir.filePath(QStringLiteral("a-file"));
    QFile(file).open(QIODevice::WriteOnly);
    spec.workingDirectory = file;
    record = runOnRunner(spec);
    QVERIFY(record);
    QCOMPARE(record->errorMessage,
             QStringLiteral("cannot run 'true': '%1' is not a folder").arg(file));

    // The folder is used, and a relative program is found in it.
    const QString folder = QDir(m_dir.path()).canonicalPath();
    QFile script(m_dir.filePath(QStringLiteral("where.sh")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\npwd\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    spec = command(QStringLiteral("./where.sh"));
    spec.workingDirectory = folder;
    record = runOnRunner(spec);
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Done);
    QCOMPARE(record->result.toString(), folder);
}

void tst_CommandWorker::environmentAndNoShell()
{
    qputenv("TASKRUNNER_TEST_VALUE", "inherited value");
    std::optional<TaskRecord> record =
        runOnRunner(shell(QStringLiteral("echo \"$TASKRUNNER_TEST_VALUE\"")));
    QVERIFY(record);
    QCOMPARE(record->result.toString(), QStringLiteral("inherited value"));

    // Without useShell nothing is expanded, piped or globbed.
    record =
        runOnRunner(CommandSpec::fromLine(QStringLiteral("echo $TASKRUNNER_TEST_VALUE | wc -c *")));
    QVERIFY(record);
    QCOMPARE(record->result.toString(), QStringLiteral("$TASKRUNNER_TEST_VALUE | wc -c *"));
    qunsetenv("TASKRUNNER_TEST_VALUE");
}

void tst_CommandWorker::noDescriptorLeaks()
{
    // A descriptor of the application without close-on-exec (dup2() clears the flag).
    const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    QVERIFY(devNull >= 0);
    QCOMPARE(::dup2(devNull, 200), 200);
    ::close(devNull);
    // The shell's own descriptors, listed by its child.
    const QString listDescriptors = QStringLiteral("ls /proc/$$/fd");

    // Plain QProcess lets it through: the check below would see a leak.
    QProcess plain;
    plain.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), listDescriptors});
    QVERIFY(plain.waitForFinished(10000));
    QVERIFY2(plain.readAllStandardOutput().split('\n').contains("200"),
             "QProcess closes descriptors by itself now: this test proves nothing");

    const std::optional<TaskRecord> record = runOnRunner(shell(listDescriptors));
    ::close(200);
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Done);
    QCOMPARE(channelBytes(*record, OutputChannel::StandardOutput), QByteArray("0\n1\n2\n"));
}

void tst_CommandWorker::cancelEndsTheProcessGroup()
{
    PidProbe probe;
    const CommandOptions options = probe.options();
    SessionRunner runner = SessionRunner::create([options](const QVariant &, TaskContext &context) {
        return runCommand(command(QStringLiteral("sleep"), {QStringLiteral("100")}), context,
                          options);
    });
    QVERIFY(runner);
    const TaskId id = runner.append(QVariant());
    const pid_t pid = probe.wait();
    QVERIFY(pid > 0);
    QCOMPARE(::getpgid(pid), pid); // its own group
    QCOMPARE(::getsid(pid), pid);  // and session

    QElapsedTimer timer;
    timer.start();
    QVERIFY(runner.cancel(id));
    QVERIFY(waitForExit(pid, 5000));
    const qint64 exitNs = timer.nsecsElapsed();
    QTRY_VERIFY_WITH_TIMEOUT(groupGone(pid), 50);

    const std::optional<TaskRecord> record = waitForRecord(runner, id);
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Cancelled);
    QCOMPARE(record->errorMessage, QStringLiteral("killed by SIGTERM"));
    qInfo("cancel to the death of sleep: %.2f ms", double(exitNs) / 1e6);

    // The session goes on with the next task.
    probe.pid->store(0);
    const TaskId next = runner.append(QVariant());
    QVERIFY(probe.wait() > 0);
    QVERIFY(runner.cancel(next));
    QVERIFY(waitForRecord(runner, next));
}

void tst_CommandWorker::termIgnoredGetsKillAfterGrace()
{
    PidProbe probe;
    const CommandOptions options = probe.options(300ms);
    SessionRunner runner = SessionRunner::create(commandSessionWorker(options));
    // The trap makes the shell and its sleep ignore SIGTERM (an ignored signal stays ignored
    // through exec); the shell waits for the sleep.
    const TaskId id = runner.append(task(shell(QStringLiteral("trap '' TERM; sleep 100; :"))));
    const pid_t pid = probe.wait();
    QVERIFY(pid > 0);
    QTRY_COMPARE_WITH_TIMEOUT(liveMembers(pid).size(), size_t(2), 5000); // sh and sleep

    QElapsedTimer timer;
    timer.start();
    QVERIFY(runner.cancel(id));
    QVERIFY(waitForExit(pid, 5000));
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 290, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
    QTRY_VERIFY_WITH_TIMEOUT(liveMembers(pid).empty(), 50);

    const std::optional<TaskRecord> record = waitForRecord(runner, id);
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Cancelled);
    QCOMPARE(record->errorMessage, QStringLiteral("killed by SIGKILL"));
    qInfo("a command that ignores SIGTERM, grace 300 ms: dead after %lld ms", elapsed);
    // The sleep was orphaned when the shell died: its zombie waits for init (seconds, here).
    QTRY_VERIFY_WITH_TIMEOUT(groupGone(pid), 10000);
}

void tst_CommandWorker::blockedSignalsAreNotInherited()
{
    // A runner thread that blocks SIGTERM (as one that waits on a signalfd would): the child
    // starts with no signal blocked, so the cancel's SIGTERM ends it, not the SIGKILL 60 s on.
    PidProbe probe;
    const CommandOptions options = probe.options(60s);
    SessionRunner runner = SessionRunner::create([options](const QVariant &, TaskContext &context) {
        sigset_t terminate;
        sigemptyset(&terminate);
        sigaddset(&terminate, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &terminate, nullptr);
        return runCommand(command(QStringLiteral("sleep"), {QStringLiteral("100")}), context,
                          options);
    });
    const TaskId id = runner.append(QVariant());
    const pid_t pid = probe.wait();
    QVERIFY(pid > 0);
    QVERIFY(runner.cancel(id));
    QVERIFY(waitForExit(pid, 5000));
    const std::optional<TaskRecord> record = waitForRecord(runner, id);
    QVERIFY(record);
    QCOMPARE(record->errorMessage, QStringLiteral("killed by SIGTERM"));
}

void tst_CommandWorker::backgroundChildrenDie()
{
    PidProbe probe;
    SessionRunner runner = SessionRunner::create(commandSessionWorker(probe.options()));
    const TaskId id = runner.append(task(shell(QStringLiteral("sleep 100 & sleep 100"))));
    const pid_t pid = probe.wait();
    QVERIFY(pid > 0);
    QTRY_COMPARE_WITH_TIMEOUT(liveMembers(pid).size(), size_t(3), 5000);
    const std::vector<pid_t> members = liveMembers(pid);

    QVERIFY(runner.cancel(id));
    QTRY_VERIFY_WITH_TIMEOUT(liveMembers(pid).empty(), 50);
    for (pid_t member : members)
        QVERIFY(waitForExit(member, 0));
    const std::optional<TaskRecord> record = waitForRecord(runner, id);
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Cancelled);
    QCOMPARE(record->errorMessage, QStringLiteral("killed by SIGTERM"));
    QTRY_VERIFY_WITH_TIMEOUT(groupGone(pid), 10000); // orphans' zombies wait for init
}

void tst_CommandWorker::pipeHeldByGrandchildDoesNotHoldTheTask()
{
    PidProbe probe;
    SessionRunner runner = SessionRunner::create(commandSessionWorker(probe.options()));
    // The subshell's sleep keeps stdout and stderr open for 100 s after the shell exited.
    const TaskId id = runner.append(task(shell(QStringLiteral("(sleep 100 &) ; echo done"))));
    const pid_t pid = probe.wait();
    QVERIFY(pid > 0);

    const std::optional<TaskRecord> record = waitForRecord(runner, id, 5000);
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Done);
    QCOMPARE(record->result.toString(), QStringLiteral("done"));
    QCOMPARE(record->exitCode, std::optional<int>(0));
    QVERIFY(liveMembers(pid).empty()); // ended before the task did
    qInfo("a command whose grandchild holds the pipes: the task took %lld ms",
          qint64(record->duration.count() / 1000));
    QTRY_VERIFY_WITH_TIMEOUT(groupGone(pid), 10000);
}

void tst_CommandWorker::grandchildIgnoringTermIsKilledAfterExit()
{
    PidProbe probe;
    SessionRunner runner = SessionRunner::create(commandSessionWorker(probe.options(300ms)));
    // The shell exits once the background subshell ignores SIGTERM (it tells through a FIFO).
    const QString fifo = m_dir.filePath(QStringLiteral("ready"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const TaskId id = runner.append(task(shell(
        QStringLiteral("(trap '' TERM; echo > '%1'; exec sleep 100) & read x < '%1'; echo done")
            .arg(fifo))));
    const pid_t pid = probe.wait();
    QVERIFY(pid > 0);

    const std::optional<TaskRecord> record = waitForRecord(runner, id, 5000);
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Done); // the command itself succeeded
    QCOMPARE(record->result.toString(), QStringLiteral("done"));
    QVERIFY(record->duration >= 290ms); // the grace, then SIGKILL
    QTRY_VERIFY_WITH_TIMEOUT(liveMembers(pid).empty(), 50);
}

void tst_CommandWorker::runnerStopDuringCommand()
{
    PidProbe probe;
    SessionRunner runner = SessionRunner::create(commandSessionWorker(probe.options()));
    runner.append(task(command(QStringLiteral("sleep"), {QStringLiteral("100")})));
    runner.append(task(command(QStringLiteral("true")))); // never runs
    const pid_t pid = probe.wait();
    QVERIFY(pid > 0);

    QFutureWatcher<void> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(runner.finished());
    QElapsedTimer timer;
    timer.start();
    runner.stop();
    QVERIFY(finished.wait(2000));
    qInfo("stop during a command: the runner finished after %.2f ms",
          double(timer.nsecsElapsed()) / 1e6);
    QTRY_VERIFY_WITH_TIMEOUT(groupGone(pid), 50);
    QCOMPARE(runner.state().done, quint64(0));
}

void tst_CommandWorker::runnerStopCapsTheGrace()
{
    const std::chrono::milliseconds previous = shutdownGrace();
    setShutdownGrace(400ms);
    PidProbe probe;
    // A grace longer than the shutdown's: the stop uses half the shutdown grace.
    SessionRunner runner = SessionRunner::create(commandSessionWorker(probe.options(60s)));
    runner.append(task(shell(QStringLiteral("trap '' TERM; sleep 100; :"))));
    const pid_t pid = probe.wait();
    QVERIFY(pid > 0);
    QTRY_COMPARE_WITH_TIMEOUT(liveMembers(pid).size(), size_t(2), 5000);

    QElapsedTimer timer;
    timer.start();
    const QStringList stuck = stopAllRunners(2s);
    const qint64 elapsed = timer.elapsed();
    setShutdownGrace(previous);
    QVERIFY2(stuck.isEmpty(), qPrintable(stuck.join(u',')));
    QVERIFY2(elapsed >= 190 && elapsed < 1500, qPrintable(QString::number(elapsed)));
    QTRY_VERIFY_WITH_TIMEOUT(liveMembers(pid).empty(), 50);
}

void tst_CommandWorker::waitSurvivesQuitOfTheThread()
{
    // A worker that told its thread's event loop to quit: QEventLoop::exec() would return at
    // once from then on, the command's wait must not.
    SessionRunner runner = SessionRunner::create([](const QVariant &, TaskContext &context) {
        QThread::currentThread()->quit();
        return runCommand(shell(QStringLiteral("sleep 0.2; echo slept")), context);
    });
    const std::optional<TaskRecord> record = waitForRecord(runner, runner.append(QVariant()));
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Done);
    QCOMPARE(record->result.toString(), QStringLiteral("slept"));
    QVERIFY(record->duration >= 190ms);
}

void tst_CommandWorker::throwingStartedCallbackKillsTheGroup()
{
    auto pid = std::make_shared<std::atomic<qint64>>(0);
    CommandOptions options;
    options.started = [pid](qint64 started) {
        pid->store(started);
        throw std::runtime_error("the callback failed");
    };
    SessionRunner runner = SessionRunner::create(commandSessionWorker(options));
    const std::optional<TaskRecord> record = waitForRecord(
        runner, runner.append(task(command(QStringLiteral("sleep"), {QStringLiteral("100")}))));
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Failed);
    QCOMPARE(record->errorMessage, QStringLiteral("the callback failed"));
    QVERIFY(pid->load() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(groupGone(pid_t(pid->load())), 50);
}

void tst_CommandWorker::futureCarriesCommandError()
{
    SessionRunner runner = SessionRunner::create(commandSessionWorker());
    QFuture<QVariant> future = runner.submit(task(shell(QStringLiteral("echo nope >&2; exit 3"))));
    // The runner's state is read under its lock, taken after the future got its exception:
    // that orders the exception's copy before the reads below for ThreadSanitizer too, which
    // cannot see the lock inside QFuture (Qt is not instrumented).
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().failed, quint64(1), 10000);
    QVERIFY(future.isFinished());
    try {
        future.result();
        QFAIL("no exception");
    } catch (const CommandError &error) {
        QCOMPARE(error.reason(), CommandError::Reason::ExitStatus);
        QCOMPARE(error.code(), 3);
        QCOMPARE(error.message(), QStringLiteral("exit status 3: nope"));
    }

    future = runner.submit(task(command(QStringLiteral("echo"), {QStringLiteral("fine")})));
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().done, quint64(1), 10000);
    QVERIFY(future.isFinished());
    QCOMPARE(future.result().toString(), QStringLiteral("fine"));
}

void tst_CommandWorker::otherTasks()
{
    SessionRunner commandsOnly = SessionRunner::create(commandSessionWorker());
    std::optional<TaskRecord> record = waitForRecord(commandsOnly, commandsOnly.append(42));
    QVERIFY(record);
    QCOMPARE(record->state, TaskState::Failed);
    QCOMPARE(record->errorMessage, QStringLiteral("the task is not a command"));

    record = waitForRecord(commandsOnly, commandsOnly.append(task(CommandSpec())));
    QVERIFY(record);
    QCOMPARE(record->errorMessage, QStringLiteral("the command is empty"));

    SessionRunner mixed = SessionRunner::create(commandSessionWorker(
        {}, [](const QVariant &value, TaskContext &) { return QVariant(value.toInt() * 2); }));
    record = waitForRecord(mixed, mixed.append(21));
    QVERIFY(record);
    QCOMPARE(record->result.toInt(), 42);
    record = waitForRecord(mixed, mixed.append(task(command(QStringLiteral("true")))));
    QVERIFY(record);
    QCOMPARE(record->result.toString(), QStringLiteral("exit 0"));
}

void tst_CommandWorker::globalRunnerRunsCommand()
{
    GlobalRunner runner = GlobalRunner::create(
        QStringLiteral("test-command"),
        commandGlobalWorker(CommandSpec::fromLine(QStringLiteral("echo tick"))), 0.01);
    QVERIFY(runner);
    QTRY_VERIFY_WITH_TIMEOUT(runner.state().runs >= 3, 10000);
    QCOMPARE(runner.state().lastResult.toString(), QStringLiteral("tick"));
    QCOMPARE(runner.state().failures, quint64(0));
    const TaskRecordBatch batch = runner.records(1);
    QVERIFY(!batch.records.isEmpty());
    QCOMPARE(batch.records.first().exitCode, std::optional<int>(0));
    QCOMPARE(channelBytes(batch.records.first(), OutputChannel::StandardOutput),
             QByteArray("tick\n"));
    runner.stop();
    QTRY_VERIFY_WITH_TIMEOUT(runner.finished().isFinished(), 5000);
}

void tst_CommandWorker::thousandCommandsLeaveNothingBehind()
{
    constexpr int count = 1000;
    SessionRunner runner = SessionRunner::create(commandSessionWorker());
    const QVariant truth = task(command(QStringLiteral("/bin/true")));
    QVERIFY(waitForRecord(runner, runner.append(truth))); // the runner's thread and dispatcher
    const int descriptors = openDescriptorCount();
    const int threads = TestSupport::processThreadCount();

    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i)
        runner.append(truth);
    QTRY_COMPARE_WITH_TIMEOUT(runner.state().done, quint64(count + 1), 300000);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(runner.state().failed, quint64(0));
    for (const TaskRecord &record : runner.records(1).records)
        QCOMPARE(record.result.toString(), QStringLiteral("exit 0"));

    QCOMPARE(openDescriptorCount(), descriptors);
    QCOMPARE(TestSupport::processThreadCount(), threads);
    QCOMPARE(childrenOfThisProcess(), QByteArray());
    int status = 0;
    QCOMPARE(::waitpid(-1, &status, WNOHANG), -1);
    QCOMPARE(errno, ECHILD);
    qInfo("%d commands in %lld ms (%.2f ms each)", count, elapsed, double(elapsed) / count);
}

QTEST_GUILESS_MAIN(tst_CommandWorker)
#include "tst_commandworker.moc"
