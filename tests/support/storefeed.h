#pragma once

#include "control/flagstore.h"

// Feeds a flag store the way a connected server would, for tests without a server.
namespace StoreFeed {

inline void environment(FlagStore &store, const QString &connectionId, const QString &serverName,
                        const QString &environment, const QList<Flag> &flags)
{
    store.setServerName(connectionId, serverName);
    store.reportEnvironment(connectionId, environment, flags);
}

inline void flag(FlagStore &store, const QString &connectionId, const QString &serverName, const QString &environment,
                 const Flag &flag)
{
    store.setServerName(connectionId, serverName);
    store.reportFlag({connectionId, environment, flag.key}, flag);
}

} // namespace StoreFeed
