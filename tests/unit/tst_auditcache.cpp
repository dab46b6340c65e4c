#include "store/auditcache.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class tst_AuditCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsSchemaAtCurrentVersion();
    void recordsAndReadsBack();
    void duplicateSourceIdIsIgnored();
    void refusesNewerSchema();
    void reopenKeepsEntries();
    void unwritableLocationIsAnError();
};

namespace {

AuditEntry entry(const QString &sourceId)
{
    AuditEntry entry;
    entry.server = QStringLiteral("sandbox");
    entry.environment = QStringLiteral("production");
    entry.flagKey = QStringLiteral("chat-model-route");
    entry.action = QStringLiteral("kill");
    entry.outcome = QStringLiteral("requested");
    entry.actor = QStringLiteral("alice");
    entry.actorKind = ActorKind::Human;
    entry.timeMs = 1763700000000;
    entry.sourceId = sourceId;
    entry.before = QJsonObject{{QStringLiteral("enabled"), true}};
    entry.after = QJsonObject{{QStringLiteral("enabled"), false}};
    entry.comment = QStringLiteral("incident 7");
    return entry;
}

int userVersion(const QString &path)
{
    const QString name = QStringLiteral("probe");
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
                version = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

} // namespace

void tst_AuditCache::createsSchemaAtCurrentVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/audit.sqlite"));
    {
        AuditCache cache;
        QCOMPARE(cache.open(path), QString());
        QVERIFY(cache.isOpen());
        QCOMPARE(cache.count(), 0);
    }
    QCOMPARE(userVersion(path), AuditCache::SchemaVersion);
}

void tst_AuditCache::recordsAndReadsBack()
{
    QTemporaryDir dir;
    AuditCache cache;
    QCOMPARE(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))), QString());
    QCOMPARE(cache.record(entry(QStringLiteral("console:1:requested"))), QString());
    AuditEntry second = entry(QStringLiteral("console:1:confirmed"));
    second.outcome = QStringLiteral("confirmed");
    QCOMPARE(cache.record(second), QString());
    const QList<AuditEntry> latest = cache.latest(10);
    QCOMPARE(latest.size(), 2);
    QCOMPARE(latest.first(), second);
    QCOMPARE(latest.last(), entry(QStringLiteral("console:1:requested")));
}

void tst_AuditCache::duplicateSourceIdIsIgnored()
{
    QTemporaryDir dir;
    AuditCache cache;
    QCOMPARE(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))), QString());
    QCOMPARE(cache.record(entry(QStringLiteral("42"))), QString());
    QCOMPARE(cache.record(entry(QStringLiteral("42"))), QString());
    QCOMPARE(cache.count(), 1);
    AuditEntry otherServer = entry(QStringLiteral("42"));
    otherServer.server = QStringLiteral("featbit-prod");
    QCOMPARE(cache.record(otherServer), QString());
    QCOMPARE(cache.count(), 2);
}

void tst_AuditCache::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    AuditCache cache;
    const QString error = cache.open(path);
    QVERIFY2(error.contains(QStringLiteral("newer FlagDeck")), qPrintable(error));
}

void tst_AuditCache::reopenKeepsEntries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
    {
        AuditCache cache;
        QCOMPARE(cache.open(path), QString());
        QCOMPARE(cache.record(entry(QStringLiteral("1"))), QString());
    }
    AuditCache cache;
    QCOMPARE(cache.open(path), QString());
    QCOMPARE(cache.count(), 1);
}

void tst_AuditCache::unwritableLocationIsAnError()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("file"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    AuditCache cache;
    QVERIFY(!cache.open(blocker + QStringLiteral("/audit.sqlite")).isEmpty());
    QVERIFY(!cache.record(entry(QStringLiteral("1"))).isEmpty());
}

QTEST_GUILESS_MAIN(tst_AuditCache)
#include "tst_auditcache.moc"
