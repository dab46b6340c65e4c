// After every kind of change a server confirmed — a kill, a restore, a rollout change — the
// console's table, `flagdeck --offline` and `flagdeck mcp`'s get_flag hold the same state and
// revision, on the sandbox and on the FeatBit protocol test server (Unleash: tst_unleashserver); and
// a change made elsewhere is put back from FeatBit's own history.
#include "connectors/sandbox/sandboxserver.h"
#include "featbitconnection.h"
#include "connectors/featbit/featbitserver.h"
#include "flagagreement.h"
#include "revertcheck.h"
#include "store/connectionsettings.h"
#include "store/memorysecretstore.h"

#include <QStandardPaths>
#include <QTemporaryDir>

class tst_FlagAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sandbox();
    void featbit();

private:
    std::unique_ptr<ConsoleController> started(QSettings &settings, const QString &name);

    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
};

void tst_FlagAgreement::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<ConsoleController> tst_FlagAgreement::started(QSettings &settings, const QString &name)
{
    auto console = std::make_unique<ConsoleController>(
        settings, TestAudit::openWriter(m_dir.filePath(name + QStringLiteral(".sqlite"))), &m_secrets);
    console->setInboxLocation(m_dir.filePath(name + QStringLiteral("-inbox.sqlite")));
    console->setSandboxAgentEnabled(false);
    console->start(false);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(console->initialLoadDone(), 10000); }();
    return console;
}

void tst_FlagAgreement::sandbox()
{
    QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox")));
    QSettings settings(m_dir.filePath(QStringLiteral("sandbox.ini")), QSettings::IniFormat);
    auto console = started(settings, QStringLiteral("sandbox"));
    const FlagRef route{QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("support-assistant-route")};
    const Rollout half({{QStringLiteral("baseline_profile"), 5000}, {QStringLiteral("citation_first_v2"), 5000}});
    FlagAgreement::checkEveryConfirmedChange(*console, settings, &m_secrets, route, half);
}

void tst_FlagAgreement::featbit()
{
    FeatBitTestServer featbit;
    const QString environment = featbit.addEnvironment(QStringLiteral("support-bot"), QStringLiteral("prod"));
    featbit.addBooleanFlag(environment, QStringLiteral("citation-first-prompt"), true, 500);
    QSettings settings(m_dir.filePath(QStringLiteral("featbit.ini")), QSettings::IniFormat);
    const ConnectionConfig config = featBitConnection(featbit, QStringLiteral("featbit-test"),
                                                      QStringLiteral("connection/featbit-test/token"),
                                                      QStringLiteral("FeatBit (support)"));
    m_secrets.writeSecret(config.secretRef, FeatBitTestServer::AccessToken, [](const QString &) {});
    ConnectionSettings(settings).save({config});
    auto console = started(settings, QStringLiteral("featbit"));
    const FlagRef prompt{config.id, QStringLiteral("support-bot/prod"), QStringLiteral("citation-first-prompt")};
    QTRY_COMPARE_WITH_TIMEOUT(console->connectionState(config.id), ConnectionState::Connected, 10000);
    const FlagStore::Entry *entry = console->flagStore()->find(prompt);
    QVERIFY(entry);
    QCOMPARE(entry->flag.variations.size(), 2);
    const Rollout half({{entry->flag.variations.at(0).id, 5000}, {entry->flag.variations.at(1).id, 5000}});
    FlagAgreement::checkEveryConfirmedChange(*console, settings, &m_secrets, prompt, half);

    // A teammate's change through another connection, put back from FeatBit's own audit log.
    FeatBitServer teammate(featBitConnection(featbit, QStringLiteral("featbit-teammate"),
                                             QStringLiteral("connection/featbit-test/token"), QStringLiteral("teammate")),
                           &m_secrets);
    teammate.connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(teammate.state(), ConnectionState::Connected, 10000);
    const Flag now = console->flagStore()->find(prompt)->flag;
    const Rollout mostly({{now.variations.at(0).id, 2000}, {now.variations.at(1).id, 8000}});
    RevertCheck::putBackAChangeMadeElsewhere(*console, teammate, prompt, mostly);
}

QTEST_GUILESS_MAIN(tst_FlagAgreement)
#include "tst_flagagreement.moc"
