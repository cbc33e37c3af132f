#include "accessibleinterfaces.h"

#include <QAbstractSpinBox>
#include <QAccessibleWidget>
#include <QDoubleSpinBox>
#include <QLineEdit>

#include <cmath>

namespace {

// The spin box, its value and actions; its text is the text field's, which stays a widget of
// its own but not a child in the accessibility tree (as with Qt's spin boxes).
class AccessibleSpinBox : public QAccessibleWidget,
                          public QAccessibleValueInterface,
                          public QAccessibleTextInterface,
                          public QAccessibleEditableTextInterface
{
public:
    explicit AccessibleSpinBox(QDoubleSpinBox *spinBox)
        : QAccessibleWidget(spinBox, QAccessible::SpinBox)
    {}

    QDoubleSpinBox *spinBox() const { return static_cast<QDoubleSpinBox *>(object()); }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        switch (type) {
        case QAccessible::ValueInterface:
            return static_cast<QAccessibleValueInterface *>(this);
        case QAccessible::TextInterface:
            return field() && field()->textInterface()
                       ? static_cast<QAccessibleTextInterface *>(this)
                       : nullptr;
        case QAccessible::EditableTextInterface:
            return field() && field()->editableTextInterface()
                       ? static_cast<QAccessibleEditableTextInterface *>(this)
                       : nullptr;
        default:
            return QAccessibleWidget::interface_cast(type);
        }
    }

    QString text(QAccessible::Text kind) const override
    {
        if (kind == QAccessible::Value)
            return spinBox()->text();
        return QAccessibleWidget::text(kind);
    }

    int childCount() const override { return 0; }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }

    // Value.
    QVariant currentValue() const override { return spinBox()->value(); }
    void setCurrentValue(const QVariant &value) override { spinBox()->setValue(value.toDouble()); }
    QVariant maximumValue() const override { return spinBox()->maximum(); }
    QVariant minimumValue() const override { return spinBox()->minimum(); }
    QVariant minimumStepSize() const override
    {
        const QDoubleSpinBox *box = spinBox();
        if (box->stepType() != QAbstractSpinBox::AdaptiveDecimalStepType)
            return box->singleStep();
        // What QDoubleSpinBox steps up by: one power of ten below the value, at least the
        // smallest step its decimals can show.
        const double smallest = std::pow(10.0, -box->decimals());
        const double magnitude = std::abs(box->value());
        if (magnitude < smallest)
            return smallest;
        return std::max(smallest, std::pow(10.0, std::floor(std::log10(magnitude)) - 1));
    }

    // Actions.
    QStringList actionNames() const override
    {
        return QAccessibleWidget::actionNames() << increaseAction() << decreaseAction();
    }
    void doAction(const QString &name) override
    {
        if (name == increaseAction())
            spinBox()->stepUp();
        else if (name == decreaseAction())
            spinBox()->stepDown();
        else
            QAccessibleWidget::doAction(name);
    }
    QStringList keyBindingsForAction(const QString &name) const override
    {
        if (name == increaseAction())
            return {QKeySequence(Qt::Key_Up).toString(QKeySequence::NativeText)};
        if (name == decreaseAction())
            return {QKeySequence(Qt::Key_Down).toString(QKeySequence::NativeText)};
        return QAccessibleWidget::keyBindingsForAction(name);
    }

    // Text: the text field's.
    void selection(int index, int *start, int *end) const override
    {
        fieldText()->selection(index, start, end);
    }
    int selectionCount() const override { return fieldText()->selectionCount(); }
    void addSelection(int start, int end) override { fieldText()->addSelection(start, end); }
    void removeSelection(int index) override { fieldText()->removeSelection(index); }
    void setSelection(int index, int start, int end) override
    {
        fieldText()->setSelection(index, start, end);
    }
    int cursorPosition() const override { return fieldText()->cursorPosition(); }
    void setCursorPosition(int position) override { fieldText()->setCursorPosition(position); }
    QString text(int start, int end) const override { return fieldText()->text(start, end); }
    QString textBeforeOffset(int offset, QAccessible::TextBoundaryType boundary, int *start,
                             int *end) const override
    {
        return fieldText()->textBeforeOffset(offset, boundary, start, end);
    }
    QString textAfterOffset(int offset, QAccessible::TextBoundaryType boundary, int *start,
                            int *end) const override
    {
        return fieldText()->textAfterOffset(offset, boundary, start, end);
    }
    QString textAtOffset(int offset, QAccessible::TextBoundaryType boundary, int *start,
                         int *end) const override
    {
        return fieldText()->textAtOffset(offset, boundary, start, end);
    }
    int characterCount() const override { return fieldText()->characterCount(); }
    QRect characterRect(int offset) const override { return fieldText()->characterRect(offset); }
    int offsetAtPoint(const QPoint &point) const override
    {
        return fieldText()->offsetAtPoint(point);
    }
    void scrollToSubstring(int start, int end) override
    {
        fieldText()->scrollToSubstring(start, end);
    }
    QString attributes(int offset, int *start, int *end) const override
    {
        return fieldText()->attributes(offset, start, end);
    }

    // Editable text: the text field's.
    void deleteText(int start, int end) override { fieldEditable()->deleteText(start, end); }
    void insertText(int offset, const QString &text) override
    {
        fieldEditable()->insertText(offset, text);
    }
    void replaceText(int start, int end, const QString &text) override
    {
        fieldEditable()->replaceText(start, end, text);
    }

private:
    QAccessibleInterface *field() const
    {
        auto *edit = spinBox()->findChild<QLineEdit *>(QString(), Qt::FindDirectChildrenOnly);
        return edit ? QAccessible::queryAccessibleInterface(edit) : nullptr;
    }
    // Only called once interface_cast() found the field.
    QAccessibleTextInterface *fieldText() const { return field()->textInterface(); }
    QAccessibleEditableTextInterface *fieldEditable() const
    {
        return field()->editableTextInterface();
    }
};

// A container that hands its focus to a control of its own: that control is the focused one.
class AccessibleFocusProxyContainer : public QAccessibleWidget
{
public:
    explicit AccessibleFocusProxyContainer(QWidget *widget)
        : QAccessibleWidget(widget, QAccessible::Client)
    {}

    QAccessible::State state() const override
    {
        QAccessible::State state = QAccessibleWidget::state();
        if (widget()->focusProxy())
            state.focused = false;
        return state;
    }
};

QAccessibleInterface *createInterface(const QString &className, QObject *object)
{
    if (!object || !object->isWidgetType())
        return nullptr;
    if (className == QLatin1String("IntervalSpinBox")) {
        if (auto *spinBox = qobject_cast<QDoubleSpinBox *>(object))
            return new AccessibleSpinBox(spinBox);
    }
    // A window of its own (a QWidget, not a QMainWindow): a frame, not a filler.
    if (className == QLatin1String("HistoryWindow"))
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::Window);
    if (className == QLatin1String("SessionRunnerView"))
        return new AccessibleFocusProxyContainer(static_cast<QWidget *>(object));
    return nullptr;
}

} // namespace

void installAccessibleInterfaces()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    QAccessible::installFactory(createInterface);
}
