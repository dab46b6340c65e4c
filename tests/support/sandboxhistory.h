#pragma once

#include "connectors/sandbox/sandboxdatabase.h"

#include <limits>

// How many entries a sandbox's own history holds (for one flag and environment, when given), read
// through a connection of the test's: the seeded history is generated, not a fixed number.
namespace SandboxHistory {

inline int count(const QString &databasePath, const QString &environment = {}, const QString &flagKey = {})
{
    SandboxDatabase database(databasePath);
    if (!database.open())
        return -1;
    qint64 lastId = 0;
    const QList<AuditEntry> entries = database.historyAfter(0, std::numeric_limits<int>::max(), &lastId);
    return int(std::count_if(entries.cbegin(), entries.cend(), [&](const AuditEntry &entry) {
        return (environment.isEmpty() || entry.environment == environment) && (flagKey.isEmpty() || entry.flagKey == flagKey);
    }));
}

} // namespace SandboxHistory
