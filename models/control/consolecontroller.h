#pragma once

#include "../core/connectionconfig.h"
#include "../core/flagref.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class AuditCache;
class ConnectionTreeModel;
class FlagServer;
class FlagTableModel;
class KillSwitch;
class QSettings;

// Moves data between the flag servers, the stores and the item models, so that none of them
// needs to know the others. The widgets see the models and ask this controller to act.
class ConsoleController : public QObject
{
    Q_OBJECT

public:
    ConsoleController(QSettings &settings, std::unique_ptr<AuditCache> audit, QObject *parent = nullptr);
    ~ConsoleController() override;

    // Connects every configured server. On a first start (nothing configured), or when
    // sandboxOnly is set, the sandbox is used; a sandbox connection is created if there is none.
    void start(bool sandboxOnly);

    FlagTableModel *flagModel() const { return m_flags; }
    ConnectionTreeModel *connectionModel() const { return m_connections; }
    KillSwitch *killSwitch() const { return m_killSwitch; }
    AuditCache *auditCache() const { return m_audit.get(); }

    QList<ConnectionConfig> connections() const { return m_configs; }
    FlagServer *server(const QString &connectionId) const { return m_servers.value(connectionId); }
    // True once every started connection delivered its flags or failed.
    bool initialLoadDone() const { return m_started && m_awaitingFirstLoad.isEmpty(); }

    QString addSandboxConnection(const QString &displayName);
    void removeConnection(const QString &connectionId);

Q_SIGNALS:
    void initialLoadFinished();
    void connectionProblem(const QString &displayName, const QString &detail);

private:
    void startConnection(const ConnectionConfig &config);
    void persist();
    void markLoaded(const QString &connectionId);

    QSettings &m_settings;
    std::unique_ptr<AuditCache> m_audit;
    FlagTableModel *m_flags;
    ConnectionTreeModel *m_connections;
    KillSwitch *m_killSwitch;
    QList<ConnectionConfig> m_configs;
    QHash<QString, FlagServer *> m_servers;
    QHash<QString, QSet<QString>> m_loadedEnvironments;
    QSet<QString> m_awaitingFirstLoad;
    bool m_started = false;
};
