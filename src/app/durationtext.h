#pragma once

#include <QString>

#include <chrono>

// "850 µs", "12.5 ms", "1.002 s": a duration as a person reads it.
QString durationText(std::chrono::microseconds duration);
