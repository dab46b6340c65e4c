#pragma once

#include "../core/proposal.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

class FlagStore;
class GuardrailMonitor;
class ProposalInbox;
class StageActions;

// The sandbox's simulated release agent. It reads the sandbox's flags and guardrail verdicts the
// way an agent reads them through `flagdeck mcp`, and proposes what such an agent would: expand a
// candidate whose guardrails are healthy (each one's worse end within its tolerance) and whose
// gate is open, roll back one that regressed. So a first start shows
// the approval queue at work. It only ever proposes, into the same inbox agents use.
//
// It keeps the queue readable: at most one pending proposal of its own per flag@environment (a
// rollback replaces its pending expansion), never an expansion of a flag that is off or regressed
// (it withdraws one it made before the flag was killed or regressed), and no more than
// MaxPendingExpansions expansions waiting at once.
class SandboxAgent : public QObject
{
    Q_OBJECT

public:
    using SandboxTest = std::function<bool(const QString &connectionId)>;
    static inline const QString AgentName = QStringLiteral("sandbox-release-agent");
    static constexpr int LookIntervalMs = 20000;
    static constexpr int MaxExpansionsPerLook = 2;
    static constexpr int MaxPendingExpansions = 4;

    SandboxAgent(ProposalInbox *inbox, FlagStore *flags, StageActions *stages, const GuardrailMonitor *monitor,
                 SandboxTest isSandbox, QObject *parent = nullptr);

    // Looks after firstLookMs, then every LookIntervalMs.
    void start(int firstLookMs);
    // One look at every sandbox flag; returns the proposals made.
    QList<Proposal> look();

private:
    // Its own pending proposals for this flag; nullopt when the inbox cannot say.
    std::optional<QList<Proposal>> ownPending(const FlagRef &ref) const;
    // How many of its expansions wait; nullopt when the inbox cannot say.
    std::optional<int> pendingExpansions() const;
    // Whether an advance is possible now and its gate is open.
    bool gateOpen(const FlagRef &ref) const;
    // Takes back what it asked for (only its expansions, or everything), saying why.
    void withdraw(const QList<Proposal> &pending, const QString &why, bool expansionsOnly);

    ProposalInbox *m_inbox;
    FlagStore *m_flags;
    StageActions *m_stages;
    const GuardrailMonitor *m_monitor;
    SandboxTest m_isSandbox;
    QSet<QString> m_proposed; // flag and revision already proposed for
    QTimer m_timer;
};
