#include "appsettings.h"

#include <TaskRunner/globalrunner.h>

#include <QFileInfo>
#include <QLoggingCategory>
#include <QUrl>

#include <cmath>
#include <utility>

Q_LOGGING_CATEGORY(lcSettings, "taskrunner.settings", QtInfoMsg)

AppSettings::AppSettings()
{
    // QSettings reports AccessError for a file that does not exist yet: only warn about a
    // file that is there and cannot be used.
    const QFileInfo file(m_settings.fileName());
    if (m_settings.status() == QSettings::FormatError)
        qCWarning(lcSettings).noquote() << "The settings file" << file.filePath()
                                        << "is damaged; what cannot be read uses defaults";
    else if (file.exists() && !file.isReadable())
        qCWarning(lcSettings).noquote()
            << "Cannot read the settings file" << file.filePath() << "- using defaults";
}

QString AppSettings::encoded(const QString &key)
{
    // Keys may hold '/' or other characters QSettings gives a meaning to.
    return QString::fromLatin1(QUrl::toPercentEncoding(key, {}, "/\\"));
}

QString AppSettings::intervalKey(const QString &globalKey)
{
    return QStringLiteral("intervals/") + encoded(globalKey);
}

QString AppSettings::watchKey(const QString &name)
{
    return QStringLiteral("watches/") + encoded(name);
}

QList<WatchDefinition> AppSettings::watches() const
{
    QList<WatchDefinition> watches;
    QStringList skipped;
    m_settings.beginGroup(QStringLiteral("watches"));
    const QStringList keys = m_settings.childKeys();
    m_settings.endGroup();
    for (const QString &key : keys) {
        const QString name = QUrl::fromPercentEncoding(key.toLatin1());
        const QVariant stored = m_settings.value(QStringLiteral("watches/") + key);
        QString reason;
        WatchDefinition watch;
        if (stored.metaType().id() != QMetaType::QVariantMap)
            reason = QStringLiteral("not a saved watch");
        else
            watch = WatchDefinition::fromVariantMap(stored.toMap(), &reason);
        if (reason.isEmpty() && watch.name != name)
            reason = QStringLiteral("saved under another name");
        if (!reason.isEmpty()) {
            skipped << QStringLiteral("'%1' (%2)").arg(name, reason);
            continue;
        }
        watch.interval =
            interval(name, watch.isDefault() ? WatchDefinition::defaultWatch().interval : 1.0);
        watches << watch;
    }
    if (!skipped.isEmpty())
        qCWarning(lcSettings).noquote().nospace()
            << "Ignoring saved watches that cannot be used in " << m_settings.fileName() << ": "
            << skipped.join(QStringLiteral(", "));
    return watches;
}

void AppSettings::setWatch(const WatchDefinition &watch)
{
    store(watchKey(watch.name), watch.toVariantMap());
    setInterval(watch.name, watch.interval);
}

void AppSettings::removeWatch(const QString &name)
{
    for (const QString &key : {watchKey(name), intervalKey(name)}) {
        if (m_settings.contains(key))
            m_settings.remove(key);
    }
}

double AppSettings::interval(const QString &key, double fallback) const
{
    const QVariant stored = m_settings.value(intervalKey(key));
    if (!stored.isValid())
        return fallback;
    bool ok = false;
    const double seconds = stored.toString().trimmed().toDouble(&ok);
    if (!ok || !TaskRunner::GlobalRunner::isValidInterval(seconds)) {
        qCWarning(lcSettings).noquote().nospace()
            << "Ignoring the saved interval '" << stored.toStringList().join(QStringLiteral(", "))
            << "' for " << key << " in " << m_settings.fileName() << "; using " << fallback << " s";
        return fallback;
    }
    return seconds;
}

void AppSettings::setInterval(const QString &key, double seconds)
{
    if (TaskRunner::GlobalRunner::isValidInterval(seconds))
        store(intervalKey(key), QString::number(seconds, 'g', 12));
}

QByteArray AppSettings::windowGeometry() const
{
    if (m_geometryRejected)
        return {};
    const QVariant stored = m_settings.value(QStringLiteral("window/geometry"));
    if (stored.isValid() && stored.metaType().id() != QMetaType::QByteArray) {
        rejectWindowGeometry("it is not geometry data");
        return {};
    }
    return stored.toByteArray();
}

void AppSettings::rejectWindowGeometry(const char *reason) const
{
    if (std::exchange(m_geometryRejected, true))
        return;
    qCWarning(lcSettings).noquote()
        << "Ignoring the saved window geometry in" << m_settings.fileName() << "-" << reason;
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_geometryRejected = false;
    store(QStringLiteral("window/geometry"), geometry);
}

QStringList AppSettings::commandHistory() const
{
    const QVariant stored = m_settings.value(QStringLiteral("commands/history"));
    if (!stored.isValid())
        return {};
    if (!stored.canConvert<QStringList>()) {
        qCWarning(lcSettings).noquote()
            << "Ignoring the saved command history in" << m_settings.fileName();
        return {};
    }
    QStringList history = stored.toStringList();
    history.removeAll(QString());
    if (history.size() > commandHistoryLimit())
        history = history.mid(history.size() - commandHistoryLimit());
    return history;
}

void AppSettings::addToCommandHistory(const QString &command)
{
    if (command.trimmed().isEmpty())
        return;
    QStringList history = commandHistory();
    history.removeAll(command); // the newest use counts, once
    history << command;
    if (history.size() > commandHistoryLimit())
        history = history.mid(history.size() - commandHistoryLimit());
    store(QStringLiteral("commands/history"), history);
}

bool AppSettings::historyShown() const
{
    return m_settings.value(QStringLiteral("window/historyShown"), false).toBool();
}

void AppSettings::setHistoryShown(bool shown)
{
    store(QStringLiteral("window/historyShown"), shown);
}

bool AppSettings::confirmStoppingCommands() const
{
    return m_settings.value(QStringLiteral("commands/confirmStop"), true).toBool();
}

void AppSettings::setConfirmStoppingCommands(bool confirm)
{
    store(QStringLiteral("commands/confirmStop"), confirm);
}

namespace {
// QSettings writes a new file beside the old one and renames it over: the folder must be
// writable too, which QSettings::isWritable() does not ask when the file itself is. A folder
// not made yet is made in the nearest one that exists.
bool folderIsWritable(const QString &file)
{
    QFileInfo folder(QFileInfo(file).absolutePath());
    while (!folder.exists() && !folder.isRoot() &&
           folder.absoluteFilePath() != folder.absolutePath())
        folder = QFileInfo(folder.absolutePath());
    return folder.isDir() && folder.isWritable();
}
} // namespace

void AppSettings::store(const QString &key, const QVariant &value)
{
    // QSettings rewrites (and syncs to disk) the whole file for any setValue(), even of the
    // value it holds: a quit that changed nothing writes nothing.
    if (m_settings.value(key) == value)
        return;
    m_settings.setValue(key, value);
    // QSettings writes later and keeps quiet when it cannot: say so, once, while it is news.
    // isWritable() opens the file (or a temporary file beside it), so it is asked only here.
    if (!std::exchange(m_writeChecked, true) &&
        (!m_settings.isWritable() || !folderIsWritable(m_settings.fileName())))
        qCWarning(lcSettings).noquote() << "Cannot write the settings file" << m_settings.fileName()
                                        << "- changes are kept until the app quits, not saved";
}
