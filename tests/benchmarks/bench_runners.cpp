// The runners on their own: idle cost, a flood of results, stopping, and the period of the
// reference's global example.

#include "benchmarks.h"
#include "benchsupport.h"
#include "naiveworker.h"

#include <TaskRunner/exampleworkers.h>
#include <TaskRunner/globalrunnerregistry.h>
#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

#include <QLabel>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

using namespace Bench;
using namespace std::chrono_literals;

namespace {

constexpr int idleRunners = 50;
constexpr auto idleDuration = 2000ms;
constexpr auto floodDuration = 2000ms;
constexpr int stopReturnSamples = 20;
constexpr int stopGoneSamples = 5;
constexpr int globalPeriods = 10;

// A one-shot flag one thread raises and another waits for; not tied to any interruption.
class Flag
{
public:
    void raise()
    {
        {
            std::lock_guard lock(m_mutex);
            m_raised = true;
        }
        m_changed.notify_all();
    }
    bool waitFor(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [this] { return m_raised; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_raised = false;
};

} // namespace

namespace Bench {

void measureIdle(BenchResults &results)
{
    std::vector<TaskRunner::SessionRunner> runners;
    QSet<QByteArray> names;
    for (int i = 0; i < idleRunners; ++i) {
        TaskRunner::SessionRunner runner = TaskRunner::SessionRunner::create(&noop);
        runner.append(QVariant(i)); // idle after work, not only after start
        runners.push_back(runner);
        names.insert(QStringLiteral("session %1").arg(runner.id()).toLatin1().left(15));
    }
    const bool settled = waitUntil(
        [&] {
            for (const TaskRunner::SessionRunner &runner : runners) {
                const TaskRunner::SessionRunnerState state = runner.state();
                if (state.done < 1 || state.busy)
                    return false;
            }
            return true;
        },
        10s);
    runEventLoop(200ms); // the last notifications are delivered; every thread is back asleep

    int found = 0;
    const quint64 before = contextSwitches(names, &found);
    runEventLoop(idleDuration);
    int foundAfter = 0;
    const quint64 after = contextSwitches(names, &foundAfter);
    std::fprintf(stderr, "  idle: %d runner threads, %llu context switches before the %lld ms\n",
                 found, static_cast<unsigned long long>(before),
                 static_cast<long long>(idleDuration.count()));
    if (!settled || found != idleRunners || foundAfter != idleRunners)
        std::fprintf(stderr, "error: idle runners: settled %d, threads found %d/%d of %d\n",
                     int(settled), found, foundAfter, idleRunners);
    else
        results.idleContextSwitches = double(after - before);

    for (TaskRunner::SessionRunner &runner : runners)
        finish(runner);
    flushEvents();
}

void measureFlood(BenchResults &results)
{
    auto *registry = TaskRunner::GlobalRunnerRegistry::instance();
    const QString key = QStringLiteral("bench-flood");
    // What a window would update; shown and painted with digits first, so that loading the
    // font (the process's first text) is not counted as growth.
    QLabel label;
    label.resize(300, 40);
    label.setText(QStringLiteral("0123456789"));
    label.show();
    label.repaint();
    flushEvents();
    LoopProbe probe;

    {
        int notifications = 0;
        const double rssBefore = trimmedResidentMiB();
        auto runs = std::make_shared<std::atomic<quint64>>(0);
        TaskRunner::GlobalRunner runner = registry->acquire(
            key, [runs] { return QVariant(runs->fetch_add(1) + 1); },
            TaskRunner::GlobalRunner::minimumInterval());
        TaskRunner::RunnerWatcher watcher;
        watcher.setRunner(runner);
        QObject::connect(&watcher, &TaskRunner::RunnerWatcher::stateChanged, &label, [&] {
            const TaskRunner::GlobalRunnerState state = runner.state();
            label.setText(QString::number(state.runs));
            ++notifications;
        });
        probe.start();
        const auto start = Clock::now();
        runEventLoop(floodDuration);
        const double seconds = secondsSince(start);
        probe.stop();
        const double rssAfter = residentMiB();
        const int counted = notifications;
        registry->remove(key);
        flushEvents();

        results.floodNotificationsPerS = counted / seconds;
        results.floodLoopLatencyP99Ms = percentile(probe.latenciesMs(), 99);
        results.floodRssGrowthMiB = rssAfter - rssBefore;
        std::fprintf(stderr, "  flood: %llu runs of the global runner in %.2f s\n",
                     static_cast<unsigned long long>(runs->load()), seconds);
    }

    {
        QThread thread;
        thread.setObjectName(QStringLiteral("naive flood"));
        const double rssBefore = trimmedResidentMiB();
        auto *worker = new NaiveWorker(&noop);
        worker->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        thread.start();
        quint64 signalsHandled = 0;
        QObject::connect(worker, &NaiveWorker::resultReady, &label, [&](const QVariant &result) {
            label.setText(result.toString());
            ++signalsHandled;
        });
        QMetaObject::invokeMethod(worker, &NaiveWorker::startFlood, Qt::QueuedConnection);
        probe.start();
        const auto start = Clock::now();
        runEventLoop(floodDuration);
        const double seconds = secondsSince(start);
        probe.stop();
        const double rssAfter = residentMiB();
        QMetaObject::invokeMethod(worker, &NaiveWorker::stopFlood, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        flushEvents();
        results.naiveFloodRssGrowthMiB = rssAfter - rssBefore;
        std::fprintf(stderr,
                     "  naive flood: %.0f signals handled per second, loop latency p99 %.2f ms\n",
                     double(signalsHandled) / seconds, percentile(probe.latenciesMs(), 99));
    }
}

void measureStop(BenchResults &results)
{
    // stop() while the running task ignores interruption: it blocks on a flag of its own,
    // which the benchmark raises once stop() returned.
    {
        std::vector<double> samples;
        for (int i = 0; i < stopReturnSamples; ++i) {
            auto entered = std::make_shared<Flag>();
            auto release = std::make_shared<Flag>();
            TaskRunner::SessionRunner runner =
                TaskRunner::SessionRunner::create([entered, release](const QVariant &) {
                    entered->raise();
                    release->waitFor(10s);
                    return QVariant();
                });
            runner.append(QVariant(i));
            if (!entered->waitFor(5s)) {
                std::fprintf(stderr, "error: stop: the task did not start\n");
                release->raise();
                finish(runner);
                continue;
            }
            const auto start = Clock::now();
            runner.stop();
            samples.push_back(microsecondsSince(start));
            release->raise();
            finish(runner);
        }
        flushEvents();
        results.stopReturnUs = samples.empty() ? notMeasured : median(samples);
    }

    // stop() 50 ms into the built-in 1 s worker: until the runner's thread is done.
    {
        std::vector<double> samples;
        for (int i = 0; i < stopGoneSamples; ++i) {
            auto entered = std::make_shared<Flag>();
            TaskRunner::SessionRunner runner = TaskRunner::SessionRunner::create(
                [entered, work = TaskRunner::exampleSessionWorker()](
                    const QVariant &task, TaskRunner::TaskContext &context) {
                    entered->raise();
                    return work(task, context);
                });
            runner.append(QVariant(i));
            if (!entered->waitFor(5s)) {
                std::fprintf(stderr, "error: stop: the built-in task did not start\n");
                finish(runner);
                continue;
            }
            std::this_thread::sleep_for(50ms); // well inside the 1 s task, as a user would be
            QFuture<void> finished = runner.finished();
            const auto start = Clock::now();
            runner.stop();
            finished.waitForFinished(); // the thread ends within milliseconds; nothing else waits
            const bool gone = finished.isFinished();
            const double ms = millisecondsSince(start);
            if (gone)
                samples.push_back(ms);
            else
                std::fprintf(stderr, "error: stop: the thread was still running after 5 s\n");
        }
        flushEvents();
        results.stopThreadGoneMs = samples.empty() ? notMeasured : median(samples);
    }
}

void measureGlobalPeriod(BenchResults &results)
{
    // The reference's example, timed where each run starts (on the runner's thread).
    struct Starts
    {
        std::mutex mutex;
        std::vector<Clock::time_point> times;
    };
    auto starts = std::make_shared<Starts>();
    auto *registry = TaskRunner::GlobalRunnerRegistry::instance();
    const QString key = QString::fromLatin1(TaskRunner::exampleGlobalKey);
    registry->acquire(
        key,
        [starts, work = TaskRunner::exampleGlobalWorker()](TaskRunner::TaskContext &context) {
            {
                std::lock_guard lock(starts->mutex);
                starts->times.push_back(Clock::now());
            }
            return work(context);
        },
        TaskRunner::exampleGlobalInterval);
    const auto count = [&] {
        std::lock_guard lock(starts->mutex);
        return starts->times.size();
    };
    const bool ok = waitUntil([&] { return count() >= std::size_t(globalPeriods + 1); }, 30s);
    registry->remove(key);
    flushEvents();
    if (!ok) {
        std::fprintf(stderr, "error: global period: only %zu runs started\n", count());
        return;
    }
    std::vector<double> periods;
    {
        std::lock_guard lock(starts->mutex);
        for (int i = 1; i <= globalPeriods; ++i)
            periods.push_back(
                std::chrono::duration<double>(starts->times[i] - starts->times[i - 1]).count());
    }
    results.globalPeriodMeanS = mean(periods);
    results.globalPeriodStddevMs = standardDeviation(periods) * 1000.0;
}

} // namespace Bench
