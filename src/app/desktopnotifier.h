#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class QWidget;

// Desktop notifications through org.freedesktop.Notifications on the session bus. Every call
// is asynchronous: the GUI never waits for the notification server. Without a session bus or a
// server nothing happens (logged once). Activating a notification raises its window.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);

    // Shows `title` and `body`; activating it raises and activates `window` if it still exists.
    void notify(const QString &title, const QString &body, QWidget *window);

private slots:
    // Slots, not functions: QDBusConnection::connect() takes a D-Bus signal's receiver only by
    // name (Qt 6.4 has no function-pointer form).
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QHash<uint, QPointer<QWidget>> m_windows; // by notification id
    bool m_connected = false;
    bool m_failureLogged = false;
};
