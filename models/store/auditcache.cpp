#include "auditcache.h"

#include "sqltext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AuditCache", text);
}

QByteArray compactJson(const QJsonObject &object)
{
    return object.isEmpty() ? QByteArray() : QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Each entry moves the schema from version index to index + 1; never edit a released step.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        {
            QStringLiteral("CREATE TABLE audit_events ("
                           "id INTEGER PRIMARY KEY, server TEXT NOT NULL, environment TEXT NOT NULL, "
                           "flag_key TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL, "
                           "actor TEXT NOT NULL, actor_kind TEXT NOT NULL, time_ms INTEGER NOT NULL, "
                           "source_id TEXT NOT NULL, before_json TEXT, after_json TEXT, "
                           "comment TEXT NOT NULL DEFAULT '', UNIQUE (server, source_id))"),
            QStringLiteral("CREATE INDEX audit_events_time ON audit_events (time_ms)"),
            QStringLiteral("CREATE INDEX audit_events_flag ON audit_events (server, environment, flag_key)"),
        },
    };
    return steps;
}

} // namespace

AuditCache::AuditCache() : m_file(QStringLiteral("audit")) {}

AuditCache::~AuditCache() = default;

QString AuditCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/audit.sqlite");
}

QString AuditCache::open(const QString &path)
{
    m_path = path;
    if (const QString error = m_file.open(path); !error.isEmpty())
        return tr("the audit cache: %1").arg(error);
    QSqlQuery pragma(m_file.database());
    // FULL: an audit write that returned is on disk, even after a power loss.
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous=FULL")))
        return tr("cannot configure the audit cache: %1").arg(pragma.lastError().text());
    return migrate();
}

QString AuditCache::migrate()
{
    QSqlQuery query(m_file.database());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return tr("cannot read the audit cache version: %1").arg(query.lastError().text());
    const int version = query.value(0).toInt();
    if (version > SchemaVersion)
        return tr("the audit cache %1 was written by a newer FlagDeck (schema %2, this one knows %3)")
            .arg(m_path)
            .arg(version)
            .arg(SchemaVersion);
    for (int step = version; step < SchemaVersion; ++step) {
        if (!m_file.database().transaction())
            return tr("cannot upgrade the audit cache: %1").arg(m_file.database().lastError().text());
        for (const QString &statement : migrations().at(step)) {
            if (!query.exec(statement)) {
                const QString error = query.lastError().text();
                m_file.database().rollback();
                return tr("cannot upgrade the audit cache to schema %1: %2").arg(step + 1).arg(error);
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(step + 1)) || !m_file.database().commit()) {
            m_file.database().rollback();
            return tr("cannot upgrade the audit cache to schema %1").arg(step + 1);
        }
    }
    return {};
}

QString AuditCache::record(const AuditEntry &entry)
{
    if (!isOpen())
        return tr("the audit cache is not open");
    QSqlQuery insert(m_file.database());
    insert.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO audit_events (server, environment, flag_key, action, outcome, actor, actor_kind, "
        "time_ms, source_id, before_json, after_json, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(sqlText(entry.server));
    insert.addBindValue(sqlText(entry.environment));
    insert.addBindValue(sqlText(entry.flagKey));
    insert.addBindValue(sqlText(entry.action));
    insert.addBindValue(sqlText(entry.outcome));
    insert.addBindValue(sqlText(entry.actor));
    insert.addBindValue(actorKindName(entry.actorKind));
    insert.addBindValue(entry.timeMs);
    insert.addBindValue(sqlText(entry.sourceId));
    insert.addBindValue(compactJson(entry.before));
    insert.addBindValue(compactJson(entry.after));
    insert.addBindValue(sqlText(entry.comment));
    if (!insert.exec())
        return tr("cannot record the audit entry: %1").arg(insert.lastError().text());
    return {};
}

qint64 AuditCache::count() const
{
    QSqlQuery query(m_file.database());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM audit_events")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QList<AuditEntry> AuditCache::latest(int limit) const
{
    QList<AuditEntry> entries;
    QSqlQuery query(m_file.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT server, environment, flag_key, action, outcome, actor, actor_kind, time_ms, "
                                 "source_id, before_json, after_json, comment FROM audit_events "
                                 "ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec())
        return entries;
    while (query.next()) {
        AuditEntry entry;
        entry.server = query.value(0).toString();
        entry.environment = query.value(1).toString();
        entry.flagKey = query.value(2).toString();
        entry.action = query.value(3).toString();
        entry.outcome = query.value(4).toString();
        entry.actor = query.value(5).toString();
        entry.actorKind = actorKindFromName(query.value(6).toString()).value_or(ActorKind::System);
        entry.timeMs = query.value(7).toLongLong();
        entry.sourceId = query.value(8).toString();
        entry.before = QJsonDocument::fromJson(query.value(9).toByteArray()).object();
        entry.after = QJsonDocument::fromJson(query.value(10).toByteArray()).object();
        entry.comment = query.value(11).toString();
        entries.append(entry);
    }
    return entries;
}
