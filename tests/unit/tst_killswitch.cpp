#include "control/killswitch.h"
#include "sandboxrig.h"
#include "testaudit.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

// The kill switch against real sandbox servers: what the table shows at each step, and what
// the audit cache holds afterwards.
class tst_KillSwitch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void killGoesPendingThenOffOnlyWhenConfirmed();
    void serverFailureIsShownAndAudited_data();
    void serverFailureIsShownAndAudited();
    void silentServerTimesOut();
    void lateAnswerAfterTimeoutStillUpdatesTheRow();
    void lateRefusalAfterTimeoutKeepsTheFailure();
    void liveEventConfirmsBeforeTheReply();
    void disconnectedServerFailsAtOnce();
    void bulkKillAcrossServersRunsInParallel();
    void undoIsOfferedForItsWindow();
    void retryAfterFailure();
    void alreadyOffIsLeftAlone();

private:
    SandboxServer *addServer(const QString &id);
    QStringList auditOutcomes() const;

    std::unique_ptr<SandboxRig> m_rig;
    std::unique_ptr<KillSwitch> m_killSwitch;
};

namespace {
const QString Prod = QStringLiteral("production");
FlagRef ref(const QString &connection, const QString &key) { return {connection, Prod, key}; }
} // namespace

void tst_KillSwitch::init()
{
    m_rig = std::make_unique<SandboxRig>();
    m_killSwitch = std::make_unique<KillSwitch>(m_rig->store(), m_rig->audit(), m_rig->servers());
    m_killSwitch->setActor(QStringLiteral("oncall-alice"));
    addServer(QStringLiteral("s1"));
}

void tst_KillSwitch::cleanup()
{
    m_killSwitch.reset();
    m_rig.reset();
}

SandboxServer *tst_KillSwitch::addServer(const QString &id)
{
    SandboxServer *server = m_rig->addServer(id, id);
    [&] { QTRY_VERIFY(m_rig->model()->row(ref(id, QStringLiteral("chat-model-route")))); }();
    return server;
}

QStringList tst_KillSwitch::auditOutcomes() const
{
    QStringList outcomes;
    const QList<AuditEntry> entries = TestAudit::written(*m_rig->audit());
    for (auto it = entries.crbegin(); it != entries.crend(); ++it)
        outcomes.append(it->action + QLatin1Char(':') + it->outcome);
    return outcomes;
}

void tst_KillSwitch::killGoesPendingThenOffOnlyWhenConfirmed()
{
    SandboxServer *server = m_rig->server(QStringLiteral("s1"));
    server->setLatency(150, 150);
    const FlagRef flag = ref(QStringLiteral("s1"), QStringLiteral("chat-model-route"));
    QSignalSpy confirmed(m_killSwitch.get(), &KillSwitch::confirmed);

    m_killSwitch->kill({flag}, QStringLiteral("p95 latency doubled"));
    QCOMPARE(m_rig->model()->row(flag)->operation, FlagTableModel::Operation::KillPending);
    QVERIFY(m_rig->model()->row(flag)->flag.enabled);
    QCOMPARE(auditOutcomes(), QStringList{QStringLiteral("kill:requested")}); // intent first
    QTest::qWait(60);
    QVERIFY2(m_rig->model()->row(flag)->flag.enabled, "not off before the server answered");
    QCOMPARE(m_rig->model()->row(flag)->operation, FlagTableModel::Operation::KillPending);

    QVERIFY(confirmed.wait(2000));
    QCOMPARE(m_rig->model()->row(flag)->operation, FlagTableModel::Operation::None);
    QVERIFY(!m_rig->model()->row(flag)->flag.enabled);
    QVERIFY(m_rig->model()->indexOf(flag, FlagTableModel::StateColumn).data().toString().startsWith(QStringLiteral("KILLED by ")));
    QCOMPARE(auditOutcomes(), (QStringList{QStringLiteral("kill:requested"), QStringLiteral("kill:confirmed")}));
    const AuditEntry last = TestAudit::written(*m_rig->audit(), 1).first();
    QCOMPARE(last.actor, QStringLiteral("oncall-alice"));
    QCOMPARE(last.actorKind, ActorKind::Human);
    QCOMPARE(last.flagKey, flag.key);
    QCOMPARE(last.server, flag.connectionId);
}

void tst_KillSwitch::serverFailureIsShownAndAudited_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("forbidden") << int(ServerError::Kind::Forbidden) << QStringLiteral("permission");
    QTest::newRow("unauthorized") << int(ServerError::Kind::Unauthorized) << QStringLiteral("credentials");
    QTest::newRow("rate limited") << int(ServerError::Kind::RateLimited) << QStringLiteral("limiting");
    QTest::newRow("server error") << int(ServerError::Kind::ServerFailure) << QStringLiteral("HTTP 503");
}

void tst_KillSwitch::serverFailureIsShownAndAudited()
{
    QFETCH(int, kind);
    QFETCH(QString, reasonContains);
    m_rig->server(QStringLiteral("s1"))->failNextMutations(1, {ServerError::Kind(kind), QStringLiteral("HTTP 503")});
    const FlagRef flag = ref(QStringLiteral("s1"), QStringLiteral("chat-model-route"));
    QSignalSpy failed(m_killSwitch.get(), &KillSwitch::failed);
    m_killSwitch->kill({flag});
    QVERIFY(failed.wait(2000));
    const FlagTableModel::Row *row = m_rig->model()->row(flag);
    QCOMPARE(row->operation, FlagTableModel::Operation::KillFailed);
    QVERIFY(row->flag.enabled);
    QVERIFY2(row->operationError.contains(reasonContains), qPrintable(row->operationError));
    QVERIFY(m_rig->model()->indexOf(flag, FlagTableModel::StateColumn).data().toString().startsWith(
        QStringLiteral("Kill failed: ")));
    QCOMPARE(auditOutcomes(), (QStringList{QStringLiteral("kill:requested"), QStringLiteral("kill:failed")}));
    QVERIFY(TestAudit::written(*m_rig->audit(), 1).first().comment.contains(reasonContains));
}

void tst_KillSwitch::silentServerTimesOut()
{
    m_rig->server(QStringLiteral("s1"))->setUnresponsive(true);
    m_killSwitch->setTimeout(200);
    const FlagRef flag = ref(QStringLiteral("s1"), QStringLiteral("chat-model-route"));
    QSignalSpy failed(m_killSwitch.get(), &KillSwitch::failed);
    m_killSwitch->kill({flag});
    QVERIFY(failed.wait(2000));
    QCOMPARE(m_rig->model()->row(flag)->operation, FlagTableModel::Operation::KillFailed);
    QVERIFY2(m_rig->model()->row(flag)->operationError.contains(QStringLiteral("did not confirm within 0.2 s")),
             qPrintable(m_rig->model()->row(flag)->operationError));
    QVERIFY(m_rig->model()->row(flag)->flag.enabled);
    QCOMPARE(auditOutcomes(), (QStringList{QStringLiteral("kill:requested"), QStringLiteral("kill:failed")}));
}

void tst_KillSwitch::lateAnswerAfterTimeoutStillUpdatesTheRow()
{
    m_rig->server(QStringLiteral("s1"))->setLatency(300, 300);
    m_killSwitch->setTimeout(100);
    const FlagRef flag = ref(QStringLiteral("s1"), QStringLiteral("chat-model-route"));
    QSignalSpy failed(m_killSwitch.get(), &KillSwitch::failed);
    QSignalSpy confirmed(m_killSwitch.get(), &KillSwitch::confirmed);
    m_killSwitch->kill({flag}, QStringLiteral("p95 latency doubled"));
    QVERIFY(failed.wait(2000));
    QCOMPARE(m_rig->model()->row(flag)->operation, FlagTableModel::Operation::KillFailed);
    QVERIFY(m_rig->model()->row(flag)->flag.enabled);
    QTRY_VERIFY_WITH_TIMEOUT(!m_rig->model()->row(flag)->flag.enabled, 2000); // the server's word wins
    // The row follows it whole: no "Kill failed" beside a flag the server says is off, and the kill
    // keeps who asked and why; the audit adds the late confirmation to the failure it recorded.
    QCOMPARE(confirmed.count(), 1);
    QCOMPARE(m_rig->model()->row(flag)->operation, FlagTableModel::Operation::None);
    const QString state = m_rig->model()->indexOf(flag, FlagTableModel::StateColumn).data().toString();
    QVERIFY2(state.startsWith(QStringLiteral("KILLED by oncall-alice")), qPrintable(state));
    QCOMPARE(m_rig->model()->row(flag)->kill->reason, QStringLiteral("p95 latency doubled"));
    QCOMPARE(auditOutcomes(), (QStringList{QStringLiteral("kill:requested"), QStringLiteral("kill:failed"),
                                           QStringLiteral("kill:confirmed")}));
    const AuditEntry late = TestAudit::written(*m_rig->audit(), 1).first();
    QVERIFY2(late.comment.contains(QStringLiteral("after the 0.1 s timeout")), qPrintable(late.comment));
    // Nothing more to wait for: a later word of the server changes the row as anyone's would.
    QVERIFY(!m_killSwitch->isPending(flag));
}

void tst_KillSwitch::lateRefusalAfterTimeoutKeepsTheFailure()
{
    m_rig->server(QStringLiteral("s1"))->setLatency(300, 300);
    m_rig->server(QStringLiteral("s1"))->failNextMutations(1, {ServerError::Kind::ServerFailure, QStringLiteral("HTTP 503")});
    m_killSwitch->setTimeout(100);
    const FlagRef flag = ref(QStringLiteral("s1"), QStringLiteral("chat-model-route"));
    QSignalSpy failed(m_killSwitch.get(), &KillSwitch::failed);
    QSignalSpy confirmed(m_killSwitch.get(), &KillSwitch::confirmed);
    m_killSwitch->kill({flag});
    QVERIFY(failed.wait(2000));
    QTest::qWait(600); // the refusal arrives meanwhile
    QCOMPARE(confirmed.count(), 0);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(m_rig->model()->row(flag)->operation, FlagTableModel::Operation::KillFailed);
    QVERIFY(m_rig->model()->row(flag)->flag.enabled);
    QCOMPARE(auditOutcomes(), (QStringList{QStringLiteral("kill:requested"), QStringLiteral("kill:failed")}));
}

void tst_KillSwitch::liveEventConfirmsBeforeTheReply()
{
    const FlagRef flag = ref(QStringLiteral("s1"), QStringLiteral("chat-model-route"));
    QSignalSpy confirmed(m_killSwitch.get(), &KillSwitch::confirmed);
    m_rig->server(QStringLiteral("s1"))->setUnresponsive(true);
    m_killSwitch->kill({flag});
    // Someone else's change arrives as a live event: the flag is off on the server.
    Flag off = m_rig->model()->row(flag)->flag;
    off.enabled = false;
    m_rig->server(QStringLiteral("s1"))->setUnresponsive(false);
    VERIFY_OK(m_rig->server(QStringLiteral("s1"))->changeFlagExternally(Prod, off, QStringLiteral("bob")));
    QCOMPARE(confirmed.size(), 1);
    QCOMPARE(m_rig->model()->row(flag)->operation, FlagTableModel::Operation::None);
    QVERIFY(!m_rig->model()->row(flag)->flag.enabled);
}

void tst_KillSwitch::disconnectedServerFailsAtOnce()
{
    m_rig->server(QStringLiteral("s1"))->disconnectFromServer();
    const FlagRef flag = ref(QStringLiteral("s1"), QStringLiteral("chat-model-route"));
    m_killSwitch->kill({flag});
    QCOMPARE(m_rig->model()->row(flag)->operation, FlagTableModel::Operation::KillFailed);
    QVERIFY(m_rig->model()->row(flag)->operationError.contains(QStringLiteral("not connected")));
    QCOMPARE(auditOutcomes(), (QStringList{QStringLiteral("kill:requested"), QStringLiteral("kill:failed")}));
}

void tst_KillSwitch::bulkKillAcrossServersRunsInParallel()
{
    addServer(QStringLiteral("s2"));
    for (SandboxServer *server : m_rig->allServers())
        server->setLatency(200, 200);
    const QList<FlagRef> flags = {ref(QStringLiteral("s1"), QStringLiteral("chat-model-route")),
                                  ref(QStringLiteral("s1"), QStringLiteral("pii-guardrail-mode")),
                                  ref(QStringLiteral("s2"), QStringLiteral("chat-model-route")),
                                  ref(QStringLiteral("s2"), QStringLiteral("answer-reranker"))};
    QSignalSpy confirmed(m_killSwitch.get(), &KillSwitch::confirmed);
    QElapsedTimer timer;
    timer.start();
    m_killSwitch->kill(flags);
    QCOMPARE(m_killSwitch->pendingCount(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(confirmed.size(), 4, 3000);
    // Four requests of 200 ms each, in parallel: well under the 800 ms they would take in turn.
    QVERIFY2(timer.elapsed() < 700, qPrintable(QString::number(timer.elapsed())));
    for (const FlagRef &flag : flags)
        QVERIFY(!m_rig->model()->row(flag)->flag.enabled);
}

void tst_KillSwitch::undoIsOfferedForItsWindow()
{
    m_killSwitch->setUndoWindow(300);
    const FlagRef flag = ref(QStringLiteral("s1"), QStringLiteral("chat-model-route"));
    QSignalSpy confirmed(m_killSwitch.get(), &KillSwitch::confirmed);
    m_killSwitch->kill({flag});
    QVERIFY(confirmed.wait(2000));
    QCOMPARE(FlagTableModel::rowAction(*m_rig->model()->row(flag)), FlagTableModel::RowAction::Undo);
    QTRY_COMPARE_WITH_TIMEOUT(FlagTableModel::rowAction(*m_rig->model()->row(flag)), FlagTableModel::RowAction::Restore, 2000);

    m_killSwitch->restore({flag});
    QCOMPARE(m_rig->model()->row(flag)->operation, FlagTableModel::Operation::RestorePending);
    QVERIFY(confirmed.wait(2000));
    QVERIFY(m_rig->model()->row(flag)->flag.enabled);
    QCOMPARE(m_rig->model()->indexOf(flag, FlagTableModel::StateColumn).data().toString(), QStringLiteral("On"));
    QCOMPARE(auditOutcomes().last(), QStringLiteral("restore:confirmed"));
}

void tst_KillSwitch::retryAfterFailure()
{
    m_rig->server(QStringLiteral("s1"))->failNextMutations(1, {ServerError::Kind::Network, QString()});
    const FlagRef flag = ref(QStringLiteral("s1"), QStringLiteral("chat-model-route"));
    QSignalSpy failed(m_killSwitch.get(), &KillSwitch::failed);
    QSignalSpy confirmed(m_killSwitch.get(), &KillSwitch::confirmed);
    m_killSwitch->kill({flag});
    QVERIFY(failed.wait(2000));
    QCOMPARE(FlagTableModel::rowAction(*m_rig->model()->row(flag)), FlagTableModel::RowAction::RetryKill);
    m_killSwitch->kill({flag});
    QVERIFY(confirmed.wait(2000));
    QVERIFY(!m_rig->model()->row(flag)->flag.enabled);
    QCOMPARE(auditOutcomes().size(), 4);
}

void tst_KillSwitch::alreadyOffIsLeftAlone()
{
    const FlagRef flag = ref(QStringLiteral("s1"), QStringLiteral("deploy-agent-tool-tier")); // seeded off
    QVERIFY(!m_rig->model()->row(flag)->flag.enabled);
    m_killSwitch->kill({flag});
    QCOMPARE(m_killSwitch->pendingCount(), 0);
    QCOMPARE(TestAudit::written(*m_rig->audit()).size(), 0);
}

QTEST_GUILESS_MAIN(tst_KillSwitch)
#include "tst_killswitch.moc"
