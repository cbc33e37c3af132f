#pragma once

#include <QDoubleSpinBox>

// The interval spin box. A comma or a point typed into the number is taken as the decimal
// point of the spin box's locale, whichever of the two that locale uses: QDoubleSpinBox reads
// the locale's group separator as nothing, so "5,5" in an English locale (or "5.5" in a
// German one) silently became 55 s. Only one such separator is accepted; another one is
// refused as it is typed, like any other character that cannot be part of the number.
class IntervalSpinBox : public QDoubleSpinBox
{
    Q_OBJECT
public:
    explicit IntervalSpinBox(QWidget *parent = nullptr);

    QValidator::State validate(QString &text, int &pos) const override;
};
