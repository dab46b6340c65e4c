#include "flag.h"

#include "enumnames.h"

#include <QCoreApplication>
#include <QSet>

QString flagValueTypeName(FlagValueType type)
{
    switch (type) {
    case FlagValueType::Boolean:
        return QStringLiteral("boolean");
    case FlagValueType::String:
        return QStringLiteral("string");
    case FlagValueType::Number:
        return QStringLiteral("number");
    case FlagValueType::Json:
        return QStringLiteral("json");
    }
    Q_UNREACHABLE();
}

std::optional<FlagValueType> flagValueTypeFromName(const QString &name)
{
    return enumFromName(name, {FlagValueType::Boolean, FlagValueType::String, FlagValueType::Number, FlagValueType::Json},
                        flagValueTypeName);
}

const Variation *Flag::variation(const QString &id) const
{
    for (const Variation &candidate : variations) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

Rollout Flag::servedRollout() const
{
    return enabled ? rollout : Rollout::everyoneGets(offVariationId);
}

Result<void> Flag::checkConsistency() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Flag", text); };
    if (variations.isEmpty())
        return Result<void>::failure(tr("the flag has no variations"));
    QSet<QString> ids;
    for (const Variation &each : variations) {
        if (ids.contains(each.id))
            return Result<void>::failure(tr("variation id \"%1\" is used twice").arg(each.id));
        ids.insert(each.id);
    }
    if (!variation(offVariationId))
        return Result<void>::failure(
            tr("the off variation \"%1\" is not one of the flag's variations").arg(offVariationId));
    if (const Result<void> valid = rollout.validate(); !valid)
        return valid;
    for (const VariationShare &share : rollout.shares()) {
        if (!variation(share.variationId))
            return Result<void>::failure(
                tr("the rollout serves \"%1\", which is not one of the flag's variations").arg(share.variationId));
    }
    return {};
}
