#include "control/consolecontroller.h"
#include "featbitconnection.h"
#include "guardprocess.h"
#include "postgresserver.h"
#include "store/filesecretstore.h"
#include "store/guardlease.h"
#include "store/proposalinbox.h"
#include "testaudit.h"
#include "testresult.h"

#include <QJsonDocument>
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
    void aHungLeaderIsReplaced();
    void consolesReadWhoIsGuarding();
    void twoGuardsKillOnceAndTheSecondTakesOver();
    void aServerThatFailedIsTriedAgain();

private:
    QString m_inboxUrl;
    PostgresServer m_postgres;
    std::unique_ptr<ProposalInbox> m_inbox;
};

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

void tst_Guard::aHungLeaderIsReplaced()
{
    GuardLease leader(m_inboxUrl, QStringLiteral("guard-1"), QStringLiteral("host-1"));
    GuardLease standby(m_inboxUrl, QStringLiteral("guard-2"), QStringLiteral("host-2"));
    VERIFY_OK(leader.start());
    // From now on the leader neither beats nor lets go, as a stopped process or a frozen host.
    leader.setTickInterval(600000);
    standby.setTickInterval(100);
    VERIFY_OK(standby.start());
    QVERIFY(leader.isLeading());
    QVERIFY(!standby.isLeading());
    QTest::qWait(int(GuardHeartbeat::AliveForMs) / 2);
    QVERIFY2(!standby.isLeading(), "a leader whose heartbeat is fresh was replaced");
    QTRY_VERIFY_WITH_TIMEOUT(standby.isLeading(), int(GuardHeartbeat::AliveForMs));
    // The old leader, woken, finds out before it acts.
    QVERIFY(!leader.confirmLeading());
    QVERIFY(!leader.isLeading());
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

namespace {

// A contract for a boolean FeatBit flag: its "On" arm is the candidate, p95 latency its guardrail;
// with autoKill a regression kills it, otherwise a person decides.
QByteArray guardedContract(const QString &key, bool autoKill)
{
    return QStringLiteral("flag_key: %1\n"
                          "behavior_surface: model_route\n"
                          "owner: release-engineering\n"
                          "default: \"Off\"\n"
                          "candidate: \"On\"\n"
                          "fallback: \"Off\"\n"
                          "rollout_path: [half]\n"
                          "stages:\n"
                          "  - name: half\n"
                          "    exposure: {\"On\": 50%}\n"
                          "    minimum_time: 0\n"
                          "primary_metric: answer_quality_score\n"
                          "guardrails:\n"
                          "  - metric: p95_latency\n"
                          "    direction: lower_is_better\n"
                          "rollback_action: serve_off\n"
                          "cleanup_rule: remove_the_loser\n"
                          "policy:\n"
                          "  auto_kill: %2\n")
        .arg(key, autoKill ? QStringLiteral("true") : QStringLiteral("false"))
        .toUtf8();
}

} // namespace

void tst_Guard::twoGuardsKillOnceAndTheSecondTakesOver()
{
    // One FeatBit server that both guards watch, as a team's guards share their servers.
    FeatBitTestServer featbit;
    const QString environment = featbit.addEnvironment(QStringLiteral("assistant"), QStringLiteral("prod"));
    const QStringList flags{QStringLiteral("answer-route"), QStringLiteral("search-route"), QStringLiteral("summary-route")};
    // Its contract leaves a regression to a person: a guard proposes, once.
    const QString reviewed = QStringLiteral("review-route");
    for (const QString &key : flags + QStringList{reviewed})
        featbit.addBooleanFlag(environment, key, true, 5000);
    const ConnectionConfig server = featBitConnection(featbit, QStringLiteral("featbit-prod"), QStringLiteral("featbit/prod"));

    QTemporaryDir folder;
    const QString config = GuardProcess::writeConfig(folder.path(), m_inboxUrl, {server});
    VERIFY_OK(FileSecretStore::writeTokenFile(folder.filePath(QStringLiteral("tokens/featbit-prod")), FeatBitTestServer::AccessToken));
    for (const QString &key : flags + QStringList{reviewed}) {
        QFile contract(folder.filePath(QStringLiteral("contracts/%1.yaml").arg(key)));
        QVERIFY(contract.open(QIODevice::WriteOnly) && contract.write(guardedContract(key, key != reviewed)) > 0);
    }
    const auto regressed = [](const QString &key, const QString &after = {}) {
        return key + QStringLiteral(":On:p95_latency:1.5") + after;
    };
    // FeatBit's environments are named project/environment.
    const auto at = [](const QString &key) { return key + QStringLiteral("@assistant/prod"); };
    const QStringList drill{QStringLiteral("--simulated-traffic")};

    // Both see answer-route regress; only the second sees search-route regress (its data differ),
    // while it stands by; summary-route regresses for it 45 s after its start, after the take-over.
    constexpr int SummaryRegressesAfterS = 45;
    GuardProcess first(QStringLiteral(FLAGDECK_BINARY), QStringLiteral("guard-a"));
    first.start(config, {regressed(flags[0]), regressed(reviewed)}, drill);
    QVERIFY2(!first.waitFor(QStringLiteral("leading")).isEmpty(), qPrintable(first.log()));
    GuardProcess second(QStringLiteral(FLAGDECK_BINARY), QStringLiteral("guard-b"));
    second.start(config, {regressed(flags[0]), regressed(reviewed), regressed(flags[1]),
                          regressed(flags[2], QStringLiteral("@%1").arg(SummaryRegressesAfterS))},
                 drill);
    QVERIFY2(!second.waitFor(QStringLiteral("standing_by")).isEmpty(), qPrintable(second.log()));

    // The leader kills the regression it sees; the standby only watches.
    QVERIFY2(!first.waitFor(QStringLiteral("kill_confirmed"), at(flags[0]), 120000).isEmpty(), qPrintable(first.log()));
    QVERIFY2(!first.waitFor(QStringLiteral("rollback_proposed"), at(reviewed), 120000).isEmpty(), qPrintable(first.log()));
    const QString seenWhileStandingBy = second.waitFor(QStringLiteral("regression"), at(flags[1]), 120000);
    QVERIFY2(seenWhileStandingBy.contains(QStringLiteral("another FlagDeck")), qPrintable(second.log()));
    QVERIFY(featbit.flag(environment, flags[1]).value(QStringLiteral("isEnabled")).toBool());

    first.killHard();
    QElapsedTimer failover;
    failover.start();
    QVERIFY2(!second.waitFor(QStringLiteral("leading"), {}, 10000).isEmpty(), qPrintable(second.log()));
    qInfo("take-over after %lld ms", failover.elapsed());
    QVERIFY2(second.msSinceStart() < SummaryRegressesAfterS * 1000, "the take-over came after summary-route regressed");

    // The new leader acts on what it saw while it stood by, then on the regression that began after.
    QVERIFY2(!second.waitFor(QStringLiteral("kill_confirmed"), at(flags[1]), 30000).isEmpty(), qPrintable(second.log()));
    QVERIFY2(!second.waitFor(QStringLiteral("kill_confirmed"), at(flags[2]), 120000).isEmpty(), qPrintable(second.log()));

    // The server was told once per regression, whoever led.
    for (const QString &key : flags) {
        QCOMPARE(featbit.timesTurnedOff(environment, key), 1);
        QVERIFY(!featbit.flag(environment, key).value(QStringLiteral("isEnabled")).toBool());
    }
    QCOMPARE(first.lines(QStringLiteral("kill_confirmed")).size(), 1);
    QCOMPARE(second.lines(QStringLiteral("kill_confirmed")).size(), 2);
    QVERIFY(second.lines(QStringLiteral("kill_confirmed"), at(flags[0])).isEmpty());
    // The flag a person decides on got one rollback proposal, with the evidence, waiting for a
    // reviewer; the auto_kill flags got none.
    QVERIFY(featbit.flag(environment, reviewed).value(QStringLiteral("isEnabled")).toBool());
    QVERIFY(second.lines(QStringLiteral("rollback_proposed")).isEmpty());
    const Result<QList<Proposal>> proposals = m_inbox->list();
    VERIFY_OK(proposals);
    QCOMPARE(proposals->size(), 1);
    const Proposal &proposal = proposals->constFirst();
    QCOMPARE(proposal.target.key, reviewed);
    QCOMPARE(proposal.status, ProposalStatus::Pending);
    QCOMPARE(proposal.proposer.agent, QStringLiteral("FlagDeck guard guard-a"));
    QVERIFY(proposal.action == FlagAction::RollbackStage || proposal.action == FlagAction::Kill);
    QVERIFY2(proposal.evidence.value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("results")),
             qPrintable(QString::fromUtf8(QJsonDocument(proposal.evidence).toJson())));

    // The first guard's audit names it, with the evidence.
    AuditCache audit;
    VERIFY_OK(audit.open(first.auditPath()));
    QStringList comments;
    for (const AuditEntry &entry : TestAudit::latest(audit, 200)) {
        if (entry.flagKey == flags[0] && entry.actor == QLatin1String("FlagDeck guard guard-a")) {
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

void tst_Guard::aServerThatFailedIsTriedAgain()
{
    FeatBitTestServer featbit;
    featbit.addBooleanFlag(featbit.addEnvironment(QStringLiteral("assistant"), QStringLiteral("prod")),
                           QStringLiteral("answer-route"), true, 5000);
    const ConnectionConfig server = featBitConnection(featbit, QStringLiteral("featbit-prod"), QStringLiteral("featbit/prod"));
    QTemporaryDir folder;
    const QString config = GuardProcess::writeConfig(folder.path(), m_inboxUrl, {server});
    const QString token = folder.filePath(QStringLiteral("tokens/featbit-prod"));
    // A token that was revoked: the server refuses it, and nobody is there to press Reconnect.
    VERIFY_OK(FileSecretStore::writeTokenFile(token, QStringLiteral("api-revoked-token")));
    GuardProcess guard(QStringLiteral(FLAGDECK_BINARY), QStringLiteral("guard-a"));
    guard.start(config, {});
    QVERIFY2(!guard.waitForText(QStringLiteral(" state=failed")).isEmpty(), qPrintable(guard.log()));
    QVERIFY(guard.log().contains(QStringLiteral("server=FeatBit")));
    QVERIFY2(!guard.log().contains(QStringLiteral("api-revoked-token")), "a token in the log");
    // The operator rotates the token file; the next attempt uses it.
    VERIFY_OK(FileSecretStore::writeTokenFile(token, FeatBitTestServer::AccessToken));
    QVERIFY2(!guard.waitForText(QStringLiteral(" state=connected"), ConsoleController::GuardRetryFirstMs * 3).isEmpty(),
             qPrintable(guard.log()));
}

QTEST_GUILESS_MAIN(tst_Guard)
#include "tst_guard.moc"
