// The console with a real Unleash beside the sandbox, offscreen: added through the dialog (its
// Test button first with a wrong token, then an application's token, then the right one), its
// flags in the table, a kill made with the real gesture and confirmed by Unleash, and the kill
// back from Unleash's own event log. Once per major version (tst_unleashconsole_v5 … _v8).
#include "consolegui.h"
#include "languagesetup.h"
#include "connectors/sandbox/sandboxserver.h"
#include "control/consolecontroller.h"
#include "control/auditsync.h"
#include "store/connectionsettings.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"
#include "unleashundertest.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

class tst_UnleashConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addedThroughTheDialogThenKilledAndAudited();

private:

    UnleashUnderTest m_unleash;
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
};

void tst_UnleashConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The words a person sees, as the executable installs them (English, with its plural forms).
    installTranslations(QStringLiteral("en"));
    if (const QString error = m_unleash.start(); !error.isEmpty())
        QFAIL(qPrintable(error));
    for (const QString &key : {QStringLiteral("support-assistant-route"), QStringLiteral("agent-tool-tier")}) {
        QCOMPARE(m_unleash.post(QStringLiteral("/api/admin/projects/default/features"),
                                QJsonObject{{QStringLiteral("name"), key}, {QStringLiteral("type"), QStringLiteral("experiment")}})
                     .status,
                 201);
        QCOMPARE(m_unleash.post(QStringLiteral("/api/admin/projects/default/features/%1/environments/development/on").arg(key)).status, 200);
    }
}

void tst_UnleashConsole::addedThroughTheDialogThenKilledAndAudited()
{
    QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox")));
    ConsoleGui::SandboxConsole console(m_dir.path(), &m_secrets);
    QVERIFY(console.start());
    ConsoleController &controller = console.controller();
    MainWindow &window = console.window();

    AddServerDialog *dialog = ConsoleGui::openAddServerDialog(window, QStringLiteral("Unleash"));
    QVERIFY(dialog);
    ConsoleGui::type(dialog, QStringLiteral("serverName"), QStringLiteral("Unleash (team)"));
    ConsoleGui::type(dialog, QStringLiteral("serverUrl"), m_unleash.url().toString());
    const QString refused = ConsoleGui::testWith(dialog, QStringLiteral("*:*.wrong-token"));
    QVERIFY2(refused.contains(QStringLiteral("admin token was not accepted")), qPrintable(refused));
    const QString wrongKind = ConsoleGui::testWith(dialog, UnleashUnderTest::backendToken());
    QVERIFY2(wrongKind.contains(QStringLiteral("client (backend) or frontend token")), qPrintable(wrongKind));
    const QString accepted = ConsoleGui::testWith(dialog, UnleashUnderTest::adminToken());
    QVERIFY2(accepted.startsWith(QStringLiteral("Connected. Environments: 2, flags: 4.")), qPrintable(accepted));
    // The version, and on one older than 6.1 what needs a newer one.
    QVERIFY2(accepted.contains(QStringLiteral("Unleash %1").arg(m_unleash.installedVersion())), qPrintable(accepted));
    QCOMPARE(accepted.contains(QStringLiteral("need Unleash 6.1 or later")), m_unleash.major() < 6);
    if (!qEnvironmentVariableIsEmpty("FLAGDECK_SCREENSHOT_DIR"))
        dialog->grab().save(qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR") + QStringLiteral("/add-unleash.png"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

    // Saved without the token; the token is in the secret store only.
    QTRY_COMPARE(controller.connections().size(), 2);
    const ConnectionConfig unleash = controller.connections().last();
    QCOMPARE(unleash.kind, ConnectionConfig::Kind::Unleash);
    console.settings().sync();
    QFile file(console.settings().fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("flagdeck-it-admin-secret"));
    bool stored = false;
    m_secrets.readSecret(unleash.secretRef, [&](Result<QString> secret) { stored = secret && secret.value() == UnleashUnderTest::adminToken(); });
    QTRY_VERIFY(stored);

    const FlagRef flag{unleash.id, QStringLiteral("default/development"), QStringLiteral("agent-tool-tier")};
    QTRY_VERIFY_WITH_TIMEOUT(controller.flagStore()->find(flag) != nullptr, 20000);
    QVERIFY(controller.flagStore()->find({QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("chat-model-route")}));

    QVERIFY(ConsoleGui::killWithGesture(window, flag));
    QTRY_VERIFY_WITH_TIMEOUT(ConsoleGui::stateOf(window, flag).startsWith(QStringLiteral("KILLED by ")), 5000);
    QVERIFY(!m_unleash.clientFeature(flag.key).value(QStringLiteral("enabled")).toBool(true));

    // Unleash's own record of the kill reaches the audit cache, naming the token that did it.
    controller.auditSync(unleash.id)->syncSoon();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<AuditEntry> entries = TestAudit::written(*controller.auditWriter());
            return std::any_of(entries.cbegin(), entries.cend(), [&](const AuditEntry &entry) {
                return entry.server == unleash.id && entry.sourceId.startsWith(QLatin1String("event:"))
                    && entry.action == QLatin1String("kill") && entry.flagKey == flag.key
                    && entry.actorKind == ActorKind::Token;
            });
        }(),
        10000);
    window.flagTable()->setCurrentIndex(static_cast<FlagFilterProxy *>(window.flagTable()->model())
                                            ->mapFromSource(window.models()->flags()->indexOf(flag, FlagTableModel::KeyColumn)));
    if (!qEnvironmentVariableIsEmpty("FLAGDECK_SCREENSHOT_DIR"))
        window.grab().save(qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR") + QStringLiteral("/unleash-beside-sandbox.png"));
}

QTEST_MAIN(tst_UnleashConsole)
#include "tst_unleashconsole.moc"
