#include "auditfiltersql.h"

#include <QRegularExpression>

AuditFilterSql AuditFilterSql::of(const AuditFilter &filter, qint64 afterId)
{
    QStringList conditions;
    QVariantList values;
    const auto equals = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        conditions.append(QStringLiteral("%1 = ?").arg(QLatin1String(column)));
        values.append(value);
    };
    equals("server", filter.server);
    equals("environment", filter.environment);
    equals("flag_key", filter.flagKey);
    equals("actor", filter.actor);
    equals("action", filter.action);
    if (filter.actorKind)
        equals("actor_kind", actorKindName(*filter.actorKind));
    if (filter.sinceMs) {
        conditions.append(QStringLiteral("time_ms >= ?"));
        values.append(*filter.sinceMs);
    }
    if (filter.untilMs) {
        conditions.append(QStringLiteral("time_ms < ?"));
        values.append(*filter.untilMs);
    }
    if (afterId > 0) {
        conditions.append(QStringLiteral("id > ?"));
        values.append(afterId);
    }
    if (const QString query = ftsQuery(filter.text); !query.isEmpty()) {
        if (afterId > 0) {
            conditions.append(QStringLiteral("id IN (SELECT rowid FROM audit_fts WHERE audit_fts MATCH ? AND rowid > ?)"));
            values << query << afterId;
        } else {
            conditions.append(QStringLiteral("id IN (SELECT rowid FROM audit_fts WHERE audit_fts MATCH ?)"));
            values.append(query);
        }
    }
    if (conditions.isEmpty())
        return {};
    return {QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND ")), values};
}

QString AuditFilterSql::ftsQuery(const QString &text)
{
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QStringList terms;
    for (const QString &word : words) {
        QString quoted = word;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        // A word of only punctuation has no tokens; FTS5 rejects an empty phrase.
        if (!word.contains(QRegularExpression(QStringLiteral("[\\w]"))))
            continue;
        terms.append(QLatin1Char('"') + quoted + QLatin1Char('"'));
    }
    if (!terms.isEmpty() && !text.back().isSpace())
        terms.last().append(QLatin1Char('*'));
    return terms.join(QLatin1Char(' '));
}
