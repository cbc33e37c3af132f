#include "processgroup.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#if __has_include(<linux/close_range.h>)
#include <linux/close_range.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace TaskRunner::detail {

QString signalName(int signal)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
    if (const char *abbreviation = sigabbrev_np(signal))
        return QStringLiteral("SIG") + QLatin1String(abbreviation);
#else
    static const struct
    {
        int number;
        const char *name;
    } names[] = {
        {SIGHUP, "SIGHUP"},   {SIGINT, "SIGINT"},   {SIGQUIT, "SIGQUIT"}, {SIGILL, "SIGILL"},
        {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"},   {SIGFPE, "SIGFPE"},
        {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"}, {SIGSEGV, "SIGSEGV"}, {SIGUSR2, "SIGUSR2"},
        {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"}, {SIGTERM, "SIGTERM"}, {SIGCHLD, "SIGCHLD"},
        {SIGCONT, "SIGCONT"}, {SIGSTOP, "SIGSTOP"}, {SIGTSTP, "SIGTSTP"}, {SIGTTIN, "SIGTTIN"},
        {SIGTTOU, "SIGTTOU"}, {SIGXCPU, "SIGXCPU"}, {SIGXFSZ, "SIGXFSZ"}, {SIGSYS, "SIGSYS"}};
    for (const auto &entry : names) {
        if (entry.number == signal)
            return QLatin1String(entry.name);
    }
#endif
    return QCoreApplication::translate("TaskRunner::CommandWorker", "signal %1").arg(signal);
}

int descriptorLimit()
{
    // Only the loop for kernels older than 5.11 (no close_range()) uses it: bounded so that a
    // limit of a million does not cost a million calls per command.
    constexpr rlim_t bound = 65536;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return int(bound);
    return int(std::min(limit.rlim_cur, bound));
}

// Not instrumented either: in a child that shares the parent's memory, a sanitizer's
// bookkeeping would change the parent's.
__attribute__((no_sanitize("address", "thread", "undefined"))) void
prepareChild(int descriptorLimit) noexcept
{
    // A new session: the child leads its own process group, which cancel signals as a whole,
    // and has no controlling terminal, so that a program that opens /dev/tty fails at once
    // rather than stopping the group on a terminal read.
    if (syscall(SYS_setsid) < 0)
        _exit(127);

    // A thread that blocks signals (for a signalfd, say) passes its mask on through fork and
    // exec: a blocked SIGTERM would make every cancel wait for the SIGKILL.
    unsigned char noSignals[(_NSIG - 1) / 8] = {};
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, noSignals, nullptr, sizeof noSignals);

    // Larger pipes for stdout and stderr (1 MiB where the system allows, else its default):
    // a command that writes fast wakes the runner's thread a sixteenth as often.
#ifdef F_SETPIPE_SZ
    syscall(SYS_fcntl, 1, F_SETPIPE_SZ, 1 << 20);
    syscall(SYS_fcntl, 2, F_SETPIPE_SZ, 1 << 20);
#endif

    // Qt opens its own descriptors close-on-exec, but other code of the application may not:
    // none of those may reach the command. Close-on-exec, not a close: Qt's pipe that reports
    // a failed exec to the parent must stay open until the exec.
#if defined(SYS_close_range) && defined(CLOSE_RANGE_CLOEXEC)
    if (syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) == 0)
        return;
#endif
    for (int fd = 3; fd < descriptorLimit; ++fd) {
        const long flags = syscall(SYS_fcntl, fd, F_GETFD);
        if (flags >= 0 && !(flags & FD_CLOEXEC))
            syscall(SYS_fcntl, fd, F_SETFD, flags | FD_CLOEXEC);
    }
}

bool ProcessGroup::signal(int signal) const
{
    return m_id > 0 && ::kill(-m_id, signal) == 0;
}

std::vector<pid_t> ProcessGroup::liveMembers() const
{
    std::vector<pid_t> members;
    DIR *proc = opendir("/proc");
    if (!proc)
        return members;
    while (const dirent *entry = readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (pid <= 0 || *end != '\0')
            continue;
        char path[32];
        std::snprintf(path, sizeof path, "/proc/%ld/stat", pid);
        const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        char stat[512];
        const ssize_t size = ::read(fd, stat, sizeof stat - 1);
        ::close(fd);
        if (size <= 0)
            continue;
        stat[size] = '\0';
        // "pid (name) state ppid pgrp ...": the name may hold spaces and parentheses.
        const char *afterName = std::strrchr(stat, ')');
        char state = 0;
        int parent = 0;
        int group = 0;
        if (afterName && std::sscanf(afterName + 1, " %c %d %d", &state, &parent, &group) == 3 &&
            group == m_id && state != 'Z' && state != 'X')
            members.push_back(pid_t(pid));
    }
    closedir(proc);
    return members;
}

struct ExitWatch::Entry
{
    explicit Entry(int fd)
        : fd(fd)
        , notifier(fd, QSocketNotifier::Read)
    {}
    ~Entry()
    {
        notifier.setEnabled(false);
        ::close(fd);
    }
    const int fd;
    QSocketNotifier notifier;
};

ExitWatch::ExitWatch() = default;

ExitWatch::~ExitWatch() = default;

void ExitWatch::clear()
{
    m_entries.clear();
    m_onExit = nullptr;
}

bool ExitWatch::watch(const std::vector<pid_t> &pids, std::function<void()> onExit)
{
    clear();
    m_onExit = std::move(onExit);
#ifdef SYS_pidfd_open
    for (pid_t pid : pids) {
        const int fd = int(syscall(SYS_pidfd_open, pid, 0)); // close-on-exec, always
        if (fd < 0) {
            if (errno == ESRCH)
                continue; // gone already
            clear();
            return false;
        }
        auto entry = std::make_unique<Entry>(fd);
        Entry *raw = entry.get();
        QObject::connect(&raw->notifier, &QSocketNotifier::activated, &raw->notifier, [this, raw] {
            raw->notifier.setEnabled(false); // a pidfd stays readable: one call per exit
            if (m_onExit)
                m_onExit();
        });
        m_entries.push_back(std::move(entry));
    }
    return true;
#else
    Q_UNUSED(pids);
    clear();
    return false;
#endif
}

} // namespace TaskRunner::detail
