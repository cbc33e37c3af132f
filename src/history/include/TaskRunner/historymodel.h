#pragma once

#include <TaskRunner/historyentry.h>
#include <TaskRunner/taskrunnerhistory_export.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QPointer>

namespace TaskRunner {

class HistoryStore;

// The history as a table, newest first, for the History window. Rows are loaded lazily, a
// page at a time (keyset pagination by id), on the store's thread; pages arrive
// asynchronously, so the GUI thread never waits for the database. Lives in the store's
// creating thread (the GUI thread). Rows the store writes later appear at the top; clearing
// the store empties the model.
class TASKRUNNER_HISTORY_EXPORT HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        SessionColumn,
        NumberColumn,
        CommandColumn,
        StateColumn,
        ExitColumn,
        DurationColumn,
        ResultColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        IdRole = Qt::UserRole + 1, // the entry's id (qint64)
        ValueRole,                 // the raw value: ms, numbers, full texts
    };
    static constexpr int pageSize = 256;

    // `store` must outlive the model. Starts loading the first page at once.
    explicit HistoryModel(HistoryStore *store, QObject *parent = nullptr);
    ~HistoryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    HistoryFilter filter() const { return m_filter; }
    // Reloads from the newest row with the new filter (nothing happens if it is the same).
    void setFilter(const HistoryFilter &filter);
    void setSearchText(const QString &text);
    void setStates(const QStringList &states);
    // Reloads from the newest row.
    void refresh();

    // A time as the Time column shows it: the locale's short date and time, with seconds.
    static QString timeText(const QDateTime &time);
    // A stored state word ("done") in the user's language, as the State column shows it.
    static QString stateText(const QString &state);

    // What the Session column says for a session id ("Session 2", as its window is titled);
    // a session not named here is shown by the first group of its id. The tooltip has the id.
    void setSessionNames(const QHash<QString, QString> &names);

    // True while a page is being read.
    bool isLoading() const { return m_loading; }
    // False once the last matching row is loaded.
    bool hasMore() const { return !m_atEnd; }

    // The row's entry as listed (everything but the output tail).
    HistoryEntry entry(int row) const;
    // The row's entry with its output tail, read on the store's thread.
    QFuture<HistoryEntry> fullEntry(int row) const;
    // Clears the whole history (on the store's thread); the model empties when it is done.
    QFuture<bool> clear();

Q_SIGNALS:
    // A page of rows (possibly empty) was added; isLoading() is false again.
    void pageLoaded();

private:
    void requestPage();
    void loadNewer();

    QPointer<HistoryStore> m_store;
    HistoryFilter m_filter;
    QList<HistoryEntry> m_rows;
    QHash<QString, QString> m_sessionNames;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_atEnd = false;
    bool m_loadingNewer = false;
    bool m_newerWanted = false;
};

} // namespace TaskRunner
