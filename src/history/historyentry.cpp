#include <TaskRunner/historyentry.h>

namespace TaskRunner {

void HistoryEntry::setOutput(const QByteArray &output)
{
    outputTail = output;
    truncateOutputTail();
}

void HistoryEntry::truncateOutputTail()
{
    outputSize = qMax(outputSize, qint64(outputTail.size()));
    if (outputTail.size() > maxOutputTail)
        outputTail = outputTail.right(maxOutputTail);
}

qint64 HistoryEntry::timeMs() const
{
    if (finishedMs != 0)
        return finishedMs;
    return startedMs != 0 ? startedMs : queuedMs;
}

qint64 HistoryEntry::durationMs() const
{
    if (startedMs == 0 || finishedMs == 0)
        return -1;
    return finishedMs - startedMs;
}

bool operator==(const HistoryEntry &a, const HistoryEntry &b)
{
    return a.id == b.id && a.sessionId == b.sessionId && a.taskNumber == b.taskNumber &&
           a.kind == b.kind && a.commandLine == b.commandLine && a.folder == b.folder &&
           a.queuedMs == b.queuedMs && a.startedMs == b.startedMs && a.finishedMs == b.finishedMs &&
           a.state == b.state && a.exitCode == b.exitCode && a.result == b.result &&
           a.outputTail == b.outputTail && a.outputSize == b.outputSize && a.watchKey == b.watchKey;
}

} // namespace TaskRunner
