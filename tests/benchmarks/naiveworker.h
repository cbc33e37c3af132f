#pragma once

#include <QObject>
#include <QTimer>
#include <QVariant>

#include <functional>

// The classic worker-object pattern without coalescing, for comparison: tasks arrive as
// queued signals and every result leaves as one queued signal of its own.
class NaiveWorker : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<QVariant(const QVariant &)>;
    explicit NaiveWorker(Work work)
        : m_work(std::move(work))
    {}

public slots:
    // One task in, one resultReady() out.
    void process(const QVariant &task) { emit resultReady(m_work(task)); }

    // The flood: runs the work again and again with a 1 ms pause between the end of one run
    // and the start of the next (what a global runner with interval 0.001 does), emitting
    // every result. Call on the worker's thread.
    void startFlood()
    {
        if (!m_floodTimer) {
            m_floodTimer = new QTimer(this);
            m_floodTimer->setSingleShot(true);
            m_floodTimer->setTimerType(Qt::PreciseTimer);
            connect(m_floodTimer, &QTimer::timeout, this, [this] {
                emit resultReady(m_work(QVariant(++m_floodRuns)));
                m_floodTimer->start(1);
            });
        }
        m_floodTimer->start(1);
    }
    void stopFlood()
    {
        if (m_floodTimer)
            m_floodTimer->stop();
    }

signals:
    void resultReady(const QVariant &result);

private:
    const Work m_work;
    QTimer *m_floodTimer = nullptr;
    qulonglong m_floodRuns = 0;
};

// What the GUI side of the naive pattern emits to queue a task.
class NaiveClient : public QObject
{
    Q_OBJECT
signals:
    void taskQueued(const QVariant &task);
};
