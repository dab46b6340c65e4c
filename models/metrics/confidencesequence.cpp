#include "confidencesequence.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// The mixture's spread in sample units, chosen so the boundary is tightest at tuningSamples.
double mixtureSpread(double alpha, double tuningSamples)
{
    const double logInverseAlpha = std::log(1.0 / alpha);
    return tuningSamples / (2.0 * logInverseAlpha + std::log(1.0 + 2.0 * logInverseAlpha));
}

double halfWidth(double sigma, double n, double r, double rAlphaSquared)
{
    const double spread = (n + r) / n;
    return sigma / std::sqrt(n) * std::sqrt(spread * std::log((n + r) / rAlphaSquared));
}

} // namespace

double confidenceSequenceHalfWidth(double sigma, double n, double alpha, double tuningSamples)
{
    if (n <= 0)
        return std::numeric_limits<double>::infinity();
    const double r = mixtureSpread(alpha, tuningSamples);
    return halfWidth(sigma, n, r, r * alpha * alpha);
}

bool worseEndWithin(const DifferenceEstimate &difference, double margin, bool lowerIsBetter)
{
    return lowerIsBetter ? difference.upper <= margin : difference.lower >= -margin;
}

PairedSequentialTest::PairedSequentialTest(Options options)
    : m_options(options)
    , m_spreadSamples(mixtureSpread(options.alpha, options.tuningSamples))
    , m_spreadAlpha(m_spreadSamples * options.alpha * options.alpha)
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
    const double width = halfWidth(standardDeviation(), m_n, m_spreadSamples, m_spreadAlpha);
    m_current.lower = m_mean - width;
    m_current.upper = m_mean + width;
    m_highestLower = std::max(m_highestLower, m_current.lower);
    m_lowestUpper = std::min(m_lowestUpper, m_current.upper);
    if (m_history.isEmpty())
        m_history.reserve(1024);
    m_history.append(m_current);
}
