// KeychainSecretStore against a real Secret Service: gnome-keyring-daemon on a private D-Bus
// session bus, both started by the test (SecretServiceSession). A token written is in the
// keyring (read back over D-Bus by the test itself, not through QtKeychain), a fresh store and
// a new console process read it from there, and it is gone once its connection is removed.

#include "connectors/flagserver.h"
#include "control/consolecontroller.h"
#include "core/connectionconfig.h"
#include "featbitconnection.h"
#include "featbittestserver.h"
#include "keychaintokens.h"
#include "secretservicesession.h"
#include "store/keychainsecretstore.h"
#include "testaudit.h"
#include "testchildprocess.h"

#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace {

const QString Service = QStringLiteral("FlagDeck"); // as KeychainSecretStore names itself

QMap<QString, QString> entryOf(const QString &name)
{
    return {{QStringLiteral("server"), Service}, {QStringLiteral("user"), name}};
}

// What a store answers, once it answers.
std::optional<Result<QString>> read(const QString &name)
{
    KeychainSecretStore store;
    std::optional<Result<QString>> answer;
    store.readSecret(name, [&](Result<QString> secret) { answer = std::move(secret); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000))
        return std::nullopt;
    return answer;
}

std::optional<QString> write(const QString &name, const QString &token)
{
    KeychainSecretStore store;
    std::optional<QString> error;
    store.writeSecret(name, token, [&](const QString &failure) { error = failure; });
    if (!QTest::qWaitFor([&] { return error.has_value(); }, 20000))
        return std::nullopt;
    return error;
}

} // namespace

class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aTokenIsKeptInTheSecretService();
    void theConsoleReadsItAfterARestartAndForgetsItWithItsConnection();
    void aStoreGoneBeforeTheAnswerLeavesNothingBehind();

private:
    QTemporaryDir m_bus;
    SecretServiceSession m_session;
};

void tst_KeychainSecretStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_bus.isValid());
    const QString error = m_session.startWithNewKeyring(m_bus.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // What the availability check answers with a Secret Service running.
    KeychainSecretStore store;
    std::optional<QString> problem;
    store.checkAvailable([&](const QString &answer) { problem = answer; });
    QTRY_VERIFY_WITH_TIMEOUT(problem.has_value(), 20000);
    QVERIFY2(problem->isEmpty(), qPrintable(*problem));
}

void tst_KeychainSecretStore::aTokenIsKeptInTheSecretService()
{
    const QString name = QStringLiteral("connection/featbit-store-test/token");
    const std::optional<QString> written = write(name, KeychainTokens::Store);
    QVERIFY(written.has_value());
    QVERIFY2(written->isEmpty(), qPrintable(*written));

    // In the keyring itself, once, with the token as its secret.
    const QList<QDBusObjectPath> items = m_session.items(entryOf(name));
    QCOMPARE(items.size(), 1);
    QCOMPARE(m_session.secret(items.constFirst()), KeychainTokens::Store.toUtf8());

    // A store made after the writing one is gone reads it from there.
    const std::optional<Result<QString>> readBack = read(name);
    QVERIFY(readBack.has_value());
    QVERIFY2(readBack->ok(), qPrintable(readBack->error()));
    QCOMPARE(readBack->value(), KeychainTokens::Store);

    // Written again: replaced, not doubled.
    QCOMPARE(write(name, KeychainTokens::Store.left(20) + QStringLiteral("-rotated")), std::optional<QString>(QString()));
    QCOMPARE(m_session.items(entryOf(name)).size(), 1);

    std::optional<QString> removed;
    KeychainSecretStore store;
    store.removeSecret(name, [&](const QString &error) { removed = error; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
    QVERIFY2(removed->isEmpty(), qPrintable(*removed));
    QCOMPARE(m_session.items(entryOf(name)).size(), 0);
    const std::optional<Result<QString>> afterRemoval = read(name);
    QVERIFY(afterRemoval.has_value());
    QVERIFY(!afterRemoval->ok());
    QVERIFY2(afterRemoval->error().contains(QStringLiteral("no token is stored")), qPrintable(afterRemoval->error()));
}

void tst_KeychainSecretStore::theConsoleReadsItAfterARestartAndForgetsItWithItsConnection()
{
    FeatBitTestServer featbit;
    const QString environment = featbit.addEnvironment(QStringLiteral("ai"), QStringLiteral("prod"));
    featbit.addBooleanFlag(environment, QStringLiteral("chat-model-route"), true, 10000);
    featbit.changeFlag(environment, QStringLiteral("chat-model-route"),
                       [](QJsonObject &flag) { flag[QStringLiteral("isEnabled")] = false; }, QStringLiteral("TurnFlagOff"),
                       QStringLiteral("Ada"));
    // Only this token opens the server: a console that reads anything else is refused.
    featbit.addToken(KeychainTokens::Console, {QStringLiteral("ToggleFlag")});

    // The console's files where FlagDeck keeps them for this HOME's person.
    const QDir state(QDir::home().filePath(QStringLiteral("console")));
    QVERIFY(QDir(state.path()).removeRecursively() || !state.exists());
    QVERIFY(QDir().mkpath(state.filePath(QStringLiteral("config/FlagDeck"))));
    const QString settingsPath = state.filePath(QStringLiteral("config/FlagDeck/FlagDeck.conf"));

    QString id;
    {
        QSettings settings(settingsPath, QSettings::IniFormat);
        KeychainSecretStore secrets;
        ConsoleController controller(settings, TestAudit::openWriter(state.filePath(QStringLiteral("audit.sqlite"))), &secrets);
        controller.setInboxLocation(state.filePath(QStringLiteral("inbox.sqlite")));
        std::optional<QString> error;
        controller.addServerConnection(featBitConnection(featbit, {}, {}), KeychainTokens::Console,
                                       [&](const QString &added, const QString &failure) {
                                           id = added;
                                           error = failure;
                                       });
        QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 20000);
        QVERIFY2(error->isEmpty(), qPrintable(*error));
    }
    QVERIFY(!id.isEmpty());
    const QString secretRef = QStringLiteral("connection/%1/token").arg(id);
    QCOMPARE(m_session.items(entryOf(secretRef)).size(), 1);

    // The console started again, as a new process: `flagdeck audit sync` finds the connection in
    // the settings, its token in the keyring, and pulls the server's history with it.
    QProcess console;
    QProcessEnvironment environmentOfConsole = QProcessEnvironment::systemEnvironment();
    environmentOfConsole.insert(QStringLiteral("XDG_CONFIG_HOME"), state.filePath(QStringLiteral("config")));
    environmentOfConsole.insert(QStringLiteral("XDG_DATA_HOME"), state.filePath(QStringLiteral("data")));
    console.setProcessEnvironment(environmentOfConsole);
    TestChildProcess::endWithTest(console);
    console.start(QStringLiteral(FLAGDECK_BINARY), {QStringLiteral("audit"), QStringLiteral("sync"), QStringLiteral("--db"),
                                                   state.filePath(QStringLiteral("synced.sqlite"))});
    QVERIFY(QTest::qWaitFor([&] { return console.state() == QProcess::NotRunning; }, 30000));
    const QString said = QString::fromUtf8(console.readAllStandardOutput());
    const QString complained = QString::fromUtf8(console.readAllStandardError());
    QVERIFY2(console.exitStatus() == QProcess::NormalExit && console.exitCode() == 0, qPrintable(said + complained));
    QVERIFY2(said.contains(QStringLiteral("FeatBit: 2 new entries")), qPrintable(said + complained));

    // Removed by a console started afresh: the entry leaves the keyring with its connection.
    {
        QSettings settings(settingsPath, QSettings::IniFormat);
        KeychainSecretStore secrets;
        ConsoleController controller(settings, TestAudit::openWriter(state.filePath(QStringLiteral("audit.sqlite"))), &secrets);
        controller.setInboxLocation(state.filePath(QStringLiteral("inbox.sqlite")));
        controller.setSandboxAgentEnabled(false);
        // Started, it connects with the token its new store reads from the keyring.
        controller.start(false);
        QCOMPARE(controller.connections().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(controller.server(id)->state(), ConnectionState::Connected, 20000);
        controller.removeConnection(id);
        QVERIFY(controller.connections().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_session.items(entryOf(secretRef)).size(), 0, 20000);
    }
    const std::optional<Result<QString>> afterRemoval = read(secretRef);
    QVERIFY(afterRemoval.has_value());
    QVERIFY2(!afterRemoval->ok() && afterRemoval->error().contains(QStringLiteral("no token is stored")),
             qPrintable(afterRemoval->ok() ? QStringLiteral("still readable") : afterRemoval->error()));
}

// A store destroyed before the Secret Service answered it (a console closing, a controller torn
// down): what it asked for is still done (the token leaves the keyring), and nothing of the store
// is called back when the answers come.
void tst_KeychainSecretStore::aStoreGoneBeforeTheAnswerLeavesNothingBehind()
{
    const QString name = QStringLiteral("connection/store-gone/token");
    QCOMPARE(write(name, KeychainTokens::Store), std::optional<QString>(QString()));
    bool told = false;
    {
        KeychainSecretStore store;
        store.removeSecret(name, [&](const QString &) { told = true; });
        store.readSecret(name, [&](const Result<QString> &) { told = true; });
    }
    // The answers arrive after the store is gone.
    QTRY_COMPARE_WITH_TIMEOUT(m_session.items(entryOf(name)).size(), 0, 20000);
    QTest::qWait(1000);
    QVERIFY(!told);
    const std::optional<Result<QString>> afterRemoval = read(name);
    QVERIFY(afterRemoval.has_value());
    QVERIFY(!afterRemoval->ok());
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
