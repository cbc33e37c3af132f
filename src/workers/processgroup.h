#pragma once

// Private: the process group a command runs in, and waits for its members. Not installed.

#include <QString>

#include <sys/types.h>

#include <functional>
#include <memory>
#include <vector>

class QSocketNotifier;

namespace TaskRunner::detail {

// "SIGTERM" for SIGTERM; "signal 40" for a number without a name.
QString signalName(int signal);

// What a forked child runs before exec: its own session and process group (so that the
// group can be signalled as one and it has no controlling terminal), no blocked signals, and
// close-on-exec on every descriptor but 0, 1 and 2. `descriptorLimit` bounds the fallback loop
// on kernels without close_range(). Only raw system calls: async-signal-safe, no allocation,
// nothing a sanitizer intercepts (the child may share the parent's memory, as after vfork).
void prepareChild(int descriptorLimit) noexcept;
// The limit for prepareChild(), read in the parent.
int descriptorLimit();

// A process group, by its id (the pid of the process that leads it).
class ProcessGroup
{
public:
    explicit ProcessGroup(pid_t id)
        : m_id(id)
    {}
    pid_t id() const { return m_id; }

    // Sends `signal` to every member; false when the group has no member any more.
    bool signal(int signal) const;
    // The members that have not exited (a zombie waiting for its parent has), from /proc.
    std::vector<pid_t> liveMembers() const;

private:
    pid_t m_id;
};

// Tells, on the calling thread's event loop, when one of some processes exits: a pidfd per
// process (Linux 5.3), no polling. Any process can be watched, not only a child.
class ExitWatch
{
public:
    ExitWatch();
    ~ExitWatch();
    ExitWatch(const ExitWatch &) = delete;
    ExitWatch &operator=(const ExitWatch &) = delete;

    // Watches `pids` instead of what it watched, calling `onExit` (once) when one of them has
    // exited. Returns false when the system cannot watch them; those already gone are skipped.
    bool watch(const std::vector<pid_t> &pids, std::function<void()> onExit);
    void clear();
    bool isEmpty() const { return m_entries.empty(); }

private:
    struct Entry;
    std::vector<std::unique_ptr<Entry>> m_entries;
    std::function<void()> m_onExit;
};

} // namespace TaskRunner::detail
