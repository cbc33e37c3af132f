#pragma once

#include <TaskRunner/taskrunnerworkers_export.h>

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace TaskRunner {

/// A command as the user gave it: what runs (program and arguments, never through a shell unless
/// useShell), where, and the line as typed. A plain value; it travels in a QVariant as a session
/// task or a watch's source.
struct TASKRUNNER_WORKERS_EXPORT CommandSpec
{
    QString program;          ///< a path, or a name looked up in PATH
    QStringList arguments;    ///< passed as they are: no expansion, no globbing
    QString workingDirectory; ///< empty: the application's own
    bool useShell = false;    ///< runs `/bin/sh -c line` (program and arguments say so)
    QString line;             ///< as the user typed it; may be empty for a spec built in code

    /// Splits `line` into words as a POSIX shell does (blanks separate words; '…' and "…"
    /// quote, a backslash escapes), without expanding anything and without running a shell.
    /// With `useShell`, the line is not split: the spec runs `/bin/sh -c line`. An empty line,
    /// one that names no program or an unclosed quote gives an invalid spec and the reason in
    /// `error`.
    static CommandSpec fromLine(const QString &line, bool useShell = false,
                                QString *error = nullptr);

    /// Something to run: a program is set.
    bool isValid() const { return !program.isEmpty(); }

    /// The line as typed, or, for a spec built in code, the program and arguments quoted so that
    /// fromLine() gives them back.
    QString displayText() const;

    /// For saving on disk: every field, and the version of the format.
    QVariantMap toVariantMap() const;
    /// The spec that toVariantMap() saved. Checks every field: a map that is not one of ours
    /// (wrong types, a newer version, nothing to run) gives an invalid spec and the reason in
    /// `error`. A shell command, or one saved without a program, is made again from its line,
    /// so that what runs always follows from the line.
    static CommandSpec fromVariantMap(const QVariantMap &map, QString *error = nullptr);

    /// `word` quoted for a POSIX shell when it needs it, as displayText() quotes arguments.
    static QString quoted(const QString &word);

    /// True when every field is the same.
    friend bool operator==(const CommandSpec &a, const CommandSpec &b)
    {
        return a.program == b.program && a.arguments == b.arguments &&
               a.workingDirectory == b.workingDirectory && a.useShell == b.useShell &&
               a.line == b.line;
    }
    /// True when a field differs.
    friend bool operator!=(const CommandSpec &a, const CommandSpec &b) { return !(a == b); }
};

} // namespace TaskRunner

Q_DECLARE_METATYPE(TaskRunner::CommandSpec)
