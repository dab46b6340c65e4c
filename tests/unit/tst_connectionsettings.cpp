#include "store/connectionsettings.h"
#include "store/memorysecretstore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_ConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void skipsBrokenEntries();
    void secretsNeverReachTheSettingsFile();
    void memorySecretStore();
};

void tst_ConnectionSettings::roundTrip()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("flagdeck.ini")), QSettings::IniFormat);
    ConnectionConfig featbit;
    featbit.id = QStringLiteral("fb-1");
    featbit.kind = ConnectionConfig::Kind::FeatBit;
    featbit.displayName = QStringLiteral("Team FeatBit");
    featbit.url = QUrl(QStringLiteral("https://featbit.example.test"));
    featbit.evaluationUrl = QUrl(QStringLiteral("wss://featbit-eval.example.test"));
    featbit.secretRef = QStringLiteral("connection/fb-1/access-token");
    // Where this server's telemetry names the environment: another label, the environment's own key.
    featbit.metricsEnvironmentLabel = QStringLiteral("deployment_environment_name");
    featbit.metricsEnvironmentValue = QStringLiteral("eu-$name");
    QCOMPARE(featbit.metricsEnvironmentOf(QStringLiteral("support-bot/prod")), QStringLiteral("eu-prod"));
    QCOMPARE(ConnectionConfig().metricsEnvironmentOf(QStringLiteral("support-bot/prod")), QStringLiteral("support-bot/prod"));
    const QList<ConnectionConfig> saved = {ConnectionSettings::newSandbox(QStringLiteral("Sandbox")), featbit};
    ConnectionSettings(settings).save(saved);
    QCOMPARE(ConnectionSettings(settings).load(), saved);
    ConnectionSettings(settings).save({featbit});
    QCOMPARE(ConnectionSettings(settings).load(), QList<ConnectionConfig>{featbit});
    // Telemetry that names no environment is a preference too, kept as such.
    featbit.metricsEnvironmentLabel.clear();
    ConnectionSettings(settings).save({featbit});
    QCOMPARE(ConnectionSettings(settings).load().first().metricsEnvironmentLabel, QString());
}

void tst_ConnectionSettings::skipsBrokenEntries()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("flagdeck.ini")), QSettings::IniFormat);
    settings.beginWriteArray(QStringLiteral("connections"), 2);
    settings.setArrayIndex(0);
    settings.setValue(QStringLiteral("id"), QStringLiteral("x"));
    settings.setValue(QStringLiteral("kind"), QStringLiteral("launchpad"));
    settings.setArrayIndex(1);
    settings.setValue(QStringLiteral("id"), QStringLiteral("ok"));
    settings.setValue(QStringLiteral("kind"), QStringLiteral("sandbox"));
    settings.endArray();
    QTest::ignoreMessage(QtWarningMsg, "settings: skipping connection 0, which has no valid kind or id");
    const QList<ConnectionConfig> loaded = ConnectionSettings(settings).load();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().id, QStringLiteral("ok"));
}

void tst_ConnectionSettings::secretsNeverReachTheSettingsFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flagdeck.ini"));
    const QString token = QStringLiteral("api-SECRET-7f3a9c");
    MemorySecretStore secrets;
    ConnectionConfig config;
    config.id = QStringLiteral("fb-1");
    config.kind = ConnectionConfig::Kind::FeatBit;
    config.secretRef = QStringLiteral("connection/fb-1/access-token");
    QString writeError = QStringLiteral("not called");
    secrets.writeSecret(config.secretRef, token, [&](const QString &error) { writeError = error; });
    QTRY_COMPARE(writeError, QString());
    {
        QSettings settings(path, QSettings::IniFormat);
        ConnectionSettings(settings).save({config});
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("fb-1"));
    QVERIFY(!contents.contains(token.toUtf8()));
}

void tst_ConnectionSettings::memorySecretStore()
{
    MemorySecretStore secrets;
    std::optional<Result<QString>> read;
    secrets.readSecret(QStringLiteral("missing"), [&](Result<QString> secret) { read = secret; });
    QTRY_VERIFY(read.has_value());
    QVERIFY(!read->ok());
    QVERIFY(!read->error().isEmpty());

    bool written = false;
    secrets.writeSecret(QStringLiteral("t"), QStringLiteral("v"), [&](const QString &error) { written = error.isEmpty(); });
    QTRY_VERIFY(written);
    read.reset();
    secrets.readSecret(QStringLiteral("t"), [&](Result<QString> secret) { read = secret; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->value(), QStringLiteral("v"));

    bool removed = false;
    secrets.removeSecret(QStringLiteral("t"), [&](const QString &error) { removed = error.isEmpty(); });
    QTRY_VERIFY(removed);
    read.reset();
    secrets.readSecret(QStringLiteral("t"), [&](Result<QString> secret) { read = secret; });
    QTRY_VERIFY(read.has_value());
    QVERIFY(!read->ok());
}

QTEST_GUILESS_MAIN(tst_ConnectionSettings)
#include "tst_connectionsettings.moc"
