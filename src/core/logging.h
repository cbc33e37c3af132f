#pragma once

#include <QLoggingCategory>

namespace TaskRunner::detail {
// Off by default; enable with QT_LOGGING_RULES="taskrunner.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcGlobal)
} // namespace TaskRunner::detail
