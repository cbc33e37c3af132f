#include "durationtext.h"

#include <TaskRunner/taskrecord.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

QString durationText(std::chrono::microseconds duration)
{
    const QLocale locale;
    const auto us = duration.count();
    if (us < 1000)
        return QCoreApplication::translate("durationText", "%1 µs").arg(locale.toString(us));
    if (us < 1000000)
        return QCoreApplication::translate("durationText", "%1 ms")
            .arg(locale.toString(double(us) / 1e3, 'f', 1));
    if (us < 60'000'000)
        return QCoreApplication::translate("durationText", "%1 s")
            .arg(locale.toString(double(us) / 1e6, 'f', 3));
    // Minutes and longer: as a clock reads, 1:02:03 or 2:03.
    const qint64 seconds = us / 1'000'000;
    const QString minutesSeconds =
        QStringLiteral("%1:%2")
            .arg((seconds / 60) % 60, seconds >= 3600 ? 2 : 1, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return seconds >= 3600 ? QStringLiteral("%1:%2").arg(seconds / 3600).arg(minutesSeconds)
                           : minutesSeconds;
}

namespace {
// The short format of the locale with the seconds put in after the minutes.
QString withSeconds(QString format)
{
    if (format.contains(QLatin1Char('s')))
        return format;
    const qsizetype minutes = format.lastIndexOf(QLatin1String("mm"));
    if (minutes < 1)
        return format;
    // The separator the hours have before the minutes ("HH:mm", "HH.mm").
    const QChar separator =
        format.at(minutes - 1).isLetter() ? QLatin1Char(':') : format.at(minutes - 1);
    format.insert(minutes + 2, separator + QStringLiteral("ss"));
    return format;
}

// A year of two digits ("dd.MM.yy", "M/d/yy") as four: a history reaches back years, and
// 01.12.26 reads as a day of 2026 or a year 1926 or 2001.
QString withFullYear(QString format)
{
    if (format.contains(QLatin1String("yyyy")))
        return format;
    const qsizetype year = format.indexOf(QLatin1String("yy"));
    if (year >= 0)
        format.replace(year, 2, QStringLiteral("yyyy"));
    return format;
}
} // namespace

QString clockText(const QTime &time)
{
    const QLocale locale;
    return locale.toString(time, withSeconds(locale.timeFormat(QLocale::ShortFormat)));
}

QString dateTimeText(const QDateTime &dateTime)
{
    const QLocale locale;
    return locale.toString(dateTime,
                           withFullYear(withSeconds(locale.dateTimeFormat(QLocale::ShortFormat))));
}

QString resultText(const QVariant &result)
{
    if (result.typeId() != QMetaType::QDateTime)
        return TaskRunner::displayText(result);
    const QDateTime when = result.toDateTime();
    if (!when.isValid())
        return TaskRunner::displayText(result);
    const QLocale locale;
    const QTime time = when.time();
    return QStringLiteral("%1 %2%3%4")
        .arg(locale.toString(when.date(), withFullYear(locale.dateFormat(QLocale::ShortFormat))),
             locale.toString(time, QStringLiteral("HH:mm:ss")), locale.decimalPoint())
        .arg(time.msec(), 3, 10, QLatin1Char('0'));
}
