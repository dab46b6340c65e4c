#include "sandboxagent.h"

#include "evidencedproposal.h"
#include "flagstore.h"
#include "../metrics/guardrailmonitor.h"
#include "../store/proposalinbox.h"
#include "stageactions.h"

#include <QDateTime>

SandboxAgent::SandboxAgent(ProposalInbox *inbox, FlagStore *flags, StageActions *stages,
                           const GuardrailMonitor *monitor, SandboxTest isSandbox, QObject *parent)
    : QObject(parent)
    , m_inbox(inbox)
    , m_flags(flags)
    , m_stages(stages)
    , m_monitor(monitor)
    , m_isSandbox(std::move(isSandbox))
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        look();
        m_timer.start(LookIntervalMs);
    });
    m_timer.setSingleShot(true);
}

void SandboxAgent::start(int firstLookMs)
{
    m_timer.start(firstLookMs);
}

bool SandboxAgent::hasPending(const FlagRef &ref) const
{
    const Result<QList<Proposal>> pending = m_inbox->list(ProposalStatus::Pending, ref.key);
    return !pending || std::any_of(pending->cbegin(), pending->cend(), [&](const Proposal &proposal) {
        return proposal.target == ref && proposal.proposer.agent == AgentName;
    });
}

QList<Proposal> SandboxAgent::look()
{
    QList<Proposal> made;
    int expansions = 0;
    for (int i = 0; i < m_flags->count(); ++i) {
        const FlagStore::Entry &row = m_flags->at(i);
        if (!m_isSandbox(row.ref.connectionId) || !row.flag.enabled || row.operation != FlagStore::Operation::None
            || !m_monitor->isWatched(row.ref))
            continue;
        const QString seen = QStringLiteral("%1/%2/%3@%4").arg(row.ref.connectionId, row.ref.environment, row.ref.key,
                                                               row.flag.revision);
        if (m_proposed.contains(seen))
            continue;
        const FlagHealth health = m_monitor->health(row.ref);
        FlagAction action;
        QString reason;
        if (health.verdict == GuardrailVerdict::Regressed) {
            action = m_stages->preview(row.ref, FlagAction::RollbackStage) ? FlagAction::RollbackStage : FlagAction::Kill;
            reason = tr("Guardrail regression: %1. Roll back before more users are affected.").arg(health.summary);
        } else if (health.verdict == GuardrailVerdict::Healthy && expansions < MaxExpansionsPerLook
                   && m_stages->preview(row.ref, FlagAction::AdvanceStage)) {
            action = FlagAction::AdvanceStage;
            reason = tr("Every guardrail is healthy at this stage (%1). Expand to the next stage.").arg(health.summary);
            ++expansions;
        } else {
            continue;
        }
        m_proposed.insert(seen);
        if (hasPending(row.ref))
            continue;
        const Proposal proposal = evidencedProposal(
            row, action, reason, health,
            {AgentName, QStringLiteral("FlagDeck sandbox"), QStringLiteral(FLAGDECK_VERSION), QStringLiteral("simulated")});
        const Result<Proposal> stored = m_inbox->propose(proposal);
        if (stored)
            made.append(stored.value());
    }
    return made;
}
