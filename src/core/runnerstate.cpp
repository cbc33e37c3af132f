#include "runnerstate.h"

#include <QDateTime>

QString SessionRunnerState::statusText() const
{
    if (!busy)
        return QStringLiteral("The queue is empty");
    return QStringLiteral("Processing: %1 items left.").arg(itemsLeft);
}

QString SessionRunnerState::lastResultText() const
{
    if (lastFailed)
        return QStringLiteral("Error: %1").arg(lastError);
    return TaskRunner::displayText(lastResult);
}

QString TaskRunner::displayText(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("None");
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toString(Qt::ISODateWithMs);
    if (value.canConvert<QString>())
        return value.toString();
    return QStringLiteral("<%1>").arg(QString::fromLatin1(value.metaType().name()));
}
