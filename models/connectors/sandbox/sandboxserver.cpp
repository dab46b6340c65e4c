#include "sandboxserver.h"

#include "../../core/flagjson.h"
#include "../../core/localaccount.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

namespace {

constexpr int AuditPageSize = 500;

// The sandbox records changes under the account of the process that made them, as a server
// records the token's owner.
QString localOperator()
{
    return LocalAccount::current().name;
}

} // namespace

SandboxServer::SandboxServer(ConnectionConfig config, QString databasePath, QObject *parent)
    : FlagServer(std::move(config), parent), m_databasePath(std::move(databasePath))
{
}

SandboxServer::~SandboxServer() = default;

QString SandboxServer::defaultDatabasePath(const QString &connectionId)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sandbox/")
        + connectionId + QStringLiteral(".sqlite");
}

FlagServer::Capabilities SandboxServer::capabilities() const
{
    return Capability::Environments | Capability::LiveUpdates | Capability::Kill | Capability::Restore
        | Capability::SetRollout | Capability::AuditHistory | Capability::Archive;
}

void SandboxServer::setLatency(int minMs, int maxMs)
{
    m_minLatencyMs = std::max(0, minMs);
    m_maxLatencyMs = std::max(m_minLatencyMs, maxMs);
}

void SandboxServer::failNextMutations(int count, const ServerError &error)
{
    m_failuresLeft = count;
    m_injectedError = error;
}

void SandboxServer::setUnresponsive(bool unresponsive)
{
    m_unresponsive = unresponsive;
}

void SandboxServer::afterLatency(std::function<void()> work)
{
    const int latency = m_maxLatencyMs == 0
        ? 0
        : int(QRandomGenerator::global()->bounded(m_minLatencyMs, m_maxLatencyMs + 1));
    QTimer::singleShot(latency, this, std::move(work));
}

void SandboxServer::connectToServer()
{
    if (state() == ConnectionState::Connected || state() == ConnectionState::Connecting)
        return;
    setState(ConnectionState::Connecting);
    afterLatency([this] {
        if (state() != ConnectionState::Connecting)
            return;
        m_database = std::make_unique<SandboxDatabase>(m_databasePath);
        if (const Result<void> opened = m_database->open(); !opened) {
            m_database.reset();
            setState(ConnectionState::Failed, opened.error());
            return;
        }
        m_flags.clear();
        for (const QString &environment : m_database->environments())
            m_flags.insert(environment, m_database->flags(environment));
        setState(ConnectionState::Connected);
        Q_EMIT environmentsChanged(m_flags.keys());
        for (auto it = m_flags.constBegin(); it != m_flags.constEnd(); ++it)
            Q_EMIT flagsReplaced(it.key(), it.value().values());
    });
}

void SandboxServer::disconnectFromServer()
{
    m_database.reset();
    m_flags.clear();
    setState(ConnectionState::Disconnected);
}

QStringList SandboxServer::environments() const
{
    return m_flags.keys();
}

ServerReply *SandboxServer::setEnabled(const QString &environment, const QString &flagKey, bool enabled,
                                       const QString &comment)
{
    const QString action = enabled ? QStringLiteral("restore") : QStringLiteral("kill");
    return mutate(environment, flagKey, action, comment, [enabled](const Flag &current) {
        Flag changed = current;
        changed.enabled = enabled;
        return Result<Flag>(changed);
    });
}

ServerReply *SandboxServer::setRollout(const QString &environment, const QString &flagKey, const Rollout &rollout,
                                       const QString &expectedRevision, const QString &comment)
{
    return mutate(environment, flagKey, QStringLiteral("set_rollout"), comment,
                  [rollout, expectedRevision](const Flag &current) {
                      if (current.revision != expectedRevision)
                          return Result<Flag>::failure(QStringLiteral("conflict"));
                      Flag changed = current;
                      changed.rollout = rollout;
                      if (const Result<void> consistent = changed.checkConsistency(); !consistent)
                          return Result<Flag>::failure(consistent.error());
                      return Result<Flag>(changed);
                  });
}

ServerReply *SandboxServer::archiveFlag(const QString &environment, const QString &flagKey, const QString &comment)
{
    return replyLater([=, this](ServerReply *reply) {
        if (!m_flags.value(environment).contains(flagKey)) {
            reply->finishWithError({ServerError::Kind::NotFound, tr("no flag %1 in %2").arg(flagKey, environment)});
            return;
        }
        const Flag archived = m_flags[environment].take(flagKey);
        AuditEntry history;
        history.environment = environment;
        history.flagKey = flagKey;
        history.action = QStringLiteral("archive");
        history.actor = localOperator();
        history.timeMs = QDateTime::currentMSecsSinceEpoch();
        history.before = flagToJson(archived);
        history.comment = comment;
        if (const Result<void> stored = m_database->archiveFlag(environment, flagKey, history); !stored) {
            m_flags[environment].insert(flagKey, archived);
            reply->finishWithError({ServerError::Kind::ServerFailure, stored.error()});
            return;
        }
        reply->finishWithFlag(archived);
        // The environment without it, as a server's next snapshot would show it.
        Q_EMIT flagsReplaced(environment, m_flags.value(environment).values());
    });
}

ServerReply *SandboxServer::mutate(const QString &environment, const QString &flagKey, const QString &action,
                                   const QString &comment, Mutation mutation)
{
    return replyLater([=, this](ServerReply *reply) {
        const auto environmentFlags = m_flags.constFind(environment);
        if (environmentFlags == m_flags.constEnd() || !environmentFlags->contains(flagKey)) {
            reply->finishWithError({ServerError::Kind::NotFound, tr("no flag %1 in %2").arg(flagKey, environment)});
            return;
        }
        const Flag before = environmentFlags->value(flagKey);
        Result<Flag> after = mutation(before);
        if (!after) {
            const bool conflict = after.error() == QLatin1String("conflict");
            reply->finishWithError({conflict ? ServerError::Kind::Conflict : ServerError::Kind::Protocol,
                                    conflict ? tr("revision %1 is no longer current").arg(before.revision)
                                             : after.error()});
            return;
        }
        if (after.value() == before) { // already in that state: a no-op, as real servers treat it
            reply->finishWithFlag(before);
            return;
        }
        if (const Result<void> stored = store(environment, before, after.value(), action, localOperator(), comment);
            !stored) {
            reply->finishWithError({ServerError::Kind::ServerFailure, stored.error()});
            return;
        }
        reply->finishWithFlag(m_flags[environment][flagKey]);
    });
}

// After the sandbox's latency, as a server answers: never while it plays unresponsive, an error
// while it is not connected or a failure is injected, otherwise what answer does.
ServerReply *SandboxServer::replyLater(std::function<void(ServerReply *)> answer)
{
    auto *reply = new ServerReply(this);
    if (m_unresponsive)
        return reply;
    afterLatency([this, reply, answer = std::move(answer)] {
        if (state() != ConnectionState::Connected) {
            reply->finishWithError({ServerError::Kind::Network, tr("the sandbox is not connected")});
            return;
        }
        if (m_failuresLeft > 0) {
            --m_failuresLeft;
            reply->finishWithError(m_injectedError);
            return;
        }
        answer(reply);
    });
    return reply;
}

Result<void> SandboxServer::store(const QString &environment, const Flag &before, Flag after, const QString &action,
                                  const QString &actor, const QString &comment)
{
    after.revision = QUuid::createUuid().toString(QUuid::WithoutBraces);
    after.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    after.updatedBy = actor;
    AuditEntry history;
    history.environment = environment;
    history.flagKey = after.key;
    history.action = action;
    history.actor = actor;
    history.timeMs = after.updatedAtMs;
    history.before = flagToJson(before);
    history.after = flagToJson(after);
    history.comment = comment;
    if (const Result<void> saved = m_database->saveFlag(environment, after, history); !saved)
        return saved;
    m_flags[environment][after.key] = after;
    Q_EMIT flagChanged(environment, after);
    return {};
}

Result<void> SandboxServer::changeFlagExternally(const QString &environment, const Flag &flag, const QString &actor)
{
    if (state() != ConnectionState::Connected)
        return Result<void>::failure(tr("the sandbox is not connected"));
    if (const Result<void> consistent = flag.checkConsistency(); !consistent)
        return consistent;
    const Flag before = m_flags.value(environment).value(flag.key);
    return store(environment, before, flag, QStringLiteral("update"), actor, QString());
}

ServerReply *SandboxServer::fetchAuditSince(const QString &cursor)
{
    auto *reply = new ServerReply(this);
    afterLatency([=, this] {
        if (state() != ConnectionState::Connected) {
            reply->finishWithError({ServerError::Kind::Network, tr("the sandbox is not connected")});
            return;
        }
        bool isNumber = false;
        const qint64 afterId = cursor.isEmpty() ? 0 : cursor.toLongLong(&isNumber);
        if (!cursor.isEmpty() && !isNumber) {
            reply->finishWithError({ServerError::Kind::Protocol, tr("\"%1\" is not a sandbox history cursor").arg(cursor)});
            return;
        }
        qint64 lastId = afterId;
        QList<AuditEntry> entries = m_database->historyAfter(afterId, AuditPageSize, &lastId);
        for (AuditEntry &entry : entries)
            entry.server = connectionId();
        reply->finishWithAudit(entries, QString::number(lastId));
    });
    return reply;
}

TokenIdentity SandboxServer::tokenIdentity() const
{
    TokenIdentity identity;
    identity.server = QStringLiteral("sandbox");
    identity.kind = TokenIdentity::Kind::Personal;
    identity.account = localOperator();
    identity.type = tr("sandbox");
    identity.note = tr("the sandbox records changes under the account of the process that made them");
    return identity;
}
