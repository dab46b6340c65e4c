#include "consolecontroller.h"

#include "../connectors/flagserver.h"
#include "flagserverfactory.h"
#include "../store/auditcache.h"
#include "../store/auditexporter.h"
#include "../store/auditwriter.h"
#include "../store/connectionsettings.h"
#include "../store/contractlibrary.h"
#include "../store/filesecretstore.h"
#include "../store/secretstore.h"
#include "../metrics/exposuresource.h"
#include "../metrics/guardrailmonitor.h"
#include "auditsync.h"
#include "evalwatcher.h"
#include "evidencedproposal.h"
#include "flagstore.h"
#include "guardrailwatcher.h"
#include "interruptedchanges.h"
#include "killswitch.h"
#include "../metrics/guardrailhealth.h"
#include "../store/approvalsettings.h"
#include "../store/preferencesettings.h"
#include "../store/proposalinbox.h"
#include "proposalreview.h"
#include "sandboxagent.h"
#include "revertdesk.h"
#include "stageactions.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSaveFile>
#include <QSettings>
#include <QPointer>
#include <QThread>
#include <QUuid>

ConsoleController::ConsoleController(QSettings &settings, std::unique_ptr<AuditWriter> audit, SecretStore *secrets,
                                     QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_audit(std::move(audit))
    , m_secrets(secrets)
    , m_flags(new FlagStore(m_audit.get(), this))
    , m_killSwitch(new KillSwitch(m_flags, m_audit.get(), [this](const QString &id) { return server(id); }, this))
    , m_contracts(new ContractLibrary(this))
    , m_evals(new EvalWatcher(this))
    , m_stages(new StageActions(
          m_flags, m_contracts, m_audit.get(), [this](const QString &id) { return server(id); },
          [this](const QString &id) { return isSandbox(id); }, this))
    , m_reverts(new RevertDesk(m_flags, m_audit.get(), [this](const QString &id) { return server(id); }, this))
    , m_guardrails(new GuardrailWatcher(m_flags, m_contracts, m_killSwitch, [this](const QString &id) { return isSandbox(id); },
                                        m_settings, this))
    , m_inbox(new ProposalInbox(this))
    , m_proposals(new ProposalReview(m_inbox, m_flags, m_killSwitch, m_stages, m_reverts, m_contracts, m_audit.get(),
                                     ApprovalSettings(m_settings), [this](const QString &id) { return isSandbox(id); }, this))
    , m_sandboxAgent(new SandboxAgent(m_inbox, m_flags, m_stages, m_guardrails->monitor(),
                                      [this](const QString &id) { return isSandbox(id); }, this))
    , m_inboxLocation(ApprovalSettings(m_settings).inboxLocation())
{
    m_stages->setAuditPath(m_audit->path());
    m_interrupted = new InterruptedChanges(m_flags, m_audit.get(), this);
    connect(m_interrupted, &InterruptedChanges::interrupted, this, &ConsoleController::changeInterrupted);
    if (const Result<void> opened = m_reverts->openHistory(m_audit->path()); !opened)
        QTimer::singleShot(0, this, [this, error = opened.error()] { Q_EMIT auditProblem(error); });
    m_proposals->setTokenLookup([this](const QString &id) {
        if (const FlagServer *found = server(id))
            return found->tokenIdentity();
        TokenIdentity unknown;
        unknown.note = tr("the server connection is not open");
        return unknown;
    });
    m_stages->setGuardrailMonitor(m_guardrails->monitor());
    m_stages->setEvalWatcher(m_evals);
    // A report that changed can open or close a gate: every row looks again, and what agents
    // read through flagdeck mcp follows.
    connect(m_evals, &EvalWatcher::changed, m_stages, [this] {
        m_stages->refreshStages();
        for (const FlagRef &ref : m_flags->refs())
            m_statusChanged.insert(ref);
        if (!m_statusWrite.isActive())
            m_statusWrite.start();
    });
    connect(m_contracts, &ContractLibrary::changed, m_stages, [this] {
        m_stages->refreshStages();
        m_guardrails->scheduleRefresh();
    });
    connect(m_guardrails, &GuardrailWatcher::regressionDetected, this,
            [this](const FlagRef &, const QString &title, const QString &message, bool killing) {
                Q_EMIT guardrailRegression(title, message, killing);
            });
    connect(m_guardrails, &GuardrailWatcher::sourceProblem, this,
            [this](const QString &description) { Q_EMIT connectionProblem(tr("Guardrail data"), description); });
    const QString prometheus = m_settings.value(QStringLiteral("metrics/prometheus/url")).toString();
    if (!prometheus.isEmpty())
        usePrometheus(QUrl(prometheus));
    m_contracts->setFolder(PreferenceSettings(m_settings).load().contractsFolder);
    connect(m_audit.get(), &AuditWriter::problem, this, &ConsoleController::auditProblem);
    connect(m_audit.get(), &AuditWriter::backlogWritten, this, &ConsoleController::auditBacklogWritten);
    connect(m_audit.get(), &AuditWriter::damaged, this, &ConsoleController::auditDamaged);
    // New history can complete a flag's audit trail or tell when its stage began; a sync writes
    // page after page, so look once it pauses.
    m_stageRefresh.setSingleShot(true);
    m_stageRefresh.setInterval(StageRefreshDelayMs);
    connect(&m_stageRefresh, &QTimer::timeout, m_stages, [this] { m_stages->refreshStages(); });
    connect(m_audit.get(), &AuditWriter::committed, &m_stageRefresh, [this](qint64 lastId) {
        if (lastId > 0)
            m_stageRefresh.start();
    });
    m_stages->setQueueLookup([this](const FlagRef &ref, FlagAction action) { return m_proposals->openProposal(ref, action); });
    // The stage gate's "Approvals" line reads the queue.
    connect(m_proposals, &ProposalReview::proposalsChanged, &m_stageRefresh, [this] { m_stageRefresh.start(); });
    m_statusWrite.setSingleShot(true);
    m_statusWrite.setInterval(StatusWriteDelayMs);
    connect(&m_statusWrite, &QTimer::timeout, this, &ConsoleController::saveFlagStatuses);
    const auto statusChanged = [this](int first, int last) {
        for (int index = first; index <= last; ++index)
            m_statusChanged.insert(m_flags->at(index).ref);
        if (!m_statusWrite.isActive())
            m_statusWrite.start();
    };
    connect(m_flags, &FlagStore::entryChanged, this, [statusChanged](int index) { statusChanged(index, index); });
    connect(m_flags, &FlagStore::entriesInserted, this, statusChanged);
    connect(m_flags, &FlagStore::flagReported, this, [this](const FlagRef &ref) {
        if (AuditSync *sync = m_syncs.value(ref.connectionId))
            sync->syncSoon();
        flagsReported({ref});
    });
    connect(m_flags, &FlagStore::environmentReported, this, [this](const QString &connectionId, const QString &environment) {
        QList<FlagRef> refs;
        for (const FlagRef &ref : m_flags->refs()) {
            if (ref.connectionId == connectionId && ref.environment == environment)
                refs.append(ref);
        }
        flagsReported(refs);
    });
    m_guardrails->setActionClaim([this](const FlagRef &ref, const Flag &flag, FlagAction action) {
        return claimRegression(ref, flag, action);
    });
    m_guardPoll.setInterval(GuardPollMs);
    connect(&m_guardPoll, &QTimer::timeout, this, &ConsoleController::readGuards);
    connect(m_proposals, &ProposalReview::problem, this,
            [this](const QString &description) { Q_EMIT connectionProblem(tr("Approval queue"), description); });
}

void ConsoleController::openInbox()
{
    if (const Result<void> opened = m_inbox->open(m_inboxLocation); !opened) {
        Q_EMIT connectionProblem(tr("Approval queue"), opened.error());
        Q_EMIT inboxProblem(opened.error());
        return;
    }
    m_proposals->start();
    m_guardPoll.start();
    readGuards();
}

void ConsoleController::readGuards()
{
    // An inbox that cannot say has no guard this console could count on.
    const Result<QList<GuardHeartbeat>> read = m_inbox->guards();
    m_guards = read ? read.value() : QList<GuardHeartbeat>();
    Q_EMIT guardsChanged();
}

void ConsoleController::runAsGuard(std::function<bool()> mayAct, const Proposer &proposer)
{
    m_guardMayAct = std::move(mayAct);
    m_guardProposer = proposer;
    m_guardrails->setActorName(proposer.agent);
    m_guardrails->setRollbackProposer([this](const FlagRef &ref) { proposeRollback(ref); });
    m_guardReconsider.setInterval(GuardReconsiderMs);
    connect(&m_guardReconsider, &QTimer::timeout, m_guardrails, &GuardrailWatcher::reconsider);
    m_guardReconsider.start();
}


QString ConsoleController::serverIdentity(const QString &connectionId) const
{
    for (const ConnectionConfig &config : m_configs) {
        if (config.id == connectionId)
            return config.kind == ConnectionConfig::Kind::Sandbox ? QStringLiteral("sandbox:") + config.id
                                                                   : config.url.toString(QUrl::StripTrailingSlash);
    }
    return connectionId;
}

bool ConsoleController::claimRegression(const FlagRef &ref, const Flag &flag, FlagAction action)
{
    if (m_guardMayAct && !m_guardMayAct())
        return false;
    if (!m_inbox->isOpen())
        return !m_guardMayAct; // a guard always has its team inbox; a lone console acts
    const QString key = QStringLiteral("%1 %2 %3 %4@%5")
                            .arg(flagActionName(action), serverIdentity(ref.connectionId), ref.environment, ref.key,
                                 flag.revision);
    const Result<bool> claimed = m_inbox->claimAction(key, m_guardrails->actorName(), QDateTime::currentMSecsSinceEpoch(),
                                                      action == FlagAction::Kill ? KillClaimTakeOverMs : 0);
    if (!claimed) {
        Q_EMIT connectionProblem(tr("Approval queue"), claimed.error());
        // A console that cannot reach the inbox still stops a regression; a guard never acts unsure.
        return !m_guardMayAct;
    }
    return claimed.value();
}

void ConsoleController::proposeRollback(const FlagRef &ref)
{
    const FlagStore::Entry *row = m_flags->find(ref);
    if (!row)
        return;
    const FlagHealth health = m_guardrails->monitor()->health(ref);
    const FlagAction action = m_stages->preview(ref, FlagAction::RollbackStage) ? FlagAction::RollbackStage : FlagAction::Kill;
    const QString reason = tr("Guardrail regression seen by %1: %2. Its contract does not set auto_kill, so a person "
                              "decides.")
                               .arg(m_guardProposer.agent, health.summary);
    const GuardrailWatch *watch = m_guardrails->monitor()->watch(ref);
    const Result<Proposal> stored = m_inbox->propose(
        evidencedProposal(*row, action, reason, health, m_guardProposer, watch ? watch->controlId : QString()));
    if (!stored) {
        Q_EMIT connectionProblem(tr("Approval queue"), stored.error());
        return;
    }
    Q_EMIT rollbackProposed(stored.value());
}

void ConsoleController::setSandboxAgentEnabled(bool enabled)
{
    Preferences preferences = PreferenceSettings(m_settings).load();
    preferences.sandboxAgent = enabled;
    PreferenceSettings(m_settings).save(preferences);
}

Preferences ConsoleController::preferences() const
{
    return PreferenceSettings(m_settings).load();
}

void ConsoleController::setPreferences(const Preferences &preferences)
{
    const Preferences before = PreferenceSettings(m_settings).load();
    PreferenceSettings(m_settings).save(preferences);
    if (preferences.contractsFolder != before.contractsFolder)
        m_contracts->setFolder(preferences.contractsFolder);
    for (FlagServer *flagServer : std::as_const(m_servers))
        flagServer->setPollInterval(preferences.pollSeconds * 1000);
}

bool ConsoleController::hasConfiguredConnections() const
{
    return !ConnectionSettings(m_settings).load().isEmpty();
}

void ConsoleController::saveFlagStatuses()
{
    for (const FlagRef &ref : std::as_const(m_statusChanged)) {
        const FlagStore::Entry *row = m_flags->find(ref);
        if (!row || !row->isLive())
            continue;
        QJsonObject status{{QStringLiteral("stage"), row->stage}};
        // The eval evidence the next stage requires: an agent cites it, and does not propose an
        // advance the evidence does not support.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QJsonArray evals;
        for (const EvalCheck &check : m_stages->nextStageEvals(ref))
            evals.append(evalCheckToJson(check, now));
        status.insert(QStringLiteral("evals"), evals);
        if (m_guardrails->monitor()->isWatched(ref))
            status.insert(QStringLiteral("guardrails"), flagHealthToJson(m_guardrails->monitor()->health(ref)));
        if (row->cleanup)
            status.insert(QStringLiteral("cleanup"), cleanupToJson(*row->cleanup));
        m_audit->saveStatus({ref.connectionId, ref.environment, ref.key, status});
    }
    m_statusChanged.clear();
}

ConsoleController::~ConsoleController()
{
    // Servers first: their last signals must not reach models that are already gone.
    qDeleteAll(m_syncs);
    m_syncs.clear();
    qDeleteAll(m_servers);
    m_servers.clear();
    m_audit->flush();
}

void ConsoleController::start(bool sandboxOnly)
{
    m_configs = ConnectionSettings(m_settings).load();
    const auto isSandbox = [](const ConnectionConfig &config) { return config.kind == ConnectionConfig::Kind::Sandbox; };
    const bool hasSandbox = std::any_of(m_configs.cbegin(), m_configs.cend(), isSandbox);
    if (!hasSandbox && (m_configs.isEmpty() || sandboxOnly)) {
        m_configs.append(ConnectionSettings::defaultSandbox(tr("Sandbox")));
        persist();
    }
    m_started = true;
    QList<ConnectionConfig> active = m_configs;
    if (sandboxOnly)
        active.removeIf([&](const ConnectionConfig &config) { return !isSandbox(config); });
    for (const ConnectionConfig &config : std::as_const(active))
        m_awaitingFirstLoad.insert(config.id);
    for (const ConnectionConfig &config : std::as_const(active))
        startConnection(config);
    m_guardrails->start();
    openInbox();
    // The simulated agent proposes through this console's own connection. On a team inbox that is
    // the reviewer's role, which may not propose, and whose proposals it could not decide: the
    // simulated agent belongs to one machine.
    if (m_inbox->isOpen() && m_inbox->engine() == ProposalInbox::Engine::Sqlite && !m_guardMayAct
        && std::any_of(active.cbegin(), active.cend(), isSandbox) && PreferenceSettings(m_settings).load().sandboxAgent)
        m_sandboxAgent->start(SandboxAgentFirstLookMs);
}

bool ConsoleController::isSandbox(const QString &connectionId) const
{
    return std::any_of(m_configs.cbegin(), m_configs.cend(), [&](const ConnectionConfig &config) {
        return config.id == connectionId && config.kind == ConnectionConfig::Kind::Sandbox;
    });
}

void ConsoleController::usePrometheus(const QUrl &url)
{
    PrometheusSource::Options options;
    options.baseUrl = url;
    m_settings.beginGroup(QStringLiteral("metrics/prometheus"));
    options.stepMs = m_settings.value(QStringLiteral("stepSeconds"), options.stepMs / 1000).toInt() * 1000;
    m_settings.beginGroup(QStringLiteral("templates"));
    for (const QString &metric : m_settings.childKeys())
        options.templates.insert(metric, m_settings.value(metric).toString());
    m_settings.endGroup();
    m_settings.endGroup();
    // Each connection says where its telemetry names the environment (default: the flag set).
    options.environmentOf = [this](const FlagRef &flag) -> PrometheusSource::EnvironmentSelector {
        const auto config = std::find_if(m_configs.cbegin(), m_configs.cend(),
                                         [&](const ConnectionConfig &each) { return each.id == flag.connectionId; });
        const ConnectionConfig preference = config != m_configs.cend() ? *config : ConnectionConfig();
        return {preference.metricsEnvironmentLabel, preference.metricsEnvironmentOf(flag.environment)};
    };
    m_guardrails->usePrometheus(options);
}

void ConsoleController::setContractsFolder(const QString &folder, bool remember)
{
    if (remember)
        m_settings.setValue(QString::fromLatin1(PreferenceKeys::ContractsFolder), folder);
    m_contracts->setFolder(folder);
}

void ConsoleController::startOffline()
{
    m_offline = true;
    m_started = true;
    m_readingCache = true;
    m_configs = ConnectionSettings(m_settings).load();
    openInbox();
    for (const ConnectionConfig &config : std::as_const(m_configs)) {
        m_flags->setServerName(config.id, config.displayName);
        changeStatus(config.id, [&](ConnectionStatus &status) {
            status.displayName = config.displayName;
            status.state = ConnectionState::Offline;
            status.detail = tr("showing the audit cache");
        });
    }
    m_audit->readCachedFlags(this, [this](const QList<CachedFlag> &cached) {
        QHash<QString, QSet<QString>> environments;
        for (const CachedFlag &entry : cached) {
            // A connection removed since keeps its history; its flags are shown under its id.
            m_flags->showCached({entry.server, entry.environment, entry.flag.key}, entry.flag, entry.seenMs);
            environments[entry.server].insert(entry.environment);
        }
        for (auto it = environments.constBegin(); it != environments.constEnd(); ++it) {
            QStringList sorted = it.value().values();
            sorted.sort();
            const bool removed = m_flags->serverName(it.key()).isEmpty();
            changeStatus(it.key(), [&](ConnectionStatus &status) {
                if (removed) {
                    status.displayName = it.key();
                    status.state = ConnectionState::Offline;
                    status.detail = tr("removed; showing the audit cache");
                }
                status.environments = sorted;
            });
        }
        m_stages->refreshStages();
        m_readingCache = false;
        Q_EMIT initialLoadFinished();
    });
}

void ConsoleController::startConnection(const ConnectionConfig &config)
{
    m_flags->setServerName(config.id, config.displayName);
    changeStatus(config.id, [&](ConnectionStatus &status) { status.displayName = config.displayName; });
    FlagServer *flagServer = createFlagServer(config, m_secrets);
    if (!flagServer) {
        const QString detail = tr("this version of FlagDeck has no %1 connector yet").arg(connectionKindName(config.kind));
        changeStatus(config.id, [&](ConnectionStatus &status) {
            status.state = ConnectionState::Failed;
            status.detail = detail;
        });
        Q_EMIT connectionProblem(config.displayName, detail);
        markLoaded(config.id);
        return;
    }
    m_servers.insert(config.id, flagServer);
    flagServer->setPollInterval(PreferenceSettings(m_settings).load().pollSeconds * 1000);
    // Owned by the server, so it goes with the connection.
    if (flagServer->capabilities().testFlag(FlagServer::Capability::ExposureCounts))
        m_guardrails->setConnectionSource(config.id, new ExposureSource(flagServer, flagServer));
    const QString id = config.id;
    AuditSync *sync = nullptr;
    if (flagServer->capabilities().testFlag(FlagServer::Capability::AuditHistory)) {
        sync = new AuditSync(flagServer, m_audit.get());
        m_syncs.insert(id, sync);
        // The first load includes the history, so stages and readiness start from it.
        const QString historyKey = id + QStringLiteral("#history");
        if (m_awaitingFirstLoad.contains(id))
            m_awaitingFirstLoad.insert(historyKey);
        const auto historyLoaded = [this, id, historyKey] {
            // Read back through the writer: the last pages are on disk before the stages look.
            m_audit->readCursor(id, this, [this, historyKey](const QString &) {
                if (!m_awaitingFirstLoad.contains(historyKey))
                    return;
                m_stages->refreshStages();
                markLoaded(historyKey);
            });
        };
        connect(sync, &AuditSync::caughtUp, this, historyLoaded);
        connect(sync, &AuditSync::failed, this, [this, flagServer, historyLoaded](const QString &reason) {
            Q_EMIT connectionProblem(flagServer->displayName(), tr("cannot read its history: %1").arg(reason));
            historyLoaded();
        });
    }
    connect(flagServer, &FlagServer::stateChanged, this, [this, flagServer, id, sync](ConnectionState state, const QString &detail) {
        changeStatus(id, [&](ConnectionStatus &status) {
            status.state = state;
            status.detail = detail;
        });
        showKillAvailability(flagServer);
        if (state == ConnectionState::Connected && sync)
            sync->start();
        if (state == ConnectionState::Connected)
            m_guardRetryMs.remove(id);
        if (state == ConnectionState::Failed) {
            Q_EMIT connectionProblem(flagServer->displayName(), detail);
            if (m_guardMayAct) {
                int &wait = m_guardRetryMs[id];
                wait = wait == 0 ? GuardRetryFirstMs : std::min(wait * 2, GuardRetryMaxMs);
                QTimer::singleShot(wait, flagServer, [flagServer] {
                    if (flagServer->state() == ConnectionState::Failed)
                        flagServer->connectToServer();
                });
            }
        }
    });
    connect(flagServer, &FlagServer::loaded, this, [this, flagServer, id] {
        markLoaded(id);
        // Now the server's word is in: what an earlier run asked and never heard back is told.
        if (flagServer->state() == ConnectionState::Connected)
            m_interrupted->check(id);
        if (flagServer->state() == ConnectionState::Failed)
            markLoaded(id + QStringLiteral("#history"));
    });
    connect(flagServer, &FlagServer::environmentsChanged, this, [this, id](const QStringList &environments) {
        changeStatus(id, [&](ConnectionStatus &status) { status.environments = environments; });
    });
    connect(flagServer, &FlagServer::flagsReplaced, m_flags, [this, id, flagServer](const QString &environment, const QList<Flag> &flags) {
        m_flags->reportEnvironment(id, environment, flags);
        showKillAvailability(flagServer);
    });
    connect(flagServer, &FlagServer::flagChanged, m_flags,
            [this, id](const QString &environment, const Flag &flag) { m_flags->reportFlag({id, environment, flag.key}, flag); });
    flagServer->connectToServer();
}

void ConsoleController::showKillAvailability(const FlagServer *server)
{
    const QString id = server->config().id;
    for (const FlagRef &ref : m_flags->refs()) {
        if (ref.connectionId == id)
            m_flags->setKillUnavailable(ref, server->capabilityProblem(FlagServer::Capability::Kill, ref.environment));
    }
}

void ConsoleController::flagsReported(const QList<FlagRef> &refs)
{
    // An empty list would mean every flag to refreshStages; an environment that lost its last
    // flag still changes what the guardrails watch.
    if (!refs.isEmpty())
        m_stages->refreshStages(refs);
    m_guardrails->scheduleRefresh();
}

ConnectionState ConsoleController::connectionState(const QString &connectionId) const
{
    for (const ConnectionStatus &status : m_statuses) {
        if (status.id == connectionId)
            return status.state;
    }
    return ConnectionState::Disconnected;
}

template<typename Change>
void ConsoleController::changeStatus(const QString &connectionId, Change change)
{
    auto status = std::find_if(m_statuses.begin(), m_statuses.end(),
                               [&](const ConnectionStatus &each) { return each.id == connectionId; });
    if (status == m_statuses.end()) {
        m_statuses.append({connectionId, connectionId, ConnectionState::Disconnected, {}, {}});
        status = m_statuses.end() - 1;
    }
    change(*status);
    Q_EMIT connectionStatusChanged(*status);
}

void ConsoleController::markLoaded(const QString &connectionId)
{
    if (!m_awaitingFirstLoad.remove(connectionId))
        return;
    if (m_awaitingFirstLoad.isEmpty())
        Q_EMIT initialLoadFinished();
}

void ConsoleController::exportAudit(const AuditFilter &filter, AuditExportFormat format, const QString &filePath)
{
    // The rows written, or why the export failed.
    auto outcome = std::make_shared<Result<qint64>>(0);
    const QString cachePath = m_audit->path();
    QThread *job = QThread::create([outcome, cachePath, filter, format, filePath] {
        AuditCache cache;
        QSaveFile file(filePath);
        if (const Result<void> opened = cache.open(cachePath); !opened)
            *outcome = Result<qint64>::failure(opened.error());
        else if (!file.open(QIODevice::WriteOnly))
            *outcome = Result<qint64>::failure(tr("cannot write %1: %2").arg(filePath, file.errorString()));
        else if (*outcome = AuditExporter::write(cache, filter, format, &file); *outcome && !file.commit())
            *outcome = Result<qint64>::failure(tr("cannot write %1: %2").arg(filePath, file.errorString()));
    });
    // Delivered on this thread, and not at all if the controller is gone by then.
    connect(job, &QThread::finished, this, [this, outcome, filePath] {
        Q_EMIT auditExportFinished(filePath, outcome->ok() ? outcome->value() : 0, outcome->error());
    });
    connect(job, &QThread::finished, job, &QObject::deleteLater);
    job->start();
}

QString ConsoleController::addSandboxConnection(const QString &displayName)
{
    const ConnectionConfig config = ConnectionSettings::newSandbox(displayName);
    m_configs.append(config);
    persist();
    if (m_started && !m_offline)
        startConnection(config);
    return config.id;
}

void ConsoleController::checkSecretStore(std::function<void(const QString &problem)> done)
{
    m_secrets->checkAvailable([guard = QPointer(this), done = std::move(done)](const QString &problem) {
        if (guard)
            done(problem);
    });
}

void ConsoleController::addServerConnection(ConnectionConfig config, const QString &token,
                                            std::function<void(const QString &, const QString &)> done)
{
    config.id = QStringLiteral("%1-%2").arg(connectionKindName(config.kind).toLower(),
                                            QUuid::createUuid().toString(QUuid::Id128).left(12));
    config.secretRef = QStringLiteral("connection/%1/token").arg(config.id);
    m_secrets->writeSecret(config.secretRef, token, [this, guard = QPointer(this), config, done](const QString &error) {
        if (!guard)
            return;
        if (!error.isEmpty()) {
            done({}, tr("the token could not be stored in the keychain, so the connection was not added: %1").arg(error));
            return;
        }
        m_configs.append(config);
        persist();
        if (m_started && !m_offline)
            startConnection(config);
        done(config.id, {});
    });
}

void ConsoleController::removeConnection(const QString &connectionId)
{
    for (const ConnectionConfig &config : std::as_const(m_configs)) {
        if (config.id == connectionId && !config.secretRef.isEmpty())
            m_secrets->removeSecret(config.secretRef, [](const QString &) {});
    }
    m_configs.removeIf([&](const ConnectionConfig &config) { return config.id == connectionId; });
    persist();
    delete m_syncs.take(connectionId);
    m_guardrails->setConnectionSource(connectionId, nullptr);
    delete m_servers.take(connectionId);
    markLoaded(connectionId + QStringLiteral("#history"));
    m_flags->removeConnection(connectionId);
    m_guardrails->scheduleRefresh();
    m_statuses.removeIf([&](const ConnectionStatus &status) { return status.id == connectionId; });
    Q_EMIT connectionRemoved(connectionId);
    markLoaded(connectionId);
}

void ConsoleController::writeTokenFile(const QString &connectionId, const QString &path,
                                       std::function<void(const QString &error)> done)
{
    const auto config = std::find_if(m_configs.cbegin(), m_configs.cend(),
                                     [&](const ConnectionConfig &candidate) { return candidate.id == connectionId; });
    if (config == m_configs.cend() || config->secretRef.isEmpty()) {
        done(tr("this connection has no token"));
        return;
    }
    m_secrets->readSecret(config->secretRef, [path, done = std::move(done)](Result<QString> token) {
        if (!token) {
            done(token.error());
            return;
        }
        const Result<void> written = FileSecretStore::writeTokenFile(path, token.value());
        done(written ? QString() : written.error());
    });
}

void ConsoleController::persist()
{
    ConnectionSettings(m_settings).save(m_configs);
}

ConsoleController::PersonChange ConsoleController::applyStage(const StagePreview &preview, const QString &comment)
{
    PersonChange change;
    if (preview.approvalsRequired > 0) {
        const Result<Proposal> queued = m_proposals->proposeForPerson(preview.ref, preview.action, {}, preview.risk, comment);
        if (queued)
            change.queued = queued.value();
        else
            change.refusal = queued.error();
        return change;
    }
    change.sent = m_stages->apply(preview, comment);
    if (!change.sent)
        change.refusal = tr("not sent: a change of this flag is still under way, or the flag or its contract changed "
                            "since; look again");
    return change;
}

Result<Proposal> ConsoleController::proposeArchive(const FlagRef &ref, const QString &reason)
{
    if (const QString problem = m_stages->archiveProblem(ref); !problem.isEmpty())
        return Result<Proposal>::failure(problem);
    // Code that still reads an archived flag gets its built-in default at once: high risk.
    return m_proposals->proposeForPerson(ref, FlagAction::Archive, {}, Contract::Risk::High, reason);
}

Contract::Risk ConsoleController::revertRisk(const RevertPreview &preview)
{
    if (preview.target.enabled != preview.current.enabled)
        return Contract::Risk::High;
    return riskOfExposure(movedBasisPoints(preview.current.rollout, preview.target.rollout));
}

ConsoleController::PersonChange ConsoleController::applyRevert(const RevertPreview &preview, const QString &comment,
                                                               PersonChangeDone done)
{
    PersonChange change;
    if (const std::optional<RevertRefusal> refused = m_reverts->check(preview)) {
        change.refusal = refused->reason;
        change.changedSince = refused->changedSince;
        return change;
    }
    if (!preview.canApply()) {
        change.refusal = preview.changesNothing() ? tr("%1 already is as it was").arg(preview.ref.key)
                                                  : preview.problems.join(QStringLiteral("; "));
        return change;
    }
    const Contract::Risk risk = revertRisk(preview);
    if (m_stages->contractApprovals(preview.ref, FlagAction::Revert, risk) > 0) {
        const Result<Proposal> queued = m_proposals->proposeForPerson(
            preview.ref, FlagAction::Revert, revertParameters(preview.entryIds), risk, comment);
        if (queued)
            change.queued = queued.value();
        else
            change.refusal = queued.error();
        return change;
    }
    change.sent = m_reverts->apply(preview, comment, [done](const ConfirmedChanges::Outcome &outcome) {
        if (done)
            done(outcome.confirmed, outcome.reason);
    });
    if (!change.sent)
        change.refusal = tr("not sent: a change of %1 is still under way; look again").arg(preview.ref.key);
    return change;
}
