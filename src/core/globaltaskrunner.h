#pragma once

#include "exampleworkers.h"
#include "runnerstate.h"
#include "taskrunnerbase.h"

#include <mutex>

class QTimer;

// Runs a worker again and again on a thread of its own, pausing interval() seconds between the
// end of one run and the start of the next. Between runs it blocks in its event loop on a
// single timer. Shared by key through GlobalRunnerRegistry, which creates, stops and frees
// every global runner: use the registry, not this class, to get one.
class GlobalTaskRunner : public TaskRunnerBase
{
    Q_OBJECT
public:
    using Worker = TaskRunner::GlobalWorker;

    static constexpr double minimumInterval() { return 0.001; }
    // One year: long enough for any pause, short enough for the clock arithmetic.
    static constexpr double maximumInterval() { return 31536000; }
    // From minimumInterval() to maximumInterval().
    static bool isValidInterval(double seconds);

    // Thread-safe.
    QString key() const { return m_key; }
    double interval() const;

    // Takes effect at once, also during a pause that already started: the next run starts at
    // the end of the last run plus the new interval, or immediately if that time has passed.
    // An invalid value is refused with a warning and false. Thread-safe.
    bool setInterval(double seconds);

    // Thread-safe. pause() lets a running run finish and schedules no other; resume()
    // schedules the next run from the end of the last one. runNow() runs the worker as soon
    // as the runner's thread is free (after the current run, if any), paused or not.
    void pause();
    void resume();
    void runNow();

    // A consistent snapshot. Thread-safe.
    GlobalRunnerState state() const;

signals:
    // Queued to the runner's thread (see ChangeNotifier::flushRequested()).
    void scheduleRequested(QPrivateSignal);
    void runRequested(QPrivateSignal);

private:
    friend class GlobalRunnerRegistry;
    static GlobalTaskRunner *create(const QString &key, Worker worker, double interval);
    GlobalTaskRunner(const QString &key, Worker worker, double interval);
    void stop() { requestStop(); }

    void threadStarted() override;
    void threadFinishing() override;

    // Runner thread only.
    void runOnce();
    void scheduleNext();
    void onTimer();
    void startTimerForNextRun();
    void log(const QString &message) const;

    const QString m_key;
    const Worker m_worker;
    QTimer *m_timer = nullptr; // child, lives on the runner's thread
    std::chrono::steady_clock::time_point m_lastEnd;
    std::chrono::steady_clock::time_point m_nextRun;

    mutable std::mutex m_mutex;
    GlobalRunnerState m_state;
};
