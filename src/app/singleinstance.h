#pragma once

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QSocketNotifier;

// One instance per user: the first `taskrunner` listens on a local socket,
// $XDG_RUNTIME_DIR/taskrunner/instance, in a folder of mode 0700 inside the user's runtime
// folder (itself 0700, the user's own), and every later launch hands its arguments to it and
// exits, so all of the user's windows share one process, one runner and one thread per key.
// The server also checks that a peer runs as the same user (SO_PEERCRED).
//
// claim() runs before any QApplication: a second launch costs a connect(), a write and the
// wait for the answer. Who listens is decided under an flock() on a lock file beside the
// socket, which the kernel lets go when its process ends: of two launches that race, one
// listens and the other forwards; a socket left by a process that crashed is found dead
// (ECONNREFUSED) under the lock and replaced. Without a usable runtime folder the app runs as
// its own instance (logged).
namespace SingleInstance {

struct Claim
{
    enum class Outcome {
        Primary,   // this process listens: hand listener to a Server once the app exists
        Forwarded, // a running instance opened the windows: exit with exitCode
        Alone,     // no channel: run as an instance of its own
    };
    Outcome outcome = Outcome::Alone;
    int listener = -1; // Primary: the listening socket
    int exitCode = 0;  // Forwarded: 0, or 2 when the running instance refused the arguments
    QString socketPath;
};

// The socket's path, or empty (with the reason) when there is no usable runtime folder.
QString socketPath(QString *reason = nullptr);

// Forwards `arguments` (without the program name) to the running instance, or becomes it.
Claim claim(const QStringList &arguments);

// Whether an instance listens on socketPath() now (it is connected to, and asked nothing).
bool isRunning();

// Serves the requests of later launches on the main thread (socket notifiers, no polling):
// each connection sends one line of JSON ({"arguments": [...]}) and gets "ok <windows>\n" or
// "error <message>\n" once its windows are shown.
class Server : public QObject
{
    Q_OBJECT
public:
    // The handler opens the windows for the arguments; it returns the number of windows, or -1
    // with the reason in `error` when it does not take them.
    using Handler = std::function<int(const QStringList &arguments, QString *error)>;

    Server(const Claim &claim, Handler handler, QObject *parent = nullptr);
    ~Server() override;

    // Stops listening and removes the socket (quitting: later launches start afresh).
    void close();
    bool isListening() const { return m_listener >= 0; }

private:
    struct Connection;
    void accept();
    void read(Connection *connection);
    void drop(Connection *connection);

    Handler m_handler;
    QString m_path;
    int m_listener = -1;
    QSocketNotifier *m_notifier = nullptr;
    std::vector<std::unique_ptr<Connection>> m_connections;
};

} // namespace SingleInstance
