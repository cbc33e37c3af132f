#include "labels.h"

#include <QLabel>

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
