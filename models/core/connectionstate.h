#pragma once

#include <QString>
#include <QStringList>

// Offline: deliberately not connected; what is shown comes from the local cache.
enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting, Failed, Offline };

QString connectionStateText(ConnectionState state);
// The same in fixed lower-case English, for logs that machines read.
QString connectionStateName(ConnectionState state);

// What the console knows of one connection now, for the views that list connections.
struct ConnectionStatus
{
    QString id;
    QString displayName;
    ConnectionState state = ConnectionState::Disconnected;
    QString detail;
    QStringList environments;
};
