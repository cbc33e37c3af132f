#pragma once

#include <TaskRunner/savedsession.h>

#include <QElapsedTimer>
#include <QObject>
#include <QPromise>
#include <QTimer>

#include <initializer_list>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace TaskRunner {

// What SessionStore (any thread) and its writer (the store's thread) share, under `mutex` (a
// std::mutex, so ThreadSanitizer sees every hand-over).
struct SessionShared
{
    mutable std::mutex mutex;
    QList<SavedSession> sessions;
    quint64 version = 0;        // changes so far
    quint64 writtenVersion = 0; // the change the file holds (or whose write failed)
    bool scheduled = false;     // a write is scheduled
    std::vector<std::pair<quint64, std::shared_ptr<QPromise<void>>>> flushes;
    int writeCount = 0;
    QString message;
};

namespace SessionFile {
// The file's bytes for `sessions`.
QByteArray serialize(const QList<SavedSession> &sessions, bool cleanShutdown);
// The same in two steps: the sessions' part (the value of the root's "sessions", as deep as it
// is in the file), then the file around it (cheap).
QByteArray serializeSessions(const QList<SavedSession> &sessions);
struct Frame
{
    QByteArray before; // the file up to the sessions' part
    QByteArray after;  // and after it
};
Frame frame(bool cleanShutdown);
QByteArray assemble(const QByteArray &sessionsJson, bool cleanShutdown);
// Parses a file; false if it is not a saved-sessions file.
bool parse(const QByteArray &bytes, QList<SavedSession> &sessions, bool &cleanShutdown);
// Temporary file, fsync, rename over `path`, fsync of the folder; mode 0600, folder 0700.
bool writeAtomically(const QString &path, const QByteArray &bytes, QString &error);
// The same for the file made of `pieces`, one after the other.
bool writeAtomically(const QString &path, std::initializer_list<QByteArrayView> pieces,
                     QString &error);
} // namespace SessionFile

// Lives on the store's thread and writes the state, at most once per coalesceMs.
class SessionWriter : public QObject
{
    Q_OBJECT

public:
    SessionWriter(const QString &path, int coalesceMs, std::shared_ptr<SessionShared> shared);

    // A change was made: writes now, or when coalesceMs have passed since the last write.
    void schedule();
    // Writes the current state if it changed since the last write (or always, when clean).
    bool writeNow(bool cleanShutdown = false);
    // Writes the current state, marked as a clean shutdown.
    bool writeClean() { return writeNow(true); }
    // The last job: writes a pending change, then ends the thread.
    void finish();

Q_SIGNALS:
    void statusChanged();

private:
    const QString m_path;
    const int m_coalesceMs;
    const std::shared_ptr<SessionShared> m_shared;
    QTimer m_timer;
    QElapsedTimer m_sinceWrite;
    qint64 m_lastWriteMs = 0; // how long the last write took, serializing included
    // The sessions' part of the last file written and the change it shows: a write that only
    // marks the shutdown clean does not convert them again.
    QByteArray m_serialized;
    quint64 m_serializedVersion = 0;
};

} // namespace TaskRunner
