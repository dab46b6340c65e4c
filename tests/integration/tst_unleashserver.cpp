// The Unleash connector against a real unleash-server with PostgreSQL, both started here on
// 127.0.0.1. Every change FlagDeck makes is checked through the client API, which is what
// applications with a backend token see. Runs once per major version (tst_unleashserver_v5 …
// _v8, FLAGDECK_UNLEASH); the console-wide agreement check, which does not depend on the
// version, runs on CI's version only.
#include "connectors/serverreply.h"
#include "connectors/unleash/unleashserver.h"
#include "control/auditsync.h"
#include "flagagreement.h"
#include "metrics/exposuresource.h"
#include "revertcheck.h"
#include "store/connectionsettings.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"
#include "testconsole.h"
#include "testresult.h"
#include "unleashundertest.h"

#include <QDateTime>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString Development = QStringLiteral("default/development");
const QString Production = QStringLiteral("default/production");

QString rolloutText(const Rollout &rollout)
{
    QStringList parts;
    for (const VariationShare &share : rollout.shares())
        parts.append(QStringLiteral("%1=%2").arg(share.variationId).arg(share.basisPoints));
    parts.sort(); // Unleash may reorder variants when it stores them
    return parts.join(QLatin1Char(' '));
}

QJsonObject variant(const QString &name, int weight, const QString &weightType, const QString &payload = {})
{
    QJsonObject json{{QStringLiteral("name"), name},
                     {QStringLiteral("weight"), weight},
                     {QStringLiteral("weightType"), weightType},
                     {QStringLiteral("stickiness"), QStringLiteral("default")}};
    if (!payload.isEmpty())
        json.insert(QStringLiteral("payload"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                           {QStringLiteral("value"), payload}});
    return json;
}

} // namespace

class tst_UnleashServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsEveryProjectEnvironmentWithExactRollouts();
    void killAndRestoreAreWhatApplicationsSee();
    void rolloutChangeKeepsTheStrategysOtherFields();
    void rolloutWithAnUnexposedShareSetsThePercentage();
    void aStaleRevisionIsAConflict();
    void aRolloutUnleashCannotExpressIsRefused();
    void changesMadeElsewhereArriveByPolling();
    void auditSyncReadsTheEventLogAndResumes();
    void aWrongTokenSaysSo();
    void theTokenSaysWhoseItIs();
    void aTokenOfTheWrongKindFailsAtOnce_data();
    void aTokenOfTheWrongKindFailsAtOnce();
    void whatThisVersionLacksIsSaid();
    void aMissingFlagIsNotAMissingApi();
    void historyPagesBackOverManyPages();
    void usageReportedBySdksArrivesAsExposures();
    void everyConfirmedChangeAgreesEverywhere();
    void aChangeMadeElsewhereIsPutBack();
    void archiveTakesTheFeatureOutOfEveryEnvironment();

private:
    std::unique_ptr<UnleashServer> connected(const QString &token = UnleashUnderTest::adminToken());
    Flag flagIn(UnleashServer &server, const QString &environment, const QString &key);
    void createFlag(const QString &key, const QJsonArray &variants, int rollout);
    Flag waitFor(ServerReply *reply);
    // Whether the feature list SDKs poll (/api/client/features) has the feature.
    bool servedToApplications(const QString &key);
    // A whole console with one connection to this Unleash (id unleash-NAME), its cache and inbox
    // named NAME, loaded and connected; nullptr (and the test failed) when it did not connect.
    std::unique_ptr<ConsoleController> startedConsole(QSettings &settings, const QString &name);

    UnleashUnderTest m_unleash;
    MemorySecretStore m_secrets;
    QTemporaryDir m_dir;
    QHash<QString, QList<Flag>> m_lastFlags;
};

void tst_UnleashServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (const QString error = m_unleash.start(); !error.isEmpty())
        QFAIL(qPrintable(error));
    createFlag(QStringLiteral("support.route"),
               {variant(QStringLiteral("baseline"), 950, QStringLiteral("fix"), QStringLiteral("baseline_profile")),
                variant(QStringLiteral("citation_first_v2"), 50, QStringLiteral("variable"), QStringLiteral("citation_first_v2"))},
               100);
    createFlag(QStringLiteral("tool.permissions"), {}, 100);
    createFlag(QStringLiteral("model.route"),
               {variant(QStringLiteral("small"), 500, QStringLiteral("variable")),
                variant(QStringLiteral("large"), 500, QStringLiteral("variable"))},
               100);
}

void tst_UnleashServer::createFlag(const QString &key, const QJsonArray &variants, int rollout)
{
    QCOMPARE(m_unleash.post(QStringLiteral("/api/admin/projects/default/features"),
                            QJsonObject{{QStringLiteral("name"), key}, {QStringLiteral("type"), QStringLiteral("experiment")}})
                 .status,
             201);
    const QJsonObject strategy{
        {QStringLiteral("name"), QStringLiteral("flexibleRollout")},
        {QStringLiteral("title"), QStringLiteral("AI rollout")},
        {QStringLiteral("constraints"), QJsonArray()},
        {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("rollout"), QString::number(rollout)},
                                                   {QStringLiteral("stickiness"), QStringLiteral("userId")},
                                                   {QStringLiteral("groupId"), key}}},
        {QStringLiteral("variants"), variants}};
    const QString base = QStringLiteral("/api/admin/projects/default/features/%1/environments/development").arg(key);
    QCOMPARE(m_unleash.post(base + QStringLiteral("/strategies"), strategy).status, 200);
    QCOMPARE(m_unleash.post(base + QStringLiteral("/on")).status, 200);
}

std::unique_ptr<UnleashServer> tst_UnleashServer::connected(const QString &token)
{
    ConnectionConfig config;
    config.id = QStringLiteral("unleash-it");
    config.kind = ConnectionConfig::Kind::Unleash;
    config.displayName = QStringLiteral("Unleash under test");
    config.url = m_unleash.url();
    config.secretRef = QStringLiteral("connection/unleash-it/token/") + token;
    m_secrets.writeSecret(config.secretRef, token, [](const QString &) {});
    auto server = std::make_unique<UnleashServer>(config, &m_secrets);
    m_lastFlags.clear();
    connect(server.get(), &FlagServer::flagsReplaced, this,
            [this](const QString &environment, const QList<Flag> &flags) { m_lastFlags.insert(environment, flags); });
    server->connectToServer();
    return server;
}

Flag tst_UnleashServer::flagIn(UnleashServer &server, const QString &environment, const QString &key)
{
    [&] { QTRY_COMPARE_WITH_TIMEOUT(server.state(), ConnectionState::Connected, 20000); }();
    for (const Flag &flag : m_lastFlags.value(environment)) {
        if (flag.key == key)
            return flag;
    }
    return {};
}

std::unique_ptr<ConsoleController> tst_UnleashServer::startedConsole(QSettings &settings, const QString &name)
{
    const ConnectionConfig config = unleashConnection(m_unleash.url(), name);
    saveConnection(settings, m_secrets, config, UnleashUnderTest::adminToken());
    return startConnectedConsole(settings, &m_secrets, QDir(m_dir.path()), name, config.id);
}

Flag tst_UnleashServer::waitFor(ServerReply *reply)
{
    Flag flag;
    QString error;
    bool done = false;
    connect(reply, &ServerReply::finished, this, [&] {
        done = true;
        if (reply->failed())
            error = reply->error().sentence();
        else
            flag = reply->flag();
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
    if (!error.isEmpty())
        flag.revision = QStringLiteral("failed: ") + error;
    return flag;
}

bool tst_UnleashServer::servedToApplications(const QString &key)
{
    const QJsonArray features = m_unleash.get(QStringLiteral("/api/client/features"), UnleashUnderTest::backendToken())
                                    .object()
                                    .value(QStringLiteral("features"))
                                    .toArray();
    return std::any_of(features.cbegin(), features.cend(),
                       [&](const QJsonValue &feature) { return feature.toObject().value(QStringLiteral("name")).toString() == key; });
}

void tst_UnleashServer::archiveTakesTheFeatureOutOfEveryEnvironment()
{
    createFlag(QStringLiteral("retired.route"), {}, 100);
    auto server = connected();
    QVERIFY(server->capabilities().testFlag(FlagServer::Capability::Archive));
    QCOMPARE(flagIn(*server, Development, QStringLiteral("retired.route")).key, QStringLiteral("retired.route"));
    QVERIFY(servedToApplications(QStringLiteral("retired.route")));
    // What a reviewer is told before approving: both environments of the project, not one.
    QCOMPARE(server->archiveReach(Development, QStringLiteral("retired.route")), (QStringList{Development, Production}));
    QCOMPARE(server->archiveReach(Production, QStringLiteral("retired.route")), (QStringList{Production, Development}));

    const Flag archived = waitFor(server->archiveFlag(Development, QStringLiteral("retired.route"), QStringLiteral("code removed")));
    QVERIFY2(!archived.revision.startsWith(QStringLiteral("failed")), qPrintable(archived.revision));
    QCOMPARE(archived.key, QStringLiteral("retired.route"));
    // Gone from both environments of its project at once, and from what applications get.
    for (const QString &environment : {Development, Production}) {
        const QList<Flag> flags = m_lastFlags.value(environment);
        QVERIFY2(std::none_of(flags.cbegin(), flags.cend(), [](const Flag &flag) { return flag.key == QLatin1String("retired.route"); }),
                 qPrintable(environment));
    }
    // What SDKs poll no longer has it (Unleash's client API follows from its cache within moments).
    QTRY_VERIFY_WITH_TIMEOUT(!servedToApplications(QStringLiteral("retired.route")), 15000);
    // The next poll agrees.
    server->setPollInterval(500);
    QTest::qWait(1500);
    QVERIFY(flagIn(*server, Production, QStringLiteral("retired.route")).key.isEmpty());
    // Archived, not deleted: Unleash keeps it in its archive, from which it can be revived.
    QCOMPARE(m_unleash.post(QStringLiteral("/api/admin/archive/revive/retired.route")).status, 200);
}

void tst_UnleashServer::listsEveryProjectEnvironmentWithExactRollouts()
{
    auto server = connected();
    const Flag route = flagIn(*server, Development, QStringLiteral("support.route"));
    QCOMPARE(server->environments(), (QStringList{Development, Production}));
    QVERIFY(route.enabled);
    QCOMPARE(rolloutText(route.rollout), QStringLiteral("baseline=9500 citation_first_v2=500"));
    QCOMPARE(route.offVariationId, QStringLiteral("disabled"));
    QCOMPARE(route.variation(QStringLiteral("citation_first_v2"))->value, QStringLiteral("citation_first_v2"));
    VERIFY_OK(route.checkConsistency());

    const Flag tools = flagIn(*server, Development, QStringLiteral("tool.permissions"));
    QCOMPARE(tools.valueType, FlagValueType::Boolean);
    QCOMPARE(rolloutText(tools.rollout), QStringLiteral("on=10000"));
    // Never enabled in production: off there, with no strategy serving anyone.
    const Flag toolsInProduction = flagIn(*server, Production, QStringLiteral("tool.permissions"));
    QVERIFY(!toolsInProduction.enabled);
    // The exact version the lockfile installed, whichever of the matrix this is.
    const QString installed = m_unleash.installedVersion();
    QVERIFY(installed.startsWith(QString::number(m_unleash.major()) + QLatin1Char('.')));
    QVERIFY2(server->serverVersion().startsWith(QStringLiteral("Unleash %1").arg(installed)), qPrintable(server->serverVersion()));
    QVERIFY(server->stateDetail().contains(QStringLiteral("change requests not available")));
}

void tst_UnleashServer::killAndRestoreAreWhatApplicationsSee()
{
    auto server = connected();
    const Flag before = flagIn(*server, Development, QStringLiteral("tool.permissions"));
    QVERIFY(m_unleash.clientFeature(QStringLiteral("tool.permissions")).value(QStringLiteral("enabled")).toBool());

    const Flag killed = waitFor(server->setEnabled(Development, QStringLiteral("tool.permissions"), false, {}));
    QVERIFY2(!killed.revision.startsWith(QStringLiteral("failed")), qPrintable(killed.revision));
    QVERIFY(!killed.enabled);
    QVERIFY(killed.revision != before.revision);
    QVERIFY(!m_unleash.clientFeature(QStringLiteral("tool.permissions")).value(QStringLiteral("enabled")).toBool(true));

    const Flag restored = waitFor(server->setEnabled(Development, QStringLiteral("tool.permissions"), true, {}));
    QVERIFY(restored.enabled);
    QCOMPARE(restored.revision, before.revision);
    QVERIFY(m_unleash.clientFeature(QStringLiteral("tool.permissions")).value(QStringLiteral("enabled")).toBool());
}

void tst_UnleashServer::rolloutChangeKeepsTheStrategysOtherFields()
{
    auto server = connected();
    const Flag before = flagIn(*server, Development, QStringLiteral("support.route"));
    const Rollout half({{QStringLiteral("baseline"), 5000}, {QStringLiteral("citation_first_v2"), 5000}});
    const Flag after = waitFor(server->setRollout(Development, QStringLiteral("support.route"), half, before.revision, {}));
    QVERIFY2(!after.revision.startsWith(QStringLiteral("failed")), qPrintable(after.revision));
    QCOMPARE(rolloutText(after.rollout), QStringLiteral("baseline=5000 citation_first_v2=5000"));

    const QJsonObject seen = m_unleash.clientFeature(QStringLiteral("support.route"));
    const QJsonObject strategy = seen.value(QStringLiteral("strategies")).toArray().first().toObject();
    const QJsonObject parameters = strategy.value(QStringLiteral("parameters")).toObject();
    QCOMPARE(parameters.value(QStringLiteral("rollout")).toString(), QStringLiteral("100"));
    QCOMPARE(parameters.value(QStringLiteral("stickiness")).toString(), QStringLiteral("userId"));
    const QJsonArray variants = strategy.value(QStringLiteral("variants")).toArray();
    QCOMPARE(variants.size(), 2);
    for (const QJsonValue &value : variants) {
        QCOMPARE(value.toObject().value(QStringLiteral("weight")).toInt(), 500);
        QVERIFY(value.toObject().contains(QStringLiteral("payload")));
    }
    const QJsonObject admin = m_unleash.get(QStringLiteral("/api/admin/projects/default/features/support.route")).object();
    const QJsonObject adminStrategy =
        admin.value(QStringLiteral("environments")).toArray().first().toObject().value(QStringLiteral("strategies")).toArray().first().toObject();
    QCOMPARE(adminStrategy.value(QStringLiteral("title")).toString(), QStringLiteral("AI rollout"));
}

void tst_UnleashServer::rolloutWithAnUnexposedShareSetsThePercentage()
{
    auto server = connected();
    const Flag before = flagIn(*server, Development, QStringLiteral("model.route"));
    // 40% exposed: 10% large, 30% small, 60% get no variant.
    const Rollout target({{QStringLiteral("small"), 3000}, {QStringLiteral("large"), 1000}, {QStringLiteral("disabled"), 6000}});
    const Flag after = waitFor(server->setRollout(Development, QStringLiteral("model.route"), target, before.revision, {}));
    QVERIFY2(!after.revision.startsWith(QStringLiteral("failed")), qPrintable(after.revision));
    QCOMPARE(rolloutText(after.rollout), QStringLiteral("disabled=6000 large=1000 small=3000"));
    const QJsonObject strategy =
        m_unleash.clientFeature(QStringLiteral("model.route")).value(QStringLiteral("strategies")).toArray().first().toObject();
    QCOMPARE(strategy.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("rollout")).toString(), QStringLiteral("40"));
    QMap<QString, int> weights;
    for (const QJsonValue &value : strategy.value(QStringLiteral("variants")).toArray())
        weights.insert(value.toObject().value(QStringLiteral("name")).toString(), value.toObject().value(QStringLiteral("weight")).toInt());
    QCOMPARE(weights.value(QStringLiteral("small")), 750);
    QCOMPARE(weights.value(QStringLiteral("large")), 250);
}

void tst_UnleashServer::aStaleRevisionIsAConflict()
{
    auto server = connected();
    const Flag before = flagIn(*server, Development, QStringLiteral("support.route"));
    QSignalSpy changed(server.get(), &FlagServer::flagChanged);
    // Someone else changes the rollout in Unleash's own UI.
    const QJsonObject admin = m_unleash.get(QStringLiteral("/api/admin/projects/default/features/support.route")).object();
    const QString strategyId = admin.value(QStringLiteral("environments")).toArray().first().toObject()
                                   .value(QStringLiteral("strategies")).toArray().first().toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(m_unleash.patch(QStringLiteral("/api/admin/projects/default/features/support.route/environments/development/strategies/")
                                 + strategyId,
                             QJsonArray{QJsonObject{{QStringLiteral("op"), QStringLiteral("replace")},
                                                    {QStringLiteral("path"), QStringLiteral("/parameters/rollout")},
                                                    {QStringLiteral("value"), QStringLiteral("80")}}})
                 .status,
             200);
    const Rollout everyone({{QStringLiteral("baseline"), 0}, {QStringLiteral("citation_first_v2"), 10000}});
    ServerReply *reply = server->setRollout(Development, QStringLiteral("support.route"), everyone, before.revision, {});
    QSignalSpy finished(reply, &ServerReply::finished);
    bool conflict = false;
    connect(reply, &ServerReply::finished, this, [&] { conflict = reply->failed() && reply->error().kind == ServerError::Kind::Conflict; });
    QVERIFY(finished.wait(10000));
    QVERIFY(conflict);
    // The person is shown what the flag is now.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolloutText(changed.first().at(1).value<Flag>().rollout).contains(QStringLiteral("disabled=2000")), true);
    QCOMPARE(m_unleash.clientFeature(QStringLiteral("support.route")).value(QStringLiteral("strategies")).toArray().first().toObject()
                 .value(QStringLiteral("parameters")).toObject().value(QStringLiteral("rollout")).toString(),
             QStringLiteral("80"));
}

void tst_UnleashServer::aRolloutUnleashCannotExpressIsRefused()
{
    auto server = connected();
    const Flag before = flagIn(*server, Development, QStringLiteral("tool.permissions"));
    const Rollout fine({{QStringLiteral("on"), 3333}, {QStringLiteral("off"), 6667}});
    const Flag refused = waitFor(server->setRollout(Development, QStringLiteral("tool.permissions"), fine, before.revision, {}));
    QVERIFY2(refused.revision.contains(QStringLiteral("whole percents")), qPrintable(refused.revision));
    QCOMPARE(m_unleash.clientFeature(QStringLiteral("tool.permissions")).value(QStringLiteral("strategies")).toArray().first().toObject()
                 .value(QStringLiteral("parameters")).toObject().value(QStringLiteral("rollout")).toString(),
             QStringLiteral("100"));
}

void tst_UnleashServer::changesMadeElsewhereArriveByPolling()
{
    auto server = connected();
    server->setPollInterval(500);
    const Flag before = flagIn(*server, Development, QStringLiteral("model.route"));
    QSignalSpy changed(server.get(), &FlagServer::flagChanged);
    QCOMPARE(m_unleash.post(QStringLiteral("/api/admin/projects/default/features/model.route/environments/development/off")).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
    QCOMPARE(changed.first().at(0).toString(), Development);
    const Flag seen = changed.first().at(1).value<Flag>();
    QCOMPARE(seen.key, QStringLiteral("model.route"));
    QVERIFY(!seen.enabled);
    QVERIFY(seen.revision != before.revision);
    // Who and when, from Unleash's event log.
    QCOMPARE(seen.updatedBy, QStringLiteral("flagdeck-it-admin"));
    QVERIFY(qAbs(seen.updatedAtMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
    QCOMPARE(m_unleash.post(QStringLiteral("/api/admin/projects/default/features/model.route/environments/development/on")).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 5000);
    // Nothing new: the log answers 304 and nothing is announced.
    QSignalSpy polled(server.get(), &UnleashServer::polled);
    QVERIFY(polled.wait(3000));
    QVERIFY(polled.wait(3000));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(server->state(), ConnectionState::Connected);
}

void tst_UnleashServer::auditSyncReadsTheEventLogAndResumes()
{
    const QString path = m_dir.filePath(QStringLiteral("audit.sqlite"));
    auto writer = TestAudit::openWriter(path);
    {
        auto server = connected();
        flagIn(*server, Development, QStringLiteral("tool.permissions"));
        AuditSync sync(server.get(), writer.get());
        QSignalSpy caughtUp(&sync, &AuditSync::caughtUp);
        sync.start();
        QVERIFY(caughtUp.wait(15000));
    }
    const QList<AuditEntry> first = TestAudit::written(*writer, 5000);
    const auto kill = std::find_if(first.cbegin(), first.cend(), [](const AuditEntry &entry) {
        return entry.flagKey == QLatin1String("tool.permissions") && entry.action == QLatin1String("kill");
    });
    QVERIFY(kill != first.cend());
    QCOMPARE(kill->actor, QStringLiteral("flagdeck-it-admin"));
    QCOMPARE(kill->actorKind, ActorKind::Token);
    QCOMPARE(kill->environment, Development);
    QCOMPARE(kill->outcome, QStringLiteral("applied"));
    const auto rolloutChange = std::find_if(first.cbegin(), first.cend(), [](const AuditEntry &entry) {
        return entry.flagKey == QLatin1String("model.route") && entry.action == QLatin1String("set_rollout");
    });
    QVERIFY(rolloutChange != first.cend());
    QVERIFY(rolloutChange->after.contains(QStringLiteral("rollout")));

    // One more change, then a new sync (as after a restart) from the stored cursor: only it is added.
    QCOMPARE(m_unleash.post(QStringLiteral("/api/admin/projects/default/features/tool.permissions/environments/development/off")).status, 200);
    {
        auto server = connected();
        flagIn(*server, Development, QStringLiteral("tool.permissions"));
        AuditSync sync(server.get(), writer.get());
        QSignalSpy caughtUp(&sync, &AuditSync::caughtUp);
        sync.start();
        QVERIFY(caughtUp.wait(15000));
        QCOMPARE(sync.entriesFetched(), 1);
    }
    const QList<AuditEntry> second = TestAudit::written(*writer, 5000);
    QCOMPARE(second.size(), first.size() + 1);
    QCOMPARE(second.first().action, QStringLiteral("kill"));
}

void tst_UnleashServer::aWrongTokenSaysSo()
{
    auto server = connected(QStringLiteral("*:*.not-the-token"));
    QTRY_COMPARE_WITH_TIMEOUT(server->state(), ConnectionState::Failed, 10000);
    QVERIFY2(server->stateDetail().contains(QStringLiteral("admin token was not accepted")), qPrintable(server->stateDetail()));
    QVERIFY(!server->stateDetail().contains(QStringLiteral("not-the-token")));

}

void tst_UnleashServer::aTokenOfTheWrongKindFailsAtOnce_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("backend (client)") << UnleashUnderTest::backendToken();
    QTest::newRow("frontend") << UnleashUnderTest::frontendToken();
}

// A token for applications, entered where the admin token belongs: the connection fails on its
// first answer, on every version, and says which kind of token Unleash needs.
void tst_UnleashServer::aTokenOfTheWrongKindFailsAtOnce()
{
    QFETCH(QString, token);
    // The token works where applications use it.
    const QString where = token == UnleashUnderTest::backendToken() ? QStringLiteral("/api/client/features")
                                                                      : QStringLiteral("/api/frontend");
    QCOMPARE(m_unleash.get(where, token).status, 200);

    auto server = connected(token);
    bool everConnected = false;
    connect(server.get(), &FlagServer::stateChanged, this,
            [&](ConnectionState state) { everConnected = everConnected || state == ConnectionState::Connected; });
    QTRY_COMPARE_WITH_TIMEOUT(server->state(), ConnectionState::Failed, 10000);
    QVERIFY2(server->stateDetail().contains(QStringLiteral("client (backend) or frontend token")), qPrintable(server->stateDetail()));
    QVERIFY(server->stateDetail().contains(QStringLiteral("Unleash needs an admin token")));
    QVERIFY(!server->stateDetail().contains(token));
    QVERIFY(!everConnected);
}

// Unleash 5 (and 6.0) has no event search: history and polling read the older event log (the
// other tests prove both work), and the connection's detail says what needs 6.1.
void tst_UnleashServer::whatThisVersionLacksIsSaid()
{
    auto server = connected();
    flagIn(*server, Development, QStringLiteral("tool.permissions"));
    const bool old = m_unleash.major() < 6;
    QCOMPARE(server->eventApi(), old ? UnleashServer::EventApi::Legacy : UnleashServer::EventApi::Search);
    QCOMPARE(server->stateDetail().contains(QStringLiteral("need Unleash 6.1 or later")), old);
    // The words the connector reads a missing API from, as this version says them.
    const UnleashUnderTest::Response search = m_unleash.get(QStringLiteral("/api/admin/search/events?limit=1"));
    if (old) {
        QCOMPARE(search.status, 404);
        QCOMPARE(search.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("The path you were looking for (/api/admin/search/events) is not available."));
    } else {
        QCOMPARE(search.status, 200);
    }
}

// A flag or environment Unleash does not know is still that, on every version: not a missing API.
void tst_UnleashServer::aMissingFlagIsNotAMissingApi()
{
    auto server = connected();
    flagIn(*server, Development, QStringLiteral("tool.permissions"));
    for (const auto &[environment, key] : {std::pair(Development, QStringLiteral("no.such.flag")),
                                           std::pair(QStringLiteral("default/nowhere"), QStringLiteral("tool.permissions"))}) {
        ServerReply *reply = server->setEnabled(environment, key, false, {});
        QSignalSpy finished(reply, &ServerReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(10000));
        QVERIFY(reply->failed());
        QVERIFY2(reply->error().kind != ServerError::Kind::Unsupported, qPrintable(reply->error().sentence()));
        QVERIFY2(!reply->error().sentence().contains(QStringLiteral("does not offer")), qPrintable(reply->error().sentence()));
    }
}

void tst_UnleashServer::theTokenSaysWhoseItIs()
{
    // The admin token: Unleash answers GET /api/admin/user with the token's name and type.
    auto admin = connected();
    QTRY_COMPARE_WITH_TIMEOUT(admin->state(), ConnectionState::Connected, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(admin->tokenIdentity().isTold(), 10000);
    const TokenIdentity shared = admin->tokenIdentity();
    QCOMPARE(shared.kind, TokenIdentity::Kind::Service);
    QCOMPARE(shared.account, QStringLiteral("flagdeck-it-admin"));
    QCOMPARE(shared.type, QStringLiteral("admin"));
    QVERIFY2(shared.warning(QStringLiteral("alice")).contains(QStringLiteral("shared")), qPrintable(shared.warning(QStringLiteral("alice"))));

    // A person's own token: a user, signed in, makes a personal access token.
    const auto signOut = qScopeGuard([this] { m_unleash.signOut(); });
    const QJsonObject user{{QStringLiteral("email"), QStringLiteral("alice@example.com")},
                           {QStringLiteral("name"), QStringLiteral("Alice")},
                           {QStringLiteral("rootRole"), 2},
                           {QStringLiteral("sendEmail"), false}};
    const UnleashUnderTest::Response created = m_unleash.post(QStringLiteral("/api/admin/user-admin"), user);
    QVERIFY2(created.status == 201, created.body.constData());
    const int id = created.object().value(QStringLiteral("id")).toInt();
    const QString password = QStringLiteral("Al1ce-Passw0rd!x");
    QCOMPARE(m_unleash.post(QStringLiteral("/api/admin/user-admin/%1/change-password").arg(id),
                            QJsonObject{{QStringLiteral("password"), password}})
                 .status,
             200);
    QCOMPARE(m_unleash
                 .send("POST", QStringLiteral("/auth/simple/login"),
                       QJsonObject{{QStringLiteral("username"), QStringLiteral("alice@example.com")},
                                   {QStringLiteral("password"), password}},
                       QString())
                 .status,
             200);
    const UnleashUnderTest::Response pat = m_unleash.send(
        "POST", QStringLiteral("/api/admin/user/tokens"),
        QJsonObject{{QStringLiteral("description"), QStringLiteral("flagdeck")},
                    {QStringLiteral("expiresAt"), QStringLiteral("2030-01-01T00:00:00.000Z")}},
        QString());
    QVERIFY2(pat.status == 201, pat.body.constData());
    auto personal = connected(pat.object().value(QStringLiteral("secret")).toString());
    QTRY_COMPARE_WITH_TIMEOUT(personal->state(), ConnectionState::Connected, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(personal->tokenIdentity().isTold(), 10000);
    const TokenIdentity own = personal->tokenIdentity();
    QCOMPARE(own.kind, TokenIdentity::Kind::Personal);
    QCOMPARE(own.account, QStringLiteral("alice@example.com"));
    QCOMPARE(own.warning(QStringLiteral("alice")), QString()); // alice's own token: nothing to warn of
    QVERIFY(own.warning(QStringLiteral("bob")).contains(QStringLiteral("belongs to alice@example.com")));
    QCOMPARE(own.text(), QStringLiteral("alice@example.com's Unleash token"));
}

void tst_UnleashServer::usageReportedBySdksArrivesAsExposures()
{
    // An application reports an hour of usage, as Unleash's SDKs do with their backend token.
    const QString start = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600).toString(Qt::ISODateWithMs);
    const QJsonObject report{
        {QStringLiteral("appName"), QStringLiteral("support-bot")},
        {QStringLiteral("instanceId"), QStringLiteral("it-1")},
        {QStringLiteral("environment"), QStringLiteral("development")},
        {QStringLiteral("bucket"),
         QJsonObject{{QStringLiteral("start"), start},
                     {QStringLiteral("stop"), start},
                     {QStringLiteral("toggles"),
                      QJsonObject{{QStringLiteral("support.route"),
                                   QJsonObject{{QStringLiteral("yes"), 400},
                                               {QStringLiteral("no"), 600},
                                               {QStringLiteral("variants"),
                                                QJsonObject{{QStringLiteral("baseline"), 300},
                                                            {QStringLiteral("citation_first_v2"), 100},
                                                            {QStringLiteral("disabled"), 600}}}}}}}}}};
    QCOMPARE(m_unleash.send("POST", QStringLiteral("/api/client/metrics"), report, UnleashUnderTest::backendToken()).status, 202);

    auto server = connected();
    const Flag route = flagIn(*server, Development, QStringLiteral("support.route"));
    ExposureSource source(server.get());
    source.setRefreshInterval(1000);
    QMap<QString, double> exposures;
    connect(&source, &MetricSource::samplesArrived, this, [&](const QList<MetricBatch> &batches) {
        for (const MetricBatch &batch : batches) {
            QCOMPARE(batch.metric, RequestsMetric);
            for (const MetricSample &sample : batch.samples)
                exposures[batch.variationId] += sample.value;
        }
    });
    GuardrailWatch watch;
    watch.flag = {server->connectionId(), Development, route.key};
    for (const Variation &variation : route.variations)
        watch.variantLabels.insert(variation.id, variation.name);
    source.setWatches({watch});
    // Unleash writes reported usage to its database every few seconds.
    QTRY_COMPARE_WITH_TIMEOUT(exposures.value(QStringLiteral("citation_first_v2")), 100.0, 20000);
    QCOMPARE(exposures.value(QStringLiteral("baseline")), 300.0);
    QCOMPARE(exposures.value(QStringLiteral("disabled")), 600.0);
}

// More events than one page of the log holds (100 on Unleash 5's older log): every one arrives once.
void tst_UnleashServer::historyPagesBackOverManyPages()
{
    createFlag(QStringLiteral("paging.flag"), {}, 100);
    const QString base = QStringLiteral("/api/admin/projects/default/features/paging.flag/environments/development/");
    constexpr int Toggles = 130;
    for (int i = 0; i < Toggles; ++i)
        QCOMPARE(m_unleash.post(base + (i % 2 == 0 ? QStringLiteral("off") : QStringLiteral("on"))).status, 200);
    auto server = connected();
    flagIn(*server, Development, QStringLiteral("paging.flag"));
    ServerReply *reply = server->fetchAuditSince({});
    QSignalSpy finished(reply, &ServerReply::finished);
    QVERIFY(finished.wait(30000));
    QVERIFY2(!reply->failed(), qPrintable(reply->error().sentence()));
    int kills = 0;
    int restores = 0;
    QSet<QString> seen;
    for (const AuditEntry &entry : reply->auditEntries()) {
        QVERIFY2(!seen.contains(entry.sourceId), qPrintable(entry.sourceId));
        seen.insert(entry.sourceId);
        if (entry.flagKey == QLatin1String("paging.flag")) {
            kills += entry.action == QLatin1String("kill");
            restores += entry.action == QLatin1String("restore");
        }
    }
    QCOMPARE(kills, Toggles / 2);
    QCOMPARE(restores, Toggles / 2 + 1); // the flag was turned on once when it was made
}

// The console on Unleash: after a kill, a restore and a rollout change that Unleash's answer
// confirmed, the table, --offline and get_flag hold the same state and revision.
void tst_UnleashServer::everyConfirmedChangeAgreesEverywhere()
{
    if (m_unleash.major() != UnleashUnderTest::CiMajor)
        QSKIP("the console-wide agreement does not depend on Unleash's version: checked on CI's version only");
    createFlag(QStringLiteral("agreement.route"),
               {variant(QStringLiteral("baseline"), 900, QStringLiteral("variable")),
                variant(QStringLiteral("candidate"), 100, QStringLiteral("variable"))},
               100);
    QSettings settings(m_dir.filePath(QStringLiteral("agreement.ini")), QSettings::IniFormat);
    const std::unique_ptr<ConsoleController> console = startedConsole(settings, QStringLiteral("agreement"));
    QVERIFY(console);
    const FlagRef route{QStringLiteral("unleash-agreement"), Development, QStringLiteral("agreement.route")};
    const Rollout half({{QStringLiteral("baseline"), 5000}, {QStringLiteral("candidate"), 5000}});
    FlagAgreement::checkEveryConfirmedChange(*console, settings, &m_secrets, route, half);
}

void tst_UnleashServer::aChangeMadeElsewhereIsPutBack()
{
    createFlag(QStringLiteral("revert.route"),
               {variant(QStringLiteral("baseline"), 800, QStringLiteral("variable")),
                variant(QStringLiteral("candidate"), 200, QStringLiteral("variable"))},
               100);
    QSettings settings(m_dir.filePath(QStringLiteral("revert.ini")), QSettings::IniFormat);
    const std::unique_ptr<ConsoleController> console = startedConsole(settings, QStringLiteral("revert"));
    QVERIFY(console);
    console->server(QStringLiteral("unleash-revert"))->setPollInterval(500);
    auto teammate = connected();
    flagIn(*teammate, Development, QStringLiteral("revert.route"));
    // Unleash splits "variable" weights evenly: the flag starts at 50/50.
    const Rollout mostlyBaseline({{QStringLiteral("baseline"), 7000}, {QStringLiteral("candidate"), 3000}});
    RevertCheck::putBackAChangeMadeElsewhere(*console, *teammate, {QStringLiteral("unleash-revert"), Development, QStringLiteral("revert.route")},
                                             mostlyBaseline);
}

QTEST_GUILESS_MAIN(tst_UnleashServer)
#include "tst_unleashserver.moc"
