#pragma once

#include <QComboBox>

// The watch list of a window: as wide as minimumContentsLength() characters and an icon
// (QComboBox::AdjustToMinimumContentsLengthWithIcon), whatever the watches are called, so that
// a long name does not widen the window.
//
// Setting that size policy on a QComboBox builds its popup (a list view in a frame with
// scrollers and scroll bars: nine widgets, about 22 KiB) at once, in every window, though most
// windows never open it. This class gives the same size hints under the default policy, and
// the popup is built when it is first needed.
class WatchComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit WatchComboBox(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
};
