#pragma once

#include "../core/auditentry.h"
#include "../core/result.h"

#include <QMetaType>
#include <QString>
#include <QVariantList>

#include <optional>

// What the audit browser, the export and the command line select: every set field must match
// (exact for names, [since, until) for time), and the text must match the full-text index.
struct AuditFilter
{
    QString server;
    QString environment;
    QString flagKey;
    QString actor;
    QString action;
    std::optional<ActorKind> actorKind;
    std::optional<qint64> sinceMs;
    std::optional<qint64> untilMs;
    QString text;

    struct Sql
    {
        QString where; // "WHERE …", or empty for everything
        QVariantList values;
    };
    // afterId > 0: only rows written after that one (new rows for a browser that is open); the
    // full-text part is then limited the same way, so it never reads the whole index again.
    Sql toSql(qint64 afterId = 0) const;

    // The words a person typed as an FTS5 query: each word must appear, the last may be the start
    // of a word (searching while typing), and nothing typed can be FTS syntax. Empty for no words.
    static QString ftsQuery(const QString &text);

    // "2026-11-21", "2026-11-21T09:30" (UTC unless a zone is given), or an age before now: "90m",
    // "24h", "7d".
    static Result<qint64> parseTime(const QString &text, qint64 nowMs);

    friend bool operator==(const AuditFilter &, const AuditFilter &) = default;
};

Q_DECLARE_METATYPE(AuditFilter)
