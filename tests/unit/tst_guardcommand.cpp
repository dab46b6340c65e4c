#include "guardprocess.h"

#include <QTest>

// flagdeck guard stops at its start, with a sentence that says what to fix, on a configuration it
// cannot run with; no server or database is needed to find that out.
class tst_GuardCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBadConfigurationStopsWithASentence_data();
    void aBadConfigurationStopsWithASentence();
};

namespace {

struct Run
{
    int exitCode = -1;
    QString error;
};

Run runGuard(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    QProcessEnvironment cleaned = environment;
    cleaned.remove(QStringLiteral("CREDENTIALS_DIRECTORY"));
    process.setProcessEnvironment(cleaned);
    process.start(QStringLiteral(FLAGDECK_BINARY), QStringList{QStringLiteral("guard")} + arguments);
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

void tst_GuardCommand::aBadConfigurationStopsWithASentence_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("said");
    QTest::newRow("no --config") << QStringLiteral("no-config") << QStringLiteral("--config FILE is required");
    QTest::newRow("unreadable") << QStringLiteral("missing-file") << QStringLiteral("cannot read the settings file");
    QTest::newRow("SQLite inbox") << QStringLiteral("sqlite-inbox") << QStringLiteral("must set approvals/inbox to the team inbox's postgresql:// URL");
    QTest::newRow("no connections") << QStringLiteral("no-connections") << QStringLiteral("configures no connections");
    QTest::newRow("no token folder") << QStringLiteral("no-credentials") << QStringLiteral("needs a token: give --credentials FOLDER");
    QTest::newRow("token others may read") << QStringLiteral("open-token") << QStringLiteral("may be read by others");
    QTest::newRow("no contracts folder") << QStringLiteral("no-contracts") << QStringLiteral("the contracts folder");
    QTest::newRow("bad contract") << QStringLiteral("bad-contract") << QStringLiteral("have errors");
    QTest::newRow("bad regression") << QStringLiteral("bad-regression") << QStringLiteral("@SECONDS");
}

void tst_GuardCommand::aBadConfigurationStopsWithASentence()
{
    QFETCH(QString, problem);
    QFETCH(QString, said);
    QTemporaryDir dir;
    const QString url = QStringLiteral("postgresql://flagdeck@127.0.0.1:9/team");
    QString config = GuardProcess::writeConfig(dir.path(), url);
    const QString contracts = dir.filePath(QStringLiteral("contracts"));
    QStringList arguments{QStringLiteral("--config"), config, QStringLiteral("--contracts"), contracts};
    QSettings settings(config, QSettings::IniFormat);
    const auto addUnleash = [&] {
        settings.beginWriteArray(QStringLiteral("connections"), 2);
        settings.setArrayIndex(1);
        settings.setValue(QStringLiteral("id"), QStringLiteral("un-prod"));
        settings.setValue(QStringLiteral("kind"), QStringLiteral("unleash"));
        settings.setValue(QStringLiteral("displayName"), QStringLiteral("Unleash production"));
        settings.setValue(QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/api"));
        settings.setValue(QStringLiteral("secretRef"), QStringLiteral("connection/un-prod/token"));
        settings.endArray();
        settings.sync();
    };
    if (problem == QLatin1String("no-config")) {
        arguments.clear();
    } else if (problem == QLatin1String("missing-file")) {
        arguments[1] = dir.filePath(QStringLiteral("absent.conf"));
    } else if (problem == QLatin1String("sqlite-inbox")) {
        settings.setValue(QStringLiteral("approvals/inbox"), dir.filePath(QStringLiteral("inbox.sqlite")));
    } else if (problem == QLatin1String("no-connections")) {
        settings.remove(QStringLiteral("connections"));
    } else if (problem == QLatin1String("no-credentials")) {
        addUnleash();
    } else if (problem == QLatin1String("open-token")) {
        addUnleash();
        QFile token(dir.filePath(QStringLiteral("un-prod")));
        QVERIFY(token.open(QIODevice::WriteOnly) && token.write("*:production.secret-token\n") > 0);
        token.close();
        QVERIFY(token.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        arguments << QStringLiteral("--credentials") << dir.path();
    } else if (problem == QLatin1String("no-contracts")) {
        arguments[3] = dir.filePath(QStringLiteral("absent"));
    } else if (problem == QLatin1String("bad-contract")) {
        QFile contract(QDir(contracts).filePath(QStringLiteral("broken.yaml")));
        QVERIFY(contract.open(QIODevice::WriteOnly) && contract.write("flag_key: [unclosed\n") > 0);
    } else if (problem == QLatin1String("bad-regression")) {
        arguments << QStringLiteral("--sandbox-regression") << QStringLiteral("chat-model-route:on:p95_latency:1.4@soon");
    }
    settings.sync();
    const Run run = runGuard(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.error.startsWith(QStringLiteral("flagdeck guard: ")), qPrintable(run.error));
    QVERIFY2(run.error.contains(said), qPrintable(run.error));
    QVERIFY2(!run.error.contains(QStringLiteral("secret-token")), "a token in a message");
}

QTEST_GUILESS_MAIN(tst_GuardCommand)
#include "tst_guardcommand.moc"
