#pragma once

#include "../core/changegroup.h"
#include "../core/flagref.h"
#include "../core/flagstateat.h"
#include "../core/result.h"
#include "sqlitefile.h"

#include <QList>
#include <QString>

// The changes the audit cache holds, for "what changed" and "put it back": every change of every
// server in a window, grouped by flag; one change by its row id; one flag's changes in a window;
// every flag as it was at a time. A change is an entry that happened ("applied" from a server's
// history, "confirmed" from this console) and records a state before or after; requests, failures
// and notes (a stage pause) are not changes. Reads through the cache's time and flag indexes, on
// its own connection: use it on the thread that opened it.
class ChangeHistory
{
public:
    // A window with more changes than this reads the newest ones and says it was cut.
    static constexpr int MaxWindowChanges = 20000;
    // How far back stateAt() looks for a field a flag's newest changes do not record.
    static constexpr int MaxEntriesPerFlagState = 200;

    ChangeHistory();
    ~ChangeHistory();
    ChangeHistory(const ChangeHistory &) = delete;
    ChangeHistory &operator=(const ChangeHistory &) = delete;

    // The cache must exist (AuditCache::open creates and migrates it).
    Result<void> open(const QString &path);

    // The changes with fromMs <= time <= untilMs across all servers, and with a row id above afterId
    // (0: all; lastId of an earlier read: only those that arrived since).
    Result<ChangeWindow> changesIn(qint64 fromMs, qint64 untilMs, qint64 afterId = 0) const;
    // One change by its row id; a failure if there is no such change.
    Result<StoredChange> change(qint64 id) const;
    // One flag's changes with fromMs <= time <= untilMs, oldest first.
    Result<QList<StoredChange>> changesOf(const FlagRef &ref, qint64 fromMs, qint64 untilMs) const;
    // Every flag with a change at or before timeMs, as it was then, ordered by server, environment, key.
    Result<QList<FlagStateAt>> stateAt(qint64 timeMs) const;

private:
    SqliteFile m_file;
};
