#pragma once

#include <QString>

#include <chrono>

// "850 µs", "12.5 ms", "1.002 s", "2:03", "1:02:03": a duration as a person reads it, in the
// locale's digits.
QString durationText(std::chrono::microseconds duration);

class QDateTime;
class QTime;
class QVariant;

// The locale's short time and date-time formats, with the seconds where they leave them out
// ("03:53" in German): tasks a second apart must not look the same.
QString clockText(const QTime &time);
QString dateTimeText(const QDateTime &dateTime);

// A task's or a run's result as the views show it: a date-time in the locale's short date and
// its time to the millisecond ("12/1/26 12:17:07.609", "01.12.26 12:17:07,609"), anything else
// as TaskRunner::displayText() gives it. Copies, the history and exports keep ISO 8601.
QString resultText(const QVariant &result);
