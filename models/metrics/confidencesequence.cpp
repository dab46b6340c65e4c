#include "confidencesequence.h"

#include <algorithm>
#include <cmath>
#include <limits>

double confidenceSequenceHalfWidth(double sigma, double n, double alpha, double tuningSamples)
{
    if (n <= 0)
        return std::numeric_limits<double>::infinity();
    // The mixture's spread in sample units, chosen so the boundary is tightest at tuningSamples.
    const double logInverseAlpha = std::log(1.0 / alpha);
    const double r = tuningSamples / (2.0 * logInverseAlpha + std::log(1.0 + 2.0 * logInverseAlpha));
    const double spread = (n + r) / n;
    return sigma / std::sqrt(n) * std::sqrt(spread * std::log((n + r) / (r * alpha * alpha)));
}

bool worseEndWithin(const DifferenceEstimate &difference, double margin, bool lowerIsBetter)
{
    return lowerIsBetter ? difference.upper <= margin : difference.lower >= -margin;
}

PairedSequentialTest::PairedSequentialTest(Options options)
    : m_options(options)
{
}

double PairedSequentialTest::standardDeviation() const
{
    return m_n > 1 ? std::sqrt(m_m2 / (m_n - 1)) : 0.0;
}

void PairedSequentialTest::add(qint64 timeMs, double difference)
{
    ++m_n;
    const double delta = difference - m_mean;
    m_mean += delta / m_n;
    m_m2 += delta * (difference - m_mean);

    m_current.timeMs = timeMs;
    m_current.estimate = m_mean;
    m_current.samples = m_n;
    if (!hasInterval())
        return;
    const double halfWidth =
        confidenceSequenceHalfWidth(standardDeviation(), m_n, m_options.alpha, m_options.tuningSamples);
    m_current.lower = m_mean - halfWidth;
    m_current.upper = m_mean + halfWidth;
    m_highestLower = std::max(m_highestLower, m_current.lower);
    m_lowestUpper = std::min(m_lowestUpper, m_current.upper);
    if (m_history.isEmpty())
        m_history.reserve(1024);
    m_history.append(m_current);
}
