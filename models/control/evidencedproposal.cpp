#include "evidencedproposal.h"

#include "../core/flagjson.h"
#include "../metrics/guardrailhealth.h"

#include <QJsonArray>

Proposal evidencedProposal(const FlagStore::Entry &row, FlagAction action, const QString &reason,
                           const FlagHealth &health, const Proposer &proposer, const QString &controlId)
{
    Proposal proposal;
    proposal.proposer = proposer;
    proposal.target = row.ref;
    proposal.action = action;
    proposal.flagRevision = row.flag.revision;
    proposal.flagBefore = flagToJson(row.flag);
    proposal.reason = reason;
    QJsonObject metrics = flagHealthToJson(health);
    if (!controlId.isEmpty())
        metrics.insert(QStringLiteral("control"), controlId);
    proposal.evidence = QJsonObject{{QStringLiteral("metrics"), metrics}, {QStringLiteral("links"), QJsonArray{}}};
    // Widening exposes more users; a kill stops everyone's candidate; a rollback only narrows.
    proposal.risk = action == FlagAction::AdvanceStage ? Contract::Risk::Medium
                  : action == FlagAction::Kill         ? Contract::Risk::High
                                                       : Contract::Risk::Low;
    return proposal;
}
