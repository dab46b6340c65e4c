#include "connectors/sandbox/sandboxserver.h"
#include "control/auditsync.h"
#include "store/auditcache.h"
#include "store/auditverifier.h"
#include "store/auditwriter.h"
#include "sandboxhistory.h"
#include "testaudit.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTimer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A sandbox server's history into the audit cache through the real writer thread.
class tst_AuditSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void syncsTheWholeHistory();
    void resumesFromTheStoredCursor();
    void liveChangeIsFetchedSoon();
    void aChangeDuringAFetchIsFetchedAfterIt();
    void serverErrorIsReportedAndRetried();
    void entryWithoutIdStopsThePage();
    void queuedPagesShareTransactionsUpToTheLimit();

private:
    void changeRoute(const QString &actor);
    qint64 cachedCount();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<AuditWriter> m_writer;
    Flag m_route;
    int m_seededEntries = 0;
};

namespace {
const QString Prod = QStringLiteral("production");
const QString Route = QStringLiteral("chat-model-route");
} // namespace

void tst_AuditSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    ConnectionConfig config;
    config.id = QStringLiteral("sandbox");
    config.displayName = QStringLiteral("Sandbox");
    m_server = std::make_unique<SandboxServer>(config, m_dir->filePath(QStringLiteral("sandbox.sqlite")));
    m_server->setLatency(0, 5);
    connect(m_server.get(), &FlagServer::flagsReplaced, this, [this](const QString &environment, const QList<Flag> &flags) {
        for (const Flag &flag : flags) {
            if (environment == Prod && flag.key == Route)
                m_route = flag;
        }
    });
    m_server->connectToServer();
    QTRY_COMPARE(m_server->state(), ConnectionState::Connected);
    QTRY_COMPARE(m_route.key, Route);
    m_seededEntries = SandboxHistory::count(m_dir->filePath(QStringLiteral("sandbox.sqlite")));
    QVERIFY(m_seededEntries > 28); // a creation and some rollout steps for each of 28 flags
    m_writer = std::make_unique<AuditWriter>();
    VERIFY_OK(m_writer->open(m_dir->filePath(QStringLiteral("audit.sqlite"))));
}

void tst_AuditSync::cleanup()
{
    m_writer.reset();
    m_server.reset();
    m_dir.reset();
}

void tst_AuditSync::changeRoute(const QString &actor)
{
    m_route.enabled = !m_route.enabled;
    VERIFY_OK(m_server->changeFlagExternally(Prod, m_route, actor));
}

qint64 tst_AuditSync::cachedCount()
{
    m_writer->flush();
    AuditCache reader;
    if (!reader.open(m_writer->path()))
        return -1;
    return TestAudit::count(reader);
}

void tst_AuditSync::syncsTheWholeHistory()
{
    AuditSync sync(m_server.get(), m_writer.get());
    QSignalSpy caughtUp(&sync, &AuditSync::caughtUp);
    sync.start();
    QTRY_COMPARE(caughtUp.size(), 1);
    QCOMPARE(sync.entriesFetched(), m_seededEntries);
    QCOMPARE(cachedCount(), m_seededEntries);
    AuditCache reader;
    VERIFY_OK(reader.open(m_writer->path()));
    QCOMPARE(reader.storedCursor(QStringLiteral("sandbox")), QString::number(m_seededEntries));
    const QList<AuditEntry> latest = TestAudit::latest(reader, 1);
    QCOMPARE(latest.first().server, QStringLiteral("sandbox"));
    QVERIFY(!latest.first().action.isEmpty());
    QCOMPARE(latest.first().outcome, QStringLiteral("applied"));
    QVERIFY(verifyAuditChains(reader).intact);
}

void tst_AuditSync::resumesFromTheStoredCursor()
{
    {
        AuditSync first(m_server.get(), m_writer.get());
        QSignalSpy caughtUp(&first, &AuditSync::caughtUp);
        first.start();
        QTRY_COMPARE(caughtUp.size(), 1);
    }
    changeRoute(QStringLiteral("bob"));
    changeRoute(QStringLiteral("carol"));
    // A new process would start like this: only the cursor connects it to the last run.
    AuditSync second(m_server.get(), m_writer.get());
    QSignalSpy caughtUp(&second, &AuditSync::caughtUp);
    second.start();
    QTRY_COMPARE(caughtUp.size(), 1);
    QCOMPARE(second.entriesFetched(), 2);
    QCOMPARE(cachedCount(), m_seededEntries + 2);
}

void tst_AuditSync::liveChangeIsFetchedSoon()
{
    AuditSync sync(m_server.get(), m_writer.get());
    sync.setInterval(3600'000); // only the live change can bring the new entry in time
    QSignalSpy caughtUp(&sync, &AuditSync::caughtUp);
    connect(m_server.get(), &FlagServer::flagChanged, &sync, &AuditSync::syncSoon);
    sync.start();
    QTRY_COMPARE(caughtUp.size(), 1);
    changeRoute(QStringLiteral("dave"));
    QTRY_COMPARE_WITH_TIMEOUT(sync.entriesFetched(), m_seededEntries + 1, 2000);
    QCOMPARE(cachedCount(), m_seededEntries + 1);
}

void tst_AuditSync::serverErrorIsReportedAndRetried()
{
    AuditBatch broken;
    broken.cursors.insert(QStringLiteral("sandbox"), QStringLiteral("not-a-cursor"));
    AuditCache cache;
    VERIFY_OK(cache.open(m_writer->path()));
    VERIFY_OK(cache.write(broken));
    AuditSync sync(m_server.get(), m_writer.get());
    QSignalSpy failed(&sync, &AuditSync::failed);
    sync.start();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("not-a-cursor")),
             qPrintable(failed.first().first().toString()));
    // It keeps trying (after 2 s) rather than giving up.
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 4000);
}

namespace {

// A server with a history and nothing else, for the history's answers alone.
class HistoryOnlyServer : public FlagServer
{
public:
    using FlagServer::FlagServer;
    Capabilities capabilities() const override { return Capability::AuditHistory; }
    void connectToServer() override {}
    void disconnectFromServer() override {}
    QStringList environments() const override { return {}; }
    ServerReply *setEnabled(const QString &, const QString &, bool, const QString &) override { return nullptr; }
    ServerReply *setRollout(const QString &, const QString &, const Rollout &, const QString &, const QString &) override
    {
        return nullptr;
    }
};

// A server whose history has an entry without an id, as a broken backend might send.
class IdlessHistoryServer : public HistoryOnlyServer
{
public:
    using HistoryOnlyServer::HistoryOnlyServer;
    ServerReply *fetchAuditSince(const QString &) override
    {
        auto *reply = new ServerReply(this);
        AuditEntry good;
        good.flagKey = Route;
        good.sourceId = QStringLiteral("1");
        AuditEntry idless = good;
        idless.sourceId.clear();
        idless.timeMs = 1763700000000;
        QTimer::singleShot(0, reply, [reply, good, idless] { reply->finishWithAudit({good, idless}, QStringLiteral("2")); });
        return reply;
    }
};

// A server that reads its history when asked and answers a second later, as a server across a
// slow network does: a change made meanwhile is not in that answer.
class DistantHistoryServer : public HistoryOnlyServer
{
public:
    using HistoryOnlyServer::HistoryOnlyServer;
    QList<AuditEntry> history;
    ServerReply *fetchAuditSince(const QString &cursor) override
    {
        auto *reply = new ServerReply(this);
        const QList<AuditEntry> after = history.mid(cursor.toInt());
        const QString next = QString::number(cursor.toInt() + after.size());
        QTimer::singleShot(1000, reply, [reply, after, next] { reply->finishWithAudit(after, next); });
        return reply;
    }
    void change(const QString &sourceId)
    {
        AuditEntry entry;
        entry.flagKey = Route;
        entry.sourceId = sourceId;
        history.append(entry);
        Q_EMIT flagChanged(Prod, Flag());
    }
};

} // namespace

// A change announced while a fetch is out may have missed that fetch's answer: it is asked for
// again as soon as the answer comes, not at the next interval.
void tst_AuditSync::aChangeDuringAFetchIsFetchedAfterIt()
{
    ConnectionConfig config;
    config.id = QStringLiteral("distant");
    DistantHistoryServer server(config);
    AuditSync sync(&server, m_writer.get());
    sync.setInterval(3600'000);
    connect(&server, &FlagServer::flagChanged, &sync, &AuditSync::syncSoon);
    QSignalSpy caughtUp(&sync, &AuditSync::caughtUp);
    sync.start();
    QTRY_VERIFY_WITH_TIMEOUT(caughtUp.size() == 1, 3000);
    sync.start(); // a fetch goes out and finds nothing new
    server.change(QStringLiteral("1")); // its fetch 0.5 s later finds that one still out
    QTRY_COMPARE_WITH_TIMEOUT(sync.entriesFetched(), 1, 4000);
}

void tst_AuditSync::entryWithoutIdStopsThePage()
{
    ConnectionConfig config;
    config.id = QStringLiteral("broken");
    IdlessHistoryServer server(config);
    AuditSync sync(&server, m_writer.get());
    QSignalSpy failed(&sync, &AuditSync::failed);
    sync.start();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("without an id (flag chat-model-route at 2025-11-21T04:40:00Z)")),
             qPrintable(failed.first().first().toString()));
    // Nothing of the page is kept, and the cursor did not move past it.
    QCOMPARE(cachedCount(), 0);
    AuditCache reader;
    VERIFY_OK(reader.open(m_writer->path()));
    QCOMPARE(reader.storedCursor(QStringLiteral("broken")), QString());
}

// Pages queued faster than they are written go into transactions of at most
// AuditWriter::MaxTransactionEntries (whole pages), in order, each with its cursor.
void tst_AuditSync::queuedPagesShareTransactionsUpToTheLimit()
{
    constexpr int Page = AuditWriter::MaxTransactionEntries / 2;
    constexpr int Pages = 5;
    QSignalSpy committed(m_writer.get(), &AuditWriter::committed);
    for (int page = 0; page < Pages; ++page) {
        QList<AuditEntry> entries;
        for (int i = page * Page; i < (page + 1) * Page; ++i) {
            AuditEntry entry;
            entry.server = QStringLiteral("bulk");
            entry.environment = QStringLiteral("production");
            entry.flagKey = QStringLiteral("flag-%1").arg(i % 7);
            entry.action = QStringLiteral("kill");
            entry.outcome = QStringLiteral("applied");
            entry.actor = QStringLiteral("alice");
            entry.timeMs = 1763700000000 + i;
            entry.sourceId = QString::number(i);
            entries.append(entry);
        }
        m_writer->ingest(QStringLiteral("bulk"), entries, QString::number((page + 1) * Page));
    }
    m_writer->flush();
    // Two pages a transaction at most: three transactions, or more if the worker was quicker.
    QTRY_VERIFY(committed.size() >= (Pages + 1) / 2);
    AuditCache reader;
    VERIFY_OK(reader.open(m_writer->path()));
    QCOMPARE(reader.storedCursor(QStringLiteral("bulk")), QString::number(Pages * Page));
    QSqlQuery count(reader.database());
    QVERIFY(count.exec(QStringLiteral("SELECT count(*), max(chain_seq) FROM audit_events WHERE server = 'bulk'")));
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), Pages * Page);
    QCOMPARE(count.value(1).toInt(), Pages * Page);
    QVERIFY(verifyAuditChains(reader).intact);
}

QTEST_GUILESS_MAIN(tst_AuditSync)
#include "tst_auditsync.moc"
