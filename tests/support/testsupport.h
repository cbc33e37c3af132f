#pragma once

#include <TaskRunner/globalrunnerregistry.h>
#include <TaskRunner/runneroptions.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace TestSupport {

// Turns Qt's threading warnings ("Destroyed while thread", "Timers cannot", "Cannot move")
// and every qCritical into test failures. Call from initTestCase() (after QTest installed its
// own handler, to which everything is still forwarded) and check with verifyNoForbiddenMessages()
// in cleanup().
void installMessageGuard();
// The forbidden messages seen since the last call, cleared.
QStringList takeForbiddenMessages();

#define TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES()                                                  \
    do {                                                                                           \
        const QStringList forbidden = TestSupport::takeForbiddenMessages();                        \
        QVERIFY2(forbidden.isEmpty(), qPrintable(forbidden.join(QLatin1Char('\n'))));              \
    } while (false)

// For cleanup(): waits until no runner object and no runner thread is left (every runner a
// test created is gone through its thread's end), then checks the messages.
#define TASKRUNNER_VERIFY_NO_RUNNER_LEFT()                                                         \
    do {                                                                                           \
        QTRY_COMPARE_WITH_TIMEOUT(TaskRunner::liveRunnerCount(), 0, 10000);                        \
        QTRY_COMPARE_WITH_TIMEOUT(TaskRunner::runnerObjectCount(), 0, 10000);                      \
        QTRY_COMPARE_WITH_TIMEOUT(TestSupport::runnerThreadCount(), 0, 10000);                     \
        TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES();                                                 \
    } while (false)

// The same, after forgetting every global runner.
#define TASKRUNNER_VERIFY_ALL_RUNNERS_GONE()                                                       \
    do {                                                                                           \
        TaskRunner::GlobalRunnerRegistry::instance()->removeAll();                                 \
        TASKRUNNER_VERIFY_NO_RUNNER_LEFT();                                                        \
    } while (false)

// A gate that worker threads wait at until the test lets them through. Built on the standard
// library so ThreadSanitizer sees every hand-off.
class Gate
{
public:
    Gate() = default;
    // Opens the gate and waits for every waiter to leave it, so a test that fails half-way
    // does not leave a worker blocked on a destroyed gate.
    ~Gate();
    Gate(const Gate &) = delete;
    Gate &operator=(const Gate &) = delete;

    // Lets `count` waiters through (now or later).
    void release(int count = 1);
    // Lets every present and future waiter through.
    void open();
    // Waits until let through or `timeout` passed; true if let through.
    bool wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));
    int waiting() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_permits = 0;
    int m_waiting = 0;
    bool m_open = false;
};

// Deletes the app's data folder ($XDG_DATA_HOME/taskrunner: the task history and the
// saved sessions), so that a test starts without what an earlier one left. For tests that run
// with QStandardPaths::setTestModeEnabled(true).
void clearAppData();

// Threads of this process now (Linux: /proc/self/status).
int processThreadCount();
// Threads of this process that runners started: named "session <id>" or "global <key>"
// (Linux: /proc/self/task/*/comm). Unlike processThreadCount(), not disturbed by Qt's or the
// test's own threads.
int runnerThreadCount();
// Threads of process `pid` (this one by default) whose name starts with `prefix`.
int threadCount(const QByteArray &prefix, qint64 pid = 0);

} // namespace TestSupport
