// Fault: the team inbox's PostgreSQL restarted under a console, on 127.0.0.1, twice: while an
// agent (another process, inboxfeeder) keeps proposing, and while an approved kill is on its way to
// the server. The console must notice the inbox away and say so on the Approvals tab, listen again
// when it is back, read every proposal made meanwhile once, never run an approved one twice, and
// record how the kill ended in the inbox once it answers again.
#include "connectors/sandbox/sandboxserver.h"
#include "consolegui.h"
#include "control/consolecontroller.h"
#include "control/proposalreview.h"
#include "core/flagjson.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "postgresserver.h"
#include "proposalqueueview.h"
#include "store/memorysecretstore.h"
#include "store/proposalinbox.h"
#include "testaudit.h"
#include "teaminbox.h"
#include "testresult.h"

#include <QApplication>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

class tst_InboxRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    // A test that failed with the database down leaves it running for the next.
    void cleanup();
    void restartedWhileProposalsArrive();
    void restartedWhileAnApprovalRuns();

private:
    // The inbox's database, its owner's URL; the console signs in as the owner, the agent as "feeder".
    void createInbox();
    QStringList activity(ConsoleGui::SandboxConsole &console) const;
    // id → status of every proposal in the database, read by the test's own connection.
    QHash<QString, QString> storedStatuses();

    PostgresServer m_postgres;
    MemorySecretStore m_secrets;
    QString m_database;
};

void tst_InboxRestart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
    if (const QString error = m_postgres.start(); !error.isEmpty())
        QFAIL(qPrintable(error));
}

void tst_InboxRestart::cleanup()
{
    if (!m_postgres.isRunning())
        QCOMPARE(m_postgres.restart(), QString());
}

void tst_InboxRestart::createInbox()
{
    const Result<QString> created =
        createTeamInbox(m_postgres, {{QStringLiteral("feeder"), ProposalInbox::agentRoleStatements(QStringLiteral("feeder"))}});
    VERIFY_OK(created);
    m_database = created.value();
}

QStringList tst_InboxRestart::activity(ConsoleGui::SandboxConsole &console) const
{
    QStringList messages;
    const ActivityLogModel *log = console.window().activityLog();
    for (int row = 0; row < log->rowCount(); ++row)
        messages.append(log->entryAt(row).message);
    return messages;
}

QHash<QString, QString> tst_InboxRestart::storedStatuses()
{
    QHash<QString, QString> statuses;
    ProposalInbox reader;
    if (!reader.open(m_postgres.url(m_database)))
        return statuses;
    const Result<QList<Proposal>> all = reader.list(std::nullopt, {}, 10000);
    if (!all)
        return statuses;
    for (const Proposal &proposal : all.value())
        statuses.insert(proposal.id, proposalStatusName(proposal.status));
    return statuses;
}

void tst_InboxRestart::restartedWhileProposalsArrive()
{
    createInbox();
    ConsoleGui::FreshConsoleFolder fresh;
    ConsoleGui::SandboxConsole console(fresh.folder.path(), &fresh.secrets, m_postgres.url(m_database));
    QVERIFY(console.start());
    ProposalReview *review = console.controller().proposals();
    QHash<QString, int> arrived; // id → how often the console announced it
    connect(review, &ProposalReview::proposalArrived, this, [&arrived](const Proposal &proposal) { ++arrived[proposal.id]; });
    QLabel *notice = console.window().proposalQueue()->inboxNotice();
    QVERIFY(notice);
    QVERIFY(notice->isHidden());

    constexpr int Count = 30;
    QProcess feeder;
    feeder.setProcessChannelMode(QProcess::MergedChannels);
    feeder.start(QStringLiteral(INBOX_FEEDER),
                 {m_postgres.url(m_database, QStringLiteral("feeder")), QString::number(Count), QStringLiteral("150"),
                  QStringLiteral("answer-reranker"), QStringLiteral("chat-model-route"), QStringLiteral("billing-agent-tool-tier")});
    QVERIFY(feeder.waitForStarted());
    QByteArray output;
    const auto storedCount = [&] {
        output += feeder.readAll();
        return QString::fromUtf8(output).count(QRegularExpression(QStringLiteral("^stored "), QRegularExpression::MultilineOption));
    };
    QTRY_VERIFY_WITH_TIMEOUT(storedCount() >= 6, 15000);

    // The administrator restarts the database while the agent goes on proposing.
    QCOMPARE(m_postgres.stop(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!notice->isHidden(), ProposalInbox::ConnectionCheckMs * 2);
    QVERIFY2(notice->text().contains(QStringLiteral("inbox")) && notice->text().contains(QStringLiteral("is away since")),
             qPrintable(notice->text()));
    QVERIFY2(notice->text().contains(m_database), qPrintable(notice->text()));
    QVERIFY(!review->inboxAwayText().isEmpty());
    if (const QString shots = qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR"); !shots.isEmpty()) {
        QTest::keyClick(&console.window(), Qt::Key_3, Qt::ControlModifier); // the Approvals tab
        QTest::qWait(200);
        console.window().grab().save(shots + QStringLiteral("/inbox-away.png"));
    }
    QTest::qWait(1500); // the agent fails meanwhile and keeps trying
    QCOMPARE(m_postgres.restart(), QString());

    QVERIFY2(feeder.waitForFinished(50000), output.constData());
    output += feeder.readAll();
    QVERIFY2(feeder.exitStatus() == QProcess::NormalExit && feeder.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("retry "), "the agent never met the inbox away: the restart came too late to test anything");
    QTRY_VERIFY_WITH_TIMEOUT(notice->isHidden(), ProposalInbox::ReconnectMs * 4);
    QVERIFY(review->inboxAwayText().isEmpty());
    const QStringList said = activity(console);
    QVERIFY2(said.filter(QStringLiteral("is away since")).size() == 1, qPrintable(said.join(u'\n')));
    QVERIFY2(said.filter(QStringLiteral("is back after")).size() == 1, qPrintable(said.join(u'\n')));

    // What the agent stored, by its own account: each proposal once.
    QHash<int, QString> storedByFeeder;
    const QRegularExpression line(QStringLiteral("^stored (\\d+) (\\S+)$"), QRegularExpression::MultilineOption);
    for (auto match = line.globalMatch(QString::fromUtf8(output)); match.hasNext();) {
        const QRegularExpressionMatch stored = match.next();
        QVERIFY2(!storedByFeeder.contains(stored.captured(1).toInt()), qPrintable(stored.captured(0)));
        storedByFeeder.insert(stored.captured(1).toInt(), stored.captured(2));
    }
    QCOMPARE(storedByFeeder.size(), Count);
    // The database holds exactly those, no more: nothing stored twice.
    const QHash<QString, QString> inDatabase = storedStatuses();
    QCOMPARE(inDatabase.size(), Count);
    for (const QString &id : std::as_const(storedByFeeder))
        QVERIFY2(inDatabase.contains(id), qPrintable(id));
    // The console read every one, and announced each exactly once, after the restart too.
    QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), Count, 10000);
    for (const QString &id : std::as_const(storedByFeeder)) {
        QVERIFY2(review->proposal(id), qPrintable(id));
        QCOMPARE(arrived.value(id), 1);
        QCOMPARE(proposalStatusName(review->proposal(id)->status), inDatabase.value(id));
    }
    // Listening again: a proposal made now arrives by its notification, not by a poll.
    ProposalInbox agent;
    VERIFY_OK(agent.open(m_postgres.url(m_database, QStringLiteral("feeder"))));
    Proposal late;
    late.proposer = {QStringLiteral("late-agent"), QStringLiteral("test"), QStringLiteral("1"), QString()};
    late.target = {QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("answer-reranker")};
    late.action = FlagAction::Kill;
    late.flagRevision = QStringLiteral("late");
    late.reason = QStringLiteral("after the restart");
    const Result<Proposal> proposed = agent.propose(late);
    VERIFY_OK(proposed);
    QTRY_VERIFY_WITH_TIMEOUT(arrived.value(proposed->id) == 1, ProposalInbox::ConnectionCheckMs - 1000);
    QCOMPARE(arrived.size(), Count + 1);
}

void tst_InboxRestart::restartedWhileAnApprovalRuns()
{
    createInbox();
    ConsoleGui::FreshConsoleFolder fresh;
    ConsoleGui::SandboxConsole console(fresh.folder.path(), &fresh.secrets, m_postgres.url(m_database));
    QVERIFY(console.start());
    ConsoleController &controller = console.controller();
    ProposalReview *review = controller.proposals();
    auto *sandbox = static_cast<SandboxServer *>(controller.server(QStringLiteral("sandbox")));
    QList<Proposal> finished;
    connect(review, &ProposalReview::proposalFinished, this, [&finished](const Proposal &proposal) { finished.append(proposal); });

    const FlagRef ref{QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("answer-reranker")};
    QTRY_VERIFY_WITH_TIMEOUT(controller.flagStore()->find(ref), 10000);
    const Flag flag = controller.flagStore()->find(ref)->flag;
    QVERIFY(flag.enabled);
    ProposalInbox agent;
    VERIFY_OK(agent.open(m_postgres.url(m_database, QStringLiteral("feeder"))));
    Proposal kill;
    kill.proposer = {QStringLiteral("rollback-agent"), QStringLiteral("claude-code"), QStringLiteral("2.1"), QString()};
    kill.target = ref;
    kill.action = FlagAction::Kill;
    kill.flagRevision = flag.revision;
    kill.flagBefore = flagToJson(flag);
    kill.reason = QStringLiteral("answers without citations");
    kill.risk = Contract::Risk::Low;
    const Result<Proposal> proposed = agent.propose(kill);
    VERIFY_OK(proposed);
    const QString id = proposed->id;
    QTRY_VERIFY_WITH_TIMEOUT(review->proposal(id), 10000);
    QCOMPARE(review->sheet(id).approvalsRequired, 1);

    // The kill takes the sandbox a while; the database goes down while it is under way.
    sandbox->setLatency(1500, 1500);
    const Result<Proposal> approved = review->approve(id, QStringLiteral("go"), false);
    VERIFY_OK(approved);
    QCOMPARE(approved->status, ProposalStatus::Executing);
    QCOMPARE(m_postgres.stop(), QString());
    // The server confirms the kill; the inbox cannot be told, and the console says so.
    QTRY_VERIFY_WITH_TIMEOUT(!controller.flagStore()->find(ref)->flag.enabled, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(review->unrecordedOutcomes(), QStringList{id}, 5000);
    QVERIFY(finished.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!console.window().proposalQueue()->inboxNotice()->isHidden(), ProposalInbox::ConnectionCheckMs * 2);
    QVERIFY2(activity(console).filter(QStringLiteral("but the inbox could not record it")).size() == 1,
             qPrintable(activity(console).join(u'\n')));
    QTest::qWait(1000);
    QCOMPARE(m_postgres.restart(), QString());

    // Back: the outcome is written once, as the server confirmed it; nothing ran again.
    QTRY_VERIFY_WITH_TIMEOUT(review->unrecordedOutcomes().isEmpty(), ProposalInbox::ReconnectMs * 4);
    QTRY_VERIFY_WITH_TIMEOUT(console.window().proposalQueue()->inboxNotice()->isHidden(), 2000);
    // The agent's own connection ended with the restart; it reads the outcome on a new one.
    ProposalInbox reader;
    VERIFY_OK(reader.open(m_postgres.url(m_database, QStringLiteral("feeder"))));
    const Result<Proposal> read = reader.find(id);
    VERIFY_OK(read);
    const Proposal done = read.value();
    QCOMPARE(done.status, ProposalStatus::Executed);
    QCOMPARE(done.outcome, QStringLiteral("killed; confirmed by the server"));
    QCOMPARE(review->proposal(id)->status, ProposalStatus::Executed);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().id, id);
    // Run once: a second attempt finds nothing to claim.
    const Result<bool> again = review->run(id);
    VERIFY_OK(again);
    QVERIFY(!again.value());
    QTest::qWait(500);
    QCOMPARE(finished.size(), 1);
    // The audit: one kill sent and confirmed, one "executed" for the proposal.
    int requested = 0, confirmed = 0, executed = 0;
    for (const AuditEntry &entry : TestAudit::written(*controller.auditWriter())) {
        // This console's own entries (the sandbox's history of the same kill is synced beside them).
        if (entry.flagKey != ref.key || entry.environment != ref.environment
            || !(entry.sourceId.startsWith(QLatin1String("console:")) || entry.sourceId.startsWith(QLatin1String("proposal:"))))
            continue;
        requested += entry.action == QLatin1String("kill") && entry.outcome == QLatin1String("requested");
        confirmed += entry.action == QLatin1String("kill") && entry.outcome == QLatin1String("confirmed");
        executed += entry.action == QLatin1String("proposal:kill") && entry.outcome == QLatin1String("executed");
    }
    QCOMPARE(requested, 1);
    QCOMPARE(confirmed, 1);
    QCOMPARE(executed, 1);
}

QTEST_MAIN(tst_InboxRestart)
#include "tst_inboxrestart.moc"
