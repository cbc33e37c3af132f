// Throughput and round trip: the session runner beside QtConcurrent::run + QFutureWatcher,
// QThreadPool::start + a queued invokeMethod per result, and a naive worker object that emits
// one queued signal per result. Every variant runs the same no-op task and counts a task only
// once the GUI thread has handled its result.

#include "benchmarks.h"
#include "benchsupport.h"
#include "naiveworker.h"

#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

#include <QEventLoop>
#include <QFutureInterface>
#include <QFutureWatcher>
#include <QtConcurrent>
#include <QThread>
#include <QThreadPool>

#include <cstdio>

using namespace Bench;
using namespace std::chrono_literals;

namespace {

constexpr int sessionTasks = 1'000'000;
constexpr int alternativeTasks = 100'000;
constexpr int naiveTasks = 200'000;
constexpr int roundTripWarmUp = 200;
constexpr int roundTripSamples = 10'000;
// Between round trips the GUI thread sleeps in its event loop until a 1 ms timer fires (as
// between two user actions), so every sample starts with the runner's or the pool's thread
// asleep: an idle runner.
constexpr auto roundTripGap = 1ms;
constexpr auto timeout = std::chrono::milliseconds(60'000);

// Runs `loop` with a safety timeout; false (and a message) if it timed out.
bool execWithTimeout(QEventLoop &loop, const char *what)
{
    bool timedOut = false;
    QTimer::singleShot(timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    loop.exec();
    if (timedOut)
        std::fprintf(stderr, "error: %s timed out\n", what);
    return !timedOut;
}

// 1,000,000 tasks appended from the GUI thread; done when a receiver of stateChanged that
// reads state(), as a window does, sees them all done.
double sessionRate(int tasks)
{
    TaskRunner::SessionRunner runner = TaskRunner::SessionRunner::create(&noop);
    QEventLoop loop;
    TaskRunner::RunnerWatcher watcher;
    watcher.setRunner(runner);
    bool allDone = false;
    QObject::connect(&watcher, &TaskRunner::RunnerWatcher::stateChanged, &watcher, [&] {
        const TaskRunner::SessionRunnerState state = runner.state();
        if (!allDone && state.done >= quint64(tasks)) {
            allDone = true;
            loop.quit();
        }
    });
    const auto start = Clock::now();
    for (int i = 0; i < tasks; ++i)
        runner.append(QVariant(i));
    const bool ok = allDone || execWithTimeout(loop, "session throughput");
    const double seconds = secondsSince(start);
    finish(runner);
    return ok ? tasks / seconds : notMeasured;
}

// A watcher of its own for `future`, as a GUI watches a task: it reads the result and counts
// the future in `handled`, and the last of `tasks` quits `loop`.
void watch(const QFuture<QVariant> &future, int &handled, int tasks, QEventLoop &loop)
{
    auto *watcher = new QFutureWatcher<QVariant>;
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [&handled, &loop, tasks, watcher] {
                         const QVariant result = watcher->result();
                         Q_UNUSED(result);
                         watcher->deleteLater();
                         if (++handled == tasks)
                             loop.quit();
                     });
    watcher->setFuture(future);
}

double qtconcurrentRate(int tasks)
{
    QEventLoop loop;
    int handled = 0;
    const auto start = Clock::now();
    for (int i = 0; i < tasks; ++i) {
        watch(QtConcurrent::run(&noop, QVariant(i)), handled, tasks, loop);
    }
    const bool ok = execWithTimeout(loop, "QtConcurrent throughput");
    const double seconds = secondsSince(start);
    QThreadPool::globalInstance()->waitForDone();
    flushEvents();
    return ok ? tasks / seconds : notMeasured;
}

// submit(): a future per task, each watched as QtConcurrent's are above.
double futureRate(int tasks)
{
    TaskRunner::SessionRunner runner = TaskRunner::SessionRunner::create(&noop);
    QEventLoop loop;
    int handled = 0;
    const auto start = Clock::now();
    for (int i = 0; i < tasks; ++i) {
        watch(runner.submit(QVariant(i)), handled, tasks, loop);
    }
    const bool ok = execWithTimeout(loop, "submit() throughput");
    const double seconds = secondsSince(start);
    finish(runner);
    flushEvents();
    return ok ? tasks / seconds : notMeasured;
}

// What watching alone costs: futures of promises that this thread finishes itself, no other
// thread, each watched as above. No runner that hands out watched futures can be faster.
double watchOnlyRate(int tasks)
{
    QEventLoop loop;
    int handled = 0;
    std::vector<QFutureInterface<QVariant>> promises(static_cast<std::size_t>(tasks));
    const auto start = Clock::now();
    for (int i = 0; i < tasks; ++i) {
        QFutureInterface<QVariant> &promise = promises[std::size_t(i)];
        promise.reportStarted();
        watch(promise.future(), handled, tasks, loop);
        promise.reportResult(QVariant(i));
        promise.reportFinished();
    }
    const bool ok = execWithTimeout(loop, "watching floor");
    const double seconds = secondsSince(start);
    flushEvents();
    return ok ? tasks / seconds : notMeasured;
}

double threadpoolRate(int tasks)
{
    QEventLoop loop;
    QObject receiver;
    int handled = 0;
    const auto start = Clock::now();
    for (int i = 0; i < tasks; ++i) {
        QThreadPool::globalInstance()->start([&, i] {
            QVariant result = noop(QVariant(i));
            QMetaObject::invokeMethod(
                &receiver,
                [&, result = std::move(result)] {
                    Q_UNUSED(result);
                    if (++handled == tasks)
                        loop.quit();
                },
                Qt::QueuedConnection);
        });
    }
    const bool ok = execWithTimeout(loop, "QThreadPool throughput");
    const double seconds = secondsSince(start);
    QThreadPool::globalInstance()->waitForDone();
    flushEvents();
    return ok ? tasks / seconds : notMeasured;
}

double naiveRate(int tasks)
{
    QThread thread;
    thread.setObjectName(QStringLiteral("naive worker"));
    auto *worker = new NaiveWorker(&noop);
    worker->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    thread.start();

    NaiveClient client;
    QObject::connect(&client, &NaiveClient::taskQueued, worker, &NaiveWorker::process);
    QEventLoop loop;
    QObject receiver;
    int handled = 0;
    QObject::connect(worker, &NaiveWorker::resultReady, &receiver, [&](const QVariant &result) {
        Q_UNUSED(result);
        if (++handled == tasks)
            loop.quit();
    });
    const auto start = Clock::now();
    for (int i = 0; i < tasks; ++i)
        emit client.taskQueued(QVariant(i));
    const bool ok = execWithTimeout(loop, "naive worker throughput");
    const double seconds = secondsSince(start);
    thread.quit();
    thread.wait();
    flushEvents();
    return ok ? tasks / seconds : notMeasured;
}

// Round trips one after the other: start one task (`send`); when `received` (called by the
// GUI-side handler) reports it, record the time and start the next after roundTripGap.
class RoundTrips
{
public:
    explicit RoundTrips(std::function<void(quint64)> send)
        : m_send(std::move(send))
    {}

    std::vector<double> run()
    {
        QTimer::singleShot(0, &m_context, [this] { next(); });
        if (!execWithTimeout(m_loop, "round trip"))
            return {};
        return m_samples;
    }

    // The GUI thread handled the result of task `number`.
    void received(quint64 number)
    {
        if (!m_inFlight || number != m_number)
            return;
        m_inFlight = false;
        const double us = microsecondsSince(m_sent);
        if (++m_count > roundTripWarmUp)
            m_samples.push_back(us);
        if (m_samples.size() >= std::size_t(roundTripSamples)) {
            m_loop.quit();
            return;
        }
        QTimer::singleShot(roundTripGap, Qt::PreciseTimer, &m_context, [this] { next(); });
    }

    quint64 current() const { return m_number; }

private:
    void next()
    {
        ++m_number;
        m_inFlight = true;
        m_sent = Clock::now();
        m_send(m_number);
    }

    std::function<void(quint64)> m_send;
    QObject m_context;
    QEventLoop m_loop;
    std::vector<double> m_samples;
    Clock::time_point m_sent;
    quint64 m_number = 0;
    int m_count = 0;
    bool m_inFlight = false; // a task was sent and its result not yet received
};

// The least a round trip through Qt's event loops costs: a queued signal to an object on a
// worker thread, which answers with a queued signal back.
class EchoWorker : public QObject
{
    Q_OBJECT
public:
    void echo(quint64 number) { emit echoed(number); }

signals:
    void requested(quint64 number);
    void echoed(quint64 number);
};

} // namespace

namespace Bench {

void measureThroughput(BenchResults &results)
{
    // Warm-up: first thread starts, allocator pools, lazily created Qt internals.
    sessionRate(20'000);
    qtconcurrentRate(5'000);
    futureRate(5'000);
    threadpoolRate(5'000);
    naiveRate(5'000);

    results.sessionTasksPerS = sessionRate(sessionTasks);
    results.qtconcurrentTasksPerS = qtconcurrentRate(alternativeTasks);
    results.futureTasksPerS = futureRate(alternativeTasks);
    results.threadpoolTasksPerS = threadpoolRate(alternativeTasks);
    results.naiveSignalTasksPerS = naiveRate(naiveTasks);
    // Beside QtConcurrent, the floor says what the 3 x target of submit() asks of this machine.
    watchOnlyRate(5'000);
    const double floor = watchOnlyRate(alternativeTasks);
    std::fprintf(stderr,
                 "  watching floor: futures finished in the GUI thread, each watched, %.0f/s",
                 floor);
    if (results.qtconcurrentTasksPerS > 0)
        std::fprintf(stderr, " (%.3f x QtConcurrent's watched runs)",
                     floor / results.qtconcurrentTasksPerS);
    std::fprintf(stderr, "\n");
}

void measureRoundTrip(BenchResults &results)
{
    {
        TaskRunner::SessionRunner runner = TaskRunner::SessionRunner::create(&noop);
        RoundTrips trips([&runner](quint64 number) { runner.append(QVariant(number)); });
        TaskRunner::RunnerWatcher watcher;
        watcher.setRunner(runner);
        QObject::connect(&watcher, &TaskRunner::RunnerWatcher::stateChanged, &watcher, [&] {
            const TaskRunner::SessionRunnerState state = runner.state();
            // Tasks are numbered from 1 and the runner counts them: done == number means the
            // result of that task is in the snapshot.
            if (state.done >= trips.current())
                trips.received(trips.current());
        });
        const std::vector<double> samples = trips.run();
        finish(runner);
        if (!samples.empty()) {
            results.roundtripMedianUs = median(samples);
            results.roundtripP99Us = percentile(samples, 99);
        }
    }
    {
        QFutureWatcher<QVariant> watcher;
        quint64 watched = 0;
        RoundTrips trips([&](quint64 number) {
            watched = number;
            watcher.setFuture(QtConcurrent::run(&noop, QVariant(number)));
        });
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &watcher, [&] {
            const QVariant result = watcher.result();
            Q_UNUSED(result);
            trips.received(watched);
        });
        const std::vector<double> samples = trips.run();
        QThreadPool::globalInstance()->waitForDone();
        flushEvents();
        if (!samples.empty())
            results.qtconcurrentRoundtripMedianUs = median(samples);
    }
    {
        // Not a key of the results: what the round trips above are to be compared with.
        QThread thread;
        EchoWorker worker;
        worker.moveToThread(&thread);
        QObject::connect(&worker, &EchoWorker::requested, &worker, &EchoWorker::echo,
                         Qt::QueuedConnection);
        thread.start();
        RoundTrips trips([&worker](quint64 number) { emit worker.requested(number); });
        QObject context;
        QObject::connect(
            &worker, &EchoWorker::echoed, &context,
            [&trips](quint64 number) { trips.received(number); }, Qt::QueuedConnection);
        const std::vector<double> samples = trips.run();
        thread.quit();
        thread.wait();
        // Beside QtConcurrent, the floor says what the 0.5 target asks of this machine: the
        // runner cannot be cheaper than the two thread wake-ups the floor is made of.
        if (!samples.empty()) {
            const double floor = median(samples);
            std::fprintf(stderr,
                         "  round trip floor: a queued signal to a worker thread and one back, "
                         "median %.1f us",
                         floor);
            if (results.qtconcurrentRoundtripMedianUs > 0)
                std::fprintf(stderr, " (%.3f x the QtConcurrent round trip)",
                             floor / results.qtconcurrentRoundtripMedianUs);
            std::fputc('\n', stderr);
        }
    }
}

} // namespace Bench

#include "bench_throughput.moc"
