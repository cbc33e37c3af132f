#pragma once

#include <QBasicTimer>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <deque>
#include <functional>

// Refreshes of views in windows the user is not working in, spread over turns of the event
// loop.
//
// Many windows follow their runners at the same rate, and what they follow changes for all of
// them at once (two hundred sessions that got a task in the same second, one watch shown in
// every window): their refreshes come due in the same turn of the event loop, and a turn that
// refreshes and lays out every window keeps input and painting waiting for all of them (600 ms
// for 200 windows). Queued here, a turn runs refreshes for a few milliseconds at most and
// leaves the rest to the next turns, each after whatever else is due (input, timers, the
// paints of the windows refreshed before), first queued first run. The active window does not
// queue: what the user looks at is shown at once.
//
// GUI thread only.
class RefreshQueue final : public QObject
{
public:
    // The GUI thread's queue.
    static RefreshQueue *instance();

    // Runs `refresh` on a later turn of the event loop, unless `owner` is destroyed first.
    // The caller keeps one request per owner queued at most (see BackgroundRefresh).
    void enqueue(QObject *owner, std::function<void()> refresh);

    qsizetype size() const { return qsizetype(m_queue.size()); }

    // How long a turn runs refreshes, one at least.
    static constexpr std::chrono::microseconds turnBudget{4000};

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Entry
    {
        QPointer<QObject> owner;
        std::function<void()> refresh;
    };

    std::deque<Entry> m_queue;
    QBasicTimer m_timer;
};

// One view's refresh: now when its window is the one the user works in (or not shown, so that
// nothing is painted), otherwise queued once in the RefreshQueue however often asked for.
class BackgroundRefresh
{
public:
    BackgroundRefresh(QWidget *view, std::function<void()> refresh);
    BackgroundRefresh(const BackgroundRefresh &) = delete;
    BackgroundRefresh &operator=(const BackgroundRefresh &) = delete;

    // The view's state changed: refresh now or on a later turn.
    void request();
    // The view's window became the active one: a queued refresh runs now.
    void flush();
    bool isPending() const { return *m_pending; }

private:
    QWidget *m_view;
    std::function<void()> m_refresh;
    // Shared with the queued entry, which may run after a flush(): it then does nothing.
    std::shared_ptr<bool> m_pending = std::make_shared<bool>(false);
};
