#include "connectors/flagserver.h"
#include "control/confirmedchanges.h"
#include "control/flagstore.h"
#include "item/flagtablemodel.h"
#include "store/auditcache.h"
#include "testaudit.h"
#include "testflags.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString Conn = QStringLiteral("c1");
const QString Prod = QStringLiteral("production");

// A server that answers each change only when the test says so, and never announces a change
// live: the reply is the only word it says, as FeatBit's answer is when its stream is quiet.
class QuietServer : public FlagServer
{
public:
    QuietServer() : FlagServer(ConnectionConfig{}) {}

    Capabilities capabilities() const override { return Capability::Kill | Capability::Restore | Capability::SetRollout; }
    void connectToServer() override { setState(ConnectionState::Connected); }
    void disconnectFromServer() override { setState(ConnectionState::Disconnected); }
    QStringList environments() const override { return {Prod}; }
    ServerReply *setEnabled(const QString &, const QString &, bool, const QString &) override { return hold(); }
    ServerReply *setRollout(const QString &, const QString &, const Rollout &, const QString &, const QString &) override
    {
        return hold();
    }
    ServerReply *fetchAuditSince(const QString &) override
    {
        auto *reply = new ServerReply(this);
        reply->finishWithAudit({}, {});
        return reply;
    }

    // Answers the oldest unanswered change with this flag.
    void answer(const Flag &flag) { m_replies.takeFirst()->finishWithFlag(flag); }
    void refuse(const ServerError &error) { m_replies.takeFirst()->finishWithError(error); }
    int unanswered() const { return int(m_replies.size()); }

private:
    ServerReply *hold()
    {
        auto *reply = new ServerReply(this);
        m_replies.append(reply);
        return reply;
    }

    QList<ServerReply *> m_replies;
};

Flag withRevision(Flag flag, const QString &revision)
{
    flag.revision = revision;
    return flag;
}

} // namespace

// The flag store is the one door for what servers say about a flag: every way in (a snapshot, a
// live change, the reply to a change) reaches the entries, the item model over them, and the
// audit cache's last-known states alike.
class tst_FlagStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void snapshotEntersAndIsCached();
    void liveChangeTouchesOnlyItsEntry();
    void replyEntersTheStoreAndTheCacheAtOnce_data();
    void replyEntersTheStoreAndTheCacheAtOnce();
    void replyThatDoesNotShowTheChangeFails();
    void refusalLeavesTheFlagAsItWas();
    void replyAfterTheTimeoutStillEnters();
    void liveChangeBeforeTheReplyConfirmsOnce();
    void cachedEntriesAreStaleUntilTheServerSpeaks();
    void removingAConnectionKeepsIndexesRight();

private:
    Flag cached(const FlagRef &ref);
    ConfirmedChanges::Change killChange() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditWriter> m_audit;
    std::unique_ptr<FlagStore> m_store;
    std::unique_ptr<FlagTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QuietServer> m_server;
    std::unique_ptr<ConfirmedChanges> m_changes;
};

void tst_FlagStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_audit = TestAudit::openWriter(m_dir->filePath(QStringLiteral("audit.sqlite")));
    m_store = std::make_unique<FlagStore>(m_audit.get());
    m_store->setServerName(Conn, QStringLiteral("Quiet"));
    m_model = std::make_unique<FlagTableModel>(m_store.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_server = std::make_unique<QuietServer>();
    m_server->connectToServer();
    m_changes = std::make_unique<ConfirmedChanges>(m_store.get(), m_audit.get(),
                                                   [this](const QString &) -> FlagServer * { return m_server.get(); });
}

void tst_FlagStore::cleanup()
{
    m_changes.reset();
    m_server.reset();
    m_tester.reset();
    m_model.reset();
    m_store.reset();
    m_audit.reset();
    m_dir.reset();
}

// The flag as the audit cache holds it now: what `--offline` shows and `flagdeck mcp` tells.
Flag tst_FlagStore::cached(const FlagRef &ref)
{
    m_audit->flush();
    AuditCache reader;
    if (!reader.open(m_audit->path()))
        return {};
    for (const CachedFlag &flag : reader.cachedFlags()) {
        if (flag.server == ref.connectionId && flag.environment == ref.environment && flag.flag.key == ref.key)
            return flag.flag;
    }
    return {};
}

ConfirmedChanges::Change tst_FlagStore::killChange() const
{
    ConfirmedChanges::Change change;
    change.action = FlagAction::Kill;
    change.send = [](FlagServer *server) { return server->setEnabled(Prod, QString(), false, QString()); };
    change.reached = [](const Flag &flag) { return !flag.enabled; };
    change.notReachedReason = QStringLiteral("still on");
    change.pendingOperation = FlagStore::Operation::KillPending;
    change.failedOperation = FlagStore::Operation::KillFailed;
    return change;
}

void tst_FlagStore::snapshotEntersAndIsCached()
{
    QSignalSpy reported(m_store.get(), &FlagStore::environmentReported);
    QList<Flag> flags = TestFlags::many(5);
    m_store->reportEnvironment(Conn, Prod, flags);
    QCOMPARE(m_store->count(), 5);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(reported.size(), 1);
    QCOMPARE(m_store->at(2).serverName, QStringLiteral("Quiet"));
    QVERIFY(m_store->at(2).isLive());
    QCOMPARE(cached({Conn, Prod, QStringLiteral("flag-3")}), flags.at(3));

    // The next snapshot: a vanished flag leaves the store and the cache.
    flags.removeAt(3);
    m_store->reportEnvironment(Conn, Prod, flags);
    QCOMPARE(m_store->count(), 4);
    QCOMPARE(m_store->indexOf({Conn, Prod, QStringLiteral("flag-3")}), -1);
    QCOMPARE(cached({Conn, Prod, QStringLiteral("flag-3")}).key, QString());
}

void tst_FlagStore::liveChangeTouchesOnlyItsEntry()
{
    m_store->reportEnvironment(Conn, Prod, TestFlags::many(5));
    QSignalSpy changed(m_store.get(), &FlagStore::entryChanged);
    QSignalSpy rowsChanged(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reported(m_store.get(), &FlagStore::flagReported);
    const FlagRef ref{Conn, Prod, QStringLiteral("flag-2")};
    const Flag live = withRevision(m_store->find(ref)->flag, QStringLiteral("r2"));
    m_store->reportFlag(ref, live);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toInt(), 2);
    QCOMPARE(rowsChanged.size(), 1);
    QCOMPARE(rowsChanged.first().at(0).toModelIndex().row(), 2);
    QCOMPARE(reported.size(), 1);
    QCOMPARE(cached(ref).revision, QStringLiteral("r2"));

    // Said again unchanged: announced (a pending change may wait for it), but no row moves.
    m_store->reportFlag(ref, live);
    QCOMPARE(reported.size(), 2);
    QCOMPARE(changed.size(), 1);

    // A flag the store did not know yet joins it.
    m_store->reportFlag({Conn, Prod, QStringLiteral("new-flag")}, TestFlags::make(QStringLiteral("new-flag")));
    QCOMPARE(m_store->count(), 6);
}

void tst_FlagStore::replyEntersTheStoreAndTheCacheAtOnce_data()
{
    QTest::addColumn<int>("action");
    QTest::addRow("kill") << int(FlagAction::Kill);
    QTest::addRow("restore") << int(FlagAction::Restore);
    QTest::addRow("rollout") << int(FlagAction::SetRollout);
}

void tst_FlagStore::replyEntersTheStoreAndTheCacheAtOnce()
{
    QFETCH(int, action);
    const FlagRef ref{Conn, Prod, QStringLiteral("route")};
    const Flag before = TestFlags::make(ref.key, FlagAction(action) != FlagAction::Restore, 500);
    m_store->reportEnvironment(Conn, Prod, {before});
    Flag after = withRevision(before, QStringLiteral("r2"));
    ConfirmedChanges::Change change;
    change.action = FlagAction(action);
    if (change.action == FlagAction::SetRollout) {
        after.rollout = Rollout({{QStringLiteral("baseline"), 5000}, {QStringLiteral("candidate"), 5000}});
        change.reached = [target = after.rollout](const Flag &flag) { return flag.rollout == target; };
        change.pendingOperation = FlagStore::Operation::ChangePending;
        change.failedOperation = FlagStore::Operation::ChangeFailed;
    } else {
        after.enabled = !before.enabled;
        change.reached = [wanted = after.enabled](const Flag &flag) { return flag.enabled == wanted; };
        change.pendingOperation = FlagStore::Operation::KillPending;
        change.failedOperation = FlagStore::Operation::KillFailed;
    }
    change.send = [](FlagServer *server) { return server->setEnabled(Prod, QString(), false, QString()); };
    QList<ConfirmedChanges::Outcome> outcomes;
    QVERIFY(m_changes->start(ref, change, QString(), [&](const ConfirmedChanges::Outcome &outcome) { outcomes.append(outcome); }));
    QCOMPARE(m_store->find(ref)->operation, change.pendingOperation);
    QCOMPARE(m_store->find(ref)->flag, before); // nothing but the server's word changes the flag

    m_server->answer(after);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().confirmed);
    QCOMPARE(outcomes.first().flag, after);
    QCOMPARE(m_store->find(ref)->flag, after);
    QCOMPARE(m_store->find(ref)->operation, FlagStore::Operation::None);
    // The cache's last-known state is the reply's, with its revision: no live change needed.
    QCOMPARE(cached(ref), after);
}

void tst_FlagStore::replyThatDoesNotShowTheChangeFails()
{
    const FlagRef ref{Conn, Prod, QStringLiteral("route")};
    const Flag before = TestFlags::make(ref.key);
    m_store->reportEnvironment(Conn, Prod, {before});
    QList<ConfirmedChanges::Outcome> outcomes;
    QVERIFY(m_changes->start(ref, killChange(), QString(), [&](const ConfirmedChanges::Outcome &outcome) { outcomes.append(outcome); }));
    const Flag stillOn = withRevision(before, QStringLiteral("r2"));
    m_server->answer(stillOn);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(!outcomes.first().confirmed);
    QCOMPARE(outcomes.first().reason, QStringLiteral("still on"));
    QCOMPARE(m_store->find(ref)->operation, FlagStore::Operation::KillFailed);
    QCOMPARE(m_store->find(ref)->flag, stillOn); // what the server said is shown and cached all the same
    QCOMPARE(cached(ref), stillOn);
}

void tst_FlagStore::refusalLeavesTheFlagAsItWas()
{
    const FlagRef ref{Conn, Prod, QStringLiteral("route")};
    const Flag before = TestFlags::make(ref.key);
    m_store->reportEnvironment(Conn, Prod, {before});
    QList<ConfirmedChanges::Outcome> outcomes;
    QVERIFY(m_changes->start(ref, killChange(), QString(), [&](const ConfirmedChanges::Outcome &outcome) { outcomes.append(outcome); }));
    QVERIFY(!m_changes->start(ref, killChange(), QString(), [&](const ConfirmedChanges::Outcome &outcome) { outcomes.append(outcome); }));
    m_server->refuse(ServerError{ServerError::Kind::Forbidden, QStringLiteral("no")});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(!outcomes.first().confirmed);
    QCOMPARE(m_store->find(ref)->flag, before);
    QCOMPARE(m_store->find(ref)->operation, FlagStore::Operation::KillFailed);
    QCOMPARE(cached(ref), before);
}

void tst_FlagStore::replyAfterTheTimeoutStillEnters()
{
    const FlagRef ref{Conn, Prod, QStringLiteral("route")};
    const Flag before = TestFlags::make(ref.key);
    m_store->reportEnvironment(Conn, Prod, {before});
    m_changes->setTimeout(50);
    QList<ConfirmedChanges::Outcome> outcomes;
    QVERIFY(m_changes->start(ref, killChange(), QString(), [&](const ConfirmedChanges::Outcome &outcome) { outcomes.append(outcome); }));
    QTRY_COMPARE(outcomes.size(), 1);
    QVERIFY(!outcomes.first().confirmed);
    QCOMPARE(m_store->find(ref)->operation, FlagStore::Operation::KillFailed);

    Flag off = withRevision(before, QStringLiteral("r2"));
    off.enabled = false;
    m_server->answer(off);
    QCOMPARE(outcomes.size(), 1); // the caller heard once
    QCOMPARE(m_store->find(ref)->flag, off);
    QCOMPARE(cached(ref), off);
}

void tst_FlagStore::liveChangeBeforeTheReplyConfirmsOnce()
{
    const FlagRef ref{Conn, Prod, QStringLiteral("route")};
    const Flag before = TestFlags::make(ref.key);
    m_store->reportEnvironment(Conn, Prod, {before});
    QList<ConfirmedChanges::Outcome> outcomes;
    QVERIFY(m_changes->start(ref, killChange(), QString(), [&](const ConfirmedChanges::Outcome &outcome) { outcomes.append(outcome); }));
    Flag off = withRevision(before, QStringLiteral("r2"));
    off.enabled = false;
    m_store->reportFlag(ref, off); // the server's stream was quicker than its answer
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().confirmed);
    QCOMPARE(m_store->find(ref)->operation, FlagStore::Operation::None);
    m_server->answer(off);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(m_store->find(ref)->flag, off);
    QCOMPARE(cached(ref), off);
    const QList<AuditEntry> written = TestAudit::written(*m_audit);
    QCOMPARE(std::count_if(written.cbegin(), written.cend(), [](const AuditEntry &entry) { return entry.outcome == QLatin1String("confirmed"); }),
             1);
}

void tst_FlagStore::cachedEntriesAreStaleUntilTheServerSpeaks()
{
    const FlagRef ref{Conn, Prod, QStringLiteral("route")};
    const Flag seen = TestFlags::make(ref.key);
    m_store->showCached(ref, seen, 1000);
    QVERIFY(!m_store->find(ref)->isLive());
    QCOMPARE(m_store->find(ref)->staleSinceMs, 1000);
    QCOMPARE(cached(ref).key, QString()); // reading the cache writes nothing back
    QCOMPARE(FlagTableModel::rowAction(*m_store->find(ref)), FlagTableModel::RowAction::None);

    m_store->reportEnvironment(Conn, Prod, {seen});
    QVERIFY(m_store->find(ref)->isLive());
    QCOMPARE(cached(ref), seen);
}

void tst_FlagStore::removingAConnectionKeepsIndexesRight()
{
    m_store->reportEnvironment(Conn, Prod, TestFlags::many(4));
    m_store->setServerName(QStringLiteral("c2"), QStringLiteral("Other"));
    m_store->reportEnvironment(QStringLiteral("c2"), Prod, TestFlags::many(4));
    m_store->reportEnvironment(Conn, QStringLiteral("staging"), TestFlags::many(4));
    m_store->removeConnection(Conn);
    QCOMPARE(m_store->count(), 4);
    QCOMPARE(m_model->rowCount(), 4);
    for (int i = 0; i < m_store->count(); ++i) {
        QCOMPARE(m_store->at(i).ref.connectionId, QStringLiteral("c2"));
        QCOMPARE(m_store->indexOf(m_store->at(i).ref), i);
        QCOMPARE(m_store->at(i).serverName, QStringLiteral("Other"));
    }
}

QTEST_GUILESS_MAIN(tst_FlagStore)
#include "tst_flagstore.moc"
