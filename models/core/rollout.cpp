#include "rollout.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Rollout)
};

// FeatBit stores fractions; four decimals are one basis point. Anything finer than a hundredth
// of a basis point is not a value FeatBit's own UI or CLI writes, so it is refused.
constexpr double BoundTolerance = 0.01;

std::optional<int> boundToBasisPoints(double fraction)
{
    if (!std::isfinite(fraction) || fraction < 0 || fraction > 1)
        return std::nullopt;
    const double scaled = fraction * Rollout::TotalBasisPoints;
    const double rounded = std::round(scaled);
    if (std::abs(scaled - rounded) > BoundTolerance)
        return std::nullopt;
    return static_cast<int>(rounded);
}

} // namespace

Rollout::Rollout(QList<VariationShare> shares) : m_shares(std::move(shares)) {}

Rollout Rollout::everyoneGets(const QString &variationId)
{
    return Rollout({{variationId, TotalBasisPoints}});
}

int Rollout::basisPointsOf(const QString &variationId) const
{
    for (const VariationShare &share : m_shares) {
        if (share.variationId == variationId)
            return share.basisPoints;
    }
    return 0;
}

Result<void> Rollout::validate() const
{
    if (m_shares.isEmpty())
        return Result<void>::failure(Text::tr("the rollout serves no variation"));
    QSet<QString> seen;
    int total = 0;
    for (const VariationShare &share : m_shares) {
        if (share.variationId.isEmpty())
            return Result<void>::failure(Text::tr("a rollout share names no variation"));
        if (seen.contains(share.variationId))
            return Result<void>::failure(
                Text::tr("variation \"%1\" appears twice in the rollout").arg(share.variationId));
        seen.insert(share.variationId);
        if (share.basisPoints < 0 || share.basisPoints > TotalBasisPoints)
            return Result<void>::failure(Text::tr("variation \"%1\" has a share of %2 basis points, outside 0..10000")
                                             .arg(share.variationId)
                                             .arg(share.basisPoints));
        total += share.basisPoints;
    }
    if (total != TotalBasisPoints)
        return Result<void>::failure(Text::tr("the shares sum to %1, not 100%").arg(formatPercent(total)));
    return {};
}

Result<Rollout> Rollout::fromFeatBitRanges(const QList<FeatBitRolloutRange> &ranges)
{
    struct Span
    {
        QString variationId;
        int start;
        int end;
    };
    QList<Span> spans;
    for (const FeatBitRolloutRange &range : ranges) {
        const std::optional<int> start = boundToBasisPoints(range.start);
        const std::optional<int> end = boundToBasisPoints(range.end);
        if (!start || !end)
            return Result<Rollout>::failure(
                Text::tr("variation \"%1\" has a rollout range [%2, %3] that is not within [0, 1] at 0.01% steps")
                    .arg(range.variationId)
                    .arg(range.start)
                    .arg(range.end));
        if (*end < *start)
            return Result<Rollout>::failure(
                Text::tr("variation \"%1\" has a rollout range that ends before it starts").arg(range.variationId));
        spans.append({range.variationId, *start, *end});
    }
    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
    for (qsizetype i = 1; i < spans.size(); ++i) {
        if (spans[i].start < spans[i - 1].end)
            return Result<Rollout>::failure(Text::tr("the rollout ranges of \"%1\" and \"%2\" overlap")
                                                .arg(spans[i - 1].variationId, spans[i].variationId));
    }
    QList<VariationShare> shares;
    for (const FeatBitRolloutRange &range : ranges) {
        // Keep the server's order of variations; shares come from the rounded bounds.
        const auto span = std::find_if(spans.cbegin(), spans.cend(),
                                       [&](const Span &s) { return s.variationId == range.variationId; });
        shares.append({span->variationId, span->end - span->start});
    }
    Rollout rollout(std::move(shares));
    if (const Result<void> valid = rollout.validate(); !valid)
        return Result<Rollout>::failure(valid.error());
    return rollout;
}

QList<FeatBitRolloutRange> Rollout::toFeatBitRanges() const
{
    QList<FeatBitRolloutRange> ranges;
    int cursor = 0;
    for (const VariationShare &share : m_shares) {
        if (share.basisPoints == 0)
            continue;
        const int end = cursor + share.basisPoints;
        ranges.append({share.variationId, cursor / double(TotalBasisPoints), end / double(TotalBasisPoints)});
        cursor = end;
    }
    return ranges;
}

Result<Rollout> Rollout::fromUnleashWeights(const QList<UnleashVariantWeight> &weights)
{
    QList<VariationShare> shares;
    for (const UnleashVariantWeight &weight : weights) {
        if (weight.weight < 0 || weight.weight > UnleashWeightTotal)
            return Result<Rollout>::failure(
                Text::tr("variant \"%1\" has weight %2, outside 0..1000").arg(weight.variantName).arg(weight.weight));
        shares.append({weight.variantName, weight.weight * (TotalBasisPoints / UnleashWeightTotal)});
    }
    Rollout rollout(std::move(shares));
    if (const Result<void> valid = rollout.validate(); !valid)
        return Result<Rollout>::failure(valid.error());
    return rollout;
}

Result<QList<UnleashVariantWeight>> Rollout::toUnleashWeights() const
{
    constexpr int step = TotalBasisPoints / UnleashWeightTotal;
    QList<UnleashVariantWeight> weights;
    for (const VariationShare &share : m_shares) {
        if (share.basisPoints % step != 0)
            return Result<QList<UnleashVariantWeight>>::failure(
                Text::tr("variation \"%1\" gets %2, which Unleash cannot express: its weights move in steps of 0.1%")
                    .arg(share.variationId, formatPercent(share.basisPoints)));
        weights.append({share.variationId, share.basisPoints / step});
    }
    return weights;
}

QString Rollout::formatPercent(int basisPoints)
{
    const int whole = basisPoints / 100;
    int fraction = std::abs(basisPoints % 100);
    if (fraction == 0)
        return QStringLiteral("%1%").arg(whole);
    const QString sign = (basisPoints < 0 && whole == 0) ? QStringLiteral("-") : QString();
    if (fraction % 10 == 0)
        return QStringLiteral("%1%2.%3%").arg(sign).arg(whole).arg(fraction / 10);
    return QStringLiteral("%1%2.%3%").arg(sign).arg(whole).arg(fraction, 2, 10, QLatin1Char('0'));
}
