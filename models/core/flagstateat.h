#pragma once

#include "auditentry.h"
#include "flag.h"
#include "flagref.h"

#include <QJsonObject>

#include <optional>

// A flag as it was at a chosen time, from its history: the newest change at or before that time,
// and the fields older changes left as they were (a kill records only "enabled").
struct FlagStateAt
{
    FlagRef ref;
    QJsonObject state;        // FlagDeck's JSON form of a flag; may lack fields history never recorded
    std::optional<Flag> flag; // the state read as a whole flag, when it is one
    qint64 changedAtMs = 0;   // the newest change at or before the time
    QString changedBy;
    ActorKind changedByKind = ActorKind::Human;
    bool deleted = false;     // the newest change deleted the flag

    bool knows(const QString &field) const { return state.contains(field); }
};
