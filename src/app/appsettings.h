#pragma once

#include "watchdefinition.h"

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>

// What survives a restart: the interval of each global key and the window geometry, in the
// user's QSettings file. A value that cannot be used (unreadable, garbage, out of range) is
// logged and replaced by the caller's default; it never stops the app. A file that cannot be
// written is logged once, at the first change, and the app goes on with what it has.
class AppSettings
{
public:
    AppSettings();

    // The saved interval for `key`, or `fallback` when none is saved or it is invalid.
    double interval(const QString &key, double fallback) const;
    void setInterval(const QString &key, double seconds);

    // The saved watches with their intervals (the default one only if it was saved). An entry
    // that cannot be used is skipped; all of them are named in one warning.
    QList<WatchDefinition> watches() const;
    // Saves `watch` under its name, with its interval.
    void setWatch(const WatchDefinition &watch);
    // Forgets the watch and its interval.
    void removeWatch(const QString &name);

    // Whether a new window shows the watch's history (the last choice).
    bool historyShown() const;
    void setHistoryShown(bool shown);

    // The saved geometry, or nothing once it was rejected.
    QByteArray windowGeometry() const;
    // The saved geometry cannot be used (`reason`): logs that once, and windowGeometry()
    // returns nothing until a new one is saved.
    void rejectWindowGeometry(const char *reason) const;
    void setWindowGeometry(const QByteArray &geometry);

    // The commands used before, oldest first (at most commandHistoryLimit()).
    QStringList commandHistory() const;
    void addToCommandHistory(const QString &command);
    static constexpr int commandHistoryLimit() { return 200; }

    // Whether closing or quitting asks first while commands wait or run.
    bool confirmStoppingCommands() const;
    void setConfirmStoppingCommands(bool confirm);

    QString fileName() const { return m_settings.fileName(); }
    // What went wrong with the file at start, for the user (empty when nothing did): it was not
    // a file and was set aside, or it was damaged and a copy of it was kept.
    QString startNotice() const { return m_startNotice; }
    void sync() { m_settings.sync(); }

private:
    static QString intervalKey(const QString &globalKey);
    static QString watchKey(const QString &name);
    static QString encoded(const QString &key);
    void store(const QString &key, const QVariant &value);
    // The user's file only, the one the app writes; a path that is not a regular file is set
    // aside first (QSettings would wait forever on a FIFO).
    static QString checkedFileName(QString *notice);

    QString m_startNotice;
    mutable QSettings m_settings;
    mutable bool m_geometryRejected = false; // and logged
    bool m_writeChecked = false; // whether the file can be written, looked at on the first change
};
