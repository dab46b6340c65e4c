#pragma once

#include "../core/auditentry.h"
#include "../core/flag.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// The flags of one environment as a server reported them, for the offline view.
struct FlagSnapshotUpdate
{
    QString server;
    QString environment;
    QList<Flag> flags;
    // True for a whole environment (flags missing from the list are gone); false for changes.
    bool replacesEnvironment = false;
    qint64 seenMs = 0;
};

// What the console last worked out about a flag that the server does not hold: its stage and its
// guardrail verdicts, so that `flagdeck mcp` can tell agents without a connection of its own.
struct FlagStatusUpdate
{
    QString server;
    QString environment;
    QString flagKey;
    QJsonObject status;
};

// Everything the audit cache writes in one transaction: entries, the sync cursors that those
// entries bring each server to, and flag snapshots. A cursor is only ever stored together with the
// entries it covers, so a sync that dies half-way resumes exactly where its last commit ended.
struct AuditBatch
{
    QList<AuditEntry> entries;
    QHash<QString, QString> cursors; // server → cursor after these entries
    QList<FlagSnapshotUpdate> snapshots;
    QList<FlagStatusUpdate> statuses; // written after the snapshots

    bool isEmpty() const
    {
        return entries.isEmpty() && cursors.isEmpty() && snapshots.isEmpty() && statuses.isEmpty();
    }
    void append(const AuditBatch &later)
    {
        entries.append(later.entries);
        cursors.insert(later.cursors);
        snapshots.append(later.snapshots);
        statuses.append(later.statuses);
    }
};
