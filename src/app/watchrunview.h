#pragma once

#include <QWidget>

#include <memory>

class QPlainTextEdit;
class WatchHistory;
struct WatchEntry;
namespace Ui {
class WatchRunView;
}

// One run of a watch's history in full: its output (or result, or error) with the lines that
// changed since the run before marked as `watch -d` marks them (the changed characters
// stronger), or, with "Only changes", the difference itself: removed lines with "-", new and
// changed ones with "+". Shows what it is given; the global view decides which entry.
class WatchRunView : public QWidget
{
    Q_OBJECT
public:
    explicit WatchRunView(QWidget *parent = nullptr);
    ~WatchRunView() override;

    // Shows entry `row` of `history` (nothing for a row that is not there). The same entry
    // again is not shown anew unless it changed.
    void showEntry(const WatchHistory *history, int row);
    void clear();
    QPlainTextEdit *textEdit() const;
    bool changesOnly() const;
    void setChangesOnly(bool on);
    // The lines marked as changed or new in what is shown: for tests and screen readers.
    int markedLines() const { return m_marked; }
    // Its details and six lines of output: what an opened history asks room for.
    QSize sizeHint() const override;

private:
    void render();

    std::unique_ptr<Ui::WatchRunView> ui;
    const WatchHistory *m_history = nullptr;
    int m_row = -1;
    quint64 m_shownSequence = 0;
    quint64 m_shownCount = 0;
    int m_marked = 0;
};
