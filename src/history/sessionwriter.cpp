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

namespace {

// The sessions' text is written here directly, byte for byte what QJsonDocument::Indented
// gives for SavedSession::toJson() (keys in QJsonObject's sorted order, four spaces a level,
// QJsonDocument's escapes and numbers): a queue of a million tasks took 11 to 16 s through
// QJsonObject, each task an object of eight keys built and then walked again.
class IndentedWriter
{
public:
    explicit IndentedWriter(QByteArray &out)
        : m_out(out)
    {}

    void indent(int level) { m_out.append(4 * level, ' '); }

    void key(int level, const char *name)
    {
        indent(level);
        m_out.append('"').append(name).append("\": ");
    }

    void string(QStringView text)
    {
        m_out.append('"');
        escape(text);
        m_out.append('"');
    }

    // As QJsonValue(double) is written: the shortest text that reads back the same double.
    void number(double value)
    {
        if (qIsFinite(value))
            m_out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
        else
            m_out.append("null");
    }

    void integer(qint64 value) { m_out.append(QByteArray::number(value)); }
    void boolean(bool value) { m_out.append(value ? "true" : "false"); }
    void next(bool last) { m_out.append(last ? "\n" : ",\n"); }

    // QJsonDocument's escapes: the two JSON must-escapes and control characters as \b, \f,
    // \n, \r, \t or \u00xx; the rest as UTF-8, a lone surrogate (no UTF-8 for it) as \uxxxx.
    void escape(QStringView text)
    {
        static const char hex[] = "0123456789abcdef";
        const char16_t *at = text.utf16();
        const char16_t *const end = at + text.size();
        while (at != end) {
            const char16_t *plain = at;
            while (at != end && *at < 0x80 && *at >= 0x20 && *at != u'"' && *at != u'\\')
                ++at;
            if (at != plain) {
                const qsizetype from = m_out.size();
                m_out.resize(from + (at - plain));
                char *to = m_out.data() + from;
                for (; plain != at; ++plain)
                    *to++ = char(*plain);
            }
            if (at == end)
                break;
            const char16_t u = *at++;
            if (u < 0x80) {
                m_out.append('\\');
                switch (u) {
                case u'"':
                    m_out.append('"');
                    break;
                case u'\\':
                    m_out.append('\\');
                    break;
                case 0x8:
                    m_out.append('b');
                    break;
                case 0xc:
                    m_out.append('f');
                    break;
                case 0xa:
                    m_out.append('n');
                    break;
                case 0xd:
                    m_out.append('r');
                    break;
                case 0x9:
                    m_out.append('t');
                    break;
                default:
                    m_out.append("u00").append(hex[u >> 4]).append(hex[u & 0xf]);
                }
            } else if (QChar::isHighSurrogate(u) && at != end && QChar::isLowSurrogate(*at)) {
                const char32_t code = QChar::surrogateToUcs4(u, *at++);
                m_out.append(char(0xf0 | (code >> 18)))
                    .append(char(0x80 | ((code >> 12) & 0x3f)))
                    .append(char(0x80 | ((code >> 6) & 0x3f)))
                    .append(char(0x80 | (code & 0x3f)));
            } else if (QChar::isSurrogate(u)) {
                m_out.append("\\u")
                    .append(hex[u >> 12])
                    .append(hex[(u >> 8) & 0xf])
                    .append(hex[(u >> 4) & 0xf])
                    .append(hex[u & 0xf]);
            } else if (u < 0x800) {
                m_out.append(char(0xc0 | (u >> 6))).append(char(0x80 | (u & 0x3f)));
            } else {
                m_out.append(char(0xe0 | (u >> 12)))
                    .append(char(0x80 | ((u >> 6) & 0x3f)))
                    .append(char(0x80 | (u & 0x3f)));
            }
        }
    }

    // An object's value, `level` being the level of its own keys.
    void task(const SavedTask &task, int level)
    {
        m_out.append("{\n");
        key(level, "arguments");
        m_out.append("[\n");
        for (qsizetype i = 0; i < task.arguments.size(); ++i) {
            indent(level + 1);
            string(task.arguments.at(i));
            next(i + 1 == task.arguments.size());
        }
        indent(level);
        m_out.append("],\n");
        key(level, "commandLine");
        string(task.commandLine);
        next(false);
        key(level, "folder");
        string(task.folder);
        next(false);
        key(level, "kind");
        string(task.kind);
        next(false);
        key(level, "program");
        string(task.program);
        next(false);
        key(level, "queuedMs");
        number(double(task.queuedMs));
        next(false);
        key(level, "startedMs");
        number(double(task.startedMs));
        next(false);
        key(level, "useShell");
        boolean(task.useShell);
        next(true);
        indent(level - 1);
        m_out.append('}');
    }

    void session(const SavedSession &session, int level)
    {
        m_out.append("{\n");
        key(level, "id");
        string(session.id);
        next(false);
        key(level, "position");
        integer(session.position);
        next(false);
        if (session.running) {
            key(level, "running");
            task(*session.running, level + 1);
            next(false);
        }
        key(level, "waiting");
        m_out.append("[\n");
        for (qsizetype i = 0; i < session.waiting.size(); ++i) {
            indent(level + 1);
            task(session.waiting.at(i), level + 2);
            next(i + 1 == session.waiting.size());
        }
        indent(level);
        m_out.append("],\n");
        if (!session.watch.isEmpty()) {
            key(level, "watch");
            string(session.watch);
            next(false);
        }
        key(level, "windowNumber");
        integer(session.windowNumber);
        next(true);
        indent(level - 1);
        m_out.append('}');
    }

private:
    QByteArray &m_out;
};

} // namespace

QByteArray serializeSessions(const QList<SavedSession> &sessions)
{
    qsizetype tasks = 0;
    for (const SavedSession &session : sessions)
        tasks += session.waiting.size() + 1;
    QByteArray bytes;
    bytes.reserve(256 + tasks * 420); // a short command's task takes about 410 bytes
    IndentedWriter writer(bytes);
    // The value of the root's "sessions": one level deeper than a document of its own.
    bytes.append("[\n");
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        writer.indent(2);
        writer.session(sessions.at(i), 3);
        writer.next(i + 1 == sessions.size());
    }
    writer.indent(1);
    bytes.append(']');
    return bytes;
}

Frame frame(bool cleanShutdown)
{
    // The root with an empty text where the sessions go: the sessions' own text goes there, so
    // that the whole is the bytes QJsonDocument gives for it, and a write that changes only the
    // flag does not convert the sessions again.
    const QJsonObject root{
        {QLatin1String("format"), QLatin1String(formatName)},
        {QLatin1String("version"), formatVersion},
        {QLatin1String("cleanShutdown"), cleanShutdown},
        {QLatin1String("savedMs"), double(QDateTime::currentMSecsSinceEpoch())},
        {QLatin1String("sessions"), QString()},
    };
    const QByteArray text = QJsonDocument(root).toJson(QJsonDocument::Indented);
    const QByteArray placeholder = "\"sessions\": \"\"";
    const qsizetype at = text.indexOf(placeholder);
    Q_ASSERT(at >= 0); // QJsonDocument writes no other text for it
    const qsizetype valueAt = at + placeholder.size() - 2; // where the empty text's quotes are
    return {text.left(valueAt), text.mid(valueAt + 2)};
}

QByteArray assemble(const QByteArray &sessionsJson, bool cleanShutdown)
{
    const Frame around = frame(cleanShutdown);
    return around.before + sessionsJson + around.after;
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
        read.append(std::move(session));
    }
    sessions = std::move(read);
    cleanShutdown = root.value(QLatin1String("cleanShutdown")).toBool();
    return true;
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString &error)
{
    return writeAtomically(path, {QByteArrayView(bytes)}, error);
}

bool writeAtomically(const QString &path, std::initializer_list<QByteArrayView> pieces,
                     QString &error)
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
    for (const QByteArrayView bytes : pieces) {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd, bytes.data() + done, size_t(bytes.size() - done));
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
    const SessionFile::Frame around = SessionFile::frame(cleanShutdown);
    const bool ok =
        SessionFile::writeAtomically(m_path, {around.before, m_serialized, around.after}, error);
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
