#include "auditentry.h"

#include "enumnames.h"

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
    return enumFromName(name, {ActorKind::Human, ActorKind::Agent, ActorKind::System, ActorKind::Token}, actorKindName);
}
