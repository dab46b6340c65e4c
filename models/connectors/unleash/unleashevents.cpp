#include "unleashevents.h"

#include "../../core/flagaction.h"
#include "../../core/jsonreader.h"
#include "unleashmapping.h"

#include <QDateTime>
#include <QRegularExpression>

namespace {

// The user id Unleash records for changes made with an admin API token, and the one of its own
// system user.
constexpr qint64 AdminTokenUserId = -42;

ActorKind actorKindOf(qint64 userId)
{
    if (userId == AdminTokenUserId)
        return ActorKind::Token;
    return userId > 0 ? ActorKind::Human : ActorKind::System;
}

// Unleash writes its summaries in Markdown: "**alice** updated **[flag](url)** …".
QString plainText(QString markdown)
{
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]*)\\]\\([^)]*\\)"));
    markdown.replace(link, QStringLiteral("\\1"));
    markdown.remove(QStringLiteral("**"));
    return markdown.simplified();
}

QJsonObject objectOrEmpty(const QJsonValue &value)
{
    return value.isObject() ? value.toObject() : QJsonObject();
}

Result<UnleashEvent> readEvent(const QJsonObject &object, const QString &path, const QString &connectionId)
{
    JsonReader reader(object, path);
    UnleashEvent event;
    event.id = reader.requiredInteger(QStringLiteral("id"), 1, std::numeric_limits<qint64>::max());
    event.type = reader.requiredString(QStringLiteral("type"));
    const QString createdAt = reader.requiredString(QStringLiteral("createdAt"));
    const QString createdBy = reader.optionalString(QStringLiteral("createdBy"));
    const qint64 userId = reader.optionalInteger(QStringLiteral("createdByUserId"), std::numeric_limits<qint32>::min(),
                                                 std::numeric_limits<qint64>::max(), 0);
    event.project = reader.optionalString(QStringLiteral("project"));
    event.environment = reader.optionalString(QStringLiteral("environment"));
    event.featureName = reader.optionalString(QStringLiteral("featureName"));
    const QString summary = reader.optionalString(QStringLiteral("summary"));
    if (!reader.ok())
        return Result<UnleashEvent>::failure(reader.error());
    const QDateTime time = QDateTime::fromString(createdAt, Qt::ISODateWithMs);
    if (!time.isValid())
        return Result<UnleashEvent>::failure(QStringLiteral("%1.createdAt: not an ISO 8601 time").arg(path));

    AuditEntry &entry = event.entry;
    entry.server = connectionId;
    if (!event.environment.isEmpty() && !event.project.isEmpty())
        entry.environment = UnleashMapping::environmentName(event.project, event.environment);
    entry.flagKey = event.featureName;
    entry.outcome = QStringLiteral("applied");
    entry.actor = createdBy;
    entry.actorKind = actorKindOf(userId);
    entry.timeMs = time.toMSecsSinceEpoch();
    entry.sourceId = QStringLiteral("event:%1").arg(event.id);
    entry.comment = plainText(summary);
    entry.action = event.type;

    const QJsonObject data = objectOrEmpty(object.value(QStringLiteral("data")));
    const QJsonObject preData = objectOrEmpty(object.value(QStringLiteral("preData")));
    if (event.type == QLatin1String("feature-environment-disabled") || event.type == QLatin1String("feature-environment-enabled")) {
        const bool enabled = event.type.endsWith(QLatin1String("enabled"));
        entry.action = flagActionName(enabled ? FlagAction::Restore : FlagAction::Kill);
        entry.before = {{QStringLiteral("enabled"), !enabled}};
        entry.after = {{QStringLiteral("enabled"), enabled}};
        return event;
    }
    // Strategy changes: the exposure in FlagDeck's form where it has one, and Unleash's own record.
    entry.before = UnleashMapping::rolloutSummary(preData);
    entry.after = UnleashMapping::rolloutSummary(data);
    if (event.type.startsWith(QLatin1String("feature-strategy-")) && entry.before != entry.after)
        entry.action = flagActionName(FlagAction::SetRollout);
    if (!preData.isEmpty())
        entry.before.insert(QStringLiteral("unleash"), preData);
    if (!data.isEmpty())
        entry.after.insert(QStringLiteral("unleash"), data);
    return event;
}

} // namespace

Result<QList<UnleashEvent>> readUnleashEventPage(const QJsonObject &page, const QString &connectionId)
{
    if (!page.value(QStringLiteral("events")).isArray())
        return Result<QList<UnleashEvent>>::failure(QStringLiteral("events: expected an array"));
    return readObjectArray<UnleashEvent>(page.value(QStringLiteral("events")).toArray(), QStringLiteral("events"),
                                         [&](const QJsonObject &object, const QString &path) {
                                             return readEvent(object, path, connectionId);
                                         });
}
