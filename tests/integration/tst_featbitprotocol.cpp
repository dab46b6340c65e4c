// The FeatBit protocol test server, proven with FeatBit's own Node server SDK (npm,
// tests/featbit): the SDK connects to its evaluation server, receives the flags, evaluates them
// exactly as FeatBit's dispatch algorithm says for the test server's data, and sees changes.
#include "connectors/featbit/featbitserver.h"
#include "connectors/serverreply.h"
#include "featbitconnection.h"
#include "store/memorysecretstore.h"
#include "testchildprocess.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QtEndian>

namespace {

constexpr int Users = 300;

// FeatBit's bucketing, written from its documentation: MD5 of flag key + user key, the first four
// bytes as a little-endian int32 over INT32_MIN, absolute → [0, 1].
double bucketOf(const QString &flagKey, const QString &userKey)
{
    const QByteArray digest = QCryptographicHash::hash((flagKey + userKey).toUtf8(), QCryptographicHash::Md5);
    const qint32 value = qFromLittleEndian<qint32>(digest.constData());
    return std::abs(double(value) / double(std::numeric_limits<qint32>::min()));
}

bool servesTrue(const QJsonObject &flag, const QString &userKey)
{
    if (!flag.value(QStringLiteral("isEnabled")).toBool())
        return false;
    const double p = bucketOf(flag.value(QStringLiteral("key")).toString(), userKey);
    for (const QJsonValue &value : flag.value(QStringLiteral("fallthrough")).toObject().value(QStringLiteral("variations")).toArray()) {
        const QJsonArray range = value.toObject().value(QStringLiteral("rollout")).toArray();
        const double start = range.at(0).toDouble();
        const double end = range.at(1).toDouble();
        const bool everyone = start == 0 && end > 1 - 1e-5;
        if (everyone || (start <= p && p <= end)) {
            const QString id = value.toObject().value(QStringLiteral("id")).toString();
            for (const QJsonValue &variation : flag.value(QStringLiteral("variations")).toArray()) {
                if (variation.toObject().value(QStringLiteral("id")).toString() == id)
                    return variation.toObject().value(QStringLiteral("value")).toString() == QLatin1String("true");
            }
        }
    }
    return false;
}

} // namespace

class tst_FeatBitProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void theSdkEvaluatesWhatTheServerHolds();
    void theSdkSeesAChangeWithinOneSecond();
    void theSdkResyncsAfterTheServerRestartsItsStreams();
    void theSdkSeesAKillMadeFromFlagDeckWithinOneSecond();

private:
    QJsonObject nextLine(int timeoutMs = 10000);

    FeatBitTestServer m_server;
    QString m_environment;
    QProcess m_sdk;
    QStringList m_flags{QStringLiteral("support-assistant-route"), QStringLiteral("agent-tool-tier"), QStringLiteral("fallback-mode")};
};

void tst_FeatBitProtocol::initTestCase()
{
    m_environment = m_server.addEnvironment(QStringLiteral("ai"), QStringLiteral("prod"));
    m_server.addBooleanFlag(m_environment, m_flags.at(0), true, 2000);
    m_server.addBooleanFlag(m_environment, m_flags.at(1), true, 10000);
    m_server.addBooleanFlag(m_environment, m_flags.at(2), false, 10000);
    const QString folder = QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/featbit");
    if (!QFile::exists(folder + QStringLiteral("/node_modules/@featbit/node-server-sdk/package.json")))
        QFAIL("FeatBit's Node SDK is not installed in tests/featbit: run `npm ci` there (installer/bootstrap.sh test does)");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FEATBIT_SECRET"), m_server.serverSecret(m_environment));
    QUrl streaming = m_server.evaluationUrl();
    streaming.setScheme(QStringLiteral("ws"));
    environment.insert(QStringLiteral("FEATBIT_STREAMING_URI"), streaming.toString());
    environment.insert(QStringLiteral("FEATBIT_EVENTS_URI"), m_server.evaluationUrl().toString());
    environment.insert(QStringLiteral("FEATBIT_FLAGS"), m_flags.join(QLatin1Char(',')));
    environment.insert(QStringLiteral("FEATBIT_USERS"), QString::number(Users));
    m_sdk.setProcessEnvironment(environment);
    m_sdk.setWorkingDirectory(folder);
    m_sdk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    TestChildProcess::endWithTest(m_sdk);
    m_sdk.start(QStringLiteral("node"), {QStringLiteral("sdkprobe.mjs")});
    QVERIFY(m_sdk.waitForStarted(10000));
}

void tst_FeatBitProtocol::cleanupTestCase()
{
    m_sdk.closeWriteChannel();
    if (!m_sdk.waitForFinished(5000))
        m_sdk.kill();
}

QJsonObject tst_FeatBitProtocol::nextLine(int timeoutMs)
{
    // The SDK logs to standard output too; only the probe's own lines are JSON with an "event".
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        while (m_sdk.canReadLine()) {
            const QByteArray line = m_sdk.readLine();
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            if (object.contains(QStringLiteral("event")))
                return object;
            qDebug("sdk: %s", line.trimmed().constData());
        }
        QTest::qWait(2);
    }
    return {};
}

void tst_FeatBitProtocol::theSdkEvaluatesWhatTheServerHolds()
{
    const QJsonObject ready = nextLine();
    QCOMPARE(ready.value(QStringLiteral("event")).toString(), QStringLiteral("ready"));
    QVERIFY(m_server.dataSyncRequests() >= 1);
    int trueForTwentyPercent = 0;
    for (const QString &key : std::as_const(m_flags)) {
        const QJsonObject values = ready.value(QStringLiteral("values")).toObject().value(key).toObject();
        QCOMPARE(values.size(), Users);
        const QJsonObject flag = m_server.flag(m_environment, key);
        for (int i = 0; i < Users; ++i) {
            const QString user = QStringLiteral("u%1").arg(i);
            QCOMPARE(values.value(user).toBool(), servesTrue(flag, user));
            if (key == m_flags.at(0) && values.value(user).toBool())
                ++trueForTwentyPercent;
        }
    }
    // The bucketing is not a constant: about a fifth of the users get the 20% variation.
    QVERIFY2(trueForTwentyPercent > Users / 10 && trueForTwentyPercent < Users * 3 / 10, qPrintable(QString::number(trueForTwentyPercent)));
}

void tst_FeatBitProtocol::theSdkSeesAChangeWithinOneSecond()
{
    QElapsedTimer timer;
    timer.start();
    m_server.changeFlag(m_environment, m_flags.at(1), [](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), false); },
                        QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"));
    const QJsonObject update = nextLine(1000);
    QCOMPARE(update.value(QStringLiteral("event")).toString(), QStringLiteral("update"));
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(update.value(QStringLiteral("keys")).toArray(), QJsonArray{m_flags.at(1)});
    const QJsonObject values = update.value(QStringLiteral("values")).toObject().value(m_flags.at(1)).toObject();
    QVERIFY(std::none_of(values.begin(), values.end(), [](const QJsonValue &value) { return value.toBool(); }));
}

void tst_FeatBitProtocol::theSdkResyncsAfterTheServerRestartsItsStreams()
{
    const int opened = m_server.streamsOpened();
    const int syncs = m_server.dataSyncRequests();
    m_server.closeStreams(1000); // FeatBit's evaluation server shutting down
    QTRY_VERIFY_WITH_TIMEOUT(m_server.streamsOpened() > opened, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(m_server.dataSyncRequests() > syncs, 5000);
    // Changed while the stream was down: the SDK's patch sync brings it.
    m_server.changeFlag(m_environment, m_flags.at(2), [](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), true); },
                        QStringLiteral("TurnFlagOn"), QStringLiteral("Aiko Sato"));
    const QJsonObject update = nextLine(2000);
    QCOMPARE(update.value(QStringLiteral("keys")).toArray(), QJsonArray{m_flags.at(2)});
}

void tst_FeatBitProtocol::theSdkSeesAKillMadeFromFlagDeckWithinOneSecond()
{
    MemorySecretStore secrets;
    const ConnectionConfig config = featBitConnection(m_server, QStringLiteral("featbit"), QStringLiteral("token"));
    secrets.writeSecret(config.secretRef, FeatBitTestServer::AccessToken, [](const QString &) {});
    FeatBitServer console(config, &secrets);
    console.connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), ConnectionState::Connected, 10000);

    QElapsedTimer timer;
    timer.start();
    ServerReply *reply = console.setEnabled(QStringLiteral("ai/prod"), m_flags.at(0), false, QStringLiteral("incident"));
    bool confirmed = false;
    connect(reply, &ServerReply::finished, this, [&] { confirmed = !reply->failed() && !reply->flag().enabled; });
    const QJsonObject update = nextLine(1000);
    const qint64 seenAfterMs = timer.elapsed();
    QCOMPARE(update.value(QStringLiteral("keys")).toArray(), QJsonArray{m_flags.at(0)});
    QVERIFY2(seenAfterMs < 1000, qPrintable(QString::number(seenAfterMs)));
    const QJsonObject values = update.value(QStringLiteral("values")).toObject().value(m_flags.at(0)).toObject();
    QVERIFY(std::none_of(values.begin(), values.end(), [](const QJsonValue &value) { return value.toBool(); }));
    QTRY_VERIFY(confirmed);
}

QTEST_GUILESS_MAIN(tst_FeatBitProtocol)
#include "tst_featbitprotocol.moc"
