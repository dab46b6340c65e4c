#pragma once

#include "core/flagref.h"
#include "store/auditcache.h"
#include "store/auditwriter.h"

#include <QSqlError>
#include <QSqlQuery>

#include <memory>

// The audit writer the console uses, on a file of the test's, and what it wrote, read back
// through a connection of the test's own once everything queued is on disk.
namespace TestAudit {

inline Result<qint64> record(AuditCache &cache, const AuditEntry &entry)
{
    AuditBatch batch;
    batch.entries.append(entry);
    return cache.write(batch);
}

inline qint64 count(const AuditCache &cache)
{
    QSqlQuery query(cache.database());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM audit_events")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// Newest first.
inline QList<AuditEntry> latest(const AuditCache &cache, int limit)
{
    QList<AuditEntry> entries;
    QSqlQuery query(cache.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM audit_events ORDER BY id DESC LIMIT ?").arg(AuditCache::entryColumns()));
    query.addBindValue(limit);
    if (!query.exec())
        return entries;
    while (query.next())
        entries.append(AuditCache::entryFromQuery(query, 0));
    return entries;
}

// The outcomes the console wrote of its action on ref (its console:<intent>:<outcome> rows),
// oldest first.
inline QStringList consoleOutcomes(const AuditCache &cache, const FlagRef &ref, const QString &action)
{
    QStringList outcomes;
    QSqlQuery query(cache.database());
    query.prepare(QStringLiteral("SELECT outcome FROM audit_events WHERE server = ? AND environment = ? AND flag_key = ? "
                                 "AND action = ? AND source_id LIKE 'console:%' ORDER BY id"));
    for (const QString &value : {ref.connectionId, ref.environment, ref.key, action})
        query.addBindValue(value);
    if (!query.exec())
        return {QStringLiteral("cannot read the audit cache: ") + query.lastError().text()};
    while (query.next())
        outcomes.append(query.value(0).toString());
    return outcomes;
}

inline std::unique_ptr<AuditWriter> openWriter(const QString &path)
{
    auto writer = std::make_unique<AuditWriter>();
    if (const Result<void> opened = writer->open(path); !opened)
        qFatal("cannot open the test audit cache: %s", qPrintable(opened.error()));
    return writer;
}

inline QList<AuditEntry> written(AuditWriter &writer, int limit = 1000)
{
    writer.flush();
    AuditCache reader;
    if (!reader.open(writer.path()))
        return {};
    return latest(reader, limit);
}

} // namespace TestAudit
