#include "flagserverfactory.h"

#include "../connectors/featbit/featbitserver.h"
#include "../connectors/sandbox/sandboxserver.h"
#include "../connectors/unleash/unleashserver.h"

FlagServer *createFlagServer(const ConnectionConfig &config, SecretStore *secrets, QObject *parent)
{
    switch (config.kind) {
    case ConnectionConfig::Kind::Sandbox:
        return new SandboxServer(config, SandboxServer::defaultDatabasePath(config.id), parent);
    case ConnectionConfig::Kind::Unleash:
        return new UnleashServer(config, secrets, parent);
    case ConnectionConfig::Kind::FeatBit:
        return new FeatBitServer(config, secrets, parent);
    }
    return nullptr;
}
