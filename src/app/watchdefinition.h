#pragma once

#include <TaskRunner/commandspec.h>
#include <TaskRunner/globalrunner.h>
#include <TaskRunner/samplers.h>

#include <QString>
#include <QVariantMap>

#include <chrono>

// What the user made a watch of: its name (which is its global runner's key), what it runs,
// how often, whether it is paused and whether a change of its result is notified. A plain
// value; Qt Core only.
struct WatchDefinition
{
    enum class Source : quint8 { Example, Command, Sampler };

    QString name;
    Source source = Source::Example;
    TaskRunner::CommandSpec command;                                        // Source::Command
    TaskRunner::SamplerKind sampler = TaskRunner::SamplerKind::LoadAverage; // Source::Sampler
    QString folder; // for the free-space sampler
    double interval = 1.0;
    bool paused = false;
    bool notifyOnChange = false;
    qint64 createdMSecs = 0; // orders the list of watches

    // The reference's example under its key, at 0.33 s: always there.
    static WatchDefinition defaultWatch();
    static QString defaultName();
    bool isDefault() const { return name == defaultName(); }

    // What is wrong with each field the user fills in, empty when it is fine; `otherNames` are
    // the names already taken by other watches. Translated.
    struct Problems
    {
        QString name;
        QString command;
        QString folder;
        QString interval;
        bool isEmpty() const
        {
            return name.isEmpty() && command.isEmpty() && folder.isEmpty() && interval.isEmpty();
        }
    };
    Problems problems(const QStringList &otherNames) const;
    bool isValid(const QStringList &otherNames = {}) const
    {
        return problems(otherNames).isEmpty();
    }

    // What runs: the same source, folder and command (the name and schedule aside).
    bool sameSource(const WatchDefinition &other) const;

    // A worker for the runner; example tasks take `exampleDuration`.
    TaskRunner::GlobalWorker worker(std::chrono::milliseconds exampleDuration) const;
    // How its numbers are shown: a sampler's with its decimals and unit, others as they come.
    struct NumberFormat
    {
        int decimals = -1; // -1: up to 6 significant digits
        QString unit;      // "MiB"; empty for none
        // "433.7 MiB", in the locale's digits; without decimals set, up to 6 significant
        // digits, whole and large numbers with all of theirs.
        QString text(double value) const;
        friend bool operator==(const NumberFormat &a, const NumberFormat &b)
        {
            return a.decimals == b.decimals && a.unit == b.unit;
        }
    };
    NumberFormat numberFormat() const;
    // The source as a user reads it: "Example", "Command: df -h", "Free space of /home".
    QString sourceText() const;

    // For QSettings (the interval is saved on its own, per key). fromVariantMap() checks each
    // field and gives an invalid definition and the reason for a map that is not one of ours.
    QVariantMap toVariantMap() const;
    static WatchDefinition fromVariantMap(const QVariantMap &map, QString *error = nullptr);

    static QString sourceId(Source source);

    friend bool operator==(const WatchDefinition &a, const WatchDefinition &b);
    friend bool operator!=(const WatchDefinition &a, const WatchDefinition &b) { return !(a == b); }
};
