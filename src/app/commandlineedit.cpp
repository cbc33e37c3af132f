#include "commandlineedit.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>

namespace {
QStringList nonEmptyLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QString trimmed = line;
        if (trimmed.endsWith(QLatin1Char('\r')))
            trimmed.chop(1);
        if (!trimmed.trimmed().isEmpty())
            lines << trimmed;
    }
    return lines;
}
} // namespace

CommandLineEdit::CommandLineEdit(QWidget *parent)
    : QLineEdit(parent)
{}

void CommandLineEdit::setHistory(const QStringList &history)
{
    m_history = history;
    m_position = -1;
}

void CommandLineEdit::addToHistory(const QString &command)
{
    if (!command.isEmpty() && (m_history.isEmpty() || m_history.constLast() != command))
        m_history << command;
    m_position = -1;
    m_draft.clear();
}

void CommandLineEdit::walk(int step)
{
    if (m_history.isEmpty())
        return;
    if (m_position < 0) {
        if (step > 0)
            return; // below the newest: nothing further down
        m_draft = text();
        m_position = int(m_history.size());
    }
    const int next = m_position + step;
    if (next < 0)
        return;
    if (next >= m_history.size()) {
        m_position = -1;
        setText(m_draft);
        return;
    }
    m_position = next;
    setText(m_history.at(next));
}

void CommandLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier) {
        walk(-1);
        return;
    }
    if (event->key() == Qt::Key_Down && event->modifiers() == Qt::NoModifier) {
        walk(+1);
        return;
    }
    if (event->matches(QKeySequence::Paste)) {
        pasteText(QGuiApplication::clipboard()->text());
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void CommandLineEdit::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu();
    // The standard Paste would join lines; this one sees them.
    for (QAction *action : menu->actions()) {
        if (action->objectName() == QLatin1String("edit-paste")) {
            disconnect(action, &QAction::triggered, nullptr, nullptr);
            connect(action, &QAction::triggered, this,
                    [this] { pasteText(QGuiApplication::clipboard()->text()); });
        }
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void CommandLineEdit::mouseReleaseEvent(QMouseEvent *event)
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    if (event->button() == Qt::MiddleButton && clipboard->supportsSelection() && !isReadOnly()) {
        const QStringList lines = nonEmptyLines(clipboard->text(QClipboard::Selection));
        if (lines.size() > 1) {
            emit multiLinePasted(lines);
            return;
        }
    }
    QLineEdit::mouseReleaseEvent(event);
}

void CommandLineEdit::pasteText(const QString &text)
{
    const QStringList lines = nonEmptyLines(text);
    if (lines.size() > 1) {
        emit multiLinePasted(lines);
        return;
    }
    insert(lines.value(0, text.trimmed()));
}
