// Exactly once under crashes, small: 100 proposals, four racing consoles that are SIGKILLed at
// random moments and kill themselves right after a claim and while a change is under way, on a
// SQLite inbox and on a PostgreSQL one. Each proposal's change is applied by the server exactly
// once, or never and then reported as interrupted: the server's own audit log is the count.
// (flagdeck-bench approvals runs the same with 1,000 proposals.)
#include "approvalrace.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestExactlyOnce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sqlite();
    void postgres();

private:
    ApprovalRaceOptions options(const QString &folder) const;
    void check(const ApprovalRaceOptions &options);

    QTemporaryDir m_dir;
};

void TestExactlyOnce::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

ApprovalRaceOptions TestExactlyOnce::options(const QString &folder) const
{
    ApprovalRaceOptions options;
    options.racerBinary = QStringLiteral(APPROVAL_RACER);
    options.serverBinary = QStringLiteral(FEATBIT_PROCESS);
    options.workDir = m_dir.filePath(folder);
    QDir().mkpath(options.workDir);
    options.proposals = 100;
    options.racers = 4;
    options.maxKills = 4;
    options.killEveryMinMs = 200;
    options.killEveryMaxMs = 700;
    // About five claims and five changes under way die on their own in a hundred.
    options.dieClaimed = 0.05;
    options.dieSending = 0.05;
    options.budgetMs = 50000;
    options.seed = quint32(QDateTime::currentMSecsSinceEpoch());
    return options;
}

void TestExactlyOnce::check(const ApprovalRaceOptions &options)
{
    const ApprovalRaceResult result = ApprovalRace::run(options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    qInfo("seed %u: %d executed, %d reconciled applied, %d interrupted, %d failed; %d killed, %d died on their own, "
          "%.1f s",
          options.seed, result.executed, result.reconciledApplied, result.reconciledInterrupted, result.failed,
          result.killed, result.selfKilled, result.seconds);
    // The race really had deaths in it, at the labelled points and at random ones.
    QVERIFY(result.killed + result.selfKilled > 0);
    QCOMPARE(result.duplicateExecutions, 0);
    QCOMPARE(result.lostExecutions, 0);
    QCOMPARE(result.unfinished, 0);
    QCOMPARE(result.misreported, 0);
    // Every proposal ended one of the counted ways.
    QCOMPARE(result.executed + result.reconciledInterrupted + result.failed, result.proposals);
}

void TestExactlyOnce::sqlite()
{
    ApprovalRaceOptions options = this->options(QStringLiteral("sqlite"));
    options.racerInbox = options.workDir + QStringLiteral("/inbox.sqlite");
    options.proposerInbox = options.racerInbox;
    check(options);
}

void TestExactlyOnce::postgres()
{
    PostgresServer postgres;
    const QString error = postgres.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ApprovalRaceOptions options = this->options(QStringLiteral("postgres"));
    const QString prepared = ApprovalRace::preparePostgres(postgres, options);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
    check(options);
}

QTEST_GUILESS_MAIN(TestExactlyOnce)
#include "tst_exactlyonce.moc"
