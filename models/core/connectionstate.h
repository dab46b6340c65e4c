#pragma once

#include <QString>

// Offline: deliberately not connected; what is shown comes from the local cache.
enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting, Failed, Offline };

QString connectionStateText(ConnectionState state);
