#include "flagserverfactory.h"

#include "featbit/featbitserver.h"
#include "sandbox/sandboxserver.h"
#include "unleash/unleashserver.h"

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
