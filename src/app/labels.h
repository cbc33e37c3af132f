#pragma once

#include <QLabel>

#include <array>
#include <optional>

// Shows `label` as a view's heading: bold, at the user's font size (the bold face Qt already
// loads for header views, so a heading costs no font of its own).
void makeHeading(QLabel *label);

// Shows `text` in `label`. While `worthCopying` (a result, an error), the label becomes
// selectable with the mouse when the pointer comes over it, and stops being so at the next
// text once the pointer has left with nothing selected. A
// selectable label keeps a whole text document behind it (about 15 KiB) and builds it again
// at every change of its text: a placeholder such as "None" is not worth it, nor are the
// labels of the 200 windows the pointer is not over, each changing three times a second.
void setCopyableText(QLabel *label, const QString &text, bool worthCopying);

// Shows `text` in `label`, a one-line label whose text changes often (a count, a state, a
// time), without laying its window out again at each change. A new text in a label whose size
// may change has Qt lay out every layout up to the window's, even when the text is as wide as
// the one before; a label of fixed size is repainted alone. So the label keeps a fixed size that
// only grows to fit a longer text, and is fitted afresh after a change of its font, style or
// language. For labels that do not wrap and are not stretched by their layout.
void setSteadyText(QLabel *label, const QString &text);

// Shows `text` in `label`, a one-line label that its layout may make narrower than the text:
// cut with an ellipsis at the end to the width it has, again at each resize, rather than cut
// off in the middle of a word. A screen reader gets the whole text (the accessible name).
void setElidedText(QLabel *label, const QString &text);

// Shows `text` in `label`, a word-wrapped label in a splitter (or any parent that sizes its
// parts by their least size alone): the label asks for the height its text needs at the width it
// has, again whenever that width changes, rather than the one line a wrapped label's least size
// counts. Otherwise the splitter gave it one line and its other lines were cut off or drawn
// over what is below it.
void setWrappedText(QLabel *label, const QString &text);

// A word-wrapped label that remembers its height for the last few widths it was asked about.
//
// QLabel lays its text out again for every heightForWidth() (twice when the text is
// selectable: once at the width asked about, once to restore its own), and a window's layout
// asks each wrapped label several times whenever anything in the window changed size, such as
// a neighbour's text. A window full of changing figures spent most of its layout time there.
// The heights are kept for one text, font, style and set of properties that change the
// wrapping; anything else starts afresh. A label without text (a pixmap, a movie, nothing) is
// measured by QLabel each time.
class WrappedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrappedLabel(QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Wrapping
    {
        QString text;
        Qt::TextInteractionFlags interaction;
        Qt::Alignment alignment;
        Qt::TextFormat format = Qt::AutoText;
        bool wordWrap = true;
        bool hasBuddy = false; // shortcut marks are hidden only with a buddy
        int margin = 0;
        int indent = 0;
        QMargins contentsMargins;
        QSize minimumSize;

        bool operator==(const Wrapping &other) const;
    };
    struct Height
    {
        int width = 0;
        int height = 0;
    };

    Wrapping wrapping() const;

    mutable Wrapping m_wrapping;                            // what m_heights were measured for
    mutable std::array<std::optional<Height>, 4> m_heights; // by width
    mutable std::size_t m_nextSlot = 0;                     // the slot the next new width replaces
};

// Shows `label`'s text as an error (red, readable on a dark palette too), or as plain text
// again when not `error`.
void setErrorStyle(QLabel *label, bool error);

// A one-line plain-text label that ends in "…" when its text does not fit (QLabel cuts it
// mid-letter). text() and the accessible name keep the whole text. Its tooltip shows only
// while the text is cut, above the label so that it hides nothing the user works on below.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // True while the text is shown cut.
    bool isElided() const;
    // The text as painted.
    QString shownText() const;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
};
