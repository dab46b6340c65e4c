#include "restclient.h"

#include "../core/jsonreader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

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
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_authorization);
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", ifNoneMatch);
    request.setTransferTimeout(TimeoutMs);
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    auto oversized = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, oversized](qint64 received, qint64) {
        if (received > MaxAnswerBytes) {
            *oversized = true;
            reply->abort();
        }
    });
    auto tlsFailed = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::sslErrors, reply, [tlsFailed](const QList<QSslError> &) { *tlsFailed = true; });
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, oversized, tlsFailed, handler = std::move(handler)] {
        reply->deleteLater();
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
