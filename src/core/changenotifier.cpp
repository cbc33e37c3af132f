#include "changenotifier.h"

#include <QCoreApplication>
#include <QThread>

ChangeNotifier::ChangeNotifier(std::chrono::milliseconds minimumGap)
    : m_minimumGap(minimumGap)
    , m_gapTimer(this)
{
    m_gapTimer.setSingleShot(true);
    m_gapTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_gapTimer, &QTimer::timeout, this, &ChangeNotifier::flush);
    connect(this, &ChangeNotifier::flushRequested, this, &ChangeNotifier::flush,
            Qt::QueuedConnection);

    // Producers may be created on any thread; the notifications belong to the GUI.
    if (const auto *app = QCoreApplication::instance(); app && thread() != app->thread())
        moveToThread(app->thread());
}

void ChangeNotifier::report(bool urgent)
{
    using namespace std::chrono;
    // The common case under load: a queued flush or a running gap timer will show this.
    if (!urgent && m_deliveryPending.load())
        return;
    // Reported in the main thread, which is awake: wait for the gap with the timer, without
    // posting a wake-up to itself. From another thread, a posted flush wakes the main thread.
    const bool inOwnThread = !urgent && QThread::currentThread() == thread();
    milliseconds delay{0};
    {
        std::lock_guard lock(m_mutex);
        m_urgent = m_urgent || urgent;
        // A queued flush will see this report; a running gap timer too, unless it is urgent.
        if (m_pending == Pending::Flush || (m_pending == Pending::GapTimer && !urgent))
            return;
        if (inOwnThread) {
            m_pending = Pending::GapTimer;
            const auto now = Clock::now();
            const auto due = m_lastEmit + m_minimumGap;
            if (now < due)
                delay = ceil<milliseconds>(due - now);
        } else {
            m_pending = Pending::Flush;
        }
        m_deliveryPending.store(true);
    }
    if (inOwnThread)
        m_gapTimer.start(delay);
    else
        emit flushRequested(QPrivateSignal());
}

void ChangeNotifier::flush()
{
    using namespace std::chrono;
    const auto now = Clock::now();
    {
        std::lock_guard lock(m_mutex);
        if (m_pending == Pending::Nothing)
            return; // an urgent flush already delivered what the gap timer was waiting for
        const auto due = m_lastEmit + m_minimumGap;
        if (!m_urgent && now < due) {
            m_pending = Pending::GapTimer;
            m_gapTimer.start(duration_cast<milliseconds>(due - now) + milliseconds(1));
            return;
        }
        m_pending = Pending::Nothing;
        m_deliveryPending.store(false);
        m_urgent = false;
        m_lastEmit = now;
    }
    m_gapTimer.stop();
    emit notify();
}
