#include "auditchange.h"

#include "rollout.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>
#include <QSet>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuditChange)
};

struct VariationText
{
    QString name;
    QString value;
};

QMap<QString, VariationText> variationsOf(const QJsonObject &flag)
{
    QMap<QString, VariationText> variations;
    for (const QJsonValue &value : flag.value(QStringLiteral("variations")).toArray()) {
        const QJsonObject variation = value.toObject();
        variations.insert(variation.value(QStringLiteral("id")).toString(),
                          {variation.value(QStringLiteral("name")).toString(),
                           variation.value(QStringLiteral("value")).toString()});
    }
    return variations;
}

QMap<QString, int> rolloutOf(const QJsonObject &flag)
{
    QMap<QString, int> shares;
    for (const QJsonValue &value : flag.value(QStringLiteral("rollout")).toArray()) {
        const QJsonObject share = value.toObject();
        shares.insert(share.value(QStringLiteral("variation")).toString(),
                      share.value(QStringLiteral("basisPoints")).toInt());
    }
    return shares;
}

QSet<QString> tagsOf(const QJsonObject &flag)
{
    QSet<QString> tags;
    for (const QJsonValue &value : flag.value(QStringLiteral("tags")).toArray())
        tags.insert(value.toString());
    return tags;
}

QString sortedList(const QSet<QString> &names)
{
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    return sorted.join(QStringLiteral(", "));
}

bool bothHave(const QJsonObject &before, const QJsonObject &after, const QString &field)
{
    return before.contains(field) && after.contains(field);
}

} // namespace

QStringList describeAuditChange(const QJsonObject &before, const QJsonObject &after)
{
    if (before.isEmpty() && after.isEmpty())
        return {};
    if (before.isEmpty())
        return {Text::tr("created")};
    if (after.isEmpty())
        return {Text::tr("deleted")};

    QStringList changes;
    const QString enabled = QStringLiteral("enabled");
    if (bothHave(before, after, enabled) && before.value(enabled) != after.value(enabled))
        changes.append(after.value(enabled).toBool() ? Text::tr("enabled") : Text::tr("disabled"));

    const QString name = QStringLiteral("name");
    if (bothHave(before, after, name) && before.value(name) != after.value(name))
        changes.append(Text::tr("renamed \"%1\" → \"%2\"").arg(before.value(name).toString(), after.value(name).toString()));
    const QString description = QStringLiteral("description");
    if (bothHave(before, after, description) && before.value(description) != after.value(description))
        changes.append(Text::tr("description changed"));

    const QMap<QString, VariationText> oldVariations = variationsOf(before);
    const QMap<QString, VariationText> newVariations = variationsOf(after);
    const auto variationName = [&](const QString &id) {
        const VariationText text = newVariations.value(id, oldVariations.value(id));
        return text.name.isEmpty() ? id : text.name;
    };
    if (bothHave(before, after, QStringLiteral("variations"))) {
        for (auto it = newVariations.cbegin(); it != newVariations.cend(); ++it) {
            const auto old = oldVariations.constFind(it.key());
            if (old == oldVariations.cend())
                changes.append(Text::tr("variation added: %1 (%2)").arg(it->name, it->value));
            else if (old->value != it->value)
                changes.append(Text::tr("value of %1 %2 → %3").arg(it->name, old->value, it->value));
            else if (old->name != it->name)
                changes.append(Text::tr("variation renamed %1 → %2").arg(old->name, it->name));
        }
        for (auto it = oldVariations.cbegin(); it != oldVariations.cend(); ++it) {
            if (!newVariations.contains(it.key()))
                changes.append(Text::tr("variation removed: %1").arg(it->name));
        }
    }

    if (bothHave(before, after, QStringLiteral("rollout"))) {
        const QMap<QString, int> oldShares = rolloutOf(before);
        const QMap<QString, int> newShares = rolloutOf(after);
        QStringList ids = oldShares.keys() + newShares.keys();
        ids.removeDuplicates();
        ids.sort();
        for (const QString &id : std::as_const(ids)) {
            const int from = oldShares.value(id);
            const int to = newShares.value(id);
            if (from != to)
                changes.append(Text::tr("rollout of %1 %2 → %3")
                                   .arg(variationName(id), Rollout::formatPercent(from), Rollout::formatPercent(to)));
        }
    }

    const QString offVariation = QStringLiteral("offVariation");
    if (bothHave(before, after, offVariation) && before.value(offVariation) != after.value(offVariation))
        changes.append(Text::tr("off variation %1 → %2")
                           .arg(variationName(before.value(offVariation).toString()),
                                variationName(after.value(offVariation).toString())));

    if (bothHave(before, after, QStringLiteral("tags"))) {
        const QSet<QString> oldTags = tagsOf(before);
        const QSet<QString> newTags = tagsOf(after);
        if (const QSet<QString> added = newTags - oldTags; !added.isEmpty())
            changes.append(Text::tr("tags added: %1").arg(sortedList(added)));
        if (const QSet<QString> removed = oldTags - newTags; !removed.isEmpty())
            changes.append(Text::tr("tags removed: %1").arg(sortedList(removed)));
    }

    if (changes.isEmpty()) {
        // Bookkeeping fields (revision, updatedAt, updatedBy) change on every write; say so plainly.
        QJsonObject oldRest = before;
        QJsonObject newRest = after;
        for (const char *field : {"revision", "updatedAt", "updatedBy"}) {
            oldRest.remove(QLatin1String(field));
            newRest.remove(QLatin1String(field));
        }
        changes.append(oldRest == newRest ? Text::tr("no change to the flag") : Text::tr("other fields changed"));
    }
    return changes;
}
