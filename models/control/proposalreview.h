#pragma once

#include "../core/flagref.h"
#include "../core/auditentry.h"
#include "../core/proposal.h"
#include "../store/approvalsettings.h"
#include "proposaldesk.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

class AuditWriter;
class ContractLibrary;
class FlagStore;
class KillSwitch;
class ProposalInbox;
class RevertDesk;
class StageActions;
struct RevertPreview;

// The console's side of the approval queue: keeps the proposals in step with the inbox, works
// out each proposal's exact diff against the flag's current state, applies the approval policy
// (required reviewers by risk from the settings and the flag's contract; never the proposer;
// re-review after the flag changed; nothing expired), and runs an approved action once, with this
// console's own connection, through the same confirmed-by-the-server path as a person's click.
// Every step is written to the inbox and to the audit cache.
class ProposalReview : public QObject, public ProposalDesk
{
    Q_OBJECT

public:
    using SandboxTest = std::function<bool(const QString &connectionId)>;
    // Whose token a server connection acts with (FlagServer::tokenIdentity()).
    using TokenLookup = std::function<TokenIdentity(const QString &connectionId)>;
    static constexpr int ExpirySweepMs = 15000;
    // An interrupted execution is read against the server this long after this console first found
    // its claimant gone: a change the claimant sent just before it died may still be on its way to
    // the server, and the server's word about it on its way here.
    static constexpr int ReconcileSettleMs = 2000;

    ProposalReview(ProposalInbox *inbox, FlagStore *flags, KillSwitch *killSwitch, StageActions *stages,
                   RevertDesk *reverts, ContractLibrary *contracts, AuditWriter *audit, ApprovalSettings policy, SandboxTest isSandbox,
                   QObject *parent = nullptr);
    ~ProposalReview() override;

    // Every proposal read from the inbox so far, as last read.
    QList<Proposal> proposals() const { return m_proposals.values(); }
    const Proposal *proposal(const QString &id) const;
    ProposalInbox *inbox() const { return m_inbox; }
    // Reads the inbox and follows its changes.
    void start();
    // Reads what changed now (also called on the inbox's signal).
    void refresh(const QStringList &ids = {});

    void setTokenLookup(TokenLookup lookup) { m_tokens = std::move(lookup); }

    // While the team inbox is away: since when, and a sentence that says so; empty when it is there.
    qint64 inboxAwaySinceMs() const { return m_inboxAwaySinceMs; }
    QString inboxAwayText() const;
    // How proposals that ran while the inbox could not be told ended, not yet written to it: each
    // is written once the inbox is back (ids).
    QStringList unrecordedOutcomes() const { return m_unrecorded.keys(); }

    // The reviewer is this console's person. On a PostgreSQL inbox: the role the database signed
    // in, which it writes into every decision whatever a console says; on SQLite the operating
    // system's account of this process (the actor of its kill switch).
    QString reviewer() const;
    // "alice (inbox role)", "alice (Alice Liddell) (this computer's account)".
    QString reviewerText() const;
    TokenIdentity tokenOf(const QString &connectionId) const;
    ProposalReviewSheet sheet(const QString &id) const override;
    // reReviewed: the reviewer has seen what changed since the proposal was made.
    Result<Proposal> approve(const QString &id, const QString &comment, bool reReviewed) override;
    Result<Proposal> reject(const QString &id, const QString &comment) override;
    // Runs an approved proposal that no console has run yet (e.g. its approver's console closed).
    Result<bool> run(const QString &id) override;
    // Executions that a console claimed and did not live to finish (ProposalInbox::
    // interruptedExecutions) are read against the server's state as this console's flag store
    // holds it, and finished: executed when the server's flag shows the change, failed as
    // interrupted when it is still at the revision the change was to be sent from, or when it moved
    // some other way. Never run again: whoever still wants the change proposes it again. Those whose
    // flag this console does not (yet) show connected are left for later. Runs on start, whenever
    // a server reports an environment, and with the expiry sweep; returns how many it finished.
    int reconcileInterrupted();

    // The newest proposal of this action on this flag that is still open (pending, approved or
    // executing), as last read.
    std::optional<Proposal> openProposal(const FlagRef &ref, FlagAction action) const;
    // This console's person asks for a change their flag's contract puts under review: it waits in
    // the queue as their proposal (they cannot decide it) and runs once another reviewer approves.
    Result<Proposal> proposeForPerson(const FlagRef &ref, FlagAction action, const QJsonObject &parameters,
                                      Contract::Risk risk, const QString &reason);

Q_SIGNALS:
    // These proposals are new or moved on since last said.
    void proposalsChanged(const QList<Proposal> &proposals);
    // A proposal this console had not seen, waiting for review.
    void proposalArrived(const Proposal &proposal);
    // An approved proposal ran: executed (confirmed by the server) or failed.
    void proposalFinished(const Proposal &proposal);
    // An interrupted execution was reconciled: applied says whether the server showed the change.
    void executionReconciled(const Proposal &proposal, bool applied);
    void problem(const QString &description);
    // The team inbox went away (sentence: since when, why, what waits) or came back (sentence: for
    // how long it was away, and that what arrived meanwhile was read).
    void inboxAway(const QString &sentence);
    void inboxBack(const QString &sentence);

private:
    int approvalsRequired(const Proposal &proposal) const;
    // A revert proposal's parameters name the changes it puts back: {"changes": [audit row ids]}.
    Result<RevertPreview> revertPreview(const Proposal &proposal) const;
    void execute(const Proposal &proposal);
    void finish(const QString &id, bool executed, const QString &outcome);
    // The outcome is in the inbox now (finished: the row as it reads there).
    void recordFinished(const Proposal &finished, bool executed, const QString &outcome);
    // Writes the outcomes the inbox missed while it was away.
    void recordUnrecorded();
    void noteReachability(bool reachable, const QString &reason);
    void store(const QList<Proposal> &proposals);
    void recordLifecycle(const Proposal &proposal, const QString &outcome, const QString &actor, ActorKind kind,
                         const QString &sourceKey, const QString &comment);
    QString commentFor(const Proposal &proposal, const QString &reviewerComment) const;
    QString identityComment(const TokenIdentity &token, const QString &comment, bool running = false) const;

    ProposalInbox *m_inbox;
    FlagStore *m_flags;
    KillSwitch *m_killSwitch;
    StageActions *m_stages;
    RevertDesk *m_reverts;
    ContractLibrary *m_contracts;
    AuditWriter *m_audit;
    ApprovalSettings m_policy;
    SandboxTest m_isSandbox;
    TokenLookup m_tokens;
    QHash<QString, Proposal> m_proposals;
    qint64 m_lastSeq = 0;
    bool m_readOnce = false; // what the inbox held at the start is not news; all after it is
    QHash<QString, QString> m_reviewerComments;
    QHash<QString, qint64> m_interruptedSeenMs; // proposal id → when this console found its claimant gone
    QTimer m_expirySweep;
    struct Unrecorded
    {
        bool executed = false;
        QString outcome;
    };
    QHash<QString, Unrecorded> m_unrecorded;
    qint64 m_inboxAwaySinceMs = 0;
    QString m_inboxAwayReason;
};
