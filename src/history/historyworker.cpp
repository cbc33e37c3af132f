#include "historyworker.h"

#include <QMetaObject>
#include <QThread>

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

bool HistoryShared::pushJob(Job job)
{
    jobs.push_back(std::move(job));
    return !std::exchange(jobsWake, true);
}

bool HistoryShared::pushDrain()
{
    if (std::exchange(drainQueued, true))
        return false;
    return pushJob([](HistoryWorker &worker) { worker.drain(); });
}

HistoryWorker::HistoryWorker(const QString &path, std::shared_ptr<HistoryShared> shared,
                             HistoryStore *store)
    : m_path(path)
    , m_shared(std::move(shared))
    , m_store(store)
{}

HistoryWorker::~HistoryWorker() = default;

void HistoryWorker::runJobs()
{
    for (;;) {
        HistoryShared::Job job;
        {
            std::lock_guard lock(m_shared->mutex);
            if (m_finished || m_shared->jobs.empty()) {
                m_shared->jobsWake = false;
                return;
            }
            job = std::move(m_shared->jobs.front());
            m_shared->jobs.pop_front();
        }
        job(*this);
    }
}

void HistoryWorker::reply(HistoryShared::Reply reply)
{
    bool wake = false;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->replies.push_back(std::move(reply));
        wake = !std::exchange(m_shared->repliesWake, true);
    }
    if (wake)
        QMetaObject::invokeMethod(m_store, &HistoryStore::runReplies, Qt::QueuedConnection);
}

void HistoryWorker::finishFlushes(std::vector<std::shared_ptr<QPromise<void>>> due)
{
    if (due.empty())
        return;
    reply([due = std::move(due)] {
        for (const auto &promise : due)
            promise->finish();
    });
}

void HistoryWorker::open()
{
    const HistoryDatabase::OpenResult result = m_database.open(m_path);
    switch (result.mode) {
    case HistoryDatabase::Mode::ReadWrite:
        if (!result.message.isEmpty()) {
            {
                std::lock_guard lock(m_shared->mutex);
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
        std::lock_guard lock(m_shared->mutex);
        m_shared->accepting = false;
        m_shared->status = status;
        m_shared->message = message;
        // What is still queued will never be written: counted, and its flushes end.
        qint64 count = 0;
        m_shared->take(std::numeric_limits<int>::max(), count);
        m_shared->dropped += count;
        due = m_shared->settle(count);
    }
    finishFlushes(std::move(due));
    Q_EMIT statusChanged();
}

bool HistoryWorker::writeBatch(int maxBatch, bool &more)
{
    qint64 count = 0;
    std::vector<HistoryDatabase::Span> spans;
    {
        std::lock_guard lock(m_shared->mutex);
        spans = m_shared->take(maxBatch, count);
    }
    bool ok = true;
    int code = 0;
    QString error;
    if (count > 0) {
        ok = m_database.write(spans, code, error);
        // Another instance may hold the write lock longer than the busy timeout: try again.
        for (int retry = 0; !ok && code == HistoryDatabase::SqliteBusy && retry < 3; ++retry)
            ok = m_database.write(spans, code, error);
    }
    std::vector<std::shared_ptr<QPromise<void>>> due;
    {
        std::lock_guard lock(m_shared->mutex);
        if (ok)
            m_shared->written += count;
        else
            m_shared->dropped += count;
        due = m_shared->settle(count);
        more = ok && !m_shared->chunks.empty();
        if (!more)
            m_shared->drainQueued = false;
    }
    finishFlushes(std::move(due));
    if (!ok) {
        turnOff(HistoryStore::Status::Off, HistoryDatabase::writeFailureMessage(code, error));
        return false;
    }
    if (count > 0)
        Q_EMIT entriesWritten();
    return true;
}

void HistoryWorker::drain()
{
    bool more = false;
    writeBatch(m_shared->options.maxBatch, more);
    // One batch per job: jobs queued meanwhile (reads) run before the next batch.
    if (more) {
        std::lock_guard lock(m_shared->mutex);
        m_shared->pushJob([](HistoryWorker &worker) { worker.drain(); });
    }
}

void HistoryWorker::addFlush(quint64 target, std::shared_ptr<QPromise<void>> promise)
{
    {
        std::lock_guard lock(m_shared->mutex);
        if (m_shared->settled < target) {
            m_shared->flushes.emplace_back(target, std::move(promise));
            return;
        }
    }
    finishFlushes({std::move(promise)});
}

bool HistoryWorker::clear()
{
    std::vector<std::shared_ptr<QPromise<void>>> due;
    {
        // What is queued was added before the clear: it is cleared too, never written.
        std::lock_guard lock(m_shared->mutex);
        qint64 count = 0;
        m_shared->take(std::numeric_limits<int>::max(), count);
        due = m_shared->settle(count);
    }
    finishFlushes(std::move(due));
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
