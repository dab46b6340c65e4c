// The FeatBit connector against the FeatBit protocol test server (which FeatBit's own SDK
// validates in tst_featbitprotocol): environments, exact rollouts, kill, rollout with revision
// and 409, live changes, reconnects with a fresh token, 4003, polling, and audit history.
#include "connectors/featbit/featbitserver.h"
#include "connectors/serverreply.h"
#include "control/auditsync.h"
#include "control/connectionprobe.h"
#include "control/flagstore.h"
#include "control/killswitch.h"
#include "featbitconnection.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"
#include "untrustedtlsserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString Production = QStringLiteral("ai/prod");

QString rolloutText(const Flag &flag)
{
    QStringList parts;
    for (const VariationShare &share : flag.rollout.shares())
        parts.append(QStringLiteral("%1=%2").arg(flag.variation(share.variationId)->value).arg(share.basisPoints));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class tst_FeatBitServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listsEnvironmentsWithExactRollouts();
    void killIsConfirmedByTheServer();
    void rolloutChangeKeepsTheRestOfTheTargeting();
    void aStaleRevisionIsAConflictShownAsItIsNow();
    void changesArriveThroughTheStream();
    void theStreamReconnectsWithAFreshToken_data();
    void theStreamReconnectsWithAFreshToken();
    void clockSkewStopsWithAClearError();
    void blockedWebSocketsFallBackToPolling();
    void auditHistorySyncsAndResumes();
    void aWrongTokenSaysSo();
    void anUntrustedCertificateSaysSo();
    // What FeatBit really does, beyond its protocol (issue 17).
    void featBitRefusesLongCommentsAfterChangingTheFlag();
    void longCommentsAreCutToFitFeatBit();
    void aChangeAnsweredWith500IsReadAgain();
    void aKillWithAProposalsCommentIsConfirmedAndKeptWhole();
    void aStreamResyncSkipsNoSubMillisecondNeighbour();
    void auditHistorySkipsNoSubMillisecondNeighbour();
    void archivedFlagsLeaveAtOnce();
    void archiveIsAskedOfFeatBitAndTheFlagLeaves();
    void deletedFlagsLeaveByReconciling();
    void aDeletionWhileTheStreamWasDownIsSeenOnReconnect();
    void pollingSaysWhenItMayBeDeaf();
    void aFlagCreatedOrDeletedWhileLoadingIsNotMissed_data();
    void aFlagCreatedOrDeletedWhileLoadingIsNotMissed();
    void whatWorksFollowsVersionAndPermissions_data();
    void whatWorksFollowsVersionAndPermissions();
    void environmentsTheTokenMayNotReadAreLeftOut();
    void whoseTokenItIsIsNotTold();

private:
    QStringList keysIn(const QString &environment) const;
    std::unique_ptr<FeatBitServer> connected(const QString &token = FeatBitTestServer::AccessToken);
    Flag flagIn(const QString &key);
    Flag waitFor(ServerReply *reply, ServerError *error = nullptr);

    std::unique_ptr<FeatBitTestServer> m_server;
    QString m_environment;
    MemorySecretStore m_secrets;
    QHash<QString, QList<Flag>> m_flags;
    QTemporaryDir m_dir;
};

void tst_FeatBitServer::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = std::make_unique<FeatBitTestServer>();
    m_environment = m_server->addEnvironment(QStringLiteral("ai"), QStringLiteral("prod"));
    m_server->addEnvironment(QStringLiteral("ai"), QStringLiteral("staging"));
    m_server->addBooleanFlag(m_environment, QStringLiteral("support-assistant-route"), true, 2000);
    m_server->addBooleanFlag(m_environment, QStringLiteral("agent-tool-tier"), true, 10000);
    m_flags.clear();
}

std::unique_ptr<FeatBitServer> tst_FeatBitServer::connected(const QString &token)
{
    const ConnectionConfig config = featBitConnection(*m_server, QStringLiteral("featbit-test"), QStringLiteral("featbit/") + token,
                                                      QStringLiteral("FeatBit under test"));
    m_secrets.writeSecret(config.secretRef, token, [](const QString &) {});
    auto server = std::make_unique<FeatBitServer>(config, &m_secrets);
    connect(server.get(), &FlagServer::flagsReplaced, this,
            [this](const QString &environment, const QList<Flag> &flags) { m_flags.insert(environment, flags); });
    server->connectToServer();
    return server;
}

Flag tst_FeatBitServer::flagIn(const QString &key)
{
    [&] { QTRY_VERIFY_WITH_TIMEOUT(m_flags.contains(Production), 10000); }();
    for (const Flag &flag : m_flags.value(Production)) {
        if (flag.key == key)
            return flag;
    }
    return {};
}

Flag tst_FeatBitServer::waitFor(ServerReply *reply, ServerError *error)
{
    Flag flag;
    bool done = false;
    connect(reply, &ServerReply::finished, this, [&] {
        done = true;
        if (reply->failed() && error)
            *error = reply->error();
        else if (!reply->failed())
            flag = reply->flag();
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
    return flag;
}

void tst_FeatBitServer::listsEnvironmentsWithExactRollouts()
{
    auto server = connected();
    const Flag route = flagIn(QStringLiteral("support-assistant-route"));
    QCOMPARE(server->environments(), (QStringList{Production, QStringLiteral("ai/staging")}));
    QCOMPARE(rolloutText(route), QStringLiteral("true=2000 false=8000"));
    QCOMPARE(route.revision, m_server->flag(m_environment, route.key).value(QStringLiteral("revision")).toString());
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    QVERIFY(server->stateDetail().contains(QStringLiteral("AI platform")));
    QTRY_COMPARE(m_server->openStreams(), 2);
}

void tst_FeatBitServer::killIsConfirmedByTheServer()
{
    auto server = connected();
    const Flag before = flagIn(QStringLiteral("agent-tool-tier"));
    const Flag killed = waitFor(server->setEnabled(Production, before.key, false, QStringLiteral("incident 4711")));
    QVERIFY(!killed.enabled);
    QVERIFY(killed.revision != before.revision);
    const QJsonObject held = m_server->flag(m_environment, before.key);
    QVERIFY(!held.value(QStringLiteral("isEnabled")).toBool());
    QCOMPARE(killed.revision, held.value(QStringLiteral("revision")).toString());
}

void tst_FeatBitServer::rolloutChangeKeepsTheRestOfTheTargeting()
{
    auto server = connected();
    m_server->changeFlag(m_environment, QStringLiteral("support-assistant-route"), [](QJsonObject &flag) {
        flag.insert(QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("r1")}, {QStringLiteral("name"), QStringLiteral("Beta")}}});
    }, QStringLiteral("AddRule"), QStringLiteral("Aiko Sato"));
    const Flag before = flagIn(QStringLiteral("support-assistant-route"));
    const QString on = before.variations.at(0).id;
    const QString off = before.variations.at(1).id;
    // The flag list was read before or after the rule; read the revision as the server has it.
    const QString revision = m_server->flag(m_environment, before.key).value(QStringLiteral("revision")).toString();
    const Flag after = waitFor(server->setRollout(Production, before.key, Rollout({{on, 5000}, {off, 5000}}), revision, {}));
    QCOMPARE(rolloutText(after), QStringLiteral("true=5000 false=5000"));
    const QJsonObject held = m_server->flag(m_environment, before.key);
    QCOMPARE(held.value(QStringLiteral("rules")).toArray().size(), 1);
    const QJsonArray served = held.value(QStringLiteral("fallthrough")).toObject().value(QStringLiteral("variations")).toArray();
    QCOMPARE(served.at(0).toObject().value(QStringLiteral("rollout")).toArray(), (QJsonArray{0.0, 0.5}));
    QCOMPARE(held.value(QStringLiteral("fallthrough")).toObject().value(QStringLiteral("dispatchKey")).toString(), QStringLiteral("keyId"));
}

void tst_FeatBitServer::aStaleRevisionIsAConflictShownAsItIsNow()
{
    auto server = connected();
    const Flag before = flagIn(QStringLiteral("support-assistant-route"));
    QSignalSpy changed(server.get(), &FlagServer::flagChanged);
    ServerError error;
    const Rollout everyone = Rollout::everyoneGets(before.variations.at(0).id);
    waitFor(server->setRollout(Production, before.key, everyone, QStringLiteral("an-old-revision"), {}), &error);
    QCOMPARE(error.kind, ServerError::Kind::Conflict);
    QCOMPARE(m_server->flag(m_environment, before.key).value(QStringLiteral("revision")).toString(), before.revision);
    QVERIFY(changed.size() <= 1); // announced only when what is shown is out of date
}

void tst_FeatBitServer::changesArriveThroughTheStream()
{
    auto server = connected();
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(m_server->openStreams(), 2);
    QSignalSpy changed(server.get(), &FlagServer::flagChanged);
    QElapsedTimer timer;
    timer.start();
    m_server->changeFlag(m_environment, QStringLiteral("agent-tool-tier"), [](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), false); },
                         QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 1000);
    QCOMPARE(changed.first().at(0).toString(), Production);
    QVERIFY(!changed.first().at(1).value<Flag>().enabled);
}

void tst_FeatBitServer::theStreamReconnectsWithAFreshToken_data()
{
    QTest::addColumn<int>("closeCode");
    QTest::newRow("1000: the server shuts down") << 1000;
    QTest::newRow("1011: its store is unavailable") << 1011;
}

void tst_FeatBitServer::theStreamReconnectsWithAFreshToken()
{
    QFETCH(int, closeCode);
    auto server = connected();
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(m_server->openStreams(), 2);
    const int opened = m_server->streamsOpened();
    QSignalSpy changed(server.get(), &FlagServer::flagChanged);
    m_server->closeStreams(closeCode);
    // Changed while no stream was open: the resync after reconnecting brings it.
    m_server->changeFlag(m_environment, QStringLiteral("agent-tool-tier"), [](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), false); },
                         QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->streamsOpened() >= opened + 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
}

void tst_FeatBitServer::clockSkewStopsWithAClearError()
{
    m_server->setClockSkewMs(60000); // this computer's clock a minute behind the server's
    auto server = connected();
    flagIn(QStringLiteral("agent-tool-tier")); // the management API still answers
    QTRY_VERIFY_WITH_TIMEOUT(server->liveUpdatesProblem().contains(QStringLiteral("clock")), 10000);
    QVERIFY2(server->stateDetail().contains(QStringLiteral("clock")), qPrintable(server->stateDetail()));
    const int opened = m_server->streamsOpened();
    QTest::qWait(1500);
    QCOMPARE(m_server->streamsOpened(), opened); // no retries after 4003
    // The API still answers: a kill during an incident goes through.
    QCOMPARE(server->state(), ConnectionState::Connected);
    QVERIFY(!waitFor(server->setEnabled(Production, QStringLiteral("agent-tool-tier"), false, {})).enabled);
    QVERIFY(!m_server->flag(m_environment, QStringLiteral("agent-tool-tier")).value(QStringLiteral("isEnabled")).toBool());
}

void tst_FeatBitServer::blockedWebSocketsFallBackToPolling()
{
    m_server->setWebSocketsBlocked(true);
    auto server = connected();
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_VERIFY_WITH_TIMEOUT(server->isPolling(Production), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(server->stateDetail().contains(QStringLiteral("polling")), 10000);
    QSignalSpy changed(server.get(), &FlagServer::flagChanged);
    m_server->changeFlag(m_environment, QStringLiteral("agent-tool-tier"), [](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), false); },
                         QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 8000);
    QVERIFY(m_server->pollRequests() > 0);
}

void tst_FeatBitServer::auditHistorySyncsAndResumes()
{
    auto writer = TestAudit::openWriter(m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch())));
    auto server = connected();
    flagIn(QStringLiteral("agent-tool-tier"));
    waitFor(server->setEnabled(Production, QStringLiteral("agent-tool-tier"), false, QStringLiteral("incident 4711")));
    {
        AuditSync sync(server.get(), writer.get());
        QSignalSpy caughtUp(&sync, &AuditSync::caughtUp);
        sync.start();
        QVERIFY(caughtUp.wait(10000));
        QCOMPARE(sync.entriesFetched(), 3); // two creations and the kill
    }
    const QList<AuditEntry> first = TestAudit::written(*writer);
    QCOMPARE(first.size(), 3);
    QCOMPARE(first.first().action, QStringLiteral("kill"));
    QCOMPARE(first.first().actorKind, ActorKind::Token);
    QCOMPARE(first.first().environment, Production);
    QCOMPARE(first.first().comment, QStringLiteral("turned off — incident 4711"));
    waitFor(server->setEnabled(Production, QStringLiteral("agent-tool-tier"), true, {}));
    {
        AuditSync sync(server.get(), writer.get());
        QSignalSpy caughtUp(&sync, &AuditSync::caughtUp);
        sync.start();
        QVERIFY(caughtUp.wait(10000));
        QCOMPARE(sync.entriesFetched(), 1);
    }
    QCOMPARE(TestAudit::written(*writer).first().action, QStringLiteral("restore"));
}

void tst_FeatBitServer::aWrongTokenSaysSo()
{
    auto server = connected(QStringLiteral("api-not-the-token"));
    QTRY_COMPARE(server->state(), ConnectionState::Failed);
    QVERIFY2(server->stateDetail().contains(QStringLiteral("access token was not accepted")), qPrintable(server->stateDetail()));
    QVERIFY(!server->stateDetail().contains(QStringLiteral("not-the-token")));
}

void tst_FeatBitServer::anUntrustedCertificateSaysSo()
{
    UntrustedTlsServer tls;
    ConnectionConfig config;
    config.id = QStringLiteral("featbit-tls");
    config.kind = ConnectionConfig::Kind::FeatBit;
    config.url = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(tls.serverPort()));
    config.evaluationUrl = config.url;
    config.secretRef = QStringLiteral("featbit/tls");
    m_secrets.writeSecret(config.secretRef, FeatBitTestServer::AccessToken, [](const QString &) {});
    FeatBitServer server(config, &m_secrets);
    server.connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(server.state(), ConnectionState::Failed, 10000);
    QVERIFY2(server.stateDetail().contains(QStringLiteral("TLS certificate is not trusted")), qPrintable(server.stateDetail()));
}

QStringList tst_FeatBitServer::keysIn(const QString &environment) const
{
    QStringList keys;
    for (const Flag &flag : m_flags.value(environment))
        keys.append(flag.key);
    keys.sort();
    return keys;
}

namespace {

QString longComment()
{
    // "Proposal … by …: reason" and a reviewer's comment: far over 512 characters, and outside the
    // BMP, so UTF-16 units, bytes and characters all differ.
    QString reason;
    for (int i = 0; i < 1300; ++i)
        reason += QString::fromUcs4(U"\U0001F6A8");
    return QStringLiteral("Proposal 42 (kill) by support-agent: ") + reason + QStringLiteral(" — approved by Aiko: ") + QString(2500, QLatin1Char('y'));
}

} // namespace

void tst_FeatBitServer::featBitRefusesLongCommentsAfterChangingTheFlag()
{
    auto server = connected(); // its streams count the pushes
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(m_server->openStreams(), 2);
    const int logs = m_server->auditLogCount(m_environment);
    const int pushes = m_server->pushesSent();
    const QString revision = m_server->flag(m_environment, QStringLiteral("agent-tool-tier")).value(QStringLiteral("revision")).toString();
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_server->apiUrl().toString() + QStringLiteral("/api/v1/envs/%1/feature-flags/agent-tool-tier/toggle/false").arg(m_environment)));
    request.setRawHeader("Authorization", FeatBitTestServer::AccessToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QString comment;
    for (int i = 0; i < 300; ++i) // 300 characters, 600 UTF-16 units, 1200 bytes: accepted
        comment += QString::fromUcs4(U"\U0001F6A8");
    QJsonObject body{{QStringLiteral("comment"), comment + QString(213, QLatin1Char('x'))}}; // 513: refused
    std::unique_ptr<QNetworkReply> reply(network.put(request, QJsonDocument(body).toJson()));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 500);
    const QJsonObject held = m_server->flag(m_environment, QStringLiteral("agent-tool-tier"));
    QVERIFY(!held.value(QStringLiteral("isEnabled")).toBool()); // changed all the same
    QVERIFY(held.value(QStringLiteral("revision")).toString() != revision);
    QCOMPARE(m_server->auditLogCount(m_environment), logs); // no audit log
    QTest::qWait(100);
    QCOMPARE(m_server->pushesSent(), pushes); // no push
    // 512 characters go through.
    body.insert(QStringLiteral("comment"), comment + QString(212, QLatin1Char('x')));
    request.setUrl(QUrl(request.url().toString().replace(QStringLiteral("toggle/false"), QStringLiteral("toggle/true"))));
    reply.reset(network.put(request, QJsonDocument(body).toJson()));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(m_server->auditLogCount(m_environment), logs + 1);
}

void tst_FeatBitServer::longCommentsAreCutToFitFeatBit()
{
    auto server = connected();
    const Flag before = flagIn(QStringLiteral("agent-tool-tier"));
    ServerError error;
    const Flag killed = waitFor(server->setEnabled(Production, before.key, false, longComment()), &error);
    QVERIFY2(error.detail.isEmpty(), qPrintable(error.sentence()));
    QVERIFY(!killed.enabled);
    const QString kept = m_server->auditLogs(m_environment).last().value(QStringLiteral("comment")).toString();
    QCOMPARE(kept.toUcs4().size(), 512);
    QVERIFY(longComment().startsWith(kept.left(200)));
    QVERIFY2(kept.contains(QStringLiteral("FlagDeck's audit log")), qPrintable(kept));

    const Flag route = flagIn(QStringLiteral("support-assistant-route"));
    const Rollout half({{route.rollout.shares().first().variationId, 5000}, {route.rollout.shares().last().variationId, 5000}});
    const Flag rolled = waitFor(server->setRollout(Production, route.key, half, route.revision, longComment()), &error);
    QVERIFY2(error.detail.isEmpty(), qPrintable(error.sentence()));
    QCOMPARE(rolled.rollout, half);
    QCOMPARE(m_server->auditLogs(m_environment).last().value(QStringLiteral("comment")).toString().toUcs4().size(), 512);
}

void tst_FeatBitServer::aChangeAnsweredWith500IsReadAgain()
{
    auto server = connected();
    const Flag before = flagIn(QStringLiteral("agent-tool-tier"));
    m_server->setCommentLimit(3); // every comment fails FeatBit's audit row now, after the change
    ServerError error;
    const Flag killed = waitFor(server->setEnabled(Production, before.key, false, QStringLiteral("incident 4711")), &error);
    QVERIFY2(error.detail.isEmpty(), qPrintable(error.sentence()));
    QVERIFY(!killed.enabled);
    QCOMPARE(killed.revision, m_server->flag(m_environment, before.key).value(QStringLiteral("revision")).toString());

    const Flag route = flagIn(QStringLiteral("support-assistant-route"));
    const Rollout half({{route.rollout.shares().first().variationId, 5000}, {route.rollout.shares().last().variationId, 5000}});
    const Flag rolled = waitFor(server->setRollout(Production, route.key, half, route.revision, QStringLiteral("to 50%")), &error);
    QVERIFY2(error.detail.isEmpty(), qPrintable(error.sentence()));
    QCOMPARE(rolled.rollout, half);
}

void tst_FeatBitServer::aKillWithAProposalsCommentIsConfirmedAndKeptWhole()
{
    auto writer = TestAudit::openWriter(m_dir.filePath(QStringLiteral("audit-comment-%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch())));
    auto server = connected();
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    FlagStore store;
    store.reportEnvironment(server->connectionId(), Production, m_flags.value(Production));
    KillSwitch killSwitch(&store, writer.get(), [&](const QString &) { return static_cast<FlagServer *>(server.get()); });
    const FlagRef ref{server->connectionId(), Production, QStringLiteral("agent-tool-tier")};
    std::optional<ConfirmedChanges::Outcome> outcome;
    killSwitch.kill({ref}, longComment(), std::nullopt, [&](const ConfirmedChanges::Outcome &done) { outcome = done; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY2(outcome->confirmed, qPrintable(outcome->reason)); // not "kill failed" for a flag that is off
    QCOMPARE(store.find(ref)->operation, FlagStore::Operation::None);
    QVERIFY(!m_server->flag(m_environment, ref.key).value(QStringLiteral("isEnabled")).toBool());
    QCOMPARE(m_server->timesTurnedOff(m_environment, ref.key), 1); // FeatBit has its audit entry
    // FlagDeck's own audit keeps every character; FeatBit's says where they are.
    QTRY_VERIFY([&] {
        const QList<AuditEntry> entries = TestAudit::written(*writer);
        return std::any_of(entries.cbegin(), entries.cend(), [](const AuditEntry &entry) { return entry.comment == longComment(); });
    }());
    QVERIFY(m_server->auditLogs(m_environment).last().value(QStringLiteral("comment")).toString().contains(QStringLiteral("FlagDeck's audit log")));
}

void tst_FeatBitServer::aStreamResyncSkipsNoSubMillisecondNeighbour()
{
    auto server = connected();
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(m_server->openStreams(), 2);
    QSignalSpy changed(server.get(), &FlagServer::flagChanged);
    // One flag changes at .…600 µs and is pushed; the other in the same millisecond, at .…900 µs,
    // while the stream is down. Rounded to the nearest millisecond, the first would hide the second.
    const qint64 millisecond = QDateTime::currentMSecsSinceEpoch() + 2000;
    m_server->changeFlag(m_environment, QStringLiteral("agent-tool-tier"), [](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), false); },
                         QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"), millisecond * 1000 + 600);
    QTRY_COMPARE(changed.size(), 1);
    m_server->closeStreams(1011);
    m_server->changeFlag(m_environment, QStringLiteral("support-assistant-route"), [](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), false); },
                         QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"), millisecond * 1000 + 900, false);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 10000);
    QCOMPARE(changed.last().at(1).value<Flag>().key, QStringLiteral("support-assistant-route"));
    QVERIFY(!changed.last().at(1).value<Flag>().enabled);
}

void tst_FeatBitServer::auditHistorySkipsNoSubMillisecondNeighbour()
{
    auto writer = TestAudit::openWriter(m_dir.filePath(QStringLiteral("audit-ms-%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch())));
    auto server = connected();
    flagIn(QStringLiteral("agent-tool-tier"));
    const auto fetched = [&] {
        AuditSync sync(server.get(), writer.get());
        QSignalSpy caughtUp(&sync, &AuditSync::caughtUp);
        sync.start();
        [&] { QVERIFY(caughtUp.wait(10000)); }();
        return sync.entriesFetched();
    };
    QCOMPARE(fetched(), 2); // the creations
    const qint64 millisecond = QDateTime::currentMSecsSinceEpoch() + 20;
    const auto change = [&](qint64 us, bool enabled) {
        m_server->changeFlag(m_environment, QStringLiteral("agent-tool-tier"),
                             [enabled](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), enabled); },
                             enabled ? QStringLiteral("TurnFlagOn") : QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"), us);
    };
    change(millisecond * 1000 + 600, false);
    QTest::qWait(60);
    QCOMPARE(fetched(), 1);
    // In the same millisecond, 300 µs later: "from" is inclusive, so a mark rounded up skips it.
    change(millisecond * 1000 + 900, true);
    QCOMPARE(fetched(), 1);
    // Committed late, with a time before the newest one read: the overlap finds it.
    change((millisecond - 15) * 1000 + 250, false);
    QCOMPARE(fetched(), 1);
    QCOMPARE(fetched(), 0); // and nothing comes twice
    QCOMPARE(TestAudit::written(*writer).size(), 5);
}

void tst_FeatBitServer::archivedFlagsLeaveAtOnce()
{
    auto server = connected();
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(m_server->openStreams(), 2);
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    m_server->archiveFlag(m_environment, QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE_WITH_TIMEOUT(keysIn(Production), QStringList{QStringLiteral("support-assistant-route")}, 3000);
}

void tst_FeatBitServer::archiveIsAskedOfFeatBitAndTheFlagLeaves()
{
    auto server = connected();
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    QVERIFY(server->capabilities().testFlag(FlagServer::Capability::Archive));
    ServerError failure;
    const Flag archived =
        waitFor(server->archiveFlag(Production, QStringLiteral("agent-tool-tier"), QStringLiteral("code removed")), &failure);
    QVERIFY2(failure.detail.isEmpty(), qPrintable(failure.sentence()));
    QCOMPARE(archived.key, QStringLiteral("agent-tool-tier")); // as it was
    QCOMPARE(keysIn(Production), QStringList{QStringLiteral("support-assistant-route")});
    QVERIFY(m_server->flag(m_environment, QStringLiteral("agent-tool-tier")).value(QStringLiteral("isArchived")).toBool());
    // A flag that is not there is not found.
    ServerError error;
    waitFor(server->archiveFlag(Production, QStringLiteral("missing-flag"), {}), &error);
    QCOMPARE(error.kind, ServerError::Kind::NotFound);
}

void tst_FeatBitServer::deletedFlagsLeaveByReconciling()
{
    auto server = connected();
    server->setReconcileInterval(200);
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    m_server->deleteFlag(m_environment, QStringLiteral("agent-tool-tier")); // FeatBit pushes nothing
    QTRY_COMPARE_WITH_TIMEOUT(keysIn(Production), QStringList{QStringLiteral("support-assistant-route")}, 5000);
}

void tst_FeatBitServer::aDeletionWhileTheStreamWasDownIsSeenOnReconnect()
{
    auto server = connected(); // reconciling every minute: too late for this test
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(m_server->openStreams(), 2);
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    m_server->closeStreams(1011);
    m_server->deleteFlag(m_environment, QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE_WITH_TIMEOUT(keysIn(Production), QStringList{QStringLiteral("support-assistant-route")}, 10000);
}

void tst_FeatBitServer::pollingSaysWhenItMayBeDeaf()
{
    m_server->setWebSocketsBlocked(true);
    auto server = connected();
    server->setStreamPollInterval(100);
    server->setReconcileInterval(150);
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_VERIFY_WITH_TIMEOUT(server->isPolling(Production), 10000);
    QTest::qWait(500);
    QVERIFY2(server->liveUpdatesProblem().isEmpty(), qPrintable(server->liveUpdatesProblem()));
    // Rotated in FeatBit: latest-all answers the old secret with an empty 200, forever.
    m_server->rotateSecret(m_environment);
    m_server->changeFlag(m_environment, QStringLiteral("agent-tool-tier"), [](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), false); },
                         QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"));
    QTRY_VERIFY_WITH_TIMEOUT(server->liveUpdatesProblem().contains(QStringLiteral("secret may have changed")), 10000);
    QVERIFY2(server->stateDetail().contains(QStringLiteral("live updates may be missing")), qPrintable(server->stateDetail()));
}

void tst_FeatBitServer::aFlagCreatedOrDeletedWhileLoadingIsNotMissed_data()
{
    QTest::addColumn<bool>("deleting");
    QTest::addColumn<bool>("creating");
    QTest::newRow("deleted") << true << false;
    QTest::newRow("created") << false << true;
    QTest::newRow("both") << true << true;
}

void tst_FeatBitServer::aFlagCreatedOrDeletedWhileLoadingIsNotMissed()
{
    QFETCH(bool, deleting);
    QFETCH(bool, creating);
    // More than a page: FeatBit's list is newest first with offset pages.
    for (int i = 0; i < FeatBitServer::PageSize + 50; ++i)
        m_server->addBooleanFlag(m_environment, QStringLiteral("bulk-%1").arg(i, 3, 10, QLatin1Char('0')), true, 5000);
    bool done = false;
    m_server->setOnFlagListPage([&](const QString &environmentId, int pageIndex) {
        if (environmentId != m_environment || pageIndex != 1 || done)
            return;
        done = true;
        if (deleting) // on the first page, already read: the second page moves up by one
            m_server->deleteFlag(m_environment, QStringLiteral("bulk-%1").arg(FeatBitServer::PageSize + 49));
        if (creating) // newest: at the top of the first page, already read
            m_server->addBooleanFlag(m_environment, QStringLiteral("created-while-loading"), false, 0);
    });
    QList<QStringList> replaced;
    auto server = connected();
    connect(server.get(), &FlagServer::flagsReplaced, this, [&](const QString &environment, const QList<Flag> &flags) {
        if (environment != Production)
            return;
        QStringList keys;
        for (const Flag &flag : flags)
            keys.append(flag.key);
        keys.sort();
        replaced.append(keys);
    });
    QTRY_VERIFY_WITH_TIMEOUT(!replaced.isEmpty(), 10000);
    QVERIFY(done);
    QCOMPARE(replaced.first(), m_server->flagKeys(m_environment));
}

void tst_FeatBitServer::whatWorksFollowsVersionAndPermissions_data()
{
    QTest::addColumn<int>("version"); // major * 10000 + minor * 100 + patch
    QTest::addColumn<QStringList>("permissions"); // empty: the all-powerful test token
    QTest::addColumn<QString>("kill");            // why not, or empty
    QTest::addColumn<QString>("rollout");
    QTest::addColumn<QString>("history");
    // FeatBit checks targeting's permissions against the change itself: known after a refusal.
    QTest::addColumn<bool>("rolloutKnownUpFront");
    QTest::newRow("5.3.3") << 50303 << QStringList() << QString() << QString() << QString() << true;
    QTest::newRow("5.2.0") << 50200 << QStringList() << QString() << QStringLiteral("rollout changes need FeatBit 5.3.3 or newer")
                           << QString() << true;
    QTest::newRow("5.0.1") << 50001 << QStringList() << QStringLiteral("kill and restore need FeatBit 5.2.0 or newer")
                           << QStringLiteral("rollout changes need FeatBit 5.3.3 or newer") << QString() << true;
    QTest::newRow("4.9.0") << 40900 << QStringList() << QStringLiteral("kill and restore need FeatBit 5.2.0 or newer")
                           << QStringLiteral("rollout changes need FeatBit 5.3.3 or newer")
                           << QStringLiteral("history needs FeatBit 5.0.1 or newer, or a token that may read the audit log") << true;
    QTest::newRow("service token that may toggle")
        << 50303 << QStringList{QStringLiteral("ToggleFlag")} << QString()
        << QStringLiteral("rollout changes need FeatBit 5.3.3 or newer, or the UpdateFlagDefaultRule permission") << QString() << false;
    QTest::newRow("service token that may change the default rule")
        << 50303 << QStringList{QStringLiteral("UpdateFlagDefaultRule")}
        << QStringLiteral("kill and restore need FeatBit 5.2.0 or newer, or the ToggleFlag permission") << QString() << QString() << true;
}

void tst_FeatBitServer::whatWorksFollowsVersionAndPermissions()
{
    QFETCH(int, version);
    QFETCH(QStringList, permissions);
    QFETCH(QString, kill);
    QFETCH(QString, rollout);
    QFETCH(QString, history);
    QFETCH(bool, rolloutKnownUpFront);
    m_server->setVersion(version / 10000, version / 100 % 100, version % 100);
    QString token = FeatBitTestServer::AccessToken;
    if (!permissions.isEmpty()) {
        token = QStringLiteral("api-service-") + permissions.join(QLatin1Char('-'));
        m_server->addToken(token, permissions);
    }
    // The add-server Test says it before anything is saved.
    ConnectionProbe probe;
    QSignalSpy finished(&probe, &ConnectionProbe::finished);
    probe.start(featBitConnection(*m_server, QStringLiteral("probe"), QStringLiteral("probe")), token);
    QVERIFY(finished.wait(15000));
    const QString summary = finished.first().at(1).toString();
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(summary));
    for (const QString &why : {kill, rolloutKnownUpFront ? rollout : QString(), history})
        QVERIFY2(summary.contains(why), qPrintable(summary));
    if (kill.isEmpty() && (rollout.isEmpty() || !rolloutKnownUpFront) && history.isEmpty())
        QVERIFY2(!summary.contains(QStringLiteral("need")), qPrintable(summary));

    // The connection knows it, and says it in its detail.
    auto server = connected(token);
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    if (!rolloutKnownUpFront) {
        QVERIFY(server->capabilityProblem(FlagServer::Capability::SetRollout, Production).isEmpty());
        const Flag route = flagIn(QStringLiteral("support-assistant-route"));
        const Rollout half({{route.rollout.shares().first().variationId, 5000}, {route.rollout.shares().last().variationId, 5000}});
        ServerError error;
        waitFor(server->setRollout(Production, route.key, half, route.revision, QStringLiteral("to 50%")), &error);
        QCOMPARE(error.kind, ServerError::Kind::Forbidden);
    }
    QCOMPARE(server->capabilityProblem(FlagServer::Capability::Kill, Production), kill);
    QCOMPARE(server->capabilityProblem(FlagServer::Capability::Restore, Production), kill);
    QCOMPARE(server->capabilityProblem(FlagServer::Capability::SetRollout, Production), rollout);
    QCOMPARE(server->capabilityProblem(FlagServer::Capability::AuditHistory, Production), history);
    QCOMPARE(server->capabilities().testFlag(FlagServer::Capability::Kill), kill.isEmpty());
    // Learnt in one environment only, it is not yet known of the others.
    QCOMPARE(server->capabilities().testFlag(FlagServer::Capability::SetRollout), rollout.isEmpty() || !rolloutKnownUpFront);
    QCOMPARE(server->capabilities().testFlag(FlagServer::Capability::AuditHistory), history.isEmpty());
    for (const QString &why : {kill, rollout, history})
        QVERIFY2(server->stateDetail().contains(why), qPrintable(server->stateDetail()));

    // A kill that cannot work is refused with that reason before anything is sent.
    FlagStore store;
    store.reportEnvironment(server->connectionId(), Production, m_flags.value(Production));
    KillSwitch killSwitch(&store, nullptr, [&](const QString &) { return static_cast<FlagServer *>(server.get()); });
    const FlagRef ref{server->connectionId(), Production, QStringLiteral("agent-tool-tier")};
    std::optional<ConfirmedChanges::Outcome> outcome;
    killSwitch.kill({ref}, QStringLiteral("incident 4711"), std::nullopt, [&](const ConfirmedChanges::Outcome &done) { outcome = done; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QCOMPARE(outcome->confirmed, kill.isEmpty());
    if (!kill.isEmpty()) {
        QVERIFY2(outcome->reason.contains(kill), qPrintable(outcome->reason));
        QCOMPARE(store.find(ref)->operation, FlagStore::Operation::None); // not "kill failed"
    }
    QCOMPARE(m_server->timesTurnedOff(m_environment, ref.key), kill.isEmpty() ? 1 : 0);
}

void tst_FeatBitServer::environmentsTheTokenMayNotReadAreLeftOut()
{
    m_server->addToken(QStringLiteral("api-prod-only"), {QStringLiteral("ToggleFlag"), QStringLiteral("UpdateFlagDefaultRule")}, {m_environment});
    auto server = connected(QStringLiteral("api-prod-only"));
    flagIn(QStringLiteral("agent-tool-tier"));
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    QCOMPARE(server->environments(), QStringList{Production}); // FeatBit says nothing of ai/staging
    QVERIFY2(!server->stateDetail().contains(QStringLiteral("need")), qPrintable(server->stateDetail()));
}

void tst_FeatBitServer::whoseTokenItIsIsNotTold()
{
    // FeatBit's Open API has no route where an access token learns its owner or type (the
    // access-token routes take a user's login); the console says so instead of guessing.
    auto server = connected();
    QTRY_COMPARE(server->state(), ConnectionState::Connected);
    const TokenIdentity token = server->tokenIdentity();
    QVERIFY(!token.isTold());
    QCOMPARE(token.server, QStringLiteral("FeatBit"));
    QCOMPARE(token.text(), QStringLiteral("a FeatBit token whose owner the server does not say"));
    QVERIFY2(token.warning(QStringLiteral("alice")).contains(QStringLiteral("records the change under the token's name")),
             qPrintable(token.warning(QStringLiteral("alice"))));
}

QTEST_GUILESS_MAIN(tst_FeatBitServer)
#include "tst_featbitserver.moc"
