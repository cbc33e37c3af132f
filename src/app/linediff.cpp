#include "linediff.h"

#include <algorithm>
#include <vector>

namespace {

// The changed characters of `after` against `before`: what is left between their common
// beginning and common end.
DiffLine changedLine(const QString &before, const QString &after, int oldLine, int newLine)
{
    const qsizetype limit = std::min(before.size(), after.size());
    qsizetype prefix = 0;
    while (prefix < limit && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < limit - prefix &&
           before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    DiffLine line;
    line.kind = DiffLine::Kind::Changed;
    line.oldLine = oldLine;
    line.newLine = newLine;
    line.from = int(prefix);
    line.to = int(std::max(prefix, after.size() - suffix));
    return line;
}

// Removed and added lines between two matches: as many as can be paired are changed lines.
void flushGap(const QStringList &before, const QStringList &after, int oldFrom, int oldTo,
              int newFrom, int newTo, QList<DiffLine> &out)
{
    const int paired = std::min(oldTo - oldFrom, newTo - newFrom);
    for (int i = 0; i < paired; ++i)
        out << changedLine(before.at(oldFrom + i), after.at(newFrom + i), oldFrom + i, newFrom + i);
    for (int i = oldFrom + paired; i < oldTo; ++i)
        out << DiffLine{DiffLine::Kind::Removed, i, -1, 0, 0};
    for (int i = newFrom + paired; i < newTo; ++i)
        out << DiffLine{DiffLine::Kind::Added, -1, i, 0, 0};
}

} // namespace

QList<DiffLine> LineDiff::compute(const QStringList &before, const QStringList &after)
{
    QList<DiffLine> out;
    out.reserve(after.size());
    const int oldCount = int(before.size());
    const int newCount = int(after.size());
    int prefix = 0;
    while (prefix < oldCount && prefix < newCount && before.at(prefix) == after.at(prefix))
        ++prefix;
    int suffix = 0;
    while (suffix < oldCount - prefix && suffix < newCount - prefix &&
           before.at(oldCount - 1 - suffix) == after.at(newCount - 1 - suffix))
        ++suffix;
    for (int i = 0; i < prefix; ++i)
        out << DiffLine{DiffLine::Kind::Same, i, i, 0, 0};

    const int n = oldCount - prefix - suffix; // the middle parts
    const int m = newCount - prefix - suffix;
    if (qsizetype(n) * qsizetype(m) > maximumCells()) {
        flushGap(before, after, prefix, prefix + n, prefix, prefix + m, out);
    } else if (n > 0 || m > 0) {
        // lengths[i][j]: the longest common subsequence of the middles from i and j on.
        std::vector<quint32> lengths(std::size_t(n + 1) * std::size_t(m + 1), 0);
        auto at = [&](int i, int j) -> quint32 & { return lengths[std::size_t(i) * (m + 1) + j]; };
        for (int i = n - 1; i >= 0; --i) {
            for (int j = m - 1; j >= 0; --j) {
                at(i, j) = before.at(prefix + i) == after.at(prefix + j)
                               ? at(i + 1, j + 1) + 1
                               : std::max(at(i + 1, j), at(i, j + 1));
            }
        }
        int i = 0;
        int j = 0;
        int gapOld = 0;
        int gapNew = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before.at(prefix + i) == after.at(prefix + j)) {
                flushGap(before, after, prefix + gapOld, prefix + i, prefix + gapNew, prefix + j,
                         out);
                out << DiffLine{DiffLine::Kind::Same, prefix + i, prefix + j, 0, 0};
                ++i;
                ++j;
                gapOld = i;
                gapNew = j;
            } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
                ++j;
            } else {
                ++i;
            }
        }
        flushGap(before, after, prefix + gapOld, prefix + n, prefix + gapNew, prefix + m, out);
    }
    for (int k = 0; k < suffix; ++k)
        out << DiffLine{DiffLine::Kind::Same, oldCount - suffix + k, newCount - suffix + k, 0, 0};
    return out;
}

LineDiff::Summary LineDiff::summarize(const QList<DiffLine> &lines)
{
    Summary summary;
    for (const DiffLine &line : lines) {
        switch (line.kind) {
        case DiffLine::Kind::Changed:
            ++summary.changed;
            break;
        case DiffLine::Kind::Added:
            ++summary.added;
            break;
        case DiffLine::Kind::Removed:
            ++summary.removed;
            break;
        case DiffLine::Kind::Same:
            break;
        }
    }
    return summary;
}

QStringList LineDiff::splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')))
        lines.removeLast();
    return lines;
}
