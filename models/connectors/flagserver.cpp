#include "flagserver.h"

#include "serverreply.h"

FlagServer::FlagServer(ConnectionConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    // Backends say "connected" before or after their first snapshots; either order ends the load.
    connect(this, &FlagServer::flagsReplaced, this, [this](const QString &environment) {
        m_loadedEnvironments.insert(environment);
        checkLoaded();
    });
    connect(this, &FlagServer::stateChanged, this, &FlagServer::checkLoaded);
}

void FlagServer::checkLoaded()
{
    if (m_loaded)
        return;
    const QStringList expected = environments();
    const bool allEnvironments = m_state == ConnectionState::Connected
        && std::all_of(expected.cbegin(), expected.cend(),
                       [this](const QString &environment) { return m_loadedEnvironments.contains(environment); });
    if (!allEnvironments && m_state != ConnectionState::Failed)
        return;
    m_loaded = true;
    m_loadedEnvironments.clear();
    // Queued: whoever else listens to the signal that completed the load has it first.
    QMetaObject::invokeMethod(this, [this] { Q_EMIT loaded(); }, Qt::QueuedConnection);
}

void FlagServer::setState(ConnectionState state, const QString &detail)
{
    if (m_state == state && m_stateDetail == detail)
        return;
    m_state = state;
    m_stateDetail = detail;
    Q_EMIT stateChanged(state, detail);
}

void FlagServer::fetchExposures(const QString &, const QString &, std::function<void(Result<QList<ExposureHour>>)> done)
{
    done(Result<QList<ExposureHour>>::failure(tr("%1 does not report how often variations were served").arg(displayName())));
}

std::optional<FlagUsage> FlagServer::usage(const QString &, const QString &) const
{
    return std::nullopt;
}

ServerReply *FlagServer::archiveFlag(const QString &, const QString &, const QString &)
{
    auto *reply = new ServerReply(this);
    const ServerError error{ServerError::Kind::Unsupported, tr("%1 cannot archive flags from FlagDeck").arg(displayName())};
    // Finished on the next turn: callers connect to finished() after the call.
    QMetaObject::invokeMethod(reply, [reply, error] { reply->finishWithError(error); }, Qt::QueuedConnection);
    return reply;
}

QStringList FlagServer::archiveReach(const QString &environment, const QString &) const
{
    return {environment};
}

void FlagServer::setPollInterval(int) {}

QString FlagServer::capabilityProblem(Capability, const QString &) const
{
    return {};
}

TokenIdentity FlagServer::tokenIdentity() const
{
    TokenIdentity identity;
    identity.server = displayName();
    identity.note = tr("%1 does not say whose token this is").arg(displayName());
    return identity;
}
