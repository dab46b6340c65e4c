#include "proposalreview.h"

#include "../core/auditchange.h"
#include "../core/flagjson.h"
#include "../core/localaccount.h"
#include "../core/proposalevidence.h"
#include "../core/stageplan.h"
#include "../store/auditwriter.h"
#include "../store/contractlibrary.h"
#include "../store/proposalinbox.h"
#include "flagstore.h"
#include "killswitch.h"
#include "revertdesk.h"
#include "stageactions.h"

#include <QJsonArray>

#include <QDateTime>

ProposalReview::ProposalReview(ProposalInbox *inbox, FlagStore *flags, KillSwitch *killSwitch, StageActions *stages,
                               RevertDesk *reverts, ContractLibrary *contracts, AuditWriter *audit, ApprovalSettings policy,
                               SandboxTest isSandbox, QObject *parent)
    : QObject(parent)
    , m_inbox(inbox)
    , m_flags(flags)
    , m_killSwitch(killSwitch)
    , m_stages(stages)
    , m_reverts(reverts)
    , m_contracts(contracts)
    , m_audit(audit)
    , m_policy(policy)
    , m_isSandbox(std::move(isSandbox))
{
    m_expirySweep.setInterval(ExpirySweepMs);
    connect(&m_expirySweep, &QTimer::timeout, this, [this] {
        const Result<int> expired = m_inbox->expireDue(QDateTime::currentMSecsSinceEpoch());
        if (!expired)
            Q_EMIT problem(expired.error());
        reconcileInterrupted();
    });
}

ProposalReview::~ProposalReview() = default;

void ProposalReview::start()
{
    connect(m_inbox, &ProposalInbox::changed, this, &ProposalReview::refresh);
    connect(m_inbox, &ProposalInbox::reachableChanged, this, &ProposalReview::noteReachability);
    m_inbox->watch();
    m_expirySweep.start();
    refresh();
    // What a console that stopped mid-execution left: read against the servers once they report.
    connect(m_flags, &FlagStore::environmentReported, this, [this] { reconcileInterrupted(); });
    reconcileInterrupted();
}

int ProposalReview::reconcileInterrupted()
{
    if (!m_inbox->isOpen())
        return 0;
    const Result<QList<ProposalInbox::InterruptedExecution>> found =
        m_inbox->interruptedExecutions(QDateTime::currentMSecsSinceEpoch());
    if (!found) {
        Q_EMIT problem(found.error());
        return 0;
    }
    int reconciled = 0;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const ProposalInbox::InterruptedExecution &execution : found.value()) {
        const Proposal &proposal = execution.proposal;
        const auto seen = m_interruptedSeenMs.constFind(proposal.id);
        if (seen == m_interruptedSeenMs.constEnd()) {
            m_interruptedSeenMs.insert(proposal.id, nowMs);
            QTimer::singleShot(ReconcileSettleMs, this, [this] { reconcileInterrupted(); });
            continue;
        }
        if (nowMs - seen.value() < ReconcileSettleMs)
            continue;
        const FlagStore::Entry *row = m_flags->find(proposal.target);
        // Only the server's word, as it is now: a flag this console does not show connected waits.
        if (!row || row->staleSinceMs > 0 || row->hasPendingChange())
            continue;
        const Flag &now = row->flag;
        bool applied = false;
        QString outcome;
        const QString who = execution.executor.isEmpty() ? tr("a console") : execution.executor;
        if (!execution.flagRevision.isEmpty() && now.revision == execution.flagRevision) {
            outcome = tr("interrupted: the console of %1 stopped before the server applied the change; %2 is still "
                         "at revision %3, nothing was changed (propose it again if it is still wanted)")
                          .arg(who, proposal.target.key, now.revision);
        } else {
            // The flag moved since the claim: it shows this change, or something else happened to it.
            bool shows = false;
            if (proposal.action == FlagAction::Kill || proposal.action == FlagAction::Restore) {
                shows = now.enabled == (proposal.action == FlagAction::Restore);
            } else if (proposal.action == FlagAction::SetRollout) {
                const Result<Flag> after = flagAfterAction(now, proposal.action, proposal.parameters);
                shows = after && after->rollout == now.rollout;
            }
            if (shows && !execution.flagRevision.isEmpty()) {
                applied = true;
                outcome = tr("interrupted, then reconciled: the console of %1 stopped before it recorded the outcome; "
                             "the server shows the change (revision %2)")
                              .arg(who, now.revision);
            } else {
                outcome = tr("interrupted: the console of %1 stopped before it recorded the outcome, and the server's "
                             "flag cannot tell whether the change was applied (revision %2): check its history")
                              .arg(who, now.revision);
            }
        }
        const Result<Proposal> finished = m_inbox->finish(proposal.id, applied, outcome, nowMs);
        m_interruptedSeenMs.remove(proposal.id);
        if (!finished)
            continue; // another console reconciled it first
        store({finished.value()});
        recordLifecycle(finished.value(), QStringLiteral("reconciled"), reviewer(), ActorKind::Human,
                        QStringLiteral("reconciled"), outcome);
        ++reconciled;
        Q_EMIT executionReconciled(finished.value(), applied);
        Q_EMIT proposalFinished(finished.value());
    }
    // Those no longer interrupted (another console finished them) are forgotten.
    QSet<QString> still;
    for (const ProposalInbox::InterruptedExecution &execution : found.value())
        still.insert(execution.proposal.id);
    m_interruptedSeenMs.removeIf([&](const auto &entry) { return !still.contains(entry.key()); });
    return reconciled;
}

QString ProposalReview::reviewer() const
{
    if (m_inbox->identityIsVouched())
        return m_inbox->identity();
    return m_killSwitch->actor();
}

QString ProposalReview::reviewerText() const
{
    const LocalAccount account = LocalAccount::current();
    if (m_inbox->identityIsVouched()) {
        // The computer's account beside the role, never instead of it.
        return reviewer() == account.name ? tr("%1 (inbox role)").arg(account.text())
                                          : tr("%1 (inbox role; on this computer %2)").arg(reviewer(), account.text());
    }
    // The person's own name only beside the account it belongs to.
    const QString who = reviewer() == account.name ? account.text() : reviewer();
    return tr("%1 (this computer's account)").arg(who);
}

TokenIdentity ProposalReview::tokenOf(const QString &connectionId) const
{
    if (m_tokens)
        return m_tokens(connectionId);
    TokenIdentity unknown;
    unknown.note = tr("this console does not know whose token the server connection uses");
    return unknown;
}

void ProposalReview::refresh(const QStringList &ids)
{
    const Result<QList<Proposal>> changed = m_inbox->changedSince(m_lastSeq, ids);
    if (!changed) {
        Q_EMIT problem(changed.error());
        return;
    }
    // Even when the inbox was empty at the start: its first proposal then is news.
    const bool firstRead = !m_readOnce;
    m_readOnce = true;
    QList<Proposal> arrived;
    for (const Proposal &proposal : changed.value()) {
        m_lastSeq = std::max(m_lastSeq, proposal.seq);
        if (m_proposals.contains(proposal.id))
            continue;
        recordLifecycle(proposal, QStringLiteral("proposed"), proposal.proposer.agent,
                        isPersonProposal(proposal) ? ActorKind::Human : ActorKind::Agent,
                        QStringLiteral("proposed"), proposal.reason);
        if (proposal.status == ProposalStatus::Pending)
            arrived.append(proposal);
    }
    store(changed.value());
    if (!m_unrecorded.isEmpty())
        recordUnrecorded();
    for (const Proposal &proposal : std::as_const(arrived)) {
        // A newer proposal from the same agent for the same flag replaces what it asked before.
        const Result<int> superseded = m_inbox->supersedeOlder(proposal);
        if (!superseded)
            Q_EMIT problem(superseded.error());
        if (!firstRead)
            Q_EMIT proposalArrived(proposal);
    }
}

std::optional<Proposal> ProposalReview::openProposal(const FlagRef &ref, FlagAction action) const
{
    std::optional<Proposal> newest;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Proposal &proposal : m_proposals) {
        if (proposal.target != ref || proposal.action != action || isFinalStatus(proposal.status)
            || (proposal.status == ProposalStatus::Pending && proposal.isExpired(now)))
            continue;
        if (!newest || proposal.createdMs > newest->createdMs)
            newest = proposal;
    }
    return newest;
}

Result<Proposal> ProposalReview::proposeForPerson(const FlagRef &ref, FlagAction action, const QJsonObject &parameters,
                                                  Contract::Risk risk, const QString &reason)
{
    const FlagStore::Entry *row = m_flags->find(ref);
    if (!row)
        return Result<Proposal>::failure(tr("%1 is not among the flags this console shows").arg(ref.key));
    if (!m_inbox->isOpen())
        return Result<Proposal>::failure(tr("the approval queue is not open, and this change needs its approvals"));
    Proposal proposal;
    proposal.proposer = {reviewer(), personProposalClient(), QString(), QString()};
    proposal.target = ref;
    proposal.action = action;
    proposal.parameters = parameters;
    proposal.flagRevision = row->flag.revision;
    proposal.flagBefore = flagToJson(row->flag);
    proposal.reason = reason.isEmpty() ? tr("%1 asks for %2 on %3").arg(reviewer(), flagActionName(action), ref.key) : reason;
    proposal.risk = risk;
    const Result<Proposal> stored = m_inbox->propose(proposal);
    if (stored)
        refresh({stored->id});
    return stored;
}

int ProposalReview::approvalsRequired(const Proposal &proposal) const
{
    // The queue's policy is for agents; a person's own change needs what their flag's contract says.
    int required = isPersonProposal(proposal) ? 1 : m_policy.approvalsRequired(proposal.risk);
    const Contract *contract = m_contracts->find(proposal.target.key, proposal.target.environment,
                                                 m_isSandbox(proposal.target.connectionId));
    if (contract)
        required = std::max(required, contract->approvals.value(flagActionName(proposal.action)).value(proposal.risk, 0));
    // A team inbox may ask for more than this console's settings; never fewer.
    return std::max(required, m_inbox->inboxApprovals(proposal.risk));
}

Result<RevertPreview> ProposalReview::revertPreview(const Proposal &proposal) const
{
    const Result<QList<qint64>> ids = revertedChangeIds(proposal.parameters);
    if (!ids)
        return Result<RevertPreview>::failure(ids.error());
    const Result<QList<RevertPreview>> previews = m_reverts->previewChanges(ids.value());
    if (!previews)
        return Result<RevertPreview>::failure(previews.error());
    if (previews->size() != 1 || previews->constFirst().ref != proposal.target)
        return Result<RevertPreview>::failure(tr("the changes named are not all changes of %1").arg(proposal.target.key));
    const RevertPreview &preview = previews->constFirst();
    if (preview.changesNothing())
        return Result<RevertPreview>::failure(tr("%1 already is as it was before those changes").arg(proposal.target.key));
    if (!preview.exact)
        return Result<RevertPreview>::failure(preview.problems.join(QStringLiteral("; ")));
    return preview;
}

ProposalReviewSheet ProposalReview::sheet(const QString &id) const
{
    ProposalReviewSheet sheet;
    const Proposal *proposal = this->proposal(id);
    if (!proposal) {
        sheet.blocker = tr("there is no proposal %1").arg(id);
        return sheet;
    }
    sheet.proposal = *proposal;
    sheet.approvalsRequired = approvalsRequired(*proposal);
    const FlagStore::Entry *row = m_flags->find(proposal->target);
    const Result<Flag> seen = flagFromJson(proposal->flagBefore, QStringLiteral("flag_before"));
    sheet.evidence = evidenceSentences(proposal->evidence, row ? row->flag.variations
                                                           : seen ? seen->variations
                                                                  : QList<Variation>());
    if (row) {
        sheet.flagPresent = true;
        sheet.current = flagToJson(row->flag);
        sheet.currentRevision = row->flag.revision;
        sheet.stale = row->flag.revision != proposal->flagRevision;
        if (sheet.stale)
            sheet.changedSince = describeAuditChange(proposal->flagBefore, sheet.current);
        sheet.approvalsGiven = proposal->approvalsAt(row->flag.revision);

        Result<Flag> after = Result<Flag>::failure(QString());
        if (proposal->action == FlagAction::Kill || proposal->action == FlagAction::Restore
            || proposal->action == FlagAction::SetRollout) {
            after = flagAfterAction(row->flag, proposal->action, proposal->parameters);
        } else if (proposal->action == FlagAction::Revert) {
            const Result<RevertPreview> preview = revertPreview(*proposal);
            after = preview ? Result<Flag>(preview->target) : Result<Flag>::failure(preview.error());
        } else if (proposal->action == FlagAction::Archive) {
            const QString problem = m_stages->archiveProblem(proposal->target);
            after = problem.isEmpty() ? Result<Flag>(row->flag) : Result<Flag>::failure(problem);
        } else {
            const Result<StagePreview> preview = m_stages->preview(proposal->target, proposal->action);
            if (preview) {
                Flag changed = row->flag;
                changed.rollout = preview->target;
                after = changed;
            } else {
                after = Result<Flag>::failure(preview.error());
            }
        }
        if (after) {
            sheet.after = flagToJson(after.value());
            sheet.changes = describeAuditChange(sheet.current, sheet.after);
            sheet.changeRows = flagChangeRows(row->flag, after.value());
            // Its state stays as it is; the flag itself leaves the server, in every environment
            // the server archives it in at once (all of an Unleash project's).
            if (proposal->action == FlagAction::Archive) {
                QStringList environments;
                for (const FlagRef &reached : m_stages->archiveReach(proposal->target))
                    environments.append(reached.environment);
                const QString text = environments.size() > 1
                    ? tr("%1 is archived on %2, which archives a flag in several environments at once: "
                         "applications stop getting it in %3")
                    : tr("%1 is archived on %2: applications stop getting it in %3");
                sheet.changes = {text.arg(proposal->target.key, row->serverName, environments.join(QStringLiteral(", ")))};
            }
        } else {
            sheet.blocker = after.error();
        }
    }

    sheet.reviewer = reviewer();
    sheet.reviewerVouched = m_inbox->identityIsVouched();
    sheet.reviewerAccount = LocalAccount::current().text();
    sheet.token = tokenOf(proposal->target.connectionId);
    sheet.identityLine = tr("You decide as %1; the change is sent with %2.").arg(reviewerText(), sheet.token.text());
    const LocalAccount account = LocalAccount::current();
    sheet.tokenWarning = sheet.token.warning(reviewer(), {account.name, account.displayName});

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    sheet.canReject = proposal->status == ProposalStatus::Pending && !proposal->isExpired(now)
        && !ProposalInbox::isProposer(proposal->proposer, reviewer());
    if (proposal->status != ProposalStatus::Pending)
        sheet.blocker = tr("the proposal is %1").arg(proposalStatusName(proposal->status));
    else if (proposal->isExpired(now))
        sheet.blocker = tr("the proposal expired and can no longer run");
    else if (ProposalInbox::isProposer(proposal->proposer, reviewer()))
        sheet.blocker = tr("%1 made this proposal and cannot decide it").arg(reviewer());
    else if (!row)
        sheet.blocker = tr("%1 is not among the flags this console shows").arg(proposal->target.key);
    else if (row->staleSinceMs > 0)
        sheet.blocker = tr("offline: nothing can be sent to the server");
    else if (proposal->wasDecidedBy(reviewer(), row->flag.revision))
        sheet.blocker = tr("you already decided this proposal");
    return sheet;
}

Result<Proposal> ProposalReview::approve(const QString &id, const QString &comment, bool reReviewed)
{
    const ProposalReviewSheet current = sheet(id);
    if (!current.blocker.isEmpty())
        return Result<Proposal>::failure(current.blocker);
    ProposalInbox::DecisionRequest request;
    request.proposalId = id;
    request.decision.reviewer = reviewer();
    request.decision.verdict = ProposalDecision::Verdict::Approve;
    request.decision.comment = comment;
    // Only a reviewer who saw what changed approves the flag as it is now; otherwise the inbox
    // holds the approval against the revision the proposal was made for, and refuses it.
    request.decision.flagRevision = current.stale && !reReviewed ? current.proposal.flagRevision : current.currentRevision;
    request.currentRevision = current.currentRevision;
    request.approvalsRequired = current.approvalsRequired;
    request.nowMs = QDateTime::currentMSecsSinceEpoch();
    const Result<Proposal> decided = m_inbox->decide(request);
    if (!decided)
        return decided;
    store({decided.value()});
    recordLifecycle(decided.value(), QStringLiteral("approved"), reviewer(), ActorKind::Human,
                    QStringLiteral("approved:%1:%2").arg(reviewer(), current.currentRevision),
                    identityComment(current.token, comment));
    m_reviewerComments.insert(id, comment);
    if (decided->status == ProposalStatus::Approved) {
        const Result<bool> ran = run(id);
        if (!ran)
            return Result<Proposal>::failure(ran.error());
    }
    const Proposal *now = proposal(id);
    return now ? *now : decided.value();
}

Result<Proposal> ProposalReview::reject(const QString &id, const QString &comment)
{
    const Proposal *proposal = this->proposal(id);
    if (!proposal)
        return Result<Proposal>::failure(tr("there is no proposal %1").arg(id));
    const FlagStore::Entry *row = m_flags->find(proposal->target);
    ProposalInbox::DecisionRequest request;
    request.proposalId = id;
    request.decision.reviewer = reviewer();
    request.decision.verdict = ProposalDecision::Verdict::Reject;
    request.decision.comment = comment;
    // Saying no needs no re-review: it is recorded against whatever the flag is now.
    request.currentRevision = row ? row->flag.revision : proposal->flagRevision;
    request.decision.flagRevision = request.currentRevision;
    request.nowMs = QDateTime::currentMSecsSinceEpoch();
    const Result<Proposal> decided = m_inbox->decide(request);
    if (!decided)
        return decided;
    store({decided.value()});
    recordLifecycle(decided.value(), QStringLiteral("rejected"), reviewer(), ActorKind::Human,
                    QStringLiteral("rejected:%1:%2").arg(reviewer(), request.currentRevision), comment);
    return decided;
}

Result<bool> ProposalReview::run(const QString &id)
{
    // The claim records the flag's revision the change goes out from: what an interruption is
    // reconciled against.
    QString revision;
    if (const Proposal *known = proposal(id)) {
        if (const FlagStore::Entry *row = m_flags->find(known->target))
            revision = row->flag.revision;
    }
    const Result<bool> claimed = m_inbox->claim(id, reviewer(), QDateTime::currentMSecsSinceEpoch(), revision);
    if (!claimed || !claimed.value())
        return claimed; // false: another console claimed it, or it is not approved
    const Result<Proposal> proposal = m_inbox->find(id);
    if (!proposal)
        return Result<bool>::failure(proposal.error());
    store({proposal.value()});
    execute(proposal.value());
    return true;
}

QString ProposalReview::commentFor(const Proposal &proposal, const QString &reviewerComment) const
{
    QString comment = tr("Proposal %1 by %2: %3").arg(proposal.id.left(8), proposal.proposer.agent, proposal.reason);
    if (!reviewerComment.isEmpty())
        comment += QLatin1Char('\n') + tr("Approved by %1: %2").arg(reviewer(), reviewerComment);
    // Whoever runs it (the last approver, or someone's Run now) sends it with their own token.
    comment += QLatin1Char('\n') + identityComment(tokenOf(proposal.target.connectionId), QString(), true);
    return comment;
}

QString ProposalReview::identityComment(const TokenIdentity &token, const QString &comment, bool running) const
{
    // "approved by alice (inbox role), sent with alice's FeatBit token", and a warning when the
    // server will record someone else.
    QString said = running ? tr("run by %1, sent with %2").arg(reviewerText(), token.text())
                           : tr("approved by %1, sent with %2").arg(reviewerText(), token.text());
    const LocalAccount account = LocalAccount::current();
    const QString warning = token.warning(reviewer(), {account.name, account.displayName});
    if (!warning.isEmpty())
        said += QStringLiteral(" (") + tr("warning: %1").arg(warning) + QLatin1Char(')');
    return comment.isEmpty() ? said : comment + QLatin1Char('\n') + said;
}

void ProposalReview::execute(const Proposal &proposal)
{
    const FlagRef ref = proposal.target;
    const QString id = proposal.id;
    const QString comment = commentFor(proposal, m_reviewerComments.take(id));
    const FlagStore::Entry *row = m_flags->find(ref);
    if (!row)
        return finish(id, false, tr("%1 is no longer shown by this console").arg(ref.key));
    if (row->hasPendingChange())
        return finish(id, false, tr("another change of %1 was under way").arg(ref.key));
    // Approvals hold for the flag as the reviewers saw it; one that moved since needs a new review.
    if (proposal.approvalsAt(row->flag.revision) < approvalsRequired(proposal))
        return finish(id, false, tr("%1 changed since the proposal was approved: nothing sent; it needs a new review")
                                     .arg(ref.key));

    // Each change tells this proposal, and only it, how it ended.
    const auto done = [this, id](const ConfirmedChanges::Outcome &outcome) {
        QString said = outcome.reason;
        if (outcome.confirmed && outcome.action == FlagAction::Kill)
            said = tr("killed; confirmed by the server");
        else if (outcome.confirmed && outcome.action == FlagAction::Restore)
            said = tr("restored; confirmed by the server");
        else if (outcome.confirmed && outcome.action == FlagAction::Revert)
            said = tr("put back; confirmed by the server");
        else if (outcome.confirmed && outcome.action == FlagAction::Archive)
            said = tr("archived; confirmed by the server");
        else if (outcome.confirmed)
            said = tr("confirmed by the server");
        finish(id, outcome.confirmed, said);
    };
    switch (proposal.action) {
    case FlagAction::Kill:
        return m_killSwitch->kill({ref}, comment, std::nullopt, done);
    case FlagAction::Restore:
        return m_killSwitch->restore({ref}, comment, done);
    case FlagAction::SetRollout: {
        const Result<Flag> after = flagAfterAction(row->flag, proposal.action, proposal.parameters);
        if (!after)
            return finish(id, false, after.error());
        StagePreview preview;
        preview.ref = ref;
        preview.action = FlagAction::SetRollout;
        preview.target = after->rollout;
        preview.expectedRevision = row->flag.revision;
        if (!m_stages->apply(preview, comment, done))
            finish(id, false, tr("the change could not be sent"));
        return;
    }
    case FlagAction::AdvanceStage:
    case FlagAction::RollbackStage:
    case FlagAction::ServeFallback: {
        const Result<StagePreview> preview = m_stages->preview(ref, proposal.action);
        if (!preview)
            return finish(id, false, preview.error());
        if (!m_stages->apply(preview.value(), comment, done))
            finish(id, false, tr("the change could not be sent"));
        return;
    }
    case FlagAction::Archive:
        if (!m_stages->archive(ref, comment, done))
            finish(id, false, m_stages->archiveProblem(ref));
        return;
    case FlagAction::Revert: {
        const Result<RevertPreview> preview = revertPreview(proposal);
        if (!preview)
            return finish(id, false, preview.error());
        if (const std::optional<RevertRefusal> refused = m_reverts->check(preview.value()))
            return finish(id, false, refused->reason);
        if (!m_reverts->apply(preview.value(), comment, done))
            finish(id, false, tr("the change could not be sent"));
        return;
    }
    }
}

void ProposalReview::finish(const QString &id, bool executed, const QString &outcome)
{
    const Result<Proposal> finished = m_inbox->finish(id, executed, outcome, QDateTime::currentMSecsSinceEpoch());
    if (!finished) {
        // It ran (or failed) all the same: the inbox is told once it answers again, and until
        // then the proposal is not left looking as if it were still running.
        m_unrecorded.insert(id, {executed, outcome});
        Q_EMIT problem(tr("proposal %1 %2 (%3), but the inbox could not record it: %4. It is recorded as soon as "
                          "the inbox answers again; it does not run again.")
                           .arg(id.left(8), executed ? tr("ran") : tr("failed"), outcome, finished.error()));
        return;
    }
    recordFinished(finished.value(), executed, outcome);
}

void ProposalReview::recordFinished(const Proposal &finished, bool executed, const QString &outcome)
{
    m_unrecorded.remove(finished.id);
    store({finished});
    recordLifecycle(finished, executed ? QStringLiteral("executed") : QStringLiteral("failed"), reviewer(),
                    ActorKind::Human, executed ? QStringLiteral("executed") : QStringLiteral("failed"), outcome);
    Q_EMIT proposalFinished(finished);
}

void ProposalReview::recordUnrecorded()
{
    const QList<QString> ids = m_unrecorded.keys();
    for (const QString &id : ids) {
        // Taken out first: writing it makes the inbox signal a change, whose refresh comes back here.
        const auto found = m_unrecorded.constFind(id);
        if (found == m_unrecorded.constEnd())
            continue;
        const Unrecorded unrecorded = m_unrecorded.take(id);
        // A finish whose answer was lost may have been committed: the row says so, and it is not
        // written twice.
        const Result<Proposal> current = m_inbox->find(id);
        if (!current) {
            m_unrecorded.insert(id, unrecorded);
            continue;
        }
        if (current->status != ProposalStatus::Executing) {
            recordFinished(current.value(), current->status == ProposalStatus::Executed, current->outcome);
            continue;
        }
        const Result<Proposal> finished =
            m_inbox->finish(id, unrecorded.executed, unrecorded.outcome, QDateTime::currentMSecsSinceEpoch());
        if (finished)
            recordFinished(finished.value(), unrecorded.executed, unrecorded.outcome);
        else
            m_unrecorded.insert(id, unrecorded);
    }
}

void ProposalReview::noteReachability(bool reachable, const QString &reason)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!reachable) {
        if (m_inboxAwaySinceMs == 0)
            m_inboxAwaySinceMs = now;
        m_inboxAwayReason = reason;
        Q_EMIT inboxAway(inboxAwayText());
        return;
    }
    if (m_inboxAwaySinceMs == 0)
        return;
    const qint64 awayMs = now - m_inboxAwaySinceMs;
    m_inboxAwaySinceMs = 0;
    m_inboxAwayReason.clear();
    // What arrived meanwhile is read by the inbox's change signal that follows; outcomes it missed are written now.
    recordUnrecorded();
    Q_EMIT inboxBack(tr("The approval queue's inbox %1 is back after %2 s; proposals made while it was away are read "
                        "now, each once.")
                         .arg(m_inbox->location())
                         .arg(std::max<qint64>(1, (awayMs + 500) / 1000)));
}

QString ProposalReview::inboxAwayText() const
{
    if (m_inboxAwaySinceMs == 0)
        return {};
    return tr("The approval queue's inbox %1 is away since %2 (%3). Reconnecting: proposals made meanwhile appear "
              "when it is back; nothing is decided or run until then.")
        .arg(m_inbox->location(),
             QDateTime::fromMSecsSinceEpoch(m_inboxAwaySinceMs).toString(QStringLiteral("HH:mm:ss")),
             m_inboxAwayReason);
}

const Proposal *ProposalReview::proposal(const QString &id) const
{
    const auto found = m_proposals.constFind(id);
    return found == m_proposals.constEnd() ? nullptr : &found.value();
}

void ProposalReview::store(const QList<Proposal> &proposals)
{
    if (proposals.isEmpty())
        return;
    for (const Proposal &proposal : proposals)
        m_proposals.insert(proposal.id, proposal);
    Q_EMIT proposalsChanged(proposals);
}

void ProposalReview::recordLifecycle(const Proposal &proposal, const QString &outcome, const QString &actor,
                                     ActorKind kind, const QString &sourceKey, const QString &comment)
{
    if (!m_audit)
        return;
    AuditEntry entry;
    entry.server = proposal.target.connectionId;
    entry.environment = proposal.target.environment;
    entry.flagKey = proposal.target.key;
    entry.action = QStringLiteral("proposal:") + flagActionName(proposal.action);
    entry.outcome = outcome;
    entry.actor = actor;
    entry.actorKind = kind;
    entry.timeMs = outcome == QStringLiteral("proposed") ? proposal.createdMs : QDateTime::currentMSecsSinceEpoch();
    // The same step seen by several consoles, or read twice, is one entry.
    entry.sourceId = QStringLiteral("proposal:%1:%2").arg(proposal.id, sourceKey);
    entry.after = QJsonObject{{QStringLiteral("proposal"), proposal.id},
                              {QStringLiteral("parameters"), proposal.parameters},
                              {QStringLiteral("risk"), riskName(proposal.risk)}};
    if (kind == ActorKind::Agent) {
        // Who inserted the proposal, as the inbox saw it, beside the name the agent gave itself.
        if (!proposal.proposerRole.isEmpty())
            entry.after.insert(QStringLiteral("proposer_role"), proposal.proposerRole);
    } else {
        // Who decided, who vouches for that name, and whose token the server saw.
        entry.after.insert(QStringLiteral("identity"),
                           QJsonObject{{QStringLiteral("reviewer"), actor},
                                       {QStringLiteral("vouched_by"), m_inbox->identityIsVouched()
                                                                          ? QStringLiteral("inbox")
                                                                          : QStringLiteral("local-account")},
                                       {QStringLiteral("account"), LocalAccount::current().text()},
                                       {QStringLiteral("token"), tokenOf(proposal.target.connectionId).toJson()}});
    }
    entry.comment = comment;
    m_audit->append(entry);
}
