// The HTTP plumbing every connector uses: TLS is verified and a refusal is named; an answer over
// the size cap is cut off; a dropped connection is a network error, not a crash; a change is sent
// ahead of waiting reads.
#include "connectors/restclient.h"
#include "fakehttpserver.h"
#include "untrustedtlsserver.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

namespace {

RestClient::Answer answerOf(RestClient &client, const QString &path)
{
    RestClient::Answer result;
    bool done = false;
    client.get(path, [&](const RestClient::Answer &answer) {
        result = answer;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
    return result;
}

} // namespace

class tst_RestClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anUntrustedCertificateIsRefusedAndNamed();
    void answersPassThrough();
    void nobodyListeningIsANetworkError();
    void forgottenAnswersAreNotDelivered();
    void aChangeGoesAheadOfWaitingReads();
};

void tst_RestClient::anUntrustedCertificateIsRefusedAndNamed()
{
    if (!QSslSocket::supportsSsl())
        QFAIL("this Qt has no TLS backend; FlagDeck needs one for https:// servers");
    UntrustedTlsServer server;
    RestClient client;
    client.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
    client.setAuthorization("secret-token");
    const RestClient::Answer answer = answerOf(client, QStringLiteral("/api/v1/projects"));
    QVERIFY(answer.tlsFailed);
    QVERIFY(!answer.succeeded());
    QCOMPARE(answer.status, 0);
    QVERIFY(!answer.networkError.isEmpty());
}

void tst_RestClient::answersPassThrough()
{
    FakeHttpServer server;
    server.answer(QStringLiteral("/base/api/x"), 201, R"({"ok":true})");
    RestClient client;
    client.setBaseUrl(QUrl(server.url().toString() + QStringLiteral("/base/")));
    const RestClient::Answer answer = answerOf(client, QStringLiteral("/api/x?limit=1"));
    QCOMPARE(answer.status, 201);
    QVERIFY(answer.succeeded());
    QCOMPARE(RestClient::documentOf(answer)->object().value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(server.requestsFor(QStringLiteral("/base/api/x")), 1);
}

void tst_RestClient::nobodyListeningIsANetworkError()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
    }
    RestClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    const RestClient::Answer answer = answerOf(client, QStringLiteral("/x"));
    QVERIFY(!answer.networkError.isEmpty());
    QVERIFY(!answer.tlsFailed);
}

void tst_RestClient::forgottenAnswersAreNotDelivered()
{
    FakeHttpServer server;
    server.answer(QStringLiteral("/x"), 200, "{}");
    RestClient client;
    client.setBaseUrl(server.url());
    bool delivered = false;
    client.get(QStringLiteral("/x"), [&](const RestClient::Answer &) { delivered = true; });
    client.forgetPending();
    QTest::qWait(300);
    QVERIFY(!delivered);
    QCOMPARE(server.requestsFor(QStringLiteral("/x")), 1);
}

// A first connect reads every flag at once; a kill asked for meanwhile is sent before the reads
// still waiting, and no more requests are on the wire than Qt sends at once (one more would wait
// in Qt's own queue with its timeout running).
void tst_RestClient::aChangeGoesAheadOfWaitingReads()
{
    FakeHttpServer server;
    server.setAnswerDelay(20);
    server.answer(QStringLiteral("/flag"), 200, "{}");
    server.answer(QStringLiteral("/kill"), 200, "{}");
    RestClient client;
    client.setBaseUrl(server.url());
    QStringList finished;
    constexpr int Reads = 60;
    for (int i = 0; i < Reads; ++i)
        client.get(QStringLiteral("/flag"), [&](const RestClient::Answer &) { finished.append(QStringLiteral("read")); });
    client.send("POST", QStringLiteral("/kill"), "{}", [&](const RestClient::Answer &answer) {
        QVERIFY(answer.succeeded());
        finished.append(QStringLiteral("kill"));
    });
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), Reads + 1, 20000);
    // Queued behind the reads it finishes last; sent as soon as a read answers, among the first
    // dozen or so.
    QVERIFY2(finished.indexOf(QStringLiteral("kill")) < Reads / 3,
             qPrintable(QString::number(finished.indexOf(QStringLiteral("kill")))));
    QVERIFY(server.mostAtOnce() <= RestClient::MostInFlight);
    QVERIFY(server.mostAtOnce() > 1);
}

QTEST_GUILESS_MAIN(tst_RestClient)
#include "tst_restclient.moc"
