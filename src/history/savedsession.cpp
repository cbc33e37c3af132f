#include <TaskRunner/savedsession.h>

#include <QJsonArray>

#include <utility>

namespace TaskRunner {

namespace {

bool isString(const QJsonObject &object, QLatin1String key)
{
    return object.value(key).isString();
}

} // namespace

QJsonObject SavedTask::toJson() const
{
    return QJsonObject{
        {QLatin1String("kind"), kind},
        {QLatin1String("commandLine"), commandLine},
        {QLatin1String("program"), program},
        {QLatin1String("arguments"), QJsonArray::fromStringList(arguments)},
        {QLatin1String("folder"), folder},
        {QLatin1String("useShell"), useShell},
        {QLatin1String("queuedMs"), double(queuedMs)},
        {QLatin1String("startedMs"), double(startedMs)},
    };
}

bool SavedTask::fromJson(const QJsonObject &object, SavedTask &task)
{
    // Each key is looked up once: a queue of 10^6 tasks is read at start-up.
    const QJsonValue kind = object.value(QLatin1String("kind"));
    const QJsonValue program = object.value(QLatin1String("program"));
    const QJsonValue arguments = object.value(QLatin1String("arguments"));
    if (!kind.isString() || !program.isString() || !arguments.isArray())
        return false;
    SavedTask read;
    read.kind = kind.toString();
    read.commandLine = object.value(QLatin1String("commandLine")).toString();
    read.program = program.toString();
    const QJsonArray list = arguments.toArray();
    read.arguments.reserve(list.size());
    for (const QJsonValue &argument : list) {
        if (!argument.isString())
            return false;
        read.arguments.append(argument.toString());
    }
    read.folder = object.value(QLatin1String("folder")).toString();
    read.useShell = object.value(QLatin1String("useShell")).toBool();
    read.queuedMs = qint64(object.value(QLatin1String("queuedMs")).toDouble());
    read.startedMs = qint64(object.value(QLatin1String("startedMs")).toDouble());
    task = std::move(read);
    return true;
}

bool operator==(const SavedTask &a, const SavedTask &b)
{
    return a.kind == b.kind && a.commandLine == b.commandLine && a.program == b.program &&
           a.arguments == b.arguments && a.folder == b.folder && a.useShell == b.useShell &&
           a.queuedMs == b.queuedMs && a.startedMs == b.startedMs;
}

QJsonObject SavedSession::toJson() const
{
    QJsonArray tasks;
    for (const SavedTask &task : waiting)
        tasks.append(task.toJson());
    QJsonObject object{
        {QLatin1String("id"), id},
        {QLatin1String("windowNumber"), windowNumber},
        {QLatin1String("position"), position},
        {QLatin1String("waiting"), tasks},
    };
    if (running)
        object.insert(QLatin1String("running"), running->toJson());
    if (!watch.isEmpty())
        object.insert(QLatin1String("watch"), watch);
    return object;
}

bool SavedSession::fromJson(const QJsonObject &object, SavedSession &session)
{
    if (!isString(object, QLatin1String("id")) || !object.value(QLatin1String("waiting")).isArray())
        return false;
    SavedSession read;
    read.id = object.value(QLatin1String("id")).toString();
    read.windowNumber = object.value(QLatin1String("windowNumber")).toInt();
    read.position = object.value(QLatin1String("position")).toInt();
    read.watch = object.value(QLatin1String("watch")).toString(); // not there before 0.2
    const QJsonArray tasks = object.value(QLatin1String("waiting")).toArray();
    read.waiting.reserve(tasks.size());
    for (const QJsonValue &value : tasks) {
        SavedTask task;
        if (!value.isObject() || !SavedTask::fromJson(value.toObject(), task))
            return false;
        read.waiting.append(std::move(task));
    }
    const QJsonValue running = object.value(QLatin1String("running"));
    if (running.isObject()) {
        SavedTask task;
        if (!SavedTask::fromJson(running.toObject(), task))
            return false;
        if (!running.toObject().contains(QLatin1String("startedMs"))) {
            // Written before the start had a field of its own: it was kept as the queued time.
            task.startedMs = task.queuedMs;
            task.queuedMs = 0;
        }
        read.running = std::move(task);
    }
    session = std::move(read);
    return true;
}

bool operator==(const SavedSession &a, const SavedSession &b)
{
    return a.id == b.id && a.windowNumber == b.windowNumber && a.position == b.position &&
           a.waiting == b.waiting && a.running == b.running && a.watch == b.watch;
}

} // namespace TaskRunner
