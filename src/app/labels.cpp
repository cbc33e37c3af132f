#include "labels.h"

#include <QEvent>

void makeHeading(QLabel *label)
{
    QFont heading = label->font();
    heading.setBold(true);
    label->setFont(heading);
}

void setCopyableText(QLabel *label, const QString &text, bool worthCopying)
{
    if (worthCopying && !(label->textInteractionFlags() & Qt::TextSelectableByMouse))
        label->setTextInteractionFlags(label->textInteractionFlags() | Qt::TextSelectableByMouse);
    label->setText(text);
}

WrappedLabel::WrappedLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

bool WrappedLabel::Wrapping::operator==(const Wrapping &other) const
{
    return interaction == other.interaction && alignment == other.alignment &&
           format == other.format && margin == other.margin && indent == other.indent &&
           contentsMargins == other.contentsMargins && text == other.text;
}

WrappedLabel::Wrapping WrappedLabel::wrapping() const
{
    return {text(),   textInteractionFlags(), alignment(), textFormat(), margin(),
            indent(), contentsMargins()};
}

int WrappedLabel::heightForWidth(int width) const
{
    Wrapping now = wrapping();
    if (!(now == m_wrapping)) {
        m_wrapping = std::move(now);
        m_heights.fill({});
    }
    for (const Height &known : m_heights) {
        if (known.width == width)
            return known.height;
    }
    const int height = QLabel::heightForWidth(width);
    m_heights[m_nextSlot] = {width, height};
    m_nextSlot = (m_nextSlot + 1) % m_heights.size();
    return height;
}

void WrappedLabel::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LayoutDirectionChange:
        m_heights.fill({});
        break;
    default:
        break;
    }
    QLabel::changeEvent(event);
}
