#pragma once

#include <QtGlobal>

#include <vector>

// The numbers a watch produced, over time, in bounded memory: at most capacity() buckets, each
// with the first and last time, the smallest, largest and last value of the runs it stands
// for. When the buckets are full, neighbours are merged in pairs, so the series always covers
// every value since it was cleared at an even resolution, and no minimum or maximum is lost
// (min/max decimation). Qt Core only; not thread-safe.
class NumericSeries
{
public:
    struct Bucket
    {
        qint64 firstMSecs = 0;
        qint64 lastMSecs = 0;
        double minimum = 0;
        double maximum = 0;
        double last = 0;
        quint64 count = 0;
    };

    explicit NumericSeries(int capacity = 1024);

    void add(qint64 msecs, double value);
    void clear();

    int capacity() const { return m_capacity; }
    const std::vector<Bucket> &buckets() const { return m_buckets; }
    bool isEmpty() const { return m_count == 0; }
    quint64 count() const { return m_count; } // values added since the last clear()
    double minimum() const { return m_minimum; }
    double maximum() const { return m_maximum; }
    double last() const { return m_last; }
    // Values each bucket holds at most now: 1, 2, 4, ...
    quint64 valuesPerBucket() const { return m_perBucket; }

private:
    void compact();

    std::vector<Bucket> m_buckets;
    int m_capacity;
    quint64 m_perBucket = 1;
    quint64 m_count = 0;
    double m_minimum = 0;
    double m_maximum = 0;
    double m_last = 0;
};
