#pragma once

#include "auditentry.h"
#include "flagref.h"
#include "netchange.h"

#include <QList>
#include <QStringList>

// One change as the audit cache holds it: its row id (what a revert names), the entry, and what it
// changed in words.
struct StoredChange
{
    qint64 id = 0;
    AuditEntry entry;
    QStringList words; // describeAuditChange(entry.before, entry.after)

    bool byAgent() const { return entry.actorKind == ActorKind::Agent; }
    // The guardrail monitor and other automation act as the system.
    bool byMonitor() const { return entry.actorKind == ActorKind::System; }
};

// A flag's changes in a window: newest first, and what they did in all.
struct ChangeGroup
{
    FlagRef ref;
    QList<StoredChange> changes; // newest first
    NetChange net;               // from before the oldest to after the newest

    qint64 newestMs() const { return changes.isEmpty() ? 0 : changes.constFirst().entry.timeMs; }
    bool anyByAgent() const;
    bool anyByMonitor() const;
    // The changes as previewRevert() takes them, oldest first, with their ids.
    QList<AuditEntry> entriesOldestFirst() const;
    QList<qint64> idsOldestFirst() const;
};

// Every change of a window, grouped by flag (server, environment, key), the group changed last
// first. lastId: the highest row id read, to ask for the changes that arrive later.
struct ChangeWindow
{
    QList<ChangeGroup> groups;
    qint64 lastId = 0;
    bool truncated = false; // more changes than read; the oldest were left out

    int changeCount() const;
    // Changes that arrived later (a read with afterId = lastId) join their groups.
    void merge(const ChangeWindow &newer);
};

// changes: newest first (ties by id, newest first).
ChangeWindow groupChanges(const QList<StoredChange> &changes);
// One flag's changes, in any order, as a group (newest first, with their net change).
ChangeGroup changeGroupOf(const FlagRef &ref, QList<StoredChange> changes);
