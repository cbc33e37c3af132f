#pragma once

#include "linediff.h"
#include "numericseries.h"
#include "watchdefinition.h"

#include <TaskRunner/taskoutput.h>
#include <TaskRunner/taskrecord.h>

#include <QAbstractListModel>

#include <chrono>
#include <deque>
#include <memory>
#include <optional>

// One entry of a watch's history: one run, or consecutive runs with the same outcome.
struct WatchEntry
{
    quint64 firstSequence = 0; // the runner's record sequence of the first and last run
    quint64 lastSequence = 0;
    qint64 firstMSecs = 0; // when the first and the last run started (ms since the epoch)
    qint64 lastMSecs = 0;
    quint64 count = 1;
    std::chrono::microseconds duration{0}; // of the last run
    bool failed = false;
    QString text; // the result as shown, or the error
    std::optional<int> exitCode;
    // The output of the run (commands), or null; null too once the history's output budget
    // made room for newer outputs (outputDropped).
    std::shared_ptr<const TaskRunner::TaskOutput> output;
    bool outputDropped = false;
    std::optional<double> number; // the result as a number, when it is one

    // The output as text when there is one, else the result or error: what diffs compare.
    QString fullText() const;
    qint64 keptOutputBytes() const;
};

// A watch's last runs as a list model, newest first (row 0): time, duration, result or error
// and output. Consecutive runs with the same outcome and output are one entry with a count and
// their first and last time. At most limit() entries and outputBudget() bytes of output are
// kept, and the numbers are kept in a NumericSeries of fixed size, so memory stays bounded
// however many runs it is given. Qt Core only; lives in one thread (the GUI's).
class WatchHistory : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        FailedRole = Qt::UserRole + 1, // bool
        CountRole,                     // quint64
        NumberRole,                    // double, invalid when the result is no number
    };

    explicit WatchHistory(QObject *parent = nullptr);
    ~WatchHistory() override;

    static constexpr qsizetype defaultLimit() { return 1000; }
    qsizetype limit() const { return m_limit; }
    void setLimit(qsizetype limit);
    static constexpr qint64 defaultOutputBudget() { return qint64(8) << 20; }
    qint64 outputBudget() const { return m_outputBudget; }
    void setOutputBudget(qint64 bytes);

    // Adds the records of a batch (in sequence order) and counts those it says were dropped.
    // Cancelled runs (a stop, a removal) are not results and are left out.
    void add(const TaskRunner::TaskRecordBatch &batch);
    void add(const TaskRunner::TaskRecord &record);
    // Forgets every entry, the numbers and the counts (the source changed).
    void clear();

    // Runs added since the last clear(), and runs the runner no longer had when asked.
    quint64 runs() const { return m_runs; }
    quint64 missed() const { return m_missed; }
    qint64 keptOutputBytes() const { return m_outputBytes; }

    const WatchEntry *entryAt(int row) const;
    const WatchEntry *latest() const { return entryAt(0); }
    // The lines of entry `row` against those of the entry before it (row + 1); empty when
    // there is none.
    QList<DiffLine> diff(int row) const;
    bool hasPrevious(int row) const { return row >= 0 && row + 1 < rowCount(); }

    const NumericSeries &series() const { return m_series; }
    // The locale's time of day with seconds (no time zone), for `msecs` since the epoch.
    static QString timeText(qint64 msecs);
    // A run's result as the watch's views show it: a number in `format` (a sampler's
    // 78.60869216918945 is 78.61 GiB), anything else as resultText() does.
    static QString valueText(const QVariant &result,
                             const WatchDefinition::NumberFormat &format = {});
    // How the numeric results of runs added from now on are written (the watch's source).
    void setNumberFormat(const WatchDefinition::NumberFormat &format);
    const WatchDefinition::NumberFormat &numberFormat() const { return m_format; }
    // The number a record's outcome is, if it is one: a numeric result, or a text (a command's
    // output of a single line) that is one number.
    static std::optional<double> numberOf(const TaskRunner::TaskRecord &record);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    // A run's outcome differs from the one before it (not for the first run). Emitted once per
    // add() of a batch, for its last change.
    void outcomeChanged(const QString &before, const QString &after);
    // New numbers are in series().
    void seriesChanged();

private:
    bool addOne(const TaskRunner::TaskRecord &record, QString *changedFrom, QString *changedTo);
    void trim();

    std::deque<WatchEntry> m_entries; // newest first
    NumericSeries m_series;
    WatchDefinition::NumberFormat m_format;
    qsizetype m_limit = defaultLimit();
    qint64 m_outputBudget = defaultOutputBudget();
    qint64 m_outputBytes = 0;
    qsizetype m_oldestWithOutput = 0; // rows at and after it may hold output
    quint64 m_runs = 0;
    quint64 m_missed = 0;
};
