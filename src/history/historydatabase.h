#pragma once

#include <TaskRunner/historyentry.h>

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

struct sqlite3_stmt;

namespace TaskRunner {

// One SQLite connection to the history file, used by one thread only (a QSqlDatabase belongs
// to the thread that opened it). Opening classifies the file and repairs what may be repaired
// (a damaged or foreign file is set aside); nothing here ever deletes the user's data.
class HistoryDatabase
{
    // Its messages are the store's (statusMessage(), exports): one context for lupdate.
    Q_DECLARE_TR_FUNCTIONS(TaskRunner::HistoryStore)

public:
    // The schema this code writes. Version 0 is the pre-release layout, migrated on open.
    static constexpr int schemaVersion = 1;
    // PRAGMA application_id of a Task Runner history ("TRH1").
    static constexpr qint32 applicationId = 0x54524831;

    enum class Mode { ReadWrite, ReadOnly, Closed };
    struct OpenResult
    {
        Mode mode = Mode::Closed;
        QString message; // for the user; empty when there is nothing to tell
    };
    // The primary SQLite result codes the error handling tells apart.
    enum SqliteCode {
        SqliteBusy = 5,
        SqliteReadOnly = 8,
        SqliteIoErr = 10,
        SqliteCorrupt = 11,
        SqliteFull = 13,
        SqliteCantOpen = 14,
        SqliteNotADb = 26,
    };

    HistoryDatabase();
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    OpenResult open(const QString &path);
    void close();
    Mode mode() const { return m_mode; }

    // A run of entries of one list: [begin, end).
    struct Span
    {
        QList<HistoryEntry> entries;
        qsizetype begin = 0;
        qsizetype end = 0;
    };
    // One transaction for every entry of every span, in order. On failure nothing of the batch
    // is kept and `error` tells why (the primary SQLite code in `code`).
    bool write(const std::vector<Span> &spans, int &code, QString &error);

    // Entries matching `filter`, newest first, with id < beforeId (0: from the newest) and
    // id > afterId, at most `limit`. Output tails only with `withOutput`.
    QList<HistoryEntry> page(const HistoryFilter &filter, qint64 beforeId, qint64 afterId,
                             int limit, bool withOutput, QString *error = nullptr);
    std::optional<HistoryEntry> entry(qint64 id);
    qint64 count(const HistoryFilter &filter);
    bool clear(QString &error);

    static int primaryCode(const QSqlError &error);
    // A user-facing sentence for a failed write.
    static QString writeFailureMessage(int code, const QString &detail);

private:
    enum class Probe { Fresh, Ours, Legacy, Newer, Foreign, Damaged, Failed };
    bool connect(const QString &path, bool readOnly, QString &error);
    Probe probe(int &version, QString &error);
    // probe() in a read transaction of its own: what one moment of the file holds.
    Probe probeSnapshot(int &version, QString &error);
    bool createOrMigrate(QString &error);
    bool migrateFrom(int version, QString &error);
    bool exec(const QString &sql, QString *error = nullptr);
    bool anyOutputMatches(const HistoryFilter &filter);
    QString setAside(const QString &path, QString &error);

    QString m_connectionName;
    QSqlDatabase m_db;
    static constexpr std::size_t rowsPerInsert = 32;

    std::optional<QSqlQuery> m_insert;
    // rowsPerInsert rows at a time, on the connection's own SQLite handle: bound as UTF-8 built
    // here, without a QVariant per value or Qt's name lookup per binding (half of the writer's
    // time through QSqlQuery). QSQLITE on Debian uses the system's libsqlite3, as this does.
    struct StatementDeleter
    {
        void operator()(sqlite3_stmt *statement) const;
    };
    std::unique_ptr<sqlite3_stmt, StatementDeleter> m_insertMany;
    QByteArray m_groupText; // the group's values, one after the other
    bool insertGroup(const std::vector<const HistoryEntry *> &group, int &code, QString &error);
    std::optional<QSqlQuery> m_insertOutput;
    Mode m_mode = Mode::Closed;
};

} // namespace TaskRunner
