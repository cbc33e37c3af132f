// History figures for taskrunner-bench (not registered in CMakeLists.txt yet; link it with
// TaskRunner::History). Each function needs a QCoreApplication (or QApplication) and runs its
// event loop; each returns NaN, with the reason on stderr, when it could not measure.
//
//   double Bench::historyRecordsPerS(const QString &databasePath, int count); // count: 10^6
//       history_records_per_s: `count` finished no-op tasks added to a HistoryStore as fast as
//       the calling thread makes them, until all are on disk (flush() finished); entries/s.
//   double Bench::historyOpenMs(const QString &databasePath);
//       history_open_ms: a HistoryStore and a HistoryModel opened on an existing database
//       (10^6 rows from historyRecordsPerS), until the first page is in the model; ms.
//   double Bench::historySearchMs(const QString &databasePath, const QString &needle);
//       history_search_ms: with the first page shown, setSearchText(needle) until the first
//       page of matches (or the end, when fewer match) is in the model; ms. A needle that
//       matches nothing is the worst case: every row is read.

#include <TaskRunner/historymodel.h>
#include <TaskRunner/historystore.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <limits>

namespace Bench {

namespace {

constexpr double none = std::numeric_limits<double>::quiet_NaN();

// Runs the event loop until `done` or `timeoutMs`; false on timeout.
template<typename Signal, typename Object>
bool waitFor(Object *object, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(object, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

} // namespace

double historyRecordsPerS(const QString &databasePath, int count)
{
    TaskRunner::HistoryStore store(databasePath);
    {
        // Opened before the clock starts: start-up is measured elsewhere.
        QFutureWatcher<void> opened;
        opened.setFuture(store.flush());
        if (!opened.isFinished() && !waitFor(&opened, &QFutureWatcherBase::finished, 30000))
            return none;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        TaskRunner::HistoryEntry entry;
        entry.sessionId = QStringLiteral("bench");
        entry.taskNumber = i;
        entry.kind = QStringLiteral("example");
        entry.commandLine = QStringLiteral("noop");
        entry.queuedMs = now;
        entry.startedMs = now;
        entry.finishedMs = now;
        entry.state = TaskRunner::HistoryState::done();
        entry.exitCode = 0;
        entry.result = QString::number(i);
        store.add(entry);
    }
    QFutureWatcher<void> flushed;
    flushed.setFuture(store.flush());
    if (!flushed.isFinished() && !waitFor(&flushed, &QFutureWatcherBase::finished, 600000)) {
        std::fprintf(stderr, "history: the entries were not written within 10 minutes\n");
        return none;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (store.droppedCount() > 0 || store.status() != TaskRunner::HistoryStore::Status::Ok) {
        std::fprintf(stderr, "history: %lld entries dropped: %s\n",
                     static_cast<long long>(store.droppedCount()),
                     qPrintable(store.statusMessage()));
        return none;
    }
    return double(count) / seconds;
}

double historyOpenMs(const QString &databasePath)
{
    QElapsedTimer timer;
    timer.start();
    TaskRunner::HistoryStore store(databasePath);
    TaskRunner::HistoryModel model(&store);
    if (model.isLoading() && !waitFor(&model, &TaskRunner::HistoryModel::pageLoaded, 30000))
        return none;
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (model.rowCount() == 0) {
        std::fprintf(stderr, "history: %s holds no rows\n", qPrintable(databasePath));
        return none;
    }
    return ms;
}

double historySearchMs(const QString &databasePath, const QString &needle)
{
    TaskRunner::HistoryStore store(databasePath);
    TaskRunner::HistoryModel model(&store);
    if (model.isLoading() && !waitFor(&model, &TaskRunner::HistoryModel::pageLoaded, 30000))
        return none;
    QElapsedTimer timer;
    timer.start();
    model.setSearchText(needle);
    if (model.isLoading() && !waitFor(&model, &TaskRunner::HistoryModel::pageLoaded, 30000))
        return none;
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace Bench
