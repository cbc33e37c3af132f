#include "watchdialog.h"
#include "ui_watchdialog.h"

#include "labels.h"

#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>

namespace {

// The sources in the order the list shows them.
struct SourceChoice
{
    WatchDefinition::Source source;
    TaskRunner::SamplerKind sampler;
};
constexpr SourceChoice choices[] = {
    {WatchDefinition::Source::Command, TaskRunner::SamplerKind::LoadAverage},
    {WatchDefinition::Source::Sampler, TaskRunner::SamplerKind::LoadAverage},
    {WatchDefinition::Source::Sampler, TaskRunner::SamplerKind::MemoryInUse},
    {WatchDefinition::Source::Sampler, TaskRunner::SamplerKind::FreeSpace},
    {WatchDefinition::Source::Example, TaskRunner::SamplerKind::LoadAverage},
};

void showError(QLabel *label, QWidget *field, const QString &error)
{
    label->setText(error);
    label->setVisible(!error.isEmpty());
    field->setAccessibleDescription(error);
}

} // namespace

WatchDialog::WatchDialog(const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::WatchDialog>())
    , m_taken(takenNames)
{
    ui->setupUi(this);
    ui->sourceCombo->addItem(tr("Command"));
    ui->sourceCombo->addItem(tr("Load average (1 min)"));
    ui->sourceCombo->addItem(tr("Memory in use (MiB)"));
    ui->sourceCombo->addItem(tr("Free space of a folder (GiB)"));
    ui->sourceCombo->addItem(tr("Example (waits, then gives the date and time)"));
    ui->intervalSpinBox->setRange(TaskRunner::GlobalRunner::minimumInterval(),
                                  TaskRunner::GlobalRunner::maximumInterval());
    ui->folderEdit->setText(QDir::homePath());
    for (QLabel *error : {ui->nameError, ui->commandError, ui->folderError, ui->intervalError}) {
        setErrorStyle(error, true);
        error->setVisible(false);
    }
    okButton()->setText(tr("&Create"));

    connect(ui->nameEdit, &QLineEdit::textChanged, this, &WatchDialog::validate);
    for (QLineEdit *field : {ui->nameEdit, ui->commandEdit}) {
        connect(field, &QLineEdit::textEdited, this, [this, field] {
            if (!m_typedIn.contains(field)) {
                m_typedIn.insert(field);
                validate(); // textChanged came first
            }
        });
    }
    connect(ui->commandEdit, &QLineEdit::textChanged, this, &WatchDialog::validate);
    connect(ui->shellCheckBox, &QCheckBox::toggled, this, &WatchDialog::validate);
    connect(ui->folderEdit, &QLineEdit::textChanged, this, &WatchDialog::validate);
    // The spin box says nothing of text it cannot take yet ("0"): its field does.
    if (auto *field = ui->intervalSpinBox->findChild<QLineEdit *>()) {
        field->setAccessibleName(ui->intervalSpinBox->accessibleName());
        connect(field, &QLineEdit::textChanged, this, &WatchDialog::validate);
    }
    connect(ui->intervalSpinBox, &QDoubleSpinBox::valueChanged, this, &WatchDialog::validate);
    connect(ui->intervalSpinBox, &IntervalSpinBox::hintChanged, this, &WatchDialog::validate);
    connect(ui->sourceCombo, &QComboBox::currentIndexChanged, this, [this] {
        showSource();
        validate();
    });
    connect(ui->browseButton, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Folder"), ui->folderEdit->text());
        if (!folder.isEmpty())
            ui->folderEdit->setText(folder);
    });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (problems().isEmpty())
            accept();
    });
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showSource();
    validate();
}

WatchDialog::~WatchDialog() = default;

QPushButton *WatchDialog::okButton() const
{
    return ui->buttonBox->button(QDialogButtonBox::Ok);
}

void WatchDialog::setDefinition(const WatchDefinition &definition)
{
    m_original = definition;
    setWindowTitle(tr("Edit Watch"));
    okButton()->setText(tr("&Save"));
    ui->nameEdit->setText(definition.name);
    for (int i = 0; i < int(std::size(choices)); ++i) {
        const SourceChoice &choice = choices[i];
        if (choice.source == definition.source &&
            (choice.source != WatchDefinition::Source::Sampler ||
             choice.sampler == definition.sampler))
            ui->sourceCombo->setCurrentIndex(i);
    }
    if (definition.source == WatchDefinition::Source::Command) {
        ui->commandEdit->setText(definition.command.displayText());
        ui->shellCheckBox->setChecked(definition.command.useShell);
    }
    if (!definition.folder.isEmpty())
        ui->folderEdit->setText(definition.folder);
    ui->intervalSpinBox->setValue(definition.interval);
    ui->notifyCheckBox->setChecked(definition.notifyOnChange);
    // The default watch is the seed's example: its name and source stay.
    const bool fixed = definition.isDefault();
    // Disabled as the source is, not read-only: a read-only field looks like one to type in.
    ui->nameEdit->setEnabled(!fixed);
    ui->sourceCombo->setEnabled(!fixed);
    if (fixed)
        ui->intervalSpinBox->setFocus(); // what there is to change
    showSource();
    validate();
}

WatchDefinition WatchDialog::definition() const
{
    WatchDefinition watch = m_original;
    watch.name = ui->nameEdit->text();
    const SourceChoice &choice =
        choices[std::clamp(ui->sourceCombo->currentIndex(), 0, int(std::size(choices)) - 1)];
    watch.source = choice.source;
    watch.sampler = choice.sampler;
    watch.command = {};
    watch.folder.clear();
    if (watch.source == WatchDefinition::Source::Command) {
        watch.command = TaskRunner::CommandSpec::fromLine(ui->commandEdit->text(),
                                                          ui->shellCheckBox->isChecked());
        watch.command.line = ui->commandEdit->text();
        watch.command.useShell = ui->shellCheckBox->isChecked();
    }
    if (watch.source == WatchDefinition::Source::Sampler &&
        TaskRunner::samplerNeedsFolder(watch.sampler))
        watch.folder = QDir::cleanPath(ui->folderEdit->text().trimmed());
    // Text the spin box cannot take (below the minimum, say) is no interval.
    watch.interval = ui->intervalSpinBox->hasAcceptableInput() ? ui->intervalSpinBox->value() : 0;
    watch.notifyOnChange = ui->notifyCheckBox->isChecked();
    return watch;
}

WatchDefinition::Problems WatchDialog::problems() const
{
    return definition().problems(m_taken);
}

void WatchDialog::showSource()
{
    const WatchDefinition watch = definition();
    const bool command = watch.source == WatchDefinition::Source::Command;
    const bool folder = watch.source == WatchDefinition::Source::Sampler &&
                        TaskRunner::samplerNeedsFolder(watch.sampler);
    for (QWidget *widget :
         {static_cast<QWidget *>(ui->commandCaption), static_cast<QWidget *>(ui->commandEdit),
          static_cast<QWidget *>(ui->shellCheckBox)})
        widget->setVisible(command);
    for (QWidget *widget :
         {static_cast<QWidget *>(ui->folderCaption), static_cast<QWidget *>(ui->folderEdit),
          static_cast<QWidget *>(ui->browseButton)})
        widget->setVisible(folder);
    if (!command)
        ui->commandError->setVisible(false);
    if (!folder)
        ui->folderError->setVisible(false);
}

void WatchDialog::validate()
{
    const WatchDefinition::Problems found = problems();
    showError(ui->nameError, ui->nameEdit, found.name);
    if (ui->commandEdit->isVisibleTo(this))
        showError(ui->commandError, ui->commandEdit, found.command);
    // A new watch's empty fields ask for what they need, in the usual colour, until typed in.
    for (const auto &[label, field] :
         {std::pair{ui->nameError, ui->nameEdit}, std::pair{ui->commandError, ui->commandEdit}})
        setErrorStyle(label, m_typedIn.contains(field) || !field->text().isEmpty());
    if (ui->folderEdit->isVisibleTo(this))
        showError(ui->folderError, ui->folderEdit, found.folder);
    // The spin box knows best what is wrong with the typed text ("1e3", "0.0005").
    showError(ui->intervalError, ui->intervalSpinBox,
              found.interval.isEmpty() || !ui->intervalSpinBox->hasProblem()
                  ? found.interval
                  : ui->intervalSpinBox->hint());
    okButton()->setEnabled(found.isEmpty());
    fitHeight();
}

void WatchDialog::fitHeight()
{
    // A top-level window's least height does not follow a word-wrapped label (Qt takes it from
    // the labels' one-line height), so an error of two lines would be cut off at its second or
    // push the buttons out of sight. The dialog takes the height its layout needs at its width:
    // it grows for a longer error and, unless the user made it taller, shrinks back after.
    if (!layout() || !isVisible()) // before it is shown, adjustSize() fits it
        return;
    layout()->activate();
    const int needed = layout()->totalHeightForWidth(width());
    if (needed <= 0)
        return;
    const bool fitted = m_fittedHeight == 0 || height() == m_fittedHeight;
    if (needed > height() || (fitted && needed != height())) {
        resize(width(), needed);
        m_fittedHeight = needed;
    }
}
