#include "store/auditcache.h"
#include "store/auditexporter.h"
#include "testresult.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

class tst_AuditExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void ndjsonHasOneObjectPerLineWithStableFields();
    void csvQuotesAndDisarmsFormulas();
    void filterSelectsOldestFirst();

private:
    QByteArray exported(AuditExportFormat format, const AuditFilter &filter = {});

    QTemporaryDir m_dir;
    AuditCache m_cache;
};

void tst_AuditExporter::init()
{
    QVERIFY(m_dir.isValid());
    if (m_cache.isOpen())
        return;
    VERIFY_OK(m_cache.open(m_dir.filePath(QStringLiteral("audit.sqlite"))));
    AuditBatch batch;
    for (int i = 0; i < 3; ++i) {
        AuditEntry entry;
        entry.server = QStringLiteral("sandbox");
        entry.environment = QStringLiteral("production");
        entry.flagKey = i == 2 ? QStringLiteral("answer-reranker") : QStringLiteral("chat-model-route");
        entry.action = QStringLiteral("kill");
        entry.outcome = QStringLiteral("confirmed");
        entry.actor = i == 1 ? QStringLiteral("=HYPERLINK(\"http://x\")") : QStringLiteral("alice");
        entry.actorKind = ActorKind::Human;
        entry.timeMs = 1763700000000 - i * 1000; // written newest first
        entry.sourceId = QStringLiteral("console:%1").arg(i);
        entry.before = QJsonObject{{QStringLiteral("enabled"), true}};
        entry.after = QJsonObject{{QStringLiteral("enabled"), false}};
        entry.comment = i == 0 ? QStringLiteral("line one\nline \"two\", with a comma") : QString();
        batch.entries.append(entry);
    }
    VERIFY_OK(m_cache.write(batch));
}

QByteArray tst_AuditExporter::exported(AuditExportFormat format, const AuditFilter &filter)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (const Result<qint64> written = AuditExporter::write(m_cache, filter, format, &buffer); !written)
        qWarning("%s", qPrintable(written.error()));
    return buffer.data();
}

void tst_AuditExporter::ndjsonHasOneObjectPerLineWithStableFields()
{
    const QList<QByteArray> lines = exported(AuditExportFormat::Ndjson).split('\n');
    QCOMPARE(lines.size(), 4); // three objects and the final newline
    QVERIFY(lines.last().isEmpty());
    QJsonParseError error;
    const QJsonObject oldest = QJsonDocument::fromJson(lines.first(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QStringList keys = oldest.keys();
    QStringList expected = AuditExporter::fieldNames();
    keys.sort();
    expected.sort();
    QCOMPARE(keys, expected);
    QCOMPARE(oldest.value(QStringLiteral("time")).toString(), QStringLiteral("2025-11-21T04:39:58.000Z"));
    QCOMPARE(oldest.value(QStringLiteral("time_ms")).toInteger(), 1763699998000);
    QCOMPARE(oldest.value(QStringLiteral("after")).toObject().value(QStringLiteral("enabled")), QJsonValue(false));
    QCOMPARE(oldest.value(QStringLiteral("chain_seq")).toInteger(), 3);
    QCOMPARE(oldest.value(QStringLiteral("hash")).toString().size(), 64);
    QCOMPARE(oldest.value(QStringLiteral("actor_kind")).toString(), QStringLiteral("human"));
}

void tst_AuditExporter::csvQuotesAndDisarmsFormulas()
{
    const QByteArray csv = exported(AuditExportFormat::Csv);
    QVERIFY(csv.startsWith(AuditExporter::fieldNames().join(u',').toUtf8() + "\r\n"));
    QVERIFY(csv.contains("'=HYPERLINK(\"\"http://x\"\")"));
    QVERIFY(!csv.contains(",=HYPERLINK"));
    QVERIFY(csv.contains("\"line one\nline \"\"two\"\", with a comma\""));
    QVERIFY(csv.contains("\"{\"\"enabled\"\":true}\""));
    QCOMPARE(csv.count("\r\n"), 4);
}

void tst_AuditExporter::filterSelectsOldestFirst()
{
    AuditFilter filter;
    filter.flagKey = QStringLiteral("chat-model-route");
    const QList<QByteArray> lines = exported(AuditExportFormat::Ndjson, filter).split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object().value(QStringLiteral("source_id")).toString(),
             QStringLiteral("console:1"));
    QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(QStringLiteral("source_id")).toString(),
             QStringLiteral("console:0"));
}

QTEST_GUILESS_MAIN(tst_AuditExporter)
#include "tst_auditexporter.moc"
