#pragma once

#include <QString>

#include <chrono>

// "850 µs", "12.5 ms", "1.002 s", "2:03", "1:02:03": a duration as a person reads it, in the
// locale's digits.
QString durationText(std::chrono::microseconds duration);
