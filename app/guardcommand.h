#pragma once

#include <QStringList>

// `flagdeck guard --config FILE [--credentials DIR] [--name NAME] …`: the guardrail monitor
// without a window, for a server that watches around the clock. arguments are the words after
// "guard". Runs until SIGTERM or SIGINT; returns the exit code (2: bad configuration; 1: the team
// inbox could not be reached at the start).
int runGuardCommand(const QStringList &arguments);
