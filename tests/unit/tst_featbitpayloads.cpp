// FeatBit's flags, data-sync messages, audit logs and stream token: on payloads written for these
// tests in FeatBit's shapes (fixtures/featbit), on the payloads of FeatBit's own SDK tests where
// they are kept beside the repository (../shared/reference/featbit-payloads), and on the token
// vectors of its evaluation server's tests.
#include "connectors/featbit/featbitpayloads.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Written by this project (see fixtures/featbit/README.md).
QJsonObject fixture(const QString &name)
{
    const QString folder = qEnvironmentVariable("FLAGDECK_FIXTURES", QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/unit/fixtures"));
    return readJson(folder + QStringLiteral("/featbit/") + name);
}

// FeatBit's own, kept outside the repository; empty when that folder is not there.
QString featBitPayloadsFolder()
{
    const QString folder = QStringLiteral(FLAGDECK_SOURCE_DIR "/../shared/reference/featbit-payloads");
    return QDir(folder).exists() ? folder : QString();
}

#define FEATBIT_PAYLOAD(name, into)                                                                                    \
    if (featBitPayloadsFolder().isEmpty())                                                                             \
        QSKIP("FeatBit's own payloads are not beside this repository (../shared/reference/featbit-payloads): "       \
              "this case needs them and is skipped");                                                                  \
    const QJsonObject into = readJson(featBitPayloadsFolder() + QStringLiteral("/") + QStringLiteral(name))

const QString Baseline = QStringLiteral("5e0c8a71-3d24-4b6f-a8e9-71c2d45f0b13");
const QString Candidate = QStringLiteral("a94f2d18-6b07-4c3e-b5d1-0e8c73f61a2d");

qint64 utcMs(int year, int month, int day, int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

class tst_FeatBitPayloads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flagWithRules();
    void dataSync();
    void featBitsRecordedFlag();
    void featBitsRecordedDataSync();
    void timesRoundDown_data();
    void timesRoundDown();
    void commentsFitFeatBitsColumns_data();
    void commentsFitFeatBitsColumns();
    void targetingKeepsEverythingButTheDefaultRule();
    void targetingRefusesUnknownVariations();
    void malformedFlags_data();
    void malformedFlags();
    void auditLogsInWords();
    void malformedAuditLogs();
    void tokenMatchesFeatBitsVectors();
    void otherStreamMessages();
};

void tst_FeatBitPayloads::flagWithRules()
{
    const auto flag = FeatBitPayloads::readFlag(fixture(QStringLiteral("support-route-flag.json")), QStringLiteral("flag"));
    QVERIFY2(flag, qPrintable(flag.error()));
    QCOMPARE(flag->key, QStringLiteral("support-assistant-route"));
    QCOMPARE(flag->valueType, FlagValueType::String);
    QCOMPARE(flag->offVariationId, Baseline);
    QCOMPARE(flag->variation(Candidate)->value, QStringLiteral("citation_first_v2"));
    QCOMPARE(flag->variation(Candidate)->name, QStringLiteral("citation_first_v2")); // no names in the store's objects
    QCOMPARE(flag->rollout, Rollout::everyoneGets(Baseline));
    // 27.918734 s: rounded down, not to the nearest millisecond.
    QCOMPARE(flag->updatedAtMs, utcMs(2026, 3, 9, 16, 45, 27, 918));
    QVERIFY(flag->revision.isEmpty());
}

void tst_FeatBitPayloads::dataSync()
{
    auto message = FeatBitPayloads::readStreamMessage(fixture(QStringLiteral("stream-full.json")));
    QVERIFY2(message, qPrintable(message.error()));
    QCOMPARE(message->messageType, QStringLiteral("data-sync"));
    QVERIFY(message->dataSync.full);
    QCOMPARE(message->dataSync.flags.size(), 1);
    QVERIFY(FeatBitPayloads::readFlag(message->dataSync.flags.first(), QStringLiteral("f")));
    message = FeatBitPayloads::readStreamMessage(fixture(QStringLiteral("stream-patch.json")));
    QVERIFY(message);
    QVERIFY(!message->dataSync.full);
    const auto patched = FeatBitPayloads::readFlag(message->dataSync.flags.first(), QStringLiteral("f"));
    QVERIFY2(patched, qPrintable(patched.error()));
    QCOMPARE(patched->name, QStringLiteral("support-assistant-route (v2 candidate)"));
    QCOMPARE(patched->updatedAtMs, utcMs(2026, 3, 10, 7, 2, 11, 555)); // .5550123: 100 ns digits
}

void tst_FeatBitPayloads::featBitsRecordedFlag()
{
    FEATBIT_PAYLOAD("flag-with-rules.json", object);
    const auto flag = FeatBitPayloads::readFlag(object, QStringLiteral("flag"));
    QVERIFY2(flag, qPrintable(flag.error()));
    QCOMPARE(flag->key, object.value(QStringLiteral("key")).toString());
    QCOMPARE(flag->valueType, FlagValueType::Boolean);
    QCOMPARE(flag->offVariationId, object.value(QStringLiteral("disabledVariationId")).toString());
    QCOMPARE(flag->variations.size(), 2);
    QCOMPARE(flag->rollout.shares().size(), 1);
    QVERIFY(flag->revision.isEmpty());
    // Its targeting survives a rollout change untouched.
    const QString first = flag->variations.first().id;
    const QString second = flag->variations.last().id;
    const auto targeting = FeatBitPayloads::targetingWithRollout(object, Rollout({{first, 2500}, {second, 7500}}));
    QVERIFY2(targeting, qPrintable(targeting.error()));
    QCOMPARE(targeting->value(QStringLiteral("rules")), object.value(QStringLiteral("rules")));
    QCOMPARE(targeting->value(QStringLiteral("targetUsers")), object.value(QStringLiteral("targetUsers")));
}

void tst_FeatBitPayloads::featBitsRecordedDataSync()
{
    FEATBIT_PAYLOAD("data-sync-full.json", full);
    auto message = FeatBitPayloads::readStreamMessage(full);
    QVERIFY2(message, qPrintable(message.error()));
    QCOMPARE(message->messageType, QStringLiteral("data-sync"));
    QVERIFY(message->dataSync.full);
    QVERIFY(!message->dataSync.flags.isEmpty());
    for (const QJsonObject &flag : std::as_const(message->dataSync.flags))
        QVERIFY(FeatBitPayloads::readFlag(flag, QStringLiteral("f")));
    FEATBIT_PAYLOAD("data-sync-patch.json", patch);
    message = FeatBitPayloads::readStreamMessage(patch);
    QVERIFY2(message, qPrintable(message.error()));
    QVERIFY(!message->dataSync.full);
    QVERIFY(FeatBitPayloads::readFlag(message->dataSync.flags.first(), QStringLiteral("f")));
}

void tst_FeatBitPayloads::timesRoundDown_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("microseconds");
    const qint64 second = utcMs(2026, 4, 2, 10, 15, 30, 0) * 1000;
    QTest::newRow("microseconds, upper half") << "2026-04-02T10:15:30.123600Z" << second + 123600;
    QTest::newRow("100 ns digits") << "2026-04-02T10:15:30.9999999Z" << second + 999999;
    QTest::newRow("milliseconds") << "2026-04-02T10:15:30.123Z" << second + 123000;
    QTest::newRow("whole seconds") << "2026-04-02T10:15:30Z" << second;
    QTest::newRow("offset") << "2026-04-02T12:15:30.5+02:00" << second + 500000;
}

void tst_FeatBitPayloads::timesRoundDown()
{
    QFETCH(QString, text);
    QFETCH(qint64, microseconds);
    QCOMPARE(FeatBitPayloads::microsecondsOf(text).value_or(-1), microseconds);
    QCOMPARE(FeatBitPayloads::millisecondsOf(text), microseconds / 1000);
    QVERIFY(!FeatBitPayloads::microsecondsOf(QStringLiteral("2026-04-02T10:15:30.Z")));
    QVERIFY(!FeatBitPayloads::microsecondsOf(QStringLiteral("Tuesday")));
}

void tst_FeatBitPayloads::commentsFitFeatBitsColumns_data()
{
    QTest::addColumn<QString>("comment");
    QTest::addColumn<bool>("kept");
    QTest::newRow("short") << QStringLiteral("incident 4711") << true;
    QTest::newRow("512 characters") << QString(512, QLatin1Char('x')) << true;
    QTest::newRow("513 characters") << QString(513, QLatin1Char('x')) << false;
    // 300 characters outside the BMP are 600 UTF-16 units: PostgreSQL counts 300.
    QString emoji;
    for (int i = 0; i < 300; ++i)
        emoji += QString::fromUcs4(U"\U0001F6A8");
    QTest::newRow("300 emoji") << emoji << true;
    QTest::newRow("4000 emoji") << emoji.repeated(14) << false;
    QTest::newRow("4000 umlauts") << QString(4000, QChar(0x00FC)) << false;
}

void tst_FeatBitPayloads::commentsFitFeatBitsColumns()
{
    QFETCH(QString, comment);
    QFETCH(bool, kept);
    const QString sent = FeatBitPayloads::serverComment(comment);
    QVERIFY(sent.toUcs4().size() <= FeatBitPayloads::MaxCommentCharacters);
    QCOMPARE(FeatBitPayloads::characterCount(comment), int(comment.toUcs4().size()));
    if (kept) {
        QCOMPARE(sent, comment);
        return;
    }
    QCOMPARE(sent.toUcs4().size(), FeatBitPayloads::MaxCommentCharacters);
    QVERIFY2(sent.contains(QStringLiteral("FlagDeck's audit log")), qPrintable(sent));
    // The start is kept, and no surrogate pair is cut in half.
    QVERIFY(comment.startsWith(sent.left(100)));
    QVERIFY(!sent.toUcs4().contains(0xFFFD));
    for (qsizetype i = 0; i < sent.size(); ++i) {
        if (sent.at(i).isHighSurrogate())
            QVERIFY(i + 1 < sent.size() && sent.at(i + 1).isLowSurrogate());
    }
}

void tst_FeatBitPayloads::targetingKeepsEverythingButTheDefaultRule()
{
    const QJsonObject flag = fixture(QStringLiteral("support-route-flag.json"));
    const auto targeting = FeatBitPayloads::targetingWithRollout(flag, Rollout({{Candidate, 500}, {Baseline, 9500}}));
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
    QCOMPARE(FeatBitPayloads::readFlag(written, QStringLiteral("f"))->rollout, Rollout({{Candidate, 500}, {Baseline, 9500}}));
}

void tst_FeatBitPayloads::targetingRefusesUnknownVariations()
{
    const auto targeting = FeatBitPayloads::targetingWithRollout(fixture(QStringLiteral("support-route-flag.json")),
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
                                   QJsonArray{QJsonObject{{QStringLiteral("id"), Candidate}, {QStringLiteral("rollout"), QJsonArray{0, 0.6}}},
                                              QJsonObject{{QStringLiteral("id"), Baseline}, {QStringLiteral("rollout"), QJsonArray{0.5, 1}}}}}})
        << "overlap";
    QTest::newRow("ranges short of 1")
        << "fallthrough"
        << QJsonValue(QJsonObject{{QStringLiteral("variations"),
                                   QJsonArray{QJsonObject{{QStringLiteral("id"), Candidate}, {QStringLiteral("rollout"), QJsonArray{0, 0.5}}}}}})
        << "sum";
    QTest::newRow("a bound not a number")
        << "fallthrough"
        << QJsonValue(QJsonObject{{QStringLiteral("variations"),
                                   QJsonArray{QJsonObject{{QStringLiteral("id"), Candidate}, {QStringLiteral("rollout"), QJsonArray{0, QStringLiteral("1")}}}}}})
        << "two numbers";
    QTest::newRow("bad time") << "updatedAt" << QJsonValue(QStringLiteral("Tuesday")) << "updatedAt";
}

void tst_FeatBitPayloads::malformedFlags()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, problem);
    QJsonObject flag = fixture(QStringLiteral("support-route-flag.json"));
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
    QCOMPARE(kill.flagKey, QStringLiteral("support-assistant-route"));
    QCOMPARE(kill.environment, QStringLiteral("ai/prod"));
    QCOMPARE(kill.actorKind, ActorKind::Token);
    QCOMPARE(kill.actor, QStringLiteral("on-call token"));
    QCOMPARE(kill.comment, QStringLiteral("turned off — incident 4711: answers time out"));
    QCOMPARE(kill.before.value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(kill.after.value(QStringLiteral("enabled")).toBool(), false);
    QCOMPARE(kill.sourceId, QStringLiteral("audit-log:c41e7a90-2f5d-4b38-96a1-0d7e3b8c52f4"));
    QCOMPARE(kill.timeMs, utcMs(2026, 3, 10, 9, 30, 12, 345));
    QCOMPARE(logs->at(0).createdAtUs, utcMs(2026, 3, 10, 9, 30, 12, 345) * 1000 + 678);

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
