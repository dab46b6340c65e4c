#include "auditidloader.h"
#include "../store/auditfiltersql.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#ifdef FLAGDECK_SYSTEM_SQLITE
#include <sqlite3.h>
#endif

#include <functional>
#include <optional>

AuditIdLoader::AuditIdLoader() : m_file(QStringLiteral("audit-ids")) {}

Result<void> AuditIdLoader::open(const QString &path)
{
    if (const Result<void> opened = m_file.open(path); !opened)
        return opened;
    // Sorting every match of a common word takes a while, and between its rows is the only place
    // a load could see that it was superseded; a person typing supersedes it at every key. SQLite
    // asks this handler every few thousand steps, and a superseded load stops there.
#ifdef FLAGDECK_SYSTEM_SQLITE
    const QVariant handle = m_file.database().driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        if (sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData()))
            sqlite3_progress_handler(connection, 4096, &AuditIdLoader::stopSuperseded, this);
    }
#endif
    return {};
}

int AuditIdLoader::stopSuperseded(void *loader)
{
    const auto *self = static_cast<const AuditIdLoader *>(loader);
    return self->m_running.load() != self->m_latest.load() ? 1 : 0;
}

void AuditIdLoader::load(quint64 generation, const AuditFilter &filter)
{
    if (generation != m_latest.load())
        return;
    m_running.store(generation);
    QSqlDatabase &db = m_file.database();
    const auto fail = [&](const QSqlError &error) {
        QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        Q_EMIT failed(generation, QCoreApplication::translate("AuditIdLoader", "cannot read the audit cache: %1")
                                      .arg(error.text()));
    };
    // One read transaction: the highest id and the matching rows come from the same snapshot.
    QSqlQuery(db).exec(QStringLiteral("BEGIN"));
    QSqlQuery maxQuery(db);
    if (!maxQuery.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM audit_events")) || !maxQuery.next())
        return fail(maxQuery.lastError());
    const qint64 maxId = maxQuery.value(0).toLongLong();
    maxQuery.finish();

    QVector<qint64> ids;
    QVector<qint64> times;
    int chunk = FirstChunk;
    bool abandoned = false;
    // Runs one SELECT of (id, time_ms) in display order and hands its rows over in chunks.
    const auto stream = [&](const QString &where, const QVariantList &values) -> std::optional<QSqlError> {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT id, time_ms FROM audit_events %1 ORDER BY time_ms DESC, id DESC").arg(where));
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return query.lastError();
        while (query.next()) {
            ids.append(query.value(0).toLongLong());
            times.append(query.value(1).toLongLong());
            if (ids.size() == chunk) {
                if (generation != m_latest.load()) {
                    abandoned = true;
                    return std::nullopt;
                }
                Q_EMIT chunkLoaded(generation, ids, times, maxId, false);
                ids.clear();
                times.clear();
                chunk = LaterChunk;
            }
        }
        if (query.lastError().isValid())
            return query.lastError();
        return std::nullopt;
    };
    const auto finish = [&] {
        QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        if (!abandoned)
            Q_EMIT chunkLoaded(generation, ids, times, maxId, true);
    };

    const QString match = AuditFilterSql::expandedMatchOf(db, filter);
    AuditFilterSql sql = AuditFilterSql::of(filter, 0, match);
    // A full-text filter that matches many rows: sorting every match by time before the first
    // screen would make a common word slow. The newest matches are read first instead, from a
    // window of the newest entries; the rest follows.
    if (std::optional<Newest> newest = newestMatches(filter, match)) {
        if (generation != m_latest.load()) {
            QSqlQuery(db).exec(QStringLiteral("COMMIT"));
            return;
        }
        Q_EMIT chunkLoaded(generation, newest->ids, newest->times, maxId, false);
        chunk = LaterChunk;
        sql.where += sql.where.isEmpty() ? QStringLiteral("WHERE time_ms <= ?") : QStringLiteral(" AND time_ms <= ?");
        sql.values.append(newest->oldestTime);
    }
    if (const std::optional<QSqlError> error = stream(sql.where, sql.values))
        return fail(*error);
    finish();
}

std::optional<AuditIdLoader::Newest> AuditIdLoader::newestMatches(const AuditFilter &filter, const QString &match)
{
    if (match.isEmpty())
        return std::nullopt;
    QSqlDatabase &db = m_file.database();
    QSqlQuery window(db);
    window.prepare(QStringLiteral("SELECT min(id), min(time_ms), count(*) FROM (SELECT id, time_ms FROM audit_events "
                                  "ORDER BY time_ms DESC, id DESC LIMIT %1)")
                       .arg(NewestWindow));
    // One window only: a word too rare to fill a screen there is read in full after all, and
    // every further look would cost a prefix of a common word (which FTS5 merges in full) again.
    if (!window.exec() || !window.next())
        return std::nullopt;
    const qint64 lowestId = window.value(0).toLongLong();
    const qint64 oldestTime = window.value(1).toLongLong();
    const qint64 rows = window.value(2).toLongLong();
    window.finish();
    if (rows < NewestWindow)
        return std::nullopt; // the window is the whole cache: no shortcut
    // Every entry newer than the window's oldest is in the window, so its id is at least the
    // window's lowest: the full-text index is read from that id on only.
    AuditFilterSql newest = AuditFilterSql::of(filter, lowestId - 1, match);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, time_ms FROM audit_events %1 AND time_ms > ? "
                                 "ORDER BY time_ms DESC, id DESC")
                      .arg(newest.where));
    for (const QVariant &value : std::as_const(newest.values))
        query.addBindValue(value);
    query.addBindValue(oldestTime);
    if (!query.exec())
        return std::nullopt;
    Newest found{oldestTime, {}, {}};
    while (query.next()) {
        found.ids.append(query.value(0).toLongLong());
        found.times.append(query.value(1).toLongLong());
    }
    if (query.lastError().isValid())
        return std::nullopt;
    if (found.ids.size() < ScreenRows)
        return std::nullopt;
    return found;
}
