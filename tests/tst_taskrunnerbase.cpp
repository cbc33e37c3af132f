#include "taskrunnerbase.h"
#include "testsupport.h"

#include <QTest>

#include <atomic>
#include <future>
#include <memory>
#include <thread>

using namespace std::chrono_literals;

namespace {

// A runner that does nothing but can be stopped from any thread, and tells whether it was
// freed while a stop() was still in aboutToStop().
class ProbeRunner : public TaskRunnerBase
{
public:
    struct Record
    {
        std::promise<void> deleted;
        std::shared_future<void> deletedFuture = deleted.get_future().share();
        std::atomic<bool> deletedDuringStop{false};
    };

    static ProbeRunner *create(std::shared_ptr<Record> record)
    {
        auto *runner = new ProbeRunner(std::move(record));
        runner->startThread(QStringLiteral("session probe"));
        return runner;
    }

    ~ProbeRunner() override { m_record->deleted.set_value(); }

    void stop() { requestStop(); }

protected:
    void aboutToStop() override
    {
        // Time for the runner's thread to end and for the main thread to free the runner, if
        // they could. Only the local copy is used: the runner may be gone.
        const std::shared_ptr<Record> record = m_record;
        if (record->deletedFuture.wait_for(100ms) == std::future_status::ready)
            record->deletedDuringStop = true;
    }

private:
    explicit ProbeRunner(std::shared_ptr<Record> record)
        : TaskRunnerBase(QStringLiteral("session"), QStringLiteral("probe"))
        , m_record(std::move(record))
    {}

    const std::shared_ptr<Record> m_record;
};

} // namespace

class tst_TaskRunnerBase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_NO_RUNNER_LEFT(); }

    void stopFromAnotherThreadRightAfterCreateOutlivesTheRunner();
};

void tst_TaskRunnerBase::stopFromAnotherThreadRightAfterCreateOutlivesTheRunner()
{
    // A thread that creates a runner and stops it at once usually sets the stop flag before
    // the runner's thread has started; that thread then ends by itself, and the main thread
    // frees the runner while the stop() may still be using it.
    for (int round = 0; round < 5; ++round) {
        auto record = std::make_shared<ProbeRunner::Record>();
        std::atomic<bool> stopped{false};
        std::thread caller([&] {
            ProbeRunner::create(record)->stop();
            stopped = true;
        });
        // The main thread's event loop runs meanwhile, to free the runner once handed over.
        QTRY_VERIFY_WITH_TIMEOUT(stopped.load(), 10000);
        caller.join();
        QTRY_VERIFY_WITH_TIMEOUT(record->deletedFuture.wait_for(0s) == std::future_status::ready,
                                 10000);
        QVERIFY2(!record->deletedDuringStop, "the runner was freed while stop() was running");
    }
}

QTEST_GUILESS_MAIN(tst_TaskRunnerBase)
#include "tst_taskrunnerbase.moc"
