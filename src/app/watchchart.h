#pragma once

#include "watchdefinition.h"

#include <QWidget>

class NumericSeries;

// A plot of a watch's numbers over time, drawn with QPainter from its NumericSeries: for each
// pixel column the smallest and largest value there (min/max decimation, so a spike is never
// lost) and a line through the last values; the minimum and maximum on the left, the last
// value on the right. Painting costs the width in pixels, not the number of values. Its
// accessible description says the last, smallest and largest value.
class WatchChart : public QWidget
{
    Q_OBJECT
public:
    explicit WatchChart(QWidget *parent = nullptr);

    // The series to show (owned by the watch's history; may be null), and how its numbers are
    // written.
    void setSeries(const NumericSeries *series, const WatchDefinition::NumberFormat &format = {});
    // The series changed: repaints (coalesced by Qt) and updates the description.
    void seriesChanged();
    // "Last 3.5, minimum 1, maximum 7.25 (1,234 values)".
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    const NumericSeries *m_series = nullptr;
    WatchDefinition::NumberFormat m_format;
};
