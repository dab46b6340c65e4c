#include "sandboxagent.h"

#include "evidencedproposal.h"
#include "flagstore.h"
#include "../metrics/guardrailmonitor.h"
#include "../store/proposalinbox.h"
#include "stageactions.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrl>

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

std::optional<QList<Proposal>> SandboxAgent::ownPending(const FlagRef &ref) const
{
    const Result<QList<Proposal>> pending = m_inbox->list(ProposalStatus::Pending, ref.key);
    if (!pending)
        return std::nullopt;
    QList<Proposal> own;
    for (const Proposal &proposal : pending.value()) {
        if (proposal.target == ref && proposal.proposer.agent == AgentName)
            own.append(proposal);
    }
    return own;
}

std::optional<int> SandboxAgent::pendingExpansions() const
{
    const Result<QList<Proposal>> pending = m_inbox->list(ProposalStatus::Pending);
    if (!pending)
        return std::nullopt;
    return int(std::count_if(pending->cbegin(), pending->cend(), [](const Proposal &proposal) {
        return proposal.proposer.agent == AgentName && proposal.action == FlagAction::AdvanceStage;
    }));
}

void SandboxAgent::withdraw(const QList<Proposal> &pending, const QString &why, bool expansionsOnly)
{
    for (const Proposal &proposal : pending) {
        if (!expansionsOnly || proposal.action == FlagAction::AdvanceStage)
            m_inbox->withdraw(proposal.id, why, QDateTime::currentMSecsSinceEpoch());
    }
}

bool SandboxAgent::gateOpen(const FlagRef &ref) const
{
    // Healthy guardrails alone are not enough: the stage's gate (time in stage, each guardrail's
    // worse end within its tolerance, the next stage's eval evidence, not paused) must be open,
    // as a person would need it to be.
    const Result<StagePreview> advance = m_stages->preview(ref, FlagAction::AdvanceStage);
    return advance && advance->gateOpen;
}

QList<Proposal> SandboxAgent::look()
{
    QList<Proposal> made;
    int expansions = 0;
    std::optional<int> waiting = pendingExpansions();
    for (int i = 0; i < m_flags->count(); ++i) {
        const FlagStore::Entry &row = m_flags->at(i);
        if (!m_isSandbox(row.ref.connectionId))
            continue;
        const std::optional<QList<Proposal>> own = ownPending(row.ref);
        if (!own)
            continue; // the inbox cannot say what waits: propose nothing rather than twice
        // Nothing it asked for stands once the flag is off; no expansion once it regressed.
        if (!row.flag.enabled) {
            withdraw(own.value(), tr("withdrawn by %1: the flag is off").arg(AgentName), false);
            continue;
        }
        if (!m_monitor->isWatched(row.ref))
            continue;
        const FlagHealth health = m_monitor->health(row.ref);
        if (health.verdict == GuardrailVerdict::Regressed)
            withdraw(own.value(), tr("withdrawn by %1: a guardrail regressed").arg(AgentName), true);
        if (row.operation != FlagStore::Operation::None)
            continue;
        // A regression at a revision it proposed to expand is a new question.
        const bool regressed = health.verdict == GuardrailVerdict::Regressed;
        const QString seen = QStringLiteral("%1/%2/%3@%4%5")
                                 .arg(row.ref.connectionId, row.ref.environment, row.ref.key, row.flag.revision,
                                      regressed ? QStringLiteral("/regressed") : QString());
        if (m_proposed.contains(seen))
            continue;
        FlagAction action;
        QString reason;
        QList<EvalCheck> evals;
        if (regressed) {
            const bool rollbackWaits = std::any_of(own->cbegin(), own->cend(), [](const Proposal &proposal) {
                return proposal.action != FlagAction::AdvanceStage;
            });
            if (rollbackWaits)
                continue;
            action = m_stages->preview(row.ref, FlagAction::RollbackStage) ? FlagAction::RollbackStage : FlagAction::Kill;
            reason = tr("Guardrail regression: %1. Roll back before more users are affected.").arg(health.summary);
        } else if (health.verdict == GuardrailVerdict::Healthy && own->isEmpty() && expansions < MaxExpansionsPerLook
                   && waiting && *waiting < MaxPendingExpansions && gateOpen(row.ref)) {
            // The gate held the next stage's eval evidence too; the proposal cites it.
            evals = m_stages->nextStageEvals(row.ref);
            action = FlagAction::AdvanceStage;
            reason = tr("Every guardrail is healthy at this stage (%1). Expand to the next stage.").arg(health.summary);
            for (const EvalCheck &check : std::as_const(evals))
                reason += QLatin1Char(' ') + tr("Evals: %1.").arg(check.summary);
            ++expansions;
            ++*waiting;
        } else {
            continue;
        }
        m_proposed.insert(seen);
        const GuardrailWatch *watch = m_monitor->watch(row.ref);
        Proposal proposal = evidencedProposal(
            row, action, reason, health,
            {AgentName, QStringLiteral("FlagDeck sandbox"), QStringLiteral(FLAGDECK_VERSION), QStringLiteral("simulated")},
            watch ? watch->controlId : QString());
        if (!evals.isEmpty()) {
            QJsonArray cited;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            QJsonArray links = proposal.evidence.value(QStringLiteral("links")).toArray();
            for (const EvalCheck &check : std::as_const(evals)) {
                cited.append(evalCheckToJson(check, now));
                // A reviewer opens the report itself; a built-in one lives in the program's resources.
                if (!check.location.isEmpty() && !check.location.startsWith(QLatin1Char(':')))
                    links.append(check.eval.isUrl() ? check.location
                                                    : QUrl::fromLocalFile(check.location).toString(QUrl::FullyEncoded));
            }
            proposal.evidence.insert(QStringLiteral("evals"), cited);
            proposal.evidence.insert(QStringLiteral("links"), links);
        }
        const Result<Proposal> stored = m_inbox->propose(proposal);
        if (!stored)
            continue;
        // One question per flag at a time: what it asked before gives way to this.
        m_inbox->supersedeOlder(stored.value());
        made.append(stored.value());
    }
    return made;
}
