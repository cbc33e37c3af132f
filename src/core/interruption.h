#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace TaskRunner {

// A one-way "stop now" flag that wakes sleepers at once. A runner owns one and installs it
// as the current interruption of its thread, so the built-in workers' sleeps end within
// microseconds of stop() instead of polling. Thread-safe.
class Interruption
{
public:
    void request();
    bool isRequested() const;

    // Blocks until `duration` has passed or request() is called. Returns true if the whole
    // duration passed, false if it was interrupted.
    bool waitFor(std::chrono::nanoseconds duration) const;

    // The interruption installed on the calling thread, or nullptr.
    static std::shared_ptr<Interruption> current();
    static void setCurrent(std::shared_ptr<Interruption> interruption);

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_wake;
    bool m_requested = false;
};

// True when the calling thread has been asked to stop: its runner's interruption, or
// QThread::isInterruptionRequested() for any other QThread.
bool isInterruptionRequested();

// Sleeps on the calling thread for `duration` and returns true, or returns false as soon as
// the thread is asked to stop. On a runner's thread it wakes immediately; on other QThreads
// it checks isInterruptionRequested() every 10 ms.
bool sleepFor(std::chrono::nanoseconds duration);

} // namespace TaskRunner
