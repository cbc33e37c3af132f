#pragma once

// Accessible interfaces for the app's own widgets where Qt's are wrong for a screen reader:
//
// - IntervalSpinBox: Qt 6.4's spin box interface reports a step of 0 (it reads a "stepSize"
//   property no spin box has) and gives its Increase and Decrease actions the accelerator of
//   the label whose buddy it is (Alt+I), which only moves the focus there. This one reports
//   the step the next Up would take and the keys of the actions (Up, Down).
// - SessionRunnerView: a container whose focus proxy is Add Task. QWidget::hasFocus() follows
//   the proxy, so Qt's interface reported the container as focused beside the button.
// - HistoryWindow: a top-level QWidget, which Qt presents as a filler; it is a window.
//
// Call once, in the main thread, before the first window is shown; calling it again does
// nothing.
void installAccessibleInterfaces();
