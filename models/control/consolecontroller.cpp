#include "consolecontroller.h"

#include "../connectors/sandbox/sandboxserver.h"
#include "../item/connectiontreemodel.h"
#include "../item/flagtablemodel.h"
#include "../store/auditcache.h"
#include "../store/connectionsettings.h"
#include "killswitch.h"

#include <QSettings>

namespace {

// Backends for FeatBit and Unleash plug in here as they arrive.
FlagServer *createServer(const ConnectionConfig &config, QObject *parent)
{
    switch (config.kind) {
    case ConnectionConfig::Kind::Sandbox:
        return new SandboxServer(config, SandboxServer::defaultDatabasePath(config.id), parent);
    case ConnectionConfig::Kind::FeatBit:
    case ConnectionConfig::Kind::Unleash:
        return nullptr;
    }
    return nullptr;
}

} // namespace

ConsoleController::ConsoleController(QSettings &settings, std::unique_ptr<AuditCache> audit, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_audit(std::move(audit))
    , m_flags(new FlagTableModel(this))
    , m_connections(new ConnectionTreeModel(this))
    , m_killSwitch(new KillSwitch(m_flags, m_audit.get(), [this](const QString &id) { return server(id); }, this))
{
}

ConsoleController::~ConsoleController()
{
    // Servers first: their last signals must not reach models that are already gone.
    qDeleteAll(m_servers);
    m_servers.clear();
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
}

void ConsoleController::startConnection(const ConnectionConfig &config)
{
    m_connections->addConnection(config.id, config.displayName);
    FlagServer *flagServer = createServer(config, nullptr);
    if (!flagServer) {
        const QString detail = tr("this version of FlagDeck has no %1 connector yet").arg(connectionKindName(config.kind));
        m_connections->setState(config.id, ConnectionState::Failed, detail);
        Q_EMIT connectionProblem(config.displayName, detail);
        markLoaded(config.id);
        return;
    }
    m_servers.insert(config.id, flagServer);
    const QString id = config.id;
    connect(flagServer, &FlagServer::stateChanged, this, [this, flagServer, id](ConnectionState state, const QString &detail) {
        m_connections->setState(id, state, detail);
        if (state == ConnectionState::Failed) {
            Q_EMIT connectionProblem(flagServer->displayName(), detail);
            markLoaded(id);
        }
    });
    connect(flagServer, &FlagServer::environmentsChanged, this,
            [this, id](const QStringList &environments) { m_connections->setEnvironments(id, environments); });
    connect(flagServer, &FlagServer::flagsReplaced, this,
            [this, flagServer, id](const QString &environment, const QList<Flag> &flags) {
                m_flags->replaceFlags(id, flagServer->displayName(), environment, flags);
                m_loadedEnvironments[id].insert(environment);
                if (m_loadedEnvironments[id].size() >= flagServer->environments().size())
                    markLoaded(id);
            });
    connect(flagServer, &FlagServer::flagChanged, this,
            [this, flagServer, id](const QString &environment, const Flag &flag) {
                const FlagRef ref{id, environment, flag.key};
                if (m_flags->row(ref))
                    m_killSwitch->noteServerFlag(ref, flag);
                else
                    m_flags->upsertFlag(id, flagServer->displayName(), environment, flag);
            });
    flagServer->connectToServer();
}

void ConsoleController::markLoaded(const QString &connectionId)
{
    if (!m_awaitingFirstLoad.remove(connectionId))
        return;
    if (m_awaitingFirstLoad.isEmpty())
        Q_EMIT initialLoadFinished();
}

QString ConsoleController::addSandboxConnection(const QString &displayName)
{
    const ConnectionConfig config = ConnectionSettings::newSandbox(displayName);
    m_configs.append(config);
    persist();
    startConnection(config);
    return config.id;
}

void ConsoleController::removeConnection(const QString &connectionId)
{
    m_configs.removeIf([&](const ConnectionConfig &config) { return config.id == connectionId; });
    persist();
    delete m_servers.take(connectionId);
    m_loadedEnvironments.remove(connectionId);
    m_flags->removeConnection(connectionId);
    m_connections->removeConnection(connectionId);
    markLoaded(connectionId);
}

void ConsoleController::persist()
{
    ConnectionSettings(m_settings).save(m_configs);
}
