// filecrunch: prints the SHA-256 of every file named on its command line, in the format of
// sha256sum. The files are hashed one after the other on the thread of a
// TaskRunner::SessionRunner; the main thread only prints the progress of the running file and
// each result. Ctrl+C cancels the running file, drops the waiting ones and exits with 130.
//
//   filecrunch FILE...

#include <TaskRunner/runnerwatcher.h>
#include <TaskRunner/sessionrunner.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <sys/signalfd.h>
#include <unistd.h>

// The worker: runs on the runner's thread, once per task. The task is a file name.
static QVariant sha256(const QVariant &task, TaskRunner::TaskContext &context)
{
    QFile file(task.toString());
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(file.errorString().toStdString()); // this task fails, not the next
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(1 << 16, Qt::Uninitialized);
    for (qint64 done = 0;;) {
        // Cancelled (Ctrl+C): leave between two chunks. A task that throws after being
        // cancelled is recorded as cancelled.
        if (context.isCancelled())
            throw std::runtime_error("cancelled");
        const qint64 read = file.read(chunk.data(), chunk.size());
        if (read < 0)
            throw std::runtime_error(file.errorString().toStdString());
        if (read == 0)
            break;
        hash.addData(QByteArrayView(chunk.constData(), read));
        done += read;
        context.setProgress(done, file.size()); // cheap: the watcher coalesces it
    }
    return QString::fromLatin1(hash.result().toHex());
}

int main(int argc, char *argv[])
{
    // SIGINT arrives as data on a file descriptor, read by the event loop. It is blocked first,
    // before any thread starts, so that every thread inherits the mask.
    sigset_t sigint;
    sigemptyset(&sigint);
    sigaddset(&sigint, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigint, nullptr);
    const int signalFd = signalfd(-1, &sigint, SFD_NONBLOCK | SFD_CLOEXEC);
    if (signalFd == -1) {
        std::perror("filecrunch: signalfd");
        return 1;
    }

    QCoreApplication app(argc, argv);
    const QStringList files = app.arguments().mid(1);
    if (files.isEmpty()) {
        std::fprintf(stderr, "usage: filecrunch FILE...\n");
        return 2;
    }

    TaskRunner::SessionRunner runner = TaskRunner::SessionRunner::create(&sha256);
    for (const QString &file : files)
        runner.append(file);

    int status = 0;
    qsizetype ended = 0;
    quint64 nextRecord = 1;
    const bool terminal = isatty(STDERR_FILENO);

    // Tells this thread when the runner changed, at most once per few milliseconds however
    // often the worker reports progress. Everything is read from the runner in the slot.
    TaskRunner::RunnerWatcher watcher;
    QObject::connect(&watcher, &TaskRunner::RunnerWatcher::stateChanged, &app, [&] {
        const TaskRunner::TaskRecordBatch batch = runner.records(nextRecord);
        nextRecord = batch.nextSequence;
        ended += qsizetype(batch.dropped) + batch.records.size();
        for (const TaskRunner::TaskRecord &record : batch.records) {
            const QByteArray name = record.task.toString().toLocal8Bit();
            if (terminal)
                std::fprintf(stderr, "\r\033[K");
            if (record.state == TaskRunner::TaskState::Done) {
                std::printf("%s  %s\n", qPrintable(record.result.toString()), name.constData());
                std::fflush(stdout);
            } else if (record.state == TaskRunner::TaskState::Failed) {
                std::fprintf(stderr, "filecrunch: %s: %s\n", name.constData(),
                             qPrintable(record.errorMessage));
                status = 1;
            }
        }
        const TaskRunner::SessionRunnerState state = runner.state();
        if (terminal && state.busy && state.progressMaximum > 0) {
            std::fprintf(stderr, "\r\033[K%3lld%% %s",
                         state.progressValue * 100 / state.progressMaximum,
                         qPrintable(state.runningTask.toString()));
        }
        if (ended == files.size())
            runner.stop(); // done: the thread ends, then finished() quits
    });
    // The runner's thread is done: after the last file, or after Ctrl+C.
    QObject::connect(&watcher, &TaskRunner::RunnerWatcher::finished, &app,
                     [&] { app.exit(status); });
    watcher.setRunner(runner);

    QSocketNotifier interrupt(signalFd, QSocketNotifier::Read);
    QObject::connect(&interrupt, &QSocketNotifier::activated, &app, [&] {
        signalfd_siginfo info;
        [[maybe_unused]] const auto size = read(signalFd, &info, sizeof info);
        std::fprintf(stderr, "%sfilecrunch: interrupted\n", terminal ? "\r\033[K" : "");
        status = 130;
        // Returns at once: drops the waiting files and cancels the running one.
        runner.stop();
    });

    return app.exec();
}
