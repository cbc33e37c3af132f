#include "watchcombobox.h"

#include <QStyle>
#include <QStyleOptionComboBox>

#include <algorithm>
#include <cmath>

WatchComboBox::WatchComboBox(QWidget *parent)
    : QComboBox(parent)
{}

QSize WatchComboBox::sizeHint() const
{
    // As QComboBox measures itself under AdjustToMinimumContentsLengthWithIcon.
    const QFontMetrics metrics = fontMetrics();
    const QSize icon = iconSize();
    const int textHeight = int(std::ceil(QFontMetricsF(metrics).height()));
    const QSize contents(minimumContentsLength() * metrics.horizontalAdvance(QLatin1Char('X')) +
                             icon.width() + 4,
                         std::max({textHeight, 14, icon.height()}) + 2);
    QStyleOptionComboBox option;
    initStyleOption(&option);
    return style()->sizeFromContents(QStyle::CT_ComboBox, &option, contents, this);
}

QSize WatchComboBox::minimumSizeHint() const
{
    return sizeHint();
}
