#include "watchchart.h"

#include "numericseries.h"
#include "watchhistory.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

WatchChart::WatchChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("watchChart"));
    setAccessibleName(tr("Chart"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setFocusPolicy(Qt::TabFocus);
}

void WatchChart::setSeries(const NumericSeries *series, const WatchDefinition::NumberFormat &format)
{
    m_series = series;
    m_format = format;
    seriesChanged();
}

QString WatchChart::summary() const
{
    if (!m_series || m_series->isEmpty())
        return tr("No numbers yet");
    const QLocale locale;
    const QString values =
        tr("%Ln value(s)", "", int(std::min<quint64>(m_series->count(), INT_MAX)));
    return tr("Last %1, minimum %2, maximum %3 (%4)")
        .arg(m_format.text(m_series->last()), m_format.text(m_series->minimum()),
             m_format.text(m_series->maximum()), values);
}

void WatchChart::seriesChanged()
{
    const QString description = summary();
    if (accessibleDescription() != description)
        setAccessibleDescription(description);
    update();
}

QSize WatchChart::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 40, fontMetrics().lineSpacing() * 6};
}

QSize WatchChart::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 12, fontMetrics().lineSpacing() * 3};
}

void WatchChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

void WatchChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &colours = palette();
    painter.fillRect(rect(), colours.color(QPalette::Base));
    painter.setPen(colours.color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    const QFontMetrics metrics = fontMetrics();
    if (!m_series || m_series->isEmpty()) {
        painter.setPen(colours.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, summary());
        return;
    }

    const double low = m_series->minimum();
    const double high = m_series->maximum();
    const QString highText = m_format.text(high);
    const QString lowText = m_format.text(low);
    const QString lastText = m_format.text(m_series->last());
    const int margin = metrics.horizontalAdvance(QLatin1Char('0'));
    const int leftWidth =
        std::max(metrics.horizontalAdvance(highText), metrics.horizontalAdvance(lowText)) + margin;
    const int rightWidth = metrics.horizontalAdvance(lastText) + margin;
    const QRect plot = rect().adjusted(leftWidth + margin, metrics.height() / 2 + 2,
                                       -rightWidth - margin, -metrics.height() / 2 - 2);
    if (plot.width() < 4 || plot.height() < 4)
        return;

    painter.setPen(colours.color(QPalette::Text));
    painter.drawText(
        QRect(margin / 2, plot.top() - metrics.height() / 2, leftWidth, metrics.height()),
        Qt::AlignRight | Qt::AlignVCenter, highText);
    painter.drawText(
        QRect(margin / 2, plot.bottom() - metrics.height() / 2, leftWidth, metrics.height()),
        Qt::AlignRight | Qt::AlignVCenter, lowText);
    painter.setPen(QPen(colours.color(QPalette::Mid), 0, Qt::DotLine));
    painter.drawLine(plot.topLeft(), plot.topRight());
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());

    // One column per pixel: the buckets in it give its smallest, largest and last value.
    const std::vector<NumericSeries::Bucket> &buckets = m_series->buckets();
    const qint64 first = buckets.front().firstMSecs;
    const qint64 span = std::max<qint64>(buckets.back().lastMSecs - first, 1);
    const double range = high > low ? high - low : 1.0;
    auto yOf = [&](double value) {
        const double offset = high > low ? (value - low) / range : 0.5;
        return plot.bottom() - offset * plot.height();
    };
    const int columns = plot.width();
    struct Column
    {
        double minimum = std::numeric_limits<double>::infinity();
        double maximum = -std::numeric_limits<double>::infinity();
        double last = 0;
        bool used = false;
    };
    std::vector<Column> pixels(std::size_t(columns) + 1);
    for (const NumericSeries::Bucket &bucket : buckets) {
        const int x = buckets.size() == 1
                          ? columns
                          : int((double(bucket.lastMSecs - first) / double(span)) * columns);
        Column &column = pixels[std::size_t(std::clamp(x, 0, columns))];
        column.minimum = std::min(column.minimum, bucket.minimum);
        column.maximum = std::max(column.maximum, bucket.maximum);
        column.last = bucket.last;
        column.used = true;
    }
    QColor line = colours.color(QPalette::Highlight);
    QColor band = line;
    band.setAlpha(110);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(band, 1));
    QPainterPath path;
    bool started = false;
    for (int x = 0; x <= columns; ++x) {
        const Column &column = pixels[std::size_t(x)];
        if (!column.used)
            continue;
        const qreal px = plot.left() + x;
        if (column.maximum > column.minimum)
            painter.drawLine(QPointF(px, yOf(column.minimum)), QPointF(px, yOf(column.maximum)));
        const QPointF point(px, yOf(column.last));
        if (!started) {
            path.moveTo(point);
            started = true;
        } else {
            path.lineTo(point);
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(line, 1.5));
    painter.drawPath(path);
    const QPointF end(plot.left() + columns, yOf(m_series->last()));
    painter.setBrush(line);
    painter.drawEllipse(end, 2.5, 2.5);
    painter.setPen(colours.color(QPalette::Text));
    painter.drawText(QRect(plot.right() + margin, int(end.y()) - metrics.height() / 2, rightWidth,
                           metrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, lastText);
}
