#pragma once

#include "../flagserver.h"
#include "../restclient.h"
#include "featbitpayloads.h"

#include <QHash>
#include <QSet>
#include <QJsonObject>

#include <functional>
#include <memory>

class FeatBitStream;
class SecretStore;

// A FeatBit workspace through its Open API with an access token (the raw "api-…" token in the
// Authorization header): each project × environment is one FlagDeck environment,
// "project/environment" by their keys. Flags are read whole (targeting and revision); live
// changes come from the evaluation server's stream of each environment, with the environment's
// server secret (or by polling where WebSockets are blocked). Kills go through the toggle
// endpoint; rollouts through the targeting endpoint with the revision, so a flag changed
// meanwhile is a conflict, never overwritten.
class FeatBitServer : public FlagServer
{
    Q_OBJECT

public:
    static constexpr int PageSize = 100;

    FeatBitServer(ConnectionConfig config, SecretStore *secrets, QObject *parent = nullptr);
    ~FeatBitServer() override;

    Capabilities capabilities() const override;
    void connectToServer() override;
    void disconnectFromServer() override;
    QStringList environments() const override;

    ServerReply *setEnabled(const QString &environment, const QString &flagKey, bool enabled,
                            const QString &comment) override;
    ServerReply *setRollout(const QString &environment, const QString &flagKey, const Rollout &rollout,
                            const QString &expectedRevision, const QString &comment) override;
    ServerReply *fetchAuditSince(const QString &cursor) override;

    // Whether an environment's changes come by polling because its stream cannot be opened.
    bool isPolling(const QString &environment) const;
    QString liveUpdatesProblem() const override;

private:
    struct Environment
    {
        QString id;
        QString name; // "project/environment"
        QString secret;
        QHash<QString, QJsonObject> flags; // key → FeatBit's flag object, as last read
        FeatBitStream *stream = nullptr;
    };
    using Answer = RestClient::Answer;

    // The answer's "data" once the {success, errors, data} envelope says it succeeded.
    static Result<QJsonValue> dataOf(const Answer &answer);
    static ServerError errorOf(const Answer &answer);

    void loadEnvironments();
    void loadFlags(const std::shared_ptr<int> &outstanding, const QString &environmentId, int pageIndex);
    void readFlag(const QString &environmentId, const QString &key, std::function<void(Result<QJsonObject>)> done);
    void finishLoading();
    void startStreams();
    void onSync(const QString &environmentId, const FeatBitPayloads::DataSync &sync);
    // Stores a flag object read from FeatBit; announces it when asked and it is shown.
    void noteFlag(const QString &environmentId, const QJsonObject &flag, bool announce);
    Environment *environmentNamed(const QString &name);
    void streamsChanged();
    void fail(const ServerError &error);

    SecretStore *m_secrets;
    RestClient *m_rest;
    QString m_workspace;
    QList<Environment> m_environments;
    QHash<QString, QString> m_streamProblems; // environment id → why its stream is down
    QString m_flagsProblem;                   // flags the last full read could not show, and why
    QSet<QString> m_refused;                  // environments whose stream was refused for good
    QSet<QString> m_live;                     // environments whose changes have arrived at least once
    quint64 m_generation = 0;
};
