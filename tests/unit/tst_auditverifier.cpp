#include "store/auditcache.h"
#include "store/auditchain.h"
#include "store/auditverifier.h"
#include "testresult.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Builds a cache with two servers' chains, then changes the file the way someone editing it by
// hand would, and checks that verification names the first entry that no longer holds.
class tst_AuditVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intactCacheVerifies();
    void emptyCacheVerifies();
    void textBeyondAsciiVerifies();
    void tamperingIsFound_data();
    void tamperingIsFound();
    void aHashIsSha256OfTheDocumentedEncoding();
};

namespace {

Result<qint64> fillCache(AuditCache &cache, const QString &path)
{
    if (const Result<void> opened = cache.open(path); !opened)
        return Result<qint64>::failure(opened.error());
    AuditBatch batch;
    for (int i = 1; i <= 10; ++i) {
        AuditEntry entry;
        entry.server = i % 2 ? QStringLiteral("alpha") : QStringLiteral("beta");
        entry.environment = QStringLiteral("production");
        entry.flagKey = QStringLiteral("flag-%1").arg(i);
        entry.action = QStringLiteral("set_rollout");
        entry.outcome = QStringLiteral("applied");
        entry.actor = QStringLiteral("alice");
        entry.timeMs = 1763700000000 + i * 1000;
        entry.sourceId = QString::number(i);
        entry.before = QJsonObject{{QStringLiteral("enabled"), true}};
        entry.after = QJsonObject{{QStringLiteral("enabled"), false}};
        batch.entries.append(entry);
    }
    return cache.write(batch);
}

} // namespace

void tst_AuditVerifier::intactCacheVerifies()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(fillCache(cache, dir.filePath(QStringLiteral("audit.sqlite"))));
    const AuditVerification result = verifyAuditChains(cache);
    QVERIFY2(result.intact, qPrintable(result.problem));
    QCOMPARE(result.entriesChecked, 10);
    QCOMPARE(result.heads.size(), 2);
    QCOMPARE(result.heads.at(0).server, QStringLiteral("alpha"));
    QCOMPARE(result.heads.at(0).chainSeq, 5);
    QCOMPARE(result.heads.at(0).hash.size(), 64);
}

void tst_AuditVerifier::emptyCacheVerifies()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))));
    QVERIFY(verifyAuditChains(cache).intact);
}

// The verifier hashes the bytes SQLite holds; they are the bytes the writer hashed, whatever the
// script, and a lone surrogate was stored as the U+FFFD it was hashed as.
void tst_AuditVerifier::textBeyondAsciiVerifies()
{
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(cache.open(dir.filePath(QStringLiteral("audit.sqlite"))));
    AuditEntry entry;
    entry.server = QStringLiteral("prüfung");
    entry.environment = QStringLiteral("生产");
    entry.flagKey = QStringLiteral("chat-model-route");
    entry.action = QStringLiteral("set_rollout");
    entry.outcome = QStringLiteral("applied");
    entry.actor = QStringLiteral("Jürgen 🚀");
    entry.timeMs = 1763700000000;
    entry.sourceId = QStringLiteral("ü-1");
    entry.after = QJsonObject{{QStringLiteral("prompt"), QStringLiteral("Antworte höflich, 请简短")}};
    entry.comment = QStringLiteral("lone ") + QChar(0xD800) + QStringLiteral(" surrogate");
    AuditBatch batch;
    batch.entries.append(entry);
    VERIFY_OK(cache.write(batch));
    const AuditVerification result = verifyAuditChains(cache);
    QVERIFY2(result.intact, qPrintable(result.problem));
    QCOMPARE(result.entriesChecked, 1);

    QSqlQuery edit(cache.database());
    QVERIFY(edit.exec(QStringLiteral("UPDATE audit_events SET actor = 'Jurgen 🚀'")));
    QVERIFY(verifyAuditChains(cache).problem.contains(QStringLiteral("server \"prüfung\" entry #1")));
}

void tst_AuditVerifier::tamperingIsFound_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("problem");
    // Row 3 is alpha #2, row 5 alpha #3, row 9 alpha #5 (the last), row 10 beta #5.
    QTest::newRow("actor changed") << "UPDATE audit_events SET actor = 'mallory' WHERE id = 5"
                                   << "server \"alpha\" entry #3 (row 5, flag flag-5";
    QTest::newRow("time changed") << "UPDATE audit_events SET time_ms = time_ms + 1 WHERE id = 3"
                                  << "entry #2 (row 3, flag flag-3";
    QTest::newRow("before changed") << "UPDATE audit_events SET before_json = '{\"enabled\":false}' WHERE id = 10"
                                    << "server \"beta\" entry #5 (row 10";
    QTest::newRow("comment added") << "UPDATE audit_events SET comment = 'approved' WHERE id = 1"
                                   << "entry #1 (row 1";
    QTest::newRow("middle deleted") << "DELETE FROM audit_events WHERE id = 5"
                                    << "server \"alpha\" entry #3 is missing";
    QTest::newRow("last deleted") << "DELETE FROM audit_events WHERE id = 9"
                                  << "server \"alpha\" entries #5 to #5 are missing from the end";
    QTest::newRow("all of one server deleted") << "DELETE FROM audit_events WHERE server = 'beta'"
                                               << "server \"beta\" entries #1 to #5 are all missing";
    QTest::newRow("row added by hand")
        << "INSERT INTO audit_events (server, environment, flag_key, action, outcome, actor, actor_kind, time_ms, "
           "source_id, comment) VALUES ('alpha', 'production', 'flag-x', 'kill', 'applied', 'eve', 'human', 1, 'x', '')"
        << "outside the hash chain";
    // Someone who recomputes the altered entry's own hash still breaks the link to the next one.
    QTest::newRow("hash recomputed") << "UPDATE audit_events SET actor = 'mallory', hash = 'f00d' WHERE id = 3"
                                     << "server \"alpha\" entry #2 was altered or replaced";
    QTest::newRow("head moved back") << "UPDATE audit_chain_heads SET chain_seq = 4 WHERE server = 'alpha'"
                                     << "server \"alpha\" chain head does not match";
}

void tst_AuditVerifier::tamperingIsFound()
{
    QFETCH(QString, edit);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    AuditCache cache;
    VERIFY_OK(fillCache(cache, dir.filePath(QStringLiteral("audit.sqlite"))));
    if (QTest::currentDataTag() == QByteArray("hash recomputed")) {
        // Make the altered row consistent with itself, as a careful forger would.
        QSqlQuery row(cache.database());
        QVERIFY(row.exec(QStringLiteral("SELECT chain_seq, prev_hash, %1 FROM audit_events WHERE id = 3")
                             .arg(AuditCache::entryColumns())));
        QVERIFY(row.next());
        QStringList texts = AuditCache::storedChainTexts(row, 2);
        texts[5] = QStringLiteral("mallory"); // actor
        edit.replace(QStringLiteral("'f00d'"),
                     QStringLiteral("'%1'").arg(QString::fromLatin1(
                         AuditChain::hash(row.value(0).toLongLong(), row.value(1).toByteArray(), texts))));
    }
    QSqlQuery query(cache.database());
    QVERIFY2(query.exec(edit), qPrintable(query.lastError().text()));
    const AuditVerification result = verifyAuditChains(cache);
    QVERIFY(!result.intact);
    QVERIFY2(result.problem.contains(problem), qPrintable(result.problem));
}


// Caches written before any change of implementation must still verify: the hash is SHA-256 of
// "<length>:<bytes>" parts (position, previous hash, each column), computed here independently.
void tst_AuditVerifier::aHashIsSha256OfTheDocumentedEncoding()
{
    const QStringList columns = {QStringLiteral("alpha"), QStringLiteral("production"), QStringLiteral("chat-model-route"),
                                 QStringLiteral("kill"), QStringLiteral("confirmed"), QStringLiteral("Zoë"),
                                 QStringLiteral("human"), QStringLiteral("1763700000000"), QStringLiteral("42"),
                                 QStringLiteral("{\"enabled\":true}"), QStringLiteral("{\"enabled\":false}"), QString()};
    const QByteArray previous = AuditChain::genesis();
    QByteArray encoded = "2:17" + QByteArray::number(previous.size()) + ':' + previous;
    for (const QString &column : columns)
        encoded += QByteArray::number(column.toUtf8().size()) + ':' + column.toUtf8();
    QCOMPARE(AuditChain::hash(17, previous, columns), QCryptographicHash::hash(encoded, QCryptographicHash::Sha256).toHex());
}

QTEST_GUILESS_MAIN(tst_AuditVerifier)
#include "tst_auditverifier.moc"
