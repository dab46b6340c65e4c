#pragma once

#include "../core/connectionconfig.h"

class FlagServer;
class QObject;
class SecretStore;

// The backend for a configured connection; nullptr when this build has none for its kind. Backends
// that need a token read it from secrets (which must outlive them) when they connect.
FlagServer *createFlagServer(const ConnectionConfig &config, SecretStore *secrets, QObject *parent = nullptr);
