#pragma once

#include "../../core/auditentry.h"
#include "../../core/flag.h"
#include "../../core/result.h"
#include "../../store/sqlitefile.h"

#include <QMap>
#include <QSqlQuery>
#include <QString>

// The sandbox server's own storage: one SQLite file per sandbox connection, seeded on first open
// from the bundled seed data, so every sandbox keeps its state across restarts.
class SandboxDatabase
{
public:
    explicit SandboxDatabase(QString path);
    ~SandboxDatabase();
    SandboxDatabase(const SandboxDatabase &) = delete;
    SandboxDatabase &operator=(const SandboxDatabase &) = delete;

    // Opens or creates the file; seeds it when it holds no flags.
    Result<void> open();

    QStringList environments() const;
    QMap<QString, Flag> flags(const QString &environment) const;

    // Stores the flag and appends one history entry, in one transaction.
    Result<void> saveFlag(const QString &environment, const Flag &flag, const AuditEntry &history);

    // Removes the flag and appends one history entry, in one transaction.
    Result<void> archiveFlag(const QString &environment, const QString &key, const AuditEntry &history);

    // History entries with id > afterId, oldest first, at most limit; lastId is the newest id read.
    QList<AuditEntry> historyAfter(qint64 afterId, int limit, qint64 *lastId) const;

    static Result<QMap<QString, QList<Flag>>> readSeed(const QByteArray &json);

private:
    Result<void> createSchema();
    Result<void> seed();
    // Runs the flag's change and its history entry in one transaction.
    Result<void> writeWithHistory(QSqlQuery &change, const QString &environment, const QString &key,
                                  const AuditEntry &history, const QString &failure);

    QString m_path;
    SqliteFile m_file;
};
