#include "guardrailwatcher.h"

#include "../core/stageplan.h"
#include "flagstore.h"
#include "../metrics/trafficsimulator.h"
#include "../store/contractlibrary.h"
#include "../store/guardrailsettings.h"
#include "killswitch.h"

#include <QDateTime>

GuardrailWatcher::GuardrailWatcher(FlagStore *flags, ContractLibrary *contracts, KillSwitch *killSwitch,
                                   SandboxTest isSandbox, QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_flags(flags)
    , m_contracts(contracts)
    , m_killSwitch(killSwitch)
    , m_isSandbox(std::move(isSandbox))
    , m_settings(settings)
    , m_monitor(new GuardrailMonitor(this))
    , m_simulator(new TrafficSimulator(this))
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);
    connect(&m_refresh, &QTimer::timeout, this, &GuardrailWatcher::refresh);
    connect(m_simulator, &MetricSource::samplesArrived, m_monitor, &GuardrailMonitor::addSamples);
    connect(m_simulator, &MetricSource::problem, this, &GuardrailWatcher::sourceProblem);
    connect(m_monitor, &GuardrailMonitor::healthChanged, this, &GuardrailWatcher::showHealth);
    // A kill or restore changes what the verdict shown means: before the kill, or live again.
    connect(m_killSwitch, &KillSwitch::confirmed, this, &GuardrailWatcher::showHealth);
    connect(m_monitor, &GuardrailMonitor::regressionDetected, this, &GuardrailWatcher::actOn);
}

GuardrailWatcher::~GuardrailWatcher() = default;

void GuardrailWatcher::usePrometheus(const PrometheusSource::Options &options)
{
    delete m_prometheus;
    m_prometheus = new PrometheusSource(options, this);
    connect(m_prometheus, &MetricSource::samplesArrived, m_monitor, &GuardrailMonitor::addSamples);
    connect(m_prometheus, &MetricSource::problem, this, &GuardrailWatcher::sourceProblem);
    if (m_started)
        m_prometheus->start();
    scheduleRefresh();
}

void GuardrailWatcher::setConnectionSource(const QString &connectionId, MetricSource *source)
{
    if (MetricSource *previous = m_connectionSources.take(connectionId))
        previous->disconnect(this);
    if (source) {
        m_connectionSources.insert(connectionId, source);
        connect(source, &MetricSource::samplesArrived, m_monitor, &GuardrailMonitor::addSamples);
        connect(source, &MetricSource::problem, this, &GuardrailWatcher::sourceProblem);
    }
    scheduleRefresh();
}

void GuardrailWatcher::start()
{
    m_started = true;
    m_simulator->start();
    if (m_prometheus)
        m_prometheus->start();
}

void GuardrailWatcher::scheduleRefresh()
{
    m_refresh.start();
}

void GuardrailWatcher::simulateEveryConnection()
{
    m_simulateEverything = true;
    scheduleRefresh();
}

MetricSource *GuardrailWatcher::sourceFor(const QString &connectionId) const
{
    if (m_simulateEverything)
        return m_simulator;
    if (m_prometheus)
        return m_prometheus;
    return m_isSandbox(connectionId) ? m_simulator : m_connectionSources.value(connectionId).data();
}

const Contract *GuardrailWatcher::contractFor(const FlagRef &ref) const
{
    return m_contracts->find(ref.key, ref.environment, m_isSandbox(ref.connectionId));
}

bool GuardrailWatcher::hasContractGuardrails(const FlagRef &ref) const
{
    const Contract *contract = contractFor(ref);
    return contract && !contract->guardrails.isEmpty();
}

QList<ContractGuardrail> GuardrailWatcher::consoleGuardrails(const FlagRef &ref) const
{
    return GuardrailSettings(m_settings).load(ref);
}

void GuardrailWatcher::setConsoleGuardrails(const FlagRef &ref, const QList<ContractGuardrail> &guardrails)
{
    GuardrailSettings(m_settings).save(ref, guardrails);
    scheduleRefresh();
}

void GuardrailWatcher::refresh()
{
    QList<GuardrailWatch> all;
    QHash<MetricSource *, QList<GuardrailWatch>> bySource;
    QList<FlagRef> unwatched;
    for (int i = 0; i < m_flags->count(); ++i) {
        const FlagStore::Entry &row = m_flags->at(i);
        MetricSource *source = sourceFor(row.ref.connectionId);
        const Contract *contract = contractFor(row.ref);
        // The contract's guardrails where it has some; otherwise those set in the console.
        const QList<ContractGuardrail> guardrails = contract && !contract->guardrails.isEmpty()
                                                        ? contract->guardrails
                                                        : consoleGuardrails(row.ref);
        if (!source || row.staleSinceMs > 0 || guardrails.isEmpty()) {
            unwatched.append(row.ref);
            continue;
        }
        GuardrailWatch watch;
        watch.flag = row.ref;
        watch.controlId = contract ? StagePlan::resolveVariation(row.flag, contract->defaultVariation) : QString();
        if (watch.controlId.isEmpty())
            watch.controlId = row.flag.offVariationId;
        watch.expected = row.flag.servedRollout();
        watch.guardrails = guardrails;
        // Statistics never mix rollouts: the window opens at the flag's last change.
        watch.windowStartMs = row.flag.updatedAtMs;
        for (const Variation &variation : row.flag.variations)
            watch.variantLabels.insert(variation.id, variation.name.isEmpty() ? variation.id : variation.name);
        all.append(watch);
        bySource[source].append(watch);
    }
    m_monitor->setWatches(all);
    // After the monitor forgot them, so whoever redraws on this change sees them unwatched.
    for (const FlagRef &ref : std::as_const(unwatched))
        m_flags->setHealth(ref, std::nullopt, {});
    QList<MetricSource *> sources{m_simulator, m_prometheus};
    for (const QPointer<MetricSource> &source : std::as_const(m_connectionSources))
        sources.append(source.data());
    for (MetricSource *source : std::as_const(sources)) {
        if (source)
            source->setWatches(bySource.value(source));
    }
}

void GuardrailWatcher::showHealth(const FlagRef &ref)
{
    // A flag killed by this console keeps the verdict it had then, as the kill's evidence.
    const FlagStore::Entry *row = m_flags->find(ref);
    if (row && row->kill && !row->flag.enabled && row->health) {
        const QString killedAt = QDateTime::fromMSecsSinceEpoch(row->kill->atMs).toString(QStringLiteral("HH:mm:ss"));
        const QString suffix = tr(" (before the kill at %1)").arg(killedAt);
        if (!row->healthSummary.endsWith(suffix))
            m_flags->setHealth(ref, row->health, row->healthSummary + suffix);
        return;
    }
    // A flag serving only its control has nothing to judge: no verdict, only the reason why.
    const FlagHealth health = m_monitor->health(ref);
    if (health.results.isEmpty())
        m_flags->setHealth(ref, std::nullopt, health.summary);
    else
        m_flags->setHealth(ref, health.verdict, health.summary);
}

QString GuardrailWatcher::regressionTitle(const FlagRef &ref, const FlagStore::Entry &row) const
{
    return tr("Guardrail regression: %1").arg(tr("%1 in %2 on %3").arg(ref.key, ref.environment, row.serverName));
}

QString GuardrailWatcher::startAutoKill(const FlagRef &ref, const FlagStore::Entry &row, const GuardrailResult &result)
{
    const QString evidence =
        tr("auto_kill by the guardrail monitor: %1; statistics since %2 UTC")
            .arg(result.reason,
                 QDateTime::fromMSecsSinceEpoch(row.flag.updatedAtMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    m_killSwitch->kill({ref}, evidence, ConfirmedChanges::Actor{m_actorName, ActorKind::System},
                       [this](const ConfirmedChanges::Outcome &outcome) {
                           Q_EMIT autoKillFinished(outcome.ref, outcome.confirmed, outcome.reason);
                       });
    return tr("%1. Its contract sets auto_kill: FlagDeck is killing the flag; the row shows \"off\" once the server "
              "confirms.")
        .arg(result.reason);
}

void GuardrailWatcher::actOn(const FlagRef &ref, const GuardrailResult &result)
{
    const FlagStore::Entry *row = m_flags->find(ref);
    if (!row)
        return;
    const Contract *contract = contractFor(ref);
    // Data that mixes every environment may be another environment's regression: a person decides.
    const bool mixed = result.mixedEnvironments || m_monitor->health(ref).mixedEnvironments;
    const bool autoKill = contract && contract->autoKill && row->flag.enabled && row->staleSinceMs == 0 && !mixed;
    QString message;
    bool killing = false;
    if (contract && contract->autoKill && mixed) {
        message = tr("%1. Its contract sets auto_kill, but these values mix every environment, so FlagDeck does not "
                     "kill it by itself: decide now, or give the telemetry the environment (see Guardrails in the "
                     "documentation).")
                      .arg(result.reason);
        if (m_proposeRollback && row->flag.enabled && (!m_claim || m_claim(ref, row->flag, FlagAction::RollbackStage)))
            m_proposeRollback(ref);
    } else if (autoKill && m_claim && !m_claim(ref, row->flag, FlagAction::Kill)) {
        message = tr("%1. Its contract sets auto_kill; another FlagDeck (a guard or a console) is carrying it out.")
                      .arg(result.reason);
    } else if (autoKill) {
        message = startAutoKill(ref, *row, result);
        killing = true;
    } else {
        const QString rollback = contract && !contract->rollbackAction.isEmpty() ? contract->rollbackAction : tr("kill");
        message = tr("%1. Its contract does not set auto_kill: decide now — the contract's rollback action is "
                     "\"%2\"; kill the flag or roll back its stage.")
                      .arg(result.reason, rollback);
        if (m_proposeRollback && row->flag.enabled && (!m_claim || m_claim(ref, row->flag, FlagAction::RollbackStage)))
            m_proposeRollback(ref);
    }
    Q_EMIT regressionDetected(ref, regressionTitle(ref, *row), message, killing);
}

void GuardrailWatcher::reconsider()
{
    for (const GuardrailWatch &watch : m_monitor->watches()) {
        const FlagStore::Entry *row = m_flags->find(watch.flag);
        if (!row || !row->flag.enabled || row->staleSinceMs > 0 || m_killSwitch->isPending(watch.flag))
            continue;
        const FlagHealth health = m_monitor->health(watch.flag);
        const auto regressed = std::find_if(health.results.cbegin(), health.results.cend(), [](const GuardrailResult &result) {
            return result.verdict == GuardrailVerdict::Regressed;
        });
        if (regressed == health.results.cend())
            continue;
        const Contract *contract = contractFor(watch.flag);
        if (contract && contract->autoKill && !health.mixedEnvironments) {
            if (m_claim && !m_claim(watch.flag, row->flag, FlagAction::Kill))
                continue;
            const QString message = startAutoKill(watch.flag, *row, *regressed);
            Q_EMIT regressionDetected(watch.flag, regressionTitle(watch.flag, *row), message, true);
        } else if (m_proposeRollback && (!m_claim || m_claim(watch.flag, row->flag, FlagAction::RollbackStage))) {
            m_proposeRollback(watch.flag);
        }
    }
}
