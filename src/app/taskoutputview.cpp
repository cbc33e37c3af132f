#include "taskoutputview.h"
#include "ui_taskoutputview.h"

#include "durationtext.h"
#include "frameoverlay.h"
#include "labels.h"

#include <QFontDatabase>
#include <QLocale>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

namespace {
QString decode(QStringDecoder &decoder, const QByteArray &bytes)
{
    QString text = decoder(bytes);
    text.replace(QChar(0), QChar::ReplacementCharacter);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

QString byteSizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

TaskOutputView::TaskOutputView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::TaskOutputView>())
    , m_stdoutDecoder(QStringDecoder::Utf8)
    , m_stderrDecoder(QStringDecoder::Utf8)
{
    ui->setupUi(this);
    FrameOverlay::install(ui->outputEdit);
    ui->outputEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    ui->outputEdit->setMaximumBlockCount(lineLimit());
    ui->outputEdit->setPlaceholderText(tr("No output"));
    m_stderrFormat.setForeground(palette().color(QPalette::Link).lightness() > 128
                                     ? QColor(0xff, 0x80, 0x80)
                                     : QColor(0xb0, 0x00, 0x20));
}

TaskOutputView::~TaskOutputView() = default;

void TaskOutputView::showTask(const TaskTableModel::Row *row, const QString &description)
{
    const TaskRunner::TaskId id = row ? row->id : 0;
    if (id != m_task) {
        m_task = id;
        m_output.reset();
        m_offset = 0;
        m_stdoutDecoder.resetState();
        m_stderrDecoder.resetState();
        ui->outputEdit->clear();
    }
    if (!row) {
        setWrappedText(ui->detailsLabel, QString());
        return;
    }
    QStringList details;
    // A task of an earlier run (interrupted) has no number in this one.
    details << (row->number ? tr("#%1: %2").arg(QLocale().toString(row->number), description)
                            : description);
    if (row->startedMSecs) {
        details << tr("started %1")
                       .arg(dateTimeText(QDateTime::fromMSecsSinceEpoch(row->startedMSecs)));
    } else if (row->queuedMSecs) {
        details
            << tr("queued %1").arg(dateTimeText(QDateTime::fromMSecsSinceEpoch(row->queuedMSecs)));
    }
    if (row->isFinished() && row->startedMSecs && !row->interrupted)
        details << tr("took %1").arg(durationText(row->duration));
    const QString state = TaskTableModel::stateText(*row);
    details << state;
    const QString why = row->outcome.section(QLatin1Char('\n'), 0, 0);
    if (row->exitCode)
        details << tr("exit status %1").arg(*row->exitCode);
    else if (row->isFinished() && row->state != TaskRunner::TaskState::Done && !why.isEmpty() &&
             why != state)
        // Why it did not end well ("cannot run 'x': No such file or directory", "killed by
        // SIGTERM"), which its output, often empty then, does not say.
        details << why;
    setWrappedText(ui->detailsLabel, details.join(QStringLiteral(" · ")));
    if (row->output != m_output && row->output) {
        // The same task's output, now known (it started writing, or it ended).
        m_output = row->output;
    }
    appendNewOutput();
}

void TaskOutputView::appendNewOutput()
{
    if (!m_output)
        return;
    QScrollBar *bar = ui->outputEdit->verticalScrollBar();
    const bool following = bar->value() == bar->maximum();
    const qint64 total = m_output->totalSize();
    qint64 from = m_offset;
    if (total - from > refreshLimit()) {
        // Appending would lay out and then trim far more than anyone can read: start again.
        from = total - refreshLimit();
        ui->outputEdit->clear();
        insert(tr("[… %1 not shown …]\n").arg(byteSizeText(from - m_offset)), false);
        m_stdoutDecoder.resetState();
        m_stderrDecoder.resetState();
    }
    // No more than was decided on above: the worker's thread may append a large chunk (a
    // pipe's worth, up to 1 MiB) between totalSize() and this read, and inserting that would
    // make the view trim thousands of lines, each laid out: a stall of a fifth of a second.
    // What came since is shown by the next refresh.
    const TaskRunner::OutputSlice slice = m_output->read(from, total - from);
    if (slice.skipped > 0)
        insert(tr("[… %1 no longer kept …]\n").arg(byteSizeText(slice.skipped)), false);
    for (const TaskRunner::OutputChunk &chunk : slice.chunks) {
        const bool error = chunk.channel == TaskRunner::OutputChannel::StandardError;
        insert(decode(error ? m_stderrDecoder : m_stdoutDecoder, chunk.data), error);
    }
    m_offset = slice.end;
    if (following)
        bar->setValue(bar->maximum());
}

void TaskOutputView::insert(const QString &text, bool error)
{
    if (text.isEmpty())
        return;
    QTextCursor cursor(ui->outputEdit->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text, error ? m_stderrFormat : m_stdoutFormat);
}

QString TaskOutputView::outputText() const
{
    if (!m_output)
        return {};
    QStringDecoder decoder(QStringDecoder::Utf8);
    return decode(decoder, m_output->tail());
}
