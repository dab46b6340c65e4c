#pragma once

#include "../core/auditfilter.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

class QSqlDatabase;

// A filter as the audit cache's SQL: a WHERE clause over audit_events and its bound values.
struct AuditFilterSql
{
    QString where; // "WHERE …", or empty for everything
    QVariantList values;

    // afterId > 0: only rows written after that one (new rows for a browser that is open); the
    // full-text part is then limited the same way, so it never reads the whole index again.
    static AuditFilterSql of(const AuditFilter &filter, qint64 afterId = 0);
    // The same with the full-text condition given (matchOf, perhaps with the last word expanded).
    static AuditFilterSql of(const AuditFilter &filter, qint64 afterId, const QString &match);
    // At most this many terms stand for a prefix; more, and it stays a prefix query.
    static constexpr int MostPrefixTerms = 32;

    // The words a person typed as an FTS5 query: each word must appear, the last may be the start
    // of a word (searching while typing), and nothing typed can be FTS syntax. Empty for no words.
    static QString ftsQuery(const QString &text);
    // The same, with the last word matched as any of lastWordTerms (whole terms of the index)
    // instead of as a prefix; as ftsQuery when lastWordTerms is empty.
    static QString ftsQuery(const QString &text, const QStringList &lastWordTerms);

    // The last word typed, as the index's one term, when ftsQuery matches it as a prefix: lower-case
    // ASCII letters and digits (anything else: empty). The index keeps no prefixes, so a prefix
    // query merges every term's whole list first, whatever the rest of the query; the few whole
    // terms a prefix stands for are cheaper (see ofExpanded).
    static QString prefixTerm(const QString &text);

    // The whole full-text condition of a filter: its words, and the actor it names (which has
    // no plain index). Empty when the index is not needed.
    static QString matchOf(const AuditFilter &filter);
    static QString matchOf(const AuditFilter &filter, const QStringList &lastWordTerms);
    // matchOf with the last word typed read as the whole terms it starts, looked up in the index's
    // vocabulary on db (inside the caller's read transaction, if any): FTS5 seeks in whole terms,
    // where a prefix is a merge of every matching term's full list, even for new rows only.
    static QString expandedMatchOf(const QSqlDatabase &db, const AuditFilter &filter);
};
