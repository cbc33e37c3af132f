#include "headinglabel.h"

#include <QLabel>

void makeHeading(QLabel *label)
{
    QFont heading = label->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.3);
    heading.setBold(true);
    label->setFont(heading);
}
