#pragma once

#include <QWidget>

#include <functional>
#include <memory>

namespace TaskRunner {
class HistoryModel;
class HistoryStore;
struct HistoryEntry;
} // namespace TaskRunner
namespace Ui {
class HistoryWindow;
}

// Every task of every session and of every earlier run, newest first, loaded a page at a time
// as the table scrolls; a search in commands, results and output; a filter by state; the
// selected task's output; Run Again into the active session; Export to CSV or JSON; Clear.
// Reads the database only through the store's thread: nothing here waits for the disk.
class HistoryWindow : public QWidget
{
    Q_OBJECT
public:
    // `store` must outlive the window. `runAgain` queues a task's command line (and whether it
    // ran through a shell) in the active session.
    HistoryWindow(TaskRunner::HistoryStore *store,
                  std::function<bool(const TaskRunner::HistoryEntry &)> runAgain,
                  QWidget *parent = nullptr);
    ~HistoryWindow() override;

    TaskRunner::HistoryModel *model() const { return m_model; }

    // Writes the listed tasks to `path` (CSV, or JSON for a .json name) and says how it went
    // in the window. Asynchronous; exported() follows.
    void exportTo(const QString &path);
    // Asks, then deletes the whole history.
    void clearHistory();

signals:
    // An export ended: `ok`, and the message shown.
    void exported(bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showSelected();
    void updateCount();
    void runSelectedAgain();
    void chooseExportFile();

    std::unique_ptr<Ui::HistoryWindow> ui;
    TaskRunner::HistoryStore *const m_store;
    TaskRunner::HistoryModel *m_model = nullptr;
    std::function<bool(const TaskRunner::HistoryEntry &)> m_runAgain;
    qint64 m_shownId = 0;
    bool m_commandColumnFitted = false;
};
