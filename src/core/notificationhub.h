#pragma once

// Private: turns a runner's change reports into its watchers' notifications. Not installed.

#include <atomic>
#include <chrono>
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
    // An urgent report is delivered at once, not after the watcher's minimum gap: the end of a
    // burst. `quietFor` is how long the runner expects to stay quiet after it (a global runner's
    // pause): to a watcher whose gap is longer, the report is not urgent, so a runner that runs
    // again within the gap (an interval of 1 ms) is still told at most once per gap.
    void report(bool urgent = false,
                std::chrono::nanoseconds quietFor = std::chrono::nanoseconds::max());

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
