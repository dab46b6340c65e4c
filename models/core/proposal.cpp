#include "proposal.h"

#include "durationtext.h"
#include "enumnames.h"
#include "flagjson.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

#include <cmath>

QString proposalStatusName(ProposalStatus status)
{
    switch (status) {
    case ProposalStatus::Pending:
        return QStringLiteral("pending");
    case ProposalStatus::Approved:
        return QStringLiteral("approved");
    case ProposalStatus::Rejected:
        return QStringLiteral("rejected");
    case ProposalStatus::Executing:
        return QStringLiteral("executing");
    case ProposalStatus::Executed:
        return QStringLiteral("executed");
    case ProposalStatus::Failed:
        return QStringLiteral("failed");
    case ProposalStatus::Expired:
        return QStringLiteral("expired");
    case ProposalStatus::Superseded:
        return QStringLiteral("superseded");
    }
    Q_UNREACHABLE();
}

std::optional<ProposalStatus> proposalStatusFromName(const QString &name)
{
    return enumFromName(name,
                        {ProposalStatus::Pending, ProposalStatus::Approved, ProposalStatus::Rejected,
                         ProposalStatus::Executing, ProposalStatus::Executed, ProposalStatus::Failed,
                         ProposalStatus::Expired, ProposalStatus::Superseded},
                        proposalStatusName);
}

bool isFinalStatus(ProposalStatus status)
{
    return status != ProposalStatus::Pending && status != ProposalStatus::Approved
        && status != ProposalStatus::Executing;
}

QString verdictName(ProposalDecision::Verdict verdict)
{
    return verdict == ProposalDecision::Verdict::Approve ? QStringLiteral("approve") : QStringLiteral("reject");
}

int Proposal::approvalsAt(const QString &revision) const
{
    // Each reviewer counts once, however many rows carry their name (in any spelling of case).
    QSet<QString> reviewers;
    for (const ProposalDecision &decision : decisions) {
        if (decision.verdict == ProposalDecision::Verdict::Approve && decision.flagRevision == revision)
            reviewers.insert(decision.reviewer.trimmed().toCaseFolded());
    }
    return int(reviewers.size());
}

bool Proposal::wasDecidedBy(const QString &reviewer, const QString &revision) const
{
    return std::any_of(decisions.cbegin(), decisions.cend(), [&](const ProposalDecision &decision) {
        return decision.reviewer.compare(reviewer, Qt::CaseInsensitive) == 0 && decision.flagRevision == revision;
    });
}

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Proposal)
};

} // namespace

QString proposalStatusText(const Proposal &proposal, qint64 nowMs)
{
    if (proposal.status != ProposalStatus::Pending)
        return proposalStatusName(proposal.status);
    const qint64 left = proposal.expiresMs - nowMs;
    return left > 0 ? Text::tr("pending · %1 left").arg(durationText(left)) : Text::tr("pending · expired");
}

bool isRegressionDriven(const Proposal &proposal)
{
    if (proposal.action != FlagAction::RollbackStage && proposal.action != FlagAction::ServeFallback
        && proposal.action != FlagAction::Kill)
        return false;
    const QJsonObject metrics = proposal.evidence.value(QStringLiteral("metrics")).toObject();
    return metrics.value(QStringLiteral("verdict")).toString() == QLatin1String("regressed");
}

Result<Flag> flagAfterAction(const Flag &current, FlagAction action, const QJsonObject &parameters)
{
    Flag after = current;
    switch (action) {
    case FlagAction::Kill:
    case FlagAction::Restore:
        if (!parameters.isEmpty())
            return Result<Flag>::failure(Text::tr("%1 takes no parameters").arg(flagActionName(action)));
        after.enabled = action == FlagAction::Restore;
        if (after.enabled == current.enabled)
            return Result<Flag>::failure(after.enabled ? Text::tr("%1 is already on").arg(current.key)
                                                       : Text::tr("%1 is already off").arg(current.key));
        return after;
    case FlagAction::SetRollout: {
        const QJsonValue shares = parameters.value(QStringLiteral("rollout"));
        if (!shares.isArray() || parameters.size() != 1)
            return Result<Flag>::failure(
                Text::tr("set_rollout takes exactly {\"rollout\": [{\"variation\": id, \"basisPoints\": n}, …]}"));
        Result<Rollout> rollout = rolloutFromJson(shares.toArray(), QStringLiteral("parameters.rollout"));
        if (!rollout)
            return Result<Flag>::failure(rollout.error());
        after.rollout = std::move(rollout).value();
        if (const Result<void> consistent = after.checkConsistency(); !consistent)
            return Result<Flag>::failure(consistent.error());
        return after;
    }
    case FlagAction::AdvanceStage:
    case FlagAction::RollbackStage:
    case FlagAction::ServeFallback:
        break;
    case FlagAction::Revert:
        return Result<Flag>::failure(Text::tr("revert follows the flag's history"));
    case FlagAction::Archive:
        return Result<Flag>::failure(Text::tr("archive retires the flag on its server; its state does not change"));
    }
    return Result<Flag>::failure(Text::tr("%1 follows the flag's contract").arg(flagActionName(action)));
}

QString personProposalClient()
{
    return QStringLiteral("FlagDeck console");
}

bool isPersonProposal(const Proposal &proposal)
{
    return proposal.proposer.clientName == personProposalClient();
}

QJsonObject revertParameters(const QList<qint64> &changeIds)
{
    QJsonArray ids;
    for (const qint64 id : changeIds)
        ids.append(double(id));
    return {{QStringLiteral("changes"), ids}};
}

Result<QList<qint64>> revertedChangeIds(const QJsonObject &parameters)
{
    const QJsonValue changes = parameters.value(QStringLiteral("changes"));
    const QString form = Text::tr("revert takes exactly {\"changes\": [change id, …]}, the ids list_changes gives");
    if (!changes.isArray() || parameters.size() != 1 || changes.toArray().isEmpty() || changes.toArray().size() > 1000)
        return Result<QList<qint64>>::failure(form);
    QList<qint64> ids;
    for (const QJsonValue &id : changes.toArray()) {
        const double value = id.toDouble(-1);
        if (!id.isDouble() || value < 1 || value != std::floor(value) || value > 9e15)
            return Result<QList<qint64>>::failure(form);
        ids.append(qint64(value));
    }
    return ids;
}

int movedBasisPoints(const Rollout &before, const Rollout &after)
{
    int moved = 0;
    for (const VariationShare &share : after.shares())
        moved += std::max(0, share.basisPoints - before.basisPointsOf(share.variationId));
    return moved;
}

namespace {

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QJsonObject proposalToJson(const Proposal &proposal)
{
    QJsonArray decisions;
    for (const ProposalDecision &decision : proposal.decisions) {
        decisions.append(QJsonObject{{QStringLiteral("reviewer"), decision.reviewer},
                                     {QStringLiteral("time"), isoTime(decision.timeMs)},
                                     {QStringLiteral("verdict"), verdictName(decision.verdict)},
                                     {QStringLiteral("comment"), decision.comment},
                                     {QStringLiteral("flag_revision"), decision.flagRevision}});
    }
    return QJsonObject{
        {QStringLiteral("id"), proposal.id},
        {QStringLiteral("created"), isoTime(proposal.createdMs)},
        {QStringLiteral("proposer"), QJsonObject{{QStringLiteral("agent"), proposal.proposer.agent},
                                                 {QStringLiteral("client"), proposal.proposer.clientName},
                                                 {QStringLiteral("client_version"), proposal.proposer.clientVersion},
                                                 {QStringLiteral("model"), proposal.proposer.model},
                                                 {QStringLiteral("role"), proposal.proposerRole}}},
        {QStringLiteral("server"), proposal.target.connectionId},
        {QStringLiteral("environment"), proposal.target.environment},
        {QStringLiteral("flag"), proposal.target.key},
        {QStringLiteral("action"), flagActionName(proposal.action)},
        {QStringLiteral("parameters"), proposal.parameters},
        {QStringLiteral("flag_revision"), proposal.flagRevision},
        {QStringLiteral("reason"), proposal.reason},
        {QStringLiteral("evidence"), proposal.evidence},
        {QStringLiteral("risk"), riskName(proposal.risk)},
        {QStringLiteral("expires"), isoTime(proposal.expiresMs)},
        {QStringLiteral("status"), proposalStatusName(proposal.status)},
        {QStringLiteral("outcome"), proposal.outcome},
        {QStringLiteral("updated"), isoTime(proposal.updatedMs)},
        {QStringLiteral("decisions"), decisions},
    };
}
