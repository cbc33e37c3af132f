#include <TaskRunner/historystore.h>

#include "historyexport.h"
#include "historyworker.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QStandardPaths>
#include <QThread>

#include <climits>
#include <mutex>

namespace TaskRunner {

Q_LOGGING_CATEGORY(lcHistoryStore, "taskrunner.history", QtInfoMsg)

namespace {

template<typename T> std::shared_ptr<QPromise<T>> startedPromise()
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    return promise;
}

} // namespace

HistoryStore::HistoryStore(const QString &path, QObject *parent)
    : HistoryStore(path, Options(), parent)
{}

HistoryStore::HistoryStore(const QString &path, const Options &options, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_shared(std::make_shared<HistoryShared>())
    , m_thread(std::make_unique<QThread>())
{
    m_shared->options = options;
    m_shared->options.maxBatch = qMax(1, options.maxBatch);
    m_thread->setObjectName(QStringLiteral("history"));
    m_worker = new HistoryWorker(path, m_shared, this);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &HistoryWorker::statusChanged, this, &HistoryStore::statusChanged);
    connect(m_worker, &HistoryWorker::entriesWritten, this, &HistoryStore::entriesWritten);
    connect(m_worker, &HistoryWorker::cleared, this, &HistoryStore::cleared);
    // The first job: nothing is read or written before the file is checked.
    post([](HistoryWorker &worker) { worker.open(); });
    m_thread->start();
}

HistoryStore::~HistoryStore()
{
    // finish() runs after every job queued before it, then ends the thread.
    post([](HistoryWorker &worker) { worker.finish(); });
    m_thread->wait();
    // The window that told it is gone (or there never was one): the log has the last word on
    // what this run could not record.
    if (droppedCount() > 0)
        qCWarning(lcHistoryStore).noquote()
            << QDir::toNativeSeparators(m_path) << "-" << statusMessage();
}

QString HistoryStore::defaultPath()
{
    // $XDG_DATA_HOME/taskrunner, beside the settings' $XDG_CONFIG_HOME/taskrunner (the
    // organization's folder, as QSettings uses it), not AppDataLocation's taskrunner/taskrunner.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/taskrunner/history.sqlite");
}

QString HistoryStore::path() const
{
    return m_path;
}

void HistoryStore::add(const HistoryEntry &entry)
{
    HistoryEntry copy = entry;
    copy.truncateOutputTail();
    const qint64 bytes = HistoryShared::bytesOf(copy);
    bool wake = false;
    bool tell = false;
    {
        std::lock_guard lock(m_shared->mutex);
        if (!m_shared->accepting) {
            ++m_shared->dropped;
            return;
        }
        if (m_shared->pendingBytes + bytes > m_shared->options.queueLimitBytes) {
            ++m_shared->dropped;
            tell = !std::exchange(m_shared->overflowTold, true);
        } else {
            // Single entries are gathered in chunks the store owns, not one list per entry.
            if (!m_shared->backOwned || m_shared->chunks.back().entries.size() >= 4096) {
                m_shared->chunks.emplace_back();
                m_shared->chunks.back().entries.reserve(4096);
                m_shared->backOwned = true;
            }
            HistoryShared::Chunk &chunk = m_shared->chunks.back();
            chunk.entries.append(std::move(copy));
            chunk.bytes += bytes;
            m_shared->pendingBytes += bytes;
            ++m_shared->accepted;
            wake = m_shared->pushDrain();
        }
    }
    if (wake)
        wakeWorker();
    if (tell)
        QMetaObject::invokeMethod(this, &HistoryStore::statusChanged, Qt::QueuedConnection);
}

void HistoryStore::add(const QList<HistoryEntry> &entries)
{
    if (entries.isEmpty())
        return;
    QList<HistoryEntry> list = entries; // shared, not copied, unless a tail must be cut
    bool cut = false;
    for (const HistoryEntry &entry : entries)
        cut = cut || entry.outputTail.size() > HistoryEntry::maxOutputTail;
    if (cut) {
        for (HistoryEntry &entry : list)
            entry.truncateOutputTail();
    }
    qint64 bytes = 0;
    for (const HistoryEntry &entry : std::as_const(list))
        bytes += HistoryShared::bytesOf(entry);

    bool wake = false;
    bool tell = false;
    {
        std::lock_guard lock(m_shared->mutex);
        if (!m_shared->accepting) {
            m_shared->dropped += list.size();
            return;
        }
        if (m_shared->pendingBytes + bytes > m_shared->options.queueLimitBytes) {
            // Keep what fits, in order; count the rest.
            const qint64 room = m_shared->options.queueLimitBytes - m_shared->pendingBytes;
            qint64 kept = 0;
            qsizetype n = 0;
            while (n < list.size() && kept + HistoryShared::bytesOf(list.at(n)) <= room)
                kept += HistoryShared::bytesOf(list.at(n++));
            m_shared->dropped += list.size() - n;
            tell = !std::exchange(m_shared->overflowTold, true);
            list.resize(n);
            bytes = kept;
        }
        if (!list.isEmpty()) {
            m_shared->accepted += quint64(list.size());
            m_shared->chunks.push_back({std::move(list), 0, bytes});
            m_shared->backOwned = false;
            m_shared->pendingBytes += bytes;
            wake = m_shared->pushDrain();
        }
    }
    if (wake)
        wakeWorker();
    if (tell)
        QMetaObject::invokeMethod(this, &HistoryStore::statusChanged, Qt::QueuedConnection);
}

void HistoryStore::wakeWorker() const
{
    QMetaObject::invokeMethod(m_worker, &HistoryWorker::runJobs, Qt::QueuedConnection);
}

void HistoryStore::post(std::function<void(HistoryWorker &)> job) const
{
    bool wake = false;
    {
        std::lock_guard lock(m_shared->mutex);
        wake = m_shared->pushJob(std::move(job));
    }
    if (wake)
        wakeWorker();
}

void HistoryStore::runReplies()
{
    for (;;) {
        HistoryShared::Reply reply;
        {
            std::lock_guard lock(m_shared->mutex);
            if (m_shared->replies.empty()) {
                m_shared->repliesWake = false;
                return;
            }
            reply = std::move(m_shared->replies.front());
            m_shared->replies.pop_front();
        }
        reply();
    }
}

QFuture<void> HistoryStore::flush()
{
    auto promise = startedPromise<void>();
    QFuture<void> future = promise->future();
    quint64 target = 0;
    {
        std::lock_guard lock(m_shared->mutex);
        target = m_shared->accepted;
    }
    // Through the worker's queue, so a flush also waits until the file was opened.
    post([target, promise](HistoryWorker &worker) { worker.addFlush(target, promise); });
    return future;
}

HistoryStore::Status HistoryStore::status() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->status;
}

QString HistoryStore::statusMessage() const
{
    std::lock_guard lock(m_shared->mutex);
    QString message = m_shared->message;
    if (m_shared->dropped > 0) {
        if (!message.isEmpty())
            message += QLatin1Char(' ');
        // A plain variable as the count: lupdate 6.4 hangs on a template call there.
        const int dropped = int(qMin<qint64>(m_shared->dropped, INT_MAX));
        message += QCoreApplication::translate("TaskRunner::HistoryStore",
                                               "%n task(s) could not be recorded in the history.",
                                               nullptr, dropped);
    }
    return message;
}

qint64 HistoryStore::droppedCount() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->dropped;
}

qint64 HistoryStore::writtenCount() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->written;
}

QFuture<QList<HistoryEntry>> HistoryStore::page(const HistoryFilter &filter, qint64 beforeId,
                                                int limit, qint64 afterId) const
{
    auto promise = startedPromise<QList<HistoryEntry>>();
    post([=](HistoryWorker &worker) {
        worker.reply(
            [promise, page = worker.database().page(filter, beforeId, afterId, limit, false)] {
                promise->addResult(page);
                promise->finish();
            });
    });
    return promise->future();
}

QFuture<HistoryEntry> HistoryStore::entry(qint64 id) const
{
    auto promise = startedPromise<HistoryEntry>();
    post([=](HistoryWorker &worker) {
        worker.reply([promise, entry = worker.database().entry(id).value_or(HistoryEntry())] {
            promise->addResult(entry);
            promise->finish();
        });
    });
    return promise->future();
}

QFuture<qint64> HistoryStore::count(const HistoryFilter &filter) const
{
    auto promise = startedPromise<qint64>();
    post([=](HistoryWorker &worker) {
        worker.reply([promise, count = worker.database().count(filter)] {
            promise->addResult(count);
            promise->finish();
        });
    });
    return promise->future();
}

QFuture<bool> HistoryStore::clear()
{
    auto promise = startedPromise<bool>();
    post([=](HistoryWorker &worker) {
        worker.reply([promise, ok = worker.clear()] {
            promise->addResult(ok);
            promise->finish();
        });
    });
    return promise->future();
}

QFuture<HistoryExportResult> HistoryStore::exportCsv(const QString &path,
                                                     const HistoryFilter &filter)
{
    auto promise = startedPromise<HistoryExportResult>();
    post([=](HistoryWorker &worker) {
        promise->addResult(
            HistoryExport::write(worker.database(), path, filter, HistoryExport::Format::Csv));
        promise->finish();
    });
    return promise->future();
}

QFuture<HistoryExportResult> HistoryStore::exportJson(const QString &path,
                                                      const HistoryFilter &filter)
{
    auto promise = startedPromise<HistoryExportResult>();
    post([=](HistoryWorker &worker) {
        promise->addResult(
            HistoryExport::write(worker.database(), path, filter, HistoryExport::Format::Json));
        promise->finish();
    });
    return promise->future();
}

} // namespace TaskRunner
