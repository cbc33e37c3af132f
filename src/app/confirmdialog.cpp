#include "confirmdialog.h"
#include "ui_confirmdialog.h"

#include <QPushButton>
#include <QStyle>

ConfirmDialog::ConfirmDialog(QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ConfirmDialog>())
{
    ui->setupUi(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    ui->iconLabel->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxQuestion, nullptr, this).pixmap(size, size));
    m_accept = ui->buttonBox->addButton(tr("OK"), QDialogButtonBox::AcceptRole);
    m_accept->setDefault(true);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    ui->dontAskCheckBox->setVisible(false);
    // As wide as a message box: word-wrapped labels would otherwise take their narrowest width,
    // breaking a watch's name across lines and cutting the title.
    const int width = fontMetrics().averageCharWidth() * 48;
    ui->textLabel->setMinimumWidth(width);
    ui->informativeLabel->setMinimumWidth(width);
}

ConfirmDialog::~ConfirmDialog() = default;

void ConfirmDialog::setText(const QString &text, const QString &informativeText)
{
    ui->textLabel->setText(text);
    ui->informativeLabel->setText(informativeText);
    ui->informativeLabel->setVisible(!informativeText.isEmpty());
    setAccessibleDescription(text);
}

void ConfirmDialog::setAcceptText(const QString &text)
{
    m_accept->setText(text);
    m_accept->setAccessibleName(QString(text).remove(QLatin1Char('&')));
}

void ConfirmDialog::setDontAskAgainVisible(bool visible)
{
    ui->dontAskCheckBox->setVisible(visible);
}

bool ConfirmDialog::dontAskAgain() const
{
    return ui->dontAskCheckBox->isChecked();
}
