#pragma once

#include "../core/auditfilter.h"
#include "../core/result.h"

#include <QString>

class AuditCache;
class QIODevice;

// Writes the entries a filter selects, oldest first, as CSV or as NDJSON (one JSON object per
// line, for SIEM ingestion). The field names are the same in both and are stable:
// id, time, time_ms, server, environment, flag_key, action, outcome, actor, actor_kind, source_id,
// before, after, comment, chain_seq, hash.
class AuditExporter
{
public:
    static QStringList fieldNames();

    // Streams from the cache to out; gives the number of entries written.
    static Result<qint64> write(const AuditCache &cache, const AuditFilter &filter, AuditExportFormat format,
                                QIODevice *out);
};
