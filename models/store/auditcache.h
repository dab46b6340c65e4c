#pragma once

#include "../core/auditentry.h"
#include "sqlitefile.h"

#include <QString>

// The local SQLite cache of audit history (one file per user). This console's own actions are
// recorded here the moment they are attempted, and again with their outcome, so an intent is never
// lost even if the server never answers. The schema is versioned by PRAGMA user_version.
class AuditCache
{
public:
    static constexpr int SchemaVersion = 1;

    AuditCache();
    ~AuditCache();
    AuditCache(const AuditCache &) = delete;
    AuditCache &operator=(const AuditCache &) = delete;

    static QString defaultPath();

    // Opens or creates the cache and brings its schema up to date. Returns the error text on failure.
    QString open(const QString &path);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_path; }

    // Appends one entry; an entry whose (server, sourceId) is already stored is ignored.
    QString record(const AuditEntry &entry);

    qint64 count() const;
    // Newest first, for a quick look; the full browser pages by id.
    QList<AuditEntry> latest(int limit) const;

private:
    QString migrate();

    QString m_path;
    SqliteFile m_file;
};
