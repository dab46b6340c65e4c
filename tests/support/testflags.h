#pragma once

#include "core/flag.h"

// Flags for tests that need realistic data without a server.
namespace TestFlags {

inline Flag make(const QString &key, bool enabled = true, int candidateBasisPoints = 500)
{
    Flag flag;
    flag.key = key;
    flag.name = key;
    flag.description = QStringLiteral("Test flag %1").arg(key);
    flag.valueType = FlagValueType::String;
    flag.variations = {{QStringLiteral("baseline"), QStringLiteral("Baseline"), QStringLiteral("baseline_profile")},
                       {QStringLiteral("candidate"), QStringLiteral("Candidate"), QStringLiteral("candidate_profile")}};
    flag.offVariationId = QStringLiteral("baseline");
    flag.enabled = enabled;
    flag.revision = QStringLiteral("r1");
    flag.rollout = Rollout({{QStringLiteral("baseline"), Rollout::TotalBasisPoints - candidateBasisPoints},
                            {QStringLiteral("candidate"), candidateBasisPoints}});
    flag.tags = {QStringLiteral("model_route")};
    flag.updatedAtMs = 1763700000000;
    return flag;
}

inline QList<Flag> many(int count, const QString &prefix = QStringLiteral("flag-"))
{
    QList<Flag> flags;
    flags.reserve(count);
    for (int i = 0; i < count; ++i)
        flags.append(make(prefix + QString::number(i), i % 7 != 0, (i * 37) % 10001));
    return flags;
}

} // namespace TestFlags
