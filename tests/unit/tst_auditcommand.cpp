#include "store/auditcache.h"
#include "testresult.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// `flagdeck audit verify` and `flagdeck audit export` as a script or a team's CI calls them:
// their exit codes and output are the contract.
class tst_AuditCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifyIntactExitsZero();
    void verifyTamperedNamesTheEntryAndExitsOne();
    void verifyMissingFileExitsTwoAndCreatesNothing();
    void exportSelectsAndFormats();
    void exportRefusesBadArguments_data();
    void exportRefusesBadArguments();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run flagdeck(const QStringList &arguments) const;

    QTemporaryDir m_dir;
    QString m_cache;
};

void tst_AuditCommand::initTestCase()
{
    m_cache = m_dir.filePath(QStringLiteral("audit.sqlite"));
    AuditCache cache;
    VERIFY_OK(cache.open(m_cache));
    AuditBatch batch;
    for (int i = 0; i < 6; ++i) {
        AuditEntry entry;
        entry.server = QStringLiteral("sandbox");
        entry.environment = QStringLiteral("production");
        entry.flagKey = i % 2 ? QStringLiteral("chat-model-route") : QStringLiteral("answer-reranker");
        entry.action = QStringLiteral("set_rollout");
        entry.outcome = QStringLiteral("applied");
        entry.actor = QStringLiteral("maria.lopez");
        entry.timeMs = 1763700000000 + i * 86'400'000LL; // one a day from 2025-11-21
        entry.sourceId = QString::number(i);
        batch.entries.append(entry);
    }
    VERIFY_OK(cache.write(batch));
}

tst_AuditCommand::Run tst_AuditCommand::flagdeck(const QStringList &arguments) const
{
    QProcess process;
    process.start(QStringLiteral(FLAGDECK_BINARY), QStringList{QStringLiteral("audit")} + arguments);
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void tst_AuditCommand::verifyIntactExitsZero()
{
    const Run run = flagdeck({QStringLiteral("verify"), QStringLiteral("--db"), m_cache});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith("intact: 6 entries in 1 server chain\n"), run.out.constData());
    QVERIFY(run.out.contains("head sandbox #6 "));
}

void tst_AuditCommand::verifyTamperedNamesTheEntryAndExitsOne()
{
    const QString copy = m_dir.filePath(QStringLiteral("tampered.sqlite"));
    QVERIFY(QFile::copy(m_cache, copy));
    {
        AuditCache cache;
        VERIFY_OK(cache.open(copy));
        QVERIFY(QSqlQuery(cache.database()).exec(QStringLiteral("UPDATE audit_events SET actor = 'eve' WHERE id = 4")));
    }
    const Run run = flagdeck({QStringLiteral("verify"), QStringLiteral("--db"), copy});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("NOT INTACT: server \"sandbox\" entry #4 (row 4, flag chat-model-route"), run.out.constData());
}

void tst_AuditCommand::verifyMissingFileExitsTwoAndCreatesNothing()
{
    const QString missing = m_dir.filePath(QStringLiteral("typo.sqlite"));
    const Run run = flagdeck({QStringLiteral("verify"), QStringLiteral("--db"), missing});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("there is no audit cache at"));
    QVERIFY(!QFile::exists(missing));
}

void tst_AuditCommand::exportSelectsAndFormats()
{
    const Run ndjson = flagdeck({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ndjson"),
                                 QStringLiteral("--flag"), QStringLiteral("chat-model-route"), QStringLiteral("--since"),
                                 QStringLiteral("2025-11-22"), QStringLiteral("--db"), m_cache});
    QCOMPARE(ndjson.exitCode, 0);
    const QList<QByteArray> lines = ndjson.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3); // days 1, 3 and 5
    QVERIFY(lines.first().contains("\"time\":\"2025-11-22T04:40:00.000Z\""));
    QVERIFY(lines.first().contains("\"source_id\":\"1\""));

    const Run csv = flagdeck({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                              QStringLiteral("--until"), QStringLiteral("2025-11-23"), QStringLiteral("--db"), m_cache});
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.startsWith("id,time,time_ms,server,"));
    QCOMPARE(csv.out.count("\r\n"), 3); // the header and days 0 and 1
}

void tst_AuditCommand::exportRefusesBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no format") << QStringList{QStringLiteral("export")} << QByteArray("--format must be csv or ndjson");
    QTest::newRow("bad time") << QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                                             QStringLiteral("--since"), QStringLiteral("last tuesday")}
                              << QByteArray("\"last tuesday\" is not a time");
    QTest::newRow("bad actor kind") << QStringList{QStringLiteral("export"), QStringLiteral("--format"),
                                                   QStringLiteral("csv"), QStringLiteral("--actor-kind"),
                                                   QStringLiteral("robot")}
                                    << QByteArray("--actor-kind must be");
    QTest::newRow("unknown verb") << QStringList{QStringLiteral("shred")} << QByteArray("usage: flagdeck audit");
}

void tst_AuditCommand::exportRefusesBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Run run = flagdeck(arguments + QStringList{QStringLiteral("--db"), m_cache});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_AuditCommand)
#include "tst_auditcommand.moc"
