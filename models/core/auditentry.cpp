#include "auditentry.h"

QString actorKindName(ActorKind kind)
{
    switch (kind) {
    case ActorKind::Human:
        return QStringLiteral("human");
    case ActorKind::Agent:
        return QStringLiteral("agent");
    case ActorKind::System:
        return QStringLiteral("system");
    case ActorKind::Token:
        return QStringLiteral("token");
    }
    Q_UNREACHABLE();
}

std::optional<ActorKind> actorKindFromName(const QString &name)
{
    for (ActorKind kind : {ActorKind::Human, ActorKind::Agent, ActorKind::System, ActorKind::Token}) {
        if (actorKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}
