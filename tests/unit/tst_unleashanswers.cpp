// The Unleash connector fed answers a real server does not give: broken JSON, wrong shapes,
// server errors and an outage. Each ends in a clear state, and an outage ends in a reconnect.
// Also what older versions answer: a path they do not have, and a token of the wrong kind.
#include "connectors/unleash/unleashserver.h"
#include "fakehttpserver.h"
#include "store/memorysecretstore.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

namespace {

const QByteArray UiConfig = R"({"version":"8.2.0","environment":"Open Source"})";
const QByteArray NoEvents = R"({"events":[],"total":0})";
const QByteArray Projects = R"({"projects":[{"id":"default"}]})";
const QByteArray Environments = R"({"environments":[{"name":"production","enabled":true}]})";
const QByteArray Features = R"({"features":[{"name":"route"}]})";
const QByteArray Route = R"({"name":"route","environments":[{"name":"production","enabled":true,"strategies":[]}]})";

// What every Unleash answers for a path it does not have, and for a flag it does not know.
QByteArray missingPath(const QString &path)
{
    return QStringLiteral(R"({"name":"NotFoundError","message":"The path you were looking for (%1) is not available."})")
        .arg(path)
        .toUtf8();
}
const QByteArray MissingFlag = R"({"name":"NotFoundError","message":"Could not find feature flag with name gone"})";
const QByteArray WrongTokenKind = R"({"message":"invalid token: expected a different token type for this endpoint"})";
const QByteArray LegacyEvents =
    R"({"version":1,"events":[{"id":7,"type":"feature-environment-disabled","createdBy":"it-admin","createdByUserId":null,)"
    R"("createdAt":"2026-11-21T10:00:00.000Z","project":"default","environment":"production","featureName":"route",)"
    R"("data":null,"preData":null,"tags":[]}],"totalEvents":1})";

} // namespace

class tst_UnleashAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void aHealthyFakeConnects();
    void brokenAnswers_data();
    void brokenAnswers();
    void aBrokenFlagIsNamedAndTheOthersShown();
    void anOutageReconnects();
    void beforeTheEventSearchTheOlderLogIsRead();
    void aMissingApiNamesTheVersionNotAFlag();
    void aMissingFlagIsStillAMissingFlag();
    void aTokenOfTheWrongKindFailsAtOnce();
    void usageIsReadFromLastSeen();

private:
    std::unique_ptr<UnleashServer> connectTo(FakeHttpServer &fake);

    std::unique_ptr<FakeHttpServer> m_fake;
    MemorySecretStore m_secrets;
};

void tst_UnleashAnswers::init()
{
    m_fake = std::make_unique<FakeHttpServer>();
    m_fake->answer(QStringLiteral("/api/admin/ui-config"), 200, UiConfig);
    m_fake->answer(QStringLiteral("/api/admin/search/events"), 200, NoEvents);
    m_fake->answer(QStringLiteral("/api/admin/projects"), 200, Projects);
    m_fake->answer(QStringLiteral("/api/admin/environments/project/default"), 200, Environments);
    m_fake->answer(QStringLiteral("/api/admin/projects/default/features"), 200, Features);
    m_fake->answer(QStringLiteral("/api/admin/projects/default/features/route"), 200, Route);
}

std::unique_ptr<UnleashServer> tst_UnleashAnswers::connectTo(FakeHttpServer &fake)
{
    ConnectionConfig config;
    config.id = QStringLiteral("fake");
    config.kind = ConnectionConfig::Kind::Unleash;
    config.url = fake.url();
    config.secretRef = QStringLiteral("fake/token");
    m_secrets.writeSecret(config.secretRef, QStringLiteral("*:*.secret-token"), [](const QString &) {});
    auto server = std::make_unique<UnleashServer>(config, &m_secrets);
    server->setPollInterval(500);
    server->connectToServer();
    return server;
}

void tst_UnleashAnswers::aHealthyFakeConnects()
{
    auto server = connectTo(*m_fake);
    QSignalSpy replaced(server.get(), &FlagServer::flagsReplaced);
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(replaced.first().at(1).value<QList<Flag>>().size(), 1);
}

void tst_UnleashAnswers::brokenAnswers_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("said");

    QTest::newRow("not JSON") << "/api/admin/ui-config" << 200 << QByteArray("<html>proxy login</html>") << "cannot read";
    QTest::newRow("a JSON list") << "/api/admin/projects" << 200 << QByteArray("[1,2]") << "not a JSON object";
    QTest::newRow("event without id") << "/api/admin/search/events" << 200
                                      << QByteArray(R"({"events":[{"type":"x","createdAt":"2026-11-21T10:00:00Z"}]})")
                                      << "events[0].id";
    QTest::newRow("another flag's answer") << "/api/admin/projects/default/features/route" << 200
                                           << QByteArray(R"({"name":"other","environments":[]})") << "names another flag";
    QTest::newRow("over the size cap") << "/api/admin/projects" << 200
                                       << QByteArray(RestClient::MaxAnswerBytes + 1024 * 1024, ' ') << "larger than 64 MiB";
    QTest::newRow("server error") << "/api/admin/projects/default/features" << 500
                                  << QByteArray(R"({"message":"database is down"})") << "database is down";
    QTest::newRow("forbidden names the token") << "/api/admin/projects" << 403 << QByteArray(R"({"message":"no"})")
                                               << "Unleash needs an admin token";
}

void tst_UnleashAnswers::brokenAnswers()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, said);
    m_fake->answer(path, status, body);
    auto server = connectTo(*m_fake);
    QSignalSpy replaced(server.get(), &FlagServer::flagsReplaced);
    QTRY_COMPARE(server->state(), ConnectionState::Failed);
    QVERIFY2(server->stateDetail().contains(said), qPrintable(server->stateDetail()));
    QVERIFY(!server->stateDetail().contains(QStringLiteral("secret-token")));
    QCOMPARE(replaced.size(), 0);
}

void tst_UnleashAnswers::aBrokenFlagIsNamedAndTheOthersShown()
{
    m_fake->answer(QStringLiteral("/api/admin/projects/default/features"), 200, R"({"features":[{"name":"route"},{"name":"bad"}]})");
    m_fake->answer(QStringLiteral("/api/admin/projects/default/features/bad"), 200,
                   R"({"name":"bad","environments":[{"name":"production","enabled":true,"strategies":"all"}]})");
    auto server = connectTo(*m_fake);
    QSignalSpy replaced(server.get(), &FlagServer::flagsReplaced);
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    QCOMPARE(replaced.first().at(1).value<QList<Flag>>().size(), 1);
    QVERIFY2(server->stateDetail().contains(QStringLiteral("bad in default/production is not shown")), qPrintable(server->stateDetail()));
    QVERIFY(server->stateDetail().contains(QStringLiteral("strategies")));
}

void tst_UnleashAnswers::anOutageReconnects()
{
    auto server = connectTo(*m_fake);
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    QSignalSpy replaced(server.get(), &FlagServer::flagsReplaced);
    m_fake->answer(QStringLiteral("/api/admin/search/events"), 502, QByteArray("bad gateway"));
    QTRY_COMPARE_WITH_TIMEOUT(server->state(), ConnectionState::Reconnecting, 5000);
    QVERIFY(server->stateDetail().contains(QStringLiteral("502")));
    // Back: the flags are read again, as anything may have changed meanwhile.
    m_fake->answer(QStringLiteral("/api/admin/search/events"), 200, NoEvents);
    QTRY_COMPARE_WITH_TIMEOUT(server->state(), ConnectionState::Connected, 10000);
    QTRY_COMPARE(replaced.size(), 1);
}

// Unleash 5 and 6.0 have no event search: history and polling read the older event log, and the
// connection says what needs a newer version.
void tst_UnleashAnswers::beforeTheEventSearchTheOlderLogIsRead()
{
    m_fake->answer(QStringLiteral("/api/admin/ui-config"), 200, R"({"version":"5.12.8","environment":"Open Source"})");
    m_fake->answer(QStringLiteral("/api/admin/search/events"), 404, missingPath(QStringLiteral("/api/admin/search/events")));
    m_fake->answer(QStringLiteral("/api/admin/events/search"), 200, LegacyEvents);
    auto server = connectTo(*m_fake);
    QSignalSpy replaced(server.get(), &FlagServer::flagsReplaced);
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    QCOMPARE(server->eventApi(), UnleashServer::EventApi::Legacy);
    QVERIFY2(server->stateDetail().contains(QStringLiteral("need Unleash 6.1 or later")), qPrintable(server->stateDetail()));
    // Who last changed the flag, from the older log.
    const Flag route = replaced.first().at(1).value<QList<Flag>>().first();
    QCOMPARE(route.updatedBy, QStringLiteral("it-admin"));
    // Polls read the older log, not the search that is not there.
    const int searches = m_fake->requestsFor(QStringLiteral("/api/admin/search/events"));
    QTRY_VERIFY(m_fake->requestsFor(QStringLiteral("/api/admin/events/search")) >= 3);
    QCOMPARE(m_fake->requestsFor(QStringLiteral("/api/admin/search/events")), searches);
    QCOMPARE(server->state(), ConnectionState::Connected);

    ServerReply *history = server->fetchAuditSince({});
    QSignalSpy finished(history, &ServerReply::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY2(!history->failed(), qPrintable(history->error().sentence()));
    QCOMPARE(history->auditEntries().size(), 1);
    QCOMPARE(history->auditEntries().first().action, QStringLiteral("kill"));
    QCOMPARE(history->nextCursor(), QStringLiteral("7"));
}

void tst_UnleashAnswers::aMissingApiNamesTheVersionNotAFlag()
{
    m_fake->answer(QStringLiteral("/api/admin/ui-config"), 200, R"({"version":"4.22.0","environment":"Open Source"})");
    m_fake->answer(QStringLiteral("/api/admin/search/events"), 404, missingPath(QStringLiteral("/api/admin/search/events")));
    m_fake->answer(QStringLiteral("/api/admin/events/search"), 404, missingPath(QStringLiteral("/api/admin/events/search")));
    auto server = connectTo(*m_fake);
    QTRY_COMPARE(server->state(), ConnectionState::Failed);
    const QString said = server->stateDetail();
    QVERIFY2(said.contains(QStringLiteral("this Unleash (version 4.22.0) does not offer the event log")), qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("flag")), qPrintable(said));

    // A path named by nobody in particular: Unleash's own words name it.
    init();
    m_fake->answer(QStringLiteral("/api/admin/environments/project/default"), 404,
                   missingPath(QStringLiteral("/api/admin/environments/project/default")));
    auto other = connectTo(*m_fake);
    QTRY_COMPARE(other->state(), ConnectionState::Failed);
    QVERIFY2(other->stateDetail().contains(QStringLiteral("this Unleash (version 8.2.0) does not offer /api/admin/environments/project/default")),
             qPrintable(other->stateDetail()));
}

void tst_UnleashAnswers::aMissingFlagIsStillAMissingFlag()
{
    auto server = connectTo(*m_fake);
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    m_fake->answer(QStringLiteral("/api/admin/projects/default/features/gone/environments/production/off"), 404, MissingFlag);
    ServerReply *reply = server->setEnabled(QStringLiteral("default/production"), QStringLiteral("gone"), false, {});
    QSignalSpy finished(reply, &ServerReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->error().kind, ServerError::Kind::NotFound);
    QVERIFY(reply->error().sentence().contains(QStringLiteral("does not know this flag")));
}

void tst_UnleashAnswers::aTokenOfTheWrongKindFailsAtOnce()
{
    for (const QString &path : {QStringLiteral("/api/admin/ui-config"), QStringLiteral("/api/admin/projects")})
        m_fake->answer(path, 403, WrongTokenKind);
    auto server = connectTo(*m_fake);
    QTRY_COMPARE(server->state(), ConnectionState::Failed);
    QVERIFY2(server->stateDetail().contains(QStringLiteral("client (backend) or frontend token")), qPrintable(server->stateDetail()));
    QVERIFY(server->stateDetail().contains(QStringLiteral("Unleash needs an admin token")));
    QCOMPARE(m_fake->requestsFor(QStringLiteral("/api/admin/projects")), 0);
}

void tst_UnleashAnswers::usageIsReadFromLastSeen()
{
    // Never seen in production, though the feature says it was seen (in another environment).
    m_fake->answer(QStringLiteral("/api/admin/projects/default/features/route"), 200,
                   R"({"name":"route","createdAt":"2026-09-01T08:00:00.000Z","lastSeenAt":"2026-11-20T10:00:00.000Z",)"
                   R"("environments":[{"name":"production","enabled":true,"strategies":[],"lastSeenAt":null}]})");
    auto server = connectTo(*m_fake);
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    const QString production = server->environments().constFirst();
    const std::optional<FlagUsage> usage = server->usage(production, QStringLiteral("route"));
    QVERIFY(usage);
    QCOMPARE(usage->createdMs, QDateTime(QDate(2026, 9, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(usage->lastSeenMs, 0);
    QVERIFY(!server->usage(production, QStringLiteral("unknown")));
}

QTEST_GUILESS_MAIN(tst_UnleashAnswers)
#include "tst_unleashanswers.moc"
