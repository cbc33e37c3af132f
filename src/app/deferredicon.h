#pragma once

#include <QIcon>
#include <QProxyStyle>

#include <functional>

// Icons made on first use.
//
// The first image Qt reads through QImageReader makes it load every image-format plugin it
// has (about a dozen libraries on a desktop), even for a PNG that Qt reads itself. A window
// with a menu bar asks its style for the overflow button's icon while it is built, so every
// window would pay that before it is shown, for a button that is visible only when the menu
// bar is too narrow. A deferred icon calls its factory the first time Qt needs to know more
// than that the icon exists: its sizes, a pixmap, a paint, or whether it is null.
namespace DeferredIcon {

// An icon that calls `factory` (once, in the GUI thread) when it is first used.
QIcon create(std::function<QIcon()> factory);

} // namespace DeferredIcon

// The application style, whichever it is (Fusion, the desktop's, -style), with the standard
// icons asked for without a style option made on first use.
class DeferredIconStyle : public QProxyStyle
{
    Q_OBJECT
public:
    // Takes ownership of `base`, as QProxyStyle does.
    explicit DeferredIconStyle(QStyle *base);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};
