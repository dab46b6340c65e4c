#include "auditidloader.h"
#include "../store/auditfiltersql.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

AuditIdLoader::AuditIdLoader() : m_file(QStringLiteral("audit-ids")) {}

Result<void> AuditIdLoader::open(const QString &path)
{
    return m_file.open(path);
}

void AuditIdLoader::load(quint64 generation, const AuditFilter &filter)
{
    if (generation != m_latest.load())
        return;
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

    const AuditFilterSql sql = AuditFilterSql::of(filter);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, time_ms FROM audit_events %1 ORDER BY time_ms DESC, id DESC").arg(sql.where));
    for (const QVariant &value : sql.values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(query.lastError());
    QVector<qint64> ids;
    QVector<qint64> times;
    int chunk = FirstChunk;
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
        times.append(query.value(1).toLongLong());
        if (ids.size() == chunk) {
            if (generation != m_latest.load()) {
                query.finish();
                QSqlQuery(db).exec(QStringLiteral("COMMIT"));
                return;
            }
            Q_EMIT chunkLoaded(generation, ids, times, maxId, false);
            ids.clear();
            times.clear();
            chunk = LaterChunk;
        }
    }
    if (query.lastError().isValid())
        return fail(query.lastError());
    query.finish();
    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
    Q_EMIT chunkLoaded(generation, ids, times, maxId, true);
}
