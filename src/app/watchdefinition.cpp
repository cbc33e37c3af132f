#include "watchdefinition.h"

#include <TaskRunner/commandworker.h>
#include <TaskRunner/exampleworkers.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WatchDefinition", text);
}

constexpr int mapVersion = 1;

} // namespace

QString WatchDefinition::defaultName()
{
    return QString::fromLatin1(TaskRunner::exampleGlobalKey);
}

WatchDefinition WatchDefinition::defaultWatch()
{
    WatchDefinition watch;
    watch.name = defaultName();
    watch.source = Source::Example;
    watch.interval = TaskRunner::exampleGlobalInterval;
    return watch;
}

QString WatchDefinition::sourceId(Source source)
{
    switch (source) {
    case Source::Example:
        return QStringLiteral("example");
    case Source::Command:
        return QStringLiteral("command");
    case Source::Sampler:
        return QStringLiteral("sampler");
    }
    return {};
}

WatchDefinition::Problems WatchDefinition::problems(const QStringList &otherNames) const
{
    Problems problems;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        problems.name = tr("Give the watch a name.");
    else if (trimmed != name)
        problems.name = tr("The name cannot begin or end with a space.");
    else if (otherNames.contains(name, Qt::CaseInsensitive))
        problems.name = tr("There is a watch of this name already.");
    else if (name.size() > 200)
        problems.name = tr("The name is too long (200 characters at most).");

    if (source == Source::Command) {
        QString reason;
        const QString line = command.line.isEmpty() ? command.displayText() : command.line;
        if (line.trimmed().isEmpty())
            problems.command = tr("Type the command to run.");
        else if (!TaskRunner::CommandSpec::fromLine(line, command.useShell, &reason).isValid())
            problems.command = tr("This is not a command: %1.").arg(reason);
    }
    if (source == Source::Sampler && TaskRunner::samplerNeedsFolder(sampler)) {
        const QFileInfo info(folder);
        if (folder.trimmed().isEmpty())
            problems.folder = tr("Choose a folder.");
        else if (!info.isDir())
            problems.folder = tr("There is no folder %1.").arg(QDir::toNativeSeparators(folder));
    }
    if (!TaskRunner::GlobalRunner::isValidInterval(interval))
        problems.interval = tr("The interval must be from 0.001 s to one year.");
    return problems;
}

bool WatchDefinition::sameSource(const WatchDefinition &other) const
{
    if (source != other.source)
        return false;
    switch (source) {
    case Source::Example:
        return true;
    case Source::Command:
        return command == other.command;
    case Source::Sampler:
        return sampler == other.sampler &&
               (!TaskRunner::samplerNeedsFolder(sampler) || folder == other.folder);
    }
    return false;
}

TaskRunner::GlobalWorker WatchDefinition::worker(std::chrono::milliseconds exampleDuration) const
{
    switch (source) {
    case Source::Command:
        return TaskRunner::commandGlobalWorker(command);
    case Source::Sampler:
        return TaskRunner::samplerWorker(sampler, folder);
    case Source::Example:
        break;
    }
    return TaskRunner::exampleGlobalWorker(exampleDuration);
}

QString WatchDefinition::NumberFormat::text(double value) const
{
    const QLocale locale;
    QString number;
    const double magnitude = std::abs(value);
    if (!std::isfinite(value) || magnitude >= 1e15)
        number = locale.toString(value, 'g', 6);
    else if (decimals >= 0)
        number = locale.toString(value, 'f', decimals);
    // Six significant digits would show a Unix time or a byte count as 1.79618e+09, and so
    // every value of a chart the same: whole numbers and large ones keep their digits.
    else if (value == std::trunc(value))
        number = locale.toString(qint64(value));
    else if (magnitude >= 1e6)
        number = locale.toString(value, 'f', 1);
    else
        number = locale.toString(value, 'g', 6);
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

WatchDefinition::NumberFormat WatchDefinition::numberFormat() const
{
    if (source != Source::Sampler)
        return {};
    return {TaskRunner::samplerDecimals(sampler), TaskRunner::samplerUnit(sampler)};
}

QString WatchDefinition::sourceText() const
{
    switch (source) {
    case Source::Command:
        return command.useShell ? tr("Command in a shell: %1").arg(command.displayText())
                                : tr("Command: %1").arg(command.displayText());
    case Source::Sampler:
        switch (sampler) {
        case TaskRunner::SamplerKind::LoadAverage:
            return tr("Load average (1 min)");
        case TaskRunner::SamplerKind::MemoryInUse:
            return tr("Memory in use (MiB)");
        case TaskRunner::SamplerKind::FreeSpace:
            return tr("Free space of %1 (GiB)").arg(QDir::toNativeSeparators(folder));
        }
        break;
    case Source::Example:
        break;
    }
    return tr("Example: waits, then gives the date and time");
}

QVariantMap WatchDefinition::toVariantMap() const
{
    QVariantMap map{
        {QStringLiteral("version"), mapVersion},      {QStringLiteral("name"), name},
        {QStringLiteral("source"), sourceId(source)}, {QStringLiteral("paused"), paused},
        {QStringLiteral("notify"), notifyOnChange},   {QStringLiteral("created"), createdMSecs},
    };
    if (source == Source::Command)
        map.insert(QStringLiteral("command"), command.toVariantMap());
    if (source == Source::Sampler) {
        map.insert(QStringLiteral("sampler"), TaskRunner::samplerId(sampler));
        if (TaskRunner::samplerNeedsFolder(sampler))
            map.insert(QStringLiteral("folder"), folder);
    }
    return map;
}

WatchDefinition WatchDefinition::fromVariantMap(const QVariantMap &map, QString *error)
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return WatchDefinition();
    };
    // QSettings gives strings back for what it wrote as numbers and booleans (INI files).
    auto flag = [&map](const char *key, bool *ok) {
        const QVariant value = map.value(QLatin1String(key));
        if (!value.isValid())
            return false;
        const QString text = value.toString();
        if (text == QLatin1String("true"))
            return true;
        if (text != QLatin1String("false"))
            *ok = false;
        return false;
    };
    bool ok = false;
    const int version = map.value(QStringLiteral("version")).toString().toInt(&ok);
    if (!ok || version != mapVersion)
        return fail(QStringLiteral("unknown version '%1'")
                        .arg(map.value(QStringLiteral("version")).toString()));
    WatchDefinition watch;
    const QVariant name = map.value(QStringLiteral("name"));
    if (name.typeId() != QMetaType::QString || name.toString().trimmed().isEmpty())
        return fail(QStringLiteral("no name"));
    watch.name = name.toString();
    const QString source = map.value(QStringLiteral("source")).toString();
    if (source == sourceId(Source::Example)) {
        watch.source = Source::Example;
    } else if (source == sourceId(Source::Command)) {
        watch.source = Source::Command;
        QString reason;
        watch.command = TaskRunner::CommandSpec::fromVariantMap(
            map.value(QStringLiteral("command")).toMap(), &reason);
        if (!watch.command.isValid())
            return fail(QStringLiteral("its command cannot be used: %1").arg(reason));
    } else if (source == sourceId(Source::Sampler)) {
        watch.source = Source::Sampler;
        const auto kind =
            TaskRunner::samplerFromId(map.value(QStringLiteral("sampler")).toString());
        if (!kind)
            return fail(QStringLiteral("unknown sampler '%1'")
                            .arg(map.value(QStringLiteral("sampler")).toString()));
        watch.sampler = *kind;
        if (TaskRunner::samplerNeedsFolder(*kind)) {
            watch.folder = map.value(QStringLiteral("folder")).toString();
            if (watch.folder.isEmpty())
                return fail(QStringLiteral("no folder"));
        }
    } else {
        return fail(QStringLiteral("unknown source '%1'").arg(source));
    }
    ok = true;
    watch.paused = flag("paused", &ok);
    watch.notifyOnChange = flag("notify", &ok);
    if (!ok)
        return fail(QStringLiteral("paused or notify is not true or false"));
    watch.createdMSecs = map.value(QStringLiteral("created")).toString().toLongLong();
    if (error)
        error->clear();
    return watch;
}

bool operator==(const WatchDefinition &a, const WatchDefinition &b)
{
    return a.name == b.name && a.sameSource(b) && a.interval == b.interval &&
           a.paused == b.paused && a.notifyOnChange == b.notifyOnChange &&
           a.createdMSecs == b.createdMSecs;
}
