#include <TaskRunner/samplers.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

#include <stdexcept>

namespace TaskRunner {

namespace {

[[noreturn]] void fail(const QString &message)
{
    throw std::runtime_error(message.toStdString());
}

// /proc files say their size is 0: read to the end.
QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        fail(QCoreApplication::translate("TaskRunner::Samplers", "cannot read %1: %2")
                 .arg(path, file.errorString()));
    const QByteArray contents = file.readAll();
    if (contents.isEmpty())
        fail(QCoreApplication::translate("TaskRunner::Samplers", "cannot read %1: it is empty")
                 .arg(path));
    return contents;
}

// The number in kB of a "Name:   1234 kB" line of /proc/meminfo.
double meminfoKiB(const QByteArray &meminfo, QByteArrayView name)
{
    for (qsizetype start = 0; start < meminfo.size();) {
        qsizetype end = meminfo.indexOf('\n', start);
        if (end < 0)
            end = meminfo.size();
        const QByteArrayView line = QByteArrayView(meminfo).sliced(start, end - start);
        start = end + 1;
        if (!line.startsWith(name) || line.size() <= name.size() || line[name.size()] != ':')
            continue;
        QByteArrayView value = line.sliced(name.size() + 1).trimmed();
        if (value.endsWith("kB"))
            value.chop(2);
        bool ok = false;
        const double kib = value.trimmed().toDouble(&ok);
        if (ok)
            return kib;
        break;
    }
    fail(QCoreApplication::translate("TaskRunner::Samplers", "cannot read /proc/meminfo: no %1")
             .arg(QLatin1String(name)));
}

double loadAverage()
{
    const QByteArray loadavg = readProcFile(QStringLiteral("/proc/loadavg"));
    bool ok = false;
    const double load = loadavg.left(loadavg.indexOf(' ')).toDouble(&ok);
    if (!ok)
        fail(QCoreApplication::translate("TaskRunner::Samplers",
                                         "cannot read /proc/loadavg: unexpected contents"));
    return load;
}

double memoryInUse()
{
    const QByteArray meminfo = readProcFile(QStringLiteral("/proc/meminfo"));
    return (meminfoKiB(meminfo, "MemTotal") - meminfoKiB(meminfo, "MemAvailable")) / 1024.0;
}

double freeSpace(const QString &folder)
{
    if (folder.isEmpty())
        fail(QCoreApplication::translate("TaskRunner::Samplers",
                                         "no folder to measure the free space of"));
    const QFileInfo info(folder);
    if (!info.exists())
        fail(QCoreApplication::translate("TaskRunner::Samplers", "folder '%1' does not exist")
                 .arg(folder));
    if (!info.isDir())
        fail(QCoreApplication::translate("TaskRunner::Samplers", "'%1' is not a folder")
                 .arg(folder));
    const QStorageInfo storage(folder);
    if (!storage.isValid() || !storage.isReady())
        fail(QCoreApplication::translate("TaskRunner::Samplers",
                                         "cannot read the free space of '%1'")
                 .arg(folder));
    return double(storage.bytesAvailable()) / double(1 << 30);
}

} // namespace

GlobalWorker loadAverageSampler()
{
    return [](TaskContext &) { return QVariant(loadAverage()); };
}

GlobalWorker memoryInUseSampler()
{
    return [](TaskContext &) { return QVariant(memoryInUse()); };
}

GlobalWorker freeSpaceSampler(const QString &folder)
{
    return [folder](TaskContext &) { return QVariant(freeSpace(folder)); };
}

QList<SamplerKind> samplerKinds()
{
    return {SamplerKind::LoadAverage, SamplerKind::MemoryInUse, SamplerKind::FreeSpace};
}

QString samplerId(SamplerKind kind)
{
    switch (kind) {
    case SamplerKind::LoadAverage:
        return QStringLiteral("load-average");
    case SamplerKind::MemoryInUse:
        return QStringLiteral("memory");
    case SamplerKind::FreeSpace:
        return QStringLiteral("free-space");
    }
    return {};
}

std::optional<SamplerKind> samplerFromId(QStringView id)
{
    for (SamplerKind kind : samplerKinds()) {
        if (samplerId(kind) == id)
            return kind;
    }
    return std::nullopt;
}

QString samplerName(SamplerKind kind)
{
    switch (kind) {
    case SamplerKind::LoadAverage:
        return QCoreApplication::translate("TaskRunner::Samplers", "Load average (1 min)");
    case SamplerKind::MemoryInUse:
        return QCoreApplication::translate("TaskRunner::Samplers", "Memory in use");
    case SamplerKind::FreeSpace:
        return QCoreApplication::translate("TaskRunner::Samplers", "Free space");
    }
    return {};
}

QString samplerUnit(SamplerKind kind)
{
    switch (kind) {
    case SamplerKind::LoadAverage:
        return {};
    case SamplerKind::MemoryInUse:
        return QStringLiteral("MiB");
    case SamplerKind::FreeSpace:
        return QStringLiteral("GiB");
    }
    return {};
}

int samplerDecimals(SamplerKind kind)
{
    return kind == SamplerKind::MemoryInUse ? 1 : 2;
}

bool samplerNeedsFolder(SamplerKind kind)
{
    return kind == SamplerKind::FreeSpace;
}

QString samplerKey(SamplerKind kind, const QString &folder)
{
    if (!samplerNeedsFolder(kind))
        return samplerId(kind);
    const QString path =
        folder.isEmpty() ? folder : QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    return samplerId(kind) + u':' + path;
}

GlobalWorker samplerWorker(SamplerKind kind, const QString &folder)
{
    switch (kind) {
    case SamplerKind::LoadAverage:
        return loadAverageSampler();
    case SamplerKind::MemoryInUse:
        return memoryInUseSampler();
    case SamplerKind::FreeSpace:
        return freeSpaceSampler(folder);
    }
    return {};
}

} // namespace TaskRunner
