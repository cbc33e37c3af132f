#include "labels.h"

#include <QApplication>
#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QScreen>
#include <QStyle>
#include <QToolTip>

void makeHeading(QLabel *label)
{
    QFont heading = label->font();
    heading.setBold(true);
    label->setFont(heading);
}

namespace {
// Makes a label selectable with the mouse when the pointer comes over it, while its text is
// worth copying (see setCopyableText()). A child of the label: it goes with it.
// Q_OBJECT: findChild() matches by meta-object.
class SelectableUnderPointer : public QObject
{
    Q_OBJECT
public:
    explicit SelectableUnderPointer(QLabel *label)
        : QObject(label)
        , m_label(label)
    {
        label->installEventFilter(this);
    }

    bool worthCopying = false;

    void update()
    {
        const Qt::TextInteractionFlags flags = m_label->textInteractionFlags();
        const bool selectable = flags & Qt::TextSelectableByMouse;
        const bool wanted =
            worthCopying && (m_label->underMouse() || (selectable && m_label->hasSelectedText()));
        if (wanted != selectable)
            m_label->setTextInteractionFlags(flags ^ Qt::TextSelectableByMouse);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_label && event->type() == QEvent::Enter && worthCopying)
            update();
        return false;
    }

private:
    QLabel *const m_label;
};

// Frees a steady label's size when what it was measured with changes (see setSteadyText()).
class SteadySize : public QObject
{
    Q_OBJECT
public:
    explicit SteadySize(QLabel *label)
        : QObject(label)
    {
        label->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::FontChange:
        case QEvent::StyleChange:
        case QEvent::LanguageChange: {
            auto *label = static_cast<QLabel *>(watched);
            label->setMinimumSize(0, 0);
            label->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
            break;
        }
        default:
            break;
        }
        return false;
    }
};
// The whole text of a label shown elided, cut again whenever the label's width changes.
class Elided : public QObject
{
    Q_OBJECT
public:
    explicit Elided(QLabel *label)
        : QObject(label)
        , m_label(label)
    {
        label->installEventFilter(this);
    }

    void setText(const QString &text)
    {
        m_text = text;
        m_label->setAccessibleName(text);
        fit();
    }

    bool eventFilter(QObject *, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::Resize:
        case QEvent::FontChange:
        case QEvent::StyleChange:
            fit();
            break;
        default:
            break;
        }
        return false;
    }

private:
    void fit()
    {
        const int width = m_label->contentsRect().width() - 2 * m_label->margin();
        const QString shown =
            width > 0 ? m_label->fontMetrics().elidedText(m_text, Qt::ElideRight, width) : m_text;
        if (m_label->text() != shown)
            m_label->setText(shown);
    }

    QLabel *m_label;
    QString m_text;
};
// Keeps a wrapped label's least height at what its text needs at the width it has.
class WholeHeight : public QObject
{
public:
    explicit WholeHeight(QLabel *label)
        : QObject(label)
        , m_label(label)
    {
        label->installEventFilter(this);
    }

    bool eventFilter(QObject *, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::Resize:
            if (static_cast<QResizeEvent *>(event)->oldSize().width() != m_label->width())
                fit();
            break;
        case QEvent::FontChange:
        case QEvent::StyleChange:
            fit();
            break;
        default:
            break;
        }
        return false;
    }

    void fit()
    {
        // QLabel's height for a width is at least its least height: measured without it (set
        // to the same again, that costs one layout, not two).
        m_label->setMinimumHeight(0);
        m_label->setMinimumHeight(
            m_label->text().isEmpty() ? 0 : m_label->heightForWidth(m_label->width()));
    }

private:
    QLabel *m_label;
};
} // namespace

void setWrappedText(QLabel *label, const QString &text)
{
    auto *whole = label->findChild<WholeHeight *>(QString(), Qt::FindDirectChildrenOnly);
    if (!whole)
        whole = new WholeHeight(label);
    if (label->text() == text)
        return;
    label->setText(text);
    whole->fit();
}

void setElidedText(QLabel *label, const QString &text)
{
    auto *elided = label->findChild<Elided *>(QString(), Qt::FindDirectChildrenOnly);
    if (!elided)
        elided = new Elided(label);
    elided->setText(text);
}

void setSteadyText(QLabel *label, const QString &text)
{
    if (!label->findChild<SteadySize *>(QString(), Qt::FindDirectChildrenOnly))
        new SteadySize(label);
    label->setText(text);
    const QSize fitted = label->sizeHint().expandedTo(label->minimumSize());
    if (fitted != label->maximumSize())
        label->setFixedSize(fitted);
}

void setCopyableText(QLabel *label, const QString &text, bool worthCopying)
{
    auto *selectable =
        label->findChild<SelectableUnderPointer *>(QString(), Qt::FindDirectChildrenOnly);
    if (!selectable && worthCopying)
        selectable = new SelectableUnderPointer(label);
    if (selectable) {
        selectable->worthCopying = worthCopying;
        selectable
            ->update(); // before the text: a label that stops being selectable drops its document
    }
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
           format == other.format && wordWrap == other.wordWrap && hasBuddy == other.hasBuddy &&
           margin == other.margin && indent == other.indent &&
           contentsMargins == other.contentsMargins && minimumSize == other.minimumSize &&
           text == other.text;
}

WrappedLabel::Wrapping WrappedLabel::wrapping() const
{
    Wrapping now;
    now.text = text();
    now.interaction = textInteractionFlags();
    now.alignment = alignment();
    now.format = textFormat();
    now.wordWrap = wordWrap();
    now.hasBuddy = buddy() != nullptr;
    now.margin = margin();
    now.indent = indent();
    now.contentsMargins = contentsMargins();
    now.minimumSize = minimumSize();
    return now;
}

int WrappedLabel::heightForWidth(int width) const
{
    if (text().isEmpty())
        return QLabel::heightForWidth(width);
    Wrapping now = wrapping();
    if (!(now == m_wrapping)) {
        m_wrapping = std::move(now);
        m_heights.fill({});
    }
    for (const std::optional<Height> &known : m_heights) {
        if (known && known->width == width)
            return known->height;
    }
    const int height = QLabel::heightForWidth(width);
    m_heights[m_nextSlot] = Height{width, height};
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

void setErrorStyle(QLabel *label, bool error)
{
    if (!error) {
        label->setPalette(QPalette()); // the parent's again
        return;
    }
    QPalette palette = label->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0x80, 0x80) : QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
}

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
}

QString ElidedLabel::shownText() const
{
    return fontMetrics().elidedText(text(), Qt::ElideRight, contentsRect().width());
}

bool ElidedLabel::isElided() const
{
    return shownText() != text();
}

bool ElidedLabel::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QLabel::event(event);
    if (!isElided() || toolTip().isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    const QPoint at = static_cast<QHelpEvent *>(event)->globalPos();
    QToolTip::showText(at, toolTip(), this, rect());
    // QToolTip puts the tip below the pointer, over what is under the label; it goes above.
    const int top = mapToGlobal(QPoint(0, 0)).y();
    for (QWidget *tip : QApplication::topLevelWidgets()) {
        if (!tip->inherits("QTipLabel") || !tip->isVisible())
            continue;
        const QRect screenArea = screen()->availableGeometry();
        if (top - tip->height() - 2 >= screenArea.top())
            tip->move(tip->x(), top - tip->height() - 2);
    }
    return true;
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    style()->drawItemText(&painter, contentsRect(),
                          QStyle::visualAlignment(layoutDirection(), alignment()), palette(),
                          isEnabled(), shownText(), foregroundRole());
}

#include "labels.moc"
