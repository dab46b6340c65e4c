#pragma once

#include "core/connectionconfig.h"
#include "featbittestserver.h"

// A connection to the FeatBit protocol test server, as the console configures one. Its token is
// named by secretRef; the caller puts FeatBitTestServer::AccessToken (or another) there.
inline ConnectionConfig featBitConnection(const FeatBitTestServer &server, const QString &id, const QString &secretRef,
                                          const QString &displayName = QStringLiteral("FeatBit"))
{
    ConnectionConfig config;
    config.id = id;
    config.kind = ConnectionConfig::Kind::FeatBit;
    config.displayName = displayName;
    config.url = server.apiUrl();
    config.evaluationUrl = server.evaluationUrl();
    config.secretRef = secretRef;
    return config;
}
