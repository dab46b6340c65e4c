#pragma once

#include "../flagserver.h"
#include "../restclient.h"
#include "featbitpayloads.h"

#include <QHash>
#include <QSet>
#include <QJsonObject>
#include <QTimer>

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
    // How often the flag list is compared with what is held (deleted flags leave, missed ones
    // arrive, a deaf poller is noticed); also after every reconnect of a stream.
    static constexpr int ReconcileIntervalMs = 60000;
    // Passes over the list while loading: a flag created or deleted meanwhile shifts FeatBit's
    // offset pages, so the list is read again until a pass finds nothing new.
    static constexpr int MaxLoadPasses = 3;
    // How far before the newest stored entry each audit fetch reads again, for entries that
    // FeatBit committed after a later one had been read.
    static constexpr qint64 AuditOverlapMs = 30000;

    FeatBitServer(ConnectionConfig config, SecretStore *secrets, QObject *parent = nullptr);
    ~FeatBitServer() override;

    Capabilities capabilities() const override;
    QString capabilityProblem(Capability capability, const QString &environment = {}) const override;
    void connectToServer() override;
    void disconnectFromServer() override;
    QStringList environments() const override;

    ServerReply *setEnabled(const QString &environment, const QString &flagKey, bool enabled,
                            const QString &comment) override;
    ServerReply *setRollout(const QString &environment, const QString &flagKey, const Rollout &rollout,
                            const QString &expectedRevision, const QString &comment) override;
    ServerReply *archiveFlag(const QString &environment, const QString &flagKey, const QString &comment) override;
    ServerReply *fetchAuditSince(const QString &cursor) override;

    // Whether an environment's changes come by polling because its stream cannot be opened.
    bool isPolling(const QString &environment) const;
    QString liveUpdatesProblem() const override;
    // FeatBit's Open API has no route where an access token learns whose it is or its type (the
    // access-token routes take a user's login only); FeatBit records a change under the token's
    // name. So this is never told.
    TokenIdentity tokenIdentity() const override;
    // While WebSockets are blocked: how often latest-all is asked (tests; FeatBitStream::PollIntervalMs).
    void setStreamPollInterval(int milliseconds);
    void setReconcileInterval(int milliseconds);

private:
    struct Environment
    {
        QString id;
        QString name; // "project/environment"
        QString secret;
        QHash<QString, QJsonObject> flags; // key → FeatBit's flag object, as last read
        QHash<QString, quint64> notedAt;   // key → m_notes when it was last noted
        FeatBitStream *stream = nullptr;
        // Why kill and restore, rollout changes, history cannot work here (empty: they can, or
        // FeatBit's answer to the probe said nothing either way).
        QString killProblem;
        QString rolloutProblem;
        QString historyProblem;
    };
    // What one pass over an environment's flag list found.
    struct Listing
    {
        QHash<QString, qint64> updatedAtUs; // key → updatedAt as the list says (0: not said)
        quint64 notesBefore = 0;            // m_notes when the pass began
        bool ok = true;
    };
    using Answer = RestClient::Answer;

    // The answer's "data" once the {success, errors, data} envelope says it succeeded.
    static Result<QJsonValue> dataOf(const Answer &answer);
    static ServerError errorOf(const Answer &answer);

    void loadEnvironments();
    void loadFlags(const std::shared_ptr<int> &outstanding, const QString &environmentId, int pageIndex);
    void readFlag(const QString &environmentId, const QString &key, std::function<void(Result<QJsonObject>)> done);
    void finishLoading();
    // Asks FeatBit, without changing anything, which of kill, rollout change and history this
    // token may use in each environment: the version and the token's permissions decide.
    void probeCapabilities(std::function<void()> done);
    QString capabilitySummary() const;
    // A refusal (403) of a real change: remembered for the environment and said in the detail.
    void learnProblem(const QString &environmentId, QString Environment::*problem, const QString &text);
    // Every non-archived flag key of an environment, page by page; done once with what was found.
    void listFlags(const QString &environmentId, std::function<void(const Listing &)> done);
    void listPage(const QString &environmentId, int pageIndex, const std::shared_ptr<Listing> &listing,
                  std::function<void(const Listing &)> done);
    void verifyLoaded(const std::shared_ptr<int> &outstanding, const QString &environmentId, int passes);
    // Makes the held flags the listed ones: reads missing flags, drops deleted ones. changed is
    // told whether anything differed. announce: as live changes (false while loading).
    void reconcile(const QString &environmentId, bool announce, std::function<void(bool changed)> done = {});
    void reconcileAll();
    void noticeDeafness(const QString &environmentId, const Listing &listing);
    QList<Flag> flagsOf(const Environment &environment, QStringList *problems = nullptr) const;
    void removeFlags(const QString &environmentId, const QStringList &keys);
    // A change answered 5xx may still have been made (FeatBit saves the flag before its audit row):
    // read the flag and finish with it when it shows the change, else with the error.
    void settleAfterServerError(ServerReply *reply, const QString &environmentId, const QString &flagKey, const ServerError &error,
                                std::function<bool(const QJsonObject &)> reached);
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
    QHash<QString, qint64> m_disagreeingSince; // polled environment id → when the list first showed newer flags
    QHash<QString, QString> m_deaf;           // polled environment id → why its polling seems deaf
    QTimer *m_reconcile;
    int m_pollIntervalMs = 0;                 // 0: the stream's default
    quint64 m_notes = 0;
    bool m_shown = false; // the flags were announced since the last connectToServer()
    quint64 m_generation = 0;
};
