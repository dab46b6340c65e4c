#include "guardrailhealth.h"

#include <QCoreApplication>

#include <cmath>

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(GuardrailHealth)
};
} // namespace

QString verdictText(GuardrailVerdict verdict)
{
    switch (verdict) {
    case GuardrailVerdict::NoData:
        return Text::tr("no data");
    case GuardrailVerdict::Healthy:
        return Text::tr("healthy");
    case GuardrailVerdict::NotEnoughData:
        return Text::tr("not enough data");
    case GuardrailVerdict::Watching:
        return Text::tr("watching");
    case GuardrailVerdict::Regressed:
        return Text::tr("regressed");
    }
    return {};
}

QStringList GuardrailWatch::candidateIds() const
{
    QStringList ids;
    for (const VariationShare &share : expected.shares()) {
        if (share.basisPoints > 0 && share.variationId != controlId)
            ids.append(share.variationId);
    }
    return ids;
}

std::optional<double> GuardrailResult::relativeChange() const
{
    if (difference.samples == 0 || controlMean == 0 || !std::isfinite(controlMean))
        return std::nullopt;
    return difference.estimate / std::abs(controlMean);
}
