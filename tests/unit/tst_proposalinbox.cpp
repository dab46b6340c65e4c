#include "store/postgresdatabase.h"
#include "store/proposalinbox.h"
#include "testresult.h"

#ifdef INBOX_ON_POSTGRES
#include "postgresserver.h"
#endif

#include <QDateTime>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The proposal inbox and every rule of the approval policy it enforces. Built twice: on SQLite
// (unit) and, with INBOX_ON_POSTGRES, on a real PostgreSQL that the test starts on 127.0.0.1.
class TestProposalInbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void proposalsAreStoredAndReadBack();
    void theProposerCannotDecide();
    void approvalsRequiredAreCounted();
    void aChangedFlagNeedsReReview();
    void expiredProposalsCannotRun();
    void aRejectionEndsIt();
    void anApprovedActionIsClaimedOnce();
    void twoProcessesApprovingAtOnceRunItOnce();
    void twoProcessesClaimingAtOnceRunItOnce();
    void newerProposalsSupersedeOlder();
    void otherConsolesHearOfChanges();
    void theSchemaRefusesBadRows();
    void anActionIsClaimedByExactlyOneProcess();
    void anInboxOfSchemaOneIsUpgradedInPlace();
    void anInboxOfSchemaTwoTakesRevertsAfterTheUpgrade();
#ifdef INBOX_ON_POSTGRES
    void anAgentRoleMayOnlyInsertProposals();
#endif

private:
    Proposal sampleProposal(const QString &agent = QStringLiteral("rollback-bot")) const;
    std::unique_ptr<ProposalInbox> openInbox(const QString &location) const;
    ProposalInbox::DecisionRequest approval(const QString &id, const QString &reviewer, const QString &revision,
                                            int required = 1) const;
    QStringList race(const QString &id, const QString &mode, int processes);

    QTemporaryDir m_dir;
    QString m_location;
    std::unique_ptr<ProposalInbox> m_inbox;
#ifdef INBOX_ON_POSTGRES
    PostgresServer m_postgres;
#endif
};

void TestProposalInbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
#ifdef INBOX_ON_POSTGRES
    const QString error = m_postgres.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
#endif
}

void TestProposalInbox::init()
{
#ifdef INBOX_ON_POSTGRES
    m_location = m_postgres.createDatabase();
#else
    m_location = m_dir.filePath(QStringLiteral("inbox-%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch()));
#endif
    m_inbox = openInbox(m_location);
    QVERIFY(m_inbox);
#ifdef INBOX_ON_POSTGRES
    QCOMPARE(m_inbox->engine(), ProposalInbox::Engine::Postgres);
#else
    QCOMPARE(m_inbox->engine(), ProposalInbox::Engine::Sqlite);
#endif
}

std::unique_ptr<ProposalInbox> TestProposalInbox::openInbox(const QString &location) const
{
    auto inbox = std::make_unique<ProposalInbox>();
    if (const Result<void> opened = inbox->open(location); !opened) {
        qWarning("%s", qPrintable(opened.error()));
        return nullptr;
    }
    return inbox;
}

Proposal TestProposalInbox::sampleProposal(const QString &agent) const
{
    Proposal proposal;
    proposal.proposer = {agent, QStringLiteral("claude-code"), QStringLiteral("2.1.0"), QStringLiteral("claude-sonnet")};
    proposal.target = {QStringLiteral("sandbox-1"), QStringLiteral("production"), QStringLiteral("chat-model-route")};
    proposal.action = FlagAction::Kill;
    proposal.flagRevision = QStringLiteral("rev-1");
    proposal.flagBefore = QJsonObject{{QStringLiteral("key"), QStringLiteral("chat-model-route")},
                                      {QStringLiteral("enabled"), true}};
    proposal.reason = QStringLiteral("p95 latency of frontier-large is 40% above the default");
    proposal.evidence = QJsonObject{{QStringLiteral("links"), QJsonArray{QStringLiteral("https://grafana.example/d/1")}}};
    proposal.risk = Contract::Risk::High;
    return proposal;
}

ProposalInbox::DecisionRequest TestProposalInbox::approval(const QString &id, const QString &reviewer,
                                                           const QString &revision, int required) const
{
    ProposalInbox::DecisionRequest request;
    request.proposalId = id;
    request.decision.reviewer = reviewer;
    request.decision.comment = QStringLiteral("looks right");
    request.decision.flagRevision = revision;
    request.currentRevision = revision;
    request.approvalsRequired = required;
    request.nowMs = QDateTime::currentMSecsSinceEpoch();
    return request;
}

void TestProposalInbox::proposalsAreStoredAndReadBack()
{
    const Result<Proposal> first = m_inbox->propose(sampleProposal());
    QVERIFY2(first, qPrintable(first.error()));
    Proposal second = sampleProposal(QStringLiteral("expand-bot"));
    second.action = FlagAction::SetRollout;
    second.parameters = QJsonObject{{QStringLiteral("rollout"), QJsonArray{}}};
    second.target.key = QStringLiteral("answer-reranker");
    second.createdMs = first->createdMs + 10;
    const Result<Proposal> stored = m_inbox->propose(second);
    QVERIFY2(stored, qPrintable(stored.error()));

    QCOMPARE(stored->status, ProposalStatus::Pending);
    QVERIFY(!stored->id.isEmpty());
    QVERIFY(stored->seq > first->seq);
    QCOMPARE(stored->proposer, second.proposer);
    QCOMPARE(stored->target, second.target);
    QCOMPARE(stored->action, FlagAction::SetRollout);
    QCOMPARE(stored->parameters, second.parameters);
    QCOMPARE(stored->flagBefore, second.flagBefore);
    QCOMPARE(stored->evidence, second.evidence);
    QCOMPARE(stored->risk, Contract::Risk::High);
    QCOMPARE(stored->expiresMs, stored->createdMs + ProposalInbox::DefaultLifetimeMs);

    const Result<QList<Proposal>> all = m_inbox->list();
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->first().id, stored->id); // newest first
    QCOMPARE(m_inbox->list(std::nullopt, QStringLiteral("answer-reranker"))->size(), 1);
    QCOMPARE(m_inbox->list(ProposalStatus::Executed)->size(), 0);
    QCOMPARE(m_inbox->changedSince(first->seq)->size(), 1);
    QVERIFY(!m_inbox->find(QStringLiteral("no-such-id")));
}

void TestProposalInbox::theProposerCannotDecide()
{
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal(QStringLiteral("Rollback-Bot")));
    QVERIFY(proposal);
    for (const QString &self : {QStringLiteral("rollback-bot"), QStringLiteral(" ROLLBACK-BOT "), QStringLiteral("claude-code"),
                                QString()}) {
        const Result<Proposal> refused = m_inbox->decide(approval(proposal->id, self, QStringLiteral("rev-1")));
        QVERIFY2(!refused, qPrintable(self));
        QVERIFY(refused.error().contains(QStringLiteral("cannot decide")));
    }
    QCOMPARE(m_inbox->find(proposal->id)->status, ProposalStatus::Pending);
    QVERIFY(m_inbox->find(proposal->id)->decisions.isEmpty());
}

void TestProposalInbox::approvalsRequiredAreCounted()
{
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    QVERIFY(proposal);
    Result<Proposal> decided = m_inbox->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"), 2));
    QVERIFY2(decided, qPrintable(decided.error()));
    QCOMPARE(decided->status, ProposalStatus::Pending);
    QCOMPARE(decided->approvalsAt(QStringLiteral("rev-1")), 1);

    const Result<Proposal> twice = m_inbox->decide(approval(proposal->id, QStringLiteral("Alice"), QStringLiteral("rev-1"), 2));
    QVERIFY(!twice);
    QVERIFY(twice.error().contains(QStringLiteral("already decided")));

    decided = m_inbox->decide(approval(proposal->id, QStringLiteral("bob"), QStringLiteral("rev-1"), 2));
    QVERIFY2(decided, qPrintable(decided.error()));
    QCOMPARE(decided->status, ProposalStatus::Approved);
    QCOMPARE(decided->decisions.size(), 2);
    QCOMPARE(decided->decisions.at(1).reviewer, QStringLiteral("bob"));
    QCOMPARE(decided->decisions.at(1).comment, QStringLiteral("looks right"));
}

void TestProposalInbox::aChangedFlagNeedsReReview()
{
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    QVERIFY(proposal);
    // Approved against the revision the proposal was made for, but the flag moved on.
    ProposalInbox::DecisionRequest stale = approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"), 2);
    stale.currentRevision = QStringLiteral("rev-2");
    const Result<Proposal> refused = m_inbox->decide(stale);
    QVERIFY(!refused);
    QVERIFY(refused.error().contains(QStringLiteral("changed since")));
    QVERIFY(m_inbox->find(proposal->id)->decisions.isEmpty());

    // One approval before the change, one after: only the one at the current revision counts.
    QVERIFY(m_inbox->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"), 2)));
    Result<Proposal> decided = m_inbox->decide(approval(proposal->id, QStringLiteral("bob"), QStringLiteral("rev-2"), 2));
    QVERIFY2(decided, qPrintable(decided.error()));
    QCOMPARE(decided->status, ProposalStatus::Pending);
    decided = m_inbox->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-2"), 2));
    QVERIFY2(decided, qPrintable(decided.error()));
    QCOMPARE(decided->status, ProposalStatus::Approved);
}

void TestProposalInbox::expiredProposalsCannotRun()
{
    Proposal old = sampleProposal();
    old.createdMs = QDateTime::currentMSecsSinceEpoch() - 120000;
    old.expiresMs = old.createdMs + 60000;
    const Result<Proposal> proposal = m_inbox->propose(old);
    QVERIFY(proposal);
    const Result<Proposal> refused = m_inbox->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1")));
    QVERIFY(!refused);
    QVERIFY(refused.error().contains(QStringLiteral("expired")));
    QCOMPARE(m_inbox->find(proposal->id)->status, ProposalStatus::Expired);
    QCOMPARE(m_inbox->claim(proposal->id, QStringLiteral("alice"), QDateTime::currentMSecsSinceEpoch()).value(), false);

    Proposal soon = sampleProposal(QStringLiteral("other-bot"));
    soon.expiresMs = QDateTime::currentMSecsSinceEpoch() + 60000;
    const Result<Proposal> pending = m_inbox->propose(soon);
    QVERIFY(pending);
    QCOMPARE(m_inbox->expireDue(QDateTime::currentMSecsSinceEpoch()).value(), 0);
    QCOMPARE(m_inbox->expireDue(soon.expiresMs).value(), 1);
    QCOMPARE(m_inbox->find(pending->id)->status, ProposalStatus::Expired);
}

void TestProposalInbox::aRejectionEndsIt()
{
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    QVERIFY(proposal);
    ProposalInbox::DecisionRequest no = approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"), 2);
    no.decision.verdict = ProposalDecision::Verdict::Reject;
    no.decision.comment = QStringLiteral("the latency spike is a dashboard artefact");
    const Result<Proposal> rejected = m_inbox->decide(no);
    QVERIFY2(rejected, qPrintable(rejected.error()));
    QCOMPARE(rejected->status, ProposalStatus::Rejected);
    QVERIFY(rejected->outcome.contains(QStringLiteral("alice")));
    const Result<Proposal> late = m_inbox->decide(approval(proposal->id, QStringLiteral("bob"), QStringLiteral("rev-1")));
    QVERIFY(!late);
    QVERIFY(late.error().contains(QStringLiteral("rejected")));
}

void TestProposalInbox::anApprovedActionIsClaimedOnce()
{
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    QVERIFY(proposal);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(m_inbox->claim(proposal->id, QStringLiteral("alice"), now).value(), false); // not approved yet
    QVERIFY(m_inbox->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"))));
    QCOMPARE(m_inbox->claim(proposal->id, QStringLiteral("alice"), now).value(), true);
    QCOMPARE(m_inbox->find(proposal->id)->status, ProposalStatus::Executing);
    QCOMPARE(m_inbox->claim(proposal->id, QStringLiteral("bob"), now).value(), false);
    const Result<Proposal> done = m_inbox->finish(proposal->id, true, QStringLiteral("killed; confirmed by the server"), now);
    QVERIFY2(done, qPrintable(done.error()));
    QCOMPARE(done->status, ProposalStatus::Executed);
    QCOMPARE(done->outcome, QStringLiteral("killed; confirmed by the server"));
    QVERIFY(!m_inbox->finish(proposal->id, false, QStringLiteral("again"), now));
    QCOMPARE(m_inbox->claim(proposal->id, QStringLiteral("alice"), now).value(), false);
}

QStringList TestProposalInbox::race(const QString &id, const QString &mode, int processes)
{
    // Each process opens its own connection first; they all act at the same moment.
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch() + 1500;
    std::vector<std::unique_ptr<QProcess>> racers;
    for (int i = 0; i < processes; ++i) {
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral(INBOX_RACER), {m_location, id, mode, QStringLiteral("reviewer-%1").arg(i),
                                                     QStringLiteral("rev-1"), QString::number(startMs)});
        racers.push_back(std::move(process));
    }
    QStringList outcomes;
    for (const auto &process : racers) {
        if (!process->waitForFinished(60000) || process->exitCode() != 0)
            return {QStringLiteral("racer failed: ") + QString::fromUtf8(process->readAllStandardError())};
        outcomes.append(QString::fromUtf8(process->readAllStandardOutput()).trimmed());
    }
    return outcomes;
}

void TestProposalInbox::anActionIsClaimedByExactlyOneProcess()
{
    const QString key = QStringLiteral("kill sandbox:sandbox production chat-model-route@rev-1");
    const QStringList outcomes = race(key, QStringLiteral("claim-action"), 4);
    QCOMPARE(outcomes.count(QStringLiteral("claimed")), 1);
    QCOMPARE(outcomes.count(QStringLiteral("not claimed")), 3);
    // Claimed once is claimed for good, here too; another revision is another regression.
    QCOMPARE(m_inbox->claimAction(key, QStringLiteral("console"), 1).value(), false);
    QCOMPARE(m_inbox->claimAction(QStringLiteral("kill sandbox:sandbox production chat-model-route@rev-2"),
                                  QStringLiteral("console"), 1)
                 .value(),
             true);
}

void TestProposalInbox::anInboxOfSchemaOneIsUpgradedInPlace()
{
    const Result<Proposal> kept = m_inbox->propose(sampleProposal());
    VERIFY_OK(kept);
    m_inbox.reset();
    // Back to what FlagDeck's first inbox schema had: no guard tables, version 1.
    const QString connection = QStringLiteral("schema-one");
    {
        QSqlDatabase database;
#ifdef INBOX_ON_POSTGRES
        database = openPostgres(m_location, connection).value();
#else
        database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setDatabaseName(m_location);
        QVERIFY(database.open());
#endif
        QSqlQuery query(database);
        for (const QString &statement : {QStringLiteral("DROP TABLE guard_actions"), QStringLiteral("DROP TABLE guards"),
                                         QStringLiteral("UPDATE inbox_schema SET version = 1")})
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        database.close();
    }
    QSqlDatabase::removeDatabase(connection);

    m_inbox = openInbox(m_location);
    QVERIFY(m_inbox);
    VERIFY_OK(m_inbox->guards());
    QCOMPARE(m_inbox->claimAction(QStringLiteral("kill x"), QStringLiteral("console"), 1).value(), true);
    QCOMPARE(m_inbox->find(kept->id).value(), kept.value());
}

void TestProposalInbox::anInboxOfSchemaTwoTakesRevertsAfterTheUpgrade()
{
    const Result<Proposal> kept = m_inbox->propose(sampleProposal());
    VERIFY_OK(kept);
    VERIFY_OK(m_inbox->decide(approval(kept->id, QStringLiteral("alice"), QStringLiteral("rev-1"))));
    m_inbox.reset();
    // Back to schema 2: the proposals table's CHECK knows no revert.
    const QString connection = QStringLiteral("schema-two");
    {
        QSqlDatabase database;
#ifdef INBOX_ON_POSTGRES
        database = openPostgres(m_location, connection).value();
        QStringList statements{QStringLiteral("ALTER TABLE proposals DROP CONSTRAINT proposals_action_check"),
                               QStringLiteral("ALTER TABLE proposals ADD CONSTRAINT proposals_action_check CHECK (action IN "
                                              "('kill', 'restore', 'set_rollout', 'advance_stage', 'rollback_stage', "
                                              "'serve_fallback'))")};
#else
        database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setDatabaseName(m_location);
        QVERIFY(database.open());
        QSqlQuery ddl(database);
        QVERIFY(ddl.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'proposals'")) && ddl.next());
        QString older = ddl.value(0).toString();
        QVERIFY(older.contains(QLatin1String(", 'revert'")));
        older.replace(QLatin1String(", 'revert'"), QString()).replace(QLatin1String("proposals ("), QLatin1String("proposals_v2 ("));
        ddl.finish();
        QStringList statements{QStringLiteral("PRAGMA foreign_keys=OFF"), older,
                               QStringLiteral("INSERT INTO proposals_v2 SELECT * FROM proposals"),
                               QStringLiteral("DROP TABLE proposals"),
                               QStringLiteral("ALTER TABLE proposals_v2 RENAME TO proposals"),
                               QStringLiteral("CREATE INDEX proposals_seq ON proposals (seq)")};
#endif
        statements << QStringLiteral("UPDATE inbox_schema SET version = 2");
        QSqlQuery query(database);
        for (const QString &statement : std::as_const(statements))
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        database.close();
    }
    QSqlDatabase::removeDatabase(connection);

    m_inbox = openInbox(m_location);
    QVERIFY(m_inbox);
    Proposal revert = sampleProposal();
    revert.action = FlagAction::Revert;
    revert.parameters = revertParameters({42});
    const Result<Proposal> stored = m_inbox->propose(revert);
    VERIFY_OK(stored);
    QCOMPARE(m_inbox->find(stored->id)->action, FlagAction::Revert);
    // What it held is kept, decisions with it.
    QCOMPARE(m_inbox->find(kept->id)->decisions.size(), 1);
    QCOMPARE(m_inbox->find(kept->id)->id, kept->id);
}

void TestProposalInbox::twoProcessesApprovingAtOnceRunItOnce()
{
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    QVERIFY(proposal);
    const QStringList outcomes = race(proposal->id, QStringLiteral("approve"), 4);
    QCOMPARE(outcomes.count(QStringLiteral("claimed")), 1);
    for (const QString &outcome : outcomes)
        QVERIFY2(outcome == QStringLiteral("claimed") || outcome.startsWith(QStringLiteral("refused: the proposal is already")),
                 qPrintable(outcome));
    const Proposal after = m_inbox->find(proposal->id).value();
    QCOMPARE(after.status, ProposalStatus::Executing);
    QCOMPARE(after.decisions.size(), 1);
}

void TestProposalInbox::twoProcessesClaimingAtOnceRunItOnce()
{
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    QVERIFY(proposal);
    QVERIFY(m_inbox->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"))));
    const QStringList outcomes = race(proposal->id, QStringLiteral("claim"), 4);
    QCOMPARE(outcomes.count(QStringLiteral("claimed")), 1);
    QCOMPARE(outcomes.count(QStringLiteral("not claimed")), 3);
}

void TestProposalInbox::newerProposalsSupersedeOlder()
{
    Proposal first = sampleProposal();
    first.createdMs = QDateTime::currentMSecsSinceEpoch() - 1000;
    const Result<Proposal> older = m_inbox->propose(first);
    const Result<Proposal> otherAgent = m_inbox->propose(sampleProposal(QStringLiteral("other-bot")));
    const Result<Proposal> newer = m_inbox->propose(sampleProposal());
    QVERIFY(older && otherAgent && newer);
    QCOMPARE(m_inbox->supersedeOlder(newer.value()).value(), 1);
    QCOMPARE(m_inbox->find(older->id)->status, ProposalStatus::Superseded);
    QVERIFY(m_inbox->find(older->id)->outcome.contains(newer->id));
    QCOMPARE(m_inbox->find(otherAgent->id)->status, ProposalStatus::Pending);
    QCOMPARE(m_inbox->find(newer->id)->status, ProposalStatus::Pending);
}

void TestProposalInbox::otherConsolesHearOfChanges()
{
    std::unique_ptr<ProposalInbox> console = openInbox(m_location);
    QVERIFY(console);
    console->watch();
    QSignalSpy changed(console.get(), &ProposalInbox::changed);
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    QVERIFY(proposal);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 3000);
    const QStringList ids = changed.last().at(0).toStringList();
    const Result<QList<Proposal>> seen = console->changedSince(0, ids);
    QVERIFY(seen);
    QCOMPARE(seen->size(), 1);
    QCOMPARE(seen->first().id, proposal->id);

    changed.clear();
    QVERIFY(m_inbox->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"))));
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 3000);
    QCOMPARE(console->changedSince(seen->first().seq)->first().status, ProposalStatus::Approved);
}

void TestProposalInbox::theSchemaRefusesBadRows()
{
    // A writer that goes around this class (an agent's own SQL) still cannot store nonsense.
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    QVERIFY(proposal);
    std::unique_ptr<ProposalInbox> other = openInbox(m_location);
    QVERIFY(other);
    Proposal bad = sampleProposal();
    bad.risk = Contract::Risk::Low;
    QVERIFY(m_inbox->propose(bad)); // the control: a good row goes in
#ifdef INBOX_ON_POSTGRES
    const QString database = QUrl(m_location).path().mid(1);
    QVERIFY(!m_postgres.execute(database, {QStringLiteral("UPDATE proposals SET action = 'drop_everything'")}).isEmpty());
    QVERIFY(!m_postgres.execute(database, {QStringLiteral("UPDATE proposals SET status = 'done'")}).isEmpty());
#else
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
    db.setDatabaseName(m_location);
    QVERIFY(db.open());
    QSqlQuery query(db);
    QVERIFY(!query.exec(QStringLiteral("UPDATE proposals SET action = 'drop_everything'")));
    QVERIFY(!query.exec(QStringLiteral("UPDATE proposals SET status = 'done'")));
    query.finish();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
#endif
    QCOMPARE(m_inbox->list()->size(), 2);
}

#ifdef INBOX_ON_POSTGRES
void TestProposalInbox::anAgentRoleMayOnlyInsertProposals()
{
    const QString database = QUrl(m_location).path().mid(1);
    QStringList setup = {QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agent_bot') "
                                        "THEN CREATE ROLE agent_bot LOGIN; END IF; END $$")};
    setup += ProposalInbox::agentRoleStatements(QStringLiteral("agent_bot"));
    const QString error = m_postgres.execute(database, setup);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    std::unique_ptr<ProposalInbox> agent = openInbox(m_postgres.url(database, QStringLiteral("agent_bot")));
    QVERIFY(agent);
    const Result<Proposal> proposal = agent->propose(sampleProposal());
    QVERIFY2(proposal, qPrintable(proposal.error()));
    QCOMPARE(proposal->status, ProposalStatus::Pending);

    // Everything beyond proposing is refused by the database itself.
    const Result<Proposal> selfApproval = agent->decide(approval(proposal->id, QStringLiteral("someone-else"), QStringLiteral("rev-1")));
    QVERIFY(!selfApproval);
    QVERIFY2(selfApproval.error().contains(QStringLiteral("permission denied")), qPrintable(selfApproval.error()));
    QVERIFY(!agent->supersedeOlder(proposal.value()));
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("agent-raw"));
    raw.setHostName(QStringLiteral("127.0.0.1"));
    raw.setPort(m_postgres.port());
    raw.setDatabaseName(database);
    raw.setUserName(QStringLiteral("agent_bot"));
    QVERIFY(raw.open());
    {
        QSqlQuery query(raw);
        QVERIFY(!query.exec(QStringLiteral("UPDATE proposals SET status = 'approved'")));
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO proposals (id, seq, created_ms, agent, client_name, client_version, "
                                           "model, server, environment, flag_key, action, parameters, flag_revision, "
                                           "flag_before, reason, evidence, risk, expires_ms, updated_ms, status) VALUES "
                                           "('x', nextval('proposal_seq'), 0, 'a', 'c', 'v', 'm', 's', 'e', 'f', 'kill', "
                                           "'{}', 'r', '{}', 'why', '{}', 'low', 0, 0, 'approved')")));
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO decisions VALUES ('x', 'agent_bot', 0, 'approve', '', 'r')")));
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("agent-raw"));
    QCOMPARE(m_inbox->find(proposal->id)->status, ProposalStatus::Pending);
}
#endif

QTEST_GUILESS_MAIN(TestProposalInbox)
#include "tst_proposalinbox.moc"
