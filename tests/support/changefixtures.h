#pragma once

#include "core/auditentry.h"
#include "core/flag.h"
#include "core/flagjson.h"

// A support assistant's route flag and its changes over one night, as a FeatBit server's history,
// an agent working through FlagDeck and the guardrail monitor would record them.
namespace ChangeFixtures {

// 2026-11-30 02:00 UTC: the on-call engineer asks what changed in the hour before.
constexpr qint64 Now = 1764468000000;
constexpr qint64 Minute = 60 * 1000;

inline Flag routeFlag(int citationBasisPoints, bool enabled = true, const QString &revision = QStringLiteral("r1"))
{
    Flag flag;
    flag.key = QStringLiteral("support-assistant-route");
    flag.name = QStringLiteral("Support assistant route");
    flag.valueType = FlagValueType::String;
    flag.variations = {{QStringLiteral("baseline"), QStringLiteral("baseline_profile"), QStringLiteral("baseline_profile")},
                       {QStringLiteral("citation"), QStringLiteral("citation_first_v2"), QStringLiteral("citation_first_v2")}};
    flag.offVariationId = QStringLiteral("baseline");
    flag.enabled = enabled;
    flag.revision = revision;
    flag.rollout = Rollout({{QStringLiteral("baseline"), Rollout::TotalBasisPoints - citationBasisPoints},
                            {QStringLiteral("citation"), citationBasisPoints}});
    flag.tags = {QStringLiteral("retrieval_and_prompt_profile")};
    return flag;
}

inline QJsonObject rolloutOnly(int citationBasisPoints)
{
    return {{QStringLiteral("rollout"), rolloutToJson(routeFlag(citationBasisPoints).rollout)},
            {QStringLiteral("stage"), QStringLiteral("%1% of eligible traffic").arg(citationBasisPoints / 100)}};
}

inline AuditEntry change(const QString &sourceId, qint64 timeMs, const QString &actor, ActorKind kind,
                         const QString &action, const QJsonObject &before, const QJsonObject &after,
                         const QString &outcome = QStringLiteral("applied"))
{
    AuditEntry entry;
    entry.server = QStringLiteral("featbit-prod");
    entry.environment = QStringLiteral("production");
    entry.flagKey = QStringLiteral("support-assistant-route");
    entry.action = action;
    entry.outcome = outcome;
    entry.actor = actor;
    entry.actorKind = kind;
    entry.timeMs = timeMs;
    entry.sourceId = sourceId;
    entry.before = before;
    entry.after = after;
    return entry;
}

// Three changes in the last hour, by a person, an agent and the guardrail monitor:
// 5% → 20% (FeatBit's history, whole flags), 20% → 50% (the agent's approved proposal, through
// FlagDeck), then the monitor's kill.
inline QList<AuditEntry> nightOfChanges()
{
    QJsonObject created = flagToJson(routeFlag(500, true, QStringLiteral("r1")));
    QJsonObject at20 = flagToJson(routeFlag(2000, true, QStringLiteral("r2")));
    return {
        change(QStringLiteral("fb-1001"), Now - 180 * Minute, QStringLiteral("alice@example.com"), ActorKind::Human,
               QStringLiteral("created"), {}, created),
        change(QStringLiteral("fb-1002"), Now - 50 * Minute, QStringLiteral("alice@example.com"), ActorKind::Human,
               QStringLiteral("set_rollout"), created, at20),
        change(QStringLiteral("fd-agent-1"), Now - 30 * Minute, QStringLiteral("rollout-agent"), ActorKind::Agent,
               QStringLiteral("set_rollout"), rolloutOnly(2000), rolloutOnly(5000), QStringLiteral("confirmed")),
        // The kill as this console records it: the intent, then the server's confirmation.
        change(QStringLiteral("fd-kill-1"), Now - 20 * Minute, QStringLiteral("guardrail-monitor"), ActorKind::System,
               QStringLiteral("kill"), {{QStringLiteral("enabled"), true}}, {{QStringLiteral("enabled"), false}},
               QStringLiteral("requested")),
        change(QStringLiteral("fd-kill-2"), Now - 20 * Minute + 800, QStringLiteral("guardrail-monitor"),
               ActorKind::System, QStringLiteral("kill"), {{QStringLiteral("enabled"), true}},
               {{QStringLiteral("enabled"), false}}, QStringLiteral("confirmed")),
    };
}

} // namespace ChangeFixtures
