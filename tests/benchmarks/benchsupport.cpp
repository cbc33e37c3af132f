#include "benchsupport.h"

#include <TaskRunner/sessionrunner.h>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

namespace Bench {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return notMeasured;
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(p / 100.0 * double(values.size()));
    const auto index =
        std::clamp<std::size_t>(std::size_t(std::max(rank, 1.0)) - 1, 0, values.size() - 1);
    return values[index];
}

double mean(const std::vector<double> &values)
{
    if (values.empty())
        return notMeasured;
    return std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

double standardDeviation(const std::vector<double> &values)
{
    if (values.size() < 2)
        return 0;
    const double m = mean(values);
    double sum = 0;
    for (double value : values)
        sum += (value - m) * (value - m);
    return std::sqrt(sum / double(values.size() - 1));
}

double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return -1;
    const double pages = fields.at(1).toDouble();
    return pages * double(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double trimmedResidentMiB()
{
    ::malloc_trim(0);
    return residentMiB();
}

long majorPageFaults()
{
    rusage usage{};
    return ::getrusage(RUSAGE_SELF, &usage) == 0 ? usage.ru_majflt : -1;
}

quint64 contextSwitches(const QSet<QByteArray> &names, int *found)
{
    quint64 total = 0;
    int threads = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    const QStringList entries = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : entries) {
        QFile comm(tasks.filePath(task + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly))
            continue;
        if (!names.contains(comm.readAll().trimmed()))
            continue;
        QFile status(tasks.filePath(task + QStringLiteral("/status")));
        if (!status.open(QIODevice::ReadOnly))
            continue;
        ++threads;
        const QList<QByteArray> lines = status.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("voluntary_ctxt_switches:") ||
                line.startsWith("nonvoluntary_ctxt_switches:"))
                total += line.mid(line.indexOf(':') + 1).trimmed().toULongLong();
        }
    }
    if (found)
        *found = threads;
    return total;
}

bool isHarmlessNoise(const QString &message)
{
    return message.contains(QLatin1String("does not support propagateSizeHints()")) ||
           message.contains(QLatin1String("does not support raise()")) ||
           message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"));
}

void forwardOutput(const char *who, const QByteArray &output)
{
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines) {
        const QString text = QString::fromLocal8Bit(line).trimmed();
        // The debug log reads "taskrunner.session: 1a2b3c - Waiting for a task".
        static const QRegularExpression debugLog(
            QStringLiteral(R"(^taskrunner\.(session|global): [0-9a-f]+ - )"));
        if (text.isEmpty() || isHarmlessNoise(text) || debugLog.match(text).hasMatch())
            continue;
        std::fprintf(stderr, "  [%s] %s\n", who, qPrintable(text));
    }
}

bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (!done()) {
        if (Clock::now() >= deadline)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, Qt::PreciseTimer, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void runEventLoop(std::chrono::milliseconds duration)
{
    QEventLoop loop;
    QTimer::singleShot(duration, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

void flushEvents()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
    }
}

LoopProbe::LoopProbe()
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, this, [this] { fire(); });
}

void LoopProbe::start()
{
    m_latencies.clear();
    m_latencies.reserve(4096);
    m_due = Clock::now() + std::chrono::milliseconds(1);
    m_timer.start(1);
}

void LoopProbe::stop()
{
    m_timer.stop();
}

void LoopProbe::fire()
{
    const auto now = Clock::now();
    m_latencies.push_back(
        std::max(0.0, std::chrono::duration<double, std::milli>(now - m_due).count()));
    m_due = now + std::chrono::milliseconds(1);
    m_timer.start(1);
}

void finish(TaskRunner::SessionRunner &runner)
{
    const QFuture<void> finished = runner.finished();
    runner.stop();
    runner = TaskRunner::SessionRunner();
    if (!waitUntil([&] { return finished.isFinished(); }, std::chrono::seconds(10)))
        std::fprintf(stderr, "warning: a session runner did not stop within 10 s\n");
    flushEvents();
}

} // namespace Bench
