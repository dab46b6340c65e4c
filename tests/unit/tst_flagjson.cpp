#include "connectors/sandbox/sandboxdatabase.h"
#include "core/flagjson.h"
#include "core/jsonreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class tst_FlagJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsValidFlag();
    void roundTrip();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void capsDocumentSize();
    void reportsParseErrorOffset();
    void sandboxSeedIsValid();
    void seedErrorsNameTheFlag();
};

namespace {

QJsonObject validFlag()
{
    return QJsonObject{
        {QStringLiteral("key"), QStringLiteral("support-assistant-route")},
        {QStringLiteral("name"), QStringLiteral("Support assistant route")},
        {QStringLiteral("description"), QStringLiteral("Route of the support assistant")},
        {QStringLiteral("valueType"), QStringLiteral("string")},
        {QStringLiteral("variations"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("baseline")},
                                {QStringLiteral("name"), QStringLiteral("Baseline")},
                                {QStringLiteral("value"), QStringLiteral("baseline_profile")}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("candidate")},
                                {QStringLiteral("name"), QStringLiteral("Candidate")},
                                {QStringLiteral("value"), QStringLiteral("citation_first_v2")}}}},
        {QStringLiteral("offVariation"), QStringLiteral("baseline")},
        {QStringLiteral("enabled"), true},
        {QStringLiteral("revision"), QStringLiteral("r1")},
        {QStringLiteral("rollout"),
         QJsonArray{QJsonObject{{QStringLiteral("variation"), QStringLiteral("baseline")}, {QStringLiteral("basisPoints"), 9500}},
                    QJsonObject{{QStringLiteral("variation"), QStringLiteral("candidate")}, {QStringLiteral("basisPoints"), 500}}}},
        {QStringLiteral("tags"), QJsonArray{QStringLiteral("retrieval_profile")}},
        {QStringLiteral("updatedAt"), 1763700000000.0},
    };
}

// Applies a change to the valid flag at a path like "variations/0/id" (an empty value removes it).
QJsonObject withChange(const QString &path, const QJsonValue &value)
{
    const QStringList parts = path.split(QLatin1Char('/'));
    std::function<QJsonValue(QJsonValue, int)> apply = [&](QJsonValue node, int depth) -> QJsonValue {
        const QString &part = parts.at(depth);
        const bool last = depth == parts.size() - 1;
        if (node.isArray()) {
            QJsonArray array = node.toArray();
            const int i = part.toInt();
            array[i] = last ? value : apply(array.at(i), depth + 1);
            return array;
        }
        QJsonObject object = node.toObject();
        if (last && value.isUndefined())
            object.remove(part);
        else
            object[part] = last ? value : apply(object.value(part), depth + 1);
        return object;
    };
    return apply(validFlag(), 0).toObject();
}

} // namespace

void tst_FlagJson::readsValidFlag()
{
    const Result<Flag> flag = flagFromJson(validFlag(), QStringLiteral("flag"));
    QVERIFY2(flag.ok(), qPrintable(flag.error()));
    QCOMPARE(flag->key, QStringLiteral("support-assistant-route"));
    QCOMPARE(flag->variations.size(), 2);
    QCOMPARE(flag->rollout.basisPointsOf(QStringLiteral("candidate")), 500);
    QCOMPARE(flag->updatedAtMs, 1763700000000);
    QVERIFY(flag->enabled);
}

void tst_FlagJson::roundTrip()
{
    const Result<Flag> flag = flagFromJson(validFlag(), QString());
    QVERIFY(flag.ok());
    const Result<Flag> again = flagFromJson(flagToJson(flag.value()), QString());
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(again.value(), flag.value());
}

void tst_FlagJson::rejectsBadInput_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("error");
    const QJsonValue removed(QJsonValue::Undefined);
    QTest::newRow("missing key") << withChange(QStringLiteral("key"), removed) << QStringLiteral("flag.key: is missing");
    QTest::newRow("key is a number") << withChange(QStringLiteral("key"), 42) << QStringLiteral("flag.key: expected text");
    QTest::newRow("key with space") << withChange(QStringLiteral("key"), QStringLiteral("two words"))
                                    << QStringLiteral("flag.key: \"two words\" is not a valid key");
    QTest::newRow("empty key") << withChange(QStringLiteral("key"), QString()) << QStringLiteral("is not a valid key");
    QTest::newRow("unknown type") << withChange(QStringLiteral("valueType"), QStringLiteral("float"))
                                  << QStringLiteral("flag.valueType: \"float\" is not");
    QTest::newRow("enabled as text") << withChange(QStringLiteral("enabled"), QStringLiteral("true"))
                                     << QStringLiteral("flag.enabled: expected true or false");
    QTest::newRow("variations not a list") << withChange(QStringLiteral("variations"), QJsonObject())
                                           << QStringLiteral("flag.variations: expected a list");
    QTest::newRow("variation not an object") << withChange(QStringLiteral("variations/1"), 3)
                                             << QStringLiteral("flag.variations[1]: expected an object");
    QTest::newRow("variation without id") << withChange(QStringLiteral("variations/0/id"), removed)
                                          << QStringLiteral("flag.variations[0].id: is missing");
    QTest::newRow("fractional basis points") << withChange(QStringLiteral("rollout/1/basisPoints"), 499.5)
                                             << QStringLiteral("flag.rollout[1].basisPoints: expected a whole number");
    QTest::newRow("basis points out of range") << withChange(QStringLiteral("rollout/1/basisPoints"), 20000)
                                               << QStringLiteral("outside 0..10000");
    QTest::newRow("shares do not sum") << withChange(QStringLiteral("rollout/1/basisPoints"), 400)
                                       << QStringLiteral("the shares sum to 99%, not 100%");
    QTest::newRow("rollout names unknown variation") << withChange(QStringLiteral("rollout/1/variation"), QStringLiteral("ghost"))
                                                     << QStringLiteral("\"ghost\", which is not one of the flag's variations");
    QTest::newRow("unknown off variation") << withChange(QStringLiteral("offVariation"), QStringLiteral("ghost"))
                                           << QStringLiteral("off variation \"ghost\"");
    QTest::newRow("duplicate variation") << withChange(QStringLiteral("variations/1/id"), QStringLiteral("baseline"))
                                         << QStringLiteral("used twice");
    QTest::newRow("tags not text") << withChange(QStringLiteral("tags/0"), true) << QStringLiteral("flag.tags: item 0 is not text");
    QTest::newRow("time far in the future") << withChange(QStringLiteral("updatedAt"), 1e18) << QStringLiteral("flag.updatedAt:");
    QTest::newRow("time negative") << withChange(QStringLiteral("updatedAt"), -5) << QStringLiteral("flag.updatedAt:");
}

void tst_FlagJson::rejectsBadInput()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, error);
    const Result<Flag> flag = flagFromJson(json, QStringLiteral("flag"));
    QVERIFY(!flag.ok());
    QVERIFY2(flag.error().contains(error), qPrintable(QStringLiteral("got: ") + flag.error()));
}

void tst_FlagJson::capsDocumentSize()
{
    const QByteArray big = QByteArray("[\"") + QByteArray(2048, 'x') + QByteArray("\"]");
    const Result<QJsonDocument> document = parseJsonDocument(big, 1024, QStringLiteral("the reply"));
    QVERIFY(!document.ok());
    QVERIFY2(document.error().contains(QStringLiteral("more than the 1024 bytes")), qPrintable(document.error()));
}

void tst_FlagJson::reportsParseErrorOffset()
{
    const Result<QJsonDocument> document = parseJsonDocument("{\"key\": tru}", 1024, QStringLiteral("the reply"));
    QVERIFY(!document.ok());
    QVERIFY2(document.error().startsWith(QStringLiteral("the reply is not valid JSON")), qPrintable(document.error()));
    QVERIFY2(document.error().contains(QStringLiteral("at byte")), qPrintable(document.error()));
}

void tst_FlagJson::sandboxSeedIsValid()
{
    QFile seed(QStringLiteral(":/sandbox/seed.json"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    const auto flags = SandboxDatabase::readSeed(seed.readAll());
    QVERIFY2(flags.ok(), qPrintable(flags.error()));
    QCOMPARE(flags->keys(), (QStringList{QStringLiteral("production"), QStringLiteral("staging")}));
}

void tst_FlagJson::seedErrorsNameTheFlag()
{
    QJsonObject broken = validFlag();
    broken.remove(QStringLiteral("revision"));
    const QJsonObject seed{{QStringLiteral("environments"),
                            QJsonObject{{QStringLiteral("production"), QJsonArray{validFlag(), broken}}}}};
    const auto flags = SandboxDatabase::readSeed(QJsonDocument(seed).toJson());
    QVERIFY(!flags.ok());
    QCOMPARE(flags.error(), QStringLiteral("environments.production[1].revision: is missing"));
}

QTEST_GUILESS_MAIN(tst_FlagJson)
#include "tst_flagjson.moc"
