#include "guardrailhealth.h"

#include <QCoreApplication>
#include <QJsonArray>

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
    case GuardrailVerdict::NotEnoughEvidence:
        // Short for the flag table's column; the gate and the reason say "not enough evidence yet".
        return Text::tr("not enough evidence");
    case GuardrailVerdict::NotEnoughData:
        return Text::tr("not enough data");
    case GuardrailVerdict::Watching:
        return Text::tr("watching");
    case GuardrailVerdict::Regressed:
        return Text::tr("regressed");
    }
    return {};
}

QString verdictName(GuardrailVerdict verdict)
{
    switch (verdict) {
    case GuardrailVerdict::NoData:
        return QStringLiteral("no_data");
    case GuardrailVerdict::Healthy:
        return QStringLiteral("healthy");
    case GuardrailVerdict::NotEnoughEvidence:
        return QStringLiteral("not_enough_evidence");
    case GuardrailVerdict::NotEnoughData:
        return QStringLiteral("not_enough_data");
    case GuardrailVerdict::Watching:
        return QStringLiteral("watching");
    case GuardrailVerdict::Regressed:
        return QStringLiteral("regressed");
    }
    return {};
}

QJsonObject flagHealthToJson(const FlagHealth &health)
{
    QJsonArray results;
    for (const GuardrailResult &result : health.results) {
        QJsonObject item{{QStringLiteral("metric"), result.guardrail.metric},
                         {QStringLiteral("candidate"), result.candidateId},
                         {QStringLiteral("verdict"), verdictName(result.verdict)},
                         {QStringLiteral("difference"), result.difference.estimate},
                         {QStringLiteral("interval"), QJsonArray{result.difference.lower, result.difference.upper}},
                         {QStringLiteral("control_mean"), result.controlMean},
                         {QStringLiteral("paired_intervals"), result.difference.samples},
                         {QStringLiteral("tolerance"), result.guardrail.toleranceOrDefault()},
                         {QStringLiteral("tolerance_margin"), result.toleranceMargin},
                         {QStringLiteral("reason"), result.reason}};
        if (result.guardrail.threshold)
            item.insert(QStringLiteral("threshold"), *result.guardrail.threshold);
        results.append(item);
    }
    return {{QStringLiteral("verdict"), verdictName(health.results.isEmpty() ? GuardrailVerdict::NoData : health.verdict)},
            {QStringLiteral("summary"), health.summary},
            {QStringLiteral("sample_ratio_mismatch"), health.srmMismatch},
            {QStringLiteral("mixed_environments"), health.mixedEnvironments},
            {QStringLiteral("results"), results}};
}

QString mixedEnvironmentsText()
{
    return Text::tr("these values mix every environment");
}

void markMixedEnvironments(FlagHealth &health)
{
    if (health.mixedEnvironments)
        return;
    health.mixedEnvironments = true;
    const QString prefix = mixedEnvironmentsText() + QStringLiteral(": ");
    for (GuardrailResult &result : health.results) {
        result.mixedEnvironments = true;
        result.reason.prepend(prefix);
    }
    health.summary.prepend(prefix);
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
