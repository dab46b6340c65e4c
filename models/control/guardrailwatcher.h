#pragma once

#include "../core/flag.h"
#include "../core/flagaction.h"
#include "../core/flagref.h"
#include "flagstore.h"
#include "../metrics/guardrailmonitor.h"
#include "../metrics/prometheussource.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class ContractLibrary;
class QSettings;
class KillSwitch;
class TrafficSimulator;

// Watches the guardrails of every live flag whose contract has them: keeps the monitor's watches
// in step with the flags and contracts, feeds it from the metric sources, shows its verdicts in
// the flag table, and acts on a regression — a kill through the kill switch where the contract
// sets auto_kill, otherwise a message that says what a person should do.
class GuardrailWatcher : public QObject
{
    Q_OBJECT

public:
    using SandboxTest = std::function<bool(const QString &connectionId)>;
    // Whether this process acts on a regression of this flag at its revision: false when another
    // console or guard already did, or when this one is a guard standing by.
    using ActionClaim = std::function<bool(const FlagRef &ref, const Flag &flag, FlagAction action)>;

    static inline const QString MonitorActor = QStringLiteral("FlagDeck guardrail monitor");

    // settings: where guardrails set in the console are kept.
    GuardrailWatcher(FlagStore *flags, ContractLibrary *contracts, KillSwitch *killSwitch, SandboxTest isSandbox,
                     QSettings &settings, QObject *parent = nullptr);
    ~GuardrailWatcher() override;

    GuardrailMonitor *monitor() const { return m_monitor; }
    // The sandbox connections' traffic; regressions are injected here.
    TrafficSimulator *simulator() const { return m_simulator; }
    // A drill: every connection's guardrail data comes from the simulator, so the response to a
    // regression can be practised against a real (staging) server. Never on production data.
    void simulateEveryConnection();
    // From now on every connection's guardrail data comes from this Prometheus server.
    void usePrometheus(const PrometheusSource::Options &options);
    bool usesPrometheus() const { return m_prometheus != nullptr; }
    // The source of one connection's data where neither Prometheus nor the simulator serves it
    // (an Unleash server's exposure counts); nullptr forgets it. The watcher does not own it.
    void setConnectionSource(const QString &connectionId, MetricSource *source);

    // Whether the flag's guardrails come from its contract (then they are edited there).
    bool hasContractGuardrails(const FlagRef &ref) const;
    // Guardrails set in the console, for a flag whose contract has none.
    QList<ContractGuardrail> consoleGuardrails(const FlagRef &ref) const;
    void setConsoleGuardrails(const FlagRef &ref, const QList<ContractGuardrail> &guardrails);

    // Without one, every regression is acted on here.
    void setActionClaim(ActionClaim claim) { m_claim = std::move(claim); }
    // For a regression whose contract does not set auto_kill: asks a person through the approval
    // queue (a guard, where nobody reads its messages). Claimed first, so it is asked once.
    using RollbackProposer = std::function<void(const FlagRef &ref)>;
    void setRollbackProposer(RollbackProposer proposer) { m_proposeRollback = std::move(proposer); }
    // Who the audit names for an auto_kill; MonitorActor unless set (a guard names itself).
    void setActorName(const QString &name) { m_actorName = name; }
    const QString &actorName() const { return m_actorName; }

    // Acts on every flag that is regressed now and not yet acted on: the monitor reports a
    // regression once, so a guard that takes the lead (or gets its inbox back) after it was seen
    // looks again. Claims keep it from acting twice; a flag already claimed is left quietly.
    void reconsider();

    // Starts the live feeds (the simulator's clock, Prometheus polling).
    void start();
    // Looks at the flags and contracts again: soon (coalesced), or now.
    void scheduleRefresh();
    void refresh();

Q_SIGNALS:
    // A candidate regressed. killing: the monitor is killing the flag as its contract says.
    void regressionDetected(const FlagRef &ref, const QString &title, const QString &message, bool killing);
    // How an auto_kill this watcher started ended: confirmed by the server, or why not.
    void autoKillFinished(const FlagRef &ref, bool confirmed, const QString &reason);
    void sourceProblem(const QString &description);

private:
    void showHealth(const FlagRef &ref);
    void actOn(const FlagRef &ref, const GuardrailResult &result);
    // Kills the flag as its contract's auto_kill says; returns what to tell the person.
    QString startAutoKill(const FlagRef &ref, const FlagStore::Entry &row, const GuardrailResult &result);
    QString regressionTitle(const FlagRef &ref, const FlagStore::Entry &row) const;
    MetricSource *sourceFor(const QString &connectionId) const;
    const Contract *contractFor(const FlagRef &ref) const;

    FlagStore *m_flags;
    ContractLibrary *m_contracts;
    KillSwitch *m_killSwitch;
    SandboxTest m_isSandbox;
    ActionClaim m_claim;
    RollbackProposer m_proposeRollback;
    QString m_actorName = MonitorActor;
    QSettings &m_settings;
    GuardrailMonitor *m_monitor;
    TrafficSimulator *m_simulator;
    PrometheusSource *m_prometheus = nullptr;
    QHash<QString, QPointer<MetricSource>> m_connectionSources;
    bool m_started = false;
    bool m_simulateEverything = false;
    QTimer m_refresh;
};
