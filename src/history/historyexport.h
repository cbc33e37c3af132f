#pragma once

#include <TaskRunner/historyentry.h>

namespace TaskRunner {

class HistoryDatabase;

// Export of the history, run on the store's thread.
namespace HistoryExport {

enum class Format { Csv, Json };

// Writes the entries matching `filter`, newest first, to `path` (replaced atomically).
HistoryExportResult write(HistoryDatabase &database, const QString &path,
                          const HistoryFilter &filter, Format format);

// The column names of a CSV export, in order; the JSON keys are the same.
QStringList columns();

} // namespace HistoryExport
} // namespace TaskRunner
