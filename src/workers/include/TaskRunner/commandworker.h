#pragma once

#include <TaskRunner/commanderror.h>
#include <TaskRunner/commandspec.h>
#include <TaskRunner/globalrunner.h>
#include <TaskRunner/sessionrunner.h>
#include <TaskRunner/taskrunnerworkers_export.h>

#include <QVariant>

#include <chrono>
#include <functional>

namespace TaskRunner {

/// How the command worker runs a command. Every field has a sensible default. A plain value: the
/// workers keep a copy.
struct CommandOptions
{
    /// After a cancel, how long the command's process group has between SIGTERM and SIGKILL.
    /// When its runner stops, the SIGKILL comes at most half of shutdownGrace() after the stop,
    /// before the application's exit gives up on the runner.
    std::chrono::milliseconds killGrace{3000};
    /// Bytes kept of the last line of stdout and of stderr, for the outcome (a longer line is
    /// cut, and "…" marks it).
    qsizetype lastLineLimit = 4096;
    /// Called on the runner's thread once the process runs, with its pid (which is also the id
    /// of its process group). What it throws kills the process group and fails the task.
    std::function<void(qint64 pid)> started;
};

/// Runs `spec` on the calling thread (a runner's: it needs the thread's event dispatcher) and
/// returns when it ended; the process lives only for this call.
///
/// The child gets its own session and process group, /dev/null as stdin, the environment as it
/// is and no descriptor but 0, 1 and 2. Its stdout and stderr go to the task's output as they
/// arrive. The wait is on the thread's event dispatcher (no polling) and wakes at once on cancel.
///
/// Returns the last line with something in it of stdout, or "exit 0" when there was none.
/// Throws CommandError: "exit status N: <last line of stderr>" (or "exit status N"),
/// "killed by SIGTERM", "cannot run 'prog': <reason>". These texts go through
/// QCoreApplication::translate() (context "TaskRunner::CommandWorker"), so they are in the
/// language of the translators the application installed; without any, as written here.
/// Reports the exit status of a process that exited through context.setExitCode().
///
/// A cancel (of the task, or its runner's stop) sends SIGTERM to the process group, and SIGKILL
/// after options.killGrace if it is still there; then it throws. Once the process itself has
/// exited, what is left of its group (a background child, say, that holds the output pipes) is
/// ended the same way before this returns, so nothing is left behind and nothing holds the
/// task.
///
/// An invalid `spec`, a program or folder that cannot be used, or a thread without an event
/// dispatcher throw CommandError::Reason::CannotStart, and nothing runs; a task cancelled before
/// the start throws CommandError::Reason::Cancelled. Every call keeps its state to itself:
/// runners on different threads may run commands at the same time.
TASKRUNNER_WORKERS_EXPORT QVariant runCommand(const CommandSpec &spec, TaskContext &context,
                                              const CommandOptions &options = {});

/// A session worker for tasks that hold a CommandSpec: it runs each with runCommand() and
/// `options`. Any other task goes to `otherTasks` (for instance exampleSessionWorker()), or
/// fails when there is none (CommandError::Reason::CannotStart). The worker keeps copies of
/// `options` and `otherTasks` and no other state.
TASKRUNNER_WORKERS_EXPORT SessionWorker commandSessionWorker(const CommandOptions &options = {},
                                                             SessionWorker otherTasks = {});
/// A global worker that runs `spec` on every run, as watch(1) does: each run returns or throws
/// what runCommand() does.
TASKRUNNER_WORKERS_EXPORT GlobalWorker commandGlobalWorker(CommandSpec spec,
                                                           const CommandOptions &options = {});

} // namespace TaskRunner
