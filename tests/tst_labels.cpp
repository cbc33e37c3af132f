#include "labels.h"

#include <QApplication>
#include <QFont>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

// A WrappedLabel answers heightForWidth() from what it remembers; it must still answer what a
// plain word-wrapped QLabel in the same state answers, whatever changed in between, or a
// window would lay out a result too short (cut off) or too tall.
class tst_Labels : public QObject
{
    Q_OBJECT

private slots:
    void wrappedLabelMeasuresLikeQLabel();
    void layoutFollowsANewText();
};

namespace {

const QString shortText = QStringLiteral("Last Result: 42");
const QString longText =
    QStringLiteral("Last Exception: the worker failed while it read a long list of inputs, "
                   "one after another, and this message is long enough to wrap several times");

// Widths a layout may ask about: narrower than a word, a few words, wider than the text (no
// more than the label remembers, so that a stale height would be found).
constexpr int widths[] = {10, 140, 2000};

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

// Applies `change` to both labels, then compares them.
template<typename Change> QString afterChange(WrappedLabel &wrapped, QLabel &plain, Change change)
{
    change(static_cast<QLabel &>(wrapped));
    change(plain);
    return heightMismatch(wrapped, plain);
}

} // namespace

void tst_Labels::wrappedLabelMeasuresLikeQLabel()
{
    WrappedLabel wrapped;
    QLabel plain;
    plain.setWordWrap(true);
    QVERIFY(wrapped.wordWrap());

    // Each step first asks about every width (so the old heights are remembered), then
    // changes one thing the wrapping depends on.
    QString mismatch = afterChange(wrapped, plain, [](QLabel &l) { l.setText(shortText); });
    QVERIFY2(mismatch.isEmpty(), qPrintable(QStringLiteral("short text: ") + mismatch));
    QVERIFY(wrapped.hasHeightForWidth());
    QVERIFY(plain.heightForWidth(140) < plain.heightForWidth(10)); // the widths do matter

    mismatch = afterChange(wrapped, plain, [](QLabel &l) { l.setText(longText); });
    QVERIFY2(mismatch.isEmpty(), qPrintable(QStringLiteral("new text: ") + mismatch));

    mismatch = afterChange(wrapped, plain,
                           [](QLabel &l) { l.setTextInteractionFlags(Qt::TextSelectableByMouse); });
    QVERIFY2(mismatch.isEmpty(), qPrintable(QStringLiteral("selectable: ") + mismatch));

    mismatch = afterChange(wrapped, plain, [](QLabel &l) {
        QFont big = l.font();
        big.setPointSizeF(big.pointSizeF() * 2);
        l.setFont(big);
    });
    QVERIFY2(mismatch.isEmpty(), qPrintable(QStringLiteral("font: ") + mismatch));

    mismatch = afterChange(wrapped, plain, [](QLabel &l) { l.setIndent(40); });
    QVERIFY2(mismatch.isEmpty(), qPrintable(QStringLiteral("indent: ") + mismatch));

    mismatch = afterChange(wrapped, plain, [](QLabel &l) { l.setMargin(12); });
    QVERIFY2(mismatch.isEmpty(), qPrintable(QStringLiteral("margin: ") + mismatch));

    mismatch = afterChange(wrapped, plain, [](QLabel &l) { l.setContentsMargins(30, 5, 30, 5); });
    QVERIFY2(mismatch.isEmpty(), qPrintable(QStringLiteral("contents margins: ") + mismatch));

    mismatch = afterChange(wrapped, plain, [](QLabel &l) { l.setTextFormat(Qt::RichText); });
    QVERIFY2(mismatch.isEmpty(), qPrintable(QStringLiteral("rich text: ") + mismatch));

    mismatch = afterChange(wrapped, plain, [](QLabel &l) { l.setText(shortText); });
    QVERIFY2(mismatch.isEmpty(), qPrintable(QStringLiteral("back to short: ") + mismatch));
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

QTEST_MAIN(tst_Labels)
#include "tst_labels.moc"
