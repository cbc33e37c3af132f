#include "historyexport.h"

#include "historydatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace TaskRunner {
namespace HistoryExport {

namespace {

QString isoTime(qint64 ms)
{
    if (ms == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') ||
        bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes.prepend('"');
        bytes.append('"');
    }
    return bytes;
}

QStringList csvValues(const HistoryEntry &entry)
{
    const qint64 duration = entry.durationMs();
    return {
        QString::number(entry.id),
        isoTime(entry.timeMs()),
        entry.sessionId,
        QString::number(entry.taskNumber),
        entry.kind,
        entry.commandLine,
        entry.folder,
        isoTime(entry.queuedMs),
        isoTime(entry.startedMs),
        isoTime(entry.finishedMs),
        entry.state,
        entry.exitCode ? QString::number(*entry.exitCode) : QString(),
        duration >= 0 ? QString::number(duration) : QString(),
        entry.result,
        QString::number(entry.outputSize),
        entry.watchKey,
        QString::fromUtf8(entry.outputTail), // invalid UTF-8 becomes U+FFFD
    };
}

QJsonObject jsonObject(const HistoryEntry &entry)
{
    const QStringList keys = columns();
    const QStringList values = csvValues(entry);
    QJsonObject object;
    for (qsizetype i = 0; i < keys.size(); ++i)
        object.insert(keys.at(i), values.at(i));
    // Numbers as numbers, and null where there is none.
    const auto number = [](qint64 value) { return QJsonValue(double(value)); };
    const auto orNull = [](const QString &value) {
        return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
    };
    object.insert(QLatin1String("id"), number(entry.id));
    object.insert(QLatin1String("task"), number(entry.taskNumber));
    object.insert(QLatin1String("exit_code"),
                  entry.exitCode ? QJsonValue(*entry.exitCode) : QJsonValue(QJsonValue::Null));
    object.insert(QLatin1String("duration_ms"), entry.durationMs() >= 0
                                                    ? number(entry.durationMs())
                                                    : QJsonValue(QJsonValue::Null));
    object.insert(QLatin1String("output_size"), number(entry.outputSize));
    for (const char *key : {"time", "queued", "started", "finished"})
        object.insert(QLatin1String(key), orNull(object.value(QLatin1String(key)).toString()));
    return object;
}

} // namespace

QStringList columns()
{
    return {QStringLiteral("id"),          QStringLiteral("time"),   QStringLiteral("session"),
            QStringLiteral("task"),        QStringLiteral("kind"),   QStringLiteral("command"),
            QStringLiteral("folder"),      QStringLiteral("queued"), QStringLiteral("started"),
            QStringLiteral("finished"),    QStringLiteral("state"),  QStringLiteral("exit_code"),
            QStringLiteral("duration_ms"), QStringLiteral("result"), QStringLiteral("output_size"),
            QStringLiteral("watch_key"),   QStringLiteral("output")};
}

HistoryExportResult write(HistoryDatabase &database, const QString &path,
                          const HistoryFilter &filter, Format format)
{
    HistoryExportResult result;
    if (database.mode() == HistoryDatabase::Mode::Closed) {
        result.error = QCoreApplication::translate("TaskRunner::HistoryStore",
                                                   "The history is not available.");
        return result;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error =
            QCoreApplication::translate("TaskRunner::HistoryStore", "Cannot write %1: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
    const auto put = [&file](const QByteArray &bytes) { return file.write(bytes) == bytes.size(); };
    bool ok = true;
    if (format == Format::Csv) {
        QByteArrayList header;
        for (const QString &column : columns())
            header << csvField(column);
        ok = put(header.join(',') + "\r\n");
    } else {
        ok = put("[");
    }

    qint64 before = 0;
    QString error;
    while (ok) {
        const QList<HistoryEntry> page = database.page(filter, before, 0, 512, true, &error);
        if (!error.isEmpty()) {
            result.error = QCoreApplication::translate("TaskRunner::HistoryStore",
                                                       "Cannot read the history: %1")
                               .arg(error);
            file.cancelWriting();
            return result;
        }
        for (const HistoryEntry &entry : page) {
            if (format == Format::Csv) {
                QByteArrayList fields;
                for (const QString &value : csvValues(entry))
                    fields << csvField(value);
                ok = put(fields.join(',') + "\r\n");
            } else {
                ok = put(QByteArray(result.rows == 0 ? "\n" : ",\n") +
                         QJsonDocument(jsonObject(entry)).toJson(QJsonDocument::Compact));
            }
            if (!ok)
                break;
            ++result.rows;
        }
        if (page.size() < 512)
            break;
        before = page.constLast().id;
    }
    if (ok && format == Format::Json)
        ok = put("\n]\n");
    if (!ok || !file.commit()) {
        result.error =
            QCoreApplication::translate("TaskRunner::HistoryStore", "Cannot write %1: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString());
        result.rows = 0;
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace HistoryExport
} // namespace TaskRunner
