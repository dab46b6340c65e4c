#include "guardprocess.h"
#include "store/auditcache.h"
#include "store/connectionsettings.h"
#include "testflags.h"
#include "testresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The real executable as scripts, cron jobs, CI and people call it: a mistake on the command line
// is never silent. Usage errors exit 2 and name the bad option, command or value; every command
// has --help; paths that must exist are not made up; values are checked against what the run can
// use; and what scripts parse reads the same in every language.
class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void usageErrorsExitTwoAndNameTheMistake_data();
    void usageErrorsExitTwoAndNameTheMistake();
    void helpWorksOnEveryCommand_data();
    void helpWorksOnEveryCommand();
    void missingPathsAreRefused_data();
    void missingPathsAreRefused();
    void consoleValuesAreChecked_data();
    void consoleValuesAreChecked();
    void consoleRunsWithGoodValues_data();
    void consoleRunsWithGoodValues();
    void guardChecksSandboxRegressions_data();
    void guardChecksSandboxRegressions();
    void getFlagSaysWhatIsNotKnownYet_data();
    void getFlagSaysWhatIsNotKnownYet();
    void keychainFailuresSayWhatToDo();
    void withoutADisplayMistakesAreStillNamed();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // One run in this test's own home folder, in the given language, with no desktop session:
    // no display, no D-Bus, no keychain.
    Run flagdeck(const QStringList &arguments, const QString &language = QStringLiteral("C.UTF-8"),
                 const QByteArray &input = {}) const;
    QString path(const QString &relative) const { return m_home->filePath(relative); }
    QStringList resolved(QStringList arguments) const;
    // The console's settings file in this home, as the Preferences and connection dialogs write it.
    QString settingsPath() const { return path(QStringLiteral(".config/FlagDeck/FlagDeck.conf")); }
    void configureUnleash();

    std::unique_ptr<QTemporaryDir> m_home;
    bool m_offscreen = true; // false: no display of any kind, as over ssh or in a cron job
};

namespace {

const QString HomeMarker = QStringLiteral("%HOME%");

} // namespace

void tst_CommandLine::init()
{
    m_offscreen = true;
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(QStringLiteral("runtime")));
    QFile::setPermissions(path(QStringLiteral("runtime")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

tst_CommandLine::Run tst_CommandLine::flagdeck(const QStringList &arguments, const QString &language,
                                               const QByteArray &input) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_home->path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral(".config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral(".local/share")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), path(QStringLiteral("runtime")));
    if (m_offscreen)
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    else
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    for (const QString &variable : {QStringLiteral("LC_ALL"), QStringLiteral("LC_MESSAGES"), QStringLiteral("LANG")})
        environment.insert(variable, language);
    for (const QString &variable : {QStringLiteral("LANGUAGE"), QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"),
                                    QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("CREDENTIALS_DIRECTORY"),
                                    QStringLiteral("JOURNAL_STREAM")})
        environment.remove(variable);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FLAGDECK_BINARY), arguments);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList tst_CommandLine::resolved(QStringList arguments) const
{
    for (QString &argument : arguments)
        argument.replace(HomeMarker, m_home->path());
    return arguments;
}

void tst_CommandLine::configureUnleash()
{
    ConnectionConfig unleash;
    unleash.id = QStringLiteral("un-prod");
    unleash.kind = ConnectionConfig::Kind::Unleash;
    unleash.displayName = QStringLiteral("Unleash production");
    unleash.url = QUrl(QStringLiteral("http://127.0.0.1:9/api"));
    unleash.secretRef = QStringLiteral("connection/un-prod/token");
    QSettings settings(settingsPath(), QSettings::NativeFormat);
    ConnectionSettings(settings).save({unleash});
}

void tst_CommandLine::usageErrorsExitTwoAndNameTheMistake_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");  // in English
    QTest::addColumn<QString>("named"); // in every language
    QTest::newRow("flagdeck --bogus") << QStringList{QStringLiteral("--bogus")} << QStringLiteral("unknown option --bogus")
                                      << QStringLiteral("--bogus");
    QTest::newRow("flagdeck bogus") << QStringList{QStringLiteral("bogus")}
                                    << QStringLiteral("unknown command 'bogus' for flagdeck: use audit, contracts, guard or mcp")
                                    << QStringLiteral("bogus");
    QTest::newRow("flagdeck --flag without a key") << QStringList{QStringLiteral("--flag")} << QStringLiteral("--flag")
                                                   << QStringLiteral("--flag");
    QTest::newRow("a command after options") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("audit")}
                                             << QStringLiteral("the command audit comes first") << QStringLiteral("audit");
    QTest::newRow("mcp --bogus") << QStringList{QStringLiteral("mcp"), QStringLiteral("--bogus")}
                                 << QStringLiteral("flagdeck mcp: unknown option --bogus") << QStringLiteral("--bogus");
    QTest::newRow("mcp with an argument") << QStringList{QStringLiteral("mcp"), QStringLiteral("serve")}
                                          << QStringLiteral("unexpected argument 'serve'") << QStringLiteral("serve");
    QTest::newRow("guard --bogus") << QStringList{QStringLiteral("guard"), QStringLiteral("--bogus")} << QStringLiteral("bogus")
                                   << QStringLiteral("bogus");
    QTest::newRow("guard with an argument") << QStringList{QStringLiteral("guard"), QStringLiteral("start")}
                                            << QStringLiteral("start") << QStringLiteral("start");
}

// The same in German: the exit code and the name of the mistake do not depend on the language.
void tst_CommandLine::usageErrorsExitTwoAndNameTheMistake()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    QFETCH(QString, named);
    for (const QString &language : {QStringLiteral("C.UTF-8"), QStringLiteral("de_DE.UTF-8")}) {
        const Run run = flagdeck(arguments, language);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(language.startsWith(QLatin1Char('C')) ? says : named), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("flagdeck")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }
}

void tst_CommandLine::helpWorksOnEveryCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QTest::newRow("flagdeck") << QStringList{QStringLiteral("--help")} << QStringLiteral("--sandbox-regression");
    QTest::newRow("flagdeck -h") << QStringList{QStringLiteral("-h")} << QStringLiteral("--screenshot-delay");
    QTest::newRow("audit") << QStringList{QStringLiteral("audit"), QStringLiteral("--help")} << QStringLiteral("verify");
    QTest::newRow("audit -h") << QStringList{QStringLiteral("audit"), QStringLiteral("-h")} << QStringLiteral("export");
    QTest::newRow("audit verify") << QStringList{QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--help")}
                                  << QStringLiteral("--db");
    QTest::newRow("audit export") << QStringList{QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--help")}
                                  << QStringLiteral("--actor-kind");
    QTest::newRow("audit sync") << QStringList{QStringLiteral("audit"), QStringLiteral("sync"), QStringLiteral("--help")}
                                << QStringLiteral("--db");
    QTest::newRow("mcp") << QStringList{QStringLiteral("mcp"), QStringLiteral("--help")} << QStringLiteral("--create-inbox");
    QTest::newRow("guard") << QStringList{QStringLiteral("guard"), QStringLiteral("--help")} << QStringLiteral("--simulated-traffic");
}

void tst_CommandLine::helpWorksOnEveryCommand()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const Run run = flagdeck(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(says), qPrintable(run.out));
}

void tst_CommandLine::missingPathsAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::addColumn<QString>("absent"); // must not exist afterwards
    QTest::addColumn<QString>("present"); // must exist afterwards
    const QString typo = HomeMarker + QStringLiteral("/typo");
    const QString consoleInbox = HomeMarker + QStringLiteral("/.local/share/FlagDeck/FlagDeck/inbox.sqlite");
    QTest::newRow("mcp --cache") << QStringList{QStringLiteral("mcp"), QStringLiteral("--cache"), typo + QStringLiteral("/audit.sqlite")}
                                 << 2 << QStringLiteral("there is no audit cache at") << typo << QString();
    QTest::newRow("mcp --inbox") << QStringList{QStringLiteral("mcp"), QStringLiteral("--inbox"), typo + QStringLiteral("/inbox.sqlite")}
                                 << 2 << QStringLiteral("there is no inbox at") << typo << QString();
    QTest::newRow("mcp --inbox, a folder") << QStringList{QStringLiteral("mcp"), QStringLiteral("--inbox"), HomeMarker}
                                           << 2 << QStringLiteral("is a folder") << QString() << QString();
    QTest::newRow("mcp --create-inbox alone") << QStringList{QStringLiteral("mcp"), QStringLiteral("--create-inbox")}
                                              << 2 << QStringLiteral("--create-inbox goes with --inbox") << QString() << QString();
    QTest::newRow("mcp --inbox --create-inbox")
        << QStringList{QStringLiteral("mcp"), QStringLiteral("--inbox"), typo + QStringLiteral("/inbox.sqlite"), QStringLiteral("--create-inbox")}
        << 0 << QString() << QString() << typo + QStringLiteral("/inbox.sqlite");
    QTest::newRow("mcp --inbox, the console's own") << QStringList{QStringLiteral("mcp"), QStringLiteral("--inbox"), consoleInbox}
                                                    << 0 << QString() << QString() << consoleInbox;
    QTest::newRow("audit verify --db") << QStringList{QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"),
                                                      typo + QStringLiteral("/audit.sqlite")}
                                       << 2 << QStringLiteral("there is no audit cache at") << typo << QString();
    QTest::newRow("audit export --db") << QStringList{QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
                                                      QStringLiteral("csv"), QStringLiteral("--db"), typo + QStringLiteral("/audit.sqlite")}
                                       << 2 << QStringLiteral("there is no audit cache at") << typo << QString();
    QTest::newRow("audit sync --db in no folder")
        << QStringList{QStringLiteral("audit"), QStringLiteral("sync"), QStringLiteral("--db"), typo + QStringLiteral("/audit.sqlite")}
        << 2 << QStringLiteral("there is no folder") << typo << QString();
    QTest::newRow("console --contracts") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--contracts"), typo}
                                         << 2 << QStringLiteral("--contracts") << typo << QString();
}

void tst_CommandLine::missingPathsAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    QFETCH(QString, absent);
    QFETCH(QString, present);
    const Run run = flagdeck(resolved(arguments));
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    if (!absent.isEmpty())
        QVERIFY2(!QFileInfo::exists(resolved({absent}).constFirst()), "a path that was refused was made");
    if (!present.isEmpty())
        QVERIFY(QFileInfo(resolved({present}).constFirst()).isFile());
}

void tst_CommandLine::consoleValuesAreChecked_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("unleashConfigured");
    QTest::addColumn<QString>("says");
    const auto regress = [](const QString &regression) {
        return QStringList{QStringLiteral("--sandbox"), QStringLiteral("--sandbox-regression"), regression};
    };
    QTest::newRow("--screenshot-delay 5s") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--screenshot-delay"), QStringLiteral("5s")}
                                           << false << QStringLiteral("--screenshot-delay is a number of seconds from 0");
    QTest::newRow("--screenshot-delay -1") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--screenshot-delay"), QStringLiteral("-1")}
                                           << false << QStringLiteral("got \"-1\"");
    QTest::newRow("--view bogus") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--view"), QStringLiteral("bogus")}
                                  << false << QStringLiteral("--view must be one of: flags, audit");
    QTest::newRow("--sandbox with --offline") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--offline")}
                                              << false << QStringLiteral("cannot be combined");
    // The examples --help and the errors used to give, which named no real variation.
    QTest::newRow("regression: unknown flag") << regress(QStringLiteral("frontier-large:on:p95_latency:1.4")) << false
                                              << QStringLiteral("the sandbox has no flag \"frontier-large\" to regress; its flags are");
    QTest::newRow("regression: unknown variation")
        << regress(QStringLiteral("chat-model-route:on:p95_latency:1.4")) << false
        << QStringLiteral("chat-model-route has no variation \"on\" on the sandbox; its variations are frontier_large, "
                          "distilled_small, open_weights_70b");
    QTest::newRow("regression: unknown metric")
        << regress(QStringLiteral("chat-model-route:distilled_small:latency:1.4")) << false
        << QStringLiteral("its guardrail metrics are p95_latency, cost_per_request, answer_quality_score");
    QTest::newRow("regression: bad factor") << regress(QStringLiteral("chat-model-route:distilled_small:p95_latency:fast"))
                                            << false << QStringLiteral("a positive number");
    QTest::newRow("regression: bad format") << regress(QStringLiteral("chat-model-route:p95_latency:1.4")) << false
                                            << QStringLiteral("e.g. chat-model-route:distilled_small:p95_latency:1.4");
    QTest::newRow("regression offline")
        << QStringList{QStringLiteral("--offline"), QStringLiteral("--sandbox-regression"),
                       QStringLiteral("chat-model-route:distilled_small:p95_latency:1.4")}
        << false << QStringLiteral("--offline");
    QTest::newRow("regression with Prometheus")
        << regress(QStringLiteral("chat-model-route:distilled_small:p95_latency:1.4"))
               + QStringList{QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:9")}
        << false << QStringLiteral("Prometheus");
    QTest::newRow("regression without a sandbox")
        << QStringList{QStringLiteral("--sandbox-regression"), QStringLiteral("chat-model-route:distilled_small:p95_latency:1.4")}
        << true << QStringLiteral("no sandbox connection is configured: add --sandbox");
}

void tst_CommandLine::consoleValuesAreChecked()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, unleashConfigured);
    QFETCH(QString, says);
    if (unleashConfigured)
        configureUnleash();
    const QString shot = path(QStringLiteral("shot.png"));
    const Run run = flagdeck(arguments + QStringList{QStringLiteral("--screenshot"), shot});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("flagdeck: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(shot));
}

void tst_CommandLine::consoleRunsWithGoodValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("a regression by variation id")
        << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--sandbox-regression"),
                       QStringLiteral("chat-model-route:distilled_small:p95_latency:1.4")}
        << 0 << QString();
    QTest::newRow("a regression by variation name, later")
        << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--sandbox-regression"),
                       QStringLiteral("support-assistant-route:citation first v2:no_answer_rate:2@30")}
        << 0 << QString();
    // A team's contract for a sandbox flag may watch other metrics: those may regress too.
    QTest::newRow("a metric of the team's contract")
        << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--contracts"), HomeMarker + QStringLiteral("/contracts"),
                       QStringLiteral("--sandbox-regression"), QStringLiteral("chat-model-route:distilled_small:tokens_per_answer:1.5")}
        << 0 << QString();
    QTest::newRow("--screenshot-delay 0.2") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--screenshot-delay"), QStringLiteral("0.2")}
                                            << 0 << QString();
    QTest::newRow("--contracts, a folder") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--contracts"), HomeMarker}
                                           << 0 << QString();
    QTest::newRow("--flag of a loaded flag") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--flag"), QStringLiteral("kb-retrieval-profile")}
                                             << 0 << QString();
    // Flags load from servers, so this is known only once they have: no screenshot of another flag.
    QTest::newRow("--flag no loaded flag has") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--flag"), QStringLiteral("no-such-key")}
                                               << 2 << QStringLiteral("--flag no-such-key: no loaded flag has this key");
}

void tst_CommandLine::consoleRunsWithGoodValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    QFile original(QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts/chat-model-route.yaml"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray contract = original.readAll();
    QVERIFY(contract.contains("metric: cost_per_request"));
    contract.replace("metric: cost_per_request", "metric: tokens_per_answer");
    QVERIFY(QDir().mkpath(path(QStringLiteral("contracts"))));
    QFile teamContract(path(QStringLiteral("contracts/chat-model-route.yaml")));
    QVERIFY(teamContract.open(QIODevice::WriteOnly) && teamContract.write(contract) == contract.size());
    teamContract.close();
    const QString shot = path(QStringLiteral("shot.png"));
    const Run run = flagdeck(resolved(arguments) + QStringList{QStringLiteral("--screenshot"), shot});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    QCOMPARE(QFileInfo::exists(shot), exitCode == 0);
}

void tst_CommandLine::guardChecksSandboxRegressions_data()
{
    QTest::addColumn<bool>("sandbox");
    QTest::addColumn<bool>("drill");
    QTest::addColumn<QString>("regression");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown variation") << true << false << QStringLiteral("chat-model-route:on:p95_latency:1.4") << 2
                                       << QStringLiteral("its variations are frontier_large, distilled_small, open_weights_70b");
    QTest::newRow("unknown metric") << true << false << QStringLiteral("chat-model-route:distilled_small:latency:1.4") << 2
                                    << QStringLiteral("its guardrail metrics are p95_latency");
    QTest::newRow("another server's flag") << true << false << QStringLiteral("answer-route:On:p95_latency:1.5") << 2
                                           << QStringLiteral("the sandbox has no flag \"answer-route\"");
    QTest::newRow("no sandbox, no drill") << false << false << QStringLiteral("chat-model-route:distilled_small:p95_latency:1.4")
                                          << 2 << QStringLiteral("--simulated-traffic");
    // Past the checks, the guard stops at the team inbox, which is not there (exit 1).
    QTest::newRow("a real sandbox regression") << true << false
                                               << QStringLiteral("chat-model-route:distilled_small:p95_latency:1.4") << 1
                                               << QStringLiteral("cannot open the team inbox");
    QTest::newRow("a drill on another server's flag") << false << true << QStringLiteral("answer-route:On:p95_latency:1.5")
                                                      << 1 << QStringLiteral("cannot open the team inbox");
}

void tst_CommandLine::guardChecksSandboxRegressions()
{
    QFETCH(bool, sandbox);
    QFETCH(bool, drill);
    QFETCH(QString, regression);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const QString folder = path(QStringLiteral("guard"));
    QVERIFY(QDir().mkpath(folder));
    QList<ConnectionConfig> connections;
    if (!sandbox) {
        ConnectionConfig unleash;
        unleash.id = QStringLiteral("un-prod");
        unleash.kind = ConnectionConfig::Kind::Unleash;
        unleash.displayName = QStringLiteral("Unleash staging");
        unleash.url = QUrl(QStringLiteral("http://127.0.0.1:9/api"));
        unleash.secretRef = QStringLiteral("connection/un-prod/token");
        connections.append(unleash);
    }
    const QString config = GuardProcess::writeConfig(folder, QStringLiteral("postgresql://flagdeck@127.0.0.1:9/team"), connections);
    const QString tokens = QDir(folder).filePath(QStringLiteral("tokens"));
    QFile token(QDir(tokens).filePath(QStringLiteral("un-prod")));
    QVERIFY(token.open(QIODevice::WriteOnly) && token.write("*:production.secret-token\n") > 0);
    token.close();
    QVERIFY(token.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    QStringList arguments{QStringLiteral("guard"), QStringLiteral("--config"), config, QStringLiteral("--credentials"), tokens,
                          QStringLiteral("--contracts"), QDir(folder).filePath(QStringLiteral("contracts")),
                          QStringLiteral("--sandbox-regression"), regression};
    if (drill)
        arguments << QStringLiteral("--simulated-traffic");
    const Run run = flagdeck(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    if (exitCode != 2)
        QVERIFY2(!run.err.contains(QStringLiteral("--sandbox-regression")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("secret-token")), "a token in a message");
}

void tst_CommandLine::getFlagSaysWhatIsNotKnownYet_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("C.UTF-8");
    QTest::newRow("German") << QStringLiteral("de_DE.UTF-8");
}

// A flag the console stored but has not worked out yet, read by an agent through the real binary:
// the same JSON, field names and words in every language.
void tst_CommandLine::getFlagSaysWhatIsNotKnownYet()
{
    QFETCH(QString, language);
    const ConnectionConfig sandbox = ConnectionSettings::defaultSandbox(QStringLiteral("Sandbox"));
    {
        QSettings settings(settingsPath(), QSettings::NativeFormat);
        ConnectionSettings(settings).save({sandbox});
    }
    const QString cachePath = path(QStringLiteral(".local/share/FlagDeck/FlagDeck/audit.sqlite"));
    QVERIFY(QDir().mkpath(QFileInfo(cachePath).absolutePath()));
    {
        AuditCache cache;
        VERIFY_OK(cache.open(cachePath));
        AuditBatch batch;
        batch.snapshots.append({sandbox.id, QStringLiteral("production"), {TestFlags::make(QStringLiteral("chat-model-route"))},
                                true, 1763700000000});
        VERIFY_OK(cache.write(batch));
    }
    const QByteArray input =
        R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})"
        "\n"
        R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_flag","arguments":{"server":"Sandbox","environment":"production","flag":"chat-model-route"}}})"
        "\n";
    const Run run = flagdeck({QStringLiteral("mcp")}, language, input);
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    const QJsonObject flag = QJsonDocument::fromJson(lines[1].toUtf8())
                                 .object()
                                 .value(QStringLiteral("result"))
                                 .toObject()
                                 .value(QStringLiteral("structuredContent"))
                                 .toObject();
    QCOMPARE(flag.value(QStringLiteral("flag")).toString(), QStringLiteral("chat-model-route"));
    QCOMPARE(flag.value(QStringLiteral("revision")).toString(), QStringLiteral("r1"));
    QVERIFY(flag.value(QStringLiteral("stage")).isNull());
    QCOMPARE(flag.value(QStringLiteral("stage_known")).toBool(true), false);
    QVERIFY(flag.value(QStringLiteral("guardrails")).isNull());
    QCOMPARE(flag.value(QStringLiteral("guardrails_known")).toBool(true), false);
    QVERIFY2(flag.value(QStringLiteral("not_known_because")).toString().startsWith(QStringLiteral("not known yet: ")),
             qPrintable(lines[1]));
}

// Without a desktop session no keychain can be reached: the sentence says what to install or
// start, and the keychain's own words come after it.
void tst_CommandLine::keychainFailuresSayWhatToDo()
{
    configureUnleash();
    const Run run = flagdeck({QStringLiteral("audit"), QStringLiteral("sync")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("Unleash production: ")), qPrintable(run.err));
    const bool unreachable = run.err.contains(QStringLiteral("Install and start one (e.g. the gnome-keyring package)"))
                             && run.err.contains(QStringLiteral("Secret Service"))
                             && run.err.contains(QStringLiteral("dbus-run-session"));
    // A machine whose keychain answers anyway has no such entry.
    const bool notStored = run.err.contains(QStringLiteral("no token is stored in the OS keychain"));
    QVERIFY2(unreachable || notStored, qPrintable(run.err));
    const qsizetype raw = run.err.indexOf(QStringLiteral("(the keychain said: "));
    if (raw >= 0)
        QVERIFY2(raw > run.err.indexOf(QStringLiteral("the OS keychain")), qPrintable(run.err));
}

void tst_CommandLine::withoutADisplayMistakesAreStillNamed()
{
    m_offscreen = false;
    const Run typo = flagdeck({QStringLiteral("--bogus")});
    QCOMPARE(typo.exitCode, 2);
    QVERIFY2(typo.err.contains(QStringLiteral("unknown option --bogus")), qPrintable(typo.err));
    const Run window = flagdeck({QStringLiteral("--sandbox")});
    QCOMPARE(window.exitCode, 1);
    QVERIFY2(window.err.contains(QStringLiteral("no display")), qPrintable(window.err));
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
