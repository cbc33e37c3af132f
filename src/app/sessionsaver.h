#pragma once

#include <TaskRunner/savedsession.h>
#include <TaskRunner/sessionrunner.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <mutex>

namespace TaskRunner {
class SessionStore;
}

// Hands the sessions' changes to the store in the order they were made, each session's tasks
// converted on a thread of its own: a queue of 10^6 tasks takes about a quarter of a second to
// convert, which the GUI thread would otherwise spend on every change of it. A change asked
// for while one of the same session waits to be converted is the same conversion: it reads the
// queue when it runs. The methods are for one thread (the GUI's); the store's setters are
// thread-safe.
class SessionSaver
{
public:
    using Converter = std::function<TaskRunner::SavedSession(
        const TaskRunner::SessionRunner &runner, const TaskRunner::SavedSession &details)>;

    // `convert` defaults to TaskPersistence::savedSession.
    explicit SessionSaver(TaskRunner::SessionStore *store, Converter convert = {});
    // Drops what is not converted yet and waits for the one conversion under way, if any.
    ~SessionSaver();
    SessionSaver(const SessionSaver &) = delete;
    SessionSaver &operator=(const SessionSaver &) = delete;

    // `details` (id, window number, position, watch) with `runner`'s tasks, soon.
    void update(const TaskRunner::SessionRunner &runner, const TaskRunner::SavedSession &details);
    // The session `id` is no longer saved, after the changes asked for before.
    void remove(const QString &id);
    // The last state, set now (converted by the caller): a change asked for before and not
    // handed to the store yet is dropped, and none is accepted after.
    void finish(const QList<TaskRunner::SavedSession> &sessions);

private:
    struct Pending
    {
        TaskRunner::SessionRunner runner;
        TaskRunner::SavedSession details;
    };
    // Shared with the pool's jobs, under `mutex`.
    struct Shared
    {
        std::mutex mutex;
        bool open = true;
        QHash<QString, Pending> pending; // by session id: converted by a job already queued
    };

    TaskRunner::SessionStore *const m_store;
    const Converter m_convert;
    const std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
    QThreadPool m_pool; // one thread: the jobs run in the order they were queued
};
