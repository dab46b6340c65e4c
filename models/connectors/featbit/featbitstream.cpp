#include "featbitstream.h"

#include "../../core/jsonreader.h"
#include "../restclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace {

constexpr int RefusedCloseCode = 4003;

QUrl withScheme(QUrl url, bool webSocket)
{
    const bool secure = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("wss");
    url.setScheme(webSocket ? (secure ? QStringLiteral("wss") : QStringLiteral("ws")) : (secure ? QStringLiteral("https") : QStringLiteral("http")));
    return url;
}

} // namespace

FeatBitStream::FeatBitStream(const QUrl &evaluationUrl, const QString &secret, std::function<qint64()> syncTimestamp,
                             QObject *parent)
    : QObject(parent)
    , m_streamUrl(withScheme(evaluationUrl, true))
    , m_rest(new RestClient(this))
    , m_secret(secret)
    , m_syncTimestamp(std::move(syncTimestamp))
{
    m_rest->setBaseUrl(withScheme(evaluationUrl, false));
    m_rest->setAuthorization(secret.toUtf8());
    m_socket.setMaxAllowedIncomingMessageSize(quint64(MaxMessageBytes));
    m_ping.setInterval(PingIntervalMs);
    m_retry.setSingleShot(true);
    m_poll.setInterval(PollIntervalMs);
    connect(&m_ping, &QTimer::timeout, this, [this] { m_socket.sendTextMessage(QStringLiteral("{\"messageType\":\"ping\",\"data\":{}}")); });
    connect(&m_retry, &QTimer::timeout, this, &FeatBitStream::open);
    connect(&m_poll, &QTimer::timeout, this, &FeatBitStream::poll);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        m_synced = false;
        m_ping.start();
        const QJsonObject sync{{QStringLiteral("messageType"), QStringLiteral("data-sync")},
                               {QStringLiteral("data"), QJsonObject{{QStringLiteral("timestamp"), double(m_syncTimestamp())}}}};
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(sync).toJson(QJsonDocument::Compact)));
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &FeatBitStream::onMessage);
    connect(&m_socket, &QWebSocket::disconnected, this, &FeatBitStream::onClosed);
}

FeatBitStream::~FeatBitStream()
{
    stop();
}

void FeatBitStream::start()
{
    m_stopped = false;
    m_failures = 0;
    open();
}

void FeatBitStream::stop()
{
    m_stopped = true;
    m_ping.stop();
    m_retry.stop();
    m_poll.stop();
    m_rest->forgetPending();
    m_socket.abort(); // onClosed() sees m_stopped and tries nothing
    m_open = false;
}

void FeatBitStream::open()
{
    if (m_stopped)
        return;
    QUrl url = m_streamUrl;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/streaming"));
    // A new token each time: the server accepts one for 30 seconds around its own clock.
    const int splitAt = int(QRandomGenerator::global()->bounded(qMax(1, int(m_secret.size()))));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("type"), QStringLiteral("server"));
    query.addQueryItem(QStringLiteral("token"),
                       FeatBitPayloads::connectionToken(m_secret, QDateTime::currentMSecsSinceEpoch(), splitAt));
    url.setQuery(query);
    m_socket.open(url);
}

void FeatBitStream::onMessage(const QString &message)
{
    Result<QJsonDocument> document = parseJsonDocument(message.toUtf8(), MaxMessageBytes, tr("a stream message"));
    Result<FeatBitPayloads::StreamMessage> read = document && document->isObject()
        ? FeatBitPayloads::readStreamMessage(document->object())
        : Result<FeatBitPayloads::StreamMessage>::failure(document ? tr("a stream message is not a JSON object") : document.error());
    if (!read) {
        // One bad message loses nothing that a fresh sync would not bring: reconnect and resync.
        retryLater(tr("the evaluation server sent something FlagDeck cannot read (%1)").arg(read.error()));
        m_socket.abort();
        return;
    }
    if (read->messageType != QLatin1String("data-sync"))
        return; // pong and anything newer
    // The first answer on a connection says changes flow again.
    const bool firstSinceOpen = !m_synced;
    m_synced = true;
    m_failures = 0;
    m_poll.stop();
    if (firstSinceOpen)
        Q_EMIT live();
    Q_EMIT received(read->dataSync);
}

void FeatBitStream::onClosed()
{
    m_ping.stop();
    const bool wasOpen = m_open;
    m_open = false;
    if (m_stopped)
        return;
    if (int(m_socket.closeCode()) == RefusedCloseCode) {
        m_stopped = true;
        m_poll.stop();
        Q_EMIT refused(tr("the evaluation server refused the stream (close code 4003): the environment's server secret "
                          "is wrong, or this computer's clock is more than 30 s off"));
        return;
    }
    const QString reason = wasOpen ? tr("the evaluation server closed the stream (%1 %2)")
                                         .arg(int(m_socket.closeCode()))
                                         .arg(m_socket.closeReason())
                                   : tr("the evaluation server's stream could not be opened: %1").arg(m_socket.errorString());
    retryLater(reason);
}

void FeatBitStream::retryLater(const QString &reason)
{
    if (m_stopped || m_retry.isActive())
        return;
    ++m_failures;
    // 1 s, 2 s, 4 s … up to a minute, each somewhere in its upper half so clients spread out.
    const int ceiling = std::min(MaxRetryMs, FirstRetryMs << std::min(m_failures - 1, 6));
    m_retry.start(ceiling / 2 + int(QRandomGenerator::global()->bounded(ceiling / 2 + 1)));
    if (m_failures >= FailuresBeforePolling && !m_poll.isActive()) {
        m_poll.start();
        poll();
    }
    Q_EMIT interrupted(reason);
}

void FeatBitStream::poll()
{
    m_rest->get(QStringLiteral("/api/public/sdk/server/latest-all?timestamp=%1").arg(m_syncTimestamp()), [this](const RestClient::Answer &answer) {
        if (answer.status == 401 || answer.status == 403) {
            m_stopped = true;
            m_poll.stop();
            m_retry.stop();
            Q_EMIT refused(tr("the evaluation server does not accept this environment's server secret (HTTP %1)").arg(answer.status));
            return;
        }
        if (!answer.succeeded())
            return; // the stream's retries report the outage
        if (answer.body.trimmed().isEmpty()) {
            Q_EMIT live(); // nothing changed
            return;
        }
        Result<QJsonDocument> document = RestClient::documentOf(answer);
        if (!document || !document->isObject())
            return;
        Result<FeatBitPayloads::StreamMessage> read = FeatBitPayloads::readStreamMessage(document->object());
        if (!read || read->messageType != QLatin1String("data-sync"))
            return;
        Q_EMIT live();
        Q_EMIT received(read->dataSync);
    });
}
