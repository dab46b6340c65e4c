#include "flagserverfactory.h"

#include "sandbox/sandboxserver.h"

FlagServer *createFlagServer(const ConnectionConfig &config, QObject *parent)
{
    switch (config.kind) {
    case ConnectionConfig::Kind::Sandbox:
        return new SandboxServer(config, SandboxServer::defaultDatabasePath(config.id), parent);
    case ConnectionConfig::Kind::FeatBit: // backends for FeatBit and Unleash plug in here as they arrive
    case ConnectionConfig::Kind::Unleash:
        return nullptr;
    }
    return nullptr;
}
