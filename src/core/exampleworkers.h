#pragma once

#include <QVariant>

#include <chrono>
#include <functional>

namespace TaskRunner {

using SessionWorker = std::function<QVariant(const QVariant &task)>;
using GlobalWorker = std::function<QVariant()>;

// The reference's example worker: waits `duration` (1 s by default), then returns the current
// date-time. The wait ends within microseconds when the runner is stopped; an interrupted
// task throws, so it is reported as an error rather than as a result.
SessionWorker exampleSessionWorker(std::chrono::milliseconds duration = std::chrono::seconds(1));
GlobalWorker exampleGlobalWorker(std::chrono::milliseconds duration = std::chrono::seconds(1));

// The reference's global example: key, interval.
inline constexpr const char exampleGlobalKey[] = "example-worker";
inline constexpr double exampleGlobalInterval = 0.33;

} // namespace TaskRunner
