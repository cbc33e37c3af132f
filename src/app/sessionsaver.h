#pragma once

#include <TaskRunner/savedsession.h>
#include <TaskRunner/sessionrunner.h>

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace TaskRunner {
class SessionStore;
}

// Hands the sessions' changes to the store in the order they were made, each session's tasks
// converted on a session runner of its own: a queue of 10^6 tasks takes about a quarter of a
// second to convert, which the GUI thread would otherwise spend on every change of it. A change
// asked for while one of the same session waits to be converted is the same conversion: it
// reads the queue when it runs. The methods are for one thread (the GUI's); the store's setters
// are thread-safe.
class SessionSaver
{
public:
    using Converter = std::function<TaskRunner::SavedSession(
        const TaskRunner::SessionRunner &runner, const TaskRunner::SavedSession &details)>;

    // `convert` makes a session's saved state (the app's is TaskPersistence::savedSession); it
    // runs on the saver's thread.
    SessionSaver(TaskRunner::SessionStore *store, Converter convert);
    // Drops what is not converted yet and waits for the one conversion under way, if any.
    ~SessionSaver();
    SessionSaver(const SessionSaver &) = delete;
    SessionSaver &operator=(const SessionSaver &) = delete;

    // `details` (id, window number, position, watch) with `runner`'s tasks, soon.
    void update(const TaskRunner::SessionRunner &runner, const TaskRunner::SavedSession &details);
    // The session `id` is no longer saved, after the changes asked for before.
    void remove(const QString &id);
    // Every session, set now (converted by the caller): a change asked for before and not
    // handed to the store yet is dropped.
    void replace(const QList<TaskRunner::SavedSession> &sessions);
    // The same for the last state: no change is accepted after it.
    void finish(const QList<TaskRunner::SavedSession> &sessions);
    // How long the last conversion took, in ms (any thread): the caller may space its changes
    // by it, so that a queue of 10^6 tasks that changes all the time is not converted all the
    // time.
    qint64 lastConversionMs() const { return m_shared->lastConversionMs.load(); }

private:
    struct Pending
    {
        TaskRunner::SessionRunner runner;
        TaskRunner::SavedSession details;
        quint64 step = 0; // the step that converts it
    };
    struct Step
    {
        quint64 number = 0;
        QString id;
        bool remove = false;
    };
    // Shared with the runner's thread, under `mutex`.
    struct Shared
    {
        TaskRunner::SessionStore *store = nullptr;
        Converter convert;
        std::mutex mutex;
        bool open = true;
        std::deque<Step> steps;          // in the order they were asked for
        QHash<QString, Pending> pending; // by session id: what its queued step converts
        quint64 lastStep = 0;
        quint64 generation = 0; // one more at each replace(): older conversions are dropped
        std::atomic<qint64> lastConversionMs{0};
        // What runStep() handed to the store, by session id; runStep() only. Holding it, the
        // store frees no queue under its lock (or this one) when it replaces it: runStep()
        // frees it after, with no lock held.
        QHash<QString, TaskRunner::SavedSession> handedOver;
    };
    // On the runner's thread: the oldest step.
    static void runStep(Shared &shared);
    // Runs the new step on the runner's thread (on this one when it has none).
    void queueStep();
    void setAll(const QList<TaskRunner::SavedSession> &sessions, bool last);

    const std::shared_ptr<Shared> m_shared;
    TaskRunner::SessionRunner m_runner; // one thread: its tasks run in the order they came
};
