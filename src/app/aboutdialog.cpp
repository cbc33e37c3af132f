#include "aboutdialog.h"
#include "ui_aboutdialog.h"

#include "taskrunner_config.h"

#include <QPushButton>
#include <QStringList>

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::AboutDialog>())
{
    ui->setupUi(this);
    ui->iconLabel->setPixmap(windowIcon().pixmap(96, 96));
    // Rich text: the one label of the app that is not plain text, and all of it is ours.
    const QString homepage = QStringLiteral(TASKRUNNER_HOMEPAGE);
    QStringList paragraphs;
    paragraphs
        << tr("<h2>Task Runner %1</h2>").arg(QCoreApplication::applicationVersion().toHtmlEscaped())
        << tr("<p>Runs your commands and watches off the GUI thread. Every window is a "
              "<b>session</b> with its own worker thread and task queue: the window stays "
              "responsive whatever a task prints or how long it takes, and closing it "
              "stops its tasks without waiting for them.</p>")
        << tr("<p><b>Watches</b> run a command or a sampler again and again, with a "
              "pause of <i>interval</i> seconds, and are shared by every window.</p>")
        << tr("<p>Built with Qt %1, running on Qt %2.</p>")
               .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))
        << tr("<p>Free software under the MIT licence.<br><a href=\"%1\">%1</a></p>")
               .arg(homepage.toHtmlEscaped());
    ui->textLabel->setTextFormat(Qt::RichText);
    ui->textLabel->setOpenExternalLinks(true);
    ui->textLabel->setText(paragraphs.join(QString()));
    setFixedWidth(460);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    ui->buttonBox->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
}

AboutDialog::~AboutDialog() = default;
