#pragma once

#include <QLoggingCategory>

// Off by default; enable with QT_LOGGING_RULES="taskrunner.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcGlobal)
