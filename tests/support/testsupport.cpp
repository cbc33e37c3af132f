#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtGlobal>

namespace TestSupport {

namespace {
std::mutex s_mutex;
QStringList s_forbidden;
QtMessageHandler s_previous = nullptr;

bool isForbidden(QtMsgType type, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        return true;
    static const char *const patterns[] = {"Destroyed while thread", "Timers cannot", "Cannot move",
                                           "Cannot create children",
                                           "Cannot send events to objects owned by a different"};
    for (const char *pattern : patterns) {
        if (message.contains(QLatin1String(pattern)))
            return true;
    }
    return false;
}

void guard(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (isForbidden(type, message)) {
        std::lock_guard lock(s_mutex);
        s_forbidden << message;
    }
    if (s_previous)
        s_previous(type, context, message);
}
} // namespace

void installMessageGuard()
{
    std::lock_guard lock(s_mutex);
    s_previous = qInstallMessageHandler(&guard);
}

QStringList takeForbiddenMessages()
{
    std::lock_guard lock(s_mutex);
    return std::exchange(s_forbidden, {});
}

Gate::~Gate()
{
    open();
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_waiting == 0; });
}

void Gate::release(int count)
{
    {
        std::lock_guard lock(m_mutex);
        m_permits += count;
    }
    m_changed.notify_all();
}

void Gate::open()
{
    {
        std::lock_guard lock(m_mutex);
        m_open = true;
    }
    m_changed.notify_all();
}

bool Gate::wait(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    ++m_waiting;
    const bool through =
        m_changed.wait_for(lock, timeout, [this] { return m_open || m_permits > 0; });
    --m_waiting;
    if (through && !m_open)
        --m_permits;
    lock.unlock();
    m_changed.notify_all(); // ~Gate() may be waiting for the last waiter to leave
    return through;
}

int Gate::waiting() const
{
    std::lock_guard lock(m_mutex);
    return m_waiting;
}

void clearAppData()
{
    Q_ASSERT(QStandardPaths::isTestModeEnabled());
    QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
         QStringLiteral("/taskrunner"))
        .removeRecursively();
}

int processThreadCount()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression threads(QStringLiteral("^Threads:\\s*(\\d+)$"),
                                            QRegularExpression::MultilineOption);
    const auto match = threads.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

int threadCount(const QByteArray &prefix, qint64 pid)
{
    int count = 0;
    const QDir tasks(pid ? QStringLiteral("/proc/%1/task").arg(pid)
                         : QStringLiteral("/proc/self/task"));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(task + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly))
            continue; // the thread ended meanwhile
        if (comm.readAll().startsWith(prefix))
            ++count;
    }
    return count;
}

int runnerThreadCount()
{
    return threadCount("session ") + threadCount("global ");
}

} // namespace TestSupport
