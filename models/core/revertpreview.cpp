#include "revertpreview.h"

#include "auditchange.h"
#include "flagjson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RevertPreview)
};

const QString EnabledField = QStringLiteral("enabled");
const QString RolloutField = QStringLiteral("rollout");
const QString OffVariationField = QStringLiteral("offVariation");
const QString UnleashField = QStringLiteral("unleash");

// Fields every write changes, or that only describe others (a stage names a rollout).
bool isBookkeeping(const QString &field)
{
    static const QStringList fields = {QStringLiteral("revision"), QStringLiteral("updatedAt"),
                                       QStringLiteral("updatedBy"), QStringLiteral("stage"), QStringLiteral("key")};
    return fields.contains(field);
}

QString fieldText(const QString &field)
{
    if (field == EnabledField)
        return Text::tr("the enabled state");
    if (field == RolloutField)
        return Text::tr("the rollout");
    if (field == OffVariationField)
        return Text::tr("the off variation");
    if (field == QLatin1String("variations"))
        return Text::tr("the variations");
    if (field == QLatin1String("name"))
        return Text::tr("the name");
    if (field == QLatin1String("description"))
        return Text::tr("the description");
    if (field == QLatin1String("tags"))
        return Text::tr("the tags");
    return Text::tr("\"%1\"").arg(field);
}

QString strategyProblem()
{
    return Text::tr("the Unleash strategy before the change is not one FlagDeck can express");
}

} // namespace

QStringList revertedFields()
{
    return {EnabledField, RolloutField, OffVariationField};
}

RevertPreview previewRevert(const FlagRef &ref, const QList<AuditEntry> &changes, const QList<qint64> &ids,
                            const Flag &current)
{
    RevertPreview preview;
    preview.ref = ref;
    preview.entryIds = ids;
    for (const AuditEntry &entry : changes)
        preview.sourceIds.append(entry.sourceId);
    preview.reverted = netChangeOf(changes);
    preview.current = current;
    preview.target = current;
    preview.basedOnRevision = current.revision;
    const NetChange &net = preview.reverted;
    QStringList &problems = preview.problems;

    if (changes.isEmpty())
        problems.append(Text::tr("there is no change to put back"));
    else if (net.before.isEmpty() && !net.after.isEmpty())
        problems.append(Text::tr("the flag was created by this change; there is no state before it"));

    if (net.before.contains(EnabledField)) {
        const QJsonValue enabled = net.before.value(EnabledField);
        if (enabled.isBool())
            preview.target.enabled = enabled.toBool();
        else
            problems.append(Text::tr("the enabled state before the change is not readable"));
    }
    if (net.before.contains(RolloutField)) {
        const Result<Rollout> rollout = rolloutFromJson(net.before.value(RolloutField).toArray(), RolloutField);
        if (!rollout) {
            problems.append(Text::tr("the rollout before the change is not readable: %1").arg(rollout.error()));
        } else {
            bool served = true;
            for (const VariationShare &share : rollout->shares()) {
                if (share.basisPoints > 0 && !current.variation(share.variationId)) {
                    problems.append(Text::tr("the rollout before the change serves %1, which the flag no longer has")
                                        .arg(share.variationId));
                    served = false;
                }
            }
            if (served)
                preview.target.rollout = rollout.value();
        }
    }
    if (net.before.contains(OffVariationField)) {
        const QString off = net.before.value(OffVariationField).toString();
        if (current.variation(off) && off != current.offVariationId)
            // No server's API that FlagDeck uses sets the off variation alone: said, never half done.
            problems.append(Text::tr("the off variation was %1 before the change; FlagDeck cannot set it, "
                                     "set it on the server")
                                .arg(off));
        else if (current.variation(off))
            preview.target.offVariationId = off;
        else
            problems.append(Text::tr("the off variation before the change, %1, is no longer a variation of the flag")
                                .arg(off.isEmpty() ? Text::tr("(none)") : off));
    }

    const bool strategyRecorded = net.before.contains(UnleashField) || net.after.contains(UnleashField);
    for (const QString &field : net.unknownBefore) {
        if (isBookkeeping(field))
            continue;
        if (revertedFields().contains(field)) {
            if (field == RolloutField && strategyRecorded)
                problems.append(strategyProblem());
            else if (!(net.before.isEmpty() && !net.after.isEmpty()))
                problems.append(Text::tr("%1 before the change is not recorded").arg(fieldText(field)));
        } else if (field == UnleashField) {
            if (!net.before.contains(RolloutField) || !net.after.contains(RolloutField))
                problems.append(strategyProblem());
        } else {
            preview.notPutBack.append(fieldText(field));
        }
    }
    // Changed fields a revert does not put back: said, but they do not make the revert inexact.
    for (auto it = net.before.constBegin(); it != net.before.constEnd(); ++it) {
        const QString &field = it.key();
        if (isBookkeeping(field) || revertedFields().contains(field) || !net.after.contains(field)
            || net.after.value(field) == it.value())
            continue;
        if (field == UnleashField) {
            // Both sides in FlagDeck's form: the rollout says it all. Otherwise it cannot be put back.
            if (!net.before.contains(RolloutField) || !net.after.contains(RolloutField))
                problems.append(strategyProblem());
            continue;
        }
        preview.notPutBack.append(fieldText(field));
    }
    problems.removeDuplicates();
    preview.notPutBack.removeDuplicates();

    preview.exact = problems.isEmpty();
    preview.offerKill = !preview.exact && current.enabled;
    preview.rows = flagChangeRows(current, preview.target);
    return preview;
}

std::optional<RevertRefusal> checkRevert(const RevertPreview &preview, const Flag &now)
{
    if (now.revision == preview.basedOnRevision)
        return std::nullopt;
    RevertRefusal refusal;
    refusal.reason = Text::tr("%1 changed since the preview (revision %2, now %3); look at it again before putting it back")
                         .arg(preview.ref.key, preview.basedOnRevision, now.revision);
    refusal.changedSince = describeAuditChange(flagToJson(preview.current), flagToJson(now));
    refusal.rows = flagChangeRows(preview.current, now);
    return refusal;
}

QString revertComment(const RevertPreview &preview)
{
    return Text::tr("reverts %1").arg(preview.sourceIds.join(QStringLiteral(", ")));
}
