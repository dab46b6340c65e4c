#include "connectionprobe.h"

#include "../connectors/flagserver.h"
#include "flagserverfactory.h"
#include "../store/memorysecretstore.h"

ConnectionProbe::ConnectionProbe(QObject *parent)
    : QObject(parent)
    , m_secrets(std::make_unique<MemorySecretStore>())
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(TimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(false, tr("no answer within %1 s: check the address and that the server is running").arg(TimeoutMs / 1000));
    });
}

ConnectionProbe::~ConnectionProbe()
{
    delete m_server;
}

void ConnectionProbe::start(const ConnectionConfig &config, const QString &token)
{
    delete m_server;
    m_server = nullptr;
    ConnectionConfig probed = config;
    probed.secretRef = QStringLiteral("probe");
    m_secrets->writeSecret(probed.secretRef, token, [](const QString &) {});
    m_server = createFlagServer(probed, m_secrets.get());
    if (!m_server) {
        Q_EMIT finished(false, tr("this version of FlagDeck has no %1 connector yet").arg(connectionKindName(config.kind)));
        return;
    }
    m_flags = 0;
    FlagServer *server = m_server;
    connect(server, &FlagServer::flagsReplaced, this,
            [this](const QString &, const QList<Flag> &flags) { m_flags += int(flags.size()); });
    connect(server, &FlagServer::loaded, this, [this, server] {
        if (server->state() == ConnectionState::Failed)
            return finish(false, server->stateDetail());
        if (const QString problem = server->liveUpdatesProblem(); !problem.isEmpty())
            return finish(false, problem);
        finish(true, tr("Connected. Environments: %1, flags: %2. %3")
                         .arg(server->environments().size())
                         .arg(m_flags)
                         .arg(server->stateDetail()));
    });
    m_timeout.start();
    server->connectToServer();
}

void ConnectionProbe::finish(bool ok, const QString &summary)
{
    if (!m_server)
        return;
    m_timeout.stop();
    // Deleted later: this may run inside one of the server's own signals.
    m_server->disconnect(this);
    m_server->deleteLater();
    m_server = nullptr;
    Q_EMIT finished(ok, summary);
}
