#include "sequentialsrm.h"

#include <algorithm>
#include <cmath>

SequentialSrm::SequentialSrm(QList<double> expectedShares, double concentration)
    : m_concentration(concentration)
{
    double total = 0;
    for (double share : expectedShares)
        total += share;
    for (double share : expectedShares)
        m_shares.append(total > 0 ? share / total : 0);
}

void SequentialSrm::update(const QList<double> &cumulativeCounts)
{
    if (cumulativeCounts.size() != m_shares.size())
        return;
    // log BF = log P(counts | Dirichlet-multinomial) − log P(counts | multinomial); the multinomial
    // coefficient is common to both and cancels.
    double total = 0;
    double logBayesFactor = 0;
    for (qsizetype i = 0; i < m_shares.size(); ++i) {
        const double count = std::max(0.0, std::round(cumulativeCounts[i]));
        const double share = m_shares[i];
        if (share <= 0) {
            if (count > 0) { // traffic where none was promised: as clear a mismatch as there is
                m_pValue = 0;
                return;
            }
            continue;
        }
        const double prior = m_concentration * share;
        logBayesFactor += std::lgamma(prior + count) - std::lgamma(prior) - count * std::log(share);
        total += count;
    }
    logBayesFactor += std::lgamma(m_concentration) - std::lgamma(m_concentration + total);
    m_pValue = std::min(m_pValue, std::min(1.0, std::exp(-logBayesFactor)));
}
