#pragma once

#include <QDoubleSpinBox>

// The interval spin box: seconds, from GlobalRunner::minimumInterval() to maximumInterval().
//
// A comma or a point typed into the number is taken as the decimal point of the spin box's
// locale, whichever of the two that locale uses: QDoubleSpinBox reads the locale's group
// separator as nothing, so "5,5" in an English locale (or "5.5" in a German one) silently
// became 55 s.
//
// Nothing typed is dropped or changed behind the user's back: text that is no interval
// ("1e3", "5.5.5", "0", "0.0005") stays in the field as typed, and hint() says what is wrong
// with it and which intervals are allowed. Enter or leaving the field then keeps the interval
// it had, and the hint says so. A valid interval of a minute or more is read out in words
// ("= 1 year" for 31536000 s). The hint is also the field's accessible description.
class IntervalSpinBox : public QDoubleSpinBox
{
    Q_OBJECT
public:
    explicit IntervalSpinBox(QWidget *parent = nullptr);

    QValidator::State validate(QString &text, int &pos) const override;
    void stepBy(int steps) override;

    // What the field says of its text: empty, a long interval in words, or a problem.
    QString hint() const { return m_hint; }
    // True when hint() says why the typed text cannot be taken.
    bool hasProblem() const { return m_problem; }
    // Why `text` (as the field would show it) is no interval; empty when it is one.
    QString problemOf(const QString &text) const;
    // Says again what the field holds, after a setValue() under a QSignalBlocker: text typed and
    // not taken yet has been replaced.
    void refreshHint();
    // The allowed intervals, for tooltips: "from 0.001 s to 31,536,000 s (1 year)".
    QString rangeText() const;

signals:
    void hintChanged(const QString &hint, bool problem);

private:
    void updateHint();
    void setHint(const QString &hint, bool problem);

    QString m_hint;
    bool m_problem = false;
    QString m_refused;    // the problem of the text last typed that Enter will put back, if any
    bool m_stays = false; // the hint says the interval stayed as it was
};

// "1 year", "2 days 3 hours", "1 hour 30 minutes", "45 seconds": `seconds` in words, the two
// largest units that are not zero (a year is 365 days).
QString intervalInWords(double seconds);
