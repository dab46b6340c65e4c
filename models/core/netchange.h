#pragma once

#include "auditentry.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// What a run of changes of one flag did in all: the flag's state before the first of them and after
// the last, field by field, from the entries' own before and after (which may be partial: a kill
// records only "enabled"). A field's state before is the "before" of the first entry that names it;
// its state after, the "after" of the last one. A field whose first entry has it after but not
// before (a flag created, a strategy FlagDeck cannot express) is not known before.
struct NetChange
{
    QJsonObject before;
    QJsonObject after;
    QStringList unknownBefore; // top-level fields changed whose state before is not recorded
    QStringList words;         // describeAuditChange(before, after): "rollout of Candidate 5% → 50%"

    bool isEmpty() const { return before.isEmpty() && after.isEmpty(); }
    friend bool operator==(const NetChange &, const NetChange &) = default;
};

// entries: one flag's changes, oldest first.
NetChange netChangeOf(const QList<AuditEntry> &entries);
