#include "connectors/sandbox/sandboxdatabase.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// `flagdeck contracts check` as a team's CI runs it: findings as file:line:column, exit codes, the
// same machine words in every language.
class tst_ContractsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void brokenFileIsNamedAndTheOthersAreChecked();
    void sandboxContractsHoldAgainstTheSandbox();
    void variationTheServerLacksIsAnErrorWhereItIsNamed();
    void theSandboxsOwnContractsCount();
    void findingsAboutTheServerHaveAPrefix();
    void oneFile_data();
    void oneFile();
    void usage_data();
    void usage();
    void missingOrEmptyFolderCannotBeChecked();
    void brokenEvalReferencesAreErrorsWhereToFixThem();
    void machineOutputIsTheSameInEveryLanguage();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Each profile is a user of its own: settings and sandbox.
    Run flagdeck(const QStringList &arguments, const QString &profile = QStringLiteral("default"),
                 const QString &language = QStringLiteral("en_US.UTF-8"));
    QString copyOf(const QString &contract, const QString &folder);
    QString write(const QString &path, const QByteArray &content);

    QTemporaryDir m_dir;
};

namespace {

const QString SandboxContracts = QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts");
// The profile whose sandbox has a flag that no contract names.
const QString WithUnowned = QStringLiteral("with-unowned");
const QString UnownedFlag = QStringLiteral("unowned-experiment");

} // namespace

tst_ContractsCommand::Run tst_ContractsCommand::flagdeck(const QStringList &arguments, const QString &profile,
                                                         const QString &language)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The child's own settings and sandbox, away from the developer's.
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(profile + QStringLiteral("/data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(profile + QStringLiteral("/config")));
    for (const QString &variable : {QStringLiteral("LC_ALL"), QStringLiteral("LC_MESSAGES"), QStringLiteral("LANG")})
        environment.insert(variable, language);
    environment.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FLAGDECK_BINARY), QStringList{QStringLiteral("contracts")} + arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString tst_ContractsCommand::copyOf(const QString &contract, const QString &folder)
{
    QDir().mkpath(folder);
    const QString target = QDir(folder).filePath(contract);
    QFile::copy(SandboxContracts + QLatin1Char('/') + contract, target);
    return target;
}

QString tst_ContractsCommand::write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return {};
    return path;
}

void tst_ContractsCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The sandbox is made on first use: one check makes it, then it gains a flag no contract names.
    QCOMPARE(flagdeck({QStringLiteral("check"), SandboxContracts, QStringLiteral("--server"), QStringLiteral("sandbox")},
                      WithUnowned)
                 .exitCode,
             0);
    QDirIterator files(m_dir.filePath(WithUnowned), {QStringLiteral("sandbox.sqlite")}, QDir::Files,
                       QDirIterator::Subdirectories);
    QVERIFY(files.hasNext());
    SandboxDatabase database(files.next());
    QVERIFY(database.open());
    Flag flag = database.flags(QStringLiteral("production")).value(QStringLiteral("answer-reranker"));
    QVERIFY(!flag.key.isEmpty());
    flag.key = UnownedFlag;
    AuditEntry created;
    created.server = QStringLiteral("sandbox");
    created.environment = QStringLiteral("production");
    created.flagKey = UnownedFlag;
    created.action = QStringLiteral("create");
    created.outcome = QStringLiteral("applied");
    created.actor = QStringLiteral("tst_contractscommand");
    created.timeMs = QDateTime::currentMSecsSinceEpoch();
    created.sourceId = QStringLiteral("tst_contractscommand-1");
    QVERIFY(database.saveFlag(QStringLiteral("production"), flag, created));
}

void tst_ContractsCommand::brokenFileIsNamedAndTheOthersAreChecked()
{
    const QString folder = m_dir.filePath(QStringLiteral("mixed"));
    copyOf(QStringLiteral("chat-model-route.yaml"), folder);
    copyOf(QStringLiteral("answer-reranker.yaml"), folder);
    QVERIFY(!write(QDir(folder).filePath(QStringLiteral("summarizer.yaml")),
                   "flag_key: summarizer-model-route\ndefault: frontier_large\nstages:\n  - name: s\n"
                   "    exposure: {distilled_small: 5%}\n    minimum_time: soon\n")
                 .isEmpty());
    const Run run = flagdeck({QStringLiteral("check"), folder});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("summarizer.yaml:6:19: error: \"soon\" is not a duration")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("3 files read, 2 contracts valid, 1 error")), qPrintable(run.out));
}

void tst_ContractsCommand::sandboxContractsHoldAgainstTheSandbox()
{
    const Run run = flagdeck({QStringLiteral("check"), SandboxContracts, QStringLiteral("--server"), QStringLiteral("sandbox")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("14 files read, 14 contracts valid, 0 errors")), qPrintable(run.out));
    QVERIFY(!run.out.contains(QStringLiteral("unowned control")));
}

void tst_ContractsCommand::variationTheServerLacksIsAnErrorWhereItIsNamed()
{
    const QString folder = m_dir.filePath(QStringLiteral("renamed"));
    const QString path = copyOf(QStringLiteral("chat-model-route.yaml"), folder);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray yaml = file.readAll();
    file.close();
    QVERIFY(yaml.contains("candidate: distilled_small"));
    yaml.replace("candidate: distilled_small", "candidate: distilled_tiny");
    QVERIFY(!write(path, yaml).isEmpty());
    const int line = int(yaml.left(yaml.indexOf("candidate: distilled_tiny")).count('\n')) + 1;
    const Run run = flagdeck({QStringLiteral("check"), folder, QStringLiteral("--server"), QStringLiteral("sandbox")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("%1:%2:12: error: chat-model-route on Sandbox (production) has no variation "
                                             "\"distilled_tiny\"")
                                  .arg(path)
                                  .arg(line)),
             qPrintable(run.out));
}

void tst_ContractsCommand::theSandboxsOwnContractsCount()
{
    // A team folder with one contract: the sandbox's other flags have the sandbox's own contracts,
    // as in the console, so none is an unowned control.
    const QString folder = m_dir.filePath(QStringLiteral("one-of-many"));
    copyOf(QStringLiteral("chat-model-route.yaml"), folder);
    const Run run = flagdeck({QStringLiteral("check"), folder, QStringLiteral("--server"), QStringLiteral("sandbox")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out == QStringLiteral("1 file read, 1 contract valid, 0 errors, 0 warnings\n"), qPrintable(run.out));
}

void tst_ContractsCommand::findingsAboutTheServerHaveAPrefix()
{
    const QString folder = m_dir.filePath(QStringLiteral("against-the-server"));
    const QString ghost = write(QDir(folder).filePath(QStringLiteral("ghost.yaml")),
                                "flag_key: ghost-flag\ndefault: a\nstages:\n  - name: s\n    exposure: {b: 5%}\n");
    // A misspelt environment: the contract holds nowhere on this server.
    QFile reranker(SandboxContracts + QStringLiteral("/answer-reranker.yaml"));
    QVERIFY(reranker.open(QIODevice::ReadOnly));
    QByteArray misplaced = reranker.readAll();
    QVERIFY(misplaced.contains("environments: [production, staging]"));
    misplaced.replace("environments: [production, staging]", "environments: [prodution]");
    const QString elsewhere = write(QDir(folder).filePath(QStringLiteral("answer-reranker.yaml")), misplaced);
    // A team contract that cannot be read: its flag is neither unowned nor held to the built-in one.
    QFile chat(SandboxContracts + QStringLiteral("/chat-model-route.yaml"));
    QVERIFY(chat.open(QIODevice::ReadOnly));
    const QString unreadable = write(QDir(folder).filePath(QStringLiteral("chat-model-route.yaml")),
                                     chat.readAll().replace("  auto_kill:", "  autokill:"));
    QVERIFY(!ghost.isEmpty() && !elsewhere.isEmpty() && !unreadable.isEmpty());

    const Run run = flagdeck({QStringLiteral("check"), folder, QStringLiteral("--server"), QStringLiteral("sandbox")}, WithUnowned);
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.contains(QStringLiteral("server sandbox: warning: unowned control: %1 in production has no contract")
                                .arg(UnownedFlag)),
             qPrintable(run.out));
    QVERIFY2(lines.contains(QStringLiteral("%1:1:11: warning: Sandbox has no flag \"ghost-flag\"").arg(ghost)), qPrintable(run.out));
    QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                         [&](const QString &line) {
                             return line.startsWith(elsewhere + QStringLiteral(":2:11: warning: Sandbox has \"answer-reranker\" "
                                                                               "only in environments this contract does not name"));
                         }),
             qPrintable(run.out));
    QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                         [&](const QString &line) {
                             return line.startsWith(unreadable + QLatin1Char(':'))
                                 && line.contains(QStringLiteral(": error: unknown field `autokill`"));
                         }),
             qPrintable(run.out));
    QVERIFY2(!run.out.contains(QStringLiteral("unowned control: chat-model-route")), qPrintable(run.out));
    // Every finding says where: a file's line and column, or the server.
    static const QRegularExpression where(QStringLiteral("^(.+\\.yaml:\\d+:\\d+|server sandbox): (error|warning): "));
    for (const QString &line : lines.mid(0, lines.size() - 1))
        QVERIFY2(where.match(line).hasMatch(), qPrintable(line));
}

void tst_ContractsCommand::oneFile_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no such file
    QTest::addColumn<bool>("againstTheSandbox");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QFile chat(SandboxContracts + QStringLiteral("/chat-model-route.yaml"));
    QVERIFY(chat.open(QIODevice::ReadOnly));
    const QByteArray good = chat.readAll();
    QTest::newRow("valid") << good << false << 0 << "1 file read, 1 contract valid, 0 errors, 0 warnings";
    QTest::newRow("valid, against the sandbox") << good << true << 0 << "1 file read, 1 contract valid, 0 errors, 0 warnings";
    QTest::newRow("an error") << QByteArray(good).replace("minimum_time: 3d", "minimum_time: 3 days") << false << 1
                              << ": error: \"3 days\" is not a duration";
    QTest::newRow("no such file") << QByteArray() << false << 2 << QString();
}

void tst_ContractsCommand::oneFile()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, againstTheSandbox);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QRegularExpression(QStringLiteral("\\W+")),
                                                                             QStringLiteral("-"));
    const QString path = m_dir.filePath(QStringLiteral("single/%1.yaml").arg(tag));
    if (!content.isEmpty())
        QVERIFY(!write(path, content).isEmpty());
    QStringList arguments{QStringLiteral("check"), path};
    if (againstTheSandbox)
        arguments << QStringLiteral("--server") << QStringLiteral("sandbox");
    const Run run = flagdeck(arguments);
    QCOMPARE(run.exitCode, exitCode);
    if (content.isEmpty()) {
        QVERIFY2(run.err.contains(QStringLiteral("there is no file or folder %1").arg(path)), qPrintable(run.err));
        return;
    }
    QVERIFY2(run.out.contains(out), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QStringLiteral("unowned control")), qPrintable(run.out));
    if (exitCode == 1)
        QVERIFY2(run.out.startsWith(path + QLatin1Char(':')), qPrintable(run.out));
}

void tst_ContractsCommand::usage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says"); // on standard error for 2, standard output for 0
    const QString folder = SandboxContracts;
    QTest::newRow("misspelt option") << QStringList{QStringLiteral("check"), folder, QStringLiteral("--srever"), QStringLiteral("x")}
                                     << 2 << "unknown option --srever";
    QTest::newRow("misspelt command") << QStringList{QStringLiteral("chek"), folder} << 2 << "unknown command 'chek'";
    QTest::newRow("another command") << QStringList{QStringLiteral("verify")} << 2 << "'verify'";
    QTest::newRow("no command") << QStringList() << 2 << "check";
    QTest::newRow("nothing to check") << QStringList{QStringLiteral("check")} << 2 << "check";
    QTest::newRow("two things to check") << QStringList{QStringLiteral("check"), folder, QStringLiteral("more")} << 2 << "'more'";
    QTest::newRow("--server without an id") << QStringList{QStringLiteral("check"), folder, QStringLiteral("--server")} << 2
                                            << "server";
    QTest::newRow("unknown server") << QStringList{QStringLiteral("check"), folder, QStringLiteral("--server"), QStringLiteral("prod")}
                                    << 2 << "\"prod\"";
    QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0 << "contracts check DIR|FILE";
    QTest::newRow("help for check") << QStringList{QStringLiteral("check"), QStringLiteral("--help")} << 0 << "--server";
}

void tst_ContractsCommand::usage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const Run run = flagdeck(arguments);
    QCOMPARE(run.exitCode, exitCode);
    const QString &text = exitCode == 0 ? run.out : run.err;
    QVERIFY2(text.contains(says), qPrintable(text));
    if (exitCode == 2)
        QVERIFY2(run.err.startsWith(QStringLiteral("flagdeck contracts: ")), qPrintable(run.err));
}

void tst_ContractsCommand::brokenEvalReferencesAreErrorsWhereToFixThem()
{
    const QString folder = m_dir.filePath(QStringLiteral("evals"));
    const QByteArray head = "flag_key: %1\ndefault: baseline_profile\nstages:\n  - name: internal_users\n"
                            "    exposure: {citation_first_v2: 1%}\n    minimum_time: 0\n    evals:\n";
    const auto contract = [&](const char *key, const QByteArray &evals) {
        return write(QDir(folder).filePath(QString::fromLatin1(key) + QStringLiteral(".yaml")),
                     QByteArray(head).replace("%1", key) + evals);
    };
    // A missing file, a report that is not JSON, a variation the report does not have, and one
    // report that is fine but failing: that is the gate's business, not the contract's.
    QVERIFY(!contract("missing", "      - report: evals/none.json\n        variation: citation_first_v2\n"
                                 "        pass_rate: 97%\n        max_age: 24h\n")
                 .isEmpty());
    QVERIFY(!write(QDir(folder).filePath(QStringLiteral("evals/broken.json")), "{\n  \"flagdeck_eval\": 1,\n  \"time\": }\n")
                 .isEmpty());
    QVERIFY(!contract("broken", "      - report: evals/broken.json\n        variation: citation_first_v2\n"
                                "        pass_rate: 97%\n        max_age: 24h\n")
                 .isEmpty());
    QVERIFY(!write(QDir(folder).filePath(QStringLiteral("evals/ok.json")),
                   "{\"flagdeck_eval\": 1, \"suite\": \"answers\", \"time\": \"2020-01-01T00:00:00Z\",\n"
                   " \"results\": {\"citation_first_v2\": {\"passed\": 1, \"total\": 200}}}\n")
                 .isEmpty());
    QVERIFY(!contract("variation", "      - report: evals/ok.json\n        variation: citation_first_v3\n"
                                   "        pass_rate: 97%\n        max_age: 24h\n")
                 .isEmpty());
    QVERIFY(!contract("failing", "      - report: evals/ok.json\n        suite: answers\n        variation: citation_first_v2\n"
                                 "        pass_rate: 97%\n        max_age: 24h\n")
                 .isEmpty());
    const Run run = flagdeck({QStringLiteral("check"), folder});
    QCOMPARE(run.exitCode, 1);
    const QString missing = QDir(folder).filePath(QStringLiteral("missing.yaml"));
    QVERIFY2(run.out.contains(missing + QStringLiteral(":8:17: error: eval of citation_first_v2 for stage \"internal_users\": "
                                                       "citation_first_v2 — there is no report ")),
             qPrintable(run.out));
    // The line of the report that is wrong (the column is where the JSON reader gave up).
    QVERIFY2(run.out.contains(QRegularExpression(QRegularExpression::escape(QDir(folder).filePath(QStringLiteral("evals/broken.json")))
                                                 + QStringLiteral(":3:\\d+: error: citation_first_v2 — the report cannot be "
                                                                  "used: not valid JSON"))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("(the eval of citation_first_v2 for stage \"internal_users\" in %1:8)")
                                  .arg(QDir(folder).filePath(QStringLiteral("broken.yaml")))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QDir(folder).filePath(QStringLiteral("variation.yaml"))
                              + QStringLiteral(":9:20: error: eval of citation_first_v3 for stage \"internal_users\": "
                                               "citation_first_v3 — the report has no results for this variation")),
             qPrintable(run.out));
    QVERIFY2(!run.out.contains(QStringLiteral("failing.yaml:")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("4 files read, 4 contracts valid, 3 errors, 0 warnings")), qPrintable(run.out));
}

void tst_ContractsCommand::missingOrEmptyFolderCannotBeChecked()
{
    QCOMPARE(flagdeck({QStringLiteral("check"), m_dir.filePath(QStringLiteral("nowhere"))}).exitCode, 2);
    QDir().mkpath(m_dir.filePath(QStringLiteral("empty")));
    const Run empty = flagdeck({QStringLiteral("check"), m_dir.filePath(QStringLiteral("empty"))});
    QCOMPARE(empty.exitCode, 2);
    QVERIFY(empty.err.contains(QStringLiteral("holds no .yaml or .yml files")));
}

void tst_ContractsCommand::machineOutputIsTheSameInEveryLanguage()
{
    // Errors, warnings, a finding about the server and a summary; then a usage error.
    const QString folder = m_dir.filePath(QStringLiteral("languages"));
    copyOf(QStringLiteral("chat-model-route.yaml"), folder);
    QVERIFY(!write(QDir(folder).filePath(QStringLiteral("broken.yaml")),
                   "default: a\nowner_team: x\nstages:\n  - name: s\n    exposure: {b: 5%}\n  - name: s\n"
                   "    exposure: {b: 50 %}\n")
                 .isEmpty());
    QVERIFY(!write(QDir(folder).filePath(QStringLiteral("ghost.yaml")),
                   "flag_key: ghost-flag\ndefault: a\nstages:\n  - name: s\n    exposure: {b: 5%}\n")
                 .isEmpty());
    const QStringList check{QStringLiteral("check"), folder, QStringLiteral("--server"), QStringLiteral("sandbox")};
    const Run english = flagdeck(check, WithUnowned);
    const Run german = flagdeck(check, WithUnowned, QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(english.exitCode, 1);
    QCOMPARE(german.exitCode, english.exitCode);

    static const QRegularExpression finding(QStringLiteral("^(.+?): (error|warning): (.+)$"));
    static const QRegularExpression summary(
        QStringLiteral("^(\\d+) files? read, (\\d+) contracts? valid, (\\d+) errors?, (\\d+) warnings?$"));
    const QStringList englishLines = english.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList germanLines = german.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(germanLines.size(), englishLines.size());
    QVERIFY(englishLines.size() >= 5);
    int translated = 0;
    for (qsizetype i = 0; i < englishLines.size() - 1; ++i) {
        const QRegularExpressionMatch inEnglish = finding.match(englishLines.at(i));
        const QRegularExpressionMatch inGerman = finding.match(germanLines.at(i));
        QVERIFY2(inEnglish.hasMatch(), qPrintable(englishLines.at(i)));
        QVERIFY2(inGerman.hasMatch(), qPrintable(germanLines.at(i)));
        QCOMPARE(inGerman.captured(1), inEnglish.captured(1)); // where
        QCOMPARE(inGerman.captured(2), inEnglish.captured(2)); // error or warning
        if (inEnglish.captured(3).startsWith(QStringLiteral("unowned control: ")))
            QVERIFY2(inGerman.captured(3).startsWith(QStringLiteral("unowned control: ")), qPrintable(germanLines.at(i)));
        if (inGerman.captured(3) != inEnglish.captured(3))
            ++translated;
    }
    QVERIFY2(english.out.contains(QStringLiteral("server sandbox: warning: unowned control: ")), qPrintable(english.out));
    QVERIFY2(summary.match(englishLines.constLast()).hasMatch(), qPrintable(englishLines.constLast()));
    QCOMPARE(germanLines.constLast(), englishLines.constLast());
    // The sentences are German: the check above compared two languages, not one twice.
    QVERIFY2(translated > 0, qPrintable(german.out));
    QVERIFY2(german.out.contains(QStringLiteral("„flag_key“")), qPrintable(german.out));

    const Run usage = flagdeck({QStringLiteral("chek"), folder}, WithUnowned, QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(usage.exitCode, 2);
    QVERIFY2(usage.err.startsWith(QStringLiteral("flagdeck contracts: ")) && usage.err.contains(QStringLiteral("chek")),
             qPrintable(usage.err));
}

QTEST_GUILESS_MAIN(tst_ContractsCommand)
#include "tst_contractscommand.moc"
