#include "connectionstate.h"

#include <QCoreApplication>

QString connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected:
        return QStringLiteral("disconnected");
    case ConnectionState::Connecting:
        return QStringLiteral("connecting");
    case ConnectionState::Connected:
        return QStringLiteral("connected");
    case ConnectionState::Reconnecting:
        return QStringLiteral("reconnecting");
    case ConnectionState::Failed:
        return QStringLiteral("failed");
    case ConnectionState::Offline:
        return QStringLiteral("offline");
    }
    Q_UNREACHABLE();
}

QString connectionStateText(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected:
        return QCoreApplication::translate("ConnectionState", "disconnected");
    case ConnectionState::Connecting:
        return QCoreApplication::translate("ConnectionState", "connecting");
    case ConnectionState::Connected:
        return QCoreApplication::translate("ConnectionState", "connected");
    case ConnectionState::Reconnecting:
        return QCoreApplication::translate("ConnectionState", "reconnecting");
    case ConnectionState::Failed:
        return QCoreApplication::translate("ConnectionState", "failed");
    case ConnectionState::Offline:
        return QCoreApplication::translate("ConnectionState", "offline");
    }
    Q_UNREACHABLE();
}
