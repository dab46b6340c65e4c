#pragma once

#include "../core/proposal.h"
#include "../core/stagesnapshot.h"
#include "../store/auditlookup.h"
#include "confirmedchanges.h"

#include <QObject>

#include <optional>

class ContractLibrary;
class EvalWatcher;
class GuardrailMonitor;

// Advance, roll back and serve fallback along a flag's contract, each through its server under the
// confirmed-by-the-server rule and audited; pause and resume hold a flag at its stage (recorded in
// the audit history; nothing changes on the server). Also keeps each flag's stage, and whether it
// is due for cleanup, in the flag store.
class StageActions : public QObject
{
    Q_OBJECT

public:
    using SandboxTest = std::function<bool(const QString &connectionId)>;
    // The approval queue's open proposal of this action on this flag, if there is one.
    using QueueLookup = std::function<std::optional<Proposal>(const FlagRef &ref, FlagAction action)>;

    // isSandbox: whether a connection is a sandbox, whose built-in contracts then apply.
    StageActions(FlagStore *flags, ContractLibrary *contracts, AuditWriter *audit,
                 ConfirmedChanges::ServerLookup servers, SandboxTest isSandbox, QObject *parent = nullptr);
    ~StageActions() override;

    // The audit cache to read time in stage, holds and the audit trail from.
    void setAuditPath(const QString &path);
    void setTimeout(int milliseconds) { m_changes.setTimeout(milliseconds); }
    void setActor(const QString &actor);
    // Where the gate reads whether the flag's guardrails are green.
    void setGuardrailMonitor(const GuardrailMonitor *monitor) { m_monitor = monitor; }
    // Where the gate reads the eval reports a stage requires.
    void setEvalWatcher(const EvalWatcher *evals) { m_evals = evals; }
    // The eval evidence the flag's next stage requires, as it stands (none without a contract,
    // a next stage or an eval watcher).
    QList<EvalCheck> nextStageEvals(const FlagRef &ref) const;
    // Where the gate's "Approvals" line reads what the queue holds.
    void setQueueLookup(QueueLookup lookup) { m_queue = std::move(lookup); }
    // The approvals the flag's contract requires for this action at this risk (0: none).
    int contractApprovals(const FlagRef &ref, FlagAction action, Contract::Risk risk) const;

    StageSnapshot snapshot(const FlagRef &ref) const;
    Result<StagePreview> preview(const FlagRef &ref, FlagAction action) const;
    // False when it was not sent (another change under way, or the flag is gone); otherwise done,
    // when given, hears once how it ended.
    bool apply(const StagePreview &preview, const QString &comment, const ConfirmedChanges::Completion &done = {});
    // Why the flag cannot be archived on its server now (empty: it can): a flag gone, a change
    // under way in any environment the archive reaches, offline, or a server that cannot archive.
    QString archiveProblem(const FlagRef &ref) const;
    // The flag in every environment the archive takes it out of, its own first (see
    // FlagServer::archiveReach).
    QList<FlagRef> archiveReach(const FlagRef &ref) const { return m_changes.archiveReach(ref); }
    // Retires the flag on its server, the end of its contract's path: confirmed by the server's
    // reply and audited; the flag leaves the store with the server's next snapshot. Only after
    // the approval queue agreed. False when it was not sent.
    bool archive(const FlagRef &ref, const QString &comment, const ConfirmedChanges::Completion &done = {});
    void pause(const FlagRef &ref, const QString &comment);
    void resume(const FlagRef &ref, const QString &comment);

    // Recomputes the stage of these flags in the store (all flags when empty).
    void refreshStages(const QList<FlagRef> &refs = {});

Q_SIGNALS:
    void confirmed(const FlagRef &ref, FlagAction action);
    void failed(const FlagRef &ref, FlagAction action, const QString &reason);
    void holdChanged(const FlagRef &ref);
    // Every row was looked at again (contracts or history changed).
    void stagesRefreshed();

private:
    const Contract *contractFor(const FlagRef &ref) const;
    static QString approvalsTitle();
    ReadinessItem guardrailGate(const FlagRef &ref) const;
    QList<EvalCheck> evalsOf(const Contract &contract, const StagePlan &plan) const;
    std::optional<CleanupDue> cleanupDue(const Flag &flag, const Contract *contract, const FlagRef &ref) const;
    void recordHold(const FlagRef &ref, const QString &action, const QString &comment);

    FlagStore *m_flags;
    ContractLibrary *m_contracts;
    AuditWriter *m_audit;
    AuditLookup m_lookup;
    bool m_lookupOpen = false;
    QString m_actor;
    ConfirmedChanges::ServerLookup m_servers;
    SandboxTest m_isSandbox;
    ConfirmedChanges m_changes;
    const GuardrailMonitor *m_monitor = nullptr;
    const EvalWatcher *m_evals = nullptr;
    QueueLookup m_queue;
};
