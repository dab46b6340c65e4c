#pragma once

#include "../core/connectionconfig.h"

class FlagServer;
class QObject;

// The backend for a configured connection; nullptr when this build has none for its kind.
FlagServer *createFlagServer(const ConnectionConfig &config, QObject *parent = nullptr);
