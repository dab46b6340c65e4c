#include "store/postgresdatabase.h"
#include "core/localaccount.h"
#include "store/proposalinbox.h"
#include "testresult.h"

#ifdef INBOX_ON_POSTGRES
#include "teaminbox.h"
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

#include <functional>
#include <map>
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
    void anExecutionWhoseConsoleEndedIsFoundInterrupted();
    void anInboxOfSchemaOneIsUpgradedInPlace();
    void anInboxOfSchemaTwoIsUpgradedToKnowWhoDecides();
    void anInboxOfSchemaThreeIsUpgradedToTakeArchives();
    void anInboxOfSchemaFourIsUpgradedToRecordWhatAClaimRuns();
    void twoDecisionsOfOneReviewerCountOnce();
    void userChangesNothing();
#ifdef INBOX_ON_POSTGRES
    void anAgentRoleMayOnlyInsertProposals();
    void aConsoleCannotDecideUnderAnotherRolesName();
    void oneRoleCannotApproveTwiceEvenInSql();
    void theAgentRoleCannotDecide();
    void aReviewerRoleCannotProposeOrDecideItsOwn();
#endif

private:
    Proposal sampleProposal(const QString &agent = QStringLiteral("rollback-bot")) const;
    std::unique_ptr<ProposalInbox> openInbox(const QString &location) const;
    ProposalInbox::DecisionRequest approval(const QString &id, const QString &reviewer, const QString &revision,
                                            int required = 1) const;
    QStringList race(const QString &id, const QString &mode, int processes);
    // The inbox as a reviewer sees it: on SQLite the same file (the name is the console's word);
    // on PostgreSQL a connection signed in as a reviewer role of that name, made for the test.
    ProposalInbox *as(const QString &reviewer);
    // Runs the racer once as a second console with USER=someone-else; gives its one line.
    QString secondConsole(const QString &location, const QString &id, const QString &reviewer, const QString &revision);
    // Runs statements on the inbox's database behind ProposalInbox's back, to make it as an older
    // FlagDeck left it; gives the first error, empty when all ran.
    QString executeOnInbox(const QStringList &statements);
    // Opens the inbox's database on a connection of the test's own, for use; gives use's error.
    QString onInboxDatabase(const std::function<QString(QSqlDatabase &)> &use);
#ifndef INBOX_ON_POSTGRES
    // SQLite cannot alter a CHECK: the statements that make the proposals table again with an
    // action CHECK that does not know action yet; empty when the CHECK does not know it now.
    QStringList proposalsTableWithoutAction(const QString &action);
#endif
#ifdef INBOX_ON_POSTGRES
    QString database() const { return QUrl(m_location).path().mid(1); }
    QString createRole(const QString &role, const QStringList &grants);
    // Runs one statement on a raw connection signed in as role; gives the error, empty when it ran.
    QString executeAs(const QString &role, const QString &statement);
#endif

    QTemporaryDir m_dir;
    QString m_location;
    std::unique_ptr<ProposalInbox> m_inbox;
    std::map<QString, std::unique_ptr<ProposalInbox>> m_reviewers;
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
    m_reviewers.clear();
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

ProposalInbox *TestProposalInbox::as(const QString &reviewer)
{
#ifdef INBOX_ON_POSTGRES
    auto found = m_reviewers.find(reviewer);
    if (found != m_reviewers.end())
        return found->second.get();
    if (const QString error = createRole(reviewer, ProposalInbox::reviewerRoleStatements(reviewer)); !error.isEmpty()) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    std::unique_ptr<ProposalInbox> inbox = openInbox(m_postgres.url(database(), reviewer));
    if (!inbox)
        return nullptr;
    ProposalInbox *raw = inbox.get();
    m_reviewers.emplace(reviewer, std::move(inbox));
    return raw;
#else
    Q_UNUSED(reviewer);
    return m_inbox.get();
#endif
}

QString TestProposalInbox::secondConsole(const QString &location, const QString &id, const QString &reviewer,
                                         const QString &revision)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("USER"), QStringLiteral("someone-else"));
    environment.insert(QStringLiteral("LOGNAME"), QStringLiteral("someone-else"));
    environment.insert(QStringLiteral("USERNAME"), QStringLiteral("someone-else"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(INBOX_RACER), {location, id, QStringLiteral("approve"), reviewer, revision,
                                                QString::number(QDateTime::currentMSecsSinceEpoch())});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QStringLiteral("racer failed: ") + QString::fromUtf8(process.readAllStandardError());
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

#ifdef INBOX_ON_POSTGRES
QString TestProposalInbox::createRole(const QString &role, const QStringList &grants)
{
    // Roles belong to the whole server; the grants to this test's database.
    return m_postgres.execute(database(), QStringList{createRoleStatement(role)} + grants);
}

QString TestProposalInbox::executeAs(const QString &role, const QString &statement)
{
    const QString connection = QStringLiteral("raw-") + role;
    QString error;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        raw.setHostName(QStringLiteral("127.0.0.1"));
        raw.setPort(m_postgres.port());
        raw.setDatabaseName(database());
        raw.setUserName(role);
        if (!raw.open()) {
            error = raw.lastError().text();
        } else {
            QSqlQuery query(raw);
            if (!query.exec(statement))
                error = query.lastError().text();
        }
        raw.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return error;
}
#endif

QString TestProposalInbox::onInboxDatabase(const std::function<QString(QSqlDatabase &)> &use)
{
    const QString connection = QStringLiteral("older-schema");
    QString error;
    {
#ifdef INBOX_ON_POSTGRES
        Result<QSqlDatabase> opened = openPostgres(m_location, connection);
        QSqlDatabase database = opened ? opened.value() : QSqlDatabase();
        if (!opened)
            error = opened.error();
#else
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setDatabaseName(m_location);
        if (!database.open())
            error = database.lastError().text();
#endif
        if (error.isEmpty())
            error = use(database);
        database.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return error;
}

QString TestProposalInbox::executeOnInbox(const QStringList &statements)
{
    return onInboxDatabase([&](QSqlDatabase &database) {
        QSqlQuery query(database);
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return statement + QStringLiteral(": ") + query.lastError().text();
        }
        return QString();
    });
}

#ifndef INBOX_ON_POSTGRES
QStringList TestProposalInbox::proposalsTableWithoutAction(const QString &action)
{
    QStringList statements;
    onInboxDatabase([&](QSqlDatabase &database) {
        QSqlQuery query(database);
        if (!query.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'proposals'")) || !query.next())
            return query.lastError().text();
        QString older = query.value(0).toString();
        const QString known = QStringLiteral(", '%1'").arg(action);
        if (!older.contains(known))
            return QString();
        older.replace(known, QString()).replace(QLatin1String("proposals ("), QLatin1String("proposals_older ("));
        statements = {QStringLiteral("PRAGMA foreign_keys=OFF"), older, QStringLiteral("INSERT INTO proposals_older SELECT * FROM proposals"),
                      QStringLiteral("DROP TABLE proposals"), QStringLiteral("ALTER TABLE proposals_older RENAME TO proposals")};
        return QString();
    });
    return statements;
}
#endif

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
    // Who inserted it, as the inbox saw it: the signed-in role, or this process's account.
#ifdef INBOX_ON_POSTGRES
    QCOMPARE(stored->proposerRole, QStringLiteral("flagdeck"));
#else
    QCOMPARE(stored->proposerRole, LocalAccount::current().name);
#endif
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
    Result<Proposal> decided = as(QStringLiteral("alice"))->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"), 2));
    QVERIFY2(decided, qPrintable(decided.error()));
    QCOMPARE(decided->status, ProposalStatus::Pending);
    QCOMPARE(decided->approvalsAt(QStringLiteral("rev-1")), 1);

    const Result<Proposal> twice = as(QStringLiteral("alice"))->decide(approval(proposal->id, QStringLiteral("Alice"), QStringLiteral("rev-1"), 2));
    QVERIFY(!twice);
    QVERIFY(twice.error().contains(QStringLiteral("already decided")));

    decided = as(QStringLiteral("bob"))->decide(approval(proposal->id, QStringLiteral("bob"), QStringLiteral("rev-1"), 2));
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
    const Result<Proposal> refused = as(QStringLiteral("alice"))->decide(stale);
    QVERIFY(!refused);
    QVERIFY(refused.error().contains(QStringLiteral("changed since")));
    QVERIFY(m_inbox->find(proposal->id)->decisions.isEmpty());

    // One approval before the change, one after: only the one at the current revision counts.
    QVERIFY(as(QStringLiteral("alice"))->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"), 2)));
    Result<Proposal> decided = as(QStringLiteral("bob"))->decide(approval(proposal->id, QStringLiteral("bob"), QStringLiteral("rev-2"), 2));
    QVERIFY2(decided, qPrintable(decided.error()));
    QCOMPARE(decided->status, ProposalStatus::Pending);
    decided = as(QStringLiteral("alice"))->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-2"), 2));
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
    const Result<Proposal> refused = as(QStringLiteral("alice"))->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1")));
    QVERIFY(!refused);
    QVERIFY(refused.error().contains(QStringLiteral("expired")));
    QCOMPARE(m_inbox->find(proposal->id)->status, ProposalStatus::Expired);
    QCOMPARE(as(QStringLiteral("alice"))->claim(proposal->id, QStringLiteral("alice"), QDateTime::currentMSecsSinceEpoch()).value(), false);

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
    const Result<Proposal> rejected = as(QStringLiteral("alice"))->decide(no);
    QVERIFY2(rejected, qPrintable(rejected.error()));
    QCOMPARE(rejected->status, ProposalStatus::Rejected);
    QVERIFY(rejected->outcome.contains(QStringLiteral("alice")));
    const Result<Proposal> late = as(QStringLiteral("bob"))->decide(approval(proposal->id, QStringLiteral("bob"), QStringLiteral("rev-1")));
    QVERIFY(!late);
    QVERIFY(late.error().contains(QStringLiteral("rejected")));
}

void TestProposalInbox::anApprovedActionIsClaimedOnce()
{
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    QVERIFY(proposal);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(as(QStringLiteral("alice"))->claim(proposal->id, QStringLiteral("alice"), now).value(), false); // not approved yet
    QVERIFY(as(QStringLiteral("alice"))->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"))));
    QCOMPARE(as(QStringLiteral("alice"))->claim(proposal->id, QStringLiteral("alice"), now).value(), true);
    QCOMPARE(m_inbox->find(proposal->id)->status, ProposalStatus::Executing);
    QCOMPARE(as(QStringLiteral("bob"))->claim(proposal->id, QStringLiteral("bob"), now).value(), false);
    const Result<Proposal> done = m_inbox->finish(proposal->id, true, QStringLiteral("killed; confirmed by the server"), now);
    QVERIFY2(done, qPrintable(done.error()));
    QCOMPARE(done->status, ProposalStatus::Executed);
    QCOMPARE(done->outcome, QStringLiteral("killed; confirmed by the server"));
    QVERIFY(!m_inbox->finish(proposal->id, false, QStringLiteral("again"), now));
    QCOMPARE(as(QStringLiteral("alice"))->claim(proposal->id, QStringLiteral("alice"), now).value(), false);
}

QStringList TestProposalInbox::race(const QString &id, const QString &mode, int processes)
{
    // Each process opens its own connection first; they all act at the same moment.
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch() + 1500;
    std::vector<std::unique_ptr<QProcess>> racers;
    for (int i = 0; i < processes; ++i) {
        auto process = std::make_unique<QProcess>();
        const QString reviewer = QStringLiteral("reviewer_%1").arg(i);
        QString location = m_location;
#ifdef INBOX_ON_POSTGRES
        // Each racer is a console of its own reviewer role (the database names its decisions).
        if (const QString error = createRole(reviewer, ProposalInbox::reviewerRoleStatements(reviewer)); !error.isEmpty())
            return {QStringLiteral("racer failed: ") + error};
        location = m_postgres.url(database(), reviewer);
#endif
        process->start(QStringLiteral(INBOX_RACER), {location, id, mode, reviewer, QStringLiteral("rev-1"),
                                                     QString::number(startMs)});
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

void TestProposalInbox::anExecutionWhoseConsoleEndedIsFoundInterrupted()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto interrupted = [&] {
        QStringList ids;
        const auto found = m_inbox->interruptedExecutions(QDateTime::currentMSecsSinceEpoch());
        if (found) {
            for (const ProposalInbox::InterruptedExecution &execution : found.value())
                ids.append(execution.proposal.id);
        }
        return ids;
    };
    // Claimed by this process, which still runs: not interrupted.
    const Result<Proposal> mine = m_inbox->propose(sampleProposal());
    VERIFY_OK(mine);
    VERIFY_OK(as(QStringLiteral("alice"))->decide(approval(mine->id, QStringLiteral("alice"), QStringLiteral("rev-1"))));
    QCOMPARE(as(QStringLiteral("alice"))->claim(mine->id, QStringLiteral("alice"), now, QStringLiteral("rev-1")).value(), true);
    QVERIFY(interrupted().isEmpty());
    // Claimed by another console's process, which then ended between the claim and the outcome.
    const Result<Proposal> theirs = m_inbox->propose(sampleProposal(QStringLiteral("other-bot")));
    VERIFY_OK(theirs);
    VERIFY_OK(as(QStringLiteral("alice"))->decide(approval(theirs->id, QStringLiteral("alice"), QStringLiteral("rev-1"))));
    QCOMPARE(race(theirs->id, QStringLiteral("claim"), 1), QStringList{QStringLiteral("claimed")});
    // (A PostgreSQL backend ends a moment after its client.)
    QTRY_COMPARE_WITH_TIMEOUT(interrupted(), QStringList{theirs->id}, 10000);
    const auto found = m_inbox->interruptedExecutions(now);
    VERIFY_OK(found);
    QCOMPARE(found->first().executor, QStringLiteral("reviewer_0"));
    QCOMPARE(found->first().proposal.status, ProposalStatus::Executing);
    QVERIFY(!found->first().session.isEmpty());
    QVERIFY(found->first().session != m_inbox->executorSession());
    // Once recorded how it ended, it is no longer interrupted; this process's own claim never was.
    VERIFY_OK(m_inbox->finish(theirs->id, false, QStringLiteral("interrupted"), now));
    QVERIFY(interrupted().isEmpty());
    // Past the lease, a claim of a session nobody here can check counts as interrupted; a live one does not.
    QVERIFY(m_inbox->interruptedExecutions(now + ProposalInbox::ExecutionLeaseMs + 1)->isEmpty());
}

void TestProposalInbox::anInboxOfSchemaOneIsUpgradedInPlace()
{
    const Result<Proposal> kept = m_inbox->propose(sampleProposal());
    VERIFY_OK(kept);
    m_inbox.reset();
    // Back to what FlagDeck's first inbox schema had: no guard tables, version 1.
    QCOMPARE(executeOnInbox({QStringLiteral("DROP TABLE guard_actions"), QStringLiteral("DROP TABLE guards"),
                             QStringLiteral("UPDATE inbox_schema SET version = 1")}),
             QString());

    m_inbox = openInbox(m_location);
    QVERIFY(m_inbox);
    VERIFY_OK(m_inbox->guards());
    QCOMPARE(m_inbox->claimAction(QStringLiteral("kill x"), QStringLiteral("console"), 1).value(), true);
    QCOMPARE(m_inbox->find(kept->id).value(), kept.value());
}

void TestProposalInbox::anInboxOfSchemaTwoIsUpgradedToKnowWhoDecides()
{
    const Result<Proposal> kept = m_inbox->propose(sampleProposal());
    VERIFY_OK(kept);
    m_inbox.reset();
    m_reviewers.clear();
    // Back to schema 2: no proposer role, no approval policy and, on PostgreSQL, nothing that
    // names the reviewer but the console: a decision under any name it liked.
    QStringList statements;
#ifdef INBOX_ON_POSTGRES
    statements << QStringLiteral("DROP TRIGGER decisions_identity ON decisions")
               << QStringLiteral("DROP TRIGGER proposals_identity ON proposals")
               << QStringLiteral("DROP FUNCTION flagdeck_decision_identity()")
               << QStringLiteral("DROP FUNCTION flagdeck_proposal_identity()")
               << QStringLiteral("ALTER TABLE decisions ALTER COLUMN reviewer DROP DEFAULT");
#endif
    statements << QStringLiteral("DROP TABLE approval_policy") << QStringLiteral("ALTER TABLE proposals DROP COLUMN proposer_role")
               << QStringLiteral("INSERT INTO decisions VALUES ('%1', 'whoever', 1, 'approve', '', 'rev-0')").arg(kept->id)
               << QStringLiteral("UPDATE inbox_schema SET version = 2");
#ifdef INBOX_ON_POSTGRES
    statements << QStringLiteral("ALTER TABLE proposals DROP CONSTRAINT proposals_action_check")
               << QStringLiteral("ALTER TABLE proposals ADD CONSTRAINT proposals_action_check CHECK (action IN "
                                 "('kill', 'restore', 'set_rollout', 'advance_stage', 'rollback_stage', 'serve_fallback'))");
#endif
    QCOMPARE(executeOnInbox(statements), QString());
#ifndef INBOX_ON_POSTGRES
    // Schema 2's CHECK knew no revert.
    const QStringList withoutRevert = proposalsTableWithoutAction(QStringLiteral("revert"));
    QVERIFY(!withoutRevert.isEmpty());
    QCOMPARE(executeOnInbox(withoutRevert), QString());
#endif

    m_inbox = openInbox(m_location);
    QVERIFY(m_inbox);
    const Proposal old = m_inbox->find(kept->id).value();
    QCOMPARE(old.proposerRole, QString()); // nobody vouched for who made it
    QCOMPARE(old.decisions.size(), 1);
    QCOMPARE(old.decisions.first().reviewer, QStringLiteral("whoever"));
    const Result<Proposal> fresh = m_inbox->propose(sampleProposal(QStringLiteral("other-bot")));
    VERIFY_OK(fresh);
    QCOMPARE(fresh->proposerRole, m_inbox->identity());
    QCOMPARE(m_inbox->inboxApprovals(Contract::Risk::High), 1);
#ifdef INBOX_ON_POSTGRES
    // The upgrade brought the database's check back: a name that is not the signed-in role is refused.
    const Result<Proposal> forged = as(QStringLiteral("alice"))->decide(approval(fresh->id, QStringLiteral("bob"), QStringLiteral("rev-1")));
    QVERIFY(!forged);
    QVERIFY2(forged.error().contains(QStringLiteral("signed in to it as alice")), qPrintable(forged.error()));
#endif    // And it takes reverts now.
    Proposal revert = sampleProposal(QStringLiteral("revert-bot"));
    revert.action = FlagAction::Revert;
    revert.parameters = revertParameters({42});
    const Result<Proposal> reverting = m_inbox->propose(revert);
    VERIFY_OK(reverting);
    QCOMPARE(m_inbox->find(reverting->id)->action, FlagAction::Revert);
}

void TestProposalInbox::anInboxOfSchemaThreeIsUpgradedToTakeArchives()
{
    const Result<Proposal> kept = m_inbox->propose(sampleProposal());
    VERIFY_OK(kept);
    const QString role = kept->proposerRole;
    QVERIFY(!role.isEmpty());
    ProposalInbox *alice = as(QStringLiteral("alice"));
    QVERIFY(alice);
    const QString reviewer = alice->identity();
    VERIFY_OK(alice->decide(approval(kept->id, reviewer, QStringLiteral("rev-1"), 2)));
    Proposal archive = sampleProposal(QStringLiteral("cleanup-bot"));
    archive.action = FlagAction::Archive;
    m_inbox.reset();
    m_reviewers.clear();
    // Back to schema 3: its CHECK knew every action but archive.
#ifdef INBOX_ON_POSTGRES
    QStringList statements = {QStringLiteral("ALTER TABLE proposals DROP CONSTRAINT proposals_action_check"),
                              QStringLiteral("ALTER TABLE proposals ADD CONSTRAINT proposals_action_check CHECK (action IN "
                                             "('kill', 'restore', 'set_rollout', 'advance_stage', 'rollback_stage', "
                                             "'serve_fallback', 'revert'))")};
#else
    // The table as schema 3 had it (with the role).
    QStringList statements = proposalsTableWithoutAction(QStringLiteral("archive"));
    QVERIFY(!statements.isEmpty());
#endif
    statements << QStringLiteral("UPDATE inbox_schema SET version = 3");
    QCOMPARE(executeOnInbox(statements), QString());
    // Schema 3 refuses an archive.
    QVERIFY(!executeOnInbox({QStringLiteral("UPDATE proposals SET action = 'archive' WHERE id = '%1'").arg(kept->id)}).isEmpty());

    m_inbox = openInbox(m_location);
    QVERIFY(m_inbox);
    // What it held is still there, who proposed it and who decided included.
    const Proposal old = m_inbox->find(kept->id).value();
    QCOMPARE(old.proposerRole, role);
    QCOMPARE(old.decisions.size(), 1);
    QCOMPARE(old.decisions.first().reviewer, reviewer);
    const Result<Proposal> archiving = m_inbox->propose(archive);
    VERIFY_OK(archiving);
    QCOMPARE(m_inbox->find(archiving->id)->action, FlagAction::Archive);
    // Opened again, it is left as it is.
    m_inbox.reset();
    m_inbox = openInbox(m_location);
    QVERIFY(m_inbox);
    QCOMPARE(m_inbox->find(archiving->id)->action, FlagAction::Archive);
}

void TestProposalInbox::anInboxOfSchemaFourIsUpgradedToRecordWhatAClaimRuns()
{
    const Result<Proposal> kept = m_inbox->propose(sampleProposal());
    VERIFY_OK(kept);
    ProposalInbox *alice = as(QStringLiteral("alice"));
    QVERIFY(alice);
    VERIFY_OK(alice->decide(approval(kept->id, alice->identity(), QStringLiteral("rev-1"))));
    m_inbox.reset();
    m_reviewers.clear();
    // Back to schema 4: no execution column, and (PostgreSQL) a reviewer role granted what schema 4 granted.
    const QStringList statements = {
#ifdef INBOX_ON_POSTGRES
        QStringLiteral("REVOKE ALL ON proposals FROM alice"),
        QStringLiteral("GRANT SELECT ON proposals TO alice"),
        QStringLiteral("GRANT UPDATE (status, outcome, seq, updated_ms) ON proposals TO alice"),
#endif
        QStringLiteral("ALTER TABLE proposals DROP COLUMN execution"),
        QStringLiteral("UPDATE inbox_schema SET version = 4"),
    };
    QCOMPARE(executeOnInbox(statements), QString());

    m_inbox = openInbox(m_location);
    QVERIFY(m_inbox);
    // The reviewer, as schema 4 granted it (not granted again here), claims and its claim is recorded.
#ifdef INBOX_ON_POSTGRES
    std::unique_ptr<ProposalInbox> reviewer = openInbox(m_postgres.url(database(), QStringLiteral("alice")));
#else
    std::unique_ptr<ProposalInbox> reviewer = openInbox(m_location);
#endif
    QVERIFY(reviewer);
    const Result<bool> claimed = reviewer->claim(kept->id, QStringLiteral("alice"), QDateTime::currentMSecsSinceEpoch(),
                                                 QStringLiteral("rev-1"));
    VERIFY_OK(claimed);
    QVERIFY(claimed.value());
    QCOMPARE(m_inbox->find(kept->id)->status, ProposalStatus::Executing);
    // Its session lives (this process): not interrupted, whatever the lease says.
    QVERIFY(m_inbox->interruptedExecutions(QDateTime::currentMSecsSinceEpoch() + ProposalInbox::ExecutionLeaseMs + 1)->isEmpty());
    reviewer.reset();
}

void TestProposalInbox::twoDecisionsOfOneReviewerCountOnce()
{
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    VERIFY_OK(proposal);
    ProposalInbox *alice = as(QStringLiteral("alice"));
    QVERIFY(alice);
    // On PostgreSQL the role alice; on SQLite this process's account, which a second console
    // of the same account has too, whatever it says its USER is.
    const QString me = alice->identity();
    const Result<Proposal> first = alice->decide(approval(proposal->id, me, QStringLiteral("rev-1"), 2));
    VERIFY_OK(first);
    QCOMPARE(first->status, ProposalStatus::Pending);

    QString location = m_location;
#ifdef INBOX_ON_POSTGRES
    location = m_postgres.url(database(), QStringLiteral("alice"));
#endif
    // A second console of the same reviewer, with another USER: its own identity is the same one.
    const QString again = secondConsole(location, proposal->id, QStringLiteral("-"), QStringLiteral("rev-1"));
    QVERIFY2(again.startsWith(QStringLiteral("refused:")) && again.contains(QStringLiteral("already decided")), qPrintable(again));
#ifdef INBOX_ON_POSTGRES
    // …and under the name USER gives, the database refuses it.
    const QString underUser = secondConsole(location, proposal->id, QStringLiteral("someone-else"), QStringLiteral("rev-1"));
    QVERIFY2(underUser.startsWith(QStringLiteral("refused:")) && underUser.contains(QStringLiteral("signed in to it as alice")),
             qPrintable(underUser));
#endif
    const Proposal after = m_inbox->find(proposal->id).value();
    QCOMPARE(after.status, ProposalStatus::Pending);
    QCOMPARE(after.approvalsAt(QStringLiteral("rev-1")), 1);
    QCOMPARE(alice->claim(proposal->id, me, QDateTime::currentMSecsSinceEpoch()).value(), false);

    // Two rows under one name (as an old console could have written) still count once.
    Proposal twice = after;
    twice.decisions.append(twice.decisions.first());
    twice.decisions.last().reviewer = me.toUpper();
    QCOMPARE(twice.approvalsAt(QStringLiteral("rev-1")), 1);

    // A second reviewer makes it two.
    const Result<Proposal> second = as(QStringLiteral("bob"))->decide(approval(proposal->id, QStringLiteral("bob"), QStringLiteral("rev-1"), 2));
    VERIFY_OK(second);
    QCOMPARE(second->status, ProposalStatus::Approved);
}

void TestProposalInbox::userChangesNothing()
{
    const QByteArray saved = qgetenv("USER");
    qputenv("USER", "someone-else");
    qputenv("LOGNAME", "someone-else");
    std::unique_ptr<ProposalInbox> console = openInbox(m_location);
    qputenv("USER", saved);
    qunsetenv("LOGNAME");
    QVERIFY(console);
#ifdef INBOX_ON_POSTGRES
    QCOMPARE(console->identity(), QStringLiteral("flagdeck"));
    ProposalInbox *alice = as(QStringLiteral("alice"));
    QVERIFY(alice);
    const QString location = m_postgres.url(database(), QStringLiteral("alice"));
    const QString expected = QStringLiteral("alice");
#else
    QCOMPARE(console->identity(), LocalAccount::current().name);
    const QString location = m_location;
    const QString expected = LocalAccount::current().name;
#endif
    QVERIFY(expected != QStringLiteral("someone-else"));
    // A second console started with USER=someone-else decides under its real identity.
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    VERIFY_OK(proposal);
    const QString said = secondConsole(location, proposal->id, QStringLiteral("-"), QStringLiteral("rev-1"));
    QCOMPARE(said, QStringLiteral("claimed"));
    const Proposal after = m_inbox->find(proposal->id).value();
    QCOMPARE(after.decisions.size(), 1);
    QCOMPARE(after.decisions.first().reviewer, expected);
    QCOMPARE(after.status, ProposalStatus::Executing);
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
    QVERIFY(as(QStringLiteral("alice"))->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"))));
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
    QVERIFY(as(QStringLiteral("alice"))->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"))));
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
    const QString error = createRole(QStringLiteral("agent_bot"), ProposalInbox::agentRoleStatements(QStringLiteral("agent_bot")));
    QVERIFY2(error.isEmpty(), qPrintable(error));

    std::unique_ptr<ProposalInbox> agent = openInbox(m_postgres.url(database(), QStringLiteral("agent_bot")));
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
    raw.setDatabaseName(database());
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

void TestProposalInbox::aConsoleCannotDecideUnderAnotherRolesName()
{
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    VERIFY_OK(proposal);
    ProposalInbox *alice = as(QStringLiteral("alice"));
    QVERIFY(alice && as(QStringLiteral("bob")));
    QCOMPARE(alice->identity(), QStringLiteral("alice"));
    // Through the inbox: the database refuses, and the console says who it is signed in as.
    const Result<Proposal> forged = alice->decide(approval(proposal->id, QStringLiteral("bob"), QStringLiteral("rev-1")));
    QVERIFY(!forged);
    QVERIFY2(forged.error().contains(QStringLiteral("signed in to it as alice")), qPrintable(forged.error()));
    QVERIFY(forged.error().contains(QStringLiteral("not as bob")));
    // Around it, in SQL: the same.
    const QString raw = executeAs(QStringLiteral("alice"),
                                  QStringLiteral("INSERT INTO decisions (proposal_id, reviewer, time_ms, verdict, comment, "
                                                 "flag_revision) VALUES ('%1', 'bob', 1, 'approve', '', 'rev-1')")
                                      .arg(proposal->id));
    QVERIFY2(raw.contains(QStringLiteral("cannot decide as bob")), qPrintable(raw));
    // The owner of the inbox cannot either.
    QVERIFY(!m_postgres.execute(database(), {QStringLiteral("INSERT INTO decisions VALUES ('%1', 'bob', 1, 'approve', '', 'rev-1')")
                                                  .arg(proposal->id)})
                 .isEmpty());
    QVERIFY(m_inbox->find(proposal->id)->decisions.isEmpty());
    // Naming nobody, the database names the signed-in role.
    QCOMPARE(executeAs(QStringLiteral("alice"),
                       QStringLiteral("INSERT INTO decisions (proposal_id, time_ms, verdict, comment, flag_revision) "
                                      "VALUES ('%1', 1, 'reject', 'no', 'rev-1')")
                           .arg(proposal->id)),
             QString());
    QCOMPARE(m_inbox->find(proposal->id)->decisions.first().reviewer, QStringLiteral("alice"));
    // A decision, once made, is never changed, not even by the owner.
    QVERIFY(!m_postgres.execute(database(), {QStringLiteral("UPDATE decisions SET verdict = 'approve'")}).isEmpty());
}

void TestProposalInbox::oneRoleCannotApproveTwiceEvenInSql()
{
    // The inbox itself asks for two approvals at high risk: the database counts the roles.
    VERIFY_OK(m_inbox->setInboxApprovals(Contract::Risk::High, 2));
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    VERIFY_OK(proposal);
    ProposalInbox *alice = as(QStringLiteral("alice"));
    QVERIFY(alice);
    // A console that asks for one approval still needs two: the inbox's policy is the larger.
    const Result<Proposal> first = alice->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"), 1));
    VERIFY_OK(first);
    QCOMPARE(first->status, ProposalStatus::Pending);
    // alice, in SQL: a second row under her name, under another spelling, or approved by fiat.
    const QString id = proposal->id;
    QVERIFY(!executeAs(QStringLiteral("alice"), QStringLiteral("INSERT INTO decisions (proposal_id, time_ms, verdict, comment, "
                                                               "flag_revision) VALUES ('%1', 2, 'approve', '', 'rev-1')")
                                                    .arg(id))
                 .isEmpty());
    QVERIFY(!executeAs(QStringLiteral("alice"), QStringLiteral("INSERT INTO decisions (proposal_id, reviewer, time_ms, verdict, "
                                                               "comment, flag_revision) VALUES ('%1', 'Alice', 2, 'approve', "
                                                               "'', 'rev-1')")
                                                    .arg(id))
                 .isEmpty());
    const QString fiat = executeAs(QStringLiteral("alice"), QStringLiteral("UPDATE proposals SET status = 'approved' WHERE id = '%1'").arg(id));
    QVERIFY2(fiat.contains(QStringLiteral("cannot go from pending to approved")), qPrintable(fiat));
    QVERIFY(!executeAs(QStringLiteral("alice"), QStringLiteral("UPDATE proposals SET status = 'executing' WHERE id = '%1'").arg(id))
                 .isEmpty());
    QCOMPARE(alice->claim(id, QStringLiteral("alice"), QDateTime::currentMSecsSinceEpoch()).value(), false);
    QCOMPARE(m_inbox->find(id)->status, ProposalStatus::Pending);
    QCOMPARE(m_inbox->find(id)->decisions.size(), 1);
    // A reviewer's role cannot lower the inbox's policy.
    QVERIFY(!alice->setInboxApprovals(Contract::Risk::High, 1));
    // bob is the second role: now it runs, once.
    const Result<Proposal> second = as(QStringLiteral("bob"))->decide(approval(id, QStringLiteral("bob"), QStringLiteral("rev-1"), 1));
    VERIFY_OK(second);
    QCOMPARE(second->status, ProposalStatus::Approved);
    QCOMPARE(as(QStringLiteral("bob"))->claim(id, QStringLiteral("bob"), QDateTime::currentMSecsSinceEpoch()).value(), true);
}

void TestProposalInbox::theAgentRoleCannotDecide()
{
    QString error = createRole(QStringLiteral("agent_bot"), ProposalInbox::agentRoleStatements(QStringLiteral("agent_bot")));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    std::unique_ptr<ProposalInbox> agent = openInbox(m_postgres.url(database(), QStringLiteral("agent_bot")));
    QVERIFY(agent);
    QCOMPARE(agent->identity(), QStringLiteral("agent_bot"));
    const Result<Proposal> proposal = agent->propose(sampleProposal());
    VERIFY_OK(proposal);
    // The role is the proposer, beside the name the agent gave itself.
    QCOMPARE(proposal->proposerRole, QStringLiteral("agent_bot"));
    QCOMPARE(proposal->proposer.agent, QStringLiteral("rollback-bot"));
    // The agent cannot name another role as the proposer, nor can the owner.
    QVERIFY(!executeAs(QStringLiteral("agent_bot"),
                       QStringLiteral("INSERT INTO proposals (id, seq, created_ms, agent, client_name, client_version, model, "
                                      "server, environment, flag_key, action, parameters, flag_revision, flag_before, reason, "
                                      "evidence, risk, expires_ms, updated_ms, proposer_role) VALUES ('y', "
                                      "nextval('proposal_seq'), 0, 'a', 'c', 'v', 'm', 's', 'e', 'f', 'kill', '{}', 'r', '{}', "
                                      "'why', '{}', 'low', 0, 0, 'alice')"))
                 .isEmpty());
    const QString owner = m_postgres.execute(
        database(), {QStringLiteral("INSERT INTO proposals (id, seq, created_ms, agent, client_name, client_version, model, "
                                    "server, environment, flag_key, action, parameters, flag_revision, flag_before, reason, "
                                    "evidence, risk, expires_ms, updated_ms, proposer_role) VALUES ('y', "
                                    "nextval('proposal_seq'), 0, 'a', 'c', 'v', 'm', 's', 'e', 'f', 'kill', '{}', 'r', '{}', "
                                    "'why', '{}', 'low', 0, 0, 'alice')")});
    QVERIFY2(owner.contains(QStringLiteral("cannot propose as alice")), qPrintable(owner));

    // Deciding, under its own name or any other, is refused by the database.
    for (const QString &name : {QStringLiteral("agent_bot"), QStringLiteral("alice")}) {
        const Result<Proposal> decided = agent->decide(approval(proposal->id, name, QStringLiteral("rev-1")));
        QVERIFY(!decided);
        QVERIFY2(decided.error().contains(QStringLiteral("permission denied")) || decided.error().contains(QStringLiteral("cannot decide")),
                 qPrintable(decided.error()));
    }
    QVERIFY(executeAs(QStringLiteral("agent_bot"), QStringLiteral("INSERT INTO decisions (proposal_id, time_ms, verdict, comment, "
                                                                  "flag_revision) VALUES ('%1', 1, 'approve', '', 'rev-1')")
                                                       .arg(proposal->id))
                .contains(QStringLiteral("permission denied")));

    // Even given a reviewer's rights by mistake, the role cannot decide what it proposed.
    error = createRole(QStringLiteral("agent_bot"), ProposalInbox::reviewerRoleStatements(QStringLiteral("agent_bot")));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Result<Proposal> own = agent->decide(approval(proposal->id, QStringLiteral("agent_bot"), QStringLiteral("rev-1")));
    QVERIFY(!own);
    QVERIFY2(own.error().contains(QStringLiteral("agent_bot made this proposal")), qPrintable(own.error()));
    const QString raw = executeAs(QStringLiteral("agent_bot"), QStringLiteral("INSERT INTO decisions (proposal_id, time_ms, verdict, "
                                                                              "comment, flag_revision) VALUES ('%1', 1, 'approve', "
                                                                              "'', 'rev-1')")
                                                                   .arg(proposal->id));
    QVERIFY2(raw.contains(QStringLiteral("made this proposal")), qPrintable(raw));
    QCOMPARE(m_inbox->find(proposal->id)->status, ProposalStatus::Pending);
    QVERIFY(m_inbox->find(proposal->id)->decisions.isEmpty());
    QVERIFY(as(QStringLiteral("alice"))->decide(approval(proposal->id, QStringLiteral("alice"), QStringLiteral("rev-1"))));
}

void TestProposalInbox::aReviewerRoleCannotProposeOrDecideItsOwn()
{
    ProposalInbox *alice = as(QStringLiteral("alice"));
    QVERIFY(alice);
    const Result<Proposal> proposed = alice->propose(sampleProposal());
    QVERIFY(!proposed);
    QVERIFY2(proposed.error().contains(QStringLiteral("permission denied")), qPrintable(proposed.error()));
    // A reviewer cannot change what a proposal asks, only move it along its life.
    const Result<Proposal> proposal = m_inbox->propose(sampleProposal());
    VERIFY_OK(proposal);
    QVERIFY(executeAs(QStringLiteral("alice"), QStringLiteral("UPDATE proposals SET risk = 'low', proposer_role = 'x'"))
                .contains(QStringLiteral("permission denied")));
    QVERIFY(executeAs(QStringLiteral("alice"), QStringLiteral("DELETE FROM decisions")).contains(QStringLiteral("permission denied")));
}
#endif

QTEST_GUILESS_MAIN(TestProposalInbox)
#include "tst_proposalinbox.moc"
