#include "singleinstance.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcInstance, "taskrunner.instance", QtInfoMsg)

namespace SingleInstance {

namespace {

constexpr int answerTimeoutMs = 30'000; // a first instance still starting under load
constexpr qsizetype requestLimit = 256 * 1024;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// A folder that only this user can use: ours, and no permission for anyone else.
bool isPrivateFolder(const QByteArray &path, QString *reason)
{
    struct stat status = {};
    if (::lstat(path.constData(), &status) != 0) {
        *reason = QStringLiteral("%1: %2").arg(QFile::decodeName(path), errnoText());
        return false;
    }
    if (!S_ISDIR(status.st_mode) || status.st_uid != ::getuid() ||
        (status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        *reason = QStringLiteral("%1 is not a folder of mode 0700 owned by this user")
                      .arg(QFile::decodeName(path));
        return false;
    }
    return true;
}

bool fillAddress(const QString &path, sockaddr_un &address)
{
    const QByteArray encoded = QFile::encodeName(path);
    if (encoded.size() >= qsizetype(sizeof(address.sun_path)))
        return false;
    std::memset(&address, 0, sizeof(address));
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, encoded.constData(), std::size_t(encoded.size()));
    return true;
}

// A connected socket to the running instance, or -1 (errno says why).
int connectTo(const sockaddr_un &address)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

bool sendAll(int fd, const QByteArray &data)
{
    qsizetype sent = 0;
    while (sent < data.size()) {
        const ssize_t n =
            ::send(fd, data.constData() + sent, std::size_t(data.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

enum class Forward { Done, Refused, Gone };

// Sends the request and waits for the answer: Gone when the instance went away meanwhile
// (it was quitting), so that the caller tries again.
Forward forward(int fd, const QStringList &arguments, int *exitCode)
{
    QJsonObject request{{QStringLiteral("version"), 1},
                        {QStringLiteral("arguments"), QJsonArray::fromStringList(arguments)}};
    if (!sendAll(fd, QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n'))
        return Forward::Gone;
    QByteArray answer;
    while (!answer.contains('\n')) {
        pollfd watched{fd, POLLIN, 0};
        const int ready = ::poll(&watched, 1, answerTimeoutMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0) {
            qCWarning(lcInstance) << "The running Task Runner did not answer within"
                                  << answerTimeoutMs / 1000 << "s";
            *exitCode = 1;
            return Forward::Refused;
        }
        char buffer[512];
        const ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Forward::Gone;
        answer.append(buffer, n);
    }
    answer.truncate(answer.indexOf('\n'));
    if (answer.startsWith("ok")) {
        *exitCode = 0;
        return Forward::Done;
    }
    if (answer.startsWith("quitting"))
        return Forward::Gone;
    std::fprintf(stderr, "taskrunner: %s\n",
                 answer.startsWith("error ") ? answer.constData() + 6 : answer.constData());
    *exitCode = 2;
    return Forward::Refused;
}

} // namespace

QString socketPath(QString *reason)
{
    QString why;
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    QString path;
    if (runtime.isEmpty()) {
        why = QStringLiteral("XDG_RUNTIME_DIR is not set");
    } else if (isPrivateFolder(runtime, &why)) {
        const QByteArray folder = runtime + "/taskrunner";
        if (::mkdir(folder.constData(), 0700) != 0 && errno != EEXIST)
            why = QStringLiteral("cannot make %1: %2").arg(QFile::decodeName(folder), errnoText());
        else if (isPrivateFolder(folder, &why))
            path = QFile::decodeName(folder) + QStringLiteral("/instance");
    }
    if (reason)
        *reason = why;
    return path;
}

bool isRunning()
{
    const QString path = socketPath();
    sockaddr_un address = {};
    if (path.isEmpty() || !fillAddress(path, address))
        return false;
    const int fd = connectTo(address);
    if (fd < 0)
        return false;
    ::close(fd); // the instance drops a connection that ends without a request
    return true;
}

Claim claim(const QStringList &arguments)
{
    Claim result;
    QString reason;
    result.socketPath = socketPath(&reason);
    sockaddr_un address = {};
    if (!result.socketPath.isEmpty() && !fillAddress(result.socketPath, address))
        reason = QStringLiteral("the path %1 is too long for a socket").arg(result.socketPath);
    if (!reason.isEmpty()) {
        qCInfo(lcInstance).noquote()
            << "Starting as an instance of its own; other launches cannot join it:" << reason;
        result.outcome = Claim::Outcome::Alone;
        return result;
    }

    const QByteArray lockPath = QFile::encodeName(result.socketPath) + ".lock";
    for (int attempt = 0; attempt < 5; ++attempt) {
        // Most launches find a running instance: no lock needed for that.
        if (const int fd = connectTo(address); fd >= 0) {
            const Forward outcome = forward(fd, arguments, &result.exitCode);
            ::close(fd);
            if (outcome != Forward::Gone) {
                result.outcome = Claim::Outcome::Forwarded;
                return result;
            }
            continue;
        }
        const int lock = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
            qCInfo(lcInstance).noquote() << "Starting as an instance of its own: cannot lock"
                                         << QFile::decodeName(lockPath) << "-" << errnoText();
            if (lock >= 0)
                ::close(lock);
            return result;
        }
        // Under the lock, nobody else decides: a socket that answers now is a running
        // instance; one that does not is left from a process that ended.
        int fd = connectTo(address);
        if (fd >= 0) {
            ::close(lock); // lets go of the flock
            const Forward outcome = forward(fd, arguments, &result.exitCode);
            ::close(fd);
            if (outcome != Forward::Gone) {
                result.outcome = Claim::Outcome::Forwarded;
                return result;
            }
            continue;
        }
        ::unlink(address.sun_path); // a stale socket, or none
        fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        const mode_t mask = ::umask(0077); // the socket file: 0600
        const bool bound =
            fd >= 0 &&
            ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0 &&
            ::listen(fd, 16) == 0;
        ::umask(mask);
        if (!bound) {
            qCInfo(lcInstance).noquote() << "Starting as an instance of its own: cannot listen on"
                                         << result.socketPath << "-" << errnoText();
            if (fd >= 0)
                ::close(fd);
            ::close(lock);
            return result;
        }
        ::close(lock);
        result.outcome = Claim::Outcome::Primary;
        result.listener = fd;
        return result;
    }
    qCInfo(lcInstance) << "Starting as an instance of its own: the running one kept going away";
    return result;
}

struct Server::Connection
{
    int fd = -1;
    QSocketNotifier *notifier = nullptr;
    QByteArray received;
};

Server::Server(const Claim &claim, Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_path(claim.socketPath)
    , m_listener(claim.listener)
{
    if (m_listener < 0)
        return;
    m_notifier = new QSocketNotifier(m_listener, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Server::accept);
}

Server::~Server()
{
    close();
    for (const auto &connection : m_connections)
        ::close(connection->fd);
}

void Server::close()
{
    if (m_listener < 0)
        return;
    delete m_notifier;
    m_notifier = nullptr;
    // Under the lock: a launch deciding right now sees either this instance or none.
    const QByteArray path = QFile::encodeName(m_path);
    const int lock = ::open((path + ".lock").constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock >= 0)
        ::flock(lock, LOCK_EX);
    ::close(m_listener);
    m_listener = -1;
    ::unlink(path.constData());
    if (lock >= 0)
        ::close(lock);
}

void Server::accept()
{
    for (;;) {
        const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            return; // EAGAIN: nothing more now
        }
        ucred peer = {};
        socklen_t size = sizeof(peer);
        if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0 ||
            peer.uid != ::getuid()) {
            qCWarning(lcInstance) << "Refused a connection from another user";
            ::close(fd);
            continue;
        }
        auto connection = std::make_unique<Connection>();
        connection->fd = fd;
        connection->notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        Connection *raw = connection.get();
        connect(connection->notifier, &QSocketNotifier::activated, this,
                [this, raw] { read(raw); });
        m_connections.push_back(std::move(connection));
    }
}

void Server::read(Connection *connection)
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(connection->fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n <= 0) {
            drop(connection);
            return;
        }
        connection->received.append(buffer, n);
        if (connection->received.size() > requestLimit) {
            drop(connection);
            return;
        }
    }
    const qsizetype end = connection->received.indexOf('\n');
    if (end < 0)
        return;
    connection->notifier->setEnabled(false);
    const QJsonDocument request = QJsonDocument::fromJson(connection->received.left(end));
    QByteArray answer;
    if (!request.isObject() || request.object().value(QStringLiteral("version")).toInt() != 1) {
        answer = "error the running Task Runner cannot read this request\n";
    } else {
        QStringList arguments;
        for (const QJsonValue &value :
             request.object().value(QStringLiteral("arguments")).toArray())
            arguments << value.toString();
        QString error;
        const int windows = m_handler ? m_handler(arguments, &error) : -1;
        if (windows >= 0)
            answer = "ok " + QByteArray::number(windows) + '\n';
        else if (error.isEmpty())
            answer = "quitting\n";
        else
            answer = "error " + error.toUtf8() + '\n';
    }
    sendAll(connection->fd, answer);
    drop(connection);
}

void Server::drop(Connection *connection)
{
    // Called from the notifier's own signal: it goes later.
    connection->notifier->setEnabled(false);
    connection->notifier->deleteLater();
    ::close(connection->fd);
    m_connections.erase(std::remove_if(m_connections.begin(), m_connections.end(),
                                       [connection](const std::unique_ptr<Connection> &c) {
                                           return c.get() == connection;
                                       }),
                        m_connections.end());
}

} // namespace SingleInstance
