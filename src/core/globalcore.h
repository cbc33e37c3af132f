#pragma once

// Private: the global runner behind GlobalRunner handles. Not installed.

#include "runnercore.h"

#include <TaskRunner/globalrunner.h>

#include <condition_variable>
#include <mutex>

namespace TaskRunner::detail {

class GlobalCore final : public RunnerCore
{
public:
    GlobalCore(const QString &key, GlobalWorker worker, double interval,
               const RunnerOptions &options);
    ~GlobalCore() override { waitUntilThreadFinishedReturned(); }

    const QString key;

    double interval() const;
    bool setInterval(double seconds);
    void setPaused(bool paused);
    void runNow();
    GlobalRunnerState state() const;
    TaskRecordBatch records(quint64 fromSequence, qsizetype maxCount) const;
    void setRecordLimit(qsizetype limit);

private:
    void threadMain() override;
    void onStopRequested() override;

    // With m_mutex held: when the next run is due, or Clock::time_point::max() when none is.
    Clock::time_point nextRunLocked() const;
    // With m_mutex held, after a change of the schedule: the runner looks again.
    void scheduleChangedLocked() { ++m_generation; }

    const GlobalWorker m_worker;

    mutable std::mutex m_mutex;
    std::condition_variable m_scheduleChanged;
    quint64 m_generation = 0; // changes with every call that can move the next run
    GlobalRunnerState m_state;
    Clock::time_point m_lastEnd; // valid once a run ended
    bool m_hasRun = false;
    RecordStore m_records;
};

} // namespace TaskRunner::detail
