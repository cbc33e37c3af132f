#include <TaskRunner/commandworker.h>

#include "lastline.h"
#include "processgroup.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

namespace TaskRunner {

namespace {

using namespace std::chrono_literals;

QString systemReason(int error)
{
    char buffer[256];
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
    return QString::fromLocal8Bit(strerror_r(error, buffer, sizeof buffer));
#else
    if (strerror_r(error, buffer, sizeof buffer) != 0)
        return QCoreApplication::translate("TaskRunner::CommandWorker", "error %1").arg(error);
    return QString::fromLocal8Bit(buffer);
#endif
}

[[noreturn]] void cannotRun(const CommandSpec &spec, const QString &reason)
{
    throw CommandError(
        CommandError::Reason::CannotStart,
        QCoreApplication::translate("TaskRunner::CommandWorker", "cannot run '%1': %2")
            .arg(spec.program, reason));
}

// The folder must exist before the child's chdir() fails on it: the reason is then ours to
// word.
void checkFolder(const CommandSpec &spec)
{
    if (spec.workingDirectory.isEmpty())
        return;
    const QByteArray path = QFile::encodeName(spec.workingDirectory);
    struct stat info = {};
    if (::stat(path.constData(), &info) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            cannotRun(spec, QCoreApplication::translate("TaskRunner::CommandWorker",
                                                        "folder '%1' does not exist")
                                .arg(spec.workingDirectory));
        cannotRun(spec, QCoreApplication::translate("TaskRunner::CommandWorker",
                                                    "cannot use folder '%1': %2")
                            .arg(spec.workingDirectory, systemReason(errno)));
    }
    if (!S_ISDIR(info.st_mode))
        cannotRun(spec,
                  QCoreApplication::translate("TaskRunner::CommandWorker", "'%1' is not a folder")
                      .arg(spec.workingDirectory));
    if (::access(path.constData(), X_OK) != 0)
        cannotRun(spec, QCoreApplication::translate("TaskRunner::CommandWorker",
                                                    "cannot enter folder '%1': %2")
                            .arg(spec.workingDirectory, systemReason(errno)));
}

// 0 when `path` is a file this user may execute, or why not (an errno).
int executableError(const QString &path)
{
    const QByteArray encoded = QFile::encodeName(path);
    struct stat info = {};
    if (::stat(encoded.constData(), &info) != 0)
        return errno;
    if (S_ISDIR(info.st_mode))
        return EISDIR;
    if (::access(encoded.constData(), X_OK) != 0)
        return errno;
    return 0;
}

// The program to start, found as execvp() would find it, or the reason it cannot run, in the
// system's words (QProcess's own error string would say "execvp: …", and only once a child
// has been forked for nothing). A child's exec can still fail after this (a file that is not a
// program, say): its reason comes from QProcess.
QString resolveProgram(const CommandSpec &spec)
{
    const QString &program = spec.program;
    if (program.contains(u'/')) {
        // A relative path is the child's to resolve, after its chdir().
        const QString path = spec.workingDirectory.isEmpty()
                                 ? program
                                 : QDir(spec.workingDirectory).absoluteFilePath(program);
        if (const int error = executableError(path))
            cannotRun(spec, systemReason(error));
        return program;
    }
    QString searchPath = qEnvironmentVariable("PATH");
    if (searchPath.isNull())
        searchPath = QStringLiteral("/bin:/usr/bin"); // what execvp() searches without PATH
    int reason = ENOENT;
    for (const QString &folder : searchPath.split(u':', Qt::SkipEmptyParts)) {
        // Absolute, since the child changes its folder before the exec.
        const QString candidate = QDir(folder).absoluteFilePath(program);
        const int error = executableError(candidate);
        if (error == 0)
            return candidate;
        if (error == EACCES)
            reason = EACCES; // as execvp(): a file found but not executable says so
    }
    cannotRun(spec, systemReason(reason));
}

// One command, from start to end, on the calling thread.
class CommandRun
{
public:
    CommandRun(const CommandSpec &spec, TaskContext &context, const CommandOptions &options)
        : m_spec(spec)
        , m_context(context)
        , m_options(options)
        , m_stdoutLine(options.lastLineLimit)
        , m_stderrLine(options.lastLineLimit)
    {}
    CommandRun(const CommandRun &) = delete;
    CommandRun &operator=(const CommandRun &) = delete;
    // Only when something threw while the process ran (the `started` callback, say): nothing of
    // the group may outlive the run, and ~QProcess would kill only the process itself.
    ~CommandRun()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        if (!m_group.signal(SIGKILL))
            m_process.kill();
        m_process.waitForFinished(-1); // after SIGKILL: no wait to speak of
    }

    QVariant run(const QString &program);

private:
    enum class Stage : quint8 { Starting, Running, Exited, FailedToStart };

    void read(OutputChannel channel);
    void terminate();
    void kill();
    bool groupIsDone();
    QVariant outcome();

    const CommandSpec &m_spec;
    TaskContext &m_context;
    const CommandOptions &m_options;
    detail::LastLine m_stdoutLine;
    detail::LastLine m_stderrLine;
    QProcess m_process;
    QTimer m_killTimer;
    QTimer m_stopCheckTimer;
    detail::ExitWatch m_exitWatch;
    detail::ProcessGroup m_group{0};

    Stage m_stage = Stage::Starting;
    bool m_startedToReport = false;
    bool m_cancelled = false;   // the cancel came while the process ran
    bool m_terminating = false; // SIGTERM went to the group
    bool m_killed = false;      // SIGKILL went to the group
    bool m_membersChanged = true;
    bool m_canWatchMembers = true;
    int m_exitCode = 0;
    QProcess::ExitStatus m_exitStatus = QProcess::NormalExit;
    QString m_startError;
};

QVariant CommandRun::run(const QString &program)
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (!dispatcher)
        cannotRun(m_spec,
                  QCoreApplication::translate("TaskRunner::CommandWorker",
                                              "the calling thread has no event dispatcher"));

    m_process.setProgram(program);
    m_process.setArguments(m_spec.arguments);
    if (!m_spec.workingDirectory.isEmpty())
        m_process.setWorkingDirectory(m_spec.workingDirectory);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardInputFile(QProcess::nullDevice()); // a read gets EOF at once
    const int descriptorLimit = detail::descriptorLimit();
    m_process.setChildProcessModifier([descriptorLimit] { detail::prepareChild(descriptorLimit); });

    m_killTimer.setSingleShot(true);
    m_killTimer.setTimerType(Qt::PreciseTimer); // the grace is a minimum, not about 95% of it
    QObject::connect(&m_killTimer, &QTimer::timeout, &m_killTimer, [this] { kill(); });
    QObject::connect(&m_stopCheckTimer, &QTimer::timeout, &m_stopCheckTimer, [this] {
        if (QThread::currentThread()->isInterruptionRequested())
            kill();
    });
    QObject::connect(&m_process, &QProcess::started, &m_process, [this] {
        m_stage = Stage::Running;
        m_group = detail::ProcessGroup(pid_t(m_process.processId()));
        m_startedToReport = true;
    });
    QObject::connect(&m_process, &QProcess::errorOccurred, &m_process,
                     [this](QProcess::ProcessError error) {
                         if (error != QProcess::FailedToStart)
                             return; // a crash is reported by finished()
                         m_stage = Stage::FailedToStart;
                         m_startError = m_process.errorString();
                     });
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                     [this] { read(OutputChannel::StandardOutput); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { read(OutputChannel::StandardError); });
    // Qt 6 reports the end when the process itself ends (its pidfd), even while another
    // process still holds the pipes.
    QObject::connect(&m_process, &QProcess::finished, &m_process,
                     [this](int code, QProcess::ExitStatus status) {
                         read(OutputChannel::StandardOutput);
                         read(OutputChannel::StandardError);
                         m_stage = Stage::Exited;
                         m_exitCode = code;
                         m_exitStatus = status;
                     });

    // Destroyed before this returns: it waits for a callback that runs.
    const TaskContext::CancelCallback wake =
        m_context.onCancelled([dispatcher] { dispatcher->wakeUp(); });

    m_process.start(QIODevice::ReadOnly);
    // Each turn sleeps in the dispatcher until something happens: output, the end, a timer, a
    // member of the group that exits, or the cancel's wake-up. Not QEventLoop::exec(), which
    // returns at once on a thread whose loop a worker told to quit.
    for (;;) {
        if (m_startedToReport) {
            m_startedToReport = false;
            if (m_options.started)
                m_options.started(m_process.processId());
        }
        if (m_stage == Stage::FailedToStart)
            break;
        if (m_stage == Stage::Running && !m_terminating && m_context.isCancelled()) {
            m_cancelled = true;
            terminate();
        }
        if (m_stage == Stage::Exited && groupIsDone())
            break;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    m_killTimer.stop();
    m_stopCheckTimer.stop();
    m_exitWatch.clear();
    return outcome();
}

void CommandRun::read(OutputChannel channel)
{
    const QByteArray data = channel == OutputChannel::StandardOutput
                                ? m_process.readAllStandardOutput()
                                : m_process.readAllStandardError();
    if (data.isEmpty())
        return;
    (channel == OutputChannel::StandardOutput ? m_stdoutLine : m_stderrLine).append(data);
    m_context.appendOutput(data, channel);
}

// SIGTERM to the whole group now (with SIGCONT, so that a stopped member gets it too), and
// SIGKILL after the grace.
//
// A runner that stops is waited for only shutdownGrace(): the SIGKILL must come before the
// application gives up on the runner and exits, or the group would outlive it. Whether the
// runner stops shows only in QThread's interruption flag, which nothing wakes this thread for
// (the cancel's wake-up may even come just before the flag is set, and a task cancelled first
// gets no second wake-up for the stop): while the grace runs, the flag is looked at every half
// shutdown grace, so the SIGKILL comes at most that long after a stop.
void CommandRun::terminate()
{
    m_terminating = true;
    m_group.signal(SIGTERM);
    m_group.signal(SIGCONT);
    const std::chrono::milliseconds grace = std::max(m_options.killGrace, 0ms);
    const std::chrono::milliseconds stopCheck = std::max(shutdownGrace() / 2, 1ms);
    if (QThread::currentThread()->isInterruptionRequested()) {
        m_killTimer.start(std::min(grace, stopCheck));
        return;
    }
    m_killTimer.start(grace);
    if (stopCheck < grace)
        m_stopCheckTimer.start(stopCheck);
}

void CommandRun::kill()
{
    m_killTimer.stop();
    m_stopCheckTimer.stop();
    m_group.signal(SIGKILL);
    m_killed = true;
}

// Once the process itself has exited: true when nothing of its group is left running. What is
// left gets SIGTERM, then SIGKILL after the grace; the wait for it is on pidfds, so it ends as
// soon as the last member does.
bool CommandRun::groupIsDone()
{
    if (m_killed)
        return true; // SIGKILL cannot be caught: nothing is left that could hold the task
    // The group's id cannot name another group meanwhile: it stays taken while a member lives.
    if (!m_group.signal(0))
        return true;
    while (m_membersChanged) {
        m_membersChanged = false;
        const std::vector<pid_t> members = m_group.liveMembers();
        if (members.empty())
            return true; // zombies of orphans, left for init to reap
        if (!m_terminating)
            terminate();
        if (!m_canWatchMembers)
            return false; // without pidfds the SIGKILL ends the wait
        if (!m_exitWatch.watch(members, [this] { m_membersChanged = true; })) {
            m_canWatchMembers = false;
            return false;
        }
        if (m_exitWatch.isEmpty())
            m_membersChanged = true; // all gone between the scan and the watch: look again
    }
    return false;
}

QVariant CommandRun::outcome()
{
    using Reason = CommandError::Reason;
    if (m_stage == Stage::FailedToStart) {
        // QProcess says "<call>: <reason>" (execve, chdir, …): the reason is what counts.
        QString reason = m_startError;
        static const QRegularExpression callPrefix(QStringLiteral("^[A-Za-z0-9_ ()]+: "));
        if (const QRegularExpressionMatch match = callPrefix.match(reason); match.hasMatch())
            reason = reason.mid(match.capturedLength());
        cannotRun(m_spec, reason);
    }
    if (m_exitStatus == QProcess::CrashExit)
        throw CommandError(Reason::Signal,
                           QCoreApplication::translate("TaskRunner::CommandWorker", "killed by %1")
                               .arg(detail::signalName(m_exitCode)),
                           m_exitCode);
    m_context.setExitCode(m_exitCode);
    if (m_exitCode != 0 || m_cancelled) {
        QString message = QCoreApplication::translate("TaskRunner::CommandWorker", "exit status %1")
                              .arg(m_exitCode);
        if (const QString line = m_stderrLine.text(); !line.isEmpty())
            message += QStringLiteral(": ") + line;
        throw CommandError(Reason::ExitStatus, message, m_exitCode);
    }
    const QString line = m_stdoutLine.text();
    return line.isEmpty() ? QCoreApplication::translate("TaskRunner::CommandWorker", "exit 0")
                          : line;
}

} // namespace

QVariant runCommand(const CommandSpec &spec, TaskContext &context, const CommandOptions &options)
{
    if (!spec.isValid())
        throw CommandError(
            CommandError::Reason::CannotStart,
            QCoreApplication::translate("TaskRunner::CommandWorker", "the command is empty"));
    if (context.isCancelled())
        throw CommandError(CommandError::Reason::Cancelled,
                           QCoreApplication::translate("TaskRunner::CommandWorker",
                                                       "cancelled before it started"));
    checkFolder(spec);
    const QString program = resolveProgram(spec);
    CommandRun run(spec, context, options);
    return run.run(program);
}

SessionWorker commandSessionWorker(const CommandOptions &options, SessionWorker otherTasks)
{
    return [options, otherTasks = std::move(otherTasks)](const QVariant &task,
                                                         TaskContext &context) -> QVariant {
        if (task.metaType() == QMetaType::fromType<CommandSpec>())
            return runCommand(*static_cast<const CommandSpec *>(task.constData()), context,
                              options);
        if (otherTasks)
            return otherTasks(task, context);
        throw CommandError(
            CommandError::Reason::CannotStart,
            QCoreApplication::translate("TaskRunner::CommandWorker", "the task is not a command"));
    };
}

GlobalWorker commandGlobalWorker(CommandSpec spec, const CommandOptions &options)
{
    return [spec = std::move(spec), options](TaskContext &context) {
        return runCommand(spec, context, options);
    };
}

} // namespace TaskRunner
