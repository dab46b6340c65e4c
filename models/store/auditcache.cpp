#include "auditcache.h"

#include "../core/auditchange.h"
#include "../core/flagjson.h"
#include "../core/flagref.h"
#include "auditchain.h"
#include "flagtimeline.h"
#include "preparedauditentries.h"
#include "sqlitestatement.h"
#include "sqltext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <functional>
#include <optional>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuditCache)
};

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(AuditCache::storedJson(object));
}

struct Migration
{
    QStringList statements;
    // Work SQL alone cannot do, run inside the same transaction.
    std::function<Result<void>(AuditCache &)> complete;
};

} // namespace

AuditCache::AuditCache() : m_file(QStringLiteral("audit")) {}

AuditCache::~AuditCache() = default;

QString AuditCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/audit.sqlite");
}

Result<void> AuditCache::open(const QString &path)
{
    m_path = path;
    if (const Result<void> opened = m_file.open(path); !opened)
        return Result<void>::failure(Text::tr("the audit cache: %1").arg(opened.error()));
    QSqlQuery pragma(m_file.database());
    // FULL, kept on purpose: in WAL mode it syncs the log at every commit, so a page of history
    // (or a kill's intent) whose write() returned is on disk even after a power loss or an OS
    // crash. NORMAL would sync only at checkpoints: safe when the application crashes, but a
    // power loss could take back the last pages, and this console's own entries (kill intents,
    // proposal outcomes) cannot be fetched again from any server. The price is one sync per
    // transaction, not per entry: AuditWriter's worker writes everything queued since its last
    // commit in one transaction, so a fast server's pages share syncs.
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous=%1").arg(QLatin1String(Synchronous))))
        return Result<void>::failure(Text::tr("cannot configure the audit cache: %1").arg(pragma.lastError().text()));
    // The indexes of a long history (a million entries is some 300 MB) are written and read at
    // random; with SQLite's default 2 MB page cache nearly every insert waits for the disk.
    pragma.exec(QStringLiteral("PRAGMA cache_size = -65536"));
    // A page of history dirties index pages all over the file; the default checkpoint every
    // 1,000 WAL pages (4 MB) copied them into the database after nearly every page, with two
    // more flushes each time. Every 32 MB, a page dirtied by many batches is copied once.
    pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 8192"));
    return migrate();
}

void AuditCache::close()
{
    m_file.close();
}

Result<void> AuditCache::checkIntegrity() const
{
    QSqlQuery check(m_file.database());
    check.setForwardOnly(true);
    if (!check.exec(QStringLiteral("PRAGMA quick_check(5)")))
        return Result<void>::failure(check.lastError().text());
    QStringList problems;
    while (check.next())
        problems.append(check.value(0).toString());
    if (check.lastError().isValid())
        return Result<void>::failure(check.lastError().text());
    if (problems == QStringList{QStringLiteral("ok")})
        return {};
    return Result<void>::failure(problems.isEmpty() ? Text::tr("SQLite found it damaged") : problems.join(QStringLiteral("; ")));
}

bool AuditCache::meansDamage(const QString &error)
{
    // sqlite3_errstr() of SQLITE_CORRUPT and SQLITE_NOTADB: SQLite's own words, never translated.
    return error.contains(QLatin1String("database disk image is malformed"))
        || error.contains(QLatin1String("file is not a database"));
}

Result<void> AuditCache::migrate()
{
    // Each entry moves the schema from version index to index + 1; never edit a released step.
    const QList<Migration> migrations = {
        {{
             QStringLiteral("CREATE TABLE audit_events ("
                            "id INTEGER PRIMARY KEY, server TEXT NOT NULL, environment TEXT NOT NULL, "
                            "flag_key TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL, "
                            "actor TEXT NOT NULL, actor_kind TEXT NOT NULL, time_ms INTEGER NOT NULL, "
                            "source_id TEXT NOT NULL, before_json TEXT, after_json TEXT, "
                            "comment TEXT NOT NULL DEFAULT '', UNIQUE (server, source_id))"),
             QStringLiteral("CREATE INDEX audit_events_time ON audit_events (time_ms)"),
             QStringLiteral("CREATE INDEX audit_events_flag ON audit_events (server, environment, flag_key)"),
         },
         {}},
        {{
             // The hash chain, and version 1's JSON columns as text (they were bound as blobs).
             QStringLiteral("ALTER TABLE audit_events ADD COLUMN chain_seq INTEGER"),
             QStringLiteral("ALTER TABLE audit_events ADD COLUMN prev_hash TEXT"),
             QStringLiteral("ALTER TABLE audit_events ADD COLUMN hash TEXT"),
             QStringLiteral("UPDATE audit_events SET before_json = CAST(before_json AS TEXT), "
                            "after_json = CAST(after_json AS TEXT)"),
             QStringLiteral("CREATE UNIQUE INDEX audit_events_chain ON audit_events (server, chain_seq)"),
             QStringLiteral("CREATE INDEX audit_events_flag_key ON audit_events (flag_key)"),
             QStringLiteral("CREATE INDEX audit_events_actor ON audit_events (actor)"),
             QStringLiteral("CREATE TABLE audit_chain_heads (server TEXT PRIMARY KEY, "
                            "chain_seq INTEGER NOT NULL, hash TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE sync_cursors (server TEXT PRIMARY KEY, cursor TEXT NOT NULL, "
                            "synced_ms INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE flag_snapshots (server TEXT NOT NULL, environment TEXT NOT NULL, "
                            "flag_key TEXT NOT NULL, body TEXT NOT NULL, seen_ms INTEGER NOT NULL, "
                            "PRIMARY KEY (server, environment, flag_key))"),
             // External content: the text lives once, in audit_events; the index holds tokens only.
             QStringLiteral("CREATE VIRTUAL TABLE audit_fts USING fts5(server, environment, flag_key, action, "
                            "outcome, actor, comment, before_json, after_json, "
                            "content='audit_events', content_rowid='id')"),
             QStringLiteral("CREATE TRIGGER audit_events_fts AFTER INSERT ON audit_events BEGIN "
                            "INSERT INTO audit_fts (rowid, server, environment, flag_key, action, outcome, actor, "
                            "comment, before_json, after_json) VALUES (new.id, new.server, new.environment, "
                            "new.flag_key, new.action, new.outcome, new.actor, new.comment, new.before_json, "
                            "new.after_json); END"),
             QStringLiteral("INSERT INTO audit_fts (audit_fts) VALUES ('rebuild')"),
         },
         &AuditCache::chainUnchainedEntries},
        {{QStringLiteral("ALTER TABLE flag_snapshots ADD COLUMN status TEXT NOT NULL DEFAULT '{}'")}, {}},
        // A flag's history in time order: its state at a time read by seeking instead of sorting
        // every entry of the flag. It serves every lookup by flag, so the old index goes.
        {{QStringLiteral("CREATE INDEX audit_events_flag_time ON audit_events "
                         "(server, environment, flag_key, time_ms)"),
          QStringLiteral("DROP INDEX audit_events_flag")},
         {}},
        // Search what a person searches, at ingest pace. The old index tokenized both whole flag
        // documents of every entry through a trigger; the new one is contentless (the text lives
        // once, in audit_events) and holds the flag, the actor and the entry in words: server,
        // environment, action, outcome, actor kind, comment, the change as the browser says it
        // and the values that changed. Write() fills it. The actor index goes: an actor filter
        // narrows through the index's actor column and compares exactly on the rows found. The
        // flag index stays (a flag key is a phrase of common tokens, slow to match alone), as do
        // time, (server, environment, flag, time), the dedupe key and the chain.
        {{QStringLiteral("DROP TRIGGER IF EXISTS audit_events_fts"), QStringLiteral("DROP TABLE IF EXISTS audit_fts"),
          QStringLiteral("DROP INDEX IF EXISTS audit_events_actor"),
          QStringLiteral("CREATE VIRTUAL TABLE audit_fts USING fts5(flag_key, actor, words, content='', "
                         "columnsize=0, detail=full, prefix='1 2 3 4')")},
         &AuditCache::indexAllEntries},
        // One index for a flag's history, flag first: it serves a flag across servers and a flag
        // in its environment alike; the second index was a tenth of the ingest's time. A server
        // alone is served by the chain's index.
        {{QStringLiteral("DROP INDEX IF EXISTS audit_events_flag_key"),
          QStringLiteral("DROP INDEX IF EXISTS audit_events_flag_time"),
          QStringLiteral("CREATE INDEX audit_events_flag_history ON audit_events "
                         "(flag_key, server, environment, time_ms)")},
         {}},
        // Ingest at SQLite's pace. The full-text index without prefix indexes: they were a third
        // of the ingest's time; a prefix typed is matched as the whole terms it starts
        // (AuditIdLoader). A flag's history by flag and time alone: server and environment in
        // the key made it a fifth of the ingest's time, and a flag's entries in its other
        // environments are few to step over. Which flags each server and environment has, for
        // the moment view, lives in a table of its own, written once per flag and transaction.
        {{QStringLiteral("DROP TABLE audit_fts"), QString::fromLatin1(AuditCache::SearchTableDdl),
          QStringLiteral("DROP INDEX audit_events_flag_history"),
          QStringLiteral("CREATE INDEX audit_events_by_flag ON audit_events (flag_key, time_ms)"),
          QString::fromLatin1(AuditCache::FlagsTableDdl),
          QStringLiteral("INSERT INTO audit_flags (flag_key, server, environment) "
                         "SELECT DISTINCT flag_key, server, environment FROM audit_events")},
         &AuditCache::indexAllEntries},
        // Ingest at SQLite's pace, again: a flag's history as runs of entry ids written once per
        // flag and transaction (FlagTimeline) instead of an index entry per entry, a fifth of the
        // ingest's time. The runs also say which flags the history names. The full-text index
        // merges 16 segments of a level at a time instead of 4: merging was a tenth of the
        // ingest's time, and the p95 of typed searches at a million entries stayed within 45 ms.
        {{QStringLiteral("DROP INDEX audit_events_by_flag"), QStringLiteral("DROP TABLE audit_flags"),
          QString::fromLatin1(FlagTimeline::TableDdl),
          QStringLiteral("INSERT INTO audit_fts (audit_fts, rank) VALUES ('automerge', 16)")},
         [](AuditCache &cache) { return FlagTimeline::build(cache.m_file.database()); }},
    };
    static_assert(SchemaVersion == 8, "add the migration step for the new schema version");

    QSqlQuery query(m_file.database());
    // IMMEDIATE, and the version read inside: two processes opening a new file at once (the
    // console and flagdeck mcp) must not both migrate it.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Result<void>::failure(Text::tr("cannot upgrade the audit cache: %1").arg(query.lastError().text()));
    const auto fail = [&](const QString &error) {
        QSqlQuery(m_file.database()).exec(QStringLiteral("ROLLBACK"));
        return Result<void>::failure(error);
    };
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return fail(Text::tr("cannot read the audit cache version: %1").arg(query.lastError().text()));
    const int version = query.value(0).toInt();
    query.finish();
    if (version > SchemaVersion)
        return fail(Text::tr("the audit cache %1 was written by a newer FlagDeck (schema %2, this one knows %3)")
                        .arg(m_path)
                        .arg(version)
                        .arg(SchemaVersion));
    for (int step = version; step < SchemaVersion; ++step) {
        const auto stepFailed = [&](const QString &error) {
            return fail(Text::tr("cannot upgrade the audit cache to schema %1: %2").arg(step + 1).arg(error));
        };
        for (const QString &statement : migrations.at(step).statements) {
            if (!query.exec(statement))
                return stepFailed(query.lastError().text());
        }
        if (migrations.at(step).complete) {
            if (const Result<void> completed = migrations.at(step).complete(*this); !completed)
                return stepFailed(completed.error());
        }
    }
    if (version < SchemaVersion && !query.exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion)))
        return fail(query.lastError().text());
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(Text::tr("cannot upgrade the audit cache: %1").arg(query.lastError().text()));
    return {};
}

// Entries written before the chain existed join it in the order they were written.
Result<void> AuditCache::chainUnchainedEntries()
{
    QSqlQuery select(m_file.database());
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT id, %1 FROM audit_events WHERE hash IS NULL ORDER BY id")
                         .arg(entryColumns())))
        return Result<void>::failure(select.lastError().text());
    QList<std::pair<qint64, QStringList>> unchained;
    while (select.next())
        unchained.append({select.value(0).toLongLong(), storedChainTexts(select, 1)});
    QHash<QString, std::pair<qint64, QByteArray>> heads;
    QSqlQuery update(m_file.database());
    update.prepare(QStringLiteral("UPDATE audit_events SET chain_seq = ?, prev_hash = ?, hash = ? WHERE id = ?"));
    for (const auto &[id, texts] : std::as_const(unchained)) {
        auto &head = heads[texts.constFirst()]; // the server column
        if (head.second.isEmpty())
            head = {0, AuditChain::genesis()};
        const QByteArray hash = AuditChain::hash(head.first + 1, head.second, texts);
        update.addBindValue(head.first + 1);
        update.addBindValue(QString::fromLatin1(head.second));
        update.addBindValue(QString::fromLatin1(hash));
        update.addBindValue(id);
        if (!update.exec())
            return Result<void>::failure(update.lastError().text());
        head = {head.first + 1, hash};
    }
    QSqlQuery storeHead(m_file.database());
    storeHead.prepare(QStringLiteral("INSERT INTO audit_chain_heads (server, chain_seq, hash) VALUES (?, ?, ?)"));
    for (auto it = heads.constBegin(); it != heads.constEnd(); ++it) {
        storeHead.addBindValue(it.key());
        storeHead.addBindValue(it.value().first);
        storeHead.addBindValue(QString::fromLatin1(it.value().second));
        if (!storeHead.exec())
            return Result<void>::failure(storeHead.lastError().text());
    }
    return {};
}

// Every stored entry into the full-text index, for a cache written before schema 5.
Result<void> AuditCache::indexAllEntries()
{
    QSqlQuery select(m_file.database());
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT id, %1 FROM audit_events ORDER BY id").arg(entryColumns())))
        return Result<void>::failure(select.lastError().text());
    QSqlQuery insert(m_file.database());
    insert.prepare(QStringLiteral("INSERT INTO audit_fts (rowid, flag_key, actor, words) VALUES (?, ?, ?, ?)"));
    while (select.next()) {
        const AuditEntry entry = entryFromQuery(select, 1);
        insert.addBindValue(select.value(0).toLongLong());
        insert.addBindValue(entry.flagKey);
        insert.addBindValue(entry.actor);
        insert.addBindValue(searchWords(entry));
        if (!insert.exec())
            return Result<void>::failure(insert.lastError().text());
    }
    return {};
}

QByteArray AuditCache::storedJson(const QJsonObject &object)
{
    return object.isEmpty() ? QByteArray() : QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString AuditCache::searchWords(const AuditEntry &entry)
{
    QStringList words = {entry.server, entry.environment, entry.action, entry.outcome,
                         actorKindName(entry.actorKind), entry.comment};
    words += describeAuditChange(entry.before, entry.after);
    // The values that changed, as stored: a search for a variation or a number finds the entry
    // whatever words the description used.
    for (auto it = entry.after.constBegin(); it != entry.after.constEnd(); ++it) {
        const QJsonValue before = entry.before.value(it.key());
        if (before == it.value())
            continue;
        words.append(it.key());
        for (const QJsonValue &value : {before, QJsonValue(it.value())}) {
            if (value.isString())
                words.append(value.toString());
            else if (value.isDouble())
                words.append(QString::number(value.toDouble()));
            else if (value.isBool())
                words.append(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
            else if (value.isArray())
                words.append(QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)));
            else if (value.isObject())
                words.append(compactJson(value.toObject()));
        }
    }
    words.removeAll(QString());
    return words.join(u' ');
}

Result<qint64> AuditCache::write(const AuditBatch &batch)
{
    if (!isOpen())
        return Result<qint64>::failure(Text::tr("the audit cache is not open"));
    QSqlDatabase &db = m_file.database();
    QSqlQuery query(db);
    // IMMEDIATE: the chain head read below must still be the head when this transaction commits,
    // even with another process (flagdeck mcp, a second console) writing to the same file.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Result<qint64>::failure(
            Text::tr("cannot start writing to the audit cache: %1").arg(query.lastError().text()));
    const auto fail = [&](const QString &what, const QString &error) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return Result<qint64>::failure(Text::tr("%1: %2").arg(what, error));
    };

    // Every chain's head, read once: the batch's entries are hashed ahead as links after them.
    QHash<QString, AuditChain::Link> heads;
    if (!batch.entries.isEmpty()) {
        QSqlQuery readHeads(db);
        readHeads.setForwardOnly(true);
        if (!readHeads.exec(QStringLiteral("SELECT server, chain_seq, hash FROM audit_chain_heads")))
            return fail(Text::tr("cannot read the audit chain"), readHeads.lastError().text());
        while (readHeads.next())
            heads.insert(readHeads.value(0).toString(), {readHeads.value(1).toLongLong(), readHeads.value(2).toByteArray()});
    }
    std::optional<PreparedAuditEntries> prepared;
    if (!batch.entries.isEmpty())
        prepared.emplace(batch.entries, heads);
    // By the numbers the preparing thread gives each server and flag, in the order first seen.
    QList<QString> servers;
    QList<AuditChain::Link> serverHeads;
    QList<FlagTimeline::FlagEntries> storedByFlag;

    SqliteStatement insert(
        db, QStringLiteral("INSERT OR IGNORE INTO audit_events (%1, chain_seq, prev_hash, hash) VALUES (%2)")
                .arg(entryColumns(), QStringList(AuditChain::columns().size() + 3, QStringLiteral("?")).join(u',')));
    SqliteStatement index(db, QStringLiteral("INSERT INTO audit_fts (rowid, flag_key, actor, words) VALUES (?, ?, ?, ?)"));
    static const int serverColumn = int(AuditChain::columns().indexOf(QStringLiteral("server")));
    static const int environmentColumn = int(AuditChain::columns().indexOf(QStringLiteral("environment")));
    static const int timeColumn = int(AuditChain::columns().indexOf(QStringLiteral("time_ms")));
    static const int flagColumn = int(AuditChain::columns().indexOf(QStringLiteral("flag_key")));
    static const int actorColumn = int(AuditChain::columns().indexOf(QStringLiteral("actor")));
    qint64 lastId = 0;
    for (qsizetype entryIndex = 0; entryIndex < batch.entries.size(); ++entryIndex) {
        const AuditEntry &entry = batch.entries.at(entryIndex);
        const PreparedAuditEntries::Entry &ready = prepared->at(entryIndex);
        if (ready.server == servers.size()) {
            servers.append(entry.server);
            serverHeads.append(heads.value(entry.server));
        }
        if (ready.flag == storedByFlag.size()) {
            storedByFlag.append({ready.columns.column(serverColumn).toByteArray(),
                                 ready.columns.column(environmentColumn).toByteArray(),
                                 ready.columns.column(flagColumn).toByteArray(), {}});
        }
        AuditChain::Link &head = serverHeads[ready.server];
        // Hashed ahead after the link before it; again here when that one was skipped as stored.
        const bool linkHolds = ready.previous.seq == head.seq && ready.previous.hash == head.hash;
        const QByteArray hash = linkHolds ? ready.hash : AuditChain::hash(head.seq + 1, head.hash, ready.columns);
        for (int column = 0; column < AuditChain::columns().size(); ++column) {
            if (column == timeColumn)
                insert.add(entry.timeMs);
            else
                insert.addUtf8(ready.columns.column(column));
        }
        insert.add(head.seq + 1);
        insert.addUtf8(head.hash);
        insert.addUtf8(hash);
        const Result<int> inserted = insert.run();
        if (!inserted)
            return fail(Text::tr("cannot record the audit entry"), inserted.error());
        if (inserted.value() == 1) {
            head = {head.seq + 1, hash};
            lastId = insert.lastInsertId();
            index.add(lastId);
            index.addUtf8(ready.columns.column(flagColumn));
            index.addUtf8(ready.columns.column(actorColumn));
            index.addUtf8(ready.words);
            if (const Result<int> indexed = index.run(); !indexed)
                return fail(Text::tr("cannot index the audit entry"), indexed.error());
            storedByFlag[ready.flag].entries.append({entry.timeMs, lastId});
        }
    }
    if (const Result<void> added = FlagTimeline::add(db, storedByFlag); !added)
        return fail(Text::tr("cannot index the audit entry"), added.error());
    QSqlQuery storeHead(db);
    storeHead.prepare(QStringLiteral("INSERT INTO audit_chain_heads (server, chain_seq, hash) VALUES (?, ?, ?) "
                                     "ON CONFLICT (server) DO UPDATE SET chain_seq = excluded.chain_seq, "
                                     "hash = excluded.hash"));
    for (qsizetype server = 0; server < servers.size(); ++server) {
        const AuditChain::Link &head = serverHeads.at(server);
        if (head.seq == heads.value(servers.at(server)).seq)
            continue; // nothing of this server's was stored
        storeHead.addBindValue(servers.at(server));
        storeHead.addBindValue(head.seq);
        storeHead.addBindValue(QString::fromLatin1(head.hash));
        if (!storeHead.exec())
            return fail(Text::tr("cannot move the audit chain"), storeHead.lastError().text());
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery storeCursor(db);
    storeCursor.prepare(QStringLiteral("INSERT INTO sync_cursors (server, cursor, synced_ms) VALUES (?, ?, ?) "
                                       "ON CONFLICT (server) DO UPDATE SET cursor = excluded.cursor, "
                                       "synced_ms = excluded.synced_ms"));
    for (auto it = batch.cursors.constBegin(); it != batch.cursors.constEnd(); ++it) {
        storeCursor.addBindValue(sqlText(it.key()));
        storeCursor.addBindValue(sqlText(it.value()));
        storeCursor.addBindValue(now);
        if (!storeCursor.exec())
            return fail(Text::tr("cannot store the sync position"), storeCursor.lastError().text());
    }

    QSqlQuery clearEnvironment(db);
    clearEnvironment.prepare(QStringLiteral("DELETE FROM flag_snapshots WHERE server = ? AND environment = ?"));
    QSqlQuery storeFlag(db);
    storeFlag.prepare(QStringLiteral("INSERT INTO flag_snapshots (server, environment, flag_key, body, seen_ms) "
                                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (server, environment, flag_key) "
                                     "DO UPDATE SET body = excluded.body, seen_ms = excluded.seen_ms"));
    for (const FlagSnapshotUpdate &snapshot : batch.snapshots) {
        if (snapshot.replacesEnvironment) {
            clearEnvironment.addBindValue(sqlText(snapshot.server));
            clearEnvironment.addBindValue(sqlText(snapshot.environment));
            if (!clearEnvironment.exec())
                return fail(Text::tr("cannot store the flag states"), clearEnvironment.lastError().text());
        }
        for (const Flag &flag : snapshot.flags) {
            storeFlag.addBindValue(sqlText(snapshot.server));
            storeFlag.addBindValue(sqlText(snapshot.environment));
            storeFlag.addBindValue(sqlText(flag.key));
            storeFlag.addBindValue(compactJson(flagToJson(flag)));
            storeFlag.addBindValue(snapshot.seenMs);
            if (!storeFlag.exec())
                return fail(Text::tr("cannot store the flag states"), storeFlag.lastError().text());
        }
    }

    QSqlQuery storeStatus(db);
    storeStatus.prepare(QStringLiteral("UPDATE flag_snapshots SET status = ? "
                                       "WHERE server = ? AND environment = ? AND flag_key = ?"));
    for (const FlagStatusUpdate &status : batch.statuses) {
        storeStatus.addBindValue(compactJson(status.status));
        storeStatus.addBindValue(sqlText(status.server));
        storeStatus.addBindValue(sqlText(status.environment));
        storeStatus.addBindValue(sqlText(status.flagKey));
        if (!storeStatus.exec())
            return fail(Text::tr("cannot store the flag states"), storeStatus.lastError().text());
    }

    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(Text::tr("cannot commit to the audit cache"), query.lastError().text());
    return lastId;
}

QString AuditCache::storedCursor(const QString &server) const
{
    if (!isOpen())
        return {};
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("SELECT cursor FROM sync_cursors WHERE server = ?"));
    query.addBindValue(sqlText(server));
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

QList<CachedFlag> AuditCache::cachedFlags() const
{
    QList<CachedFlag> flags;
    if (!isOpen())
        return flags;
    QSqlQuery query(m_file.database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT server, environment, body, seen_ms, status FROM flag_snapshots")))
        return flags;
    while (query.next()) {
        const QJsonObject body = QJsonDocument::fromJson(query.value(2).toByteArray()).object();
        Result<Flag> flag = flagFromJson(body, query.value(1).toString());
        // A row that no longer reads (edited by hand, or from a future version) is skipped.
        if (!flag)
            continue;
        flags.append({query.value(0).toString(), query.value(1).toString(), std::move(flag).value(),
                      query.value(3).toLongLong(), QJsonDocument::fromJson(query.value(4).toByteArray()).object()});
    }
    return flags;
}

QString AuditCache::entryColumns()
{
    return AuditChain::columns().join(QStringLiteral(", "));
}

QStringList AuditCache::storedChainTexts(const QSqlQuery &query, int firstColumn)
{
    QStringList texts;
    for (int column = 0; column < AuditChain::columns().size(); ++column)
        texts.append(query.value(firstColumn + column).toString());
    return texts;
}

AuditEntry AuditCache::entryFromQuery(const QSqlQuery &query, int firstColumn)
{
    // Column order: AuditChain::columns().
    const auto text = [&](int column) { return query.value(firstColumn + column).toString(); };
    AuditEntry entry;
    entry.server = text(0);
    entry.environment = text(1);
    entry.flagKey = text(2);
    entry.action = text(3);
    entry.outcome = text(4);
    entry.actor = text(5);
    entry.actorKind = actorKindFromName(text(6)).value_or(ActorKind::System);
    entry.timeMs = query.value(firstColumn + 7).toLongLong();
    entry.sourceId = text(8);
    entry.before = QJsonDocument::fromJson(text(9).toUtf8()).object();
    entry.after = QJsonDocument::fromJson(text(10).toUtf8()).object();
    entry.comment = text(11);
    return entry;
}
