#pragma once

#include "../core/flag.h"

#include <QJsonObject>
#include <QString>

// A flag as last seen on its server, read back from the audit cache when working offline.
struct CachedFlag
{
    QString server;
    QString environment;
    Flag flag;
    qint64 seenMs = 0;
    QJsonObject status; // stage and guardrail verdicts as the console last saw them (FlagStatusUpdate)
};
