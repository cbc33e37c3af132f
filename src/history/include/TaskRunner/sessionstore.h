#pragma once

#include <TaskRunner/savedsession.h>
#include <TaskRunner/taskrunnerhistory_export.h>

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace TaskRunner {

class SessionWriter;
struct SessionShared;

// What load() found on disk.
struct TASKRUNNER_HISTORY_EXPORT SessionRestore
{
    QList<SavedSession> sessions; // saved by the last run, in the order they were given
    QList<SavedSession> kept;     // kept for later by runs that did not restore (keepForLater())
    bool found = false;           // the last run left a saved state
    bool cleanShutdown = true;    // it ended with finish(); false after a crash, kill -9, power cut
    QString notice;               // to tell the user once (a damaged file set aside), or empty
};

// The open sessions and their waiting tasks, kept on disk for the next launch. Changes are
// coalesced: at most one write per coalesceMs, the first one at once, so every change is on disk
// within about coalesceMs plus one write. A write that took longer than coalesceMs / 2 (a queue
// of 10^6 tasks takes seconds) is followed by a pause of twice its time, so that the store's
// thread writes at most a third of the time. A write is atomic and durable (a temporary file,
// fsync, rename, fsync of the folder): after a crash or power cut at any moment the file holds
// either the previous or the new state, never a torn one. Writes run on the store's own
// thread; the setters are thread-safe and never block.
//
// The file is JSON (mode 0600, folder 0700). Loading never deletes it: a run started without
// restoring calls keepForLater() to move it aside for a later run, or simply overwrites it.
class TASKRUNNER_HISTORY_EXPORT SessionStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int coalesceMs = 50;

    explicit SessionStore(const QString &path, QObject *parent = nullptr);
    // Writes a change still pending, then ends the store's thread (waits for both).
    ~SessionStore() override;

    // $XDG_DATA_HOME/taskrunner/sessions.json (QStandardPaths::GenericDataLocation).
    static QString defaultPath();
    QString path() const;
    // Where keepForLater() keeps sessions: path() + ".kept".
    QString keptPath() const;

    // Reads what the last run saved, on the caller's thread (a small file, read at start-up).
    // A file that cannot be parsed is renamed to <path>.corrupt-<yyyyMMdd-hhmmss>, told in
    // SessionRestore::notice, and nothing is restored from it.
    SessionRestore load();

    // Thread-safe, never block; the state is written within about coalesceMs.
    void setSessions(const QList<SavedSession> &sessions);
    // Replaces the session with the same id, or appends it.
    void updateSession(const SavedSession &session);
    void removeSession(const QString &id);
    QList<SavedSession> sessions() const;

    // Finishes when every change made before the call is on disk (or its write failed).
    QFuture<void> flush();
    // Writes the current state now, marked as a clean shutdown, and returns when it is on
    // disk. For quitting; blocks the caller for one small write. Not from the store's thread.
    bool finish();

    // Moves what the last run saved into keptPath() (added to what is kept there), so that
    // this run's state does not overwrite it. For a start with --no-restore.
    bool keepForLater();
    // Deletes keptPath() (after its sessions were restored and saved again).
    bool forgetKept();

    // Files written so far by this store.
    int writeCount() const;
    // Empty while writing works; else why the sessions cannot be saved (told once).
    QString statusMessage() const;

Q_SIGNALS:
    void statusChanged();

private:
    void changed();

    const QString m_path;
    std::shared_ptr<SessionShared> m_shared;
    std::unique_ptr<QThread> m_thread;
    SessionWriter *m_writer = nullptr; // lives in m_thread, deleted when it finishes
};

} // namespace TaskRunner
