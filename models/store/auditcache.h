#pragma once

#include "../core/auditentry.h"
#include "../core/result.h"
#include "auditbatch.h"
#include "cachedflag.h"
#include "sqlitefile.h"

#include <QString>

class QSqlQuery;

// The local SQLite cache of audit history, one file per user: every server's own history, this
// console's actions and proposal events, each in its server's hash chain, with a full-text index,
// the sync cursor per server and the last known flag states. Versioned by PRAGMA user_version.
// One AuditCache is one connection: use it on the thread that opened it.
class AuditCache
{
public:
    static constexpr int SchemaVersion = 8;
    // PRAGMA synchronous for the cache's connections (see open() for why).
    static constexpr const char *Synchronous = "FULL";
    // The full-text index (schema 7): contentless, one row per entry under the entry's id.
    // detail=full: a word typed with punctuation ("INC-420", "ai-flag-7") is a phrase of tokens,
    // and only full detail answers phrases. columnsize=0: no ranking, so no per-row size table.
    // No prefix indexes: prefixes 1 to 4 made a million entries' ingest 27.5 s instead of 17.5;
    // a prefix typed is matched as the whole terms it starts (AuditFilterSql::prefixTerm), and
    // only a prefix that starts very many terms merges their lists (at a million entries the
    // p95 of typed searches is within its 50 ms either way).
    static constexpr const char *SearchTableDdl =
        "CREATE VIRTUAL TABLE audit_fts USING fts5(flag_key, actor, words, content='', columnsize=0, "
        "detail=full)";
    // Every flag the history names, in each server and environment (schema 7; FlagTimeline's runs
    // since schema 8).
    static constexpr const char *FlagsTableDdl =
        "CREATE TABLE audit_flags (flag_key TEXT NOT NULL, server TEXT NOT NULL, environment TEXT NOT NULL, "
        "PRIMARY KEY (flag_key, server, environment)) WITHOUT ROWID";

    AuditCache();
    ~AuditCache();
    AuditCache(const AuditCache &) = delete;
    AuditCache &operator=(const AuditCache &) = delete;

    static QString defaultPath();

    // Opens or creates the cache and brings its schema up to date.
    Result<void> open(const QString &path);
    bool isOpen() const { return m_file.isOpen(); }
    void close();
    // Reads the whole file's structure (PRAGMA quick_check): the first problem SQLite finds, or
    // nothing when the file is sound. Damage in the middle of the file is found here, before
    // anything is written on top of it.
    Result<void> checkIntegrity() const;
    // Whether an error SQLite gave means the file itself is damaged (or not a database at all),
    // which no retry mends.
    static bool meansDamage(const QString &error);
    QString path() const { return m_path; }
    const QSqlDatabase &database() const { return m_file.database(); }

    // Writes the batch in one transaction, or nothing of it. Entries whose (server, source id) is
    // already stored are skipped; the others extend their server's hash chain. Gives the highest row
    // id written (0 if none).
    Result<qint64> write(const AuditBatch &batch);

    // Empty when the server was never synced.
    QString storedCursor(const QString &server) const;
    QList<CachedFlag> cachedFlags() const;

    // The entry columns in the order entryFromQuery() reads them, for SELECTs elsewhere.
    static QString entryColumns();
    static AuditEntry entryFromQuery(const QSqlQuery &query, int firstColumn);
    // Those columns as stored, the text their hash covers.
    static QStringList storedChainTexts(const QSqlQuery &query, int firstColumn);
    // What the full-text index holds for an entry besides its flag and actor.
    static QString searchWords(const AuditEntry &entry);
    // The text a JSON column holds: compact, and empty for an empty object.
    static QByteArray storedJson(const QJsonObject &object);


private:
    Result<void> migrate();
    Result<void> chainUnchainedEntries();
    Result<void> indexAllEntries();

    QString m_path;
    SqliteFile m_file;
};
