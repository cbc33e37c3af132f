#include <TaskRunner/sessionstore.h>

#include "sessionwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QSet>
#include <QStandardPaths>
#include <QThread>

#include <cstdio>
#include <mutex>

namespace TaskRunner {

namespace {

enum class Read { Missing, Ok, Unreadable, Damaged };

Read readFile(const QString &path, QList<SavedSession> &sessions, bool &clean, QString &error)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return Read::Missing;
    if (!info.isFile()) {
        // A FIFO would block the open until something writes to it; a folder cannot be read.
        error = info.isDir()
                    ? QCoreApplication::translate("TaskRunner::SessionStore", "it is a folder")
                    : QCoreApplication::translate("TaskRunner::SessionStore",
                                                  "it is not a regular file");
        return Read::Unreadable;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return Read::Unreadable;
    }
    return SessionFile::parse(file.readAll(), sessions, clean) ? Read::Ok : Read::Damaged;
}

QString setAside(const QString &path, const QString &why = QStringLiteral("corrupt"))
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    const QString base = path + QLatin1Char('.') + why + QLatin1Char('-') + stamp;
    QString aside = base;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = base + QLatin1Char('-') + QString::number(n);
    return QFile::rename(path, aside) ? aside : QString();
}

} // namespace

SessionStore::SessionStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_shared(std::make_shared<SessionShared>())
    , m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(QStringLiteral("sessions"));
    m_writer = new SessionWriter(path, coalesceMs, m_shared);
    m_writer->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &SessionWriter::statusChanged, this, &SessionStore::statusChanged);
    m_thread->start();
}

SessionStore::~SessionStore()
{
    QMetaObject::invokeMethod(m_writer, &SessionWriter::finish, Qt::QueuedConnection);
    m_thread->wait();
}

QString SessionStore::defaultPath()
{
    // $XDG_DATA_HOME/taskrunner, beside the settings' $XDG_CONFIG_HOME/taskrunner (the
    // organization's folder, as QSettings uses it), not AppDataLocation's taskrunner/taskrunner.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/taskrunner/sessions.json");
}

QString SessionStore::path() const
{
    return m_path;
}

QString SessionStore::keptPath() const
{
    return m_path + QStringLiteral(".kept");
}

SessionRestore SessionStore::load()
{
    SessionRestore restore;
    QString error;
    bool clean = true;
    switch (readFile(m_path, restore.sessions, clean, error)) {
    case Read::Missing:
        break;
    case Read::Ok:
        restore.found = true;
        restore.cleanShutdown = clean;
        break;
    case Read::Unreadable: {
        // Set aside (a folder is left alone), so that this run's sessions do not overwrite
        // what the user may still get back; where it cannot be moved, it cannot be overwritten
        // either.
        const QString aside =
            QFileInfo(m_path).isDir() ? QString() : setAside(m_path, QStringLiteral("unreadable"));
        restore.notice =
            aside.isEmpty()
                ? tr("The sessions of the last run cannot be read: %1.").arg(error)
                : tr("The sessions of the last run cannot be read (%1); the file was set aside "
                     "as %2.")
                      .arg(error, QDir::toNativeSeparators(aside));
        break;
    }
    case Read::Damaged: {
        const QString aside = setAside(m_path);
        restore.found = true;
        restore.cleanShutdown = false;
        restore.notice =
            aside.isEmpty()
                ? tr("The saved sessions in %1 are damaged; nothing was restored.")
                      .arg(QDir::toNativeSeparators(m_path))
                : tr("The saved sessions were damaged and were set aside as %1; nothing was "
                     "restored.")
                      .arg(QDir::toNativeSeparators(aside));
        break;
    }
    }
    bool keptClean = true;
    QList<SavedSession> kept;
    const Read keptRead = readFile(keptPath(), kept, keptClean, error);
    if (keptRead == Read::Ok) {
        // keepForLater() may have been cut short after writing the kept file: no duplicates.
        QSet<QString> ids;
        for (const SavedSession &session : std::as_const(restore.sessions))
            ids.insert(session.id);
        for (const SavedSession &session : std::as_const(kept)) {
            if (!ids.contains(session.id))
                restore.kept.append(session);
        }
    } else if (keptRead == Read::Damaged) {
        setAside(keptPath());
    }
    return restore;
}

void SessionStore::changed()
{
    // Called with the mutex held: one post per burst of changes.
    if (!std::exchange(m_shared->scheduled, true))
        QMetaObject::invokeMethod(m_writer, &SessionWriter::schedule, Qt::QueuedConnection);
}

void SessionStore::setSessions(const QList<SavedSession> &sessions)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->sessions = sessions;
    ++m_shared->version;
    changed();
}

void SessionStore::updateSession(const SavedSession &session)
{
    std::lock_guard lock(m_shared->mutex);
    auto it = std::find_if(m_shared->sessions.begin(), m_shared->sessions.end(),
                           [&](const SavedSession &s) { return s.id == session.id; });
    if (it != m_shared->sessions.end())
        *it = session;
    else
        m_shared->sessions.append(session);
    ++m_shared->version;
    changed();
}

void SessionStore::removeSession(const QString &id)
{
    std::lock_guard lock(m_shared->mutex);
    const auto removed =
        m_shared->sessions.removeIf([&](const SavedSession &session) { return session.id == id; });
    if (removed == 0)
        return;
    ++m_shared->version;
    changed();
}

QList<SavedSession> SessionStore::sessions() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->sessions;
}

QFuture<void> SessionStore::flush()
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> future = promise->future();
    {
        std::lock_guard lock(m_shared->mutex);
        if (m_shared->writtenVersion < m_shared->version) {
            m_shared->flushes.emplace_back(m_shared->version, std::move(promise));
            return future;
        }
    }
    promise->finish();
    return future;
}

bool SessionStore::finish()
{
    bool ok = false;
    QMetaObject::invokeMethod(m_writer, &SessionWriter::writeClean, Qt::BlockingQueuedConnection,
                              &ok);
    return ok;
}

bool SessionStore::keepForLater()
{
    QList<SavedSession> last;
    QList<SavedSession> kept;
    bool clean = true;
    QString error;
    if (readFile(m_path, last, clean, error) != Read::Ok || last.isEmpty())
        return true;
    readFile(keptPath(), kept, clean, error);
    QSet<QString> ids;
    for (const SavedSession &session : std::as_const(kept))
        ids.insert(session.id);
    for (const SavedSession &session : std::as_const(last)) {
        if (!ids.contains(session.id))
            kept.append(session);
    }
    // The kept file is whole on disk before the last run's file goes.
    if (!SessionFile::writeAtomically(keptPath(), SessionFile::serialize(kept, true), error))
        return false;
    return QFile::remove(m_path);
}

bool SessionStore::forgetKept()
{
    return !QFile::exists(keptPath()) || QFile::remove(keptPath());
}

int SessionStore::writeCount() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->writeCount;
}

QString SessionStore::statusMessage() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->message;
}

} // namespace TaskRunner
