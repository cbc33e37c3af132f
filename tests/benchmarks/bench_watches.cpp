// Watches: a numeric watch at 1 ms shown with its chart, a history given a million changing
// runs, and the period of a command watch.

#include "benchmarks.h"
#include "benchsupport.h"

#include "appcontroller.h"
#include "globalrunnerview.h"
#include "sessionwindow.h"
#include "watchchart.h"
#include "watchhistory.h"
#include "watchmanager.h"

#include <TaskRunner/commandworker.h>
#include <TaskRunner/globalrunnerregistry.h>

#include <QCoreApplication>
#include <QListView>

#include <atomic>
#include <cstdio>

using namespace Bench;
using namespace std::chrono_literals;

namespace {

constexpr auto chartDuration = 10s;
constexpr quint64 historyRuns = 1'000'000;
constexpr int commandPeriods = 50;
constexpr double commandInterval = 0.1;

bool waitForNoRunners(std::chrono::milliseconds timeout)
{
    const bool ok = waitUntil([] { return TaskRunner::liveRunnerCount() == 0; }, timeout);
    flushEvents();
    return ok;
}

} // namespace

namespace Bench {

void measureWatchChart(BenchResults &results)
{
    // A watch whose runner is there before the app asks for its key: a number every run, a
    // new one each time, at the shortest interval.
    const QString key = QStringLiteral("bench-chart");
    auto runs = std::make_shared<std::atomic<quint64>>(0);
    TaskRunner::GlobalRunnerRegistry::instance()->acquire(
        key,
        [runs] {
            const quint64 n = runs->fetch_add(1) + 1;
            return QVariant(double(n % 1000) / 10.0);
        },
        TaskRunner::GlobalRunner::minimumInterval());
    AppOptions options;
    options.globalKey = key;
    auto controller = std::make_unique<AppController>(options);
    SessionWindow *window = controller->newWindow();
    flushEvents();
    if (!waitUntil([window] { return window->globalView()->chart() != nullptr; }, 5s))
        std::fprintf(stderr, "warning: chart: no chart after 5 s\n");
    LoopProbe probe;
    probe.start();
    const auto start = Clock::now();
    runEventLoop(chartDuration);
    const double seconds = secondsSince(start);
    probe.stop();
    results.watchChartLoopLatencyP99Ms = percentile(probe.latenciesMs(), 99);
    const Watch *watch = controller->shownWatch();
    std::fprintf(stderr,
                 "  chart: %llu runs in %.1f s, %llu in the history's series (%zu buckets), "
                 "max loop latency %.1f ms\n",
                 static_cast<unsigned long long>(runs->load()), seconds,
                 static_cast<unsigned long long>(watch->history()->series().count()),
                 watch->history()->series().buckets().size(), percentile(probe.latenciesMs(), 100));
    controller->quitWithoutAsking();
    TaskRunner::GlobalRunnerRegistry::instance()->removeAll(); // not shutdown(): parts follow
    if (!waitForNoRunners(10s))
        std::fprintf(stderr, "warning: chart: runners still alive\n");
    controller.reset();
    flushEvents();
}

void measureWatchHistory(BenchResults &results)
{
    // The records a command watch's runner would give, a hundred per notification: each run
    // another result and output, and a number. A shown list and chart follow the history.
    WatchHistory history;
    QListView list;
    list.setUniformItemSizes(true);
    list.setModel(&history);
    list.resize(400, 200);
    list.show();
    WatchChart chart;
    chart.setSeries(&history.series());
    chart.resize(400, 120);
    chart.show();
    QObject::connect(&history, &WatchHistory::seriesChanged, &chart, &WatchChart::seriesChanged);
    auto feed = [&history](quint64 from, quint64 count) {
        for (quint64 first = from; first < from + count; first += 100) {
            TaskRunner::TaskRecordBatch batch;
            batch.nextSequence = first + 100;
            for (quint64 i = first; i < first + 100; ++i) {
                TaskRunner::TaskRecord record;
                record.id = i;
                record.sequence = i;
                record.state = TaskRunner::TaskState::Done;
                record.result = QString::number(i);
                record.startedMSecs = qint64(1'700'000'000'000) + qint64(i);
                record.finishedMSecs = record.startedMSecs + 1;
                record.duration = std::chrono::microseconds(800);
                auto output = std::make_shared<TaskRunner::TaskOutput>();
                output->append(QByteArray::number(i) + '\n');
                record.output = std::move(output);
                batch.records << record;
            }
            history.add(batch);
            if (first % 10'000 == 1)
                QCoreApplication::processEvents(); // paints, as the GUI would now and then
        }
    };
    feed(1, 2000); // the list and chart have painted once
    flushEvents();
    const double rssBefore = trimmedResidentMiB();
    const auto start = Clock::now();
    feed(2001, historyRuns - 2000);
    flushEvents();
    const double seconds = secondsSince(start);
    results.watchHistoryRssGrowthMiB = trimmedResidentMiB() - rssBefore;
    std::fprintf(
        stderr, "  history: %llu runs in %.1f s (%.2f us each), %d entries, %zu buckets kept\n",
        static_cast<unsigned long long>(history.runs()), seconds,
        seconds * 1e6 / double(historyRuns), history.rowCount(), history.series().buckets().size());
}

void measureCommandWatchPeriod(BenchResults &results)
{
    const QString key = QStringLiteral("bench-command");
    TaskRunner::GlobalRunner runner = TaskRunner::GlobalRunnerRegistry::instance()->acquire(
        key,
        TaskRunner::commandGlobalWorker(TaskRunner::CommandSpec::fromLine(QStringLiteral("true"))),
        commandInterval);
    const bool done = waitUntil(
        [&] { return runner.state().runs + runner.state().failures >= commandPeriods + 1; },
        std::chrono::milliseconds(int((commandPeriods + 10) * commandInterval * 1000 * 3)));
    const TaskRunner::TaskRecordBatch batch = runner.records(1, commandPeriods + 1);
    TaskRunner::GlobalRunnerRegistry::instance()->remove(key);
    if (!done || batch.records.size() < commandPeriods + 1) {
        std::fprintf(stderr, "error: command watch: only %d runs\n", int(batch.records.size()));
        return;
    }
    // Start to start over 50 periods: each is a run, then the interval from its end.
    const auto &records = batch.records;
    const double periodMs =
        double(records.at(commandPeriods).startedMSecs - records.at(0).startedMSecs) /
        commandPeriods;
    double runMs = 0;
    for (int i = 0; i < commandPeriods; ++i)
        runMs += double(records.at(i).duration.count()) / 1000.0;
    runMs /= commandPeriods;
    results.commandWatchPeriodErrorMs = periodMs - (commandInterval * 1000 + runMs);
    std::fprintf(stderr, "  command watch: mean period %.2f ms, mean run of `true` %.2f ms\n",
                 periodMs, runMs);
    waitForNoRunners(10s);
}

void measureWatches(BenchResults &results)
{
    measureWatchChart(results);
    measureWatchHistory(results);
    measureCommandWatchPeriod(results);
}

} // namespace Bench
