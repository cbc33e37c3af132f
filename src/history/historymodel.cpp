#include <TaskRunner/historymodel.h>

#include <TaskRunner/historystore.h>

#include <QDateTime>
#include <QFutureWatcher>
#include <QLocale>
#include <QUuid>

namespace TaskRunner {

namespace {
QString durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return HistoryModel::tr("%1 ms").arg(QLocale().toString(ms));
    return HistoryModel::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 3));
}

// A session id, a UUID, by its first group (as short commit ids go): enough to tell the sessions
// of a history apart. Any other id is shown as it is.
QString shortSessionId(const QString &id)
{
    return QUuid::fromString(id).isNull() ? id : id.section(QLatin1Char('-'), 0, 0);
}

QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    return end < 0 ? text : text.left(end) + QStringLiteral(" …");
}

} // namespace

// The locale's short date and time, with the seconds where its format leaves them out
// ("02.12.26 03:53" in German): the entries of one minute must not all look the same; and
// with the year's four digits.
QString HistoryModel::timeText(const QDateTime &time)
{
    const QLocale locale;
    QString format = locale.dateTimeFormat(QLocale::ShortFormat);
    const qsizetype minutes = format.lastIndexOf(QLatin1String("mm"));
    if (!format.contains(QLatin1Char('s')) && minutes > 0) {
        const QChar before = format.at(minutes - 1);
        format.insert(minutes + 2, (before.isLetter() ? QChar(QLatin1Char(':')) : before) +
                                       QStringLiteral("ss"));
    }
    // A year of two digits as four ("dd.MM.yy", "M/d/yy"): a history reaches back years.
    if (!format.contains(QLatin1String("yyyy"))) {
        const qsizetype year = format.indexOf(QLatin1String("yy"));
        if (year >= 0)
            format.replace(year, 2, QStringLiteral("yyyy"));
    }
    return locale.toString(time, format);
}

// The stored state words ("done", ...) stay English in the file; the table says them in the
// user's language.
QString HistoryModel::stateText(const QString &state)
{
    static const char *const words[] = {
        QT_TRANSLATE_NOOP("TaskRunner::HistoryModel", "waiting"),
        QT_TRANSLATE_NOOP("TaskRunner::HistoryModel", "running"),
        QT_TRANSLATE_NOOP("TaskRunner::HistoryModel", "done"),
        QT_TRANSLATE_NOOP("TaskRunner::HistoryModel", "failed"),
        QT_TRANSLATE_NOOP("TaskRunner::HistoryModel", "cancelled"),
        QT_TRANSLATE_NOOP("TaskRunner::HistoryModel", "interrupted"),
    };
    for (const char *word : words) {
        if (state == QLatin1String(word))
            return HistoryModel::tr(word);
    }
    return state;
}

HistoryModel::HistoryModel(HistoryStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &HistoryStore::entriesWritten, this, &HistoryModel::loadNewer);
    connect(store, &HistoryStore::cleared, this, &HistoryModel::refresh);
    requestPage();
}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setSessionNames(const QHash<QString, QString> &names)
{
    if (names == m_sessionNames)
        return;
    m_sessionNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, SessionColumn), index(int(m_rows.size()) - 1, SessionColumn),
                         {Qt::DisplayRole});
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &entry = m_rows.at(index.row());
    if (role == IdRole)
        return entry.id;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case NumberColumn:
        case ExitColumn:
        case DurationColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default:
            return {};
        }
    }
    if (role == ValueRole) {
        switch (index.column()) {
        case TimeColumn:
            return entry.timeMs();
        case SessionColumn:
            return entry.sessionId;
        case NumberColumn:
            return entry.taskNumber;
        case CommandColumn:
            return entry.commandLine;
        case StateColumn:
            return entry.state;
        case ExitColumn:
            return entry.exitCode ? QVariant(*entry.exitCode) : QVariant();
        case DurationColumn:
            return entry.durationMs();
        case ResultColumn:
            return entry.result;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == SessionColumn)
            return entry.sessionId;
        if (index.column() == CommandColumn)
            return entry.commandLine;
        if (index.column() == ResultColumn)
            return entry.result;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return entry.timeMs() == 0 ? QString()
                                   : timeText(QDateTime::fromMSecsSinceEpoch(entry.timeMs()));
    case SessionColumn:
        return m_sessionNames.value(entry.sessionId, shortSessionId(entry.sessionId));
    case NumberColumn:
        return QLocale().toString(entry.taskNumber);
    case CommandColumn:
        return firstLine(entry.commandLine);
    case StateColumn:
        return stateText(entry.state);
    case ExitColumn:
        return entry.exitCode ? QLocale().toString(*entry.exitCode) : QString();
    case DurationColumn:
        return durationText(entry.durationMs());
    case ResultColumn:
        return firstLine(entry.result);
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == TimeColumn)
        return tr("When the task ended, or when it started if it did not end");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SessionColumn:
        return tr("Session");
    case NumberColumn:
        return tr("#");
    case CommandColumn:
        return tr("Command");
    case StateColumn:
        return tr("State");
    case ExitColumn:
        return tr("Exit");
    case DurationColumn:
        return tr("Duration");
    case ResultColumn:
        return tr("Result");
    }
    return {};
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void HistoryModel::setFilter(const HistoryFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refresh();
}

void HistoryModel::setSearchText(const QString &text)
{
    HistoryFilter filter = m_filter;
    filter.text = text;
    setFilter(filter);
}

void HistoryModel::setStates(const QStringList &states)
{
    HistoryFilter filter = m_filter;
    filter.states = states;
    setFilter(filter);
}

void HistoryModel::refresh()
{
    // Replies to earlier requests carry an older generation and are dropped.
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    // Loading already: a view's fetchMore() during the reset must not ask for the page too.
    m_loading = true;
    m_loadingNewer = false;
    m_newerWanted = false;
    endResetModel();
    requestPage();
}

void HistoryModel::requestPage()
{
    if (!m_store)
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    const qint64 before = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    auto *watcher = new QFutureWatcher<QList<HistoryEntry>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const QList<HistoryEntry> page =
            watcher->future().isValid() && watcher->future().resultCount() > 0
                ? watcher->result()
                : QList<HistoryEntry>();
        if (!page.isEmpty()) {
            // Still loading while the rows go in: a view may call fetchMore() from the
            // insertion, and must not ask for the same page again.
            const int first = int(m_rows.size());
            beginInsertRows(QModelIndex(), first, first + int(page.size()) - 1);
            m_rows.append(page);
            endInsertRows();
        }
        m_loading = false;
        m_atEnd = page.size() < pageSize;
        Q_EMIT pageLoaded();
        if (m_newerWanted)
            loadNewer();
    });
    watcher->setFuture(m_store->page(m_filter, before, pageSize));
}

void HistoryModel::loadNewer()
{
    if (!m_store)
        return;
    // While a page loads, the top is not known yet (or the page itself has the new rows).
    if (m_loading || m_loadingNewer) {
        m_newerWanted = true;
        return;
    }
    m_newerWanted = false;
    m_loadingNewer = true;
    const quint64 generation = m_generation;
    const qint64 top = m_rows.isEmpty() ? 0 : m_rows.constFirst().id;
    constexpr int limit = pageSize * 4;
    auto *watcher = new QFutureWatcher<QList<HistoryEntry>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, limit] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_loadingNewer = false;
        const QList<HistoryEntry> newer =
            watcher->future().resultCount() > 0 ? watcher->result() : QList<HistoryEntry>();
        if (newer.size() >= limit) {
            // More arrived than is worth inserting: start again from the newest.
            refresh();
            return;
        }
        if (!newer.isEmpty()) {
            beginInsertRows(QModelIndex(), 0, int(newer.size()) - 1);
            m_rows = newer + m_rows;
            endInsertRows();
            if (m_rows.size() == newer.size())
                m_atEnd = newer.size() < pageSize;
        }
        if (m_newerWanted)
            loadNewer();
    });
    watcher->setFuture(m_store->page(m_filter, 0, limit, top));
}

HistoryEntry HistoryModel::entry(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : HistoryEntry();
}

QFuture<HistoryEntry> HistoryModel::fullEntry(int row) const
{
    const qint64 id = entry(row).id;
    if (!m_store || id == 0) {
        QPromise<HistoryEntry> promise;
        promise.start();
        promise.addResult(HistoryEntry());
        promise.finish();
        return promise.future();
    }
    return m_store->entry(id);
}

QFuture<bool> HistoryModel::clear()
{
    if (!m_store) {
        QPromise<bool> promise;
        promise.start();
        promise.addResult(false);
        promise.finish();
        return promise.future();
    }
    return m_store->clear();
}

} // namespace TaskRunner
