#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

enum class ActorKind { Human, Agent, System, Token };

QString actorKindName(ActorKind kind);
std::optional<ActorKind> actorKindFromName(const QString &name);

// One change from any source: a server's own history, this console, or a proposal's lifecycle.
struct AuditEntry
{
    QString server; // connection id
    QString environment;
    QString flagKey;
    QString action;  // FlagAction vocabulary, or the server's own word for other changes
    QString outcome; // "requested", "confirmed", "failed" for console actions; "applied" for history
    QString actor;
    ActorKind actorKind = ActorKind::Human;
    qint64 timeMs = 0; // UTC
    QString sourceId;  // unique per server
    QJsonObject before;
    QJsonObject after;
    QString comment;

    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

Q_DECLARE_METATYPE(AuditEntry)
