#pragma once

#include <TaskRunner/taskrunnercore_export.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <deque>
#include <mutex>

namespace TaskRunner {

enum class OutputChannel : quint8 { StandardOutput, StandardError };

// Consecutive bytes of one channel, at `offset` in the task's whole output.
struct OutputChunk
{
    qint64 offset = 0;
    OutputChannel channel = OutputChannel::StandardOutput;
    QByteArray data;
};

// What TaskOutput::read() returns: the kept bytes from an offset on, in order.
struct OutputSlice
{
    QList<OutputChunk> chunks;
    qint64 end = 0;     // the offset after the last byte returned: ask for it next time
    qint64 skipped = 0; // bytes asked for that are no longer kept (the tail moved past them)
};

// A task's output: a bounded tail (limit() bytes, 1 MiB by default) of what its worker wrote,
// with each byte's channel, plus the exact size of all of it. Readers ask for what is new since
// an offset, so nobody copies the whole buffer per notification. Thread-safe; never blocks for
// longer than a copy of what is asked for.
class TASKRUNNER_CORE_EXPORT TaskOutput
{
public:
    static constexpr qint64 defaultLimit() { return qint64(1) << 20; }

    explicit TaskOutput(qint64 limit = defaultLimit());
    TaskOutput(const TaskOutput &) = delete;
    TaskOutput &operator=(const TaskOutput &) = delete;

    qint64 limit() const { return m_limit; }

    void append(QByteArrayView data, OutputChannel channel = OutputChannel::StandardOutput);

    // Every byte ever appended, also those the tail no longer keeps.
    qint64 totalSize() const;
    // The offset of the oldest byte kept.
    qint64 keptFrom() const;
    // At most `maxBytes` (all when negative) of the kept bytes from `from` on.
    OutputSlice read(qint64 from, qint64 maxBytes = -1) const;
    // The last `maxBytes` bytes kept, of every channel, as one array.
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
