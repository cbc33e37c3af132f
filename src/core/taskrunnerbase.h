#pragma once

#include "changenotifier.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

class QThread;

namespace TaskRunner {

class Interruption;

// Signalled once a runner's thread is done with the runner. Thread-safe.
class Completion
{
public:
    void markDone();
    bool isDone() const;
    // Returns true once done, false if `deadline` passed first.
    bool waitUntil(std::chrono::steady_clock::time_point deadline) const;

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_doneChanged;
    bool m_done = false;
};

} // namespace TaskRunner

// What both runners share: a QObject that lives on a QThread of its own, from create() to
// stop(). The thread and the runner are freed after the loop ends: the runner is moved back
// to the main thread and both are deleted there with deleteLater(), so a pointer held in the
// main thread stays valid until the main thread returns to its event loop.
class TaskRunnerBase : public QObject
{
    Q_OBJECT
public:
    ~TaskRunnerBase() override;

    // A short id that never changes, for headings and logs. Thread-safe.
    QString id() const { return m_id; }
    // "session 1a2b3c" or "global example-worker". Thread-safe.
    QString description() const { return m_description; }
    // Thread-safe.
    bool isStopRequested() const { return m_stopRequested.load(std::memory_order_acquire); }
    // Done once the runner's thread has finished with it. Thread-safe.
    std::shared_ptr<const TaskRunner::Completion> completion() const { return m_completion; }

    // Runners alive in the process (created and not yet deleted). Thread-safe.
    static int liveCount();

    // Stops every runner still alive and waits for their threads until `grace` has passed,
    // without ever terminating one. Returns the descriptions of the runners whose worker was
    // still running at the deadline, after logging them; they finish on their own. When
    // called from the main thread, the runners that finished are also deleted before it
    // returns. Thread-safe.
    static QStringList stopAll(std::chrono::milliseconds grace);

    // A runner that was told to stop, remembered so that it can be waited for even after it
    // was freed: its completion and its description, for the log.
    using Stopping = std::pair<std::shared_ptr<const TaskRunner::Completion>, QString>;
    Stopping stopping() const { return {m_completion, m_description}; }
    // Waits until `deadline` for each runner's thread to be done with it. Returns the
    // descriptions of the runners still running then, after logging them. Thread-safe.
    static QStringList waitUntilStopped(const std::vector<Stopping> &runners,
                                        std::chrono::steady_clock::time_point deadline);

signals:
    // Something in state() changed. Emitted in the main thread, coalesced: a burst of changes
    // gives one signal, at most one per ChangeNotifier::minimumGap() while the runner is busy.
    void stateChanged();

protected:
    TaskRunnerBase(const QString &kind, const QString &description);

    // Moves the runner to a new thread named `threadName` and starts it. Call once, from the
    // thread that created the runner, at the end of the subclass's create().
    void startThread(const QString &threadName);

    // Thread-safe, idempotent, returns at once: calls aboutToStop() once, wakes interruptible
    // sleeps, requests interruption of the thread and quits its loop once the current slot
    // returns. The runner is not freed before it returns, whichever thread calls it.
    void requestStop();

    // Called once, on the thread that calls requestStop(), before the thread is told to quit.
    // The runner's thread cannot hand the runner over until it returns.
    virtual void aboutToStop() {}

    // Called on the runner's thread when its loop starts, unless stop came first.
    virtual void threadStarted() {}
    // Called on the runner's thread after its loop ended, before the runner leaves it.
    virtual void threadFinishing() {}

    // Thread-safe; see ChangeNotifier::report().
    void reportChange(bool urgent = false) { m_notifier.report(urgent); }

    // Ignores a deferred delete that comes before the runner's thread is done with the runner
    // (a deleteLater() in place of stop()), with a warning.
    bool event(QEvent *event) override;

private:
    void onThreadStarted();
    void onThreadFinished();

    const QString m_id;
    const QString m_description;
    ChangeNotifier m_notifier;
    QThread *m_thread = nullptr; // valid until onThreadFinished()
    const std::shared_ptr<TaskRunner::Interruption> m_interruption;
    const std::shared_ptr<TaskRunner::Completion> m_completion;
    std::mutex m_stopMutex; // held by requestStop(), so the runner outlives it
    std::atomic<bool> m_stopRequested{false};
    // Set by the runner's thread once it is done with the runner, just before it posts the
    // runner's deleteLater() to the main thread.
    std::atomic<bool> m_handedOver{false};
};
