#pragma once

// Private: the last line of a command's output, for its outcome. Not installed.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace TaskRunner::detail {

// The last line with something in it (not only blanks) of a stream that arrives in pieces.
// Keeps only that line and the unfinished one, each cut to `limit` bytes: memory stays bounded
// whatever the stream holds. Not thread-safe.
class LastLine
{
public:
    explicit LastLine(qsizetype limit = 4096);

    void append(QByteArrayView data);
    // The line as text: an unfinished line at the end counts; invalid UTF-8 and NUL bytes
    // become U+FFFD, the text after a carriage return replaces the text before it (as a
    // terminal shows it), blanks at either end are dropped, and "…" marks a cut line. Empty
    // when there was no such line.
    QString text() const;

private:
    struct Line
    {
        QByteArray bytes;
        bool cut = false;
    };
    void appendTo(Line &line, QByteArrayView data) const;

    const qsizetype m_limit;
    Line m_last;    // the last finished line with something in it
    Line m_current; // the line not finished yet
};

} // namespace TaskRunner::detail
