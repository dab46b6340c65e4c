// The add-server dialog says, before a token is typed in, when no Secret Service could keep it,
// and what to install; and says nothing of the kind when one runs. One run per situation, told by
// FLAGDECK_SECRET_SERVICE (set by ctest):
//   none           no session bus at all (a server, a bare container)
//   bus            a session bus on which nothing provides or activates org.freedesktop.secrets
//   gnome-keyring  a session bus with gnome-keyring-daemon's Secret Service, unlocked
// The console is the real one with KeychainSecretStore, the dialog opened from File and clicked.
#include "consolegui.h"
#include "featbittestserver.h"
#include "keychaintokens.h"
#include "languagesetup.h"
#include "secretservicesession.h"
#include "store/keychainsecretstore.h"

#include <QDialogButtonBox>
#include <QStandardPaths>

class tst_AddServerKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theDialogSaysWhetherTokensCanBeKept();

private:
    QString m_situation;
    QTemporaryDir m_bus;
    SecretServiceSession m_session;
};

void tst_AddServerKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
    m_situation = qEnvironmentVariable("FLAGDECK_SECRET_SERVICE");
    QString error;
    if (m_situation == QLatin1String("none")) {
        error = SecretServiceSession::withoutBus();
    } else if (m_situation == QLatin1String("bus")) {
        error = m_session.startBus(m_bus.path());
    } else if (m_situation == QLatin1String("gnome-keyring")) {
        error = m_session.startWithNewKeyring(m_bus.path());
    } else {
        error = QStringLiteral("FLAGDECK_SECRET_SERVICE must be none, bus or gnome-keyring (ctest sets it)");
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_AddServerKeychain::theDialogSaysWhetherTokensCanBeKept()
{
    FeatBitTestServer featbit;
    const QString environment = featbit.addEnvironment(QStringLiteral("support-bot"), QStringLiteral("prod"));
    featbit.addBooleanFlag(environment, QStringLiteral("agent-tool-tier"), true, 10000);
    featbit.addToken(KeychainTokens::Dialog, {QStringLiteral("ToggleFlag")});

    QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox")));
    QTemporaryDir folder;
    KeychainSecretStore secrets;
    ConsoleGui::SandboxConsole console(folder.path(), &secrets);
    QVERIFY(console.start());
    AddServerDialog *dialog = ConsoleGui::openAddServerDialog(console.window(), QStringLiteral("FeatBit"));
    QVERIFY(dialog);
    auto *notice = dialog->findChild<QLabel *>(QStringLiteral("secretStoreNotice"));
    QPushButton *add = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(notice && add);
    ConsoleGui::type(dialog, QStringLiteral("serverName"), QStringLiteral("FeatBit (support)"));
    ConsoleGui::type(dialog, QStringLiteral("serverUrl"), featbit.apiUrl().toString());
    ConsoleGui::type(dialog, QStringLiteral("evaluationUrl"), featbit.evaluationUrl().toString());
    ConsoleGui::type(dialog, QStringLiteral("serverToken"), KeychainTokens::Dialog);

    // The keychain's answer: Add may be clicked, or the notice says why not.
    const auto answered = [&] {
        return add->isEnabled() || (notice->isVisible() && !notice->text().startsWith(QStringLiteral("Checking")));
    };
    QTRY_VERIFY_WITH_TIMEOUT(answered(), 30000);
    // Every field is filled: the line under Test no longer asks for one.
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("testResult"))->text(), QString());
    if (!qEnvironmentVariableIsEmpty("FLAGDECK_SCREENSHOT_DIR"))
        dialog->grab().save(qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR") + QStringLiteral("/add-server-%1.png").arg(m_situation));

    if (m_situation != QLatin1String("gnome-keyring")) {
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().startsWith(QStringLiteral("No secret service is running, so tokens cannot be stored. Install "
                                                          "gnome-keyring")),
                 qPrintable(notice->text()));
        QVERIFY(!add->isEnabled());
        // The server can still be tried: Test hands the token to the server, not to the keychain.
        const QString tested = ConsoleGui::testWith(dialog, KeychainTokens::Dialog);
        QVERIFY2(tested.startsWith(QStringLiteral("Connected.")), qPrintable(tested));
        QVERIFY(notice->isVisible());
        QVERIFY(!add->isEnabled());
        QCOMPARE(console.controller().connections().size(), 1);
        return;
    }

    QVERIFY2(!notice->isVisible(), qPrintable(notice->text()));
    QVERIFY(add->isEnabled());
    // And it is true: Add keeps the token in the keyring, and the connection comes up with it.
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(console.controller().connections().size(), 2, 20000);
    const ConnectionConfig added = console.controller().connections().last();
    const QList<QDBusObjectPath> items =
        m_session.items({{QStringLiteral("server"), QStringLiteral("FlagDeck")}, {QStringLiteral("user"), added.secretRef}});
    QCOMPARE(items.size(), 1);
    QCOMPARE(m_session.secret(items.constFirst()), KeychainTokens::Dialog.toUtf8());
    const FlagRef flag{added.id, QStringLiteral("support-bot/prod"), QStringLiteral("agent-tool-tier")};
    QTRY_VERIFY_WITH_TIMEOUT(console.controller().flagStore()->find(flag) != nullptr, 10000);
    console.controller().removeConnection(added.id);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_session.items({{QStringLiteral("server"), QStringLiteral("FlagDeck")}, {QStringLiteral("user"), added.secretRef}}).size(),
        0, 20000);
}

QTEST_MAIN(tst_AddServerKeychain)
#include "tst_addserverkeychain.moc"
