#pragma once

#include <QList>

#include <limits>

// An estimate of a difference with its interval.
struct DifferenceEstimate
{
    qint64 timeMs = 0;
    double estimate = 0;
    double lower = 0;
    double upper = 0;
    int samples = 0;
};

// Non-inferiority: whether the interval's worse end (its upper bound when lower is better) lies
// within margin of no difference, so the candidate is shown to be at most margin worse. Holds at
// any look with the interval's own guarantee: a candidate worse by more passes with rate ≤ alpha/2.
bool worseEndWithin(const DifferenceEstimate &difference, double margin, bool lowerIsBetter);

// Half-width of a two-sided (1 − alpha) confidence sequence for the mean of n observations with
// standard deviation sigma: the normal-mixture boundary of Howard, Ramdas, McAuliffe and Sekhon
// (2021), equivalently the mixture SPRT of Johari et al. inverted. It holds at every n at once,
// so the interval may be looked at after every observation. tuningSamples is where the boundary
// is tightest relative to a fixed-horizon interval.
double confidenceSequenceHalfWidth(double sigma, double n, double alpha, double tuningSamples);

// A sequential comparison of paired observations (candidate − control in the same interval).
// The interval holds at every look at once, so a bound that crossed zero at any look is a sound
// decision and stands: highestLower() and lowestUpper() keep the extremes seen. No interval is
// reported below the minimum sample: early variance estimates are too rough for the guarantee.
class PairedSequentialTest
{
public:
    struct Options
    {
        double alpha = 0.05;
        double tuningSamples = 200;
        int minimumSamples = 20;
    };

    explicit PairedSequentialTest(Options options);

    void add(qint64 timeMs, double difference);

    int samples() const { return m_n; }
    double mean() const { return m_mean; }
    double standardDeviation() const;
    bool hasInterval() const { return m_n >= m_options.minimumSamples; }
    // The current estimate and its interval.
    DifferenceEstimate current() const { return m_current; }
    // The extremes of every interval so far (infinite before the minimum sample).
    double highestLower() const { return m_highestLower; }
    double lowestUpper() const { return m_lowestUpper; }
    // One entry per observation from the minimum sample on: the difference chart's line and band.
    const QList<DifferenceEstimate> &history() const { return m_history; }

private:
    Options m_options;
    // The boundary's constants, worked out once: a test adds hundreds of looks every step.
    double m_spreadSamples = 0;
    double m_spreadAlpha = 0;
    int m_n = 0;
    double m_mean = 0;
    double m_m2 = 0;
    DifferenceEstimate m_current;
    double m_highestLower = -std::numeric_limits<double>::infinity();
    double m_lowestUpper = std::numeric_limits<double>::infinity();
    QList<DifferenceEstimate> m_history;
};
