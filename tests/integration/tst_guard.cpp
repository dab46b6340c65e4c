#include "connectors/sandbox/sandboxserver.h"
#include "guardprocess.h"
#include "postgresserver.h"
#include "store/connectionsettings.h"
#include "store/guardlease.h"
#include "store/proposalinbox.h"
#include "testaudit.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

// flagdeck guard against a real PostgreSQL: which guard leads, who takes over when it dies, and
// that a regression is acted on once however many guards watch it.
class tst_Guard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void oneLeaseLeadsAndAnotherTakesOverWhenItGoes();
    void aLeaseWhoseSessionIsLostStopsLeadingAtOnce();
    void consolesReadWhoIsGuarding();
    void twoGuardsKillOnceAndTheSecondTakesOver();

private:
    QString m_inboxUrl;
    PostgresServer m_postgres;
    std::unique_ptr<ProposalInbox> m_inbox;
};

namespace {

const QString ChatProduction = QStringLiteral("chat-model-route@production");
const QString PromptProduction = QStringLiteral("support-prompt-profile@production");

} // namespace

void tst_Guard::initTestCase()
{
    if (const QString error = m_postgres.start(); !error.isEmpty())
        QFAIL(qPrintable(error));
}

void tst_Guard::init()
{
    m_inboxUrl = m_postgres.createDatabase();
    m_inbox = std::make_unique<ProposalInbox>();
    VERIFY_OK(m_inbox->open(m_inboxUrl));
}

void tst_Guard::oneLeaseLeadsAndAnotherTakesOverWhenItGoes()
{
    GuardLease first(m_inboxUrl, QStringLiteral("guard-1"), QStringLiteral("host-1"));
    GuardLease second(m_inboxUrl, QStringLiteral("guard-2"), QStringLiteral("host-2"));
    first.setTickInterval(100);
    second.setTickInterval(100);
    QSignalSpy secondLeads(&second, &GuardLease::leadingChanged);
    VERIFY_OK(first.start());
    VERIFY_OK(second.start());
    QVERIFY(first.isLeading());
    QVERIFY(!second.isLeading());
    QVERIFY(first.confirmLeading());
    QVERIFY(!second.confirmLeading());
    // Several ticks later nothing moved: the lead is not passed around.
    QTest::qWait(500);
    QVERIFY(first.isLeading());
    QVERIFY(secondLeads.isEmpty());

    first.stop();
    QVERIFY(!first.isLeading());
    QTRY_VERIFY_WITH_TIMEOUT(second.isLeading(), 2000);
    QVERIFY(second.confirmLeading());
    const Result<QList<GuardHeartbeat>> guards = m_inbox->guards();
    VERIFY_OK(guards);
    // The guard that stopped took its heartbeat with it.
    QCOMPARE(guards->size(), 1);
    QCOMPARE(guards->constFirst().guardId, QStringLiteral("guard-2"));
    QVERIFY(guards->constFirst().leading);
}

void tst_Guard::aLeaseWhoseSessionIsLostStopsLeadingAtOnce()
{
    GuardLease leader(m_inboxUrl, QStringLiteral("guard-1"), QStringLiteral("host-1"));
    GuardLease standby(m_inboxUrl, QStringLiteral("guard-2"), QStringLiteral("host-2"));
    leader.setTickInterval(60000); // no tick between the loss and the check below
    standby.setTickInterval(100);
    VERIFY_OK(leader.start());
    VERIFY_OK(standby.start());
    QVERIFY(leader.isLeading());
    QSignalSpy problems(&leader, &GuardLease::problem);

    // The server ends the leader's session, as a network cut or a restart would.
    QCOMPARE(m_postgres.execute(QStringLiteral("postgres"),
                                {QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = "
                                                "'advisory' AND objid = %1")
                                     .arg(GuardLease::LockKey)}),
             QString());
    // The very next question before acting says no, without waiting for a tick.
    QVERIFY(!leader.confirmLeading());
    QVERIFY(!leader.isLeading());
    QCOMPARE(problems.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(standby.isLeading(), 2000);
}

void tst_Guard::consolesReadWhoIsGuarding()
{
    VERIFY_OK(m_inbox->guards());
    QCOMPARE(guardPresenceText(m_inbox->guards().value()),
             QStringLiteral("auto_kill runs only while a console is open"));
    GuardLease lease(m_inboxUrl, QStringLiteral("guard@ops-1"), QStringLiteral("ops-1"));
    VERIFY_OK(lease.start());
    const Result<QList<GuardHeartbeat>> guards = m_inbox->guards();
    VERIFY_OK(guards);
    QCOMPARE(guards->size(), 1);
    QCOMPARE(guards->constFirst().host, QStringLiteral("ops-1"));
    QVERIFY(guards->constFirst().isAlive());
    QCOMPARE(guardPresenceText(guards.value()), QStringLiteral("Guarded by guard@ops-1, last seen 0 s ago"));
    // A guard that stopped beating (its host froze) is not counted on once its heartbeat is old.
    QCOMPARE(m_postgres.execute(m_inboxUrl.section(QLatin1Char('/'), -1),
                                {QStringLiteral("UPDATE guards SET seen_ms = seen_ms - %1").arg(GuardHeartbeat::AliveForMs)}),
             QString());
    QVERIFY(!leadingGuard(m_inbox->guards().value()));
}

void tst_Guard::twoGuardsKillOnceAndTheSecondTakesOver()
{
    QTemporaryDir folder;
    const QString config = GuardProcess::writeConfig(folder.path(), m_inboxUrl);
    // One sandbox server's flags for both guards: the same flags at the same revisions.
    const QString sandbox = folder.filePath(QStringLiteral("sandbox.sqlite"));
    {
        SandboxServer server(ConnectionSettings::defaultSandbox(QStringLiteral("Sandbox")), sandbox);
        server.connectToServer();
        QTRY_VERIFY(server.isLoaded());
    }
    // chat-model-route's contract sets auto_kill; its candidate regresses from the start.
    const QString chatRegression = QStringLiteral("chat-model-route:distilled_small:p95_latency:1.4");

    GuardProcess first(QStringLiteral(FLAGDECK_BINARY), QStringLiteral("guard-a"));
    QVERIFY(first.useSandbox(sandbox));
    first.start(config, {chatRegression});
    QVERIFY2(!first.waitFor(QStringLiteral("leading")).isEmpty(), qPrintable(first.log()));
    QVERIFY2(!first.waitFor(QStringLiteral("kill_confirmed"), ChatProduction, 120000).isEmpty(), qPrintable(first.log()));

    // The second guard sees the same regression in its own traffic, and another that begins 20 s
    // after its start — after the take-over below.
    constexpr int SecondRegressionAfterS = 20;
    GuardProcess second(QStringLiteral(FLAGDECK_BINARY), QStringLiteral("guard-b"));
    QVERIFY(second.useSandbox(sandbox));
    second.start(config, {chatRegression, QStringLiteral("support-prompt-profile:prompt_v8_concise:p95_latency:1.5@%1")
                                              .arg(SecondRegressionAfterS)});
    QVERIFY2(!second.waitFor(QStringLiteral("standing_by")).isEmpty(), qPrintable(second.log()));
    QVERIFY(first.lines(QStringLiteral("standing_by")).isEmpty());

    first.killHard();
    QElapsedTimer failover;
    failover.start();
    QVERIFY2(!second.waitFor(QStringLiteral("leading"), {}, 10000).isEmpty(), qPrintable(second.log()));
    qInfo("take-over after %lld ms", failover.elapsed());
    QVERIFY2(second.msSinceStart() < SecondRegressionAfterS * 1000, "the take-over came after the second regression began");

    // The new leader kills the new regression...
    QVERIFY2(!second.waitFor(QStringLiteral("kill_confirmed"), PromptProduction, 120000).isEmpty(), qPrintable(second.log()));
    // ...and leaves the first one, which the first guard already killed, alone.
    const QString seen = second.waitFor(QStringLiteral("regression"), ChatProduction, 60000);
    QVERIFY2(seen.contains(QStringLiteral("another FlagDeck")), qPrintable(second.log()));
    QVERIFY(second.lines(QStringLiteral("regression_killing"), ChatProduction).isEmpty());
    QVERIFY(second.lines(QStringLiteral("kill_confirmed"), ChatProduction).isEmpty());
    QCOMPARE(first.lines(QStringLiteral("kill_confirmed"), ChatProduction).size(), 1);
    QCOMPARE(second.lines(QStringLiteral("kill_confirmed"), PromptProduction).size(), 1);
    QVERIFY(first.lines(QStringLiteral("kill_confirmed"), PromptProduction).isEmpty());

    const Result<QList<Proposal>> none = m_inbox->list();
    VERIFY_OK(none);
    QVERIFY2(none->isEmpty(), "auto_kill flags get a kill, not a proposal");

    // The first guard's audit names it, with the evidence.
    AuditCache audit;
    VERIFY_OK(audit.open(first.auditPath()));
    QStringList comments;
    for (const AuditEntry &entry : TestAudit::latest(audit, 200)) {
        if (entry.flagKey == QLatin1String("chat-model-route") && entry.environment == QLatin1String("production")
            && entry.actor == QLatin1String("FlagDeck guard guard-a")) {
            QCOMPARE(entry.actorKind, ActorKind::System);
            comments.append(entry.comment);
        }
    }
    QVERIFY2(!comments.isEmpty(), "the first guard's audit cache has no kill by guard-a");
    QVERIFY2(std::any_of(comments.cbegin(), comments.cend(),
                         [](const QString &comment) {
                             return comment.contains(QStringLiteral("auto_kill by the guardrail monitor: p95_latency"));
                         }),
             qPrintable(comments.join(QLatin1Char('|'))));
}

QTEST_GUILESS_MAIN(tst_Guard)
#include "tst_guard.moc"
