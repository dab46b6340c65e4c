// Unleash's strategies to FlagDeck's rollouts and back, and its event log to audit entries: on
// payloads recorded from a real unleash-server (fixtures/unleash) and on hand-made edge cases.
#include "connectors/unleash/unleashevents.h"
#include "connectors/unleash/unleashmapping.h"
#include "core/tokenidentity.h"
#include "testresult.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

QJsonObject fixture(const QString &name)
{
    const QString folder = qEnvironmentVariable("FLAGDECK_FIXTURES", QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/unit/fixtures"));
    QFile file(folder + QStringLiteral("/unleash/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject environmentNamed(const QJsonObject &feature, const QString &name)
{
    for (const QJsonValue &value : feature.value(QStringLiteral("environments")).toArray()) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

QString rolloutText(const Rollout &rollout)
{
    QStringList parts;
    for (const VariationShare &share : rollout.shares())
        parts.append(QStringLiteral("%1=%2").arg(share.variationId).arg(share.basisPoints));
    return parts.join(QLatin1Char(' '));
}

QJsonObject strategy(const QJsonValue &rollout, const QJsonArray &variants, const QJsonArray &constraints = {})
{
    return {{QStringLiteral("id"), QStringLiteral("s1")},
            {QStringLiteral("name"), QStringLiteral("flexibleRollout")},
            {QStringLiteral("constraints"), constraints},
            {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("rollout"), rollout},
                                                       {QStringLiteral("stickiness"), QStringLiteral("userId")},
                                                       {QStringLiteral("groupId"), QStringLiteral("f")}}},
            {QStringLiteral("variants"), variants},
            {QStringLiteral("segments"), QJsonArray()}};
}

QJsonObject variant(const QString &name, int weight)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("weight"), weight},
            {QStringLiteral("weightType"), QStringLiteral("variable")}, {QStringLiteral("stickiness"), QStringLiteral("default")}};
}

QJsonObject feature(const QJsonArray &strategies)
{
    return {{QStringLiteral("name"), QStringLiteral("f")},
            {QStringLiteral("environments"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("production")},
                                    {QStringLiteral("enabled"), true},
                                    {QStringLiteral("strategies"), strategies}}}}};
}

} // namespace

class tst_UnleashMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordedFeatures();
    void exposure_data();
    void exposure();
    void write_data();
    void write();
    void writeKeepsTheStrategysFieldsAndFixesAllButOneWeight();
    void writeWithoutAnUntargetedStrategyAddsOne();
    void revisionIgnoresUsageCounts();
    void malformedFeatures_data();
    void malformedFeatures();
    void recordedEventLog();
    void malformedEvents_data();
    void malformedEvents();
    void whoseTokenUnleashSays_data();
    void whoseTokenUnleashSays();
};

void tst_UnleashMapping::recordedFeatures()
{
    const QJsonObject variants = fixture(QStringLiteral("feature-variants.json"));
    auto read = UnleashMapping::flagFromEnvironment(variants, environmentNamed(variants, QStringLiteral("development")));
    QVERIFY2(read, qPrintable(read.error()));
    QVERIFY(!read->flag.enabled);
    QCOMPARE(rolloutText(read->flag.rollout), QStringLiteral("baseline=3800 candidate=200 disabled=6000"));
    VERIFY_OK(read->flag.checkConsistency());
    QCOMPARE(read->rolloutProblem, QString());

    const QJsonObject boolean = fixture(QStringLiteral("feature-boolean.json"));
    read = UnleashMapping::flagFromEnvironment(boolean, environmentNamed(boolean, QStringLiteral("development")));
    QVERIFY(read);
    QVERIFY(read->flag.enabled);
    QCOMPARE(read->flag.valueType, FlagValueType::Boolean);
    QCOMPARE(rolloutText(read->flag.rollout), QStringLiteral("on=10000"));

    // Only a constrained strategy: chosen users get it, the default rule serves no one.
    const QJsonObject targeted = fixture(QStringLiteral("feature-targeted.json"));
    read = UnleashMapping::flagFromEnvironment(targeted, environmentNamed(targeted, QStringLiteral("production")));
    QVERIFY(read);
    QCOMPARE(rolloutText(read->flag.rollout), QStringLiteral("off=10000"));
}

void tst_UnleashMapping::exposure_data()
{
    QTest::addColumn<QJsonObject>("flag");
    QTest::addColumn<QString>("rollout");
    QTest::addColumn<QString>("problem");

    const QJsonArray split{variant(QStringLiteral("a"), 333), variant(QStringLiteral("b"), 333), variant(QStringLiteral("c"), 334)};
    QTest::newRow("boolean 5%") << feature({strategy(QStringLiteral("5"), {})}) << "on=500 off=9500" << "";
    QTest::newRow("numeric percentage") << feature({strategy(50, {})}) << "on=5000 off=5000" << "";
    QTest::newRow("zero") << feature({strategy(QStringLiteral("0"), {})}) << "off=10000" << "";
    QTest::newRow("no strategies serves everyone") << feature({}) << "on=10000" << "";
    QTest::newRow("three-way split at 100%") << feature({strategy(QStringLiteral("100"), split)}) << "a=3330 b=3330 c=3340" << "";
    QTest::newRow("three-way split at 10%") << feature({strategy(QStringLiteral("10"), split)}) << "a=333 b=333 c=334 disabled=9000" << "";
    QTest::newRow("three-way split at 5% falls between basis points")
        << feature({strategy(QStringLiteral("5"), split)}) << "" << "between basis points";
    QTest::newRow("fractional percentage") << feature({strategy(QStringLiteral("12.5"), {})}) << "" << "whole percentage";
    QTest::newRow("two untargeted strategies")
        << feature({strategy(QStringLiteral("10"), {}), strategy(QStringLiteral("20"), {})}) << "" << "2 strategies";
    QTest::newRow("a targeted strategy beside the default rule")
        << feature({strategy(QStringLiteral("100"), {}, {QJsonObject{{QStringLiteral("contextName"), QStringLiteral("userId")}}}),
                    strategy(QStringLiteral("25"), {})})
        << "on=2500 off=7500" << "";
}

void tst_UnleashMapping::exposure()
{
    QFETCH(QJsonObject, flag);
    QFETCH(QString, rollout);
    QFETCH(QString, problem);
    const auto read = UnleashMapping::flagFromEnvironment(flag, environmentNamed(flag, QStringLiteral("production")));
    QVERIFY2(read, qPrintable(read.error()));
    QCOMPARE(rolloutText(read->flag.rollout), rollout);
    QVERIFY2(read->rolloutProblem.contains(problem), qPrintable(read->rolloutProblem));
    QCOMPARE(read->rolloutProblem.isEmpty(), problem.isEmpty());
    if (problem.isEmpty())
        VERIFY_OK(read->flag.checkConsistency());
}

void tst_UnleashMapping::write_data()
{
    QTest::addColumn<QJsonArray>("variants");
    QTest::addColumn<Rollout>("target");
    QTest::addColumn<QString>("rollout"); // empty when refused
    QTest::addColumn<QString>("weights");
    QTest::addColumn<QString>("refusal");

    const QJsonArray pair{variant(QStringLiteral("a"), 500), variant(QStringLiteral("b"), 500)};
    QTest::newRow("boolean to 5%") << QJsonArray() << Rollout({{QStringLiteral("on"), 500}, {QStringLiteral("off"), 9500}})
                                   << "5" << "" << "";
    QTest::newRow("boolean 0.5% refused") << QJsonArray() << Rollout({{QStringLiteral("on"), 50}, {QStringLiteral("off"), 9950}})
                                          << "" << "" << "whole percents";
    QTest::newRow("variants 95/5 at 100%") << pair << Rollout({{QStringLiteral("a"), 9500}, {QStringLiteral("b"), 500}})
                                           << "100" << "a=950 b=50" << "";
    QTest::newRow("variants at 50%") << pair
                                     << Rollout({{QStringLiteral("a"), 4000}, {QStringLiteral("b"), 1000}, {QStringLiteral("disabled"), 5000}})
                                     << "50" << "a=800 b=200" << "";
    QTest::newRow("weights beyond 1/1000 refused")
        << pair << Rollout({{QStringLiteral("a"), 2000}, {QStringLiteral("b"), 1000}, {QStringLiteral("disabled"), 7000}})
        << "" << "" << "cannot express";
    QTest::newRow("unknown variation refused") << pair << Rollout({{QStringLiteral("z"), 10000}}) << "" << "" << "no variation";
}

void tst_UnleashMapping::write()
{
    QFETCH(QJsonArray, variants);
    QFETCH(Rollout, target);
    QFETCH(QString, rollout);
    QFETCH(QString, weights);
    QFETCH(QString, refusal);
    const QJsonObject flagJson = feature({strategy(QStringLiteral("100"), variants)});
    const QJsonObject environment = environmentNamed(flagJson, QStringLiteral("production"));
    const auto read = UnleashMapping::flagFromEnvironment(flagJson, environment);
    QVERIFY(read);
    const auto write = UnleashMapping::rolloutWrite(QStringLiteral("f"), environment, read->flag, target);
    if (!refusal.isEmpty()) {
        QVERIFY(!write);
        QVERIFY2(write.error().contains(refusal), qPrintable(write.error()));
        return;
    }
    QVERIFY2(write, qPrintable(write.error()));
    QCOMPARE(write->strategyId, QStringLiteral("s1"));
    QMap<QString, QJsonValue> patched;
    for (const QJsonValue &op : write->patch)
        patched.insert(op.toObject().value(QStringLiteral("path")).toString(), op.toObject().value(QStringLiteral("value")));
    QCOMPARE(patched.value(QStringLiteral("/parameters/rollout")).toString(), rollout);
    QStringList written;
    for (const QJsonValue &value : patched.value(QStringLiteral("/variants")).toArray())
        written.append(QStringLiteral("%1=%2").arg(value.toObject().value(QStringLiteral("name")).toString())
                           .arg(value.toObject().value(QStringLiteral("weight")).toInt()));
    QCOMPARE(written.join(QLatin1Char(' ')), weights);
}

void tst_UnleashMapping::writeKeepsTheStrategysFieldsAndFixesAllButOneWeight()
{
    QJsonObject withPayload = variant(QStringLiteral("a"), 500);
    withPayload.insert(QStringLiteral("payload"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                              {QStringLiteral("value"), QStringLiteral("profile-a")}});
    const QJsonObject flagJson = feature({strategy(QStringLiteral("100"), {withPayload, variant(QStringLiteral("b"), 500)})});
    const QJsonObject environment = environmentNamed(flagJson, QStringLiteral("production"));
    const auto read = UnleashMapping::flagFromEnvironment(flagJson, environment);
    QVERIFY(read);
    QCOMPARE(read->flag.variation(QStringLiteral("a"))->value, QStringLiteral("profile-a"));
    const auto write = UnleashMapping::rolloutWrite(QStringLiteral("f"), environment, read->flag,
                                                    Rollout({{QStringLiteral("a"), 9000}, {QStringLiteral("b"), 1000}}));
    QVERIFY(write);
    // Only the rollout and the variants are touched: stickiness, group id and constraints stay.
    QCOMPARE(write->patch.size(), 2);
    const QJsonArray variants = write->patch.at(1).toObject().value(QStringLiteral("value")).toArray();
    QCOMPARE(variants.at(0).toObject().value(QStringLiteral("weightType")).toString(), QStringLiteral("variable"));
    QCOMPARE(variants.at(1).toObject().value(QStringLiteral("weightType")).toString(), QStringLiteral("fix"));
    QCOMPARE(variants.at(0).toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("value")).toString(),
             QStringLiteral("profile-a"));
}

void tst_UnleashMapping::writeWithoutAnUntargetedStrategyAddsOne()
{
    const QJsonObject targeted = fixture(QStringLiteral("feature-targeted.json"));
    const QJsonObject environment = environmentNamed(targeted, QStringLiteral("production"));
    const auto read = UnleashMapping::flagFromEnvironment(targeted, environment);
    QVERIFY(read);
    const auto write = UnleashMapping::rolloutWrite(QStringLiteral("fallback.mode"), environment, read->flag,
                                                    Rollout({{QStringLiteral("on"), 500}, {QStringLiteral("off"), 9500}}));
    QVERIFY2(write, qPrintable(write.error()));
    QVERIFY(write->strategyId.isEmpty());
    QCOMPARE(write->newStrategy.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("rollout")).toString(),
             QStringLiteral("5"));
    QCOMPARE(write->newStrategy.value(QStringLiteral("constraints")).toArray().size(), 0);
}

void tst_UnleashMapping::revisionIgnoresUsageCounts()
{
    const QJsonObject variants = fixture(QStringLiteral("feature-variants.json"));
    QJsonObject environment = environmentNamed(variants, QStringLiteral("development"));
    const QString revision = UnleashMapping::revisionOf(environment);
    environment.insert(QStringLiteral("yes"), 4711);
    environment.insert(QStringLiteral("lastSeenAt"), QStringLiteral("2026-11-21T18:00:00.000Z"));
    QCOMPARE(UnleashMapping::revisionOf(environment), revision);
    environment.insert(QStringLiteral("enabled"), true);
    QVERIFY(UnleashMapping::revisionOf(environment) != revision);
}

void tst_UnleashMapping::malformedFeatures_data()
{
    QTest::addColumn<QJsonObject>("feature");
    QTest::addColumn<QString>("problem");
    QJsonObject noName = feature({});
    noName.remove(QStringLiteral("name"));
    QTest::newRow("no name") << noName << "name";
    QJsonObject strategiesText = feature({});
    QJsonArray environments = strategiesText.value(QStringLiteral("environments")).toArray();
    QJsonObject environment = environments.first().toObject();
    environment.insert(QStringLiteral("strategies"), QStringLiteral("all"));
    environments.replace(0, environment);
    strategiesText.insert(QStringLiteral("environments"), environments);
    QTest::newRow("strategies not a list") << strategiesText << "strategies";
    QTest::newRow("weight over 1000") << feature({strategy(QStringLiteral("100"), {variant(QStringLiteral("a"), 5000)})}) << "weight";
    QTest::newRow("a variant called disabled")
        << feature({strategy(QStringLiteral("100"), {variant(QStringLiteral("disabled"), 1000)})}) << "disabled";
}

void tst_UnleashMapping::malformedFeatures()
{
    QFETCH(QJsonObject, feature);
    QFETCH(QString, problem);
    const QJsonObject environment = feature.value(QStringLiteral("environments")).toArray().first().toObject();
    const auto read = UnleashMapping::flagFromEnvironment(feature, environment);
    QVERIFY(!read);
    QVERIFY2(read.error().contains(problem), qPrintable(read.error()));
}

void tst_UnleashMapping::recordedEventLog()
{
    const auto events = readUnleashEventPage(fixture(QStringLiteral("events-page.json")), QStringLiteral("un"));
    QVERIFY2(events, qPrintable(events.error()));
    QCOMPARE(events->size(), 17);
    QCOMPARE(events->first().id, 17); // newest first, as the server pages

    const auto byId = [&](qint64 id) {
        return *std::find_if(events->cbegin(), events->cend(), [id](const UnleashEvent &event) { return event.id == id; });
    };
    const AuditEntry kill = byId(15).entry;
    QCOMPARE(kill.action, QStringLiteral("kill"));
    QCOMPARE(kill.environment, QStringLiteral("default/development"));
    QCOMPARE(kill.flagKey, QStringLiteral("support.route"));
    QCOMPARE(kill.actor, QStringLiteral("flagdeck-it-admin"));
    QCOMPARE(kill.actorKind, ActorKind::Token);
    QCOMPARE(kill.sourceId, QStringLiteral("event:15"));
    QVERIFY(!kill.comment.contains(QStringLiteral("**")));
    QVERIFY(!kill.comment.contains(QStringLiteral("](")));

    const AuditEntry rollout = byId(14).entry;
    QCOMPARE(rollout.action, QStringLiteral("set_rollout"));
    QCOMPARE(rollout.before.value(QStringLiteral("rollout")).toArray().size(), 2);
    QCOMPARE(rollout.after.value(QStringLiteral("rollout")).toArray().size(), 3);
    QVERIFY(rollout.after.value(QStringLiteral("unleash")).isObject());

    const UnleashEvent token = byId(6);
    QCOMPARE(token.entry.action, QStringLiteral("api-token-created"));
    QVERIFY(token.entry.flagKey.isEmpty());
    QCOMPARE(byId(1).entry.actorKind, ActorKind::System);
}

void tst_UnleashMapping::malformedEvents_data()
{
    QTest::addColumn<QJsonObject>("page");
    QTest::addColumn<QString>("problem");
    const QJsonObject good{{QStringLiteral("id"), 3},
                           {QStringLiteral("type"), QStringLiteral("feature-created")},
                           {QStringLiteral("createdBy"), QStringLiteral("alice")},
                           {QStringLiteral("createdAt"), QStringLiteral("2026-11-21T13:28:22.962Z")}};
    const auto without = [&](const QString &key) {
        QJsonObject event = good;
        event.remove(key);
        return QJsonObject{{QStringLiteral("events"), QJsonArray{event}}};
    };
    const auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject event = good;
        event.insert(key, value);
        return QJsonObject{{QStringLiteral("events"), QJsonArray{event}}};
    };
    QTest::newRow("no events list") << QJsonObject{{QStringLiteral("events"), QStringLiteral("many")}} << "events";
    QTest::newRow("no id") << without(QStringLiteral("id")) << "events[0].id";
    QTest::newRow("id zero") << with(QStringLiteral("id"), 0) << "events[0].id";
    QTest::newRow("no time") << without(QStringLiteral("createdAt")) << "createdAt";
    QTest::newRow("not a time") << with(QStringLiteral("createdAt"), QStringLiteral("yesterday")) << "createdAt";
    QTest::newRow("type a number") << with(QStringLiteral("type"), 7) << "type";
    QTest::newRow("an event not an object") << QJsonObject{{QStringLiteral("events"), QJsonArray{1}}} << "events[0]";
}

void tst_UnleashMapping::malformedEvents()
{
    QFETCH(QJsonObject, page);
    QFETCH(QString, problem);
    const auto events = readUnleashEventPage(page, QStringLiteral("un"));
    QVERIFY(!events);
    QVERIFY2(events.error().contains(problem), qPrintable(events.error()));
}

void tst_UnleashMapping::whoseTokenUnleashSays_data()
{
    // GET /api/admin/user, as Unleash 8.2 answers it for each kind of token (and answers it can not give).
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("type");
    const int service = int(TokenIdentity::Kind::Service);
    const int personal = int(TokenIdentity::Kind::Personal);
    const int unknown = int(TokenIdentity::Kind::Unknown);
    QTest::newRow("admin API token")
        << QByteArray(R"({"user":{"username":"it-admin","permissions":["ADMIN"],"type":"admin","projects":["*"],"environment":"*"},"permissions":[]})")
        << service << QStringLiteral("it-admin") << QStringLiteral("admin");
    QTest::newRow("personal access token")
        << QByteArray(R"({"user":{"id":2,"name":"Alice","email":"alice@example.com","username":null,"isAPI":false},"permissions":[]})")
        << personal << QStringLiteral("alice@example.com") << QStringLiteral("personal access");
    QTest::newRow("a user without e-mail")
        << QByteArray(R"({"user":{"id":7,"username":"bob"}})") << personal << QStringLiteral("bob") << QStringLiteral("personal access");
    QTest::newRow("no user") << QByteArray(R"({"permissions":[]})") << unknown << QString() << QString();
    QTest::newRow("a user that is a string") << QByteArray(R"({"user":"alice"})") << unknown << QString() << QString();
    QTest::newRow("a token without a name") << QByteArray(R"({"user":{"type":"admin"}})") << unknown << QString() << QString();
    QTest::newRow("an id that is text is no person")
        << QByteArray(R"({"user":{"id":"2","username":"it-admin","type":"admin"}})") << service << QStringLiteral("it-admin")
        << QStringLiteral("admin");
}

void tst_UnleashMapping::whoseTokenUnleashSays()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, kind);
    QFETCH(QString, account);
    QFETCH(QString, type);
    const TokenIdentity identity = unleashTokenIdentity(QJsonDocument::fromJson(answer).object());
    QCOMPARE(int(identity.kind), kind);
    QCOMPARE(identity.account, account);
    QCOMPARE(identity.type, type);
    QCOMPARE(identity.server, QStringLiteral("Unleash"));
    // Whatever it said, the sheet has words for it.
    QVERIFY(!identity.text().isEmpty());
}

QTEST_GUILESS_MAIN(tst_UnleashMapping)
#include "tst_unleashmapping.moc"
