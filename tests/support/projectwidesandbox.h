#pragma once

#include "connectors/sandbox/sandboxserver.h"

// A sandbox that archives a flag in all its environments at once, as Unleash does in a project.
class ProjectWideSandbox : public SandboxServer
{
public:
    using SandboxServer::SandboxServer;
    QStringList archiveReach(const QString &environment, const QString &) const override
    {
        QStringList reach = environments();
        reach.removeAll(environment);
        reach.prepend(environment);
        return reach;
    }
};
