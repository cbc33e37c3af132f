#pragma once

#include "historydatabase.h"

#include <TaskRunner/historystore.h>

#include <QObject>
#include <QPromise>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace TaskRunner {

// What HistoryStore (any thread) and its worker (the store's thread) share, under `mutex`.
// Every hand-over between the threads goes through this std::mutex (so ThreadSanitizer sees
// it); Qt events only wake the other side and carry no data.
struct HistoryShared
{
    using Job = std::function<void(HistoryWorker &)>;
    using Reply = std::function<void()>;

    struct Chunk
    {
        QList<HistoryEntry> entries;
        qsizetype begin = 0; // entries before it are taken
        qint64 bytes = 0;    // estimate of what the untaken entries hold
    };

    // Memory an entry holds in the queue, roughly.
    static qint64 bytesOf(const HistoryEntry &entry);

    // With the mutex held. Takes up to `maxBatch` entries in order.
    std::vector<HistoryDatabase::Span> take(int maxBatch, qint64 &count);
    // With the mutex held. Marks `count` more accepted entries as settled (written or dropped)
    // and returns the flushes that became due.
    std::vector<std::shared_ptr<QPromise<void>>> settle(qint64 count);
    // With the mutex held. Queues a job for the worker; true if the worker must be woken.
    bool pushJob(Job job);
    // With the mutex held. Queues a drain job unless one is queued; true to wake the worker.
    bool pushDrain();

    mutable std::mutex mutex;
    HistoryStore::Options options;
    std::deque<Chunk> chunks;
    bool backOwned = false; // the last chunk is the store's own, add(entry) may append to it
    qint64 pendingBytes = 0;
    quint64 accepted = 0; // entries ever queued
    quint64 settled = 0;  // of those, written or counted as dropped
    std::vector<std::pair<quint64, std::shared_ptr<QPromise<void>>>> flushes;
    HistoryStore::Status status = HistoryStore::Status::Ok;
    QString message;
    bool accepting = true;
    bool overflowTold = false;
    qint64 dropped = 0;
    qint64 written = 0;

    std::deque<Job> jobs;  // run by the worker, in order
    bool jobsWake = false; // HistoryWorker::runJobs() is posted
    bool drainQueued = false;
    std::deque<Reply> replies; // run in the store's thread, in order
    bool repliesWake = false;  // HistoryStore::runReplies() is posted
};

// Lives on the store's thread and owns its database connection: opens it, writes the queue in
// batches, and runs the jobs the store queues. Parentless; deleted when the thread ends.
class HistoryWorker : public QObject
{
    Q_OBJECT

public:
    HistoryWorker(const QString &path, std::shared_ptr<HistoryShared> shared, HistoryStore *store);
    ~HistoryWorker() override;

    HistoryDatabase &database() { return m_database; }

    // Runs the queued jobs until there are none.
    void runJobs();
    // Runs `reply` in the store's thread (where futures are finished).
    void reply(HistoryShared::Reply reply);

    void open();
    // Writes one batch; queues itself again while entries are queued.
    void drain();
    // Finishes `promise` once everything accepted up to `target` is settled.
    void addFlush(quint64 target, std::shared_ptr<QPromise<void>> promise);
    // Deletes everything, the queue too.
    bool clear();
    // The last job: writes everything still queued, closes the database, ends the thread.
    void finish();

Q_SIGNALS:
    void statusChanged();
    void entriesWritten();
    void cleared();

private:
    // Writes one batch; false when history went off (the batch is counted as dropped).
    bool writeBatch(int maxBatch, bool &more);
    void turnOff(HistoryStore::Status status, const QString &message);
    void finishFlushes(std::vector<std::shared_ptr<QPromise<void>>> due);

    const QString m_path;
    const std::shared_ptr<HistoryShared> m_shared;
    HistoryStore *const m_store; // outlives the worker's thread
    HistoryDatabase m_database;
    bool m_finished = false;
};

} // namespace TaskRunner
