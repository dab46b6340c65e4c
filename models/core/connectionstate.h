#pragma once

#include <QString>

enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting, Failed };

QString connectionStateText(ConnectionState state);
