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
    static constexpr int SchemaVersion = 4;

    AuditCache();
    ~AuditCache();
    AuditCache(const AuditCache &) = delete;
    AuditCache &operator=(const AuditCache &) = delete;

    static QString defaultPath();

    // Opens or creates the cache and brings its schema up to date.
    Result<void> open(const QString &path);
    bool isOpen() const { return m_file.isOpen(); }
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


private:
    Result<void> migrate();
    Result<void> chainUnchainedEntries();

    QString m_path;
    SqliteFile m_file;
};
