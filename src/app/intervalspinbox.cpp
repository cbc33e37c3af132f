#include "intervalspinbox.h"

#include <utility>

IntervalSpinBox::IntervalSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{}

QValidator::State IntervalSpinBox::validate(QString &text, int &pos) const
{
    const QString decimalPoint = locale().decimalPoint();
    if (decimalPoint.size() != 1) // no such locale is known; leave it to QDoubleSpinBox
        return QDoubleSpinBox::validate(text, pos);
    const QChar point = decimalPoint.front();
    // Only the number between the prefix and the suffix: those may hold points of their own.
    const qsizetype start = text.startsWith(prefix()) ? prefix().size() : 0;
    const qsizetype end = text.endsWith(suffix()) ? text.size() - suffix().size() : text.size();
    bool seenPoint = false;
    for (qsizetype i = start; i < end; ++i) {
        const QChar c = text.at(i);
        if (c != point && c != QLatin1Char(',') && c != QLatin1Char('.'))
            continue;
        if (std::exchange(seenPoint, true))
            return QValidator::Invalid;
        text[i] = point; // one character for one: the cursor stays where it is
    }
    return QDoubleSpinBox::validate(text, pos);
}
