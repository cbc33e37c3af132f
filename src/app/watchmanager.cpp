#include "watchmanager.h"

#include "appsettings.h"
#include "watchhistory.h"

#include <TaskRunner/globalrunnerregistry.h>

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcWatches, "taskrunner.watches", QtInfoMsg)

// The names of the watches for every window's combo box: one model, so each list follows a
// change at once.
class WatchListModel : public QAbstractListModel
{
public:
    explicit WatchListModel(const QList<Watch *> &watches, QObject *parent)
        : QAbstractListModel(parent)
        , m_watches(watches)
    {}

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_watches.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_watches.size())
            return {};
        const WatchDefinition &definition = m_watches.at(index.row())->definition();
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case Qt::AccessibleTextRole:
            return definition.name;
        case Qt::ToolTipRole:
            return definition.sourceText();
        default:
            return {};
        }
    }

    void beginInsert(int row) { beginInsertRows({}, row, row); }
    void endInsert() { endInsertRows(); }
    void beginRemove(int row) { beginRemoveRows({}, row, row); }
    void endRemove() { endRemoveRows(); }
    void changed(int row) { emit dataChanged(index(row), index(row)); }

private:
    const QList<Watch *> &m_watches;
};

Watch::Watch(const WatchDefinition &definition, QObject *parent)
    : QObject(parent)
    , m_definition(definition)
    , m_history(new WatchHistory(this))
{
    m_history->setNumberFormat(definition.numberFormat());
    connect(&m_watcher, &TaskRunner::RunnerWatcher::stateChanged, this, &Watch::readRecords);
    m_noticeTimer.setSingleShot(true);
}

Watch::~Watch() = default;

void Watch::setRunner(const TaskRunner::GlobalRunner &runner)
{
    m_runner = runner;
    m_nextSequence = 1;
    m_watcher.setRunner(runner);
}

void Watch::readRecords()
{
    const TaskRunner::TaskRecordBatch batch = m_runner.records(m_nextSequence);
    m_nextSequence = batch.nextSequence;
    if (!batch.records.isEmpty() || batch.dropped > 0)
        m_history->add(batch);
    emit stateChanged();
}

WatchManager::WatchManager(AppSettings &settings, std::chrono::milliseconds exampleDuration,
                           QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_exampleDuration(exampleDuration)
    , m_model(new WatchListModel(m_watches, this))
{}

WatchManager::~WatchManager() = default;

void WatchManager::load()
{
    WatchDefinition fallback = WatchDefinition::defaultWatch();
    fallback.interval = m_settings.interval(fallback.name, fallback.interval);
    QList<WatchDefinition> saved = m_settings.watches();
    std::stable_sort(saved.begin(), saved.end(),
                     [](const WatchDefinition &a, const WatchDefinition &b) {
                         return a.createdMSecs < b.createdMSecs;
                     });
    // The default watch first, as saved (paused, notified) but always the example.
    for (const WatchDefinition &definition : std::as_const(saved)) {
        if (definition.isDefault()) {
            fallback.paused = definition.paused;
            fallback.notifyOnChange = definition.notifyOnChange;
        }
    }
    insert(fallback);
    qsizetype beyondLimit = 0;
    for (const WatchDefinition &definition : std::as_const(saved)) {
        if (definition.isDefault())
            continue;
        // Names are unique whatever their case, as the dialog has them: another case of a
        // name loaded already was written into the settings by hand.
        if (names().contains(definition.name, Qt::CaseInsensitive)) {
            qCWarning(lcWatches).noquote()
                << "Ignoring the saved watch" << definition.name
                << "- a watch of this name (in another case) is loaded already";
            continue;
        }
        if (m_watches.size() >= watchLimit()) {
            ++beyondLimit;
            continue;
        }
        insert(definition);
    }
    if (beyondLimit > 0) {
        qCWarning(lcWatches).noquote()
            << beyondLimit << "saved watches beyond the limit of" << watchLimit()
            << "were not loaded; they stay in the settings";
    }
}

QStringList WatchManager::names() const
{
    QStringList names;
    for (const Watch *watch : m_watches)
        names << watch->name();
    return names;
}

Watch *WatchManager::watch(const QString &name) const
{
    for (Watch *watch : m_watches) {
        if (watch->name() == name)
            return watch;
    }
    return nullptr;
}

Watch *WatchManager::defaultWatch() const
{
    return m_watches.isEmpty() ? nullptr : m_watches.constFirst();
}

QAbstractItemModel *WatchManager::model() const
{
    return m_model;
}

TaskRunner::GlobalRunner WatchManager::acquire(const WatchDefinition &definition) const
{
    TaskRunner::RunnerOptions options;
    options.recordLimit = recordLimit();
    options.outputLimit = outputLimit();
    options.startPaused = definition.paused;
    TaskRunner::GlobalRunner runner = TaskRunner::GlobalRunnerRegistry::instance()->acquire(
        definition.name, definition.worker(m_exampleDuration), definition.interval, options);
    // A runner that was there before (another part of the process made it) keeps its worker;
    // it gets this watch's schedule.
    if (runner && runner.state().paused != definition.paused) {
        if (definition.paused)
            runner.pause();
        else
            runner.resume();
    }
    return runner;
}

Watch *WatchManager::insert(const WatchDefinition &definition)
{
    auto *watch = new Watch(definition, this);
    watch->setRunner(acquire(definition));
    connect(watch->history(), &WatchHistory::outcomeChanged, this,
            [this, watch](const QString &before, const QString &after) {
                onOutcomeChanged(watch, before, after);
            });
    connect(&watch->m_noticeTimer, &QTimer::timeout, this, [this, watch] { sendNotice(watch); });
    const int row = int(m_watches.size());
    m_model->beginInsert(row);
    m_watches << watch;
    m_model->endInsert();
    emit watchAdded(watch);
    return watch;
}

Watch *WatchManager::ensureWatch(const QString &name, double interval)
{
    if (Watch *existing = watch(name))
        return existing;
    WatchDefinition definition;
    definition.name = name;
    definition.source = WatchDefinition::Source::Example;
    definition.interval = m_settings.interval(name, interval);
    Watch *watch = add(definition, false, nullptr);
    if (watch)
        watch->m_transient = true;
    return watch;
}

Watch *WatchManager::addWatch(WatchDefinition definition, QString *error)
{
    return add(std::move(definition), true, error);
}

Watch *WatchManager::add(WatchDefinition definition, bool save, QString *error)
{
    const WatchDefinition::Problems problems = definition.problems(names());
    if (!problems.isEmpty()) {
        if (error) {
            *error =
                QStringList{problems.name, problems.command, problems.folder, problems.interval}
                    .join(QLatin1Char(' '))
                    .simplified();
        }
        return nullptr;
    }
    if (m_watches.size() >= watchLimit()) {
        if (error)
            *error = tr("There are %1 watches already, as many as there can be. Remove one "
                        "first.")
                         .arg(watchLimit());
        return nullptr;
    }
    if (definition.createdMSecs == 0)
        definition.createdMSecs = QDateTime::currentMSecsSinceEpoch();
    if (save) {
        m_settings.setWatch(definition);
        qCInfo(lcWatches).noquote()
            << "New watch" << definition.name << "-" << definition.sourceText();
    }
    return insert(definition);
}

bool WatchManager::editWatch(Watch *watch, WatchDefinition definition, QString *error)
{
    if (!watch || !m_watches.contains(watch))
        return false;
    const WatchDefinition old = watch->definition();
    if (old.isDefault()) {
        // Its name and source are the seed's; only the schedule and the notification change.
        const WatchDefinition fixed = WatchDefinition::defaultWatch();
        definition.name = fixed.name;
        definition.source = fixed.source;
    }
    QStringList others = names();
    others.removeAll(old.name);
    const WatchDefinition::Problems problems = definition.problems(others);
    if (!problems.isEmpty()) {
        if (error) {
            *error =
                QStringList{problems.name, problems.command, problems.folder, problems.interval}
                    .join(QLatin1Char(' '))
                    .simplified();
        }
        return false;
    }
    definition.createdMSecs =
        old.createdMSecs ? old.createdMSecs : QDateTime::currentMSecsSinceEpoch();
    const bool renamed = definition.name != old.name;
    const bool newSource = !definition.sameSource(old);
    watch->m_definition = definition;
    watch->history()->setNumberFormat(definition.numberFormat());
    if (renamed || newSource) {
        auto *registry = TaskRunner::GlobalRunnerRegistry::instance();
        registry->remove(old.name); // stops it; its thread ends in the background
        if (newSource)
            watch->history()->clear();
        watch->setRunner(acquire(definition));
    } else {
        TaskRunner::GlobalRunner runner = watch->runner();
        runner.setInterval(definition.interval);
        if (definition.paused)
            runner.pause();
        else
            runner.resume();
    }
    if (renamed && !old.isDefault())
        m_settings.removeWatch(old.name);
    watch->m_transient = false;
    m_settings.setWatch(definition);
    qCInfo(lcWatches).noquote() << "Changed watch" << old.name << "to" << definition.name << "-"
                                << definition.sourceText();
    m_model->changed(rowOf(watch));
    emit watch->definitionChanged();
    emit watchChanged(watch);
    return true;
}

bool WatchManager::removeWatch(Watch *watch)
{
    const int row = rowOf(watch);
    if (row < 0 || watch->definition().isDefault())
        return false;
    emit watchAboutToBeRemoved(watch);
    const QString name = watch->name();
    m_model->beginRemove(row);
    m_watches.removeAt(row);
    m_model->endRemove();
    TaskRunner::GlobalRunnerRegistry::instance()->remove(name);
    m_settings.removeWatch(name);
    qCInfo(lcWatches).noquote() << "Removed watch" << name;
    watch->m_watcher.clear();
    watch->deleteLater();
    emit watchRemoved(name);
    return true;
}

bool WatchManager::isHistoryShown() const
{
    return m_settings.historyShown();
}

void WatchManager::setHistoryShown(bool shown)
{
    m_settings.setHistoryShown(shown);
}

void WatchManager::saveInterval(Watch *watch, double seconds)
{
    if (!watch || !TaskRunner::GlobalRunner::isValidInterval(seconds))
        return;
    watch->m_definition.interval = seconds;
    m_settings.setInterval(watch->name(), seconds);
}

void WatchManager::setPaused(Watch *watch, bool paused)
{
    if (!watch)
        return;
    TaskRunner::GlobalRunner runner = watch->runner();
    if (paused)
        runner.pause();
    else
        runner.resume();
    if (watch->m_definition.paused == paused)
        return;
    watch->m_definition.paused = paused;
    if (!watch->isTransient())
        m_settings.setWatch(watch->definition());
}

void WatchManager::onOutcomeChanged(Watch *watch, const QString &before, const QString &after)
{
    if (!watch->definition().notifyOnChange)
        return;
    if (watch->m_changesSinceNotice == 0)
        watch->m_pendingBefore = before;
    watch->m_pendingAfter = after;
    ++watch->m_changesSinceNotice;
    if (watch->m_noticeTimer.isActive())
        return;
    const std::chrono::milliseconds since(
        watch->m_lastNotice.isValid() ? watch->m_lastNotice.elapsed() : notifyGap().count());
    if (since >= notifyGap()) {
        sendNotice(watch);
        return;
    }
    watch->m_noticeTimer.start(notifyGap() - since);
}

void WatchManager::sendNotice(Watch *watch)
{
    if (watch->m_changesSinceNotice == 0)
        return;
    const int changes = std::exchange(watch->m_changesSinceNotice, 0);
    watch->m_lastNotice.start();
    emit outcomeChanged(watch, watch->m_pendingBefore, watch->m_pendingAfter, changes);
}
