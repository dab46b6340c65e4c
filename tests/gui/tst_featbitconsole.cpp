// The console with FeatBit beside the sandbox, offscreen, against the FeatBit protocol test
// server: added through the dialog, whose Test names a wrong token, clock skew and a wrong URL
// precisely; its flags live in the table; a kill made with the real gesture and confirmed by
// FeatBit, whose audit log then names the access token that did it.
#include "consolegui.h"
#include "languagesetup.h"
#include "connectors/flagserver.h"
#include "connectors/sandbox/sandboxserver.h"
#include "control/auditsync.h"
#include "featbittestserver.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QSettings>
#include <QStandardPaths>

class tst_FeatBitConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addedThroughTheDialogThenKilledAndAudited();
    void aKillSwitchTheServerCannotWorkIsDisabledWithTheReason();

private:
    FeatBitTestServer m_featbit;
    QString m_environment;
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
};

void tst_FeatBitConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The words a person sees, as the executable installs them (English, with its plural forms).
    installTranslations(QStringLiteral("en"));
    m_environment = m_featbit.addEnvironment(QStringLiteral("support-bot"), QStringLiteral("prod"));
    m_featbit.addBooleanFlag(m_environment, QStringLiteral("citation-first-prompt"), true, 500);
    m_featbit.addBooleanFlag(m_environment, QStringLiteral("agent-tool-tier"), true, 10000);
}

void tst_FeatBitConsole::addedThroughTheDialogThenKilledAndAudited()
{
    QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox")));
    ConsoleGui::SandboxConsole console(m_dir.path(), &m_secrets);
    QVERIFY(console.start());
    ConsoleController &controller = console.controller();
    MainWindow &window = console.window();

    AddServerDialog *dialog = ConsoleGui::openAddServerDialog(window, QStringLiteral("FeatBit"));
    QVERIFY(dialog);
    ConsoleGui::type(dialog, QStringLiteral("serverName"), QStringLiteral("FeatBit (support)"));
    ConsoleGui::type(dialog, QStringLiteral("serverUrl"), QStringLiteral("http://127.0.0.1:9"));
    ConsoleGui::type(dialog, QStringLiteral("evaluationUrl"), m_featbit.evaluationUrl().toString());
    const QString unreachable = ConsoleGui::testWith(dialog, FeatBitTestServer::AccessToken);
    QVERIFY2(unreachable.contains(QStringLiteral("could not be reached")), qPrintable(unreachable));
    ConsoleGui::type(dialog, QStringLiteral("serverUrl"), m_featbit.apiUrl().toString());
    const QString refused = ConsoleGui::testWith(dialog, QStringLiteral("api-wrong"));
    QVERIFY2(refused.contains(QStringLiteral("access token was not accepted")), qPrintable(refused));
    m_featbit.setClockSkewMs(45000);
    const QString skewed = ConsoleGui::testWith(dialog, FeatBitTestServer::AccessToken);
    QVERIFY2(skewed.contains(QStringLiteral("clock")), qPrintable(skewed));
    m_featbit.setClockSkewMs(0);
    const QString accepted = ConsoleGui::testWith(dialog, FeatBitTestServer::AccessToken);
    QVERIFY2(accepted.startsWith(QStringLiteral("Connected. Environments: 1, flags: 2.")), qPrintable(accepted));
    if (!qEnvironmentVariableIsEmpty("FLAGDECK_SCREENSHOT_DIR"))
        dialog->grab().save(qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR") + QStringLiteral("/add-featbit.png"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

    QTRY_COMPARE(controller.connections().size(), 2);
    const ConnectionConfig featbit = controller.connections().last();
    QCOMPARE(featbit.kind, ConnectionConfig::Kind::FeatBit);
    QCOMPARE(featbit.evaluationUrl, m_featbit.evaluationUrl());
    const FlagRef flag{featbit.id, QStringLiteral("support-bot/prod"), QStringLiteral("agent-tool-tier")};
    QTRY_VERIFY_WITH_TIMEOUT(controller.flagStore()->find(flag) != nullptr, 10000);
    // As the connections panel shows it: kills go out once the connection says connected.
    QTRY_COMPARE_WITH_TIMEOUT(controller.server(featbit.id)->state(), ConnectionState::Connected, 10000);

    QVERIFY(ConsoleGui::killWithGesture(window, flag));
    QTRY_VERIFY2_WITH_TIMEOUT(ConsoleGui::stateOf(window, flag).startsWith(QStringLiteral("KILLED by ")),
                              qPrintable(ConsoleGui::stateOf(window, flag)), 5000);
    QVERIFY(!m_featbit.flag(m_environment, flag.key).value(QStringLiteral("isEnabled")).toBool());

    // Live: a change made in FeatBit's own UI shows without a refresh.
    const FlagRef route{featbit.id, QStringLiteral("support-bot/prod"), QStringLiteral("citation-first-prompt")};
    m_featbit.changeFlag(m_environment, route.key, [](QJsonObject &object) { object.insert(QStringLiteral("isEnabled"), false); },
                         QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"));
    QTRY_COMPARE_WITH_TIMEOUT(ConsoleGui::stateOf(window, route), QStringLiteral("Off"), 3000);

    // FeatBit's audit log reaches the cache, naming the access token that killed the flag.
    controller.auditSync(featbit.id)->syncSoon();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<AuditEntry> entries = TestAudit::written(*controller.auditWriter());
            return std::any_of(entries.cbegin(), entries.cend(), [&](const AuditEntry &entry) {
                return entry.server == featbit.id && entry.sourceId.startsWith(QLatin1String("audit-log:")) && entry.action == QLatin1String("kill")
                    && entry.flagKey == flag.key && entry.actorKind == ActorKind::Token;
            });
        }(),
        10000);
    window.flagTable()->setCurrentIndex(static_cast<FlagFilterProxy *>(window.flagTable()->model())
                                            ->mapFromSource(window.models()->flags()->indexOf(flag, FlagTableModel::KeyColumn)));
    if (!qEnvironmentVariableIsEmpty("FLAGDECK_SCREENSHOT_DIR"))
        window.grab().save(qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR") + QStringLiteral("/featbit-beside-sandbox.png"));
}

void tst_FeatBitConsole::aKillSwitchTheServerCannotWorkIsDisabledWithTheReason()
{
    // FeatBit 5.1 has no toggle endpoint: FlagDeck learns it on connecting, without changing anything.
    m_featbit.setVersion(5, 1, 0);
    QTemporaryDir folder;
    ConsoleGui::SandboxConsole console(folder.path(), &m_secrets);
    QVERIFY(console.start());
    MainWindow &window = console.window();
    AddServerDialog *dialog = ConsoleGui::openAddServerDialog(window, QStringLiteral("FeatBit"));
    QVERIFY(dialog);
    ConsoleGui::type(dialog, QStringLiteral("serverName"), QStringLiteral("FeatBit 5.1"));
    ConsoleGui::type(dialog, QStringLiteral("serverUrl"), m_featbit.apiUrl().toString());
    ConsoleGui::type(dialog, QStringLiteral("evaluationUrl"), m_featbit.evaluationUrl().toString());
    const QString tested = ConsoleGui::testWith(dialog, FeatBitTestServer::AccessToken);
    QVERIFY2(tested.contains(QStringLiteral("kill and restore need FeatBit 5.2.0 or newer")), qPrintable(tested));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_COMPARE(console.controller().connections().size(), 2);
    const FlagRef flag{console.controller().connections().last().id, QStringLiteral("support-bot/prod"),
                       QStringLiteral("agent-tool-tier")};

    // The row's kill switch says it is not allowed, and why, before anyone clicks it.
    const auto actionCell = [&] { return window.models()->flags()->indexOf(flag, FlagTableModel::ActionColumn); };
    QTRY_COMPARE_WITH_TIMEOUT(actionCell().data().toString(), QStringLiteral("Not allowed"), 10000);
    QCOMPARE(actionCell().data(FlagTableModel::RowActionRole).toInt(), int(FlagTableModel::RowAction::None));
    QVERIFY2(actionCell().data(Qt::ToolTipRole).toString().contains(QStringLiteral("kill and restore need FeatBit 5.2.0 or newer")),
             qPrintable(actionCell().data(Qt::ToolTipRole).toString()));
    // The detail pane says it in full.
    window.flagTable()->setCurrentIndex(static_cast<FlagFilterProxy *>(window.flagTable()->model())
                                            ->mapFromSource(window.models()->flags()->indexOf(flag)));
    auto *why = window.findChild<QLabel *>(QStringLiteral("killEvidence"));
    QVERIFY(why->isVisible());
    QCOMPARE(why->text(), actionCell().data(Qt::ToolTipRole).toString());
    const QString before = ConsoleGui::stateOf(window, flag);
    QVERIFY(ConsoleGui::killWithGesture(window, flag));
    QTest::qWait(200);
    QCOMPARE(ConsoleGui::stateOf(window, flag), before); // nothing was armed, nothing sent
    m_featbit.setVersion(5, 3, 3);
}

QTEST_MAIN(tst_FeatBitConsole)
#include "tst_featbitconsole.moc"
