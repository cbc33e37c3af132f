#include "lastline.h"

#include <algorithm>

namespace TaskRunner::detail {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

bool isBlankLine(QByteArrayView line)
{
    return std::all_of(line.begin(), line.end(), isBlank);
}

// Drops a UTF-8 sequence that the cut at the end left incomplete.
QByteArrayView withoutCutSequence(QByteArrayView bytes)
{
    qsizetype lead = bytes.size() - 1;
    int continuation = 0;
    while (lead >= 0 && continuation < 4 && (uchar(bytes[lead]) & 0xC0) == 0x80) {
        --lead;
        ++continuation;
    }
    if (lead < 0)
        return bytes;
    const uchar first = uchar(bytes[lead]);
    const int length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    return length > continuation + 1 ? bytes.first(lead) : bytes;
}

} // namespace

LastLine::LastLine(qsizetype limit)
    : m_limit(std::max<qsizetype>(limit, 1))
{}

void LastLine::appendTo(Line &line, QByteArrayView data) const
{
    const qsizetype room = m_limit - line.bytes.size();
    if (data.size() > room) {
        line.cut = true;
        data = data.first(std::max<qsizetype>(room, 0));
    }
    line.bytes.append(data);
}

void LastLine::append(QByteArrayView data)
{
    const qsizetype lastNewline = data.lastIndexOf('\n');
    if (lastNewline < 0) {
        appendTo(m_current, data);
        return;
    }
    // Only the last line with something in it among the finished ones matters: look for it
    // from the end, so a piece of many lines costs one scan and one copy of a line.
    qsizetype end = lastNewline;
    for (;;) {
        const qsizetype start = data.first(end).lastIndexOf('\n') + 1;
        const QByteArrayView line = data.sliced(start, end - start);
        if (start == 0) { // the first line of the piece finishes m_current
            appendTo(m_current, line);
            if (!isBlankLine(m_current.bytes))
                m_last = std::move(m_current);
            break;
        }
        if (!isBlankLine(line)) {
            m_last = Line();
            appendTo(m_last, line);
            break;
        }
        end = start - 1;
    }
    m_current = Line();
    appendTo(m_current, data.sliced(lastNewline + 1));
}

QString LastLine::text() const
{
    const Line &line = isBlankLine(m_current.bytes) ? m_last : m_current;
    QByteArrayView bytes = line.cut ? withoutCutSequence(line.bytes) : QByteArrayView(line.bytes);
    while (!bytes.isEmpty() && isBlank(bytes.back()))
        bytes.chop(1);
    bytes = bytes.sliced(bytes.lastIndexOf('\r') + 1);
    QString text = QString::fromUtf8(bytes);
    text.replace(QChar(u'\0'), QChar::ReplacementCharacter);
    text = text.trimmed();
    if (line.cut && !text.isEmpty())
        text += u'…';
    return text;
}

} // namespace TaskRunner::detail
