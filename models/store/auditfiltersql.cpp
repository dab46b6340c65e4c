#include "auditfiltersql.h"

#include <QRegularExpression>

namespace {

bool hasWordCharacter(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\w"));
    return text.contains(word);
}

QString quoted(const QString &text)
{
    QString phrase = text;
    phrase.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + phrase + QLatin1Char('"');
}

} // namespace

AuditFilterSql AuditFilterSql::of(const AuditFilter &filter, qint64 afterId)
{
    return of(filter, afterId, matchOf(filter));
}

AuditFilterSql AuditFilterSql::of(const AuditFilter &filter, qint64 afterId, const QString &query)
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
    if (!query.isEmpty()) {
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

QString AuditFilterSql::matchOf(const AuditFilter &filter)
{
    return matchOf(filter, {});
}

QString AuditFilterSql::matchOf(const AuditFilter &filter, const QStringList &lastWordTerms)
{
    QStringList parts;
    if (const QString words = ftsQuery(filter.text, lastWordTerms); !words.isEmpty())
        parts.append(words);
    // No plain index serves an actor: the index's own column narrows the rows, the exact
    // comparison in the WHERE clause decides.
    if (!filter.actor.isEmpty() && hasWordCharacter(filter.actor))
        parts.append(QStringLiteral("actor : ") + quoted(filter.actor));
    // FTS5 takes an implicit AND between phrases only; the expanded last word is in parentheses.
    return parts.join(lastWordTerms.isEmpty() ? QStringLiteral(" ") : QStringLiteral(" AND "));
}

QString AuditFilterSql::ftsQuery(const QString &text)
{
    return ftsQuery(text, {});
}

QString AuditFilterSql::ftsQuery(const QString &text, const QStringList &lastWordTerms)
{
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QStringList terms;
    for (const QString &word : words) {
        // A word of only punctuation has no tokens; FTS5 rejects an empty phrase.
        if (!hasWordCharacter(word))
            continue;
        terms.append(quoted(word));
    }
    if (terms.isEmpty() || text.back().isSpace())
        return terms.join(QLatin1Char(' '));
    if (lastWordTerms.isEmpty()) {
        terms.last().append(QLatin1Char('*'));
        return terms.join(QLatin1Char(' '));
    }
    QStringList alternatives;
    for (const QString &term : lastWordTerms)
        alternatives.append(quoted(term));
    terms.last() = QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    return terms.join(QStringLiteral(" AND "));
}

QString AuditFilterSql::prefixTerm(const QString &text)
{
    if (text.isEmpty() || text.back().isSpace())
        return {};
    const QString word = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).constLast();
    for (const QChar c : word) {
        // unicode61 folds ASCII letters to lower case and splits at anything not a letter or
        // digit; beyond ASCII (diacritics, other scripts) the prefix query stays as it is.
        if (c.unicode() >= 0x80 || !c.isLetterOrNumber())
            return {};
    }
    return word.toLower();
}
