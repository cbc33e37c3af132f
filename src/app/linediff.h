#pragma once

#include <QList>
#include <QStringList>

// The lines of one text against those of the text before it, as `watch -d` marks them: each
// line of the new text is the same, changed (with the characters that changed) or added, and
// the lines of the old text that are gone are listed where they were. Qt Core only.
//
// Lines are matched by a longest common subsequence after the common beginning and end are
// taken off; a middle part of more than maximumCells() line pairs is compared line by line
// instead, so the cost stays bounded whatever the texts.
struct DiffLine
{
    enum class Kind : quint8 { Same, Changed, Added, Removed };
    Kind kind = Kind::Same;
    int oldLine = -1; // Same, Changed, Removed
    int newLine = -1; // Same, Changed, Added
    // Changed: the characters of the new line from `from` to `to` (exclusive) differ.
    int from = 0;
    int to = 0;

    friend bool operator==(const DiffLine &a, const DiffLine &b)
    {
        return a.kind == b.kind && a.oldLine == b.oldLine && a.newLine == b.newLine &&
               a.from == b.from && a.to == b.to;
    }
};

class LineDiff
{
public:
    static constexpr qsizetype maximumCells() { return 4'000'000; }

    // In the order a unified diff shows them: removed lines before the line that follows them.
    static QList<DiffLine> compute(const QStringList &before, const QStringList &after);
    // Counts of changed, added and removed lines.
    struct Summary
    {
        int changed = 0;
        int added = 0;
        int removed = 0;
        bool isEmpty() const { return changed == 0 && added == 0 && removed == 0; }
    };
    static Summary summarize(const QList<DiffLine> &lines);
    // "a\nb\n" -> {"a", "b"}: a final line break starts no line of its own.
    static QStringList splitLines(const QString &text);
};
