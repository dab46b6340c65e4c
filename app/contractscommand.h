#pragma once

#include <QStringList>

// `flagdeck contracts check DIR [--server ID …]`: validates a folder of FeatureOps contracts for a
// team's CI. arguments are the words after "contracts". Returns the exit code.
int runContractsCommand(const QStringList &arguments);
