#include "auditfiltersql.h"

#include "flagtimeline.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

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

QString AuditFilterSql::expandedMatchOf(const QSqlDatabase &db, const AuditFilter &filter)
{
    const QString term = prefixTerm(filter.text);
    if (term.isEmpty())
        return matchOf(filter);
    // The index's terms, for this connection only (nothing is written to the file).
    QSqlQuery(db).exec(
        QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.audit_fts_terms USING fts5vocab(main, audit_fts, row)"));
    QSqlQuery terms(db);
    terms.setForwardOnly(true);
    // From just after the term itself (">" would make the vocabulary count the term's whole
    // list first; a term holds no control characters) to the last term that starts with it.
    terms.prepare(QStringLiteral("SELECT term FROM temp.audit_fts_terms WHERE term >= ? || char(1) "
                                 "AND term < ? || char(1114111) LIMIT %1")
                      .arg(MostPrefixTerms));
    terms.addBindValue(term);
    terms.addBindValue(term);
    if (!terms.exec())
        return matchOf(filter);
    QStringList found = {term};
    while (terms.next())
        found.append(terms.value(0).toString());
    if (terms.lastError().isValid() || found.size() > MostPrefixTerms)
        return matchOf(filter);
    return matchOf(filter, found);
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
    // A flag's entries, read from its runs: no index holds every entry by flag.
    if (!filter.flagKey.isEmpty()) {
        conditions.append(FlagTimeline::ofFlagKeyCondition());
        values.append(filter.flagKey);
    }
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
