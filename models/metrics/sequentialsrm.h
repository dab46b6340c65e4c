#pragma once

#include <QList>

// A sequential sample-ratio-mismatch check (Lindon, Semmens and Gotwalt 2022): exposure counts are
// multinomial with the shares the rollout promises under the null, Dirichlet-multinomial around
// them under the alternative. The Bayes factor of the counts so far gives an always-valid p-value
// (the smallest 1/BF seen), so the check can be repeated after every interval.
class SequentialSrm
{
public:
    static constexpr double DefaultConcentration = 10000;
    static constexpr double MismatchPValue = 0.001;

    // The expected share of each arm; they need not sum to one exactly.
    explicit SequentialSrm(QList<double> expectedShares, double concentration = DefaultConcentration);

    // The counts of every arm since the start, in the order of the shares.
    void update(const QList<double> &cumulativeCounts);

    double pValue() const { return m_pValue; }
    bool mismatch() const { return m_pValue < MismatchPValue; }

private:
    QList<double> m_shares;
    double m_concentration;
    double m_pValue = 1.0;
};
