#include "readiness.h"

#include "stageplan.h"

#include <QCoreApplication>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Readiness)
};

ReadinessItem item(const QString &title, bool passed, const QString &detail)
{
    return {title, passed ? ReadinessItem::Status::Passed : ReadinessItem::Status::Failed, detail};
}

} // namespace

QList<ReadinessItem> checkReadiness(const Contract &contract, const Flag &flag, const ReadinessFacts &facts)
{
    QList<ReadinessItem> items;

    const bool typed = !flag.key.isEmpty() && flag.variations.size() >= 2
        && std::all_of(flag.variations.cbegin(), flag.variations.cend(),
                       [](const Variation &variation) { return !variation.id.isEmpty() && !variation.value.isEmpty(); });
    items.append(item(Text::tr("Named key with typed variations"), typed,
                      typed ? Text::tr("%1: %n %2 variations", nullptr, int(flag.variations.size()))
                                  .arg(flag.key, flagValueTypeName(flag.valueType))
                            : Text::tr("a flag needs a key and at least two variations with values")));

    items.append(item(Text::tr("Assignment unit named"), !contract.assignmentUnit.isEmpty(),
                      contract.assignmentUnit.isEmpty() ? Text::tr("the contract names no assignment_unit")
                                                        : contract.assignmentUnit));

    QStringList missing;
    for (const QString &name : contract.namedVariations()) {
        if (StagePlan::resolveVariation(flag, name).isEmpty())
            missing.append(name);
    }
    items.append(item(Text::tr("Contract variations exist on the server"), missing.isEmpty(),
                      missing.isEmpty() ? Text::tr("all %n found", nullptr, int(contract.namedVariations().size()))
                                        : Text::tr("the server lacks %1").arg(missing.join(QStringLiteral(", ")))));

    const bool hasDefault = !StagePlan::resolveVariation(flag, contract.defaultVariation).isEmpty();
    items.append(item(Text::tr("Safe default on the server"), hasDefault,
                      hasDefault ? contract.defaultVariation
                                 : Text::tr("\"%1\" is not a variation of the flag").arg(contract.defaultVariation)));

    const bool hasFallback = !contract.fallback.isEmpty() && !StagePlan::resolveVariation(flag, contract.fallback).isEmpty();
    items.append(item(Text::tr("Fallback variation on the server"), hasFallback,
                      contract.fallback.isEmpty() ? Text::tr("the contract names no fallback")
                      : hasFallback               ? contract.fallback
                                                  : Text::tr("\"%1\" is not a variation of the flag").arg(contract.fallback)));

    QStringList metrics;
    QStringList cannotStop;
    for (const ContractGuardrail &guardrail : contract.guardrails) {
        metrics.append(guardrail.metric);
        if (!guardrail.canStopExpansion())
            cannotStop.append(guardrail.metric);
    }
    items.append(item(Text::tr("Guardrail metric defined"), !metrics.isEmpty(),
                      metrics.isEmpty() ? Text::tr("the contract lists no guardrails") : metrics.join(QStringLiteral(", "))));
    items.append({Text::tr("Exposure and outcome joinable"), ReadinessItem::Status::NotCheckable,
                  Text::tr("not checkable here: needs the metric source to report both per variation")});
    items.append(item(Text::tr("Guardrails can stop expansion"), !metrics.isEmpty() && cannotStop.isEmpty(),
                      metrics.isEmpty()      ? Text::tr("no guardrails")
                      : cannotStop.isEmpty() ? Text::tr("each has a threshold or a rule")
                                             : Text::tr("no threshold or rule: %1").arg(cannotStop.join(QStringLiteral(", ")))));

    // Only for contracts that ask for evals at all: the others are not measured by a rule they never set.
    const bool asksForEvals = std::any_of(contract.stages.cbegin(), contract.stages.cend(),
                                          [](const ContractStage &stage) { return !stage.evals.isEmpty(); });
    if (asksForEvals && !facts.evalsRead) {
        items.append({Text::tr("Eval evidence for the next stage"), ReadinessItem::Status::NotCheckable,
                      Text::tr("not checkable here: eval reports are not read")});
    } else if (asksForEvals) {
        QStringList failing;
        for (const EvalCheck &check : facts.nextStageEvals) {
            if (!check.passes())
                failing.append(check.summary);
        }
        items.append(item(Text::tr("Eval evidence for the next stage"), failing.isEmpty(),
                          !failing.isEmpty()              ? failing.join(QStringLiteral("; "))
                          : facts.nextStage.isEmpty()     ? Text::tr("no stage ahead")
                          : facts.nextStageEvals.isEmpty() ? Text::tr("none required to enter %1").arg(facts.nextStage)
                                                           : Text::tr("%n passing for %1", nullptr,
                                                                      int(facts.nextStageEvals.size()))
                                                                 .arg(facts.nextStage)));
    }

    QStringList rollbacks;
    if (facts.killAvailable)
        rollbacks.append(Text::tr("kill switch"));
    if (hasFallback)
        rollbacks.append(Text::tr("fallback %1").arg(contract.fallback));
    items.append(item(Text::tr("Rollback without a deploy"), !rollbacks.isEmpty(),
                      rollbacks.isEmpty() ? Text::tr("neither a kill switch nor a fallback is available")
                                          : rollbacks.join(QStringLiteral(", "))));

    if (facts.auditTrailPresent)
        items.append(item(Text::tr("Audit trail present"), *facts.auditTrailPresent,
                          *facts.auditTrailPresent ? Text::tr("history in the audit cache")
                                                   : Text::tr("no history of this flag in the audit cache")));
    else
        items.append({Text::tr("Audit trail present"), ReadinessItem::Status::NotCheckable,
                      Text::tr("not checkable here: the audit cache is not readable")});

    items.append(item(Text::tr("Owner"), !contract.owner.isEmpty(),
                      contract.owner.isEmpty() ? Text::tr("the contract names no owner") : contract.owner));
    const bool reviewDue = contract.reviewDate.isValid() && contract.reviewDate < facts.today;
    items.append(item(Text::tr("Review date set and not passed"), contract.reviewDate.isValid() && !reviewDue,
                      !contract.reviewDate.isValid() ? Text::tr("the contract has no review_date")
                      : reviewDue ? Text::tr("review was due on %1").arg(contract.reviewDate.toString(Qt::ISODate))
                                  : contract.reviewDate.toString(Qt::ISODate)));
    const QString cleanup = contract.cleanupCondition.isEmpty() ? contract.cleanupRule : contract.cleanupCondition;
    items.append(item(Text::tr("Cleanup condition"), !cleanup.isEmpty(),
                      cleanup.isEmpty() ? Text::tr("the contract has no cleanup_condition") : cleanup));
    return items;
}

int failedCount(const QList<ReadinessItem> &items)
{
    return int(std::count_if(items.cbegin(), items.cend(),
                             [](const ReadinessItem &item) { return item.status == ReadinessItem::Status::Failed; }));
}

QString readinessSummary(const QList<ReadinessItem> &items)
{
    const int failed = failedCount(items);
    const int uncheckable = int(std::count_if(items.cbegin(), items.cend(), [](const ReadinessItem &item) {
        return item.status == ReadinessItem::Status::NotCheckable;
    }));
    if (failed > 0)
        return Text::tr("%n missing", nullptr, failed);
    if (uncheckable > 0)
        return Text::tr("ready, %n not checkable here", nullptr, uncheckable);
    return Text::tr("ready");
}
