#pragma once

#include "result.h"

#include <QList>
#include <QMetaType>
#include <QString>

struct VariationShare
{
    QString variationId;
    int basisPoints = 0;

    friend bool operator==(const VariationShare &, const VariationShare &) = default;
};

// FeatBit's form: each served variation covers [start, end) of the unit interval.
struct FeatBitRolloutRange
{
    QString variationId;
    double start = 0;
    double end = 0;
};

// Unleash's form: variant weights out of 1000.
struct UnleashVariantWeight
{
    QString variantName;
    int weight = 0;

    friend bool operator==(const UnleashVariantWeight &, const UnleashVariantWeight &) = default;
};

// The share of traffic each variation receives, kept exactly in basis points (1/100 of a percent).
// Vendor forms are converted without drift: a value a vendor cannot express is an error, never a
// silent rounding.
class Rollout
{
public:
    static constexpr int TotalBasisPoints = 10000;
    static constexpr int UnleashWeightTotal = 1000;

    Rollout() = default;
    explicit Rollout(QList<VariationShare> shares);
    static Rollout everyoneGets(const QString &variationId);

    const QList<VariationShare> &shares() const { return m_shares; }
    int basisPointsOf(const QString &variationId) const;
    bool isEmpty() const { return m_shares.isEmpty(); }

    // Succeeds when the shares are non-negative, name each variation once and sum to 10000.
    Result<void> validate() const;

    static Result<Rollout> fromFeatBitRanges(const QList<FeatBitRolloutRange> &ranges);
    QList<FeatBitRolloutRange> toFeatBitRanges() const;

    static Result<Rollout> fromUnleashWeights(const QList<UnleashVariantWeight> &weights);
    Result<QList<UnleashVariantWeight>> toUnleashWeights() const;

    // "5%", "33.33%", "0.05%": exact, without trailing zeros.
    static QString formatPercent(int basisPoints);

    friend bool operator==(const Rollout &, const Rollout &) = default;

private:
    QList<VariationShare> m_shares;
};

Q_DECLARE_METATYPE(Rollout)
