#pragma once

#include "auditentry.h"
#include "result.h"

#include <QMetaType>
#include <QString>

#include <optional>

// What the audit browser, the export and the command line select: every set field must match
// (exact for names, [since, until) for time), and the text must match the full-text index
// (AuditFilterSql turns it into the cache's SQL).
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

    // "2026-11-21", "2026-11-21T09:30" (UTC unless a zone is given), or an age before now: "90m",
    // "24h", "7d".
    static Result<qint64> parseTime(const QString &text, qint64 nowMs);

    friend bool operator==(const AuditFilter &, const AuditFilter &) = default;
};

Q_DECLARE_METATYPE(AuditFilter)

// How selected entries are written out: CSV, or NDJSON (one JSON object per line, for a SIEM).
enum class AuditExportFormat { Csv, Ndjson };

// "csv" or "ndjson", as the command line names them.
std::optional<AuditExportFormat> auditExportFormatFromName(const QString &name);
