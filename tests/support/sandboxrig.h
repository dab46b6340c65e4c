#pragma once

#include "connectors/sandbox/sandboxserver.h"
#include "control/confirmedchanges.h"
#include "control/flagstore.h"
#include "item/flagtablemodel.h"
#include "testaudit.h"

#include <QAbstractItemModelTester>
#include <QList>
#include <QTemporaryDir>

#include <map>
#include <memory>

// A flag store fed by in-process sandbox servers as the console controller feeds it, over a real
// audit cache in a temporary folder of its own, with the flag table over it under a Fatal
// QAbstractItemModelTester. Make one per test function; destroy what works on its store and
// servers (a kill switch, stage actions, a watcher...) before it. It destroys its servers first,
// then the table, the store, the audit writer and last the folder.
class SandboxRig
{
public:
    SandboxRig()
    {
        if (!m_dir.isValid())
            qFatal("cannot make the test folder: %s", qPrintable(m_dir.errorString()));
        m_audit = TestAudit::openWriter(filePath(QStringLiteral("audit.sqlite")));
        m_store = std::make_unique<FlagStore>(m_audit.get());
        m_model = std::make_unique<FlagTableModel>(m_store.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    Q_DISABLE_COPY_MOVE(SandboxRig)

    // A sandbox server on databasePath(id) that answers on the next turn of the event loop, its
    // flags shown under displayName. It connects at once; its flags reach the store once the event
    // loop runs, so a test may wire more to it first. Server: SandboxServer or a test's own kind of it.
    template<typename Server = SandboxServer>
    Server *addServer(const QString &id, const QString &displayName)
    {
        if (m_servers.count(id))
            qFatal("the rig has a server %s already", qPrintable(id));
        ConnectionConfig config;
        config.id = id;
        config.displayName = displayName;
        auto owned = std::make_unique<Server>(config, databasePath(id));
        Server *server = owned.get();
        server->setLatency(0, 0);
        // As the console controller wires a connection: every word of the server goes into the store.
        FlagStore *store = m_store.get();
        store->setServerName(id, displayName);
        QObject::connect(server, &FlagServer::flagsReplaced, store,
                         [store, id](const QString &environment, const QList<Flag> &flags) {
                             store->reportEnvironment(id, environment, flags);
                         });
        QObject::connect(server, &FlagServer::flagChanged, store,
                         [store, id](const QString &environment, const Flag &flag) {
                             store->reportFlag({id, environment, flag.key}, flag);
                         });
        server->connectToServer();
        m_servers.emplace(id, std::move(owned));
        return server;
    }

    // The server added as id, or nullptr.
    SandboxServer *server(const QString &id) const
    {
        const auto found = m_servers.find(id);
        return found == m_servers.end() ? nullptr : found->second.get();
    }
    // Every server added, by id.
    QList<SandboxServer *> allServers() const
    {
        QList<SandboxServer *> all;
        for (const auto &[id, server] : m_servers)
            all.append(server.get());
        return all;
    }
    // The servers as a kill switch, stage actions or confirmed changes look them up.
    ConfirmedChanges::ServerLookup servers() const
    {
        return [this](const QString &id) -> FlagServer * { return server(id); };
    }

    // A file in the rig's folder (which goes with the rig).
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // The sandbox database of the server added as id.
    QString databasePath(const QString &id) const { return filePath(id + QStringLiteral(".sqlite")); }

    AuditWriter *audit() const { return m_audit.get(); }
    FlagStore *store() const { return m_store.get(); }
    FlagTableModel *model() const { return m_model.get(); }

private:
    // Destroyed in the reverse order: the servers first, the folder last.
    QTemporaryDir m_dir;
    std::unique_ptr<AuditWriter> m_audit;
    std::unique_ptr<FlagStore> m_store;
    std::unique_ptr<FlagTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::map<QString, std::unique_ptr<SandboxServer>> m_servers;
};
