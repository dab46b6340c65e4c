#pragma once

#include <QStringList>

// `flagdeck audit verify|export|sync …`: the audit cache from a terminal or a script, with no
// display and no window. arguments are the words after "audit". Returns the exit code.
int runAuditCommand(const QStringList &arguments);
