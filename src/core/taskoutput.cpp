#include <TaskRunner/taskoutput.h>

#include <algorithm>

namespace TaskRunner {

namespace {
// Small writes of one channel are merged into chunks of up to this size, so a task printing
// line by line does not keep one chunk per line.
constexpr qsizetype mergeLimit = 64 * 1024;
} // namespace

TaskOutput::TaskOutput(qint64 limit)
    : m_limit(std::max<qint64>(limit, 0))
{}

void TaskOutput::append(QByteArrayView data, OutputChannel channel)
{
    if (data.isEmpty())
        return;
    std::lock_guard lock(m_mutex);
    m_total += data.size();
    if (m_limit == 0)
        return;
    if (data.size() > m_limit) { // only its end can be kept
        data = data.last(m_limit);
        m_chunks.clear();
        m_kept = 0;
    }
    const qint64 dataOffset = m_total - data.size();
    if (!m_chunks.empty() && m_chunks.back().channel == channel &&
        m_chunks.back().data.size() + data.size() <= mergeLimit &&
        m_chunks.back().offset + m_chunks.back().data.size() == dataOffset) {
        m_chunks.back().data.append(data);
    } else {
        m_chunks.push_back({dataOffset, channel, data.toByteArray()});
    }
    m_kept += data.size();
    trimLocked();
}

void TaskOutput::trimLocked()
{
    while (m_kept > m_limit && !m_chunks.empty()) {
        OutputChunk &front = m_chunks.front();
        const qint64 excess = m_kept - m_limit;
        if (front.data.size() <= excess) {
            m_kept -= front.data.size();
            m_chunks.pop_front();
        } else {
            front.data.remove(0, excess);
            front.offset += excess;
            m_kept -= excess;
        }
    }
}

qint64 TaskOutput::totalSize() const
{
    std::lock_guard lock(m_mutex);
    return m_total;
}

qint64 TaskOutput::keptFrom() const
{
    std::lock_guard lock(m_mutex);
    return m_total - m_kept;
}

OutputSlice TaskOutput::read(qint64 from, qint64 maxBytes) const
{
    OutputSlice slice;
    std::lock_guard lock(m_mutex);
    from = std::clamp<qint64>(from, 0, m_total);
    const qint64 keptFrom = m_total - m_kept;
    if (from < keptFrom) {
        slice.skipped = keptFrom - from;
        from = keptFrom;
    }
    slice.end = from;
    qint64 budget = maxBytes < 0 ? m_total : maxBytes;
    // The chunks are in offset order: find the first that ends after `from`.
    auto it = std::partition_point(m_chunks.begin(), m_chunks.end(), [from](const OutputChunk &c) {
        return c.offset + c.data.size() <= from;
    });
    for (; it != m_chunks.end() && budget > 0; ++it) {
        const qint64 skip = std::max<qint64>(from - it->offset, 0);
        const qint64 take = std::min<qint64>(it->data.size() - skip, budget);
        OutputChunk chunk{it->offset + skip, it->channel,
                          skip == 0 && take == it->data.size() ? it->data
                                                               : it->data.mid(skip, take)};
        budget -= take;
        slice.end = chunk.offset + take;
        slice.chunks.append(std::move(chunk));
    }
    return slice;
}

QByteArray TaskOutput::tail(qint64 maxBytes) const
{
    std::lock_guard lock(m_mutex);
    const qint64 wanted = maxBytes < 0 ? m_kept : std::min(maxBytes, m_kept);
    QByteArray result;
    result.reserve(wanted);
    qint64 skip = m_kept - wanted;
    for (const OutputChunk &chunk : m_chunks) {
        if (skip >= chunk.data.size()) {
            skip -= chunk.data.size();
            continue;
        }
        result.append(QByteArrayView(chunk.data).sliced(skip));
        skip = 0;
    }
    return result;
}

} // namespace TaskRunner
