#include "changefixtures.h"
#include "store/auditcache.h"
#include "store/changehistory.h"
#include "testaudit.h"
#include "testresult.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ChangeFixtures;

class tst_ChangeHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void groupsAWindowByFlagNewestFirst();
    void netChangeAcrossThreeActors();
    void requestsAndNotesAreNotChanges();
    void theServersRecordOfThisConsolesChangeIsSaidOnce();
    void laterChangesJoinTheirGroups();
    void oneChangeById();
    void stateAtATime_data();
    void stateAtATime();
    void deletedFlagIsSaidSo();
    void migratesVersionThreeToTheFlagTimeline();

private:
    void write(const QList<AuditEntry> &entries);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<AuditCache> m_cache;
    std::unique_ptr<ChangeHistory> m_history;
};

namespace {

AuditEntry otherFlag(const QString &server, const QString &environment, const QString &sourceId, qint64 timeMs)
{
    AuditEntry entry = change(sourceId, timeMs, QStringLiteral("bob"), ActorKind::Human, QStringLiteral("restore"),
                              {{QStringLiteral("enabled"), false}}, {{QStringLiteral("enabled"), true}});
    entry.server = server;
    entry.environment = environment;
    entry.flagKey = QStringLiteral("retrieval-profile");
    return entry;
}

} // namespace

void tst_ChangeHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_ChangeHistory::init()
{
    m_history.reset();
    m_cache.reset();
    static int n = 0;
    m_path = m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(++n));
    m_cache = std::make_unique<AuditCache>();
    VERIFY_OK(m_cache->open(m_path));
    m_history = std::make_unique<ChangeHistory>();
    VERIFY_OK(m_history->open(m_path));
}

void tst_ChangeHistory::write(const QList<AuditEntry> &entries)
{
    AuditBatch batch;
    batch.entries = entries;
    VERIFY_OK(m_cache->write(batch));
}

void tst_ChangeHistory::groupsAWindowByFlagNewestFirst()
{
    QList<AuditEntry> entries = nightOfChanges();
    // The same key on another server and in another environment are other flags.
    entries.append(otherFlag(QStringLiteral("unleash-eu"), QStringLiteral("support:production"), QStringLiteral("event:88"),
                             Now - 10 * Minute));
    entries.append(otherFlag(QStringLiteral("featbit-prod"), QStringLiteral("staging"), QStringLiteral("fb-2001"),
                             Now - 40 * Minute));
    entries.append(otherFlag(QStringLiteral("featbit-prod"), QStringLiteral("staging"), QStringLiteral("fb-2002"),
                             Now + 5 * Minute)); // after the window
    write(entries);

    const Result<ChangeWindow> window = m_history->changesIn(Now - 60 * Minute, Now);
    VERIFY_OK(window);
    QCOMPARE(window->groups.size(), 3);
    QCOMPARE(window->groups.at(0).ref, (FlagRef{QStringLiteral("unleash-eu"), QStringLiteral("support:production"),
                                               QStringLiteral("retrieval-profile")}));
    QCOMPARE(window->groups.at(1).ref, (FlagRef{QStringLiteral("featbit-prod"), QStringLiteral("production"),
                                               QStringLiteral("support-assistant-route")}));
    QCOMPARE(window->groups.at(2).ref, (FlagRef{QStringLiteral("featbit-prod"), QStringLiteral("staging"),
                                               QStringLiteral("retrieval-profile")}));
    QCOMPARE(window->changeCount(), 5);
    QVERIFY(!window->truncated);

    const ChangeGroup &route = window->groups.at(1);
    QCOMPARE(route.changes.size(), 3);
    QCOMPARE(route.changes.at(0).entry.sourceId, QStringLiteral("fd-kill-2"));
    QCOMPARE(route.changes.at(1).entry.sourceId, QStringLiteral("fd-agent-1"));
    QCOMPARE(route.changes.at(2).entry.sourceId, QStringLiteral("fb-1002"));
    QCOMPARE(route.newestMs(), Now - 20 * Minute + 800);
    QCOMPARE(route.changes.at(0).words, QStringList{QStringLiteral("disabled")});
    QCOMPARE(route.changes.at(1).words,
             (QStringList{QStringLiteral("rollout of baseline 80% → 50%"), QStringLiteral("rollout of citation 20% → 50%")}));
    QVERIFY(route.changes.at(0).byMonitor());
    QVERIFY(route.changes.at(1).byAgent());
    QVERIFY(!route.changes.at(2).byAgent() && !route.changes.at(2).byMonitor());
    QVERIFY(route.anyByAgent() && route.anyByMonitor());
    QVERIFY(!window->groups.at(0).anyByAgent());
    QCOMPARE(route.idsOldestFirst().size(), 3);
    QVERIFY(route.idsOldestFirst().first() < route.idsOldestFirst().last());
}

void tst_ChangeHistory::netChangeAcrossThreeActors()
{
    write(nightOfChanges());
    const Result<ChangeWindow> window = m_history->changesIn(Now - 60 * Minute, Now);
    VERIFY_OK(window);
    QCOMPARE(window->groups.size(), 1);
    const NetChange &net = window->groups.first().net;
    // The names come from the whole flag FeatBit recorded; the agent's and the monitor's partial
    // records add the rollout and the state.
    QCOMPARE(net.words, (QStringList{QStringLiteral("disabled"), QStringLiteral("rollout of baseline_profile 95% → 50%"),
                                     QStringLiteral("rollout of citation_first_v2 5% → 50%")}));
    QVERIFY(net.unknownBefore.isEmpty());
    QCOMPARE(net.before.value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(net.after.value(QStringLiteral("enabled")).toBool(), false);

    // A window that starts after the person's change: the net change is the agent's and the kill.
    const Result<ChangeWindow> later = m_history->changesIn(Now - 35 * Minute, Now);
    VERIFY_OK(later);
    QCOMPARE(later->groups.first().net.words,
             (QStringList{QStringLiteral("disabled"), QStringLiteral("rollout of baseline 80% → 50%"),
                          QStringLiteral("rollout of citation 20% → 50%")}));

    // A window holding the creation: there is no state before it.
    const Result<ChangeWindow> night = m_history->changesIn(Now - 240 * Minute, Now);
    VERIFY_OK(night);
    QCOMPARE(night->groups.first().changes.size(), 4);
    QCOMPARE(night->groups.first().net.words, QStringList{QStringLiteral("created")});
    QVERIFY(night->groups.first().net.unknownBefore.contains(QStringLiteral("rollout")));
}

void tst_ChangeHistory::requestsAndNotesAreNotChanges()
{
    QList<AuditEntry> entries = nightOfChanges();
    AuditEntry pause = change(QStringLiteral("fd-pause-1"), Now - 5 * Minute, QStringLiteral("carol"), ActorKind::Human,
                              QStringLiteral("pause_stage"), {}, {}, QStringLiteral("confirmed"));
    AuditEntry failed = change(QStringLiteral("fd-restore-1"), Now - 4 * Minute, QStringLiteral("carol"), ActorKind::Human,
                               QStringLiteral("restore"), {{QStringLiteral("enabled"), false}},
                               {{QStringLiteral("enabled"), true}}, QStringLiteral("failed"));
    entries << pause << failed;
    write(entries);
    const Result<ChangeWindow> window = m_history->changesIn(Now - 60 * Minute, Now);
    VERIFY_OK(window);
    QCOMPARE(window->changeCount(), 3);
    for (const StoredChange &stored : window->groups.first().changes)
        QVERIFY(stored.entry.outcome != QLatin1String("requested") && stored.entry.outcome != QLatin1String("failed"));
}

void tst_ChangeHistory::theServersRecordOfThisConsolesChangeIsSaidOnce()
{
    // The monitor's kill as this console confirmed it, and FeatBit's own history of it (the whole
    // flag, under the token's account) a second later; then a person's kill on the server an hour on.
    QList<AuditEntry> entries = nightOfChanges();
    for (AuditEntry &entry : entries) {
        if (entry.sourceId.startsWith(QLatin1String("fd-")))
            entry.sourceId.prepend(QStringLiteral("console:")); // as ConfirmedChanges names its records
    }
    QJsonObject killed = flagToJson(routeFlag(5000, false, QStringLiteral("r4")));
    entries.append(change(QStringLiteral("fb-1003"), Now - 20 * Minute + 1800, QStringLiteral("flagdeck-token"),
                          ActorKind::Token, QStringLiteral("kill"), flagToJson(routeFlag(5000, true, QStringLiteral("r3"))),
                          killed));
    write(entries);
    const Result<ChangeWindow> window = m_history->changesIn(Now - 60 * Minute, Now);
    VERIFY_OK(window);
    const ChangeGroup &route = window->groups.first();
    QCOMPARE(route.changes.size(), 3);
    QCOMPARE(route.changes.first().entry.sourceId, QStringLiteral("console:fd-kill-2"));
    QCOMPARE(route.changes.first().entry.actorKind, ActorKind::System);

    // A change on the server that the console did not make is its own, even when it looks alike.
    write({change(QStringLiteral("fb-1004"), Now - 5 * Minute, QStringLiteral("alice@example.com"), ActorKind::Human,
                  QStringLiteral("kill"), flagToJson(routeFlag(5000, true, QStringLiteral("r5"))), killed)});
    const Result<ChangeWindow> later = m_history->changesIn(Now - 60 * Minute, Now);
    VERIFY_OK(later);
    QCOMPARE(later->groups.first().changes.size(), 4);
}

void tst_ChangeHistory::laterChangesJoinTheirGroups()
{
    QList<AuditEntry> entries = nightOfChanges();
    const AuditEntry lastKill = entries.takeLast();
    write(entries);
    Result<ChangeWindow> first = m_history->changesIn(Now - 60 * Minute, Now);
    VERIFY_OK(first);
    ChangeWindow window = first.value();
    QCOMPARE(window.changeCount(), 2);

    write({lastKill, otherFlag(QStringLiteral("unleash-eu"), QStringLiteral("support:production"),
                               QStringLiteral("event:90"), Now - 2 * Minute)});
    const Result<ChangeWindow> newer = m_history->changesIn(Now - 60 * Minute, Now, window.lastId);
    VERIFY_OK(newer);
    QCOMPARE(newer->changeCount(), 2);
    window.merge(newer.value());
    QCOMPARE(window.changeCount(), 4);
    QCOMPARE(window.groups.size(), 2);
    QCOMPARE(window.groups.at(0).ref.key, QStringLiteral("retrieval-profile"));
    QCOMPARE(window.groups.at(1).changes.size(), 3);
    QCOMPARE(window.groups.at(1).changes.first().entry.sourceId, QStringLiteral("fd-kill-2"));
    QCOMPARE(window.groups.at(1).net.words.first(), QStringLiteral("disabled"));
    QCOMPARE(window.lastId, newer->lastId);
}

void tst_ChangeHistory::oneChangeById()
{
    write(nightOfChanges());
    const Result<ChangeWindow> window = m_history->changesIn(Now - 60 * Minute, Now);
    VERIFY_OK(window);
    const qint64 id = window->groups.first().changes.at(1).id;
    const Result<StoredChange> stored = m_history->change(id);
    VERIFY_OK(stored);
    QCOMPARE(stored->entry.sourceId, QStringLiteral("fd-agent-1"));
    QCOMPARE(stored->entry.actorKind, ActorKind::Agent);
    QVERIFY(!m_history->change(id + 1000).ok());

    const Result<QList<StoredChange>> ofFlag = m_history->changesOf(window->groups.first().ref, Now - 60 * Minute, Now);
    VERIFY_OK(ofFlag);
    QCOMPARE(ofFlag->size(), 3);
    QCOMPARE(ofFlag->first().entry.sourceId, QStringLiteral("fb-1002")); // oldest first
}

void tst_ChangeHistory::stateAtATime_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<bool>("known");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("citation");
    QTest::addColumn<QString>("by");

    QTest::newRow("before the flag existed") << Now - 200 * Minute << false << false << 0 << QString();
    QTest::newRow("as created") << Now - 60 * Minute << true << true << 500 << QStringLiteral("alice@example.com");
    QTest::newRow("after the person's change") << Now - 40 * Minute << true << true << 2000 << QStringLiteral("alice@example.com");
    QTest::newRow("after the agent's change") << Now - 25 * Minute << true << true << 5000 << QStringLiteral("rollout-agent");
    QTest::newRow("after the kill") << Now << true << false << 5000 << QStringLiteral("guardrail-monitor");
}

void tst_ChangeHistory::stateAtATime()
{
    QFETCH(qint64, time);
    QFETCH(bool, known);
    QFETCH(bool, enabled);
    QFETCH(int, citation);
    QFETCH(QString, by);

    QList<AuditEntry> entries = nightOfChanges();
    entries.append(otherFlag(QStringLiteral("unleash-eu"), QStringLiteral("support:production"), QStringLiteral("event:88"),
                             Now - 300 * Minute));
    write(entries);
    const Result<QList<FlagStateAt>> states = m_history->stateAt(time);
    VERIFY_OK(states);
    // The other flag is known from the start; its history records only its state.
    const auto other = std::find_if(states->cbegin(), states->cend(),
                                    [](const FlagStateAt &state) { return state.ref.connectionId == QLatin1String("unleash-eu"); });
    QVERIFY(other != states->cend());
    QVERIFY(!other->flag);
    QCOMPARE(other->state.value(QStringLiteral("enabled")).toBool(), true);
    QVERIFY(!other->knows(QStringLiteral("rollout")));

    const auto route = std::find_if(states->cbegin(), states->cend(), [](const FlagStateAt &state) {
        return state.ref.key == QLatin1String("support-assistant-route");
    });
    QCOMPARE(route != states->cend(), known);
    if (!known)
        return;
    QVERIFY(route->flag);
    QCOMPARE(route->flag->enabled, enabled);
    QCOMPARE(route->flag->rollout.basisPointsOf(QStringLiteral("citation")), citation);
    QCOMPARE(route->flag->name, QStringLiteral("Support assistant route"));
    QCOMPARE(route->changedBy, by);
    QVERIFY(!route->deleted);
}

void tst_ChangeHistory::deletedFlagIsSaidSo()
{
    QList<AuditEntry> entries = nightOfChanges();
    entries.append(change(QStringLiteral("fb-1003"), Now - 5 * Minute, QStringLiteral("alice@example.com"),
                          ActorKind::Human, QStringLiteral("deleted"), flagToJson(routeFlag(5000, false)), {}));
    write(entries);
    const Result<QList<FlagStateAt>> states = m_history->stateAt(Now);
    VERIFY_OK(states);
    QCOMPARE(states->size(), 1);
    QVERIFY(states->first().deleted);
    QVERIFY(!states->first().flag);

    const Result<ChangeWindow> window = m_history->changesIn(Now - 60 * Minute, Now);
    VERIFY_OK(window);
    QCOMPARE(window->groups.first().net.words, QStringList{QStringLiteral("deleted")});
}

void tst_ChangeHistory::migratesVersionThreeToTheFlagTimeline()
{
    write(nightOfChanges());
    const auto indexes = [](const QSqlDatabase &db) {
        QStringList names;
        QSqlQuery query(db);
        query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_events' "
                                  "AND name IN ('audit_events_flag', 'audit_events_flag_time', 'audit_events_flag_key', "
                                  "'audit_events_flag_history', 'audit_events_by_flag')"));
        while (query.next())
            names.append(query.value(0).toString());
        names.sort();
        return names;
    };
    QCOMPARE(indexes(m_cache->database()), QStringList{});

    // Back to schema 3 as it was shipped, then opened again.
    {
        QSqlQuery query(m_cache->database());
        QVERIFY(query.exec(QStringLiteral("DROP TABLE audit_flag_runs")));
        QVERIFY(query.exec(QStringLiteral("CREATE INDEX audit_events_flag ON audit_events (server, environment, flag_key)")));
        QVERIFY(query.exec(QStringLiteral("CREATE INDEX audit_events_flag_key ON audit_events (flag_key)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 3")));
    }
    m_history.reset();
    m_cache = std::make_unique<AuditCache>();
    VERIFY_OK(m_cache->open(m_path));
    // Every step up to the current schema ran: the flag's history lives in runs, not in an index.
    QCOMPARE(indexes(m_cache->database()), QStringList{});
    QSqlQuery version(m_cache->database());
    QVERIFY(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
    QCOMPARE(version.value(0).toInt(), AuditCache::SchemaVersion);
    QCOMPARE(TestAudit::count(*m_cache), qint64(nightOfChanges().size()));
    QSqlQuery runs(m_cache->database());
    QVERIFY(runs.exec(QStringLiteral("SELECT count(DISTINCT flag_key), sum(size) FROM audit_flag_runs")) && runs.next());
    QCOMPARE(runs.value(0).toInt(), 1);
    QCOMPARE(runs.value(1).toLongLong(), qint64(nightOfChanges().size()));

    m_history = std::make_unique<ChangeHistory>();
    VERIFY_OK(m_history->open(m_path));
    const Result<QList<FlagStateAt>> states = m_history->stateAt(Now);
    VERIFY_OK(states);
    QCOMPARE(states->size(), 1);
}

QTEST_GUILESS_MAIN(tst_ChangeHistory)
#include "tst_changehistory.moc"
