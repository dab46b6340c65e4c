// What a console says about who carries out auto_kill, with a real team inbox on PostgreSQL: no
// guard, then a guard beating in the inbox, then that guard gone. And who decides there: the
// console's reviewer is its PostgreSQL role, whatever USER says.
#include "connectors/sandbox/sandboxserver.h"
#include "consolegui.h"
#include "control/consolecontroller.h"
#include "control/proposalreview.h"
#include "core/flagjson.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "postgresserver.h"
#include "stageview.h"
#include "store/guardlease.h"
#include "store/memorysecretstore.h"
#include "store/proposalinbox.h"
#include "testaudit.h"
#include "teaminbox.h"
#include "testresult.h"

#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

class tst_GuardPresence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theStatusBarAndTheStageSayWhoGuards();
    void aTeamConsoleDecidesAsItsRole();

private:
    PostgresServer m_postgres;
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
};

void tst_GuardPresence::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
    if (const QString error = m_postgres.start(); !error.isEmpty())
        QFAIL(qPrintable(error));
}

void tst_GuardPresence::theStatusBarAndTheStageSayWhoGuards()
{
    const QString inbox = m_postgres.createDatabase();
    ConsoleGui::SandboxConsole console(m_dir.path(), &m_secrets, inbox);
    QVERIFY(console.start());
    MainWindow &window = console.window();

    auto *status = window.findChild<QLabel *>(QStringLiteral("guardStatus"));
    QVERIFY(status);
    const QString unguarded = QStringLiteral("auto_kill runs only while a console is open");
    QTRY_COMPARE(status->text(), unguarded);
    // chat-model-route's contract sets auto_kill: its stage says the same.
    QVERIFY(window.selectFlag(QStringLiteral("chat-model-route")));
    auto *stageLine = window.stageView()->findChild<QLabel *>(QStringLiteral("stageGuarding"));
    QVERIFY(stageLine);
    QTRY_VERIFY(stageLine->isVisible());
    QCOMPARE(stageLine->text(), unguarded);

    GuardLease guard(inbox, QStringLiteral("guard@ops-1"), QStringLiteral("ops-1"));
    VERIFY_OK(guard.start());
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Guarded by guard@ops-1, last seen ")),
                             ConsoleController::GuardPollMs * 3);
    QCOMPARE(stageLine->text(), status->text());
    // For docs/guard.md: FLAGDECK_SCREENSHOT_DIR=docs/screenshots ctest -R tst_guardpresence
    if (const QString dir = qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(window.grab().save(dir + QStringLiteral("/guarded.png")));

    // A flag whose contract leaves the decision to a person says nothing about auto_kill.
    QVERIFY(window.selectFlag(QStringLiteral("support-assistant-route")));
    QTRY_VERIFY(!stageLine->isVisible());

    guard.stop();
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), unguarded, ConsoleController::GuardPollMs * 3);
}

void tst_GuardPresence::aTeamConsoleDecidesAsItsRole()
{
    // The inbox's owner creates it; alice reviews with a role of her own, the agent proposes with its own.
    const Result<QString> created =
        createTeamInbox(m_postgres, {{QStringLiteral("alice"), ProposalInbox::reviewerRoleStatements(QStringLiteral("alice"))},
                                     {QStringLiteral("release_agent"), ProposalInbox::agentRoleStatements(QStringLiteral("release_agent"))}});
    VERIFY_OK(created);
    const QString database = created.value();

    // alice's console, started as USER=someone-else, on a sandbox fresh from its seed.
    QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox")));
    const QByteArray savedUser = qgetenv("USER");
    qputenv("USER", "someone-else");
    QTemporaryDir folder;
    ConsoleGui::SandboxConsole console(folder.path(), &m_secrets, m_postgres.url(database, QStringLiteral("alice")));
    const bool started = console.start();
    qputenv("USER", savedUser);
    QVERIFY(started);
    ProposalReview *review = console.controller().proposals();
    QCOMPARE(review->reviewer(), QStringLiteral("alice"));

    const FlagRef ref{QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("chat-model-route")};
    QTRY_VERIFY_WITH_TIMEOUT(console.controller().flagStore()->find(ref), 10000);
    const Flag flag = console.controller().flagStore()->find(ref)->flag;
    ProposalInbox agent;
    VERIFY_OK(agent.open(m_postgres.url(database, QStringLiteral("release_agent"))));
    Proposal kill;
    kill.proposer = {QStringLiteral("rollback-agent"), QStringLiteral("claude-code"), QStringLiteral("2.1"), QString()};
    kill.target = ref;
    kill.action = FlagAction::Kill;
    kill.flagRevision = flag.revision;
    kill.flagBefore = flagToJson(flag);
    kill.reason = QStringLiteral("p95 latency regressed");
    kill.risk = Contract::Risk::Low;
    const Result<Proposal> proposed = agent.propose(kill);
    VERIFY_OK(proposed);
    QCOMPARE(proposed->proposerRole, QStringLiteral("release_agent"));

    QTRY_VERIFY_WITH_TIMEOUT(review->proposal(proposed->id), 10000);
    const ProposalReviewSheet sheet = review->sheet(proposed->id);
    QVERIFY(sheet.reviewerVouched);
    QVERIFY2(sheet.identityLine.startsWith(QStringLiteral("You decide as alice (inbox role")), qPrintable(sheet.identityLine));
    QVERIFY2(sheet.blocker.isEmpty(), qPrintable(sheet.blocker));
    const Result<Proposal> approved = review->approve(proposed->id, QStringLiteral("seen it"), false);
    VERIFY_OK(approved);
    QTRY_COMPARE_WITH_TIMEOUT(agent.find(proposed->id)->status, ProposalStatus::Executed, 10000);
    const Proposal done = agent.find(proposed->id).value();
    QCOMPARE(done.decisions.size(), 1);
    QCOMPARE(done.decisions.first().reviewer, QStringLiteral("alice"));
    QTRY_VERIFY(!console.controller().flagStore()->find(ref)->flag.enabled);
}

QTEST_MAIN(tst_GuardPresence)
#include "tst_guardpresence.moc"
