#pragma once

#include <QStringList>

// `flagdeck contracts check DIR|FILE [--server ID …]`: validates a folder of FeatureOps contracts, or
// one file, for a team's CI. arguments are the words after "contracts". Returns the exit code: 0 no
// errors, 1 errors found, 2 the check could not run (including a usage error).
int runContractsCommand(const QStringList &arguments);
