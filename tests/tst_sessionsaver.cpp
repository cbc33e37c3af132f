#include "sessionsaver.h"

#include <TaskRunner/sessionstore.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace TaskRunner;

namespace {

SavedSession details(const QString &id, int position)
{
    SavedSession session;
    session.id = id;
    session.windowNumber = position + 1;
    session.position = position;
    return session;
}

// The app's conversion (TaskPersistence::savedSession) for tasks that are plain texts: the
// details with the waiting tasks.
SavedSession plainConversion(const SessionRunner &runner, const SavedSession &details)
{
    SavedSession saved = details;
    for (const QueuedTask &task : runner.waitingTasks()) {
        SavedTask savedTask;
        savedTask.kind = QStringLiteral("text");
        savedTask.commandLine = task.task.toString();
        savedTask.queuedMs = task.queuedMSecs;
        saved.waiting << savedTask;
    }
    return saved;
}

QStringList ids(const QList<SavedSession> &sessions)
{
    QStringList list;
    for (const SavedSession &session : sessions)
        list << session.id;
    return list;
}

// A converter that records where and how often it ran, and that can be held inside a
// conversion until released.
struct HeldConverter
{
    std::atomic<int> calls{0};
    std::atomic<QThread *> thread{nullptr};
    QSemaphore entered;
    QSemaphore release;
    std::atomic<bool> hold{false};

    SessionSaver::Converter converter()
    {
        return [this](const SessionRunner &runner, const SavedSession &session) {
            thread = QThread::currentThread();
            ++calls;
            if (hold) {
                entered.release();
                release.tryAcquire(1, 10000); // a test that fails does not hang
            }
            return plainConversion(runner, session);
        };
    }
};

} // namespace

class TestSessionSaver : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<SessionStore>(m_dir->filePath(QStringLiteral("sessions.json")));
        m_runner = SessionRunner::create([](const QVariant &) { return QVariant(); });
        QVERIFY(m_runner);
        m_runner.pause(); // the queue stays as it is given
    }

    void cleanup()
    {
        m_runner.stop();
        m_runner = {};
        m_store.reset();
        m_dir.reset();
    }

    void theQueueIsSavedAsItIsWhenConverted()
    {
        m_runner.append(QStringLiteral("one"));
        m_runner.append(QStringLiteral("two"));
        SessionSaver saver(m_store.get(), &plainConversion);
        SavedSession session = details(QStringLiteral("a"), 0);
        session.watch = QStringLiteral("Load");
        saver.update(m_runner, session);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->sessions().size(), 1, 10000);
        const SavedSession saved = m_store->sessions().constFirst();
        QCOMPARE(saved.id, QStringLiteral("a"));
        QCOMPARE(saved.watch, QStringLiteral("Load"));
        QCOMPARE(saved.waiting.size(), 2);
        QCOMPARE(saved.waiting.at(0).commandLine, QStringLiteral("one"));
        QCOMPARE(saved.waiting.at(1).commandLine, QStringLiteral("two"));
    }

    void theConversionRunsOffTheCallersThread()
    {
        HeldConverter held;
        SessionSaver saver(m_store.get(), held.converter());
        saver.update(m_runner, details(QStringLiteral("a"), 0));
        QTRY_COMPARE_WITH_TIMEOUT(m_store->sessions().size(), 1, 10000);
        QVERIFY(held.thread.load() != nullptr);
        QVERIFY(held.thread.load() != QThread::currentThread());
    }

    // A session that changes faster than it is converted is converted once per turn, with its
    // newest details, not once per change.
    void changesWhileOneWaitsAreOneConversion()
    {
        HeldConverter held;
        held.hold = true;
        SessionSaver saver(m_store.get(), held.converter());
        saver.update(m_runner, details(QStringLiteral("a"), 0));
        QVERIFY(held.entered.tryAcquire(1, 10000)); // a's conversion is under way
        for (int position = 1; position <= 100; ++position)
            saver.update(m_runner, details(QStringLiteral("b"), position));
        held.hold = false;
        held.release.release();
        QTRY_COMPARE_WITH_TIMEOUT(m_store->sessions().size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->sessions().at(1).position, 100, 10000);
        QCOMPARE(held.calls.load(), 2);
    }

    // Quitting sets the last state while a conversion is under way: what that conversion
    // gives afterwards must not replace it.
    void theLastStateIsNotReplacedByAConversionUnderWay()
    {
        HeldConverter held;
        held.hold = true;
        {
            SessionSaver saver(m_store.get(), held.converter());
            saver.update(m_runner, details(QStringLiteral("old"), 0));
            QVERIFY(held.entered.tryAcquire(1, 10000));
            saver.update(m_runner, details(QStringLiteral("queued"), 1));
            saver.finish({details(QStringLiteral("last"), 0)});
            saver.update(m_runner, details(QStringLiteral("after"), 1)); // refused
            held.release.release();
        } // waits for the conversion under way
        QCOMPARE(ids(m_store->sessions()), QStringList{QStringLiteral("last")});
        QCOMPARE(held.calls.load(), 1);
    }

    // Closing the last window sets every session at once: a conversion under way then is
    // older, and dropped; later changes are saved.
    void aReplacementIsNotUndoneByAConversionUnderWay()
    {
        HeldConverter held;
        held.hold = true;
        SessionSaver saver(m_store.get(), held.converter());
        saver.update(m_runner, details(QStringLiteral("old"), 0));
        QVERIFY(held.entered.tryAcquire(1, 10000));
        saver.update(m_runner, details(QStringLiteral("queued"), 1));
        saver.replace({details(QStringLiteral("all"), 0)});
        QCOMPARE(ids(m_store->sessions()), QStringList{QStringLiteral("all")});
        held.hold = false;
        held.release.release();
        saver.update(m_runner, details(QStringLiteral("later"), 1));
        const QStringList expected{QStringLiteral("all"), QStringLiteral("later")};
        QTRY_COMPARE_WITH_TIMEOUT(ids(m_store->sessions()), expected, 10000);
        QCOMPARE(held.calls.load(), 2); // "queued" was dropped
    }

    // A window closed while its change waits or is being converted is not saved again by
    // that conversion.
    void aRemovalComesAfterTheChangeBeforeIt()
    {
        HeldConverter held;
        held.hold = true;
        SessionSaver saver(m_store.get(), held.converter());
        saver.update(m_runner, details(QStringLiteral("kept"), 0));
        QVERIFY(held.entered.tryAcquire(1, 10000));
        saver.update(m_runner, details(QStringLiteral("closed"), 1));
        saver.remove(QStringLiteral("closed")); // before its conversion started
        held.release.release();
        saver.update(m_runner, details(QStringLiteral("closing"), 1));
        QVERIFY(held.entered.tryAcquire(1, 10000));
        saver.remove(QStringLiteral("closing")); // while it is converted
        held.hold = false;
        held.release.release();
        saver.update(m_runner, details(QStringLiteral("new"), 1));
        const QStringList expected{QStringLiteral("kept"), QStringLiteral("new")};
        QTRY_COMPARE_WITH_TIMEOUT(ids(m_store->sessions()), expected, 10000);
        QCOMPARE(held.calls.load(), 3); // "closed" was never converted
    }

    // Closing a session and saving one of the same id again: the last word is the save.
    void aSessionSavedAgainAfterItsRemovalIsSaved()
    {
        HeldConverter held;
        held.hold = true;
        SessionSaver saver(m_store.get(), held.converter());
        saver.update(m_runner, details(QStringLiteral("kept"), 0));
        QVERIFY(held.entered.tryAcquire(1, 10000));
        held.hold = false;
        saver.update(m_runner, details(QStringLiteral("again"), 1));
        saver.remove(QStringLiteral("again"));
        saver.update(m_runner, details(QStringLiteral("again"), 2));
        held.release.release();
        const QStringList expected{QStringLiteral("kept"), QStringLiteral("again")};
        QTRY_COMPARE_WITH_TIMEOUT(ids(m_store->sessions()), expected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(held.calls.load(), 2, 10000);
        QCOMPARE(m_store->sessions().at(1).position, 2);
    }

    // A stopped runner has dropped its queue: that is not the session's state to save.
    void aStoppedSessionIsNotSavedEmpty()
    {
        m_runner.append(QStringLiteral("one"));
        m_runner.append(QStringLiteral("two"));
        SessionSaver saver(m_store.get(), &plainConversion);
        saver.update(m_runner, details(QStringLiteral("a"), 0));
        QTRY_COMPARE_WITH_TIMEOUT(m_store->sessions().size(), 1, 10000);
        QCOMPARE(m_store->sessions().constFirst().waiting.size(), 2);
        m_runner.stop();
        saver.update(m_runner, details(QStringLiteral("a"), 0));
        SessionRunner other = SessionRunner::create([](const QVariant &) { return QVariant(); });
        saver.update(other, details(QStringLiteral("b"), 1)); // after a's
        QTRY_COMPARE_WITH_TIMEOUT(m_store->sessions().size(), 2, 10000);
        QCOMPARE(m_store->sessions().constFirst().waiting.size(), 2);
        other.stop();
    }

    // What the app spaces its changes by: a conversion held for 60 ms or more.
    void theLastConversionTimeIsKnown()
    {
        HeldConverter held;
        held.hold = true;
        SessionSaver saver(m_store.get(), held.converter());
        QCOMPARE(saver.lastConversionMs(), 0);
        saver.update(m_runner, details(QStringLiteral("a"), 0));
        QVERIFY(held.entered.tryAcquire(1, 10000));
        QElapsedTimer converting;
        converting.start();
        QTRY_VERIFY_WITH_TIMEOUT(converting.elapsed() >= 60, 10000);
        held.release.release();
        QTRY_VERIFY_WITH_TIMEOUT(saver.lastConversionMs() >= 60, 10000);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionStore> m_store;
    SessionRunner m_runner;
};

QTEST_GUILESS_MAIN(TestSessionSaver)
#include "tst_sessionsaver.moc"
