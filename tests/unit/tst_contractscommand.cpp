#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `flagdeck contracts check` as a team's CI runs it: findings as file:line:column, exit codes.
class tst_ContractsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void brokenFileIsNamedAndTheOthersAreChecked();
    void sandboxContractsHoldAgainstTheSandbox();
    void variationTheServerLacksIsAnError();
    void missingOrEmptyFolderCannotBeChecked();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run flagdeck(const QStringList &arguments);
    QString copyOf(const QString &contract, const QString &folder);

    QTemporaryDir m_dir;
};

tst_ContractsCommand::Run tst_ContractsCommand::flagdeck(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The child's own settings and sandbox, away from the developer's.
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
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
    QFile::copy(QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts/") + contract, target);
    return target;
}

void tst_ContractsCommand::brokenFileIsNamedAndTheOthersAreChecked()
{
    const QString folder = m_dir.filePath(QStringLiteral("mixed"));
    copyOf(QStringLiteral("chat-model-route.yaml"), folder);
    copyOf(QStringLiteral("answer-reranker.yaml"), folder);
    QFile broken(QDir(folder).filePath(QStringLiteral("summarizer.yaml")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("flag_key: summarizer-model-route\ndefault: frontier_large\nstages:\n  - name: s\n"
                 "    exposure: {distilled_small: 5%}\n    minimum_time: soon\n");
    broken.close();
    const Run run = flagdeck({QStringLiteral("check"), folder});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("summarizer.yaml:6:19: error: \"soon\" is not a duration")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("3 files read, 2 contracts valid, 1 error")), qPrintable(run.out));
}

void tst_ContractsCommand::sandboxContractsHoldAgainstTheSandbox()
{
    const Run run = flagdeck({QStringLiteral("check"), QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts"),
                              QStringLiteral("--server"), QStringLiteral("sandbox")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("14 files read, 14 contracts valid, 0 errors")), qPrintable(run.out));
    QVERIFY(!run.out.contains(QStringLiteral("unowned control")));
}

void tst_ContractsCommand::variationTheServerLacksIsAnError()
{
    const QString folder = m_dir.filePath(QStringLiteral("renamed"));
    const QString path = copyOf(QStringLiteral("chat-model-route.yaml"), folder);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray yaml = file.readAll();
    file.close();
    yaml.replace("candidate: distilled_small", "candidate: distilled_tiny");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(yaml);
    file.close();
    const Run run = flagdeck({QStringLiteral("check"), folder, QStringLiteral("--server"), QStringLiteral("sandbox")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("chat-model-route on Sandbox (production) has no variation \"distilled_tiny\"")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("warning: unowned control: answer-reranker in production has no contract")));
}

void tst_ContractsCommand::missingOrEmptyFolderCannotBeChecked()
{
    QCOMPARE(flagdeck({QStringLiteral("check"), m_dir.filePath(QStringLiteral("nowhere"))}).exitCode, 2);
    QDir().mkpath(m_dir.filePath(QStringLiteral("empty")));
    const Run empty = flagdeck({QStringLiteral("check"), m_dir.filePath(QStringLiteral("empty"))});
    QCOMPARE(empty.exitCode, 2);
    QVERIFY(empty.err.contains(QStringLiteral("holds no .yaml or .yml files")));
    QCOMPARE(flagdeck({QStringLiteral("verify")}).exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_ContractsCommand)
#include "tst_contractscommand.moc"
