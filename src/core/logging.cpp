#include "logging.h"

namespace TaskRunner::detail {
Q_LOGGING_CATEGORY(lcSession, "taskrunner.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGlobal, "taskrunner.global", QtInfoMsg)
} // namespace TaskRunner::detail
