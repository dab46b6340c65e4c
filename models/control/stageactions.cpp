#include "stageactions.h"

#include "../connectors/flagserver.h"
#include "../metrics/guardrailmonitor.h"
#include "../core/auditchange.h"
#include "../core/durationtext.h"
#include "../core/flagjson.h"
#include "../store/auditwriter.h"
#include "../store/contractlibrary.h"
#include "evalwatcher.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

namespace {

QJsonObject rolloutState(const Rollout &rollout, const QString &stage)
{
    return QJsonObject{{QStringLiteral("rollout"), rolloutToJson(rollout)}, {QStringLiteral("stage"), stage}};
}

} // namespace

StageActions::StageActions(FlagStore *flags, ContractLibrary *contracts, AuditWriter *audit,
                           ConfirmedChanges::ServerLookup servers, SandboxTest isSandbox, QObject *parent)
    : QObject(parent)
    , m_flags(flags)
    , m_contracts(contracts)
    , m_audit(audit)
    , m_servers(servers)
    , m_isSandbox(std::move(isSandbox))
    , m_changes(flags, audit, servers)
{
    connect(&m_changes, &ConfirmedChanges::confirmed, this, [this](const FlagRef &ref, FlagAction action, const Flag &) {
        refreshStages({ref});
        Q_EMIT confirmed(ref, action);
    });
    connect(&m_changes, &ConfirmedChanges::failed, this, [this](const FlagRef &ref, FlagAction action, const QString &reason) {
        Q_EMIT failed(ref, action, reason);
    });
}

StageActions::~StageActions() = default;

void StageActions::setAuditPath(const QString &path)
{
    m_lookupOpen = m_lookup.open(path).ok();
}

void StageActions::setActor(const QString &actor)
{
    m_actor = actor;
    m_changes.setActor(actor);
}

QString StageActions::approvalsTitle()
{
    return tr("Approvals");
}

const Contract *StageActions::contractFor(const FlagRef &ref) const
{
    return m_contracts->find(ref.key, ref.environment, m_isSandbox(ref.connectionId));
}

int StageActions::contractApprovals(const FlagRef &ref, FlagAction action, Contract::Risk risk) const
{
    const Contract *contract = contractFor(ref);
    return contract ? contract->approvals.value(flagActionName(action)).value(risk, 0) : 0;
}

QList<EvalCheck> StageActions::evalsOf(const Contract &contract, const StagePlan &plan) const
{
    return m_evals ? m_evals->checks(contract, plan.nextStage()) : QList<EvalCheck>();
}

QList<EvalCheck> StageActions::nextStageEvals(const FlagRef &ref) const
{
    const FlagStore::Entry *row = m_flags->find(ref);
    const Contract *contract = contractFor(ref);
    if (!row || !contract)
        return {};
    return evalsOf(*contract, StagePlan(*contract, row->flag));
}

StageSnapshot StageActions::snapshot(const FlagRef &ref) const
{
    StageSnapshot snapshot;
    snapshot.ref = ref;
    const FlagStore::Entry *row = m_flags->find(ref);
    const Contract *contract = contractFor(ref);
    if (const UnreadableContract *unreadable = m_contracts->unreadable(ref.key, ref.environment))
        snapshot.contractError = unreadable->error;
    if (!row || !contract)
        return snapshot;
    snapshot.flag = row->flag;
    snapshot.plan.emplace(*contract, row->flag);
    snapshot.changePending = row->operation == FlagStore::Operation::ChangePending;
    snapshot.offline = row->staleSinceMs > 0;
    FlagServer *server = m_servers(ref.connectionId);
    ReadinessFacts facts;
    facts.killAvailable = server && server->capabilities().testFlag(FlagServer::Capability::Kill);
    facts.today = QDate::currentDate();
    if (m_lookupOpen) {
        facts.auditTrailPresent = m_lookup.hasHistory(ref);
        snapshot.inStageSinceMs = m_lookup.rolloutSince(ref, row->flag.rollout);
        snapshot.hold = m_lookup.stageHold(ref);
    }
    const int nextIndex = snapshot.plan->nextStage();
    snapshot.evals = evalsOf(*contract, *snapshot.plan);
    facts.nextStage = nextIndex >= 0 ? contract->stages.at(nextIndex).name : QString();
    facts.nextStageEvals = snapshot.evals;
    facts.evalsRead = m_evals != nullptr;
    snapshot.readiness = checkReadiness(*contract, row->flag, facts);

    // The gate for the next stage: time here, guardrails, approvals.
    const StagePlan &plan = *snapshot.plan;
    if (plan.position() == StagePlan::Position::AtStage) {
        const qint64 minimum = contract->stages.at(plan.currentStage()).minimumMs;
        if (snapshot.inStageSinceMs > 0) {
            const qint64 spent = QDateTime::currentMSecsSinceEpoch() - snapshot.inStageSinceMs;
            snapshot.gate.append({tr("Minimum time in stage"),
                                  spent >= minimum ? ReadinessItem::Status::Passed : ReadinessItem::Status::Failed,
                                  tr("%1 of %2").arg(durationText(spent), durationText(minimum))});
        } else {
            snapshot.gate.append({tr("Minimum time in stage"), ReadinessItem::Status::NotCheckable,
                                  tr("the history does not say when this stage began (minimum %1)").arg(durationText(minimum))});
        }
    }
    snapshot.gate.append(snapshot.offline
                             ? ReadinessItem{tr("Guardrails green"), ReadinessItem::Status::NotCheckable,
                                             tr("not known offline: guardrail metrics are read live")}
                             : guardrailGate(ref));
    // A missing, stale or failing report closes the gate, as does one not fetched yet.
    for (const EvalCheck &check : std::as_const(snapshot.evals))
        snapshot.gate.append({tr("Evals"), check.passes() ? ReadinessItem::Status::Passed : ReadinessItem::Status::Failed,
                              check.summary});
    if (!m_evals && nextIndex >= 0 && !contract->stages.at(nextIndex).evals.isEmpty())
        snapshot.gate.append({tr("Evals"), ReadinessItem::Status::NotCheckable, tr("eval reports are not read here")});
    const Result<Rollout> next = plan.advanceTarget();
    if (next) {
        const QString defaultId = StagePlan::resolveVariation(row->flag, contract->defaultVariation);
        const Contract::Risk risk = riskOfExposure(Rollout::TotalBasisPoints - next->basisPointsOf(defaultId));
        const int approvals = contractApprovals(ref, FlagAction::AdvanceStage, risk);
        const std::optional<Proposal> queued =
            approvals > 0 && m_queue ? m_queue(ref, FlagAction::AdvanceStage) : std::nullopt;
        if (approvals == 0) {
            snapshot.gate.append({approvalsTitle(), ReadinessItem::Status::Passed,
                                  tr("none required at %1 risk").arg(riskDisplayName(risk))});
        } else if (!queued) {
            snapshot.gate.append({approvalsTitle(), ReadinessItem::Status::Failed,
                                  tr("%n required at %1 risk: Advance asks the approval queue", nullptr, approvals)
                                      .arg(riskDisplayName(risk))});
        } else {
            const bool approved = queued->status != ProposalStatus::Pending;
            snapshot.gate.append(
                {approvalsTitle(), approved ? ReadinessItem::Status::Passed : ReadinessItem::Status::Failed,
                 tr("proposal %1 by %2 (%3): %4 of %5 given")
                     .arg(queued->id.left(8), queued->proposer.agent, proposalStatusName(queued->status))
                     .arg(queued->approvalsAt(row->flag.revision))
                     .arg(approvals)});
        }
    }
    if (snapshot.hold)
        snapshot.gate.append({tr("Not paused"), ReadinessItem::Status::Failed,
                              tr("paused by %1: %2").arg(snapshot.hold->actor, snapshot.hold->comment)});
    return snapshot;
}

ReadinessItem StageActions::guardrailGate(const FlagRef &ref) const
{
    const QString title = tr("Guardrails green");
    if (!m_monitor || !m_monitor->isWatched(ref))
        return {title, ReadinessItem::Status::NotCheckable, tr("no guardrail data is watched for this flag")};
    const FlagHealth health = m_monitor->health(ref);
    switch (health.results.isEmpty() ? GuardrailVerdict::NoData : health.verdict) {
    case GuardrailVerdict::Healthy:
        return {title, ReadinessItem::Status::Passed, health.summary};
    case GuardrailVerdict::NoData:
        return {title, ReadinessItem::Status::NotCheckable, health.summary};
    case GuardrailVerdict::NotEnoughData:
        return {title, ReadinessItem::Status::Failed, tr("not enough data yet: %1").arg(health.summary)};
    case GuardrailVerdict::NotEnoughEvidence:
        return {title, ReadinessItem::Status::Failed, tr("not enough evidence yet: %1").arg(health.summary)};
    case GuardrailVerdict::Watching:
    case GuardrailVerdict::Regressed:
        break;
    }
    return {title, ReadinessItem::Status::Failed, health.summary};
}

Result<StagePreview> StageActions::preview(const FlagRef &ref, FlagAction action) const
{
    const StageSnapshot current = snapshot(ref);
    if (!current.plan)
        return Result<StagePreview>::failure(tr("%1 has no contract in %2").arg(ref.key, ref.environment));
    if (current.changePending)
        return Result<StagePreview>::failure(tr("a change of %1 is still waiting for the server").arg(ref.key));
    if (current.offline)
        return Result<StagePreview>::failure(tr("offline: nothing can be sent to the server"));
    if (const QString why = m_changes.unavailable(ref, action); !why.isEmpty())
        return Result<StagePreview>::failure(why);
    const StagePlan &plan = *current.plan;
    Result<Rollout> target = Result<Rollout>::failure(tr("not a stage action"));
    switch (action) {
    case FlagAction::AdvanceStage:
        if (current.hold)
            return Result<StagePreview>::failure(
                tr("paused by %1 (%2): resume it first").arg(current.hold->actor, current.hold->comment));
        target = plan.advanceTarget();
        break;
    case FlagAction::RollbackStage:
        target = plan.rollbackTarget();
        break;
    case FlagAction::ServeFallback:
        target = plan.fallbackTarget();
        break;
    default:
        break;
    }
    if (!target)
        return Result<StagePreview>::failure(target.error());
    StagePreview preview;
    preview.ref = ref;
    preview.action = action;
    preview.target = target.value();
    const int stage = plan.stageOf(preview.target);
    preview.targetStage = stage >= 0 ? plan.contract().stages.at(stage).name
                        : action == FlagAction::ServeFallback ? tr("fallback")
                                                              : tr("not started");
    Flag after = current.flag;
    after.rollout = preview.target;
    preview.changes = describeAuditChange(flagToJson(current.flag), flagToJson(after));
    preview.expectedRevision = current.flag.revision;
    const QString defaultId = StagePlan::resolveVariation(current.flag, plan.contract().defaultVariation);
    preview.risk = action == FlagAction::AdvanceStage
        ? riskOfExposure(Rollout::TotalBasisPoints - preview.target.basisPointsOf(defaultId))
        : riskOfExposure(movedBasisPoints(current.flag.rollout, preview.target));
    preview.approvalsRequired = contractApprovals(ref, action, preview.risk);
    // Approvals are the queue's to give: the advance goes there when the contract requires them.
    preview.gateOpen = action != FlagAction::AdvanceStage
        || std::none_of(current.gate.cbegin(), current.gate.cend(), [](const ReadinessItem &item) {
               return item.status == ReadinessItem::Status::Failed && item.title != approvalsTitle();
           });
    return preview;
}

bool StageActions::apply(const StagePreview &preview, const QString &comment, const ConfirmedChanges::Completion &done)
{
    const FlagStore::Entry *row = m_flags->find(preview.ref);
    const Contract *contract = contractFor(preview.ref);
    // The flag, or its contract (a file edited meanwhile), may be gone since the preview. A plain
    // rollout change needs no contract.
    if (!row || row->staleSinceMs > 0 || (!contract && preview.action != FlagAction::SetRollout))
        return false;
    if (!m_changes.unavailable(preview.ref, preview.action).isEmpty())
        return false;
    const FlagRef ref = preview.ref;
    const Rollout target = preview.target;
    ConfirmedChanges::Change change;
    change.action = preview.action;
    change.before = rolloutState(row->flag.rollout, contract ? StagePlan(*contract, row->flag).positionText() : QString());
    change.after = rolloutState(target, preview.targetStage);
    change.send = [ref, target, revision = preview.expectedRevision, comment](FlagServer *server) {
        return server->setRollout(ref.environment, ref.key, target, revision, comment);
    };
    change.reached = [target](const Flag &flag) { return StagePlan::sameShares(flag.rollout, target); };
    change.notReachedReason = tr("the server answered but serves a different rollout");
    change.pendingOperation = FlagStore::Operation::ChangePending;
    change.failedOperation = FlagStore::Operation::ChangeFailed;
    return m_changes.start(ref, change, comment, done);
}

QString StageActions::archiveProblem(const FlagRef &ref) const
{
    const FlagStore::Entry *row = m_flags->find(ref);
    if (!row)
        return tr("%1 is no longer shown by this console").arg(ref.key);
    if (row->staleSinceMs > 0)
        return tr("offline: nothing can be sent to the server");
    // A change waiting in another environment the archive reaches would be lost with the flag.
    for (const FlagRef &reached : archiveReach(ref)) {
        const FlagStore::Entry *other = m_flags->find(reached);
        if ((other && other->hasPendingChange()) || m_changes.isPending(reached)) {
            return reached == ref ? tr("a change of %1 is still waiting for the server").arg(ref.key)
                                  : tr("a change of %1 in %2 is still waiting for the server").arg(ref.key, reached.environment);
        }
    }
    return m_changes.unavailable(ref, FlagAction::Archive);
}

bool StageActions::archive(const FlagRef &ref, const QString &comment, const ConfirmedChanges::Completion &done)
{
    if (!archiveProblem(ref).isEmpty())
        return false;
    ConfirmedChanges::Change change;
    change.action = FlagAction::Archive;
    change.before = QJsonObject{{QStringLiteral("archived"), false}};
    change.after = QJsonObject{{QStringLiteral("archived"), true}};
    change.send = [ref, comment](FlagServer *server) { return server->archiveFlag(ref.environment, ref.key, comment); };
    change.reached = [](const Flag &) { return true; };
    change.confirmedByReply = true;
    change.pendingOperation = FlagStore::Operation::ChangePending;
    change.failedOperation = FlagStore::Operation::ChangeFailed;
    return m_changes.start(ref, change, comment, done);
}

void StageActions::pause(const FlagRef &ref, const QString &comment)
{
    recordHold(ref, AuditLookup::pauseAction(), comment);
}

void StageActions::resume(const FlagRef &ref, const QString &comment)
{
    recordHold(ref, AuditLookup::resumeAction(), comment);
}

void StageActions::recordHold(const FlagRef &ref, const QString &action, const QString &comment)
{
    const FlagStore::Entry *row = m_flags->find(ref);
    if (!row)
        return;
    AuditEntry entry;
    entry.server = ref.connectionId;
    entry.environment = ref.environment;
    entry.flagKey = ref.key;
    entry.action = action;
    entry.outcome = QStringLiteral("applied");
    entry.actor = m_actor;
    entry.actorKind = ActorKind::Human;
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    entry.sourceId = QStringLiteral("console:%1:applied").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    entry.comment = comment;
    m_audit->append(entry);
    // The stage view reads holds from the cache: make sure this one is there first.
    m_audit->flush();
    refreshStages({ref});
    Q_EMIT holdChanged(ref);
}

std::optional<CleanupDue> StageActions::cleanupDue(const Flag &flag, const Contract *contract, const FlagRef &ref) const
{
    CleanupFacts facts;
    facts.nowMs = QDateTime::currentMSecsSinceEpoch();
    facts.today = QDate::currentDate();
    // An off flag serves its off variation since it was turned off: its last change.
    if (!flag.enabled)
        facts.servedSinceMs = flag.updatedAtMs;
    else if (m_lookupOpen)
        facts.servedSinceMs = m_lookup.rolloutSince(ref, flag.rollout);
    if (const FlagServer *server = m_servers(ref.connectionId))
        facts.usage = server->usage(ref.environment, ref.key);
    return checkCleanup(flag, contract, facts);
}

void StageActions::refreshStages(const QList<FlagRef> &refs)
{
    const QList<FlagRef> rows = refs.isEmpty() ? m_flags->refs() : refs;
    for (const FlagRef &ref : std::as_const(rows)) {
        const FlagStore::Entry *row = m_flags->find(ref);
        if (!row)
            continue;
        const Contract *contract = contractFor(ref);
        m_flags->setCleanup(ref, cleanupDue(row->flag, contract, ref));
        if (!contract) {
            m_flags->setStage(ref, m_contracts->unreadable(ref.key, ref.environment) ? tr("contract unreadable")
                                                                                     : tr("unowned control"),
                              -1);
            continue;
        }
        const StagePlan plan(*contract, row->flag);
        ReadinessFacts facts;
        FlagServer *server = m_servers(ref.connectionId);
        facts.killAvailable = server ? server->capabilities().testFlag(FlagServer::Capability::Kill) : true;
        facts.today = QDate::currentDate();
        if (m_lookupOpen)
            facts.auditTrailPresent = m_lookup.hasHistory(ref);
        facts.evalsRead = m_evals != nullptr;
        if (const int next = plan.nextStage(); next >= 0) {
            facts.nextStage = contract->stages.at(next).name;
            facts.nextStageEvals = evalsOf(*contract, plan);
        }
        const bool paused = m_lookupOpen && m_lookup.stageHold(ref).has_value();
        QString stage = paused ? tr("%1 · paused").arg(plan.positionText()) : plan.positionText();
        if (contract->reviewDate.isValid() && contract->reviewDate < facts.today)
            stage = tr("%1 · review due").arg(stage);
        m_flags->setStage(ref, stage, failedCount(checkReadiness(*contract, row->flag, facts)));
    }
    if (refs.isEmpty())
        Q_EMIT stagesRefreshed();
}
