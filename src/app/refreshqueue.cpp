#include "refreshqueue.h"

#include <QCoreApplication>
#include <QTimerEvent>
#include <QWidget>

RefreshQueue *RefreshQueue::instance()
{
    // Parented to the application: gone with it, and made again for another one (tests).
    static QPointer<RefreshQueue> queue;
    if (!queue) {
        queue = new RefreshQueue;
        queue->setParent(QCoreApplication::instance());
    }
    return queue;
}

void RefreshQueue::enqueue(QObject *owner, std::function<void()> refresh)
{
    m_queue.push_back({owner, std::move(refresh)});
    if (!m_timer.isActive())
        m_timer.start(0, Qt::PreciseTimer, this);
}

void RefreshQueue::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    using Clock = std::chrono::steady_clock;
    const auto end = Clock::now() + turnBudget;
    // What a refresh queues runs on a later turn: a view that asks again while its refresh
    // runs goes to the back.
    for (qsizetype left = size(); left > 0 && !m_queue.empty(); --left) {
        Entry entry = std::move(m_queue.front());
        m_queue.pop_front();
        if (entry.owner)
            entry.refresh();
        if (Clock::now() >= end)
            break;
    }
    if (m_queue.empty())
        m_timer.stop();
}

BackgroundRefresh::BackgroundRefresh(QWidget *view, std::function<void()> refresh)
    : m_view(view)
    , m_refresh(std::move(refresh))
{}

void BackgroundRefresh::request()
{
    if (!m_view->isVisible() || m_view->isActiveWindow()) {
        *m_pending = false;
        m_refresh();
        return;
    }
    if (*m_pending)
        return;
    *m_pending = true;
    RefreshQueue::instance()->enqueue(m_view, [pending = m_pending, refresh = m_refresh] {
        if (std::exchange(*pending, false))
            refresh();
    });
}

void BackgroundRefresh::flush()
{
    if (std::exchange(*m_pending, false))
        m_refresh();
}
