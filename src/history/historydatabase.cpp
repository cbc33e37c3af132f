#include "historydatabase.h"
#include "privatefolder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QStringList>
#include <QThread>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <iterator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace TaskRunner {

namespace {

// SQLite's NOT NULL columns take empty text, never a null QString (which Qt binds as NULL).
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

// The connection's SQLite handle (QSqlDriver::handle()), or null when the driver gives none or
// its SQLite is another build than the one linked here (its source id differs).
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    QSqlQuery source(db);
    if (!source.exec(QStringLiteral("SELECT sqlite_source_id()")) || !source.next() ||
        source.value(0).toString() != QLatin1String(sqlite3_sourceid()))
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QString likePattern(const QString &needle)
{
    QString escaped;
    escaped.reserve(needle.size() + 2);
    escaped.append(QLatin1Char('%'));
    for (const QChar c : needle) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            escaped.append(QLatin1Char('\\'));
        escaped.append(c);
    }
    escaped.append(QLatin1Char('%'));
    return escaped;
}

QString searchText(const HistoryEntry &entry)
{
    return (entry.commandLine + QLatin1Char('\n') + entry.result).toCaseFolded();
}

// Creates `path` with mode 0600 if it does not exist, before SQLite opens it: SQLite would
// create it with the umask's mode, and gives its -wal and -shm files the database's mode.
bool ensureFile(const QString &path, QString &error)
{
    // Non-blocking: a FIFO in its place would block the open until something reads it (it
    // fails with ENXIO instead); anything but a regular file is refused.
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        error = errno == ENXIO ? HistoryDatabase::tr("it is not a regular file")
                               : detail::errnoText(errno);
        return false;
    }
    struct stat status = {};
    const bool regular = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
    ::close(fd);
    if (!regular)
        error = HistoryDatabase::tr("it is not a regular file");
    return regular;
}

// The columns a query reads: the JSON entry as UTF-8 bytes, parsed here.
const char *const selectColumns = "h.id, h.state, CAST(h.entry AS BLOB)";

// Appends one byte of a JSON string's content, escaped as JSON needs.
void appendJsonByte(QByteArray &json, char byte)
{
    switch (byte) {
    case '"':
        json.append("\\\"", 2);
        return;
    case '\\':
        json.append("\\\\", 2);
        return;
    case '\n':
        json.append("\\n", 2);
        return;
    case '\r':
        json.append("\\r", 2);
        return;
    case '\t':
        json.append("\\t", 2);
        return;
    default:
        break;
    }
    if (static_cast<unsigned char>(byte) >= 0x20) {
        json.append(byte);
        return;
    }
    static const char hex[] = "0123456789abcdef";
    const char escaped[] = {'\\', 'u', '0', '0', hex[(byte >> 4) & 0xf], hex[byte & 0xf]};
    json.append(escaped, sizeof escaped);
}

// `value` as a JSON string in UTF-8. ASCII, nearly all of what tasks hold, goes byte by byte
// without a conversion; the rest of a text from its first other character is converted once.
void appendJsonString(QByteArray &json, QStringView value)
{
    json.append('"');
    qsizetype ascii = 0;
    while (ascii < value.size() && value[ascii].unicode() < 0x80)
        appendJsonByte(json, char(value[ascii++].unicode()));
    if (ascii < value.size()) {
        for (const char byte : value.mid(ascii).toUtf8())
            appendJsonByte(json, byte); // UTF-8's multi-byte sequences never need escaping
    }
    json.append('"');
}

void appendNumber(QByteArray &json, qint64 value)
{
    char digits[24];
    const std::to_chars_result end = std::to_chars(std::begin(digits), std::end(digits), value);
    json.append(digits, end.ptr - digits);
}

// The entry as the JSON object of the `entry` column, in UTF-8, appended to `json`, with
// one-letter keys (the rows a search scans stay short; the view task_history_fields names them):
// s session, n task number, k kind, c command, f folder, q queued, b started, e finished, x exit
// code, r result, o output size, w watch key. Fields with their default value (empty text, 0, no
// exit code) are left out.
void appendEntryJson(QByteArray &json, const HistoryEntry &entry)
{
    const qsizetype start = json.size();
    json.append('{');
    const auto key = [&](const char *name) {
        if (json.size() > start + 1)
            json.append(',');
        json.append(name);
    };
    const auto text = [&](const char *name, const QString &value) {
        if (!value.isEmpty()) {
            key(name);
            appendJsonString(json, value);
        }
    };
    const auto number = [&](const char *name, qint64 value) {
        if (value != 0) {
            key(name);
            appendNumber(json, value);
        }
    };
    text("\"s\":", entry.sessionId);
    number("\"n\":", entry.taskNumber);
    text("\"k\":", entry.kind);
    text("\"c\":", entry.commandLine);
    text("\"f\":", entry.folder);
    number("\"q\":", entry.queuedMs);
    number("\"b\":", entry.startedMs);
    number("\"e\":", entry.finishedMs);
    if (entry.exitCode) {
        key("\"x\":");
        appendNumber(json, *entry.exitCode);
    }
    text("\"r\":", entry.result);
    number("\"o\":", entry.outputSize);
    text("\"w\":", entry.watchKey);
    json.append('}');
}

QString entryJson(const HistoryEntry &entry)
{
    QByteArray json;
    appendEntryJson(json, entry);
    return QString::fromUtf8(json);
}

// searchText() in UTF-8, appended to `out`. Case folding leaves ASCII but A-Z as it is.
void appendSearchText(QByteArray &out, const HistoryEntry &entry)
{
    const auto isAscii = [](const QString &text) {
        return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
    };
    if (!isAscii(entry.commandLine) || !isAscii(entry.result)) {
        out.append(searchText(entry).toUtf8());
        return;
    }
    const auto fold = [&](const QString &text) {
        for (const QChar c : text) {
            const char byte = char(c.unicode());
            out.append(byte >= 'A' && byte <= 'Z' ? char(byte - 'A' + 'a') : byte);
        }
    };
    fold(entry.commandLine);
    out.append('\n');
    fold(entry.result);
}

struct Where
{
    QString sql;
    QVariantList values;
};

// `outputMatches`: some output holds the text (else rows are not tested against outputs).
Where whereClause(const HistoryFilter &filter, qint64 beforeId, qint64 afterId, bool outputMatches)
{
    Where where;
    QStringList terms;
    if (beforeId > 0) {
        terms << QStringLiteral("h.id < ?");
        where.values << beforeId;
    }
    if (afterId > 0) {
        terms << QStringLiteral("h.id > ?");
        where.values << afterId;
    }
    if (filter.states.size() == 1) {
        terms << QStringLiteral("h.state = ?");
        where.values << filter.states.constFirst();
        // The exact term of the partial index on the rare states, newest first: done, the
        // common one, is found soon enough in id order.
        if (filter.states.constFirst() != QLatin1String("done"))
            terms << QStringLiteral("h.state <> 'done'");
    } else if (filter.states.size() > 1) {
        // The unary + keeps SQLite on the id order: several index ranges would need a sort.
        QStringList marks;
        for (const QString &state : filter.states) {
            marks << QStringLiteral("?");
            where.values << state;
        }
        terms << QStringLiteral("+h.state IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    const QString needle = filter.text.trimmed();
    if (!needle.isEmpty()) {
        if (outputMatches) {
            // One list of the matching ids, made once per query. There LIKE folds ASCII only:
            // the tail is bytes, not folded text.
            terms << QStringLiteral("(h.search LIKE ? ESCAPE '\\' OR h.id IN (SELECT id FROM "
                                    "task_output WHERE CAST(tail AS TEXT) LIKE ? ESCAPE '\\'))");
            where.values << likePattern(needle.toCaseFolded()) << likePattern(needle);
        } else {
            terms << QStringLiteral("h.search LIKE ? ESCAPE '\\'");
            where.values << likePattern(needle.toCaseFolded());
        }
    }
    if (!terms.isEmpty())
        where.sql = QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
    return where;
}

HistoryEntry readEntry(const QSqlQuery &query, bool withOutput)
{
    HistoryEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.state = query.value(1).toString();
    const QJsonObject object = QJsonDocument::fromJson(query.value(2).toByteArray()).object();
    const auto text = [&](const char *name) {
        return object.value(QLatin1String(name)).toString();
    };
    const auto number = [&](const char *name) {
        return qint64(object.value(QLatin1String(name)).toDouble());
    };
    entry.sessionId = text("s");
    entry.taskNumber = number("n");
    entry.kind = text("k");
    entry.commandLine = text("c");
    entry.folder = text("f");
    entry.queuedMs = number("q");
    entry.startedMs = number("b");
    entry.finishedMs = number("e");
    const QJsonValue exitCode = object.value(QLatin1String("x"));
    if (exitCode.isDouble())
        entry.exitCode = exitCode.toInt();
    entry.result = text("r");
    entry.outputSize = number("o");
    entry.watchKey = text("w");
    if (withOutput)
        entry.outputTail = query.value(3).toByteArray();
    return entry;
}

std::atomic<int> s_connections{0};

// How long a statement waits for another connection's lock.
constexpr int busyTimeoutMs = 5000;

} // namespace

HistoryDatabase::HistoryDatabase()
    : m_connectionName(QStringLiteral("taskrunner-history-%1").arg(++s_connections))
{}

HistoryDatabase::~HistoryDatabase()
{
    close();
}

int HistoryDatabase::primaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : 0;
}

QString HistoryDatabase::writeFailureMessage(int code, const QString &detail)
{
    switch (code) {
    case SqliteFull:
        return tr("History is off for this run: the disk is full or the file may not grow (%1).")
            .arg(detail);
    case SqliteIoErr:
        return tr("History is off for this run: the disk could not be written (%1).").arg(detail);
    case SqliteReadOnly:
    case SqliteCantOpen:
        return tr("History is off for this run: the history file cannot be written (%1).")
            .arg(detail);
    case SqliteCorrupt:
    case SqliteNotADb:
        return tr("History is off for this run: the history file is damaged (%1).").arg(detail);
    default:
        return tr("History is off for this run: %1").arg(detail);
    }
}

bool HistoryDatabase::connect(const QString &path, bool readOnly, QString &error)
{
    close();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(options);
    if (!m_db.open()) {
        error = m_db.lastError().text();
        return false;
    }
    return true;
}

void HistoryDatabase::close()
{
    m_insertMany.reset(); // finalized before the connection closes
    m_insert.reset();
    m_insertOutput.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_mode = Mode::Closed;
}

bool HistoryDatabase::exec(const QString &sql, QString *error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

HistoryDatabase::Probe HistoryDatabase::probeSnapshot(int &version, QString &error)
{
    // probe() reads in three statements. Alone, each would see the file as it is at that
    // moment: another instance committing its new schema in between would show tables without
    // their version, a foreign file, which would then be set aside.
    if (!exec(QStringLiteral("BEGIN DEFERRED"), &error))
        return Probe::Failed;
    const Probe probed = probe(version, error);
    // Only read; a failed statement may have ended the transaction already. A transaction
    // left open would hold this connection on the moment it began.
    if (!exec(QStringLiteral("ROLLBACK"))) {
        if (sqlite3 *handle = sqliteHandle(m_db); handle && !sqlite3_get_autocommit(handle)) {
            error = QString::fromUtf8(sqlite3_errmsg(handle));
            return Probe::Failed;
        }
    }
    return probed;
}

HistoryDatabase::Probe HistoryDatabase::probe(int &version, QString &error)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const auto failed = [&] {
        error = query.lastError().text();
        const int code = primaryCode(query.lastError());
        return code == SqliteNotADb || code == SqliteCorrupt ? Probe::Damaged : Probe::Failed;
    };
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return failed();
    const qint32 appId = query.value(0).toInt();
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return failed();
    version = query.value(0).toInt();
    if (!query.exec(QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")))
        return failed();
    QStringList tables;
    while (query.next())
        tables << query.value(0).toString();
    if (query.lastError().isValid())
        return failed();

    if (appId != 0 && appId != applicationId)
        return Probe::Foreign;
    if (version > schemaVersion)
        return Probe::Newer;
    if (version == 0) {
        if (tables.isEmpty())
            return Probe::Fresh;
        return tables == QStringList{QStringLiteral("history")} ? Probe::Legacy : Probe::Foreign;
    }
    return tables.contains(QStringLiteral("task_history")) ? Probe::Ours : Probe::Foreign;
}

QString HistoryDatabase::setAside(const QString &path, QString &error)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    QString aside = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = path + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    if (::rename(QFile::encodeName(path).constData(), QFile::encodeName(aside).constData()) != 0) {
        error = detail::errnoText(errno);
        return {};
    }
    // The journal files go with it, so the set-aside copy stays whole.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString from = path + QLatin1String(suffix);
        if (QFileInfo::exists(from))
            ::rename(QFile::encodeName(from).constData(),
                     QFile::encodeName(aside + QLatin1String(suffix)).constData());
    }
    return aside;
}

HistoryDatabase::OpenResult HistoryDatabase::open(const QString &path)
{
    close();
    QString error;
    const QString folder = QFileInfo(path).absolutePath();
    if (!detail::ensurePrivateFolder(folder, error)) {
        return {Mode::Closed, tr("History is off for this run: the folder %1 cannot be created "
                                 "(%2).")
                                  .arg(QDir::toNativeSeparators(folder), error)};
    }
    if (!ensureFile(path, error)) {
        return {Mode::Closed, tr("History is off for this run: %1 cannot be created (%2).")
                                  .arg(QDir::toNativeSeparators(path), error)};
    }

    QString notice;
    for (int attempt = 0; attempt < 2; ++attempt) {
        // The first look is read-only: a read-write connection could already change a
        // damaged file (SQLite removes a -wal it cannot use), and the file is not ours yet.
        if (!connect(path, true, error)) {
            close();
            return {Mode::Closed, tr("History is off for this run: %1 cannot be opened (%2).")
                                      .arg(QDir::toNativeSeparators(path), error)};
        }
        int version = 0;
        switch (probeSnapshot(version, error)) {
        case Probe::Damaged:
        case Probe::Foreign: {
            close();
            if (attempt > 0)
                return {Mode::Closed, tr("History is off for this run: %1 cannot be used.")
                                          .arg(QDir::toNativeSeparators(path))};
            const QString aside = setAside(path, error);
            if (aside.isEmpty()) {
                return {Mode::Closed,
                        tr("History is off for this run: %1 is not a usable history and cannot "
                           "be set aside (%2).")
                            .arg(QDir::toNativeSeparators(path), error)};
            }
            notice = tr("The history file was damaged or not a Task Runner history. It was set "
                        "aside as %1 and a new history was started.")
                         .arg(QDir::toNativeSeparators(aside));
            if (!ensureFile(path, error)) {
                return {Mode::Closed, tr("History is off for this run: %1 cannot be created (%2).")
                                          .arg(QDir::toNativeSeparators(path), error)};
            }
            continue;
        }
        case Probe::Newer: {
            // Not a byte is written to a newer file: no journal mode change, no migration.
            const QString newer = tr("The history was written by a newer version of Task Runner "
                                     "(schema %1; this version knows %2).")
                                      .arg(version)
                                      .arg(schemaVersion);
            if (exec(QStringLiteral("SELECT id FROM task_history LIMIT 1"), &error)) {
                m_mode = Mode::ReadOnly;
                return {Mode::ReadOnly,
                        newer + QLatin1Char(' ') +
                            tr("It is shown read-only and new tasks are not recorded.")};
            }
            close();
            return {Mode::Closed,
                    newer + QLatin1Char(' ') + tr("History is off for this run (%1).").arg(error)};
        }
        case Probe::Failed:
            close();
            return {Mode::Closed, tr("History is off for this run: %1 cannot be read (%2).")
                                      .arg(QDir::toNativeSeparators(path), error)};
        case Probe::Fresh:
        case Probe::Legacy:
        case Probe::Ours:
            break;
        }
        if (!connect(path, false, error)) {
            close();
            return {Mode::Closed, tr("History is off for this run: %1 cannot be opened (%2).")
                                      .arg(QDir::toNativeSeparators(path), error)};
        }

        QSqlQuery journal(m_db);
        // Changing the journal mode needs the file to itself. While another connection holds
        // the write lock (another instance setting up the same new file), SQLite refuses the
        // change at once, not after the busy timeout, because this connection already reads
        // the file then. So it is tried again after a pause growing from 1 ms to 50 ms, as
        // SQLite's own busy handler waits, until the busy timeout has passed in all; a refusal
        // that came only after the timeout is final.
        const auto toWal = [&journal] {
            return journal.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && journal.next();
        };
        QElapsedTimer waited;
        waited.start();
        bool changed = false;
        for (int pause = 1;; pause = std::min(pause * 2, 50)) {
            QElapsedTimer attempt;
            attempt.start();
            changed = toWal();
            if (changed || primaryCode(journal.lastError()) != SqliteBusy ||
                attempt.elapsed() >= busyTimeoutMs || waited.elapsed() + pause > busyTimeoutMs)
                break;
            QThread::msleep(pause);
        }
        if (!changed ||
            journal.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            error = journal.lastError().isValid() ? journal.lastError().text()
                                                  : tr("WAL mode is not available");
            journal = QSqlQuery();
            close();
            return {Mode::Closed, tr("History is off for this run: %1 cannot be written (%2).")
                                      .arg(QDir::toNativeSeparators(path), error)};
        }
        journal = QSqlQuery();
        // WAL with synchronous=NORMAL: always consistent; a power cut may lose the last batch.
        exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        exec(QStringLiteral("PRAGMA cache_size=-16384"));
        if (!createOrMigrate(error)) {
            close();
            return {Mode::Closed, tr("History is off for this run: the history cannot be set up "
                                     "(%1).")
                                      .arg(error)};
        }
        m_insert.emplace(m_db);
        m_insertOutput.emplace(m_db);
        if (!m_insert->prepare(QStringLiteral(
                "INSERT INTO task_history (state, search, entry) VALUES (?, ?, ?)")) ||
            !m_insertOutput->prepare(QStringLiteral(
                "INSERT INTO task_output (id, tail) VALUES (last_insert_rowid(), ?)"))) {
            error = m_insert->lastError().isValid() ? m_insert->lastError().text()
                                                    : m_insertOutput->lastError().text();
            close();
            return {Mode::Closed, tr("History is off for this run (%1).").arg(error)};
        }
        // The grouped insert, where the driver's SQLite is the one this is linked with (a Qt
        // with its own copy of SQLite gives a handle of that copy); else every row goes alone.
        if (sqlite3 *handle = sqliteHandle(m_db)) {
            QByteArray many = "INSERT INTO task_history (state, search, entry) VALUES ";
            for (std::size_t row = 0; row < rowsPerInsert; ++row)
                many += row == 0 ? "(?, ?, ?)" : ", (?, ?, ?)";
            sqlite3_stmt *statement = nullptr;
            if (sqlite3_prepare_v2(handle, many.constData(), int(many.size()) + 1, &statement,
                                   nullptr) != SQLITE_OK) {
                error = QString::fromUtf8(sqlite3_errmsg(handle));
                sqlite3_finalize(statement);
                close();
                return {Mode::Closed, tr("History is off for this run (%1).").arg(error)};
            }
            m_insertMany.reset(statement);
        }
        m_mode = Mode::ReadWrite;
        return {Mode::ReadWrite, notice};
    }
    close();
    return {Mode::Closed, tr("History is off for this run.")};
}

bool HistoryDatabase::createOrMigrate(QString &error)
{
    // IMMEDIATE: a second instance opening the same file at the same moment waits here (busy
    // timeout) and then sees the schema this one made.
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"), &error))
        return false;
    int version = 0;
    QString probeError;
    const Probe probed = probe(version, probeError);
    bool ok = false;
    if (probed == Probe::Ours && version == schemaVersion) {
        ok = true;
    } else if (probed == Probe::Fresh || probed == Probe::Legacy || probed == Probe::Ours) {
        ok = migrateFrom(version, error);
    } else {
        error = probeError.isEmpty() ? tr("the file changed while it was opened") : probeError;
    }
    if (ok && exec(QStringLiteral("COMMIT"), &error))
        return true;
    exec(QStringLiteral("ROLLBACK"));
    return false;
}

// Each step takes the schema from version v to v + 1, inside the caller's transaction. Steps only
// ever add (tables, indexes, columns with defaults) and never rename or drop what an earlier
// version reads, so an older Task Runner can still read a newer file read-only.
bool HistoryDatabase::migrateFrom(int version, QString &error)
{
    const bool legacy = version == 0 && m_db.tables().contains(QStringLiteral("history"));
    if (version == 0) {
        // A row is narrow, so writing is quick: the state, the text a search scans, and the
        // entry as a JSON object. The view task_history_fields shows its fields as columns,
        // for queries by hand (generated columns would be computed at every insert).
        const char *const v1[] = {
            "CREATE TABLE task_history ("
            " id INTEGER PRIMARY KEY,"
            " state TEXT NOT NULL,"
            // The command and the result, case-folded: the one column a search scans.
            " search TEXT NOT NULL,"
            " entry TEXT NOT NULL)",
            "CREATE VIEW task_history_fields AS SELECT id, state,"
            " coalesce(entry ->> 's', '') AS session_id,"
            " coalesce(entry ->> 'n', 0) AS task_number,"
            " coalesce(entry ->> 'k', '') AS kind,"
            " coalesce(entry ->> 'c', '') AS command,"
            " coalesce(entry ->> 'f', '') AS folder,"
            " coalesce(entry ->> 'q', 0) AS queued_ms,"
            " coalesce(entry ->> 'b', 0) AS started_ms,"
            " coalesce(entry ->> 'e', 0) AS finished_ms,"
            " entry ->> 'x' AS exit_code,"
            " coalesce(entry ->> 'r', '') AS result,"
            " coalesce(entry ->> 'o', 0) AS output_size,"
            " coalesce(entry ->> 'w', '') AS watch_key"
            " FROM task_history",
            "CREATE TABLE task_output (id INTEGER PRIMARY KEY, tail BLOB NOT NULL)",
            // Newest first is the id order (the rowid). The rare states have an index, newest
            // first within each; done, nearly every row, is left out of it, so adding costs
            // nothing there.
            "CREATE INDEX task_history_state ON task_history (state, id) WHERE state <> 'done'",
        };
        for (const char *sql : v1) {
            if (!exec(QLatin1String(sql), &error))
                return false;
        }
        if (legacy) {
            // The pre-release layout: history(id, session, command, state, exit_code, result,
            // finished). Copied over, then dropped, in the same transaction.
            if (!exec(QStringLiteral(
                          "INSERT INTO task_history (id, state, search, entry) SELECT id, "
                          "coalesce(state, 'done'), lower(coalesce(command, '') || char(10) || "
                          "coalesce(result, '')), json_object('s', coalesce(session, ''), 'k', "
                          "'command', 'c', coalesce(command, ''), 'e', coalesce(finished, 0), "
                          "'x', exit_code, 'r', coalesce(result, '')) FROM history ORDER BY id"),
                      &error) ||
                !exec(QStringLiteral("DROP TABLE history"), &error))
                return false;
        }
        version = 1;
    }
    // Later steps go here: if (version == 1) { …; version = 2; }
    return exec(QStringLiteral("PRAGMA application_id = %1").arg(applicationId), &error) &&
           exec(QStringLiteral("PRAGMA user_version = %1").arg(version), &error);
}

bool HistoryDatabase::write(const std::vector<Span> &spans, int &code, QString &error)
{
    if (m_mode != Mode::ReadWrite || !m_insert) {
        code = SqliteReadOnly;
        error = tr("the history is not open for writing");
        return false;
    }
    const auto fail = [&](const QSqlError &sqlError) {
        code = primaryCode(sqlError);
        error = sqlError.text();
        exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    QSqlQuery begin(m_db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(begin.lastError());
    // Entries without output go in rowsPerInsert at a time, one statement for all: what a
    // statement costs (in Qt and in SQLite) is then shared. The rest go one by one, in order.
    std::vector<const HistoryEntry *> group;
    group.reserve(rowsPerInsert);
    bool groupFailed = false;
    const auto insertOne = [&](const HistoryEntry &entry) {
        QSqlQuery &insert = *m_insert;
        insert.bindValue(0, text(entry.state));
        // Through UTF-8 as in a group, so that both ways store the same text (a lone UTF-16
        // surrogate becomes "?" in either); never empty: it holds a line break.
        QByteArray search;
        appendSearchText(search, entry);
        insert.bindValue(1, QString::fromUtf8(search));
        insert.bindValue(2, entryJson(entry));
        if (!insert.exec())
            return false;
        if (entry.outputTail.isEmpty())
            return true;
        m_insertOutput->bindValue(0, entry.outputTail);
        return m_insertOutput->exec();
    };
    const auto insertGroup = [&] {
        if (group.size() == rowsPerInsert && m_insertMany) {
            if (!this->insertGroup(group, code, error)) {
                groupFailed = true; // `code` and `error` tell why
                return false;
            }
            group.clear();
            return true;
        }
        for (const HistoryEntry *entry : group) {
            if (!insertOne(*entry))
                return false;
        }
        group.clear();
        return true;
    };
    const auto failed = [&] {
        if (groupFailed) {
            exec(QStringLiteral("ROLLBACK"));
            return false;
        }
        for (const QSqlQuery *query : {&*m_insert, &*m_insertOutput}) {
            if (query->lastError().isValid())
                return fail(query->lastError());
        }
        return fail(m_db.lastError());
    };
    for (const Span &span : spans) {
        for (qsizetype i = span.begin; i < span.end; ++i) {
            const HistoryEntry &entry = span.entries.at(i);
            if (entry.outputTail.isEmpty()) {
                group.push_back(&entry);
                if (group.size() == rowsPerInsert && !insertGroup())
                    return failed();
            } else if (!insertGroup() || !insertOne(entry)) {
                return failed();
            }
        }
    }
    if (!insertGroup())
        return failed();
    QSqlQuery commit(m_db);
    if (!commit.exec(QStringLiteral("COMMIT")))
        return fail(commit.lastError());
    return true;
}

void HistoryDatabase::StatementDeleter::operator()(sqlite3_stmt *statement) const
{
    sqlite3_finalize(statement);
}

bool HistoryDatabase::insertGroup(const std::vector<const HistoryEntry *> &group, int &code,
                                  QString &error)
{
    // Every value first, then the bindings: the buffer does not move while SQLite reads it.
    // Emptied, not freed: the next group reuses its room.
    Q_ASSERT(group.size() == rowsPerInsert);
    m_groupText.resize(0);
    std::array<std::pair<qsizetype, qsizetype>, 3 * rowsPerInsert> spans{};
    std::size_t n = 0;
    const auto value = [&](auto append) {
        const qsizetype begin = m_groupText.size();
        append();
        spans[n++] = {begin, m_groupText.size() - begin};
    };
    for (const HistoryEntry *entry : group) {
        value([&] { m_groupText.append(entry->state.toUtf8()); });
        value([&] { appendSearchText(m_groupText, *entry); });
        value([&] { appendEntryJson(m_groupText, *entry); });
    }
    sqlite3_stmt *statement = m_insertMany.get();
    int result = SQLITE_OK;
    for (std::size_t i = 0; i < n && result == SQLITE_OK; ++i) {
        // An empty text is still text (the columns are NOT NULL): never a null pointer.
        const char *data = spans[i].second ? m_groupText.constData() + spans[i].first : "";
        result =
            sqlite3_bind_text(statement, int(i) + 1, data, int(spans[i].second), SQLITE_STATIC);
    }
    if (result == SQLITE_OK)
        result = sqlite3_step(statement);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (result == SQLITE_DONE)
        return true;
    code = result & 0xff;
    error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(statement)));
    return false;
}

QList<HistoryEntry> HistoryDatabase::page(const HistoryFilter &filter, qint64 beforeId,
                                          qint64 afterId, int limit, bool withOutput,
                                          QString *error)
{
    QList<HistoryEntry> entries;
    if (m_mode == Mode::Closed)
        return entries;
    const Where where = whereClause(filter, beforeId, afterId, anyOutputMatches(filter));
    QString sql = QStringLiteral("SELECT ") + QLatin1String(selectColumns);
    if (withOutput)
        sql +=
            QStringLiteral(", o.tail FROM task_history h LEFT JOIN task_output o ON o.id = h.id");
    else
        sql += QStringLiteral(" FROM task_history h");
    sql += where.sql + QStringLiteral(" ORDER BY h.id DESC LIMIT ?");
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    int i = 0;
    for (const QVariant &value : where.values)
        query.bindValue(i++, value);
    query.bindValue(i, limit);
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return entries;
    }
    entries.reserve(limit);
    while (query.next())
        entries.append(readEntry(query, withOutput));
    if (error && query.lastError().isValid())
        *error = query.lastError().text();
    return entries;
}

bool HistoryDatabase::anyOutputMatches(const HistoryFilter &filter)
{
    // Asked first, so that when no output holds the text (the common case) the rows are not
    // each looked up in an empty list.
    const QString needle = filter.text.trimmed();
    if (needle.isEmpty())
        return false;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM task_output WHERE CAST(tail AS "
                                 "TEXT) LIKE ? ESCAPE '\\')"));
    query.bindValue(0, likePattern(needle));
    return !query.exec() || !query.next() || query.value(0).toBool();
}

std::optional<HistoryEntry> HistoryDatabase::entry(qint64 id)
{
    if (m_mode == Mode::Closed)
        return std::nullopt;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + QLatin1String(selectColumns) +
                  QStringLiteral(", o.tail FROM task_history h LEFT JOIN task_output o ON "
                                 "o.id = h.id WHERE h.id = ?"));
    query.bindValue(0, id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readEntry(query, true);
}

qint64 HistoryDatabase::count(const HistoryFilter &filter)
{
    if (m_mode == Mode::Closed)
        return 0;
    const Where where = whereClause(filter, 0, 0, anyOutputMatches(filter));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT count(*) FROM task_history h") + where.sql);
    int i = 0;
    for (const QVariant &value : where.values)
        query.bindValue(i++, value);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

bool HistoryDatabase::clear(QString &error)
{
    if (m_mode != Mode::ReadWrite) {
        error = tr("the history is not open for writing");
        return false;
    }
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"), &error))
        return false;
    if (!exec(QStringLiteral("DELETE FROM task_output"), &error) ||
        !exec(QStringLiteral("DELETE FROM task_history"), &error) ||
        !exec(QStringLiteral("COMMIT"), &error)) {
        exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    // The cleared rows must not linger in the write-ahead log either.
    exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return true;
}

} // namespace TaskRunner
