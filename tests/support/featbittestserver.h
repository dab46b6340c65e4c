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

    // Ports 0: any free ones. A server started again on the ports it had answers the same URLs.
    explicit FeatBitTestServer(quint16 apiPort = 0, quint16 evaluationPort = 0);
    ~FeatBitTestServer() override;

    QUrl apiUrl() const;
    QUrl evaluationUrl() const;

    // A project's environment; returns its id. Its server secret opens the stream.
    QString addEnvironment(const QString &projectKey, const QString &environmentKey);
    QString serverSecret(const QString &environmentId) const;

    // A boolean flag whose default rule serves true to onBasisPoints of everyone, false to the rest.
    QJsonObject addBooleanFlag(const QString &environmentId, const QString &key, bool enabled, int onBasisPoints);
    QJsonObject flag(const QString &environmentId, const QString &key) const;
    // The keys of the flags that are neither archived nor deleted, sorted.
    QStringList flagKeys(const QString &environmentId) const;
    // How many times the server turned this flag off (its audit log's TurnFlagOff entries).
    int timesTurnedOff(const QString &environmentId, const QString &key) const;
    // As a person in FeatBit's UI would change it: new revision, audit log, pushed to streams.
    // updatedAtUs: the change's time in microseconds (0: now); pushed: whether open streams hear of it.
    void changeFlag(const QString &environmentId, const QString &key, const std::function<void(QJsonObject &)> &change,
                    const QString &instruction, const QString &creatorName, qint64 updatedAtUs = 0, bool pushed = true,
                    const QString &comment = {});
    // Archived as in FeatBit's UI: pushed with isArchived: true, left out of the list.
    void archiveFlag(const QString &environmentId, const QString &key);
    // Deleted for good: FeatBit pushes nothing.
    void deleteFlag(const QString &environmentId, const QString &key);
    // The environment's server secret is rotated: the old one opens no stream; latest-all, which
    // only checks that a secret is well formed, answers it with an empty 200.
    void rotateSecret(const QString &environmentId);
    int auditLogCount(const QString &environmentId) const { return int(m_environments.value(environmentId).auditLogs.size()); }
    QList<QJsonObject> auditLogs(const QString &environmentId) const { return m_environments.value(environmentId).auditLogs; }
    // FeatBit's comment columns are varchar(512): a longer comment answers 500 after the flag was
    // saved, with no audit log and no push. Lower it to make any change fail that way.
    void setCommentLimit(int codePoints) { m_commentLimit = codePoints; }
    int pushesSent() const { return m_pushesSent; }
    // Called on each request for a page of the flag list, before it is answered.
    void setOnFlagListPage(std::function<void(const QString &environmentId, int pageIndex)> hook) { m_onFlagListPage = std::move(hook); }
    // Called on each request for a page of the audit logs, before it is answered.
    void setOnAuditLogPage(std::function<void(const QString &environmentId, int pageIndex)> hook) { m_onAuditLogPage = std::move(hook); }
    // Called once a change is stored (its flag and audit log written), before it is answered or
    // pushed: where a server in a process of its own commits its state (see saveState()).
    void setOnChange(std::function<void()> hook) { m_onChange = std::move(hook); }
    // Everything the server holds — environments, flags, audit logs — as its database would, so a
    // server killed and started again answers as the same server (restoreState()).
    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

    // The FeatBit version answering: access tokens reach audit logs from 5.0.1 (403 before),
    // toggle/{status} from 5.2.0 (404 before), targeting from 5.3.3 (405 before).
    void setVersion(int major, int minor, int patch) { m_version = major * 10000 + minor * 100 + patch; }
    // Another access token. A service token has its policy's permissions ("ToggleFlag", checked
    // before toggle's handler; "UpdateFlagDefaultRule", checked by targeting's handler once it
    // knows the change touches the default rule); a personal token its creator's. environmentIds: the environments
    // it may read (all when empty); the others are left out of the projects, without a word.
    void addToken(const QString &token, const QStringList &permissions, const QStringList &environmentIds = {});

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
    struct Token
    {
        QStringList permissions; // empty with all: every permission
        QStringList environments;
        bool all = false;
    };
    const Token *tokenOf(const QHttpServerRequest &request) const;
    bool mayRead(const QHttpServerRequest &request, const QString &environmentId) const;
    bool may(const QHttpServerRequest &request, const QString &environmentId, const QString &permission) const;
    // Now in microseconds, later than every time handed out before.
    qint64 nextTimeUs();
    bool commentFits(const QHttpServerRequest &request) const;

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
    int m_pushesSent = 0;
    int m_commentLimit = 512;
    int m_version = 50303;
    QHash<QByteArray, Token> m_tokens;
    qint64 m_lastUs = 0;
    std::function<void(const QString &, int)> m_onFlagListPage;
    std::function<void(const QString &, int)> m_onAuditLogPage;
    std::function<void()> m_onChange;
};
