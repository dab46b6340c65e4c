#pragma once

#include "../core/result.h"

#include <QList>
#include <QByteArray>
#include <QString>

class QSqlDatabase;

// Each flag's history in time order, in the audit cache (schema 8): the ids of a flag's entries in
// one server and environment, as runs of up to RunEntries ids in (time, id) order, one row per
// run. Runs of a flag never overlap in time, so a reader takes them in order and stops when it has
// read enough. A write adds to a flag's runs once per transaction instead of once per entry: an
// index of every entry by flag and time was a fifth of the ingest's time.
class FlagTimeline
{
public:
    static constexpr int RunEntries = 64;
    // ids: a JSON array, so SQL reads a run with json_each(). first_ms and last_ms bound its times;
    // last_id orders runs that end in the same millisecond.
    static constexpr const char *TableDdl =
        "CREATE TABLE audit_flag_runs (flag_key TEXT NOT NULL, server TEXT NOT NULL, environment TEXT NOT NULL, "
        "last_ms INTEGER NOT NULL, last_id INTEGER NOT NULL, first_ms INTEGER NOT NULL, size INTEGER NOT NULL, "
        "ids TEXT NOT NULL, PRIMARY KEY (flag_key, server, environment, last_ms, last_id)) WITHOUT ROWID";

    struct Entry
    {
        qint64 timeMs = 0;
        qint64 id = 0;
        friend auto operator<=>(const Entry &, const Entry &) = default;
    };

    // One flag's entries a transaction stored, its names as audit_events holds them (UTF-8).
    struct FlagEntries
    {
        QByteArray server;
        QByteArray environment;
        QByteArray key;
        QList<Entry> entries;
    };

    // Adds the entries a transaction stored, by flag; runs inside the caller's transaction. An
    // entry older than a flag's newest ones (a history read late) is merged into the runs it
    // falls in, so runs stay apart.
    static Result<void> add(QSqlDatabase &db, const QList<FlagEntries> &stored);
    // The runs of every stored entry, for a cache written before schema 8.
    static Result<void> build(QSqlDatabase &db);
    // A WHERE condition on audit_events: the entry is of the flag with the key bound to its one
    // placeholder, in any server and environment.
    static QString ofFlagKeyCondition();
};
