#pragma once

#include "../flagserver.h"
#include "sandboxdatabase.h"

#include <QHash>
#include <QMap>

#include <functional>
#include <memory>

// The in-process flag server: realistic AI flags in two environments, persisted per connection,
// answering after a configurable latency. It can be told to fail or to stop answering so that the
// console's failure paths can be exercised without a real server.
class SandboxServer : public FlagServer
{
    Q_OBJECT

public:
    static constexpr int DefaultMinLatencyMs = 20;
    static constexpr int DefaultMaxLatencyMs = 80;

    SandboxServer(ConnectionConfig config, QString databasePath, QObject *parent = nullptr);
    ~SandboxServer() override;

    static QString defaultDatabasePath(const QString &connectionId);

    Capabilities capabilities() const override;
    void connectToServer() override;
    void disconnectFromServer() override;
    QStringList environments() const override;

    ServerReply *setEnabled(const QString &environment, const QString &flagKey, bool enabled,
                            const QString &comment) override;
    ServerReply *setRollout(const QString &environment, const QString &flagKey, const Rollout &rollout,
                            const QString &expectedRevision, const QString &comment) override;
    ServerReply *archiveFlag(const QString &environment, const QString &flagKey, const QString &comment) override;
    ServerReply *fetchAuditSince(const QString &cursor) override;
    // The sandbox acts as the account of the process that runs it, and says so.
    TokenIdentity tokenIdentity() const override;

    // Every answer comes after a latency drawn uniformly from [minMs, maxMs]; 0 answers on the
    // next turn of the event loop.
    void setLatency(int minMs, int maxMs);
    // The next count mutations fail with this error (and change nothing).
    void failNextMutations(int count, const ServerError &error);
    // While set, mutations are accepted but never answered, as with a server that hangs.
    void setUnresponsive(bool unresponsive);

    // Changes a flag as another user of the server would, announced as a live change.
    Result<void> changeFlagExternally(const QString &environment, const Flag &flag, const QString &actor);

private:
    using Mutation = std::function<Result<Flag>(const Flag &current)>;
    ServerReply *mutate(const QString &environment, const QString &flagKey, const QString &action,
                        const QString &comment, Mutation mutation);
    Result<void> store(const QString &environment, const Flag &before, Flag after, const QString &action,
                       const QString &actor, const QString &comment);
    void afterLatency(std::function<void()> work);
    ServerReply *replyLater(std::function<void(ServerReply *)> answer);

    std::unique_ptr<SandboxDatabase> m_database;
    QString m_databasePath;
    QMap<QString, QMap<QString, Flag>> m_flags; // environment → key → flag
    int m_minLatencyMs = DefaultMinLatencyMs;
    int m_maxLatencyMs = DefaultMaxLatencyMs;
    int m_failuresLeft = 0;
    ServerError m_injectedError;
    bool m_unresponsive = false;
};
