#pragma once

class QFrame;

// Keeps a scroll area's frame whole at a fractional scale factor.
//
// At 150 % (QT_SCALE_FACTOR=1.5, or a screen set to it) Qt 6.4 maps a widget's edges to half
// device pixels. A scroll area paints its frame first and its viewport, header and scroll bars
// after, and where their right or bottom edge falls on half a pixel they cover the frame's line
// there: the task table showed no right border. For such an area this puts a widget above its
// children that paints the area's frame once more, with the area's own style option, and does
// nothing else (no background, no mouse, no focus). Where the area's top or left edge falls on
// half a pixel, its line would land in the pixel the parent owns (the output view's top, once
// the split above it was dragged a pixel): the overlay draws that edge again from the next
// whole pixel. At a whole scale factor no such widget is made, so nothing changes there.
namespace FrameOverlay {

// Watches `area` from now on (its resizes, showing, screen changes), in the GUI thread; a second
// call for the same area does nothing. Owned by `area`. The overlay is invisible to a screen
// reader.
void install(QFrame *area);

} // namespace FrameOverlay
