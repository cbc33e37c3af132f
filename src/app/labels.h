#pragma once

class QLabel;
class QString;

// Shows `label` as a view's heading: bold, at the user's font size (the bold face Qt already
// loads for header views, so a heading costs no font of its own).
void makeHeading(QLabel *label);

// Shows `text` in `label`. Once `worthCopying` (a result, an error), the label becomes
// selectable with the mouse and stays so. A selectable label keeps a whole text document
// behind it, which a placeholder such as "None" is not worth at start-up.
void setCopyableText(QLabel *label, const QString &text, bool worthCopying);
