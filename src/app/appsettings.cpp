#include "appsettings.h"

#include <TaskRunner/globalrunner.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QUrl>

#include <cmath>
#include <utility>

Q_LOGGING_CATEGORY(lcSettings, "taskrunner.settings", QtInfoMsg)

namespace {
// A name beside `path` for what is set aside: path.<why>-<time>, not taken yet.
QString asidePath(const QString &path, const char *why)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    const QString base = path + QLatin1Char('.') + QLatin1String(why) + QLatin1Char('-') + stamp;
    QString aside = base;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = base + QLatin1Char('-') + QString::number(n);
    return aside;
}

// QSettings reads nearly anything as keys and values and reports a format error only for a few
// mistakes: a file that is not UTF-8 text (random bytes, a binary written over it) is damaged
// too.
bool isText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // not readable: said otherwise
    const QByteArray bytes = file.readAll();
    if (bytes.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}

} // namespace

QString AppSettings::checkedFileName(QString *notice)
{
    // Where QSettings() keeps the application's file on Linux: the user's configuration folder,
    // the organization, the application.
    const QString organization = QCoreApplication::organizationName().isEmpty()
                                     ? QStringLiteral("Unknown Organization")
                                     : QCoreApplication::organizationName();
    const QString path = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                         QLatin1Char('/') + organization + QLatin1Char('/') +
                         QCoreApplication::applicationName() + QStringLiteral(".conf");
    const QFileInfo file(path);
    bool unusable = false;
    // A folder is only not written to (and said so at the first change); anything else that is
    // not a file (a FIFO, a device) is moved out of the way.
    if (file.exists() && !file.isFile() && !file.isDir()) {
        QString aside = asidePath(path, "unreadable");
        if (!QFile::rename(path, aside))
            aside.clear();
        unusable = aside.isEmpty();
        qCWarning(lcSettings).noquote()
            << "The settings file" << path << "is not a regular file;"
            << (aside.isEmpty() ? QStringLiteral("it cannot be moved, defaults are used")
                                : QStringLiteral("set aside as %1").arg(aside));
        *notice =
            aside.isEmpty()
                ? QCoreApplication::translate(
                      "AppSettings", "The settings file %1 is not a file that can be read; "
                                     "the settings are not saved in this run.")
                      .arg(QDir::toNativeSeparators(path))
                : QCoreApplication::translate(
                      "AppSettings", "The settings file was not a file that can be read and was "
                                     "set aside as %1; the settings start from their defaults.")
                      .arg(QDir::toNativeSeparators(aside));
    }
    // Where it could not be moved, it is not read either: the settings live in memory only.
    return unusable ? QString() : path;
}

AppSettings::AppSettings()
    : m_settings(checkedFileName(&m_startNotice), QSettings::IniFormat)
{
    // QSettings reports AccessError for a file that does not exist yet: only warn about a
    // file that is there and cannot be used.
    const QFileInfo file(m_settings.fileName());
    if (file.isFile() &&
        (m_settings.status() == QSettings::FormatError || !isText(file.filePath()))) {
        // What could be read is used, and the next change rewrites the file with only that:
        // the rest is kept in a copy.
        const QString copy = asidePath(file.filePath(), "damaged");
        const bool copied = QFile::copy(file.filePath(), copy);
        // What is not one of the app's groups is what the damage made: it is not written back.
        static const QStringList groups = {QStringLiteral("intervals"), QStringLiteral("watches"),
                                           QStringLiteral("window"), QStringLiteral("commands")};
        if (copied) {
            for (const QString &key : m_settings.childKeys())
                m_settings.remove(key);
            for (const QString &group : m_settings.childGroups()) {
                if (!groups.contains(group))
                    m_settings.remove(group);
            }
        }
        qCWarning(lcSettings).noquote()
            << "The settings file" << file.filePath()
            << "is damaged; what cannot be read uses defaults"
            << (copied ? QStringLiteral("(a copy was kept as %1)").arg(copy) : QString());
        m_startNotice = copied
                            ? QCoreApplication::translate(
                                  "AppSettings",
                                  "The settings file was damaged: what could be read is used, the "
                                  "rest starts from defaults. A copy was kept as %1.")
                                  .arg(QDir::toNativeSeparators(copy))
                            : QCoreApplication::translate(
                                  "AppSettings",
                                  "The settings file %1 was damaged: what could be read is used, "
                                  "the rest starts from defaults.")
                                  .arg(QDir::toNativeSeparators(file.filePath()));
    } else if (file.exists() && file.isFile() && !file.isReadable()) {
        qCWarning(lcSettings).noquote()
            << "Cannot read the settings file" << file.filePath() << "- using defaults";
    }
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
    // (No file at all: what was in its place could not be moved, and the start said so.)
    if (!std::exchange(m_writeChecked, true) && !m_settings.fileName().isEmpty() &&
        (!m_settings.isWritable() || !folderIsWritable(m_settings.fileName())))
        qCWarning(lcSettings).noquote() << "Cannot write the settings file" << m_settings.fileName()
                                        << "- changes are kept until the app quits, not saved";
}
