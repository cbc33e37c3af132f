#pragma once

#include "tasktablemodel.h"

#include <QStringDecoder>
#include <QTextCharFormat>
#include <QWidget>

#include <memory>

namespace Ui {
class TaskOutputView;
}

// The selected task's details and output. The output is read from the task's TaskOutput
// incrementally (only what is new since the last refresh), decoded as UTF-8 per channel (a
// character split between two reads stays whole; invalid bytes and NULs become U+FFFD), with
// standard error in its own colour. While the view is scrolled to the end it follows the
// output. However fast a task writes, one refresh shows at most refreshLimit() new bytes: when
// more came, the view starts again with a note saying how much was skipped and the newest
// refreshLimit() bytes, so a flood costs the GUI a small, bounded layout per refresh.
class TaskOutputView : public QWidget
{
    Q_OBJECT
public:
    explicit TaskOutputView(QWidget *parent = nullptr);
    ~TaskOutputView() override;

    static constexpr qint64 refreshLimit() { return 16 * 1024; }
    // Lines kept in the view; the task's output itself keeps its own bounded tail (and Copy
    // Output copies all of that).
    static constexpr int lineLimit() { return 5000; }

    // Shows `row` (nullptr: nothing). The same task again only adds what is new.
    void showTask(const TaskTableModel::Row *row, const QString &description);
    TaskRunner::TaskId shownTask() const { return m_task; }
    // Everything the task wrote so far is in the view (or was skipped with a note).
    bool isUpToDate() const { return m_output && m_offset == m_output->totalSize(); }
    // The whole output as kept, as text (for Copy Output).
    QString outputText() const;

private:
    void appendNewOutput();
    void insert(const QString &text, bool error);

    std::unique_ptr<Ui::TaskOutputView> ui;
    TaskRunner::TaskId m_task = 0;
    std::shared_ptr<const TaskRunner::TaskOutput> m_output;
    qint64 m_offset = 0;
    QStringDecoder m_stdoutDecoder;
    QStringDecoder m_stderrDecoder;
    QTextCharFormat m_stdoutFormat;
    QTextCharFormat m_stderrFormat;
};
