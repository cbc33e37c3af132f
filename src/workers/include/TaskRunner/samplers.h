#pragma once

#include <TaskRunner/globalrunner.h>
#include <TaskRunner/taskrunnerworkers_export.h>

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace TaskRunner {

/// \name Samplers
/// Global workers that read the system without starting a process. Each run returns a double;
/// what cannot be read throws (a std::runtime_error), with the reason. They keep no state but
/// the folder and do not use the context (a run is one quick read): thread-safe, for any runner.
///@{

/// The load average of the last minute, from /proc/loadavg.
TASKRUNNER_WORKERS_EXPORT GlobalWorker loadAverageSampler();
/// Memory in use, MemTotal - MemAvailable from /proc/meminfo, in MiB.
TASKRUNNER_WORKERS_EXPORT GlobalWorker memoryInUseSampler();
/// Space available to this user on the file system that holds `folder`, in GiB (2^30 bytes).
/// A folder that does not exist throws.
TASKRUNNER_WORKERS_EXPORT GlobalWorker freeSpaceSampler(const QString &folder);
///@}

/// The samplers, for a list to choose from.
enum class SamplerKind : quint8 {
    LoadAverage, ///< loadAverageSampler()
    MemoryInUse, ///< memoryInUseSampler()
    FreeSpace    ///< freeSpaceSampler(), for a folder
};

/// Every kind, in the order to show them.
TASKRUNNER_WORKERS_EXPORT QList<SamplerKind> samplerKinds();
/// "load-average", "memory", "free-space": stable ids, for settings and keys.
TASKRUNNER_WORKERS_EXPORT QString samplerId(SamplerKind kind);
/// The kind that samplerId() names, or std::nullopt.
TASKRUNNER_WORKERS_EXPORT std::optional<SamplerKind> samplerFromId(QStringView id);
/// "Load average (1 min)", "Memory in use", "Free space", through QCoreApplication::translate()
/// (context "TaskRunner::Samplers"), as the samplers' errors are.
TASKRUNNER_WORKERS_EXPORT QString samplerName(SamplerKind kind);
/// "MiB" and "GiB"; empty for the load average, which has no unit.
TASKRUNNER_WORKERS_EXPORT QString samplerUnit(SamplerKind kind);
/// The decimals a value of the kind is worth showing with: 2 for the load average (as uptime
/// shows it) and the free space in GiB, 1 for the memory in MiB.
TASKRUNNER_WORKERS_EXPORT int samplerDecimals(SamplerKind kind);
/// Only the free space needs a folder.
TASKRUNNER_WORKERS_EXPORT bool samplerNeedsFolder(SamplerKind kind);
/// The key of a global runner for the sampler: its id, and for the free space the folder too,
/// absolute and cleaned ("free-space:/home"), so that each folder is its own watch.
TASKRUNNER_WORKERS_EXPORT QString samplerKey(SamplerKind kind, const QString &folder = {});
/// The worker for a kind; `folder` is for the free space and ignored by the others.
TASKRUNNER_WORKERS_EXPORT GlobalWorker samplerWorker(SamplerKind kind, const QString &folder = {});

} // namespace TaskRunner
