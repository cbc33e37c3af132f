#include "sessionwriter.h"
#include "privatefolder.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace TaskRunner {

namespace {

const char formatName[] = "taskrunner-sessions";
constexpr int formatVersion = 1;

} // namespace

namespace SessionFile {

QByteArray serializeSessions(const QList<SavedSession> &sessions)
{
    QJsonArray array;
    for (const SavedSession &session : sessions)
        array.append(session.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray assemble(const QByteArray &sessionsJson, bool cleanShutdown)
{
    // The root with an empty text where the sessions go, then the sessions' own text put there,
    // one level deeper: the bytes QJsonDocument gives for the whole, without converting the
    // sessions again for a write that changes only the flag.
    const QJsonObject root{
        {QLatin1String("format"), QLatin1String(formatName)},
        {QLatin1String("version"), formatVersion},
        {QLatin1String("cleanShutdown"), cleanShutdown},
        {QLatin1String("savedMs"), double(QDateTime::currentMSecsSinceEpoch())},
        {QLatin1String("sessions"), QString()},
    };
    const QByteArray frame = QJsonDocument(root).toJson(QJsonDocument::Indented);
    const QByteArray placeholder = "\"sessions\": \"\"";
    const qsizetype at = frame.indexOf(placeholder);
    if (at < 0) { // never with QJsonDocument's layout; still a whole file if it changed
        QJsonObject whole = root;
        whole.insert(QLatin1String("sessions"), QJsonDocument::fromJson(sessionsJson).array());
        return QJsonDocument(whole).toJson(QJsonDocument::Indented);
    }
    const qsizetype valueAt = at + placeholder.size() - 2; // where the empty text's quotes are
    QByteArrayView body(sessionsJson);
    if (body.endsWith('\n'))
        body.chop(1);
    QByteArray bytes;
    bytes.reserve(frame.size() + body.size() + body.size() / 4);
    bytes.append(frame.constData(), valueAt);
    qsizetype from = 0;
    for (qsizetype newline; (newline = body.indexOf('\n', from)) >= 0; from = newline + 1) {
        bytes.append(body.data() + from, newline + 1 - from);
        bytes.append("    ", 4);
    }
    bytes.append(body.data() + from, body.size() - from);
    bytes.append(frame.constData() + valueAt + 2, frame.size() - valueAt - 2);
    return bytes;
}

QByteArray serialize(const QList<SavedSession> &sessions, bool cleanShutdown)
{
    return assemble(serializeSessions(sessions), cleanShutdown);
}

bool parse(const QByteArray &bytes, QList<SavedSession> &sessions, bool &cleanShutdown)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject root = document.object();
    // Later versions only add fields, so a newer file is read like this one.
    if (root.value(QLatin1String("format")).toString() != QLatin1String(formatName) ||
        root.value(QLatin1String("version")).toInt() < 1 ||
        !root.value(QLatin1String("sessions")).isArray())
        return false;
    QList<SavedSession> read;
    const QJsonArray array = root.value(QLatin1String("sessions")).toArray();
    for (const QJsonValue &value : array) {
        SavedSession session;
        if (!value.isObject() || !SavedSession::fromJson(value.toObject(), session))
            return false;
        read.append(session);
    }
    sessions = read;
    cleanShutdown = root.value(QLatin1String("cleanShutdown")).toBool();
    return true;
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString &error)
{
    const QFileInfo info(path);
    if (!detail::ensurePrivateFolder(info.absolutePath(), error))
        return false;
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = target + ".tmp-" + QByteArray::number(qint64(::getpid()));
    const int fd =
        ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        error = detail::errnoText(errno);
        return false;
    }
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            error = detail::errnoText(n < 0 ? errno : ENOSPC);
            ::close(fd);
            ::unlink(temporary.constData());
            return false;
        }
        done += n;
    }
    // The data must be on disk before the rename makes it the file: else a power cut could
    // leave a renamed but empty file.
    if (::fsync(fd) != 0) {
        error = detail::errnoText(errno);
        ::close(fd);
        ::unlink(temporary.constData());
        return false;
    }
    ::close(fd);
    if (::rename(temporary.constData(), target.constData()) != 0) {
        error = detail::errnoText(errno);
        ::unlink(temporary.constData());
        return false;
    }
    // And the rename itself is durable once the folder is synced.
    const int folder = ::open(QFile::encodeName(info.absolutePath()).constData(),
                              O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return true;
}

} // namespace SessionFile

SessionWriter::SessionWriter(const QString &path, int coalesceMs,
                             std::shared_ptr<SessionShared> shared)
    : m_path(path)
    , m_coalesceMs(coalesceMs)
    , m_shared(std::move(shared))
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { writeNow(); });
}

void SessionWriter::schedule()
{
    if (m_timer.isActive())
        return;
    // After a slow write (a queue of a million tasks takes seconds) the pause is twice as long
    // as the write: the thread writes a third of the time at most, not without end while such
    // a queue runs.
    const qint64 pause = qMax<qint64>(m_coalesceMs, 2 * m_lastWriteMs);
    const qint64 since = m_sinceWrite.isValid() ? m_sinceWrite.elapsed() : pause;
    m_timer.start(int(std::clamp<qint64>(pause - since, 0, 60'000)));
}

void SessionWriter::finish()
{
    writeNow();
    // Ends the thread only now: a quit() from outside could end it before this job ran.
    thread()->quit();
}

bool SessionWriter::writeNow(bool cleanShutdown)
{
    m_timer.stop();
    QElapsedTimer writing;
    writing.start();
    QList<SavedSession> sessions;
    quint64 version = 0;
    bool stale = false; // the cached sessions' part is not this version's
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->scheduled = false;
        if (m_shared->writtenVersion == m_shared->version && !cleanShutdown)
            return true;
        stale = m_serializedVersion != m_shared->version || m_serialized.isNull();
        if (stale)
            sessions = m_shared->sessions;
        version = m_shared->version;
    }
    if (stale) {
        m_serialized = SessionFile::serializeSessions(sessions);
        m_serializedVersion = version;
    }
    QString error;
    const bool ok = SessionFile::writeAtomically(
        m_path, SessionFile::assemble(m_serialized, cleanShutdown), error);
    m_lastWriteMs = writing.elapsed();
    m_sinceWrite.start();
    std::vector<std::shared_ptr<QPromise<void>>> due;
    bool tell = false;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->writtenVersion = version;
        if (ok) {
            ++m_shared->writeCount;
            tell = !m_shared->message.isEmpty();
            m_shared->message.clear();
        } else {
            tell = m_shared->message.isEmpty();
            m_shared->message = tr("Open sessions cannot be saved for the next launch: %1 (%2).")
                                    .arg(m_path, error);
        }
        for (auto it = m_shared->flushes.begin(); it != m_shared->flushes.end();) {
            if (it->first <= version) {
                due.push_back(std::move(it->second));
                it = m_shared->flushes.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const auto &promise : due)
        promise->finish();
    if (tell)
        Q_EMIT statusChanged();
    return ok;
}

} // namespace TaskRunner
