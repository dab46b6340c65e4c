#include "store/auditcache.h"
#include "core/auditfilter.h"
#include "store/auditverifier.h"
#include "store/auditchain.h"
#include "store/auditfiltersql.h"
#include "store/flagtimeline.h"
#include "testaudit.h"
#include "testflags.h"
#include "testresult.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class tst_AuditCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsSchemaAtCurrentVersion();
    void recordsAndReadsBack();
    void duplicateSourceIdIsIgnored();
    void refusesNewerSchema();
    void reopenKeepsEntries();
    void unwritableLocationIsAnError();
    void migratesVersionOneAndChainsItsEntries();
    void migratesVersionFourInPlace();
    void migratesVersionSixInPlace();
    void migratesVersionSevenInPlace();
    void duplicateDoesNotExtendTheChain();
    void aLongBatchWithStoredEntriesKeepsEveryChainWhole();
    void storesTheBytesItHashes();
    void aWriteFailingHalfWayStoresNothing();
    void cursorIsStoredWithItsEntries();
    void flagSnapshotsReplaceAnEnvironment();
};

namespace {

AuditEntry entry(const QString &sourceId)
{
    AuditEntry entry;
    entry.server = QStringLiteral("sandbox");
    entry.environment = QStringLiteral("production");
    entry.flagKey = QStringLiteral("chat-model-route");
    entry.action = QStringLiteral("kill");
    entry.outcome = QStringLiteral("requested");
    entry.actor = QStringLiteral("alice");
    entry.actorKind = ActorKind::Human;
    entry.timeMs = 1763700000000;
    entry.sourceId = sourceId;
    entry.before = QJsonObject{{QStringLiteral("enabled"), true}};
    entry.after = QJsonObject{{QStringLiteral("enabled"), false}};
    entry.comment = QStringLiteral("incident 7");
    return entry;
}

AuditFilter text(const QString &words)
{
    AuditFilter filter;
    filter.text = words;
    return filter;
}

// The source ids of the entries a filter finds, in the order they were written.
QStringList sourceIdsMatching(AuditCache &cache, const AuditFilter &filter)
{
    const AuditFilterSql sql = AuditFilterSql::of(filter);
    QSqlQuery select(cache.database());
    select.prepare(QStringLiteral("SELECT source_id FROM audit_events %1 ORDER BY id").arg(sql.where));
    for (const QVariant &value : sql.values)
        select.addBindValue(value);
    QStringList ids;
    if (select.exec()) {
        while (select.next())
            ids.append(select.value(0).toString());
    }
    return ids;
}

int userVersion(const QString &path)
{
    const QString name = QStringLiteral("probe");
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
                version = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

} // namespace

void tst_AuditCache::createsSchemaAtCurrentVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/audit.sqlite"));
    {
        AuditCache cache;
        VERIFY_OK(cache.open(path));
        QVERIFY(cache.isOpen());
        QCOMPARE(TestAudit::count(cache), 0);
        // The full-text index merges its segments 16 at a time (the ingest's pace, schema 8).
        QSqlQuery config(cache.database());
        QVERIFY(config.exec(QStringLiteral("SELECT v FROM audit_fts_config WHERE k = 'automerge'")) && config.next());
        QCOMPARE(config.value(0).toInt(), 16);
    }
    QCOMPARE(userVersion(path), AuditCache::SchemaVersion);
}

void tst_AuditCache::recordsAndReadsBack()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))));
    VERIFY_OK(TestAudit::record(cache, entry(QStringLiteral("console:1:requested"))));
    AuditEntry second = entry(QStringLiteral("console:1:confirmed"));
    second.outcome = QStringLiteral("confirmed");
    VERIFY_OK(TestAudit::record(cache, second));
    const QList<AuditEntry> latest = TestAudit::latest(cache, 10);
    QCOMPARE(latest.size(), 2);
    QCOMPARE(latest.first(), second);
    QCOMPARE(latest.last(), entry(QStringLiteral("console:1:requested")));
}

void tst_AuditCache::duplicateSourceIdIsIgnored()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))));
    VERIFY_OK(TestAudit::record(cache, entry(QStringLiteral("42"))));
    VERIFY_OK(TestAudit::record(cache, entry(QStringLiteral("42"))));
    QCOMPARE(TestAudit::count(cache), 1);
    AuditEntry otherServer = entry(QStringLiteral("42"));
    otherServer.server = QStringLiteral("featbit-prod");
    VERIFY_OK(TestAudit::record(cache, otherServer));
    QCOMPARE(TestAudit::count(cache), 2);
}

void tst_AuditCache::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    AuditCache cache;
    const Result<void> opened = cache.open(path);
    QVERIFY2(opened.error().contains(QStringLiteral("newer FlagDeck")), qPrintable(opened.error()));
}

void tst_AuditCache::reopenKeepsEntries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
    {
        AuditCache cache;
        VERIFY_OK(cache.open(path));
        VERIFY_OK(TestAudit::record(cache, entry(QStringLiteral("1"))));
    }
    AuditCache cache;
    VERIFY_OK(cache.open(path));
    QCOMPARE(TestAudit::count(cache), 1);
}

void tst_AuditCache::unwritableLocationIsAnError()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("file"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    AuditCache cache;
    QVERIFY(!cache.open(blocker + QStringLiteral("/audit.sqlite")));
    QVERIFY(!TestAudit::record(cache, entry(QStringLiteral("1"))));
}

void tst_AuditCache::migratesVersionOneAndChainsItsEntries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
    {
        // Version 1 as FlagDeck 0.1 wrote it: no chain, JSON bound as blobs.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral(
            "CREATE TABLE audit_events (id INTEGER PRIMARY KEY, server TEXT NOT NULL, environment TEXT NOT NULL, "
            "flag_key TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL, actor TEXT NOT NULL, "
            "actor_kind TEXT NOT NULL, time_ms INTEGER NOT NULL, source_id TEXT NOT NULL, before_json TEXT, "
            "after_json TEXT, comment TEXT NOT NULL DEFAULT '', UNIQUE (server, source_id))")));
        QVERIFY(query.exec(QStringLiteral("CREATE INDEX audit_events_time ON audit_events (time_ms)")));
        QVERIFY(query.exec(QStringLiteral("CREATE INDEX audit_events_flag ON audit_events (server, environment, flag_key)")));
        for (int i = 1; i <= 3; ++i) {
            query.prepare(QStringLiteral("INSERT INTO audit_events (server, environment, flag_key, action, outcome, actor, "
                                         "actor_kind, time_ms, source_id, before_json, after_json, comment) "
                                         "VALUES (?, 'production', 'chat-model-route', 'kill', 'requested', 'alice', "
                                         "'human', ?, ?, ?, ?, 'incident')"));
            query.addBindValue(i == 2 ? QStringLiteral("other") : QStringLiteral("sandbox"));
            query.addBindValue(qint64(1763700000000) + i);
            query.addBindValue(QString::number(i));
            query.addBindValue(QByteArray(R"({"enabled":true})"));
            query.addBindValue(QByteArray(R"({"enabled":false})"));
            QVERIFY(query.exec());
        }
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 1")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    AuditCache cache;
    VERIFY_OK(cache.open(path));
    QCOMPARE(userVersion(path), AuditCache::SchemaVersion);
    QCOMPARE(TestAudit::count(cache), 3);
    const AuditVerification verification = verifyAuditChains(cache);
    QVERIFY2(verification.intact, qPrintable(verification.problem));
    QCOMPARE(verification.entriesChecked, 3);
    QCOMPARE(verification.heads.size(), 2);
    QCOMPARE(TestAudit::latest(cache, 1).first().before, (QJsonObject{{QStringLiteral("enabled"), true}}));
    // The old entries are searchable, and new ones extend the chain they were given.
    QSqlQuery search(cache.database());
    QVERIFY(search.exec(QStringLiteral("SELECT count(*) FROM audit_fts WHERE audit_fts MATCH 'incident'")) && search.next());
    QCOMPARE(search.value(0).toInt(), 3);
    VERIFY_OK(TestAudit::record(cache, entry(QStringLiteral("4"))));
    QVERIFY(verifyAuditChains(cache).intact);
    QCOMPARE(verifyAuditChains(cache).heads.constFirst().chainSeq, 1); // "other"
    QCOMPARE(verifyAuditChains(cache).heads.constLast().chainSeq, 3);  // "sandbox": two old, one new
}

// A cache as schema 4 left it (the full-text index over both JSON documents, filled by a
// trigger; six indexes) is upgraded where it is: the entries and their chain stay, the new index
// finds them, the actor index (the full-text index serves that filter) is gone, and new entries
// are indexed once.
void tst_AuditCache::migratesVersionFourInPlace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v4"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        const QStringList schemaFour = {
            QStringLiteral("CREATE TABLE audit_events (id INTEGER PRIMARY KEY, server TEXT NOT NULL, environment TEXT NOT NULL, "
                           "flag_key TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL, actor TEXT NOT NULL, "
                           "actor_kind TEXT NOT NULL, time_ms INTEGER NOT NULL, source_id TEXT NOT NULL, before_json TEXT, "
                           "after_json TEXT, comment TEXT NOT NULL DEFAULT '', chain_seq INTEGER, prev_hash TEXT, hash TEXT, "
                           "UNIQUE (server, source_id))"),
            QStringLiteral("CREATE INDEX audit_events_time ON audit_events (time_ms)"),
            QStringLiteral("CREATE UNIQUE INDEX audit_events_chain ON audit_events (server, chain_seq)"),
            QStringLiteral("CREATE INDEX audit_events_flag_key ON audit_events (flag_key)"),
            QStringLiteral("CREATE INDEX audit_events_actor ON audit_events (actor)"),
            QStringLiteral("CREATE INDEX audit_events_flag_time ON audit_events (server, environment, flag_key, time_ms)"),
            QStringLiteral("CREATE TABLE audit_chain_heads (server TEXT PRIMARY KEY, chain_seq INTEGER NOT NULL, hash TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE sync_cursors (server TEXT PRIMARY KEY, cursor TEXT NOT NULL, synced_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE flag_snapshots (server TEXT NOT NULL, environment TEXT NOT NULL, flag_key TEXT NOT NULL, "
                           "body TEXT NOT NULL, seen_ms INTEGER NOT NULL, status TEXT NOT NULL DEFAULT '{}', "
                           "PRIMARY KEY (server, environment, flag_key))"),
            QStringLiteral("CREATE VIRTUAL TABLE audit_fts USING fts5(server, environment, flag_key, action, outcome, actor, "
                           "comment, before_json, after_json, content='audit_events', content_rowid='id')"),
            QStringLiteral("CREATE TRIGGER audit_events_fts AFTER INSERT ON audit_events BEGIN INSERT INTO audit_fts (rowid, "
                           "server, environment, flag_key, action, outcome, actor, comment, before_json, after_json) VALUES "
                           "(new.id, new.server, new.environment, new.flag_key, new.action, new.outcome, new.actor, "
                           "new.comment, new.before_json, new.after_json); END"),
        };
        for (const QString &statement : schemaFour)
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        // Two chained entries of one server, as schema 4's write() stored them.
        QByteArray previous = AuditChain::genesis();
        for (int seq = 1; seq <= 2; ++seq) {
            const QStringList texts = {QStringLiteral("sandbox"), QStringLiteral("production"),
                                       seq == 1 ? QStringLiteral("chat-model-route") : QStringLiteral("retrieval-profile"),
                                       QStringLiteral("set_rollout"), QStringLiteral("applied"),
                                       seq == 1 ? QStringLiteral("alice") : QStringLiteral("triage-agent"),
                                       seq == 1 ? QStringLiteral("human") : QStringLiteral("agent"),
                                       QString::number(qint64(1763700000000) + seq), QString::number(seq),
                                       QStringLiteral(R"({"enabled":true,"offVariation":"baseline"})"),
                                       seq == 1 ? QStringLiteral(R"({"enabled":false,"offVariation":"baseline"})")
                                                : QStringLiteral(R"({"enabled":true,"offVariation":"citation_first_v2"})"),
                                       seq == 1 ? QStringLiteral("incident 7") : QStringLiteral("")};
            const QByteArray hash = AuditChain::hash(seq, previous, texts);
            query.prepare(QStringLiteral("INSERT INTO audit_events (%1, chain_seq, prev_hash, hash) VALUES "
                                         "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                              .arg(AuditCache::entryColumns()));
            for (int column = 0; column < texts.size(); ++column) {
                if (column == 7)
                    query.addBindValue(texts.at(column).toLongLong());
                else
                    query.addBindValue(texts.at(column));
            }
            query.addBindValue(seq);
            query.addBindValue(QString::fromLatin1(previous));
            query.addBindValue(QString::fromLatin1(hash));
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            previous = hash;
        }
        query.prepare(QStringLiteral("INSERT INTO audit_chain_heads VALUES ('sandbox', 2, ?)"));
        query.addBindValue(QString::fromLatin1(previous));
        QVERIFY(query.exec());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 4")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v4"));

    AuditCache cache;
    VERIFY_OK(cache.open(path));
    QCOMPARE(userVersion(path), AuditCache::SchemaVersion);
    QCOMPARE(TestAudit::count(cache), 2);
    const AuditVerification verification = verifyAuditChains(cache);
    QVERIFY2(verification.intact, qPrintable(verification.problem));
    QCOMPARE(verification.entriesChecked, 2);

    QSqlQuery query(cache.database());
    QStringList indexes;
    QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")));
    while (query.next())
        indexes.append(query.value(0).toString());
    QCOMPARE(indexes, (QStringList{QStringLiteral("audit_events_chain"), QStringLiteral("audit_events_time")}));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    // A flag across servers (through its runs), and a server alone, are sought instead of read
    // from the whole history.
    const auto plan = [&](const QString &where) {
        QSqlQuery explain(cache.database());
        explain.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM audit_events WHERE %1").arg(where));
        QStringList steps;
        while (explain.next())
            steps.append(explain.value(3).toString());
        return steps.join(u';');
    };
    const QString flagPlan = plan(FlagTimeline::ofFlagKeyCondition().replace(u'?', QStringLiteral("'x'")));
    QVERIFY2(flagPlan.contains(QLatin1String("SEARCH r USING PRIMARY KEY (flag_key=?)"))
                 && flagPlan.contains(QLatin1String("USING INTEGER PRIMARY KEY (rowid=?)"))
                 && !flagPlan.contains(QLatin1String("SCAN audit_events")),
             qPrintable(flagPlan));
    QVERIFY2(plan(QStringLiteral("server = 's'")).contains(QLatin1String("INDEX audit_events_chain")),
             qPrintable(plan(QStringLiteral("server = 's'"))));

    // The old entries are found by what a person searches: the comment, the change in words, a
    // value that changed, the flag and the actor; not by a value that stayed the same.
    const auto matching = [&](const AuditFilter &filter) { return sourceIdsMatching(cache, filter); };
    QCOMPARE(matching(text(QStringLiteral("incident "))), QStringList{QStringLiteral("1")});
    QCOMPARE(matching(text(QStringLiteral("disabled "))), QStringList{QStringLiteral("1")});
    QCOMPARE(matching(text(QStringLiteral("citation_first_v2 "))), QStringList{QStringLiteral("2")});
    QCOMPARE(matching(text(QStringLiteral("baseline "))), QStringList{QStringLiteral("2")});
    QCOMPARE(matching(text(QStringLiteral("triage"))), QStringList{QStringLiteral("2")});
    QCOMPARE(matching(text(QStringLiteral("retrieval-prof"))), QStringList{QStringLiteral("2")});
    AuditFilter flag;
    flag.flagKey = QStringLiteral("chat-model-route");
    QCOMPARE(matching(flag), QStringList{QStringLiteral("1")});
    AuditFilter actor;
    actor.actor = QStringLiteral("triage-agent");
    QCOMPARE(matching(actor), QStringList{QStringLiteral("2")});

    // A new entry extends the chain and is indexed once (the old trigger is gone).
    VERIFY_OK(TestAudit::record(cache, entry(QStringLiteral("3"))));
    QVERIFY(verifyAuditChains(cache).intact);
    QCOMPARE(matching(text(QStringLiteral("incident "))), (QStringList{QStringLiteral("1"), QStringLiteral("3")}));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_fts WHERE audit_fts MATCH 'alice'")) && query.next());
    QCOMPARE(query.value(0).toInt(), 2);
}

// A cache as schema 6 left it (the full-text index with prefix indexes 1 to 4, a flag's history
// indexed by flag, server, environment and time) is upgraded where it is: the entries and their
// chain stay, the index is built again without prefixes and still finds an entry by a word, by a
// prefix being typed and by its flag, and the flags the history names are listed.
void tst_AuditCache::migratesVersionSixInPlace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
    {
        AuditCache cache;
        VERIFY_OK(cache.open(path));
        VERIFY_OK(TestAudit::record(cache, entry(QStringLiteral("1"))));
        AuditEntry second = entry(QStringLiteral("2"));
        second.flagKey = QStringLiteral("retrieval-profile");
        second.comment = QStringLiteral("triage");
        VERIFY_OK(TestAudit::record(cache, second));
        QSqlQuery query(cache.database());
        for (const QString &statement :
             {QStringLiteral("DROP TABLE audit_fts"),
              QStringLiteral("CREATE VIRTUAL TABLE audit_fts USING fts5(flag_key, actor, words, content='', "
                             "columnsize=0, detail=full, prefix='1 2 3 4')"),
              QStringLiteral("INSERT INTO audit_fts (rowid, flag_key, actor, words) "
                             "SELECT id, flag_key, actor, comment FROM audit_events"),
              QStringLiteral("DROP TABLE audit_flag_runs"),
              QStringLiteral("CREATE INDEX audit_events_flag_history ON audit_events "
                             "(flag_key, server, environment, time_ms)"),
              QStringLiteral("PRAGMA user_version = 6")})
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    }
    QCOMPARE(userVersion(path), 6);

    AuditCache cache;
    VERIFY_OK(cache.open(path));
    QCOMPARE(userVersion(path), AuditCache::SchemaVersion);
    QCOMPARE(TestAudit::count(cache), 2);
    const AuditVerification verification = verifyAuditChains(cache);
    QVERIFY2(verification.intact, qPrintable(verification.problem));
    QCOMPARE(verification.entriesChecked, 2);
    QSqlQuery query(cache.database());
    QVERIFY(query.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'audit_fts'")) && query.next());
    QCOMPARE(query.value(0).toString(), QString::fromLatin1(AuditCache::SearchTableDdl));
    const auto matching = [&](const QString &words) { return sourceIdsMatching(cache, text(words)); };
    // Words the old index did not hold (the change in words) are found too: every entry is
    // indexed again as write() indexes it.
    QCOMPARE(matching(QStringLiteral("incident ")), QStringList{QStringLiteral("1")});
    QCOMPARE(matching(QStringLiteral("tri")), QStringList{QStringLiteral("2")});
    QCOMPARE(matching(QStringLiteral("retrieval-prof")), QStringList{QStringLiteral("2")});
    QCOMPARE(matching(QStringLiteral("production ")), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_fts WHERE audit_fts MATCH 'alice'")) && query.next());
    QCOMPARE(query.value(0).toInt(), 2);
    QVERIFY(query.exec(QStringLiteral("SELECT DISTINCT flag_key FROM audit_flag_runs ORDER BY flag_key")));
    QStringList flags;
    while (query.next())
        flags.append(query.value(0).toString());
    QCOMPARE(flags, (QStringList{QStringLiteral("chat-model-route"), QStringLiteral("retrieval-profile")}));
}

// A cache as schema 7 left it (every entry in an index by flag and time, and a table of the flags
// the history names) is upgraded where it is: the index and the table go, every entry lands in its
// flag's runs, and a flag's entries are still found by its key.
void tst_AuditCache::migratesVersionSevenInPlace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
    {
        AuditCache cache;
        VERIFY_OK(cache.open(path));
        for (int i = 1; i <= 70; ++i) {
            AuditEntry written = entry(QString::number(i));
            written.timeMs += (i % 2 ? 1 : -1) * i * 1000; // out of time order, as two servers' histories arrive
            written.flagKey = i % 3 ? QStringLiteral("chat-model-route") : QStringLiteral("retrieval-profile");
            VERIFY_OK(TestAudit::record(cache, written));
        }
        QSqlQuery query(cache.database());
        for (const QString &statement :
             {QStringLiteral("DROP TABLE audit_flag_runs"),
              QStringLiteral("CREATE INDEX audit_events_by_flag ON audit_events (flag_key, time_ms)"),
              QString::fromLatin1(AuditCache::FlagsTableDdl),
              QStringLiteral("INSERT INTO audit_flags (flag_key, server, environment) "
                             "SELECT DISTINCT flag_key, server, environment FROM audit_events"),
              QStringLiteral("PRAGMA user_version = 7")})
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    }
    QCOMPARE(userVersion(path), 7);

    AuditCache cache;
    VERIFY_OK(cache.open(path));
    QCOMPARE(userVersion(path), AuditCache::SchemaVersion);
    QCOMPARE(TestAudit::count(cache), 70);
    QVERIFY(verifyAuditChains(cache).intact);
    QSqlQuery query(cache.database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('audit_flags', "
                                      "'audit_events_by_flag')"))
            && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(query.exec(QStringLiteral("SELECT flag_key, sum(size), count(*) FROM audit_flag_runs GROUP BY flag_key "
                                      "ORDER BY flag_key")));
    QVERIFY(query.next());
    QCOMPARE(query.value(1).toInt(), 47);
    QCOMPARE(query.value(2).toInt(), 1);
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("retrieval-profile"));
    QCOMPARE(query.value(1).toInt(), 23);
    QVERIFY(query.exec(QStringLiteral("SELECT v FROM audit_fts_config WHERE k = 'automerge'")) && query.next());
    QCOMPARE(query.value(0).toInt(), 16);
    AuditFilter flag;
    flag.flagKey = QStringLiteral("retrieval-profile");
    QStringList expected;
    for (int i = 3; i <= 70; i += 3)
        expected.append(QString::number(i));
    QCOMPARE(sourceIdsMatching(cache, flag), expected);
}

void tst_AuditCache::duplicateDoesNotExtendTheChain()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))));
    AuditBatch batch;
    batch.entries = {entry(QStringLiteral("1")), entry(QStringLiteral("1")), entry(QStringLiteral("2"))};
    const Result<qint64> first = cache.write(batch);
    VERIFY_OK(first);
    QCOMPARE(first.value(), 2);
    const Result<qint64> again = cache.write(batch);
    VERIFY_OK(again);
    QCOMPARE(again.value(), 0); // nothing new
    const AuditVerification verification = verifyAuditChains(cache);
    QVERIFY2(verification.intact, qPrintable(verification.problem));
    QCOMPARE(verification.heads.constFirst().chainSeq, 2);
}

// A batch is hashed ahead on a second thread. Entries already stored, in the middle of a long
// batch of three servers, make the ones after them hash again on the writer's thread.
void tst_AuditCache::aLongBatchWithStoredEntriesKeepsEveryChainWhole()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))));
    const auto entries = [](int first, int end) {
        AuditBatch batch;
        for (int i = first; i < end; ++i) {
            AuditEntry each = entry(QString::number(i));
            each.server = QStringLiteral("server-%1").arg(i % 3);
            each.timeMs += i;
            batch.entries.append(each);
        }
        return batch;
    };
    VERIFY_OK(cache.write(entries(600, 660)));
    VERIFY_OK(cache.write(entries(0, 2000)));
    const AuditVerification verification = verifyAuditChains(cache);
    QVERIFY2(verification.intact, qPrintable(verification.problem));
    QCOMPARE(verification.entriesChecked, 2000);
    QCOMPARE(verification.heads.size(), 3);
    for (const auto &head : verification.heads)
        QCOMPARE(head.chainSeq, head.server == QLatin1String("server-2") ? 666 : 667);
}

// What the hash covers is what the file holds, byte for byte, whatever the text: an unpaired
// surrogate (a broken name from a server) is stored as the U+FFFD it was hashed as.
void tst_AuditCache::storesTheBytesItHashes()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))));
    AuditBatch batch;
    batch.entries = {entry(QStringLiteral("1")), entry(QStringLiteral("2"))};
    batch.entries[0].comment = QStringLiteral("Zoë rolled back 🚀 ") + QChar(0xD800);
    batch.entries[1].actor = QString(QChar(0xDC00)) + QStringLiteral("bot");
    VERIFY_OK(cache.write(batch));
    const AuditVerification verification = verifyAuditChains(cache);
    QVERIFY2(verification.intact, qPrintable(verification.problem));
    QSqlQuery stored(cache.database());
    QVERIFY(stored.exec(QStringLiteral("SELECT comment, actor FROM audit_events ORDER BY id")));
    QVERIFY(stored.next());
    QCOMPARE(stored.value(0).toString(), QStringLiteral("Zoë rolled back 🚀 \uFFFD"));
    QVERIFY(stored.next());
    QCOMPARE(stored.value(1).toString(), QStringLiteral("\uFFFDbot"));
}

// A batch refused half-way, its later entries already being prepared, leaves nothing behind,
// and the same batch written again is whole.
void tst_AuditCache::aWriteFailingHalfWayStoresNothing()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))));
    QSqlQuery query(cache.database());
    QVERIFY(query.exec(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON audit_events "
                                      "WHEN new.source_id = '1500' BEGIN SELECT RAISE(ABORT, 'refused'); END")));
    AuditBatch batch;
    for (int i = 0; i < 3000; ++i)
        batch.entries.append(entry(QString::number(i)));
    const Result<qint64> refused = cache.write(batch);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("refused")), qPrintable(refused.error()));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_events")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    query.finish();

    QVERIFY(query.exec(QStringLiteral("DROP TRIGGER temp.refuse")));
    VERIFY_OK(cache.write(batch));
    const AuditVerification verification = verifyAuditChains(cache);
    QVERIFY2(verification.intact, qPrintable(verification.problem));
    QCOMPARE(verification.entriesChecked, 3000);
}

void tst_AuditCache::cursorIsStoredWithItsEntries()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))));
    QCOMPARE(cache.storedCursor(QStringLiteral("sandbox")), QString());
    AuditBatch batch;
    batch.entries = {entry(QStringLiteral("7"))};
    batch.cursors.insert(QStringLiteral("sandbox"), QStringLiteral("7"));
    VERIFY_OK(cache.write(batch));
    QCOMPARE(cache.storedCursor(QStringLiteral("sandbox")), QStringLiteral("7"));
    // A batch that cannot be written leaves the cursor where it was.
    AuditBatch broken;
    broken.entries = {entry(QStringLiteral("8"))};
    broken.cursors.insert(QStringLiteral("sandbox"), QStringLiteral("8"));
    QSqlQuery(cache.database()).exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON audit_events "
                                                    "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"));
    QVERIFY(cache.write(broken).error().contains(QStringLiteral("disk says no")));
    QCOMPARE(cache.storedCursor(QStringLiteral("sandbox")), QStringLiteral("7"));
    QCOMPARE(TestAudit::count(cache), 1);
}

void tst_AuditCache::flagSnapshotsReplaceAnEnvironment()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))));
    const Flag route = TestFlags::make(QStringLiteral("chat-model-route"));
    const Flag tier = TestFlags::make(QStringLiteral("agent-tool-tier"), false);
    AuditBatch batch;
    batch.snapshots = {{QStringLiteral("sandbox"), QStringLiteral("production"), {route, tier}, true, 1000},
                       {QStringLiteral("sandbox"), QStringLiteral("staging"), {route}, true, 1000}};
    VERIFY_OK(cache.write(batch));
    QCOMPARE(cache.cachedFlags().size(), 3);
    Flag killed = route;
    killed.enabled = false;
    AuditBatch change;
    change.snapshots = {{QStringLiteral("sandbox"), QStringLiteral("production"), {killed}, false, 2000}};
    VERIFY_OK(cache.write(change));
    AuditBatch replace;
    replace.snapshots = {{QStringLiteral("sandbox"), QStringLiteral("staging"), {}, true, 3000}};
    VERIFY_OK(cache.write(replace));
    const QList<CachedFlag> cached = cache.cachedFlags();
    QCOMPARE(cached.size(), 2);
    for (const CachedFlag &flag : cached) {
        QCOMPARE(flag.environment, QStringLiteral("production"));
        if (flag.flag.key == route.key) {
            QCOMPARE(flag.flag, killed);
            QCOMPARE(flag.seenMs, 2000);
        }
    }
}

QTEST_GUILESS_MAIN(tst_AuditCache)
#include "tst_auditcache.moc"
