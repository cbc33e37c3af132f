#pragma once

#include <QFrame>

#include <functional>
#include <memory>

namespace Ui {
class NoticeBar;
}

// A bar at the top of a window that tells the user something once (a damaged file set aside,
// history off, tasks restored), with up to two buttons and a dismiss button. Hidden until
// show*() is called; a screen reader hears it as an alert.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);
    ~NoticeBar() override;

    // Shows `text`; the buttons with a text call their action and close the bar.
    void showNotice(const QString &text, const QString &primary = QString(),
                    std::function<void()> primaryAction = {}, const QString &secondary = QString(),
                    std::function<void()> secondaryAction = {});
    QString text() const;

private:
    std::unique_ptr<Ui::NoticeBar> ui;
    std::function<void()> m_primary;
    std::function<void()> m_secondary;
};
