#pragma once

#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <mutex>

// Turns any number of change reports, from any thread, into few notify() signals emitted in
// the main thread. At most one wake-up is ever queued in the main thread's event queue,
// whatever the rate of reports, so a producer faster than the GUI cannot grow that queue.
// Emissions are at least minimumGap() apart, except for urgent reports (the end of a burst),
// which are delivered as soon as the main thread gets to them. A report made in the main
// thread itself posts nothing: it arms the gap timer (for 0 ms when the gap has passed), so a
// GUI action followed at once by a worker's urgent report costs the main thread one wake-up.
class ChangeNotifier : public QObject
{
    Q_OBJECT
public:
    explicit ChangeNotifier(std::chrono::milliseconds minimumGap = std::chrono::milliseconds(8));

    std::chrono::milliseconds minimumGap() const { return m_minimumGap; }

    // Thread-safe; never blocks on the main thread and never emits synchronously. A report
    // made while a notification is on its way takes no lock: call it after every change.
    void report(bool urgent = false);

signals:
    // Emitted in the main thread; receivers read the producer's state then.
    void notify();
    // Queued to flush(): a signal rather than invokeMethod(), so that Qt allocates the
    // cross-thread event itself and ThreadSanitizer can follow the hand-off.
    void flushRequested(QPrivateSignal);

private:
    void flush();

    using Clock = std::chrono::steady_clock;
    const std::chrono::milliseconds m_minimumGap;
    QTimer m_gapTimer; // main thread only

    enum class Pending { Nothing, Flush, GapTimer };

    std::mutex m_mutex;
    Pending m_pending = Pending::Nothing; // what will deliver the next notify()
    // m_pending != Nothing, for report()'s lock-free path. Written under m_mutex. A producer
    // that changed its state under its own lock and then sees true here is shown by that
    // delivery: flush() clears it before the receivers take that lock to read the state.
    std::atomic<bool> m_deliveryPending{false};
    bool m_urgent = false;
    Clock::time_point m_lastEmit = Clock::time_point::min();
};
