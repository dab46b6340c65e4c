// Fault: the disk of the audit cache fills up, for real: a small tmpfs the test mounts (see
// privatemount.h) and fills, while the console ingests FeatBit's history (the FeatBit protocol
// test server on 127.0.0.1) and while a person kills a flag. The kill must still reach FeatBit, the
// person must be told once that the audit could not be written, what the cache could not take must
// wait in memory and be written once space returns; in the end every history entry and both of the
// kill's entries are in the cache, once each, in an intact hash chain.
#include "connectors/flagserver.h"
#include "connectors/sandbox/sandboxserver.h"
#include "control/auditsync.h"
#include "control/consolecontroller.h"
#include "control/flagstore.h"
#include "control/killswitch.h"
#include "featbitconnection.h"
#include "featbittestserver.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "privatemount.h"
#include "store/auditcache.h"
#include "store/auditverifier.h"
#include "store/auditwriter.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"

#include <QApplication>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString g_mountProblem;
}

class tst_AuditDiskFull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fullDuringIngestAndKill();

private:
    // Writes a file until the file system has no room left; the bytes it took.
    qint64 fill(const QString &path);
    QStringList activity(const MainWindow &window) const;

    QTemporaryDir m_dir;
    QString m_mount;
    FeatBitTestServer m_featbit;
    QString m_environment;
};

void tst_AuditDiskFull::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
    QVERIFY2(g_mountProblem.isEmpty(), qPrintable(g_mountProblem));
    m_mount = m_dir.filePath(QStringLiteral("small-disk"));
    QVERIFY(QDir().mkpath(m_mount));
    const QString mounted = PrivateMount::mountTmpfs(m_mount, 8 * 1024 * 1024);
    QVERIFY2(mounted.isEmpty(), qPrintable(mounted));
    m_environment = m_featbit.addEnvironment(QStringLiteral("support-bot"), QStringLiteral("prod"));
    for (int i = 0; i < 6; ++i)
        m_featbit.addBooleanFlag(m_environment, QStringLiteral("route-%1").arg(i), true, 5000);
}

void tst_AuditDiskFull::cleanupTestCase()
{
    ::umount2(QFile::encodeName(m_mount).constData(), MNT_DETACH);
}

qint64 tst_AuditDiskFull::fill(const QString &path)
{
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return -1;
    const QByteArray chunk(64 * 1024, 'x');
    qint64 total = 0;
    for (;;) {
        const qint64 written = filler.write(chunk);
        if (written <= 0)
            break;
        total += written;
        if (written < chunk.size())
            break;
    }
    // The last pages' worth, byte-sized, so that not even a small write fits.
    while (filler.write("x", 1) == 1)
        ++total;
    return total;
}

QStringList tst_AuditDiskFull::activity(const MainWindow &window) const
{
    QStringList messages;
    for (int row = 0; row < window.activityLog()->rowCount(); ++row)
        messages.append(window.activityLog()->entryAt(row).message);
    return messages;
}

void tst_AuditDiskFull::fullDuringIngestAndKill()
{
    QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox")));
    QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MemorySecretStore secrets;
    const QString cachePath = m_mount + QStringLiteral("/audit.sqlite");
    ConsoleController controller(settings, TestAudit::openWriter(cachePath), &secrets);
    controller.setInboxLocation(m_dir.filePath(QStringLiteral("inbox.sqlite")));
    controller.setSandboxAgentEnabled(false);
    MainWindow window(&controller);
    window.resize(1500, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    controller.start(true);
    QTRY_VERIFY_WITH_TIMEOUT(controller.initialLoadDone(), 10000);

    QString featbit;
    controller.addServerConnection(featBitConnection(m_featbit, {}, {}), FeatBitTestServer::AccessToken,
                                   [&featbit](const QString &id, const QString &error) {
                                       QVERIFY2(error.isEmpty(), qPrintable(error));
                                       featbit = id;
                                   });
    QTRY_VERIFY(!featbit.isEmpty());
    const FlagRef killed{featbit, QStringLiteral("support-bot/prod"), QStringLiteral("route-0")};
    QTRY_VERIFY_WITH_TIMEOUT(controller.flagStore()->find(killed), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.server(featbit)->state(), ConnectionState::Connected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(controller.auditSync(featbit) && controller.auditSync(featbit)->isCaughtUp(), 10000);
    AuditWriter *writer = controller.auditWriter();
    writer->flush();
    QCOMPARE(writer->unwrittenCount(), 0);

    // The disk is full.
    const qint64 filled = fill(m_mount + QStringLiteral("/filler"));
    QVERIFY2(filled > 0, "the filler could not be written");

    // People change flags in FeatBit's UI; the console syncs their history as it goes.
    for (int i = 1; i < 6; ++i)
        m_featbit.changeFlag(m_environment, QStringLiteral("route-%1").arg(i),
                             [](QJsonObject &object) { object.insert(QStringLiteral("isEnabled"), false); },
                             QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"));
    QTRY_VERIFY_WITH_TIMEOUT(activity(window).filter(QStringLiteral("cannot write")).size() == 1, 10000);
    // And someone kills a flag from the console.
    std::optional<ConfirmedChanges::Outcome> outcome;
    controller.killSwitch()->kill({killed}, QStringLiteral("incident 4711"), std::nullopt,
                                  [&outcome](const ConfirmedChanges::Outcome &ended) { outcome = ended; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY2(outcome->confirmed, qPrintable(outcome->reason));
    // It reached FeatBit, once, whatever the disk.
    QCOMPARE(m_featbit.timesTurnedOff(m_environment, killed.key), 1);
    QVERIFY(!m_featbit.flag(m_environment, killed.key).value(QStringLiteral("isEnabled")).toBool());
    // Its history arrives too; the cache cannot take any of it yet.
    controller.auditSync(featbit)->syncSoon();
    QTRY_VERIFY_WITH_TIMEOUT(controller.auditSync(featbit)->entriesFetched() >= m_featbit.auditLogCount(m_environment), 10000);
    QTest::qWait(AuditWriter::RetryDelayMs * 3); // retries, each failing again
    QVERIFY(writer->unwrittenCount() >= 2 + 6); // at least the kill's two entries and the new history
    const QStringList whileFull = activity(window);
    const QStringList told = whileFull.filter(QStringLiteral("cannot write"));
    QVERIFY2(told.size() == 1, qPrintable(whileFull.join(u'\n'))); // told once, not at every retry
    QVERIFY2(told.first().contains(cachePath) && told.first().contains(QStringLiteral("kept in memory")),
             qPrintable(told.first()));
    QVERIFY2(told.first().contains(QStringLiteral("database or disk is full")), qPrintable(told.first())); // SQLite's words

    // Space returns.
    QVERIFY(QFile::remove(m_mount + QStringLiteral("/filler")));
    QTRY_VERIFY_WITH_TIMEOUT(writer->unwrittenCount() == 0, AuditWriter::RetryDelayMs * 5);
    QTRY_VERIFY_WITH_TIMEOUT(activity(window).filter(QStringLiteral("writes again")).size() == 1, 5000);

    // Nothing lost, nothing twice, nothing altered.
    writer->flush();
    AuditCache cache;
    QVERIFY(cache.open(cachePath));
    QSqlQuery query(cache.database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*), count(DISTINCT source_id) FROM audit_events WHERE server = '%1' "
                                      "AND source_id LIKE 'audit-log:%'")
                           .arg(featbit)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), m_featbit.auditLogCount(m_environment));
    QCOMPARE(query.value(1).toInt(), m_featbit.auditLogCount(m_environment));
    QCOMPARE(TestAudit::consoleOutcomes(cache, killed, QStringLiteral("kill")),
             (QStringList{QStringLiteral("requested"), QStringLiteral("confirmed")}));
    const AuditVerification verified = verifyAuditChains(cache);
    QVERIFY2(verified.intact, qPrintable(verified.problem + verified.readError));
}

int main(int argc, char *argv[])
{
    // Before QApplication: a process with threads cannot enter a namespace of its own.
    g_mountProblem = PrivateMount::enter();
    QApplication app(argc, argv);
    tst_AuditDiskFull test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_auditdiskfull.moc"
