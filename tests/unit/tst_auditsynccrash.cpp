#include "connectors/sandbox/sandboxdatabase.h"
#include "store/auditcache.h"
#include "store/auditverifier.h"
#include "testaudit.h"
#include "sandboxhistory.h"
#include "testresult.h"

#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// `flagdeck audit sync`, killed with SIGKILL half-way through a long history, then run again:
// the second run must bring in exactly what is missing, so that the cache holds every entry
// once and its chain verifies.
class tst_AuditSyncCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedSyncLosesNothingAndDuplicatesNothing();
};

namespace {

constexpr int ExtraHistory = 20000;

QProcessEnvironment childEnvironment(const QTemporaryDir &dir)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    return environment;
}

// Read-only, so that looking never changes what the child writes.
qint64 countIn(const QString &path)
{
    qint64 count = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery query(db);
        if (db.open() && query.exec(QStringLiteral("SELECT count(*) FROM audit_events")) && query.next())
            count = query.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    return count;
}

} // namespace

void tst_AuditSyncCrash::killedSyncLosesNothingAndDuplicatesNothing()
{
    QTemporaryDir dir;
    // The sandbox the child will open for its default connection, with a long history.
    const QString sandboxPath = dir.filePath(QStringLiteral("data/FlagDeck/FlagDeck/sandbox/sandbox.sqlite"));
    {
        SandboxDatabase sandbox(sandboxPath);
        VERIFY_OK(sandbox.open());
        const QString environment = QStringLiteral("production");
        Flag flag = sandbox.flags(environment).value(QStringLiteral("chat-model-route"));
        QVERIFY(!flag.key.isEmpty());
        for (int i = 0; i < ExtraHistory; ++i) {
            AuditEntry change;
            change.action = QStringLiteral("set_rollout");
            change.actor = QStringLiteral("release-bot");
            change.timeMs = 1763700000000 + i;
            change.comment = QStringLiteral("step %1").arg(i);
            VERIFY_OK(sandbox.saveFlag(environment, flag, change));
        }
    }
    const int history = SandboxHistory::count(sandboxPath);
    QVERIFY(history > ExtraHistory);
    const QString cachePath = dir.filePath(QStringLiteral("audit.sqlite"));
    const QStringList arguments = {QStringLiteral("audit"), QStringLiteral("sync"), QStringLiteral("--db"), cachePath};

    QProcess first;
    first.setProcessEnvironment(childEnvironment(dir));
    first.start(QStringLiteral(FLAGDECK_BINARY), arguments);
    QVERIFY(first.waitForStarted());
    // Kill as soon as some pages are committed.
    qint64 atKill = 0;
    QTRY_VERIFY_WITH_TIMEOUT((atKill = countIn(cachePath)) > 0 || first.state() == QProcess::NotRunning, 20000);
    first.kill();
    QVERIFY(first.waitForFinished());
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    const qint64 afterKill = countIn(cachePath);
    QVERIFY2(afterKill > 0 && afterKill < history,
             qPrintable(QStringLiteral("killed after %1 of %2 entries; not half-way")
                            .arg(afterKill)
                            .arg(history)));

    QProcess second;
    second.setProcessEnvironment(childEnvironment(dir));
    second.start(QStringLiteral(FLAGDECK_BINARY), arguments);
    QVERIFY(second.waitForFinished(60000));
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(second.readAllStandardOutput().contains(
                 QStringLiteral("%1 new entries").arg(history - afterKill).toUtf8()),
             "the second run fetched more or less than what was missing");

    AuditCache cache;
    VERIFY_OK(cache.open(cachePath));
    QCOMPARE(TestAudit::count(cache), history);
    QSqlQuery ids(cache.database());
    QVERIFY(ids.exec(QStringLiteral("SELECT count(DISTINCT source_id), min(CAST(source_id AS INTEGER)), "
                                    "max(CAST(source_id AS INTEGER)) FROM audit_events")));
    QVERIFY(ids.next());
    QCOMPARE(ids.value(0).toInt(), history);
    QCOMPARE(ids.value(1).toInt(), 1);
    QCOMPARE(ids.value(2).toInt(), history);
    const AuditVerification verification = verifyAuditChains(cache);
    QVERIFY2(verification.intact, qPrintable(verification.problem));
    QCOMPARE(cache.storedCursor(QStringLiteral("sandbox")), QString::number(history));
}

QTEST_GUILESS_MAIN(tst_AuditSyncCrash)
#include "tst_auditsynccrash.moc"
