#pragma once

#include <TaskRunner/taskrunnercore_export.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <deque>
#include <mutex>

namespace TaskRunner {

/// Where a byte of a task's output came from.
enum class OutputChannel : quint8 {
    StandardOutput, ///< what a command printed on its standard output, or any worker's output
    StandardError,  ///< what a command printed on its standard error
};

/// Consecutive bytes of one channel, at `offset` in the task's whole output.
struct OutputChunk
{
    qint64 offset = 0; ///< where data starts, counted from the task's first byte
    OutputChannel channel = OutputChannel::StandardOutput; ///< where the bytes came from
    QByteArray data;                                       ///< the bytes
};

/// What TaskOutput::read() returns: the kept bytes from an offset on, in order.
struct OutputSlice
{
    QList<OutputChunk> chunks; ///< in order of their offsets
    qint64 end = 0;            ///< the offset after the last byte returned: ask for it next time
    qint64 skipped = 0; ///< bytes asked for that are no longer kept (the tail moved past them)
};

/// A task's output: a bounded tail (limit() bytes, 1 MiB by default) of what its worker wrote,
/// with each byte's channel, plus the exact size of all of it. Readers ask for what is new since
/// an offset, so nobody copies the whole buffer per notification.
///
/// Thread-safe: every method may be called from any thread at any time, and never blocks for
/// longer than a copy of what is asked for. It emits nothing (it is no QObject): the runner's
/// RunnerWatcher tells when there is more.
class TASKRUNNER_CORE_EXPORT TaskOutput
{
public:
    /// The limit a runner uses unless RunnerOptions::outputLimit says otherwise: 1 MiB.
    static constexpr qint64 defaultLimit() { return qint64(1) << 20; }

    /// An empty output that keeps the last `limit` bytes.
    explicit TaskOutput(qint64 limit = defaultLimit());
    TaskOutput(const TaskOutput &) = delete;
    TaskOutput &operator=(const TaskOutput &) = delete;

    /// How many bytes the tail keeps.
    qint64 limit() const { return m_limit; }

    /// Adds `data` of `channel` at the end, dropping the oldest bytes beyond limit().
    void append(QByteArrayView data, OutputChannel channel = OutputChannel::StandardOutput);

    /// Every byte ever appended, also those the tail no longer keeps.
    qint64 totalSize() const;
    /// The offset of the oldest byte kept.
    qint64 keptFrom() const;
    /// At most `maxBytes` (all when negative) of the kept bytes from `from` on.
    OutputSlice read(qint64 from, qint64 maxBytes = -1) const;
    /// The last `maxBytes` (all when negative) bytes kept, of every channel, as one array.
    QByteArray tail(qint64 maxBytes = -1) const;

private:
    void trimLocked();

    const qint64 m_limit;
    mutable std::mutex m_mutex;
    std::deque<OutputChunk> m_chunks;
    qint64 m_total = 0;
    qint64 m_kept = 0;
};

} // namespace TaskRunner
