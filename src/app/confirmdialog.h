#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class ConfirmDialog;
}

// A question with one accepting button and Cancel, and optionally "Don't ask again": what the
// app asks before it stops commands or queues a paste of many lines.
class ConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConfirmDialog(QWidget *parent = nullptr);
    ~ConfirmDialog() override;

    void setText(const QString &text, const QString &informativeText = QString());
    // The accepting button's text; it is the default button.
    void setAcceptText(const QString &text);
    void setDontAskAgainVisible(bool visible);
    bool dontAskAgain() const;

private:
    std::unique_ptr<Ui::ConfirmDialog> ui;
    class QPushButton *m_accept = nullptr;
};
