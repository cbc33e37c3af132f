#pragma once

#include <TaskRunner/taskrunnerworkers_export.h>

#include <QByteArray>
#include <QException>
#include <QString>

namespace TaskRunner {

/// How a command failed, as the command worker throws it. what() is the message a user reads
/// ("exit status 3: no such file", "killed by SIGTERM", "cannot run 'x': No such file or
/// directory"), in UTF-8. A QException, so a future of the task carries it as it is. A plain
/// value: copies may go to any thread.
class TASKRUNNER_WORKERS_EXPORT CommandError : public QException
{
public:
    /// Why the command failed.
    enum class Reason : quint8 {
        CannotStart, ///< the program or its folder could not be used, or there was no command to
                     ///< run; nothing ran
        ExitStatus,  ///< it exited with a status other than 0 (or was cancelled and exited)
        Signal,      ///< a signal ended it
        Cancelled,   ///< cancelled before it started
    };

    /// An error for `reason` with the `message` a user reads (kept in UTF-8, for what()).
    /// `code` is the exit status (ExitStatus) or the signal's number (Signal), 0 otherwise.
    CommandError(Reason reason, const QString &message, int code = 0);

    /// Why the command failed.
    Reason reason() const { return m_reason; }
    /// The exit status (Reason::ExitStatus) or the signal's number (Reason::Signal); 0 otherwise.
    int code() const { return m_code; }
    /// The message, decoded from what()'s UTF-8.
    QString message() const { return QString::fromUtf8(m_what); }
    /// The message in UTF-8; valid as long as this error lives.
    const char *what() const noexcept override { return m_what.constData(); }

    /// Throws a copy of this error: how a QFuture rethrows it to the thread that reads the
    /// result.
    void raise() const override;
    /// A copy on the heap, for a QFuture to carry the error between threads; the caller owns it.
    CommandError *clone() const override;

private:
    Reason m_reason;
    int m_code;
    QByteArray m_what;
};

} // namespace TaskRunner
