#pragma once

// Private: turns a runner's change reports into its watchers' notifications. Not installed.

#include <atomic>
#include <mutex>
#include <vector>

namespace TaskRunner {
class RunnerWatcher;
}

namespace TaskRunner::detail {

// Every watcher of one runner. report() may be called from any thread at any rate: a watcher
// gets at most one wake-up queued at a time. While every watcher already has a delivery on its
// way (or there is none), a non-urgent report is one atomic load and takes no lock.
class NotificationHub
{
public:
    void report(bool urgent = false);

    // The watcher's thread only.
    void add(RunnerWatcher *watcher);
    void remove(RunnerWatcher *watcher);

private:
    friend class TaskRunner::RunnerWatcher;

    std::mutex m_mutex; // also guards the watchers' pending state
    std::vector<RunnerWatcher *> m_watchers;
    // Every watcher has a delivery on its way. Written under m_mutex. A producer that changed
    // its state under its own lock and then sees true here is shown by that delivery: a watcher
    // clears it before its receivers take that lock to read the state.
    std::atomic<bool> m_allPending{true};
};

} // namespace TaskRunner::detail
