#include "privatefolder.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace TaskRunner::detail {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

bool ensurePrivateFolder(const QString &path, QString &error)
{
    const QFileInfo info(path);
    if (info.isDir())
        return true;
    if (info.exists()) {
        error = errnoText(ENOTDIR);
        return false;
    }
    const QString parent = info.absolutePath();
    if (parent != path && !ensurePrivateFolder(parent, error))
        return false;
    if (::mkdir(QFile::encodeName(path).constData(), 0700) != 0 && errno != EEXIST) {
        error = errnoText(errno);
        return false;
    }
    return true;
}

} // namespace TaskRunner::detail
