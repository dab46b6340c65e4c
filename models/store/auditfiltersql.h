#pragma once

#include "../core/auditfilter.h"

#include <QString>
#include <QVariantList>

// A filter as the audit cache's SQL: a WHERE clause over audit_events and its bound values.
struct AuditFilterSql
{
    QString where; // "WHERE …", or empty for everything
    QVariantList values;

    // afterId > 0: only rows written after that one (new rows for a browser that is open); the
    // full-text part is then limited the same way, so it never reads the whole index again.
    static AuditFilterSql of(const AuditFilter &filter, qint64 afterId = 0);

    // The words a person typed as an FTS5 query: each word must appear, the last may be the start
    // of a word (searching while typing), and nothing typed can be FTS syntax. Empty for no words.
    static QString ftsQuery(const QString &text);

    // The whole full-text condition of a filter: its words, and the actor it names (which has
    // no plain index). Empty when the index is not needed.
    static QString matchOf(const AuditFilter &filter);
};
