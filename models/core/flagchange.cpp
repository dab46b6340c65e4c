#include "flagchange.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FlagChange)
};

QString variationName(const Flag &before, const Flag &after, const QString &id)
{
    const Variation *variation = after.variation(id);
    if (!variation)
        variation = before.variation(id);
    return variation && !variation->name.isEmpty() ? variation->name : id;
}

QString stateText(bool enabled)
{
    return enabled ? Text::tr("on") : Text::tr("off");
}

} // namespace

QList<FlagChangeRow> flagChangeRows(const Flag &before, const Flag &after)
{
    QList<FlagChangeRow> rows;
    rows.append({FlagChangeRow::Kind::State, Text::tr("State"), stateText(before.enabled), stateText(after.enabled),
                 before.enabled != after.enabled});
    rows.append({FlagChangeRow::Kind::OffVariation, Text::tr("Off variation"),
                 variationName(before, after, before.offVariationId), variationName(before, after, after.offVariationId),
                 before.offVariationId != after.offVariationId});
    // Every variation either rollout names, in the order the flag lists them, then any other.
    QStringList ids;
    for (const Variation &variation : after.variations)
        ids.append(variation.id);
    for (const Variation &variation : before.variations) {
        if (!ids.contains(variation.id))
            ids.append(variation.id);
    }
    for (const Rollout *rollout : {&before.rollout, &after.rollout}) {
        for (const VariationShare &share : rollout->shares()) {
            if (!ids.contains(share.variationId))
                ids.append(share.variationId);
        }
    }
    for (const QString &id : std::as_const(ids)) {
        const int was = before.rollout.basisPointsOf(id);
        const int will = after.rollout.basisPointsOf(id);
        const bool named = was > 0 || will > 0;
        if (!named)
            continue; // a variation no rollout serves says nothing here
        rows.append({FlagChangeRow::Kind::Share, Text::tr("Rollout: %1").arg(variationName(before, after, id)),
                     Rollout::formatPercent(was), Rollout::formatPercent(will), was != will});
    }
    const bool anyChange = std::any_of(rows.cbegin(), rows.cend(), [](const FlagChangeRow &row) { return row.changed; });
    if (!anyChange)
        return {};
    if (rows.size() <= MaxContextRows)
        return rows;
    rows.removeIf([](const FlagChangeRow &row) { return !row.changed; });
    return rows;
}
