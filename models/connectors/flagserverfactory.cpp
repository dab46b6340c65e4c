#include "flagserverfactory.h"

#include "sandbox/sandboxserver.h"
#include "unleash/unleashserver.h"

FlagServer *createFlagServer(const ConnectionConfig &config, SecretStore *secrets, QObject *parent)
{
    switch (config.kind) {
    case ConnectionConfig::Kind::Sandbox:
        return new SandboxServer(config, SandboxServer::defaultDatabasePath(config.id), parent);
    case ConnectionConfig::Kind::Unleash:
        return new UnleashServer(config, secrets, parent);
    case ConnectionConfig::Kind::FeatBit: // the FeatBit backend plugs in here when it arrives
        return nullptr;
    }
    return nullptr;
}
