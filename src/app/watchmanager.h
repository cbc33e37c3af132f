#pragma once

#include "watchdefinition.h"

#include <TaskRunner/globalrunner.h>
#include <TaskRunner/runnerwatcher.h>

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>

class AppSettings;
class WatchHistory;
class WatchListModel;

// One watch: its definition, its global runner (shared through the registry under its name)
// and its one history, fed from the runner's records on every notification. Owned by the
// WatchManager; views hold it through a QPointer. Main thread.
class Watch : public QObject
{
    Q_OBJECT
public:
    Watch(const WatchDefinition &definition, QObject *parent = nullptr);
    ~Watch() override;

    const WatchDefinition &definition() const { return m_definition; }
    QString name() const { return m_definition.name; }
    TaskRunner::GlobalRunner runner() const { return m_runner; }
    WatchHistory *history() const { return m_history; }
    // Made for the command line and not saved (until it is edited).
    bool isTransient() const { return m_transient; }

signals:
    // The runner changed; history() already has its new records. Views read runner().state().
    void stateChanged();
    // The definition changed (see WatchManager::editWatch()); when the source or the name
    // changed, runner() is a new runner and the history started again.
    void definitionChanged();

private:
    friend class WatchManager;
    void setRunner(const TaskRunner::GlobalRunner &runner);
    void readRecords();

    WatchDefinition m_definition;
    TaskRunner::GlobalRunner m_runner;
    TaskRunner::RunnerWatcher m_watcher;
    WatchHistory *m_history = nullptr;
    quint64 m_nextSequence = 1;
    bool m_transient = false;
    // Notifications of a changed result: at most one per notifyGap(), the last change wins.
    QElapsedTimer m_lastNotice;
    QTimer m_noticeTimer;
    QString m_pendingBefore;
    QString m_pendingAfter;
    int m_changesSinceNotice = 0;
};

// Owns every watch of the application: the default one (example-worker), those the user saved,
// and those asked for on the command line. Each watch's runner comes from the
// GlobalRunnerRegistry with the worker of its source; editing the source or the name replaces
// the runner (the old one is removed from the registry, which stops it), removing a watch
// removes its runner. Every change is saved and announced at once, so each window's list
// follows. Main thread.
class WatchManager : public QObject
{
    Q_OBJECT
public:
    // Runners keep this many records for the history to read (it reads them at least every
    // notification, 8 ms apart while busy) and this much output of each run.
    static constexpr qsizetype recordLimit() { return 256; }
    // Each watch is a runner with a thread of its own, and each thread's event loop takes file
    // descriptors: a thousand would exhaust the usual limit of 1,024 and abort the app at
    // start. More are refused (and, from the settings, left there, not loaded).
    static constexpr qsizetype watchLimit() { return 200; }
    static constexpr qint64 outputLimit() { return 64 * 1024; }
    static constexpr std::chrono::milliseconds notifyGap() { return std::chrono::seconds(10); }

    WatchManager(AppSettings &settings, std::chrono::milliseconds exampleDuration,
                 QObject *parent = nullptr);
    ~WatchManager() override;

    // Loads the saved watches and starts them (the default one first).
    void load();

    QList<Watch *> watches() const { return m_watches; }
    QStringList names() const;
    Watch *watch(const QString &name) const;
    Watch *defaultWatch() const;
    // The watches' names, in order, for combo boxes (one model for every window).
    QAbstractItemModel *model() const;
    int rowOf(const Watch *watch) const
    {
        return int(m_watches.indexOf(const_cast<Watch *>(watch)));
    }

    // The watch `name`; made as an example watch with `interval` (or the one saved for the
    // name) when there is none, for this run only: it is saved once edited.
    Watch *ensureWatch(const QString &name, double interval);
    // Adds a new watch (saved, started). nullptr with the reason when it is not valid.
    Watch *addWatch(WatchDefinition definition, QString *error = nullptr);
    // Changes `watch` to `definition`. A new name or source replaces its runner (its history
    // starts again when the source changed); the interval and pause apply to the runner as it
    // is. The default watch keeps its name and source. False with the reason when invalid.
    bool editWatch(Watch *watch, WatchDefinition definition, QString *error = nullptr);
    // Removes the watch and its runner; the default watch cannot be removed.
    bool removeWatch(Watch *watch);

    // Whether new windows open with the history shown (the last choice of any window).
    bool isHistoryShown() const;
    void setHistoryShown(bool shown);

    // What the views change on the shared runner, saved.
    void saveInterval(Watch *watch, double seconds);
    void setPaused(Watch *watch, bool paused);

signals:
    void watchAdded(Watch *watch);
    // Before the watch goes: windows showing it switch to the default watch.
    void watchAboutToBeRemoved(Watch *watch);
    void watchRemoved(const QString &name);
    void watchChanged(Watch *watch);
    // A watch with notifyOnChange has a new outcome (at most one per notifyGap()).
    void outcomeChanged(Watch *watch, const QString &before, const QString &after, int changes);

private:
    Watch *insert(const WatchDefinition &definition);
    Watch *add(WatchDefinition definition, bool save, QString *error);
    TaskRunner::GlobalRunner acquire(const WatchDefinition &definition) const;
    void onOutcomeChanged(Watch *watch, const QString &before, const QString &after);
    void sendNotice(Watch *watch);

    AppSettings &m_settings;
    const std::chrono::milliseconds m_exampleDuration;
    QList<Watch *> m_watches; // the default first, then by creation
    WatchListModel *m_model = nullptr;
};
