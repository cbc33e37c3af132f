#include <TaskRunner/taskrecord.h>

#include <QCoreApplication>

namespace TaskRunner {

namespace {
constexpr const char *stateNames[] = {"waiting", "running", "done", "failed", "cancelled"};

QDateTime fromMSecs(qint64 msecs)
{
    return msecs ? QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toLocalTime() : QDateTime();
}
} // namespace

QString stateName(TaskState state)
{
    return QString::fromLatin1(stateNames[int(state)]);
}

std::optional<TaskState> stateFromName(QStringView name)
{
    for (int i = 0; i < int(std::size(stateNames)); ++i) {
        if (name == QLatin1String(stateNames[i]))
            return TaskState(i);
    }
    return std::nullopt;
}

QDateTime TaskRecord::queuedAt() const
{
    return fromMSecs(queuedMSecs);
}

QDateTime TaskRecord::startedAt() const
{
    return fromMSecs(startedMSecs);
}

QDateTime TaskRecord::finishedAt() const
{
    return fromMSecs(finishedMSecs);
}

QString TaskRecord::outcomeText() const
{
    return state == TaskState::Done ? displayText(result) : errorMessage;
}

QString displayText(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QCoreApplication::translate("TaskRunner::TaskRecord", "None");
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toString(Qt::ISODateWithMs);
    if (value.canConvert<QString>())
        return value.toString();
    return QStringLiteral("<%1>").arg(QString::fromLatin1(value.metaType().name()));
}

} // namespace TaskRunner
