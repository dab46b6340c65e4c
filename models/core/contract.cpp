#include "contract.h"

#include "enumnames.h"

#include <QCoreApplication>
#include <QRegularExpression>

bool ContractEval::isUrl() const
{
    return report.startsWith(QLatin1String("http://")) || report.startsWith(QLatin1String("https://"));
}

QStringList Contract::namedVariations() const
{
    QStringList names = {defaultVariation, candidate, fallback};
    for (const ContractStage &stage : stages) {
        for (const VariationShare &share : stage.exposure)
            names.append(share.variationId);
        for (const ContractEval &eval : stage.evals)
            names.append(eval.variation);
    }
    names.removeAll(QString());
    names.removeDuplicates();
    return names;
}

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Contract)
};

} // namespace

QString riskDisplayName(Contract::Risk risk)
{
    switch (risk) {
    case Contract::Risk::Low:
        return Text::tr("low");
    case Contract::Risk::Medium:
        return Text::tr("medium");
    case Contract::Risk::High:
        return Text::tr("high");
    case Contract::Risk::Critical:
        return Text::tr("critical");
    }
    Q_UNREACHABLE();
}

QString riskName(Contract::Risk risk)
{
    switch (risk) {
    case Contract::Risk::Low:
        return QStringLiteral("low");
    case Contract::Risk::Medium:
        return QStringLiteral("medium");
    case Contract::Risk::High:
        return QStringLiteral("high");
    case Contract::Risk::Critical:
        return QStringLiteral("critical");
    }
    Q_UNREACHABLE();
}

Contract::Risk riskOfExposure(int basisPoints)
{
    if (basisPoints <= 500)
        return Contract::Risk::Low;
    if (basisPoints <= 2000)
        return Contract::Risk::Medium;
    if (basisPoints <= 5000)
        return Contract::Risk::High;
    return Contract::Risk::Critical;
}

std::optional<Contract::Risk> riskFromName(const QString &name)
{
    return enumFromName(name, {Contract::Risk::Low, Contract::Risk::Medium, Contract::Risk::High, Contract::Risk::Critical},
                        riskName);
}

double ContractGuardrail::quantileInName(const QString &metric)
{
    static const QRegularExpression percentile(QStringLiteral("(?:^|_)p(\\d{2})(?:_|$)"));
    const QRegularExpressionMatch match = percentile.match(metric);
    return match.hasMatch() ? match.captured(1).toInt() / 100.0 : 0;
}

QString guardrailKindName(ContractGuardrail::Kind kind)
{
    switch (kind) {
    case ContractGuardrail::Kind::Gauge:
        return QStringLiteral("gauge");
    case ContractGuardrail::Kind::Counter:
        return QStringLiteral("counter");
    case ContractGuardrail::Kind::Histogram:
        return QStringLiteral("histogram");
    }
    return {};
}

std::optional<ContractGuardrail::Kind> guardrailKindFromName(const QString &name)
{
    for (const auto kind : {ContractGuardrail::Kind::Gauge, ContractGuardrail::Kind::Counter, ContractGuardrail::Kind::Histogram}) {
        if (guardrailKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}
