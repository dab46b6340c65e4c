// FeatBit's flags, data-sync messages, audit logs and stream token: on payloads from FeatBit's own
// repositories (fixtures/featbit) and on the token vectors of its evaluation server's tests.
#include "connectors/featbit/featbitpayloads.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

QJsonObject fixture(const QString &name)
{
    const QString folder = qEnvironmentVariable("FLAGDECK_FIXTURES", QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/unit/fixtures"));
    QFile file(folder + QStringLiteral("/featbit/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

const QString On = QStringLiteral("3da96792-debf-4878-905a-c9b5f9178cd0");
const QString Off = QStringLiteral("19cf9fb6-b790-4877-ab96-b5c5e73e0b46");

} // namespace

class tst_FeatBitPayloads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordedFlag();
    void recordedDataSync();
    void targetingKeepsEverythingButTheDefaultRule();
    void targetingRefusesUnknownVariations();
    void malformedFlags_data();
    void malformedFlags();
    void auditLogsInWords();
    void malformedAuditLogs();
    void tokenMatchesFeatBitsVectors();
    void otherStreamMessages();
};

void tst_FeatBitPayloads::recordedFlag()
{
    const auto flag = FeatBitPayloads::readFlag(fixture(QStringLiteral("flag-with-rules.json")), QStringLiteral("flag"));
    QVERIFY2(flag, qPrintable(flag.error()));
    QCOMPARE(flag->key, QStringLiteral("example"));
    QCOMPARE(flag->valueType, FlagValueType::Boolean);
    QCOMPARE(flag->offVariationId, Off);
    QCOMPARE(flag->variation(On)->value, QStringLiteral("true"));
    QCOMPARE(flag->variation(On)->name, QStringLiteral("true")); // no names in the store's objects
    QCOMPARE(flag->rollout, Rollout::everyoneGets(On));
    QCOMPARE(flag->updatedAtMs, QDateTime::fromString(QStringLiteral("2023-01-28T02:04:55.616Z"), Qt::ISODateWithMs).toMSecsSinceEpoch());
    QVERIFY(flag->revision.isEmpty());
}

void tst_FeatBitPayloads::recordedDataSync()
{
    auto message = FeatBitPayloads::readStreamMessage(fixture(QStringLiteral("data-sync-full.json")));
    QVERIFY2(message, qPrintable(message.error()));
    QCOMPARE(message->messageType, QStringLiteral("data-sync"));
    QVERIFY(message->dataSync.full);
    QCOMPARE(message->dataSync.flags.size(), 1);
    QVERIFY(FeatBitPayloads::readFlag(message->dataSync.flags.first(), QStringLiteral("f")));
    message = FeatBitPayloads::readStreamMessage(fixture(QStringLiteral("data-sync-patch.json")));
    QVERIFY(message);
    QVERIFY(!message->dataSync.full);
    QCOMPARE(FeatBitPayloads::readFlag(message->dataSync.flags.first(), QStringLiteral("f"))->name,
             QStringLiteral("[updated] returns true"));
}

void tst_FeatBitPayloads::targetingKeepsEverythingButTheDefaultRule()
{
    const QJsonObject flag = fixture(QStringLiteral("flag-with-rules.json"));
    const auto targeting = FeatBitPayloads::targetingWithRollout(flag, Rollout({{On, 500}, {Off, 9500}}));
    QVERIFY2(targeting, qPrintable(targeting.error()));
    QCOMPARE(targeting->value(QStringLiteral("rules")), flag.value(QStringLiteral("rules")));
    QCOMPARE(targeting->value(QStringLiteral("targetUsers")), flag.value(QStringLiteral("targetUsers")));
    const QJsonArray served = targeting->value(QStringLiteral("fallthrough")).toObject().value(QStringLiteral("variations")).toArray();
    QCOMPARE(served.size(), 2);
    QCOMPARE(served.at(0).toObject().value(QStringLiteral("rollout")).toArray(), (QJsonArray{0.0, 0.05}));
    QCOMPARE(served.at(1).toObject().value(QStringLiteral("rollout")).toArray(), (QJsonArray{0.05, 1.0}));
    QCOMPARE(served.at(0).toObject().value(QStringLiteral("exptRollout")).toDouble(), 1.0);
    // Read back, the ranges are the same basis points.
    QJsonObject written = flag;
    written.insert(QStringLiteral("fallthrough"), targeting->value(QStringLiteral("fallthrough")));
    QCOMPARE(FeatBitPayloads::readFlag(written, QStringLiteral("f"))->rollout, Rollout({{On, 500}, {Off, 9500}}));
}

void tst_FeatBitPayloads::targetingRefusesUnknownVariations()
{
    const auto targeting = FeatBitPayloads::targetingWithRollout(fixture(QStringLiteral("flag-with-rules.json")),
                                                                Rollout({{QStringLiteral("nope"), 10000}}));
    QVERIFY(!targeting);
    QVERIFY2(targeting.error().contains(QStringLiteral("nope")), qPrintable(targeting.error()));
}

void tst_FeatBitPayloads::malformedFlags_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("problem");
    QTest::newRow("key with spaces") << "key" << QJsonValue(QStringLiteral("a b")) << "key";
    QTest::newRow("unknown type") << "variationType" << QJsonValue(QStringLiteral("date")) << "variationType";
    QTest::newRow("enabled as text") << "isEnabled" << QJsonValue(QStringLiteral("yes")) << "isEnabled";
    QTest::newRow("off variation unknown") << "disabledVariationId" << QJsonValue(QStringLiteral("x")) << "off variation";
    QTest::newRow("ranges overlap")
        << "fallthrough"
        << QJsonValue(QJsonObject{{QStringLiteral("variations"),
                                   QJsonArray{QJsonObject{{QStringLiteral("id"), On}, {QStringLiteral("rollout"), QJsonArray{0, 0.6}}},
                                              QJsonObject{{QStringLiteral("id"), Off}, {QStringLiteral("rollout"), QJsonArray{0.5, 1}}}}}})
        << "overlap";
    QTest::newRow("ranges short of 1")
        << "fallthrough"
        << QJsonValue(QJsonObject{{QStringLiteral("variations"),
                                   QJsonArray{QJsonObject{{QStringLiteral("id"), On}, {QStringLiteral("rollout"), QJsonArray{0, 0.5}}}}}})
        << "sum";
    QTest::newRow("a bound not a number")
        << "fallthrough"
        << QJsonValue(QJsonObject{{QStringLiteral("variations"),
                                   QJsonArray{QJsonObject{{QStringLiteral("id"), On}, {QStringLiteral("rollout"), QJsonArray{0, QStringLiteral("1")}}}}}})
        << "two numbers";
    QTest::newRow("bad time") << "updatedAt" << QJsonValue(QStringLiteral("Tuesday")) << "updatedAt";
}

void tst_FeatBitPayloads::malformedFlags()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, problem);
    QJsonObject flag = fixture(QStringLiteral("flag-with-rules.json"));
    flag.insert(field, value);
    const auto read = FeatBitPayloads::readFlag(flag, QStringLiteral("flag"));
    QVERIFY(!read);
    QVERIFY2(read.error().contains(problem), qPrintable(read.error()));
}

void tst_FeatBitPayloads::auditLogsInWords()
{
    const QJsonObject envelope = fixture(QStringLiteral("audit-logs-page.json"));
    const auto logs = FeatBitPayloads::readAuditLogPage(envelope.value(QStringLiteral("data")).toObject(), QStringLiteral("fb"),
                                                        QStringLiteral("ai/prod"));
    QVERIFY2(logs, qPrintable(logs.error()));
    QCOMPARE(logs->size(), 3);
    const AuditEntry kill = logs->at(0).entry;
    QCOMPARE(kill.action, QStringLiteral("kill"));
    QCOMPARE(kill.flagKey, QStringLiteral("example"));
    QCOMPARE(kill.environment, QStringLiteral("ai/prod"));
    QCOMPARE(kill.actorKind, ActorKind::Token);
    QCOMPARE(kill.actor, QStringLiteral("on-call token"));
    QCOMPARE(kill.comment, QStringLiteral("turned off — incident 4711: answers time out"));
    QCOMPARE(kill.before.value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(kill.after.value(QStringLiteral("enabled")).toBool(), false);
    QCOMPARE(kill.sourceId, QStringLiteral("audit-log:6d3b7a4e-1f0a-4d8c-9a51-0a7f3c2b9e11"));

    const AuditEntry rollout = logs->at(1).entry;
    QCOMPARE(rollout.action, QStringLiteral("set_rollout"));
    QCOMPARE(rollout.actorKind, ActorKind::Human);
    QCOMPARE(rollout.comment, QStringLiteral("default rule changed"));
    QCOMPARE(rollout.after.value(QStringLiteral("rollout")).toArray().size(), 2);
    QCOMPARE(logs->at(2).entry.action, QStringLiteral("create"));
    QVERIFY(logs->at(2).entry.before.isEmpty());
}

void tst_FeatBitPayloads::malformedAuditLogs()
{
    QVERIFY(!FeatBitPayloads::readAuditLogPage(QJsonObject{{QStringLiteral("items"), 3}}, {}, {}));
    const QJsonObject noTime{{QStringLiteral("items"),
                              QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a")}, {QStringLiteral("operation"), QStringLiteral("Update")}}}}};
    const auto read = FeatBitPayloads::readAuditLogPage(noTime, {}, {});
    QVERIFY(!read);
    QVERIFY2(read.error().contains(QStringLiteral("items[0].createdAt")), qPrintable(read.error()));
    // A dataChange that is not JSON leaves the snapshot empty, not the entry unreadable.
    const QJsonObject garbled{{QStringLiteral("items"),
                               QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                                                      {QStringLiteral("operation"), QStringLiteral("Update")},
                                                      {QStringLiteral("createdAt"), QStringLiteral("2023-01-01T00:00:00Z")},
                                                      {QStringLiteral("dataChange"), QJsonObject{{QStringLiteral("current"), QStringLiteral("{not json")}}}}}}};
    const auto kept = FeatBitPayloads::readAuditLogPage(garbled, {}, {});
    QVERIFY(kept);
    QVERIFY(kept->first().entry.after.isEmpty());
}

void tst_FeatBitPayloads::tokenMatchesFeatBitsVectors()
{
    // From FeatBit's evaluation server tests: secret, time and split point give this token.
    QCOMPARE(FeatBitPayloads::connectionToken(QStringLiteral("v3faJy3RCUO8d-EJiVdN6waRfGjfNan02Ms9c0LiTD6w"), 1666018800754, 14),
             QStringLiteral("QBPBSv3faJy3RCUO8d-BDDDQBZZQQXHPEJiVdN6waRfGjfNan02Ms9c0LiTD6w"));
    // A split below 2 is raised to 2, as the SDKs do.
    QVERIFY(FeatBitPayloads::connectionToken(QStringLiteral("v3faJy3RCUO8d-EJiVdN6waRfGjfNan02Ms9c0LiTD6w"), 1666018800754, 0)
                .startsWith(QStringLiteral("QQWBSv3")));
}

void tst_FeatBitPayloads::otherStreamMessages()
{
    const auto pong = FeatBitPayloads::readStreamMessage(QJsonObject{{QStringLiteral("messageType"), QStringLiteral("pong")},
                                                                     {QStringLiteral("data"), QJsonObject()}});
    QVERIFY(pong);
    QCOMPARE(pong->messageType, QStringLiteral("pong"));
    QVERIFY(!FeatBitPayloads::readStreamMessage(QJsonObject{{QStringLiteral("data"), 1}}));
    const auto odd = FeatBitPayloads::readStreamMessage(
        QJsonObject{{QStringLiteral("messageType"), QStringLiteral("data-sync")},
                    {QStringLiteral("data"), QJsonObject{{QStringLiteral("eventType"), QStringLiteral("diff")}}}});
    QVERIFY(!odd);
    QVERIFY2(odd.error().contains(QStringLiteral("eventType")), qPrintable(odd.error()));
}

QTEST_GUILESS_MAIN(tst_FeatBitPayloads)
#include "tst_featbitpayloads.moc"
