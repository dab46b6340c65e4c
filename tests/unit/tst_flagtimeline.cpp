#include "store/flagtimeline.h"
#include "store/auditcache.h"
#include "store/auditfiltersql.h"
#include "store/auditlookup.h"
#include "store/changehistory.h"
#include "store/flagtimelinecursor.h"
#include "testresult.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>

// A flag's history as runs of entry ids: every stored entry in exactly one run of its flag, runs
// of at most RunEntries in (time, id) order that never overlap, whatever order entries arrive in;
// and a reader that gives a flag's entries in a time range in order.
class tst_FlagTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void entriesInOrderFillRunsToTheBrim();
    void aHistoryReadLateIsMergedIntoTheRunsItFallsIn();
    void oneMillisecondWithMoreEntriesThanARunHolds();
    void entriesInAnyOrderKeepTheRunsApart();
    void aStoredEntryIsNotAddedAgain();
    void readsARangeNewestOrOldestFirst();
    void aConditionNarrowsTheEntriesRead();
    void findsAFlagInEveryServer();
    void theHistorysReadersReadAcrossRuns();
    void storesAFlagByTheBytesItsEntriesHold();
    void buildsTheRunsOfAnOlderCache();

private:
    // Writes one transaction of entries of ref at these times; the ids stored, in order.
    QList<qint64> write(const FlagRef &ref, const QList<qint64> &timesMs, const QString &action = {});
    // Entries whose flag has no run, or is in another flag's run: none.
    int entriesOutsideTheirRuns();
    // Every entry of ref as the runs hold them, after checking that they hold them rightly.
    QList<FlagTimeline::Entry> checkedRuns(const FlagRef &ref);
    // Every entry of ref as audit_events holds them, in (time, id) order.
    QList<FlagTimeline::Entry> stored(const FlagRef &ref);
    QList<FlagTimeline::Entry> read(const FlagRef &ref, FlagTimelineCursor::Order order, qint64 fromMs, qint64 untilMs);

    QTemporaryDir m_dir;
    std::unique_ptr<AuditCache> m_cache;
    int m_nextSourceId = 0;
};

namespace {

const FlagRef Route{QStringLiteral("featbit"), QStringLiteral("production"), QStringLiteral("chat-model-route")};
const FlagRef RouteInStaging{QStringLiteral("featbit"), QStringLiteral("staging"), QStringLiteral("chat-model-route")};
const FlagRef RouteInUnleash{QStringLiteral("unleash"), QStringLiteral("production"), QStringLiteral("chat-model-route")};
const FlagRef Profile{QStringLiteral("featbit"), QStringLiteral("production"), QStringLiteral("retrieval-profile")};
constexpr qint64 Start = 1764000000000;

} // namespace

void tst_FlagTimeline::init()
{
    m_nextSourceId = 0;
    m_cache = std::make_unique<AuditCache>();
    VERIFY_OK(m_cache->open(m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())))));
}

void tst_FlagTimeline::cleanup()
{
    m_cache.reset();
}

QList<qint64> tst_FlagTimeline::write(const FlagRef &ref, const QList<qint64> &timesMs, const QString &action)
{
    AuditBatch batch;
    for (const qint64 timeMs : timesMs) {
        AuditEntry entry;
        entry.server = ref.connectionId;
        entry.environment = ref.environment;
        entry.flagKey = ref.key;
        entry.action = action.isEmpty() ? QStringLiteral("set_rollout") : action;
        entry.outcome = QStringLiteral("applied");
        entry.before = QJsonObject{{QStringLiteral("enabled"), false}};
        entry.actor = QStringLiteral("alice");
        entry.timeMs = timeMs;
        entry.sourceId = QString::number(++m_nextSourceId);
        entry.after = QJsonObject{{QStringLiteral("enabled"), true}};
        batch.entries.append(entry);
    }
    const Result<qint64> written = m_cache->write(batch);
    if (!written)
        qWarning("write: %s", qPrintable(written.error()));
    QList<qint64> ids;
    QSqlQuery query(m_cache->database());
    query.exec(QStringLiteral("SELECT id FROM audit_events ORDER BY id DESC LIMIT %1").arg(timesMs.size()));
    while (query.next())
        ids.prepend(query.value(0).toLongLong());
    return ids;
}

QList<FlagTimeline::Entry> tst_FlagTimeline::stored(const FlagRef &ref)
{
    QList<FlagTimeline::Entry> entries;
    QSqlQuery query(m_cache->database());
    query.prepare(QStringLiteral("SELECT time_ms, id FROM audit_events WHERE server = ? AND environment = ? "
                                 "AND flag_key = ? ORDER BY time_ms, id"));
    query.addBindValue(ref.connectionId);
    query.addBindValue(ref.environment);
    query.addBindValue(ref.key);
    if (query.exec()) {
        while (query.next())
            entries.append({query.value(0).toLongLong(), query.value(1).toLongLong()});
    }
    return entries;
}

QList<FlagTimeline::Entry> tst_FlagTimeline::checkedRuns(const FlagRef &ref)
{
    QSqlQuery runs(m_cache->database());
    runs.prepare(QStringLiteral("SELECT first_ms, last_ms, last_id, size, ids FROM audit_flag_runs "
                                "WHERE flag_key = ? AND server = ? AND environment = ? ORDER BY last_ms, last_id"));
    runs.addBindValue(ref.key);
    runs.addBindValue(ref.connectionId);
    runs.addBindValue(ref.environment);
    if (!runs.exec()) {
        qWarning("runs: %s", qPrintable(runs.lastError().text()));
        return {};
    }
    QList<FlagTimeline::Entry> all;
    while (runs.next()) {
        QSqlQuery entries(m_cache->database());
        entries.prepare(QStringLiteral("SELECT e.time_ms, e.id FROM json_each(?) AS j JOIN audit_events AS e "
                                       "ON e.id = j.value ORDER BY j.key"));
        entries.addBindValue(runs.value(4).toString());
        if (!entries.exec())
            return {};
        QList<FlagTimeline::Entry> run;
        while (entries.next())
            run.append({entries.value(0).toLongLong(), entries.value(1).toLongLong()});
        const auto failed = [&](const char *what) {
            qWarning("run %s: %s", qPrintable(runs.value(4).toString()), what);
            return QList<FlagTimeline::Entry>{};
        };
        if (run.isEmpty() || run.size() > FlagTimeline::RunEntries)
            return failed("empty or too long");
        if (run.size() != runs.value(3).toInt())
            return failed("size is not its count of ids");
        if (!std::is_sorted(run.begin(), run.end()))
            return failed("not in (time, id) order");
        if (run.first().timeMs != runs.value(0).toLongLong())
            return failed("first_ms is not its first entry's time");
        if (run.last() != FlagTimeline::Entry{runs.value(1).toLongLong(), runs.value(2).toLongLong()})
            return failed("last_ms, last_id are not its last entry");
        if (!all.isEmpty() && !(all.last() < run.first()))
            return failed("overlaps the run before");
        all += run;
    }
    return all;
}

QList<FlagTimeline::Entry> tst_FlagTimeline::read(const FlagRef &ref, FlagTimelineCursor::Order order, qint64 fromMs,
                                                  qint64 untilMs)
{
    FlagTimelineCursor cursor(m_cache->database(), QStringLiteral("time_ms, id"), order);
    QList<FlagTimeline::Entry> entries;
    if (!cursor.exec(ref, fromMs, untilMs))
        return entries;
    while (cursor.next())
        entries.append({cursor.value(0).toLongLong(), cursor.value(1).toLongLong()});
    if (!cursor.lastError().isEmpty())
        qWarning("cursor: %s", qPrintable(cursor.lastError()));
    return entries;
}

void tst_FlagTimeline::entriesInOrderFillRunsToTheBrim()
{
    // A sync a page at a time: seven transactions of 30 entries, one a second.
    for (int page = 0; page < 7; ++page) {
        QList<qint64> times;
        for (int i = 0; i < 30; ++i)
            times.append(Start + (page * 30 + i) * 1000);
        write(Route, times);
    }
    QCOMPARE(checkedRuns(Route), stored(Route));
    QSqlQuery sizes(m_cache->database());
    QVERIFY(sizes.exec(QStringLiteral("SELECT size FROM audit_flag_runs ORDER BY last_ms")));
    QList<int> runSizes;
    while (sizes.next())
        runSizes.append(sizes.value(0).toInt());
    // The newest run takes the next transaction's entries until it is full.
    QCOMPARE(runSizes, (QList<int>{64, 64, 64, 18}));
}

void tst_FlagTimeline::aHistoryReadLateIsMergedIntoTheRunsItFallsIn()
{
    QList<qint64> recent;
    for (int i = 0; i < 100; ++i)
        recent.append(Start + i * 1000);
    write(Route, recent);
    // A server's older history, and an entry in the middle (a console's own row written before
    // the server's history of the same minutes arrived).
    write(Route, {Start - 5000, Start - 4000, Start + 50500});
    QCOMPARE(checkedRuns(Route), stored(Route));
    QCOMPARE(stored(Route).size(), 103);
}

void tst_FlagTimeline::oneMillisecondWithMoreEntriesThanARunHolds()
{
    write(Route, QList<qint64>(150, Start));
    write(Route, QList<qint64>(20, Start));
    write(Route, {Start - 1, Start + 1});
    QCOMPARE(checkedRuns(Route), stored(Route));
    QList<FlagTimeline::Entry> atStart = stored(Route).mid(1, 170);
    QCOMPARE(read(Route, FlagTimelineCursor::Order::OldestFirst, Start, Start), atStart);
    std::reverse(atStart.begin(), atStart.end());
    QCOMPARE(read(Route, FlagTimelineCursor::Order::NewestFirst, Start, Start), atStart);
}

void tst_FlagTimeline::entriesInAnyOrderKeepTheRunsApart()
{
    QRandomGenerator random(20261201);
    for (int transaction = 0; transaction < 60; ++transaction) {
        QList<qint64> times;
        const int count = random.bounded(1, 90);
        for (int i = 0; i < count; ++i)
            times.append(Start + random.bounded(0, 400) * 250);
        write(transaction % 3 ? Route : Profile, times);
        const QList<FlagTimeline::Entry> route = checkedRuns(Route);
        QVERIFY2(route == stored(Route), qPrintable(QStringLiteral("after transaction %1").arg(transaction)));
        QVERIFY(checkedRuns(Profile) == stored(Profile));
    }
}

void tst_FlagTimeline::aStoredEntryIsNotAddedAgain()
{
    write(Route, {Start, Start + 1000});
    m_nextSourceId = 0; // the same source ids: the cache skips them as stored
    write(Route, {Start, Start + 1000});
    QCOMPARE(stored(Route).size(), 2);
    QCOMPARE(checkedRuns(Route), stored(Route));
}

void tst_FlagTimeline::readsARangeNewestOrOldestFirst()
{
    QList<qint64> times;
    for (int i = 0; i < 300; ++i)
        times.append(Start + (i / 2) * 1000); // two entries each second
    write(Route, times);
    write(RouteInStaging, {Start + 10000});
    const QList<FlagTimeline::Entry> all = stored(Route);

    const auto within = [&](qint64 fromMs, qint64 untilMs) {
        QList<FlagTimeline::Entry> expected;
        for (const FlagTimeline::Entry &entry : all) {
            if (entry.timeMs >= fromMs && entry.timeMs <= untilMs)
                expected.append(entry);
        }
        return expected;
    };
    constexpr qint64 Min = std::numeric_limits<qint64>::min();
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    QCOMPARE(read(Route, FlagTimelineCursor::Order::OldestFirst, Min, Max), all);
    QList<FlagTimeline::Entry> newestFirst = all;
    std::reverse(newestFirst.begin(), newestFirst.end());
    QCOMPARE(read(Route, FlagTimelineCursor::Order::NewestFirst, Min, Max), newestFirst);
    // Bounds inside runs and on the seconds that hold two entries, both included.
    QCOMPARE(read(Route, FlagTimelineCursor::Order::OldestFirst, Start + 31000, Start + 97000),
             within(Start + 31000, Start + 97000));
    QList<FlagTimeline::Entry> before = within(Min, Start + 40000);
    std::reverse(before.begin(), before.end());
    QCOMPARE(read(Route, FlagTimelineCursor::Order::NewestFirst, Min, Start + 40000), before);
    QVERIFY(read(Route, FlagTimelineCursor::Order::NewestFirst, Min, Start - 1).isEmpty());
    QVERIFY(read(Profile, FlagTimelineCursor::Order::NewestFirst, Min, Max).isEmpty());
}

void tst_FlagTimeline::aConditionNarrowsTheEntriesRead()
{
    const QList<qint64> ids = write(Route, {Start, Start + 1000, Start + 2000, Start + 3000});
    FlagTimelineCursor cursor(m_cache->database(), QStringLiteral("id"), FlagTimelineCursor::Order::NewestFirst,
                              QStringLiteral("id IN (?, ?)"), {ids.at(0), ids.at(2)});
    QVERIFY(cursor.exec(Route, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()));
    QList<qint64> found;
    while (cursor.next())
        found.append(cursor.value(0).toLongLong());
    QCOMPARE(found, (QList<qint64>{ids.at(2), ids.at(0)}));

    FlagTimelineCursor broken(m_cache->database(), QStringLiteral("no_such_column"),
                              FlagTimelineCursor::Order::NewestFirst);
    QVERIFY(!broken.exec(Route, 0, 1));
    QVERIFY(broken.lastError().contains(QLatin1String("no_such_column")));
}

void tst_FlagTimeline::findsAFlagInEveryServer()
{
    write(Route, {Start});
    write(Profile, {Start + 1000});
    write(RouteInUnleash, {Start + 2000});
    write(RouteInStaging, {Start + 3000});
    AuditFilter filter;
    filter.flagKey = Route.key;
    const AuditFilterSql sql = AuditFilterSql::of(filter);
    QSqlQuery query(m_cache->database());
    query.prepare(QStringLiteral("SELECT server, environment FROM audit_events %1 ORDER BY id").arg(sql.where));
    for (const QVariant &value : sql.values)
        query.addBindValue(value);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QStringList found;
    while (query.next())
        found.append(query.value(0).toString() + u'/' + query.value(1).toString());
    QCOMPARE(found, (QStringList{QStringLiteral("featbit/production"), QStringLiteral("unleash/production"),
                                 QStringLiteral("featbit/staging")}));
}

// The stage view's questions and the moment view's, on a history of several runs whose answer
// lies in the oldest.
void tst_FlagTimeline::theHistorysReadersReadAcrossRuns()
{
    write(Route, {Start}, AuditLookup::pauseAction());
    QList<qint64> later;
    for (int i = 1; i < 200; ++i)
        later.append(Start + i * 1000);
    write(Route, later);
    write(RouteInStaging, {Start + 500});

    AuditLookup lookup;
    VERIFY_OK(lookup.open(m_cache->path()));
    QCOMPARE(lookup.hasHistory(Route), std::optional<bool>(true));
    QCOMPARE(lookup.hasHistory(Profile), std::optional<bool>(false));
    const std::optional<StageHold> hold = lookup.stageHold(Route);
    QVERIFY(hold);
    QCOMPARE(hold->timeMs, Start);
    QVERIFY(!lookup.stageHold(RouteInStaging));

    ChangeHistory history;
    VERIFY_OK(history.open(m_cache->path()));
    const Result<QList<StoredChange>> window = history.changesOf(Route, Start + 60000, Start + 140000);
    VERIFY_OK(window);
    QCOMPARE(window->size(), 81);
    QCOMPARE(window->first().entry.timeMs, Start + 60000);
    QCOMPARE(window->last().entry.timeMs, Start + 140000);
    const Result<QList<FlagStateAt>> states = history.stateAt(Start + 100500);
    VERIFY_OK(states);
    QCOMPARE(states->size(), 2);
    const auto route = std::find_if(states->cbegin(), states->cend(), [](const FlagStateAt &state) {
        return state.ref == Route;
    });
    QVERIFY(route != states->cend());
    QCOMPARE(route->changedAtMs, Start + 100000);
}

// A name that is not valid text (a lone surrogate from a server) is stored as the entry stores
// it, by a write and by a rebuild alike, so the flag's entries and its runs still meet.
void tst_FlagTimeline::storesAFlagByTheBytesItsEntriesHold()
{
    const FlagRef broken{QStringLiteral("featbit"), QStringLiteral("production"),
                         QStringLiteral("route-") + QChar(0xDC00)};
    write(broken, {Start, Start + 1000});
    QCOMPARE(entriesOutsideTheirRuns(), 0);
    QSqlQuery query(m_cache->database());
    QVERIFY(query.exec(QStringLiteral("DELETE FROM audit_flag_runs")));
    QSqlDatabase db = m_cache->database();
    VERIFY_OK(FlagTimeline::build(db));
    QCOMPARE(entriesOutsideTheirRuns(), 0);
    write(broken, {Start + 2000});
    QCOMPARE(entriesOutsideTheirRuns(), 0);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_flag_runs")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

int tst_FlagTimeline::entriesOutsideTheirRuns()
{
    QSqlQuery query(m_cache->database());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM audit_events AS e WHERE NOT EXISTS (SELECT 1 FROM "
                                   "audit_flag_runs AS r, json_each(r.ids) AS j WHERE j.value = e.id "
                                   "AND r.flag_key = e.flag_key AND r.server = e.server "
                                   "AND r.environment = e.environment)"))
        || !query.next())
        return -1;
    return query.value(0).toInt();
}

void tst_FlagTimeline::buildsTheRunsOfAnOlderCache()
{
    QRandomGenerator random(7);
    for (int transaction = 0; transaction < 20; ++transaction) {
        QList<qint64> times;
        for (int i = 0; i < 25; ++i)
            times.append(Start + random.bounded(0, 1000) * 1000);
        write(transaction % 2 ? Route : RouteInUnleash, times);
    }
    QSqlQuery query(m_cache->database());
    QVERIFY(query.exec(QStringLiteral("DELETE FROM audit_flag_runs")));
    QVERIFY(query.exec(QStringLiteral("BEGIN")));
    QSqlDatabase db = m_cache->database();
    VERIFY_OK(FlagTimeline::build(db));
    QVERIFY(query.exec(QStringLiteral("COMMIT")));
    QCOMPARE(checkedRuns(Route), stored(Route));
    QCOMPARE(checkedRuns(RouteInUnleash), stored(RouteInUnleash));
    QCOMPARE(stored(Route).size() + stored(RouteInUnleash).size(), 500);
}

QTEST_GUILESS_MAIN(tst_FlagTimeline)
#include "tst_flagtimeline.moc"
