#include "noticebar.h"
#include "ui_noticebar.h"

#include <QAccessible>
#include <QPushButton>

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
    , ui(std::make_unique<Ui::NoticeBar>())
{
    ui->setupUi(this);
    setAccessibleName(tr("Notice"));
    hide();
    connect(ui->primaryButton, &QPushButton::clicked, this, [this] {
        hide();
        if (auto action = std::exchange(m_primary, {}))
            action();
    });
    connect(ui->secondaryButton, &QPushButton::clicked, this, [this] {
        hide();
        if (auto action = std::exchange(m_secondary, {}))
            action();
    });
    connect(ui->closeButton, &QToolButton::clicked, this, &QWidget::hide);
}

NoticeBar::~NoticeBar() = default;

void NoticeBar::showNotice(const QString &text, const QString &primary,
                           std::function<void()> primaryAction, const QString &secondary,
                           std::function<void()> secondaryAction)
{
    ui->textLabel->setText(text);
    ui->primaryButton->setText(primary);
    ui->primaryButton->setAccessibleName(QString(primary).remove(QLatin1Char('&')));
    ui->primaryButton->setVisible(!primary.isEmpty());
    ui->secondaryButton->setText(secondary);
    ui->secondaryButton->setAccessibleName(QString(secondary).remove(QLatin1Char('&')));
    ui->secondaryButton->setVisible(!secondary.isEmpty());
    m_primary = std::move(primaryAction);
    m_secondary = std::move(secondaryAction);
    show();
    QAccessibleEvent event(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

QString NoticeBar::text() const
{
    return ui->textLabel->text();
}
