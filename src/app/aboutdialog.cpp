#include "aboutdialog.h"
#include "ui_aboutdialog.h"

#include <QFile>
#include <QPushButton>

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::AboutDialog>())
{
    ui->setupUi(this);
    ui->iconLabel->setPixmap(windowIcon().pixmap(96, 96));
    QFile about(QStringLiteral(":/taskrunner/about.html"));
    const QString text = about.open(QIODevice::ReadOnly)
                             ? QString::fromUtf8(about.readAll())
                             : QStringLiteral("<h2>Task Runner %1</h2><p>Built with Qt %2.</p>");
    ui->textLabel->setText(
        text.arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    setFixedWidth(460);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    ui->buttonBox->button(QDialogButtonBox::Close)->setAccessibleName(QStringLiteral("Close"));
}

AboutDialog::~AboutDialog() = default;
