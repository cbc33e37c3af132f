#pragma once

// Private to the history library: the files it writes live in folders only the user can read.

#include <QString>

namespace TaskRunner::detail {

// strerror() of `error`, in the locale's encoding.
QString errnoText(int error);

// Creates the missing folders of `path`, each with mode 0700 (they hold the history and the
// saved sessions). False with `error` set when one cannot be made or a file has its name.
bool ensurePrivateFolder(const QString &path, QString &error);

} // namespace TaskRunner::detail
