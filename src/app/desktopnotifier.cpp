#include "desktopnotifier.h"

#include "taskrunner_config.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QWidget>

Q_LOGGING_CATEGORY(lcNotifications, "taskrunner.notifications", QtInfoMsg)

namespace {
const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");
const QString interface = QStringLiteral("org.freedesktop.Notifications");
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{}

void DesktopNotifier::notify(const QString &title, const QString &body, QWidget *window)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        if (!std::exchange(m_failureLogged, true))
            qCInfo(lcNotifications) << "No session bus: desktop notifications are off";
        return;
    }
    if (!std::exchange(m_connected, true)) {
        bus.connect(service, path, interface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(service, path, interface, QStringLiteral("NotificationClosed"), this,
                    SLOT(onClosed(uint, uint)));
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(service, path, interface, QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("desktop-entry"), QStringLiteral(TASKRUNNER_APP_ID)}};
    call << QGuiApplication::applicationDisplayName() << uint(0)
         << QStringLiteral(TASKRUNNER_APP_ID) << title << body
         << QStringList{QStringLiteral("default"), tr("Show")} << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    QPointer<QWidget> target(window);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, target](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    if (!std::exchange(m_failureLogged, true))
                        qCInfo(lcNotifications).noquote()
                            << "Desktop notifications are off:" << reply.error().message();
                    return;
                }
                m_windows.insert(reply.value(), target);
            });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    Q_UNUSED(action);
    const QPointer<QWidget> window = m_windows.take(id);
    if (!window)
        return;
    window->show();
    window->raise();
    window->activateWindow();
}

void DesktopNotifier::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason);
    m_windows.remove(id);
}
