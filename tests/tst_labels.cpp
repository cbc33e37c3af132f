#include "labels.h"

#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

#include <functional>

// A WrappedLabel answers heightForWidth() from what it remembers; it must still answer what a
// plain word-wrapped QLabel in the same state answers, whatever changed in between, or a
// window would lay out a result too short (cut off) or too tall.
class tst_Labels : public QObject
{
    Q_OBJECT

private slots:
    void wrappedLabelMeasuresLikeQLabel();
    void layoutFollowsANewText();
    void aSteadyLabelIsNotLaidOutAgainForEachText();
    void anElidedLabelEndsWithAnEllipsisWhereItIsTooNarrow();
    void aWrappedLabelsLeastHeightFollowsItsTextAndWidth();
};

namespace {

const QString shortText = QStringLiteral("Last Result: 42");
const QString longText =
    QStringLiteral("Last Exception: the worker failed while it read a long list of inputs, "
                   "one after another, and this message is long enough to wrap several times");

// Widths a layout may ask about: narrower than a word, a few words, wider than the text (no
// more than the label remembers, so that a stale height would be found).
constexpr int widths[] = {10, 140, 2000};

// Tabs and runs of spaces: a selectable label (a text document behind it) wraps them
// differently from a plain one.
const QString spacedText = QStringLiteral("Last Result: \t\ttabs\tand  spaces   and more words");
// Rich text as Qt::AutoText; shown as plain text, the tags take room of their own.
const QString markupText =
    QStringLiteral("<b>Last Result:</b> <i>one</i> <i>two</i> <i>three</i> <i>four</i>");

QList<int> heights(const QLabel &label)
{
    QList<int> result;
    for (const int width : widths)
        result << label.heightForWidth(width);
    return result;
}

// Empty when `wrapped` and `plain` give the same height for every width; else what differs.
QString heightMismatch(const WrappedLabel &wrapped, const QLabel &plain)
{
    QString mismatch;
    for (const int width : widths) {
        const int cached = wrapped.heightForWidth(width);
        const int expected = plain.heightForWidth(width);
        if (cached != expected)
            mismatch += QStringLiteral("width %1: %2, QLabel says %3; ")
                            .arg(width)
                            .arg(cached)
                            .arg(expected);
    }
    return mismatch;
}

// Asks `wrapped` about every width (so that it remembers them), applies `change` to both
// labels, then compares them. A change that does not move any of QLabel's heights would not
// show a stale one: that is reported too.
QString afterChange(WrappedLabel &wrapped, QLabel &plain,
                    const std::function<void(QLabel &)> &change)
{
    heights(wrapped);
    const QList<int> before = heights(plain);
    change(wrapped);
    change(plain);
    if (heights(plain) == before)
        return QStringLiteral("the change moves no height, so it proves nothing");
    return heightMismatch(wrapped, plain);
}

} // namespace

void tst_Labels::wrappedLabelMeasuresLikeQLabel()
{
    WrappedLabel wrapped;
    QLabel plain;
    plain.setWordWrap(true);
    QVERIFY(wrapped.wordWrap());
    wrapped.setText(shortText);
    plain.setText(shortText);
    QVERIFY(wrapped.hasHeightForWidth());
    QString mismatch = heightMismatch(wrapped, plain);
    QVERIFY2(mismatch.isEmpty(), qPrintable(QStringLiteral("short text: ") + mismatch));

    const struct
    {
        const char *what;
        std::function<void(QLabel &)> change;
    } steps[] = {
        {"new text", [](QLabel &l) { l.setText(longText); }},
        {"spaced text", [](QLabel &l) { l.setText(spacedText); }},
        {"selectable", [](QLabel &l) { l.setTextInteractionFlags(Qt::TextSelectableByMouse); }},
        {"font",
         [](QLabel &l) {
             QFont big = l.font();
             if (big.pointSizeF() > 0)
                 big.setPointSizeF(big.pointSizeF() * 2);
             else
                 big.setPixelSize(big.pixelSize() * 2);
             l.setFont(big);
         }},
        {"indent", [](QLabel &l) { l.setIndent(40); }},
        {"margin", [](QLabel &l) { l.setMargin(12); }},
        {"contents margins", [](QLabel &l) { l.setContentsMargins(30, 5, 30, 5); }},
        {"rich text", [](QLabel &l) { l.setText(markupText); }},
        {"markup as plain text", [](QLabel &l) { l.setTextFormat(Qt::PlainText); }},
        {"long text again", [](QLabel &l) { l.setText(longText); }},
        {"minimum width", [](QLabel &l) { l.setMinimumWidth(300); }},
        {"no wrapping", [](QLabel &l) { l.setWordWrap(false); }},
    };
    for (const auto &step : steps) {
        mismatch = afterChange(wrapped, plain, step.change);
        QVERIFY2(mismatch.isEmpty(),
                 qPrintable(QLatin1String(step.what) + QStringLiteral(": ") + mismatch));
    }
}

void tst_Labels::layoutFollowsANewText()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *label = new WrappedLabel(&window);
    layout->addWidget(label);
    layout->addStretch(); // the label gets the height it asks for, no more
    label->setText(shortText);
    window.setFixedSize(220, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int oneLine = label->height();
    QCOMPARE(oneLine, label->heightForWidth(label->width()));

    label->setText(longText); // wraps at this width: the window must make room for it
    QTRY_VERIFY_WITH_TIMEOUT(label->height() > oneLine, 5000);
    QCOMPARE(label->height(), label->heightForWidth(label->width()));
    QLabel plain;
    plain.setWordWrap(true);
    plain.setText(longText);
    QCOMPARE(label->height(), plain.heightForWidth(label->width()));

    label->setText(shortText); // and give it back
    QTRY_COMPARE_WITH_TIMEOUT(label->height(), oneLine, 5000);
}

void tst_Labels::aSteadyLabelIsNotLaidOutAgainForEachText()
{
    struct LayoutSpy : QObject
    {
        int requests = 0;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::LayoutRequest)
                ++requests;
            return false;
        }
    };
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *label = new QLabel(&window);
    layout->addWidget(label);
    layout->addStretch();
    setSteadyText(label, QStringLiteral("Queue: 10 tasks waiting"));
    window.resize(600, 100);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LayoutSpy spy;
    window.installEventFilter(&spy);

    // As wide or narrower: repainted alone, and the whole text is shown.
    for (const QString &text :
         {QStringLiteral("Queue: 11 tasks waiting"), QStringLiteral("Queue: 9 tasks waiting"),
          QStringLiteral("Queue: 1 task waiting")}) {
        setSteadyText(label, text);
        QCoreApplication::processEvents();
        QCOMPARE(label->text(), text);
        QVERIFY(label->width() >= label->sizeHint().width());
    }
    QCOMPARE(spy.requests, 0);

    // Longer: it grows to fit.
    const QString longer = QStringLiteral("Queue: 12,345 tasks waiting, the first since noon");
    setSteadyText(label, longer);
    QTRY_VERIFY_WITH_TIMEOUT(label->width() >= label->sizeHint().width(), 5000);

    // A font twice as large: fitted afresh at once, not only at the next text.
    QFont large = window.font();
    large.setPointSizeF(large.pointSizeF() * 2);
    window.setFont(large);
    QTRY_VERIFY_WITH_TIMEOUT(label->height() >= label->sizeHint().height() &&
                                 label->width() >= label->sizeHint().width(),
                             5000);
    setSteadyText(label, QStringLiteral("Queue: 2 tasks waiting"));
    QCOMPARE(label->minimumSize(), label->maximumSize()); // steady again
    QVERIFY(label->height() >= label->sizeHint().height());
}

void tst_Labels::anElidedLabelEndsWithAnEllipsisWhereItIsTooNarrow()
{
    QLabel label;
    const QString text = QStringLiteral("03:51:27 · 1.000 s · 1 changed, 0 new, 0 gone");
    setElidedText(&label, text);
    label.show(); // a hidden widget is told of its size only when it is shown
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    label.resize(label.fontMetrics().horizontalAdvance(text) + 10, 30);
    QCOMPARE(label.text(), text);
    label.resize(label.fontMetrics().horizontalAdvance(text) / 2, 30);
    QVERIFY2(label.text().endsWith(QChar(0x2026)) && label.text().size() < text.size(),
             qPrintable(label.text()));
    QVERIFY(text.startsWith(label.text().chopped(1)));
    QCOMPARE(label.accessibleName(), text); // a screen reader hears all of it
    label.resize(label.fontMetrics().horizontalAdvance(text) + 10, 30);
    QCOMPARE(label.text(), text);
    // A new text is cut to the width the label has.
    label.resize(label.fontMetrics().horizontalAdvance(text) / 2, 30);
    setElidedText(&label, text + text);
    QVERIFY(label.text().endsWith(QChar(0x2026)));
    QCOMPARE(label.accessibleName(), text + text);
}

void tst_Labels::aWrappedLabelsLeastHeightFollowsItsTextAndWidth()
{
    // What a splitter gives a part: its least height. It is the text's height at the label's
    // width, as that width and the text change, down again as well as up.
    QWidget pane;
    auto *layout = new QVBoxLayout(&pane);
    auto *label = new QLabel;
    label->setWordWrap(true);
    layout->addWidget(label);
    const QString longText = QStringLiteral("started 3 Dec 2026 16:24:36 · took 925.2 ms · done "
                                            "· exit status 0 · and some more words to wrap");
    const int line = label->fontMetrics().lineSpacing();
    const int width = label->fontMetrics().horizontalAdvance(longText) * 2 / 3;
    setWrappedText(label, longText); // measured at a hidden widget's width first
    pane.resize(width, 200);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QTRY_COMPARE(label->minimumHeight(), label->heightForWidth(label->width()));
    QVERIFY2(label->minimumHeight() >= 2 * line && label->minimumHeight() < 3 * line,
             qPrintable(QString::number(label->minimumHeight())));
    // Another text of as many lines keeps the height.
    const int twoLines = label->minimumHeight();
    setWrappedText(label, QString(longText).replace(QLatin1String("done"), QLatin1String("ok")));
    QCOMPARE(label->minimumHeight(), twoLines);
    setWrappedText(label, QStringLiteral("one line"));
    QVERIFY2(label->minimumHeight() < 2 * line,
             qPrintable(QString::number(label->minimumHeight())));
    setWrappedText(label, longText);
    pane.resize(width * 2, 200);
    QTRY_VERIFY(label->width() > width);
    QVERIFY2(label->minimumHeight() < 2 * line,
             qPrintable(QString::number(label->minimumHeight())));
    pane.resize(width / 2, 200);
    QTRY_VERIFY(label->width() < width);
    QVERIFY2(label->minimumHeight() >= 3 * line,
             qPrintable(QString::number(label->minimumHeight())));
    setWrappedText(label, QString());
    QCOMPARE(label->minimumHeight(), 0);
}

QTEST_MAIN(tst_Labels)

#include "tst_labels.moc"
