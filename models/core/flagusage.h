#pragma once

#include <QtGlobal>

// What a server's metrics say of a flag's use by applications (Unleash's lastSeenAt).
struct FlagUsage
{
    qint64 createdMs = 0;
    qint64 lastSeenMs = 0; // 0: never evaluated
};
