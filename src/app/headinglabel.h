#pragma once

class QLabel;

// Shows `label` as a view's heading: bold, 1.3 times the user's font size.
void makeHeading(QLabel *label);
