#pragma once

#include "historydatabase.h"

#include <TaskRunner/historystore.h>

#include <QMutex>
#include <QObject>
#include <QPromise>

#include <deque>
#include <memory>
#include <utility>
#include <vector>

namespace TaskRunner {

// What HistoryStore (any thread) and its worker (the store's thread) share, under `mutex`.
struct HistoryShared
{
    struct Chunk
    {
        QList<HistoryEntry> entries;
        qsizetype begin = 0; // entries before it are taken
        qint64 bytes = 0;    // estimate of what the untaken entries hold
    };

    // Memory an entry holds in the queue, roughly.
    static qint64 bytesOf(const HistoryEntry &entry);

    // Takes up to `maxBatch` entries in order.
    std::vector<HistoryDatabase::Span> take(int maxBatch, qint64 &count);
    // Marks `count` more accepted entries as settled (written or dropped) and returns the
    // flushes that became due; finish them after unlocking.
    std::vector<std::shared_ptr<QPromise<void>>> settle(qint64 count);

    mutable QMutex mutex;
    HistoryStore::Options options;
    std::deque<Chunk> chunks;
    bool backOwned = false; // the last chunk is the store's own, add(entry) may append to it
    qint64 pendingBytes = 0;
    bool drainPosted = false;
    quint64 accepted = 0; // entries ever queued
    quint64 settled = 0;  // of those, written or counted as dropped
    std::vector<std::pair<quint64, std::shared_ptr<QPromise<void>>>> flushes;
    HistoryStore::Status status = HistoryStore::Status::Ok;
    QString message;
    bool accepting = true;
    bool overflowTold = false;
    qint64 dropped = 0;
    qint64 written = 0;
};

// Lives on the store's thread and owns its database connection: opens it, writes the queue in
// batches, and runs the reads the store posts to it. Parentless; deleted when the thread ends.
class HistoryWorker : public QObject
{
    Q_OBJECT

public:
    HistoryWorker(const QString &path, std::shared_ptr<HistoryShared> shared);
    ~HistoryWorker() override;

    HistoryDatabase &database() { return m_database; }

    void open();
    // Writes one batch; posts itself again while entries are queued.
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

    const QString m_path;
    const std::shared_ptr<HistoryShared> m_shared;
    HistoryDatabase m_database;
    bool m_finished = false;
};

} // namespace TaskRunner
