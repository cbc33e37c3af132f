#include "watchrunview.h"
#include "ui_watchrunview.h"

#include "durationtext.h"
#include "frameoverlay.h"
#include "labels.h"
#include "linediff.h"
#include "watchhistory.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QLocale>
#include <QTextBlock>

namespace {

// Marks in the palette's own light or dark: a line that changed, the characters that changed
// in it, and a line that is gone.
struct Marks
{
    QColor line;
    QColor characters;
    QColor removed;
};

Marks marksFor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark
               ? Marks{QColor(0x3a, 0x4a, 0x20), QColor(0x6a, 0x7a, 0x10), QColor(0x5a, 0x20, 0x20)}
               : Marks{QColor(0xfa, 0xf0, 0xb0), QColor(0xf0, 0xc8, 0x40),
                       QColor(0xf8, 0xd0, 0xd0)};
}

QTextEdit::ExtraSelection mark(const QTextDocument *document, int line, int from, int to,
                               const QColor &color, bool fullWidth)
{
    QTextEdit::ExtraSelection selection;
    const QTextBlock block = document->findBlockByNumber(line);
    selection.cursor = QTextCursor(block);
    if (fullWidth) {
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    } else {
        selection.cursor.setPosition(block.position() + from);
        selection.cursor.setPosition(block.position() + to, QTextCursor::KeepAnchor);
    }
    selection.format.setBackground(color);
    return selection;
}

} // namespace

QSize WatchRunView::sizeHint() const
{
    const QSize hint = QWidget::sizeHint();
    const int output = 6 * ui->outputEdit->fontMetrics().lineSpacing() +
                       2 * ui->outputEdit->frameWidth() +
                       2 * int(ui->outputEdit->document()->documentMargin());
    return {hint.width(), ui->detailsRow->sizeHint().height() + layout()->spacing() + output};
}

WatchRunView::WatchRunView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::WatchRunView>())
{
    ui->setupUi(this);
    FrameOverlay::install(ui->outputEdit);
    ui->outputEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    ui->outputEdit->setPlaceholderText(tr("No output"));
    ui->outputEdit->setMinimumHeight(fontMetrics().lineSpacing() +
                                     2 * ui->outputEdit->frameWidth());
    connect(ui->changesCheckBox, &QCheckBox::toggled, this, [this] { render(); });
}

WatchRunView::~WatchRunView() = default;

QPlainTextEdit *WatchRunView::textEdit() const
{
    return ui->outputEdit;
}

bool WatchRunView::changesOnly() const
{
    return ui->changesCheckBox->isChecked();
}

void WatchRunView::setChangesOnly(bool on)
{
    ui->changesCheckBox->setChecked(on);
}

void WatchRunView::clear()
{
    m_history = nullptr;
    m_row = -1;
    m_shownSequence = 0;
    m_shownCount = 0;
    m_marked = 0;
    ui->detailsLabel->clear();
    ui->outputEdit->clear();
}

void WatchRunView::showEntry(const WatchHistory *history, int row)
{
    const WatchEntry *entry = history ? history->entryAt(row) : nullptr;
    if (!entry) {
        clear();
        return;
    }
    if (history == m_history && row == m_row && entry->lastSequence == m_shownSequence &&
        entry->count == m_shownCount)
        return;
    m_history = history;
    m_row = row;
    m_shownSequence = entry->lastSequence;
    m_shownCount = entry->count;
    render();
}

void WatchRunView::render()
{
    const WatchEntry *entry = m_history ? m_history->entryAt(m_row) : nullptr;
    if (!entry)
        return;
    const QLocale locale;
    const QList<DiffLine> diff = m_history->diff(m_row);
    const bool hasPrevious = m_history->hasPrevious(m_row);
    const LineDiff::Summary summary = LineDiff::summarize(diff);

    // One line: when, how long, how it ended and how much changed; the rest in its tooltip.
    const QDateTime started = QDateTime::fromMSecsSinceEpoch(entry->lastMSecs);
    QStringList details;
    details << (started.date() == QDate::currentDate() ? WatchHistory::timeText(entry->lastMSecs)
                                                       : dateTimeText(started));
    if (entry->count > 1)
        details << tr("×%1").arg(locale.toString(entry->count));
    details << durationText(entry->duration);
    if (entry->failed)
        details << (entry->exitCode ? tr("failed, exit status %1").arg(*entry->exitCode)
                                    : tr("failed"));
    if (!hasPrevious)
        details << tr("first run kept");
    else if (summary.isEmpty())
        details << tr("unchanged");
    else
        details << tr("%1 changed, %2 new, %3 gone")
                       .arg(locale.toString(summary.changed), locale.toString(summary.added),
                            locale.toString(summary.removed));
    if (entry->outputDropped)
        details << tr("output no longer kept");
    QStringList full;
    full << (entry->count > 1 ? tr("%n run(s) with this outcome, the last at %1", "",
                                   int(std::min<quint64>(entry->count, INT_MAX)))
                                    .arg(locale.toString(started, QLocale::LongFormat))
                              : tr("Run at %1").arg(locale.toString(started, QLocale::LongFormat)));
    full << tr("Took %1").arg(durationText(entry->duration));
    if (entry->exitCode)
        full << tr("Exit status %1").arg(*entry->exitCode);
    if (hasPrevious)
        full << tr("Since the run before: %1 lines changed, %2 new, %3 removed")
                    .arg(locale.toString(summary.changed), locale.toString(summary.added),
                         locale.toString(summary.removed));
    ui->detailsLabel->setToolTip(full.join(QLatin1Char('\n')));
    setElidedText(ui->detailsLabel, details.join(QStringLiteral(" · ")));

    const QStringList lines = LineDiff::splitLines(entry->fullText());
    const Marks marks = marksFor(palette());
    QList<QTextEdit::ExtraSelection> selections;
    m_marked = 0;
    if (changesOnly() && hasPrevious) {
        const QStringList before = LineDiff::splitLines(m_history->entryAt(m_row + 1)->fullText());
        QStringList shown;
        QList<std::pair<int, QColor>> colours;
        for (const DiffLine &line : diff) {
            switch (line.kind) {
            case DiffLine::Kind::Same:
                break;
            case DiffLine::Kind::Removed:
                colours.push_back({int(shown.size()), marks.removed});
                shown << QStringLiteral("- ") + before.at(line.oldLine);
                break;
            case DiffLine::Kind::Changed:
                colours.push_back({int(shown.size()), marks.removed});
                shown << QStringLiteral("- ") + before.at(line.oldLine);
                Q_FALLTHROUGH();
            case DiffLine::Kind::Added:
                colours.push_back({int(shown.size()), marks.line});
                shown << QStringLiteral("+ ") + lines.at(line.newLine);
                ++m_marked;
                break;
            }
        }
        ui->outputEdit->setPlainText(shown.join(QLatin1Char('\n')));
        for (const auto &[line, colour] : colours)
            selections << mark(ui->outputEdit->document(), line, 0, 0, colour, true);
    } else {
        ui->outputEdit->setPlainText(lines.join(QLatin1Char('\n')));
        const QTextDocument *document = ui->outputEdit->document();
        for (const DiffLine &line : diff) {
            if (line.kind == DiffLine::Kind::Added) {
                selections << mark(document, line.newLine, 0, 0, marks.line, true);
                ++m_marked;
            } else if (line.kind == DiffLine::Kind::Changed) {
                selections << mark(document, line.newLine, 0, 0, marks.line, true);
                if (line.to > line.from)
                    selections << mark(document, line.newLine, line.from, line.to, marks.characters,
                                       false);
                ++m_marked;
            }
        }
    }
    ui->outputEdit->setExtraSelections(selections);
    ui->outputEdit->setAccessibleDescription(
        hasPrevious ? tr("%n line(s) marked as changed since the run before", "", m_marked)
                    : tr("The first run kept"));
}
