#include "contract.h"

#include "enumnames.h"

#include <QCoreApplication>

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
