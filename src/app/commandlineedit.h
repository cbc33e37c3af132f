#pragma once

#include <QLineEdit>
#include <QStringList>

// The command field: a line edit that, as a shell does, walks through the commands used before
// with Up and Down (what was being typed comes back after the newest), and that hands a paste of
// several lines to multiLinePasted() instead of joining them into one line.
class CommandLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit CommandLineEdit(QWidget *parent = nullptr);

    // Oldest first.
    void setHistory(const QStringList &history);
    QStringList history() const { return m_history; }
    // Adds `command` as the newest entry (not twice in a row) and leaves the history walk.
    void addToHistory(const QString &command);

signals:
    // A paste of more than one non-empty line; nothing was inserted.
    void multiLinePasted(const QStringList &lines);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void walk(int step);
    // Pastes `text`: several lines go to multiLinePasted(), one is inserted.
    void pasteText(const QString &text);

    QStringList m_history;
    int m_position = -1; // index into m_history while walking; -1: not walking
    QString m_draft;     // what was typed before the walk began
};
