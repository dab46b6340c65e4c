#pragma once

#include <QHash>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <functional>

class QWebSocket;

// FeatBit as a console and FeatBit's own SDKs see it, on 127.0.0.1: the management API's subset
// FlagDeck uses (access-token authentication, the {success, errors, data} envelope, projects with
// their environments, flags, toggle, targeting with its revision and 409, audit logs) and the
// evaluation server (the WebSocket stream with its connection token, data-sync full and patch,
// ping, pushes on change, close codes 4003/1011/1000, and the polling endpoint). Written from
// FeatBit's documented protocol, independently of FlagDeck's connector, and checked against
// FeatBit's Node server SDK.
class FeatBitTestServer : public QObject
{
public:
    static inline const QString AccessToken = QStringLiteral("api-flagdeck-test-access-token");
    static inline const QString TokenName = QStringLiteral("flagdeck-it");
    static constexpr qint64 TokenToleranceMs = 30000;

    FeatBitTestServer();
    ~FeatBitTestServer() override;

    QUrl apiUrl() const;
    QUrl evaluationUrl() const;

    // A project's environment; returns its id. Its server secret opens the stream.
    QString addEnvironment(const QString &projectKey, const QString &environmentKey);
    QString serverSecret(const QString &environmentId) const;

    // A boolean flag whose default rule serves true to onBasisPoints of everyone, false to the rest.
    QJsonObject addBooleanFlag(const QString &environmentId, const QString &key, bool enabled, int onBasisPoints);
    QJsonObject flag(const QString &environmentId, const QString &key) const;
    // How many times the server turned this flag off (its audit log's TurnFlagOff entries).
    int timesTurnedOff(const QString &environmentId, const QString &key) const;
    // As a person in FeatBit's UI would change it: new revision, audit log, pushed to streams.
    void changeFlag(const QString &environmentId, const QString &key, const std::function<void(QJsonObject &)> &change,
                    const QString &instruction, const QString &creatorName);

    // The evaluation server's clock runs off by this much (connection tokens are checked against it).
    void setClockSkewMs(qint64 skew) { m_clockSkewMs = skew; }
    // Upgrades are dropped at once, as by a proxy that does not pass WebSockets.
    void setWebSocketsBlocked(bool blocked) { m_webSocketsBlocked = blocked; }
    // Closes every open stream with this code (1000: shutting down, 1011: store unavailable).
    void closeStreams(int code);
    int openStreams() const { return int(m_streams.size()); }
    int streamsOpened() const { return m_streamsOpened; }
    int dataSyncRequests() const { return m_dataSyncRequests; }
    int pollRequests() const { return m_pollRequests; }

private:
    struct Environment
    {
        QString id;
        QString projectKey;
        QString key;
        QString secret;
        QMap<QString, QJsonObject> flags; // key → FeatBit's full domain object
        QList<QJsonObject> auditLogs;     // newest last
    };
    struct Stream
    {
        QWebSocket *socket = nullptr;
        QString environmentId;
    };

    void routeApi();
    void routeEvaluation();
    QHttpServerResponse toggle(const QString &environmentId, const QString &key, const QString &state,
                               const QHttpServerRequest &request);
    QHttpServerResponse updateTargeting(const QString &environmentId, const QString &key, const QHttpServerRequest &request);
    QHttpServerResponse auditLogs(const QString &environmentId, const QHttpServerRequest &request);
    void acceptStream();
    void onStreamMessage(QWebSocket *socket, const QString &message);
    // The environment a connection token names, or an empty string when it is invalid or stale.
    QString environmentOfToken(const QString &token) const;
    QString environmentOfSecret(const QByteArray &secret) const;
    // What the store answers to a data-sync: objects updated after timestampMs (all for 0).
    QJsonObject dataSync(const QString &environmentId, qint64 timestampMs) const;
    void record(Environment &environment, const QJsonObject &before, const QJsonObject &after, const QString &operation,
                const QString &instruction, const QString &comment, const QString &creatorName, const QString &creatorEmail);
    void push(const QString &environmentId, const QJsonObject &flag);
    qint64 nowMs() const;

    QHttpServer m_api;
    QHttpServer m_evaluation;
    quint16 m_apiPort = 0;
    quint16 m_evaluationPort = 0;
    QMap<QString, Environment> m_environments;
    QList<Stream> m_streams;
    qint64 m_clockSkewMs = 0;
    bool m_webSocketsBlocked = false;
    int m_streamsOpened = 0;
    int m_dataSyncRequests = 0;
    int m_pollRequests = 0;
};
