#include "sessionsaver.h"

#include "taskpersistence.h"

#include <TaskRunner/sessionstore.h>

#include <mutex>

SessionSaver::SessionSaver(TaskRunner::SessionStore *store, Converter convert)
    : m_store(store)
    , m_convert(convert ? std::move(convert) : Converter(&TaskPersistence::savedSession))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("SessionSaver"));
}

SessionSaver::~SessionSaver()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->open = false;
        m_shared->pending.clear();
    }
    m_pool.clear();
    m_pool.waitForDone();
}

void SessionSaver::update(const TaskRunner::SessionRunner &runner,
                          const TaskRunner::SavedSession &details)
{
    {
        std::lock_guard lock(m_shared->mutex);
        if (!m_shared->open)
            return;
        const bool queued = m_shared->pending.contains(details.id);
        m_shared->pending.insert(details.id, Pending{runner, details});
        if (queued)
            return;
    }
    m_pool.start([store = m_store, convert = m_convert, shared = m_shared, id = details.id] {
        Pending taken;
        {
            std::lock_guard lock(shared->mutex);
            const auto it = shared->pending.find(id);
            if (it == shared->pending.end())
                return; // removed, or the last state was set
            taken = std::move(*it);
            shared->pending.erase(it);
        }
        const TaskRunner::SavedSession saved = convert(taken.runner, taken.details);
        // Under the lock: finish() on the GUI thread cannot come between the check and the
        // store's (non-blocking) setter.
        std::lock_guard lock(shared->mutex);
        if (shared->open)
            store->updateSession(saved);
    });
}

void SessionSaver::remove(const QString &id)
{
    {
        std::lock_guard lock(m_shared->mutex);
        if (!m_shared->open)
            return;
        m_shared->pending.remove(id);
    }
    // After the conversion of it that may be under way.
    m_pool.start([store = m_store, shared = m_shared, id] {
        std::lock_guard lock(shared->mutex);
        if (shared->open)
            store->removeSession(id);
    });
}

void SessionSaver::finish(const QList<TaskRunner::SavedSession> &sessions)
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->open = false;
        m_shared->pending.clear();
    }
    m_pool.clear();
    m_store->setSessions(sessions);
}
