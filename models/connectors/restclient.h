#pragma once

#include "../core/result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QObject>
#include <QUrl>

#include <deque>
#include <functional>

class QNetworkAccessManager;

// JSON over HTTP(S) for a connector: paths relative to one base URL, one Authorization value,
// answers capped in size and time, TLS verified (Qt's default, never relaxed). forgetPending()
// drops the answers of everything sent so far, so a reconnect never sees an older connection's.
// At most MostInFlight requests are on the wire; the others wait here, a change (anything but a
// GET) ahead of every read, so a kill is not queued behind a thousand flag reads, and a request's
// timeout counts from when it is sent, not from when it was asked for.
class RestClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int TimeoutMs = 15000;
    static constexpr qint64 MaxAnswerBytes = 64LL * 1024 * 1024;
    // Qt's connections per host: more would wait in Qt's queue with their timeout running.
    static constexpr int MostInFlight = 6;

    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray etag;
        QString networkError;  // set when no HTTP answer came
        bool tooLarge = false; // cut off at MaxAnswerBytes
        bool tlsFailed = false;

        bool succeeded() const { return networkError.isEmpty() && !tooLarge && status >= 200 && status < 300; }
    };
    using Handler = std::function<void(const Answer &answer)>;

    explicit RestClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    const QUrl &baseUrl() const { return m_baseUrl; }
    void setAuthorization(const QByteArray &value) { m_authorization = value; }

    // path may carry a query ("/api/x?limit=1"); it is appended to the base URL's path.
    void send(const QByteArray &verb, const QString &path, const QByteArray &body, Handler handler,
              const QByteArray &ifNoneMatch = {});
    void get(const QString &path, Handler handler) { send("GET", path, {}, std::move(handler)); }
    void forgetPending() { ++m_generation; }

    // The answer's JSON document, or why there is none.
    static Result<QJsonDocument> documentOf(const Answer &answer);
    // A path segment, percent-encoded.
    static QString part(const QString &text);

private:
    struct Request
    {
        QNetworkRequest http;
        QByteArray verb;
        QByteArray body;
        Handler handler;
        quint64 generation = 0;
    };
    void sendWaiting();
    void start(Request request);

    QNetworkAccessManager *m_network;
    std::deque<Request> m_waiting;
    int m_inFlight = 0;
    QUrl m_baseUrl;
    QByteArray m_authorization;
    quint64 m_generation = 0;
};
