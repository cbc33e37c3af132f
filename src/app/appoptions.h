#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <chrono>

// What the command line can set. Defaults are the reference's.
struct AppOptions
{
    Q_DECLARE_TR_FUNCTIONS(AppOptions)

public:
    int sessions = 1;         // windows opened at start, 1-64
    double interval = -1;     // seconds; < 0: the saved value or 0.33
    double taskSeconds = 1.0; // how long the example tasks take
    QString globalKey = QStringLiteral("example-worker");
    double shutdownGrace = 2.0; // seconds quitting waits for busy workers
    int tasks = 0;              // example tasks queued in each window at start
    QStringList commands;       // --task: command lines queued in the first window
    bool exitAfterFirstFrame = false;
    bool restore = true;      // reopen the sessions of the last run (--no-restore: not)
    bool newInstance = false; // run as an instance of its own, not in the running one
    // Restore and save the sessions. Not an option: off for a --new-instance run beside a running
    // instance, whose sessions they are.
    bool ownsSessions = true;

    bool hasInterval() const { return interval > 0; }
    std::chrono::milliseconds taskDuration() const;
    std::chrono::milliseconds shutdownGraceDuration() const;

    enum class Outcome { Run, ShowHelp, ShowVersion, Error };
    struct ParseResult
    {
        Outcome outcome = Outcome::Run;
        QString text; // help or version text, or one line naming the option and what is allowed
    };
    // Parses `arguments` (argv, program name first) into `options`.
    static ParseResult parse(const QStringList &arguments, AppOptions &options);

    static constexpr int maximumSessions = 64;
    static constexpr int maximumTasks = 10000;
    static constexpr double maximumTaskSeconds = 86400;
    static constexpr double maximumShutdownGrace = 600;
};
