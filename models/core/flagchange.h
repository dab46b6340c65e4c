#pragma once

#include "flag.h"

#include <QList>
#include <QString>

// One line of a change as a reviewer reads it: what, as it is now, and as it would be after.
struct FlagChangeRow
{
    enum class Kind { State, OffVariation, Share };

    Kind kind = Kind::State;
    QString what;   // "State", "Off variation", or the variation's name for its share
    QString before; // "on", "off", a variation's name, or a percentage ("5%")
    QString after;
    bool changed = false;

    friend bool operator==(const FlagChangeRow &, const FlagChangeRow &) = default;
};

// What an action changes in a flag, before → after, in the words and units of the console: the
// enabled state, the off variation, and each variation's share of the rollout in percent. Only
// the rows that change, unless the whole table is small (MaxContextRows), when the unchanged
// rows stay as context. Empty when nothing changes.
QList<FlagChangeRow> flagChangeRows(const Flag &before, const Flag &after);

constexpr int MaxContextRows = 5;
