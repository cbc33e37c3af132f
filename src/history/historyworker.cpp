#include "historyworker.h"

#include <QMetaObject>

#include <limits>

namespace TaskRunner {

qint64 HistoryShared::bytesOf(const HistoryEntry &entry)
{
    const qsizetype characters = entry.sessionId.size() + entry.kind.size() +
                                 entry.commandLine.size() + entry.folder.size() +
                                 entry.state.size() + entry.result.size() + entry.watchKey.size();
    return qint64(sizeof(HistoryEntry)) + 2 * characters + entry.outputTail.size();
}

std::vector<HistoryDatabase::Span> HistoryShared::take(int maxBatch, qint64 &count)
{
    std::vector<HistoryDatabase::Span> spans;
    count = 0;
    while (!chunks.empty() && count < maxBatch) {
        Chunk &chunk = chunks.front();
        const qsizetype left = chunk.entries.size() - chunk.begin;
        if (left <= maxBatch - count) {
            spans.push_back({std::move(chunk.entries), chunk.begin, chunk.begin + left});
            pendingBytes -= chunk.bytes;
            count += left;
            if (chunks.size() == 1)
                backOwned = false;
            chunks.pop_front();
            continue;
        }
        // Only part of a large list: the span shares the list, so nobody may append to it.
        const qsizetype end = chunk.begin + (maxBatch - count);
        qint64 bytes = 0;
        for (qsizetype i = chunk.begin; i < end; ++i)
            bytes += bytesOf(chunk.entries.at(i));
        spans.push_back({chunk.entries, chunk.begin, end});
        chunk.begin = end;
        chunk.bytes -= bytes;
        pendingBytes -= bytes;
        count += end - spans.back().begin;
        if (chunks.size() == 1)
            backOwned = false;
    }
    return spans;
}

std::vector<std::shared_ptr<QPromise<void>>> HistoryShared::settle(qint64 count)
{
    settled += quint64(count);
    std::vector<std::shared_ptr<QPromise<void>>> due;
    auto it = flushes.begin();
    while (it != flushes.end()) {
        if (it->first <= settled) {
            due.push_back(std::move(it->second));
            it = flushes.erase(it);
        } else {
            ++it;
        }
    }
    return due;
}

namespace {

void finishAll(const std::vector<std::shared_ptr<QPromise<void>>> &promises)
{
    for (const auto &promise : promises)
        promise->finish();
}

} // namespace

HistoryWorker::HistoryWorker(const QString &path, std::shared_ptr<HistoryShared> shared)
    : m_path(path)
    , m_shared(std::move(shared))
{}

HistoryWorker::~HistoryWorker() = default;

void HistoryWorker::open()
{
    const HistoryDatabase::OpenResult result = m_database.open(m_path);
    switch (result.mode) {
    case HistoryDatabase::Mode::ReadWrite:
        if (!result.message.isEmpty()) {
            {
                QMutexLocker lock(&m_shared->mutex);
                m_shared->message = result.message;
            }
            Q_EMIT statusChanged();
        }
        break;
    case HistoryDatabase::Mode::ReadOnly:
        turnOff(HistoryStore::Status::ReadOnly, result.message);
        break;
    case HistoryDatabase::Mode::Closed:
        turnOff(HistoryStore::Status::Off, result.message);
        break;
    }
}

void HistoryWorker::turnOff(HistoryStore::Status status, const QString &message)
{
    std::vector<std::shared_ptr<QPromise<void>>> due;
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->accepting = false;
        m_shared->status = status;
        m_shared->message = message;
        // What is still queued will never be written: counted, and its flushes end.
        qint64 count = 0;
        m_shared->take(std::numeric_limits<int>::max(), count);
        m_shared->dropped += count;
        due = m_shared->settle(count);
    }
    finishAll(due);
    Q_EMIT statusChanged();
}

bool HistoryWorker::writeBatch(int maxBatch, bool &more)
{
    qint64 count = 0;
    std::vector<HistoryDatabase::Span> spans;
    {
        QMutexLocker lock(&m_shared->mutex);
        spans = m_shared->take(maxBatch, count);
    }
    bool ok = true;
    if (count > 0) {
        int code = 0;
        QString error;
        ok = m_database.write(spans, code, error);
        // Another instance may hold the write lock longer than the busy timeout: try again.
        for (int retry = 0; !ok && code == HistoryDatabase::SqliteBusy && retry < 3; ++retry)
            ok = m_database.write(spans, code, error);
        if (!ok) {
            {
                QMutexLocker lock(&m_shared->mutex);
                m_shared->dropped += count;
            }
            std::vector<std::shared_ptr<QPromise<void>>> due;
            {
                QMutexLocker lock(&m_shared->mutex);
                due = m_shared->settle(count);
            }
            finishAll(due);
            turnOff(HistoryStore::Status::Off, HistoryDatabase::writeFailureMessage(code, error));
            more = false;
            return false;
        }
    }
    std::vector<std::shared_ptr<QPromise<void>>> due;
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->written += count;
        due = m_shared->settle(count);
        more = !m_shared->chunks.empty();
        if (!more)
            m_shared->drainPosted = false;
    }
    finishAll(due);
    if (count > 0)
        Q_EMIT entriesWritten();
    return true;
}

void HistoryWorker::drain()
{
    if (m_finished)
        return;
    bool more = false;
    writeBatch(m_shared->options.maxBatch, more);
    // One batch per event, so reads posted meanwhile are not kept waiting behind the queue.
    if (more)
        QMetaObject::invokeMethod(this, &HistoryWorker::drain, Qt::QueuedConnection);
}

void HistoryWorker::addFlush(quint64 target, std::shared_ptr<QPromise<void>> promise)
{
    {
        QMutexLocker lock(&m_shared->mutex);
        if (m_shared->settled < target) {
            m_shared->flushes.emplace_back(target, std::move(promise));
            return;
        }
    }
    promise->finish();
}

bool HistoryWorker::clear()
{
    std::vector<std::shared_ptr<QPromise<void>>> due;
    {
        // What is queued was added before the clear: it is cleared too, never written.
        QMutexLocker lock(&m_shared->mutex);
        qint64 count = 0;
        m_shared->take(std::numeric_limits<int>::max(), count);
        due = m_shared->settle(count);
    }
    finishAll(due);
    QString error;
    const bool ok = m_database.clear(error);
    Q_EMIT cleared();
    return ok;
}

void HistoryWorker::finish()
{
    bool more = true;
    while (more && writeBatch(m_shared->options.maxBatch, more)) {
    }
    m_finished = true;
    m_database.close();
    // Ends the thread only now: a quit() from outside could end it before this job ran.
    thread()->quit();
}

} // namespace TaskRunner
