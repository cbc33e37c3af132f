#pragma once

#include "watchdefinition.h"

#include <QDialog>
#include <QSet>

#include <memory>

class QPushButton;
namespace Ui {
class WatchDialog;
}

// New Watch… and Edit Watch…: name, source (a command, a system sampler, the example),
// command and shell, folder, interval and notification. Each field that cannot be used says
// why right under it, and OK stays disabled until every field can be used.
class WatchDialog : public QDialog
{
    Q_OBJECT
public:
    // `takenNames`: the names of the other watches.
    explicit WatchDialog(const QStringList &takenNames, QWidget *parent = nullptr);
    ~WatchDialog() override;

    // Fills the fields from a watch (Edit); the default watch keeps its name and source.
    void setDefinition(const WatchDefinition &definition);
    // What the fields say now.
    WatchDefinition definition() const;
    WatchDefinition::Problems problems() const;
    QPushButton *okButton() const;

private:
    void validate();
    void showSource();
    // Fits the dialog's height to the errors shown.
    void fitHeight();

    std::unique_ptr<Ui::WatchDialog> ui;
    QStringList m_taken;
    // Fields the user typed in: an empty one not yet typed in says what it wants without
    // being shown as an error.
    QSet<const QWidget *> m_typedIn;
    WatchDefinition m_original;
    int m_fittedHeight = 0; // the height fitHeight() last gave, 0 before
};
