#include "sessionsaver.h"

#include <TaskRunner/sessionstore.h>

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <utility>

Q_LOGGING_CATEGORY(lcSessionSaver, "taskrunner.sessions", QtInfoMsg)

SessionSaver::SessionSaver(TaskRunner::SessionStore *store, Converter convert)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->store = store;
    m_shared->convert = std::move(convert);
    TaskRunner::RunnerOptions options;
    options.recordLimit = 0; // its steps are not looked at
    options.threadName = QStringLiteral("saving sessions");
    QString error;
    m_runner = TaskRunner::SessionRunner::create(
        [shared = m_shared](const QVariant &) {
            runStep(*shared);
            return QVariant();
        },
        options, &error);
    if (!m_runner) // each step is then taken on the caller's thread, at once
        qCWarning(lcSessionSaver, "sessions are converted on the GUI thread: %s",
                  qPrintable(error));
}

SessionSaver::~SessionSaver()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->open = false;
        m_shared->steps.clear();
        m_shared->pending.clear();
    }
    m_runner.stop();
    // Bounded by one conversion; the converter may use what its owner destroys after this.
    m_runner.finished().waitForFinished();
}

void SessionSaver::update(const TaskRunner::SessionRunner &runner,
                          const TaskRunner::SavedSession &details)
{
    {
        std::lock_guard lock(m_shared->mutex);
        if (!m_shared->open)
            return;
        const auto it = m_shared->pending.find(details.id);
        if (it != m_shared->pending.end()) { // its step has not started: it converts this
            it->runner = runner;
            it->details = details;
            return;
        }
        const quint64 number = ++m_shared->lastStep;
        m_shared->pending.insert(details.id, Pending{runner, details, number});
        m_shared->steps.push_back(Step{number, details.id, false});
    }
    queueStep();
}

void SessionSaver::remove(const QString &id)
{
    {
        std::lock_guard lock(m_shared->mutex);
        if (!m_shared->open)
            return;
        m_shared->pending.remove(id);
        m_shared->steps.push_back(Step{++m_shared->lastStep, id, true});
    }
    queueStep();
}

void SessionSaver::queueStep()
{
    if (!m_runner || m_runner.append(QVariant()) == 0)
        runStep(*m_shared);
}

void SessionSaver::replace(const QList<TaskRunner::SavedSession> &sessions)
{
    setAll(sessions, false);
}

void SessionSaver::finish(const QList<TaskRunner::SavedSession> &sessions)
{
    setAll(sessions, true);
}

void SessionSaver::setAll(const QList<TaskRunner::SavedSession> &sessions, bool last)
{
    {
        std::lock_guard lock(m_shared->mutex);
        if (!m_shared->open)
            return;
        m_shared->open = !last;
        ++m_shared->generation;
        m_shared->steps.clear();
        m_shared->pending.clear();
        // In the lock: a conversion that ends after this sees the new generation.
        m_shared->store->setSessions(sessions);
    }
    m_runner.clear();
}

void SessionSaver::runStep(Shared &shared)
{
    std::unique_lock lock(shared.mutex);
    if (shared.steps.empty())
        return; // dropped by finish()
    const Step step = std::move(shared.steps.front());
    shared.steps.pop_front();
    if (step.remove) {
        if (shared.open)
            shared.store->removeSession(step.id);
        lock.unlock();
        shared.handedOver.remove(step.id); // the last copy of what the store held
        return;
    }
    const auto it = shared.pending.find(step.id);
    if (it == shared.pending.end() || it->step != step.number)
        return; // removed before it was converted
    const Pending taken = std::move(*it);
    shared.pending.erase(it);
    if (taken.runner.isStopRequested())
        return; // its window closed: stopping dropped the queue, which is not what to save
    const quint64 generation = shared.generation;
    lock.unlock();
    QElapsedTimer converting;
    converting.start();
    const TaskRunner::SavedSession saved = shared.convert(taken.runner, taken.details);
    shared.lastConversionMs.store(converting.elapsed());
    // Under the lock: replace() and finish() cannot come between the check and the store's
    // (non-blocking) setter.
    lock.lock();
    const bool handed = shared.open && shared.generation == generation;
    if (handed)
        shared.store->updateSession(saved);
    lock.unlock();
    if (handed)
        shared.handedOver.insert(step.id, saved); // frees what the store held before, if last
}
