#include "auditlookup.h"

#include "../core/flagjson.h"
#include "../core/stageplan.h"
#include "auditcache.h"
#include "flagtimelinecursor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>


namespace {

constexpr int NewestEntriesRead = 500;

} // namespace

AuditLookup::AuditLookup() : m_file(QStringLiteral("audit-lookup")) {}

AuditLookup::~AuditLookup() = default;

Result<void> AuditLookup::open(const QString &path)
{
    return m_file.open(path);
}

std::optional<bool> AuditLookup::hasHistory(const FlagRef &ref) const
{
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("SELECT 1 FROM audit_flag_runs WHERE flag_key = ? AND server = ? AND environment = ? "
                                 "LIMIT 1"));
    query.addBindValue(ref.key);
    query.addBindValue(ref.connectionId);
    query.addBindValue(ref.environment);
    if (!query.exec())
        return std::nullopt;
    return query.next();
}

qint64 AuditLookup::rolloutSince(const FlagRef &ref, const Rollout &rollout) const
{
    FlagTimelineCursor history(m_file.database(), QStringLiteral("time_ms, after_json"),
                               FlagTimelineCursor::Order::NewestFirst,
                               QStringLiteral("outcome IN ('applied', 'confirmed')"));
    if (!history.exec(ref))
        return 0;
    qint64 since = 0;
    for (int read = 0; read < NewestEntriesRead && history.next(); ++read) {
        const QJsonObject after = QJsonDocument::fromJson(history.value(1).toString().toUtf8()).object();
        if (!after.contains(QStringLiteral("rollout")))
            continue; // a kill or restore: the rollout itself did not change
        const Result<Rollout> recorded = rolloutFromJson(after.value(QStringLiteral("rollout")).toArray(), QString());
        if (!recorded || !StagePlan::sameShares(recorded.value(), rollout))
            break;
        since = history.value(0).toLongLong();
    }
    return since;
}

std::optional<StageHold> AuditLookup::stageHold(const FlagRef &ref) const
{
    FlagTimelineCursor holds(m_file.database(), QStringLiteral("action, actor, time_ms, comment"),
                             FlagTimelineCursor::Order::NewestFirst, QStringLiteral("action IN (?, ?)"),
                             {pauseAction(), resumeAction()});
    if (!holds.exec(ref) || !holds.next()
        || holds.value(0).toString() != pauseAction())
        return std::nullopt;
    return StageHold{holds.value(1).toString(), holds.value(2).toLongLong(), holds.value(3).toString()};
}

std::optional<QList<AuditEntry>> AuditLookup::unansweredRequests(const QString &server) const
{
    // A console's rows are named console:<intent>:<outcome>; the intent's prefix names its others.
    QSqlQuery query(m_file.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM audit_events AS r WHERE r.server = ? AND r.source_id >= 'console:' "
                                 "AND r.source_id < 'console;' AND r.outcome = 'requested' AND NOT EXISTS ("
                                 "SELECT 1 FROM audit_events AS o WHERE o.server = r.server AND o.source_id IN ("
                                 "substr(r.source_id, 1, length(r.source_id) - 9) || 'confirmed', "
                                 "substr(r.source_id, 1, length(r.source_id) - 9) || 'failed', "
                                 "substr(r.source_id, 1, length(r.source_id) - 9) || 'interrupted')) "
                                 "ORDER BY r.time_ms, r.id")
                      .arg(AuditCache::entryColumns()));
    query.addBindValue(server);
    if (!query.exec())
        return std::nullopt;
    QList<AuditEntry> found;
    while (query.next()) {
        AuditEntry entry = AuditCache::entryFromQuery(query, 0);
        if (entry.sourceId.endsWith(QLatin1String(":requested")))
            found.append(std::move(entry));
    }
    return found;
}
