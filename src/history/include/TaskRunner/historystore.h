#pragma once

#include <TaskRunner/historyentry.h>
#include <TaskRunner/taskrunnerhistory_export.h>

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace TaskRunner {

class HistoryWorker;
struct HistoryShared;

// The task history: an SQLite database (Qt Sql, QSQLITE, WAL) that every finished task is
// added to. All database work runs on the store's own thread; every public method is
// thread-safe and returns at once, without waiting for the disk. Results come as futures and
// signals, both finished or emitted in the thread that created the store (by its event loop:
// never block that thread on one of these futures; use QFutureWatcher or then()).
//
// The file is created with mode 0600 in a folder created 0700. Its schema has a version
// (PRAGMA user_version) and migrations; a file of a newer version is only ever read.
//
// Faults never crash and never destroy data, and each is told once (statusChanged()):
// - a damaged or foreign file is renamed to <path>.corrupt-<yyyyMMdd-hhmmss> (with its -wal
//   and -shm) and a fresh history is started (status Ok, with a message);
// - a file from a newer version is opened read-only (ReadOnly), or not at all (Off);
// - a folder or file that cannot be created, a read-only or full disk, a file that may not
//   grow (RLIMIT_FSIZE, EFBIG) turn history off for this run (Off): add() then only counts.
// Two stores (or processes) on one file both work: WAL, a 5 s busy timeout, and the schema is
// made inside one IMMEDIATE transaction.
//
// If the disk falls behind: entries wait in memory, as many as Options::queueLimitBytes holds
// (512 MiB by default, over a million short tasks); what comes beyond is not queued but
// counted in droppedCount(), statusChanged() is emitted once, and statusMessage() says how
// many tasks were not recorded. Nothing is ever lost without being counted and told.
class TASKRUNNER_HISTORY_EXPORT HistoryStore : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        Ok,       // recording
        ReadOnly, // a newer version's file: readable, nothing is recorded
        Off,      // nothing is recorded this run (and, if the file cannot be read, nothing shown)
    };
    Q_ENUM(Status)

    struct Options
    {
        qint64 queueLimitBytes = qint64(512) * 1024 * 1024;
        // How many entries one transaction takes at most (the rest follow at once).
        int maxBatch = 65536;
    };

    explicit HistoryStore(const QString &path, QObject *parent = nullptr);
    HistoryStore(const QString &path, const Options &options, QObject *parent = nullptr);
    // Writes what is still queued, then ends the store's thread (waits for both).
    ~HistoryStore() override;

    // $XDG_DATA_HOME/taskrunner/history.sqlite (QStandardPaths::GenericDataLocation).
    static QString defaultPath();
    QString path() const;

    // Thread-safe, never blocks on the disk. Output tails are cut to their last 64 KiB.
    void add(const HistoryEntry &entry);
    void add(const QList<HistoryEntry> &entries);
    // Finishes when everything added before the call is on disk (or was counted as dropped).
    QFuture<void> flush();

    // Thread-safe. The GUI shows statusMessage() whenever it is not empty.
    Status status() const;
    QString statusMessage() const;
    // Entries that were not recorded: the queue was full, or history is off or read-only.
    qint64 droppedCount() const;
    // Entries this store has written.
    qint64 writtenCount() const;

    // Reading (on the store's thread). Newest first; ids are row ids from HistoryEntry::id.
    // Entries with id < beforeId (0: from the newest) and id > afterId, at most `limit`,
    // without output tails.
    QFuture<QList<HistoryEntry>> page(const HistoryFilter &filter, qint64 beforeId = 0,
                                      int limit = 256, qint64 afterId = 0) const;
    // One entry with its output tail; an entry with id 0 if there is none.
    QFuture<HistoryEntry> entry(qint64 id) const;
    QFuture<qint64> count(const HistoryFilter &filter = {}) const;

    // Deletes every entry (also those still queued); emits cleared() when done.
    QFuture<bool> clear();

    // Writes the entries matching `filter`, newest first, with their output tails as text
    // (invalid UTF-8 replaced). CSV: RFC 4180, a header row, CRLF line ends. JSON: an array of
    // objects. The file is replaced atomically, only when the export succeeded.
    QFuture<HistoryExportResult> exportCsv(const QString &path, const HistoryFilter &filter = {});
    QFuture<HistoryExportResult> exportJson(const QString &path, const HistoryFilter &filter = {});

Q_SIGNALS:
    void statusChanged();
    // New entries are on disk (coalesced: one per written batch at most).
    void entriesWritten();
    void cleared();

private:
    friend class HistoryWorker;
    void post(std::function<void(HistoryWorker &)> job) const;
    void wakeWorker() const;
    // Runs what the worker handed back (finishing futures), in the store's thread.
    void runReplies();

    const QString m_path;
    std::shared_ptr<HistoryShared> m_shared;
    std::unique_ptr<QThread> m_thread;
    HistoryWorker *m_worker = nullptr; // lives in m_thread, deleted when it finishes
};

} // namespace TaskRunner
