#include "numericseries.h"

#include <algorithm>

NumericSeries::NumericSeries(int capacity)
    : m_capacity(std::max(capacity, 2))
{
    m_buckets.reserve(std::size_t(m_capacity));
}

void NumericSeries::add(qint64 msecs, double value)
{
    if (m_count == 0) {
        m_minimum = m_maximum = value;
    } else {
        m_minimum = std::min(m_minimum, value);
        m_maximum = std::max(m_maximum, value);
    }
    m_last = value;
    ++m_count;
    if (!m_buckets.empty() && m_buckets.back().count < m_perBucket) {
        Bucket &bucket = m_buckets.back();
        bucket.lastMSecs = msecs;
        bucket.minimum = std::min(bucket.minimum, value);
        bucket.maximum = std::max(bucket.maximum, value);
        bucket.last = value;
        ++bucket.count;
        return;
    }
    if (int(m_buckets.size()) == m_capacity)
        compact();
    m_buckets.push_back({msecs, msecs, value, value, value, 1});
}

void NumericSeries::compact()
{
    std::size_t out = 0;
    for (std::size_t i = 0; i < m_buckets.size(); i += 2, ++out) {
        Bucket merged = m_buckets[i];
        if (i + 1 < m_buckets.size()) {
            const Bucket &next = m_buckets[i + 1];
            merged.lastMSecs = next.lastMSecs;
            merged.minimum = std::min(merged.minimum, next.minimum);
            merged.maximum = std::max(merged.maximum, next.maximum);
            merged.last = next.last;
            merged.count += next.count;
        }
        m_buckets[out] = merged;
    }
    m_buckets.resize(out);
    m_perBucket *= 2;
}

void NumericSeries::clear()
{
    m_buckets.clear();
    m_perBucket = 1;
    m_count = 0;
    m_minimum = m_maximum = m_last = 0;
}
