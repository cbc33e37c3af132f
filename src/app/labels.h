#pragma once

class QLabel;
class QString;

// Shows `label` as a view's heading: bold, 1.3 times the user's font size.
void makeHeading(QLabel *label);

// Shows `text` in `label`. Once `worthCopying` (a result, an error), the label becomes
// selectable with the mouse and stays so. A selectable label keeps a whole text document
// behind it, which a placeholder such as "None" is not worth at start-up.
void setCopyableText(QLabel *label, const QString &text, bool worthCopying);
