#include "watchhistory.h"

#include "durationtext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringDecoder>

#include <cmath>

namespace {} // namespace

QString WatchHistory::timeText(qint64 msecs)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::LongFormat);
    format.remove(QLatin1Char('t'));
    return locale.toString(QDateTime::fromMSecsSinceEpoch(msecs).time(), format.trimmed());
}

namespace {

// The first line, cut at a length a list shows.
QString firstLine(const QString &text)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0);
    if (line.size() > 200)
        line = line.left(200) + QChar(0x2026);
    return line;
}

bool sameOutput(const std::shared_ptr<const TaskRunner::TaskOutput> &a,
                const std::shared_ptr<const TaskRunner::TaskOutput> &b)
{
    if (!a || !b)
        return !a && !b;
    return a == b || (a->totalSize() == b->totalSize() && a->tail() == b->tail());
}

} // namespace

QString WatchEntry::fullText() const
{
    if (!output)
        return text;
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString decoded = decoder(output->tail());
    decoded.replace(QChar(0), QChar::ReplacementCharacter);
    decoded.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return decoded;
}

qint64 WatchEntry::keptOutputBytes() const
{
    return output ? output->totalSize() - output->keptFrom() : 0;
}

WatchHistory::WatchHistory(QObject *parent)
    : QAbstractListModel(parent)
{}

WatchHistory::~WatchHistory() = default;

void WatchHistory::setLimit(qsizetype limit)
{
    m_limit = std::max<qsizetype>(limit, 1);
    trim();
}

void WatchHistory::setOutputBudget(qint64 bytes)
{
    m_outputBudget = std::max<qint64>(bytes, 0);
    trim();
}

std::optional<double> WatchHistory::numberOf(const TaskRunner::TaskRecord &record)
{
    if (record.state != TaskRunner::TaskState::Done)
        return std::nullopt;
    const QVariant &result = record.result;
    switch (result.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort: {
        const double value = result.toDouble();
        return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
    }
    case QMetaType::QString:
        break;
    default:
        return std::nullopt;
    }
    const QString text = result.toString().trimmed();
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    // A command's result is its last line: it is a number only when that is all it printed.
    if (record.output) {
        if (record.output->totalSize() > 256 ||
            QString::fromUtf8(record.output->tail()).trimmed() != text)
            return std::nullopt;
    }
    return value;
}

QString WatchHistory::valueText(const QVariant &result, const WatchDefinition::NumberFormat &format)
{
    if (result.typeId() == QMetaType::Double || result.typeId() == QMetaType::Float)
        return format.text(result.toDouble());
    return resultText(result);
}

void WatchHistory::setNumberFormat(const WatchDefinition::NumberFormat &format)
{
    m_format = format;
}

void WatchHistory::add(const TaskRunner::TaskRecordBatch &batch)
{
    m_missed += batch.dropped;
    QString before;
    QString after;
    bool changed = false;
    bool numbers = false;
    const quint64 seriesCount = m_series.count();
    for (const TaskRunner::TaskRecord &record : batch.records)
        changed = addOne(record, &before, &after) || changed;
    numbers = m_series.count() != seriesCount;
    trim();
    if (numbers)
        emit seriesChanged();
    if (changed)
        emit outcomeChanged(before, after);
}

void WatchHistory::add(const TaskRunner::TaskRecord &record)
{
    TaskRunner::TaskRecordBatch batch;
    batch.records << record;
    add(batch);
}

bool WatchHistory::addOne(const TaskRunner::TaskRecord &record, QString *changedFrom,
                          QString *changedTo)
{
    if (record.state != TaskRunner::TaskState::Done &&
        record.state != TaskRunner::TaskState::Failed)
        return false;
    ++m_runs;
    WatchEntry entry;
    entry.firstSequence = entry.lastSequence = record.sequence;
    entry.firstMSecs = entry.lastMSecs = record.startedMSecs;
    entry.duration = record.duration;
    entry.failed = record.state == TaskRunner::TaskState::Failed;
    entry.text = entry.failed ? record.errorMessage : valueText(record.result, m_format);
    entry.exitCode = record.exitCode;
    entry.output = record.output;
    entry.number = numberOf(record);
    if (entry.number)
        m_series.add(record.startedMSecs, *entry.number);

    if (!m_entries.empty()) {
        WatchEntry &newest = m_entries.front();
        if (newest.failed == entry.failed && newest.text == entry.text &&
            newest.exitCode == entry.exitCode && sameOutput(newest.output, entry.output)) {
            newest.lastSequence = entry.lastSequence;
            newest.lastMSecs = entry.lastMSecs;
            newest.duration = entry.duration;
            ++newest.count;
            const QModelIndex top = index(0);
            emit dataChanged(top, top);
            return false;
        }
    }
    const bool changed = !m_entries.empty();
    if (changed) {
        *changedFrom = m_entries.front().text;
        *changedTo = entry.text;
    }
    m_outputBytes += entry.keptOutputBytes();
    beginInsertRows({}, 0, 0);
    m_entries.push_front(std::move(entry));
    endInsertRows();
    if (qsizetype(m_entries.size()) > m_limit)
        trim();
    return changed;
}

void WatchHistory::trim()
{
    if (qsizetype(m_entries.size()) > m_limit) {
        beginRemoveRows({}, int(m_limit), int(m_entries.size()) - 1);
        while (qsizetype(m_entries.size()) > m_limit) {
            m_outputBytes -= m_entries.back().keptOutputBytes();
            m_entries.pop_back();
        }
        endRemoveRows();
    }
    // The oldest outputs make room for newer ones; the newest is always kept.
    for (auto it = m_entries.rbegin(); m_outputBytes > m_outputBudget && it != m_entries.rend();
         ++it) {
        if (!it->output || &*it == &m_entries.front())
            continue;
        m_outputBytes -= it->keptOutputBytes();
        it->output.reset();
        it->outputDropped = true;
    }
}

void WatchHistory::clear()
{
    beginResetModel();
    m_entries.clear();
    m_series.clear();
    m_outputBytes = 0;
    m_runs = 0;
    m_missed = 0;
    endResetModel();
    emit seriesChanged();
}

const WatchEntry *WatchHistory::entryAt(int row) const
{
    return row >= 0 && row < int(m_entries.size()) ? &m_entries[std::size_t(row)] : nullptr;
}

QList<DiffLine> WatchHistory::diff(int row) const
{
    const WatchEntry *entry = entryAt(row);
    const WatchEntry *before = entryAt(row + 1);
    if (!entry || !before)
        return {};
    return LineDiff::compute(LineDiff::splitLines(before->fullText()),
                             LineDiff::splitLines(entry->fullText()));
}

int WatchHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant WatchHistory::data(const QModelIndex &index, int role) const
{
    const WatchEntry *entry = index.isValid() ? entryAt(index.row()) : nullptr;
    if (!entry)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        const QString outcome =
            entry->failed ? tr("✗ %1").arg(firstLine(entry->text)) : firstLine(entry->text);
        if (entry->count == 1)
            return tr("%1 · %2 · %3")
                .arg(timeText(entry->lastMSecs), durationText(entry->duration), outcome);
        return tr("%1 · %2 · %3 (%n run(s) since %4)", "",
                  int(std::min<quint64>(entry->count, INT_MAX)))
            .arg(timeText(entry->lastMSecs), durationText(entry->duration), outcome,
                 timeText(entry->firstMSecs));
    }
    case Qt::ToolTipRole: {
        const QLocale locale;
        QStringList lines;
        lines << (entry->failed ? tr("Error: %1").arg(entry->text)
                                : tr("Result: %1").arg(entry->text));
        if (entry->count > 1)
            lines << tr("%1 runs with this outcome, from %2 to %3")
                         .arg(locale.toString(entry->count), timeText(entry->firstMSecs),
                              timeText(entry->lastMSecs));
        else
            lines << tr("Run at %1").arg(timeText(entry->lastMSecs));
        lines << tr("Took %1").arg(durationText(entry->duration));
        if (entry->exitCode)
            lines << tr("Exit status %1").arg(*entry->exitCode);
        return lines.join(QLatin1Char('\n'));
    }
    case FailedRole:
        return entry->failed;
    case CountRole:
        return QVariant::fromValue(entry->count);
    case NumberRole:
        return entry->number ? QVariant(*entry->number) : QVariant();
    default:
        return {};
    }
}
