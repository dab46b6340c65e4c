#include "restclient.h"

#include "../core/jsonreader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>
#include <memory>

RestClient::RestClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

QString RestClient::part(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

void RestClient::send(const QByteArray &verb, const QString &path, const QByteArray &body, Handler handler,
                      const QByteArray &ifNoneMatch)
{
    QUrl url = m_baseUrl;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + (query < 0 ? path : path.left(query)), QUrl::TolerantMode);
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest http(url);
    http.setRawHeader("Authorization", m_authorization);
    http.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!ifNoneMatch.isEmpty())
        http.setRawHeader("If-None-Match", ifNoneMatch);
    http.setTransferTimeout(TimeoutMs);

    Request request{http, verb, body, std::move(handler), m_generation};
    if (verb == "GET") {
        m_waiting.push_back(std::move(request));
    } else {
        const auto firstRead = std::find_if(m_waiting.begin(), m_waiting.end(),
                                            [](const Request &waiting) { return waiting.verb == "GET"; });
        m_waiting.insert(firstRead, std::move(request));
    }
    sendWaiting();
}

void RestClient::sendWaiting()
{
    while (m_inFlight < MostInFlight && !m_waiting.empty()) {
        Request request = std::move(m_waiting.front());
        m_waiting.pop_front();
        start(std::move(request));
    }
}

void RestClient::start(Request request)
{
    ++m_inFlight;
    QNetworkReply *reply = m_network->sendCustomRequest(request.http, request.verb, request.body);
    auto oversized = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, oversized](qint64 received, qint64) {
        if (received > MaxAnswerBytes) {
            *oversized = true;
            reply->abort();
        }
    });
    auto tlsFailed = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::sslErrors, reply, [tlsFailed](const QList<QSslError> &) { *tlsFailed = true; });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, generation = request.generation, oversized, tlsFailed, handler = std::move(request.handler)] {
        reply->deleteLater();
        --m_inFlight;
        sendWaiting();
        if (generation != m_generation)
            return;
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.etag = reply->rawHeader("ETag");
        answer.tooLarge = *oversized;
        answer.tlsFailed = *tlsFailed;
        if (answer.status == 0 && !answer.tooLarge)
            answer.networkError = reply->errorString();
        handler(answer);
    });
}

Result<QJsonDocument> RestClient::documentOf(const Answer &answer)
{
    return parseJsonDocument(answer.body, MaxAnswerBytes, tr("the answer"));
}
