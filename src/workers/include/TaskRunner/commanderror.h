#pragma once

#include <TaskRunner/taskrunnerworkers_export.h>

#include <QByteArray>
#include <QException>
#include <QString>

namespace TaskRunner {

// How a command failed, as the command worker throws it. what() is the message a user reads
// ("exit status 3: no such file", "killed by SIGTERM", "cannot run 'x': No such file or
// directory"), in UTF-8. A QException, so a future of the task carries it as it is.
class TASKRUNNER_WORKERS_EXPORT CommandError : public QException
{
public:
    enum class Reason : quint8 {
        CannotStart, // the program or its folder could not be used; nothing ran
        ExitStatus,  // it exited with a status other than 0 (or was cancelled and exited)
        Signal,      // a signal ended it
        Cancelled,   // cancelled before it started
    };

    // `code` is the exit status (ExitStatus) or the signal's number (Signal), 0 otherwise.
    CommandError(Reason reason, const QString &message, int code = 0);

    Reason reason() const { return m_reason; }
    int code() const { return m_code; }
    QString message() const { return QString::fromUtf8(m_what); }
    const char *what() const noexcept override { return m_what.constData(); }

    void raise() const override;
    CommandError *clone() const override;

private:
    Reason m_reason;
    int m_code;
    QByteArray m_what;
};

} // namespace TaskRunner
