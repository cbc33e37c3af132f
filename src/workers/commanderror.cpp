#include <TaskRunner/commanderror.h>

namespace TaskRunner {

CommandError::CommandError(Reason reason, const QString &message, int code)
    : m_reason(reason)
    , m_code(code)
    , m_what(message.toUtf8())
{}

void CommandError::raise() const
{
    throw *this;
}

CommandError *CommandError::clone() const
{
    return new CommandError(*this);
}

} // namespace TaskRunner
