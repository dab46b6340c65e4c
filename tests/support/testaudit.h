#pragma once

#include "store/auditcache.h"
#include "store/auditwriter.h"

#include <memory>

// The audit writer the console uses, on a file of the test's, and what it wrote, read back
// through a connection of the test's own once everything queued is on disk.
namespace TestAudit {

inline std::unique_ptr<AuditWriter> openWriter(const QString &path)
{
    auto writer = std::make_unique<AuditWriter>();
    const QString error = writer->open(path);
    if (!error.isEmpty())
        qFatal("cannot open the test audit cache: %s", qPrintable(error));
    return writer;
}

inline QList<AuditEntry> written(AuditWriter &writer, int limit = 1000)
{
    writer.flush();
    AuditCache reader;
    if (!reader.open(writer.path()).isEmpty())
        return {};
    return reader.latest(limit);
}

} // namespace TestAudit
