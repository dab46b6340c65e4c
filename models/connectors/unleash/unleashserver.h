#pragma once

#include "../flagserver.h"
#include "../restclient.h"
#include "unleashevents.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QJsonObject>
#include <QTimer>

#include <functional>
#include <memory>

class SecretStore;

// An Unleash server through its admin API and an admin token (Authorization header, no
// "Bearer"). Each project × environment is one FlagDeck environment, "project/environment".
// Unleash's open-source server pushes nothing, so live changes come from polling its event log
// (with If-None-Match, so an unchanged log costs a 304): each new event re-reads the one flag it
// names. Kills and restores are confirmed by the server's own 200; rollout changes by reading the
// flag back after the write.
//
// Versions: the event search (GET /api/admin/search/events) came with Unleash 6.1; before it,
// history and polling read the older event API (POST /api/admin/events/search, 100 events a page,
// no ETag, no summaries). The connector takes whichever the server offers, and its detail says
// what the older one lacks. A path the server does not have is an Unsupported error naming the
// version, never a missing flag.
class UnleashServer : public FlagServer
{
    Q_OBJECT

public:
    static constexpr int DefaultPollIntervalMs = 5000;
    static constexpr int MaxPollBackoffMs = 60000;
    static constexpr int EventPageSize = 1000;
    // The older event API answers at most this many events a request.
    static constexpr int LegacyEventPageSize = 100;
    // New events beyond this many in one poll reload every flag instead of each one named.
    static constexpr int PollEventLimit = 100;

    UnleashServer(ConnectionConfig config, SecretStore *secrets, QObject *parent = nullptr);
    ~UnleashServer() override;

    Capabilities capabilities() const override;
    void connectToServer() override;
    void disconnectFromServer() override;
    QStringList environments() const override { return m_environments; }
    // A feature belongs to its project: archiving it takes it out of every environment there.
    QStringList archiveReach(const QString &environment, const QString &flagKey) const override;

    ServerReply *setEnabled(const QString &environment, const QString &flagKey, bool enabled,
                            const QString &comment) override;
    ServerReply *setRollout(const QString &environment, const QString &flagKey, const Rollout &rollout,
                            const QString &expectedRevision, const QString &comment) override;
    // From the feature's lastSeenAt (the environment's where Unleash has one) and createdAt.
    std::optional<FlagUsage> usage(const QString &environment, const QString &flagKey) const override;
    // Unleash archives a feature in its project, so in every environment of that project at once.
    ServerReply *archiveFlag(const QString &environment, const QString &flagKey, const QString &comment) override;
    ServerReply *fetchAuditSince(const QString &cursor) override;

    // What Unleash's SDKs reported about the flag: its last 24 hours of usage, hour by hour
    // (GET /api/admin/client-metrics/features/{flag}/raw).
    void fetchExposures(const QString &environment, const QString &flagKey,
                        std::function<void(Result<QList<ExposureHour>>)> done) override;

    void setPollInterval(int milliseconds) override;
    // From GET /api/admin/user, asked on every full load.
    TokenIdentity tokenIdentity() const override { return m_tokenIdentity; }
    int pollInterval() const { return m_pollIntervalMs; }
    // When the server last answered a poll (or the first load); 0 before that.
    qint64 lastAnswerMs() const { return m_lastAnswerMs; }
    // "Unleash 8.2.0 Open Source", once connected.
    QString serverVersion() const { return m_version; }
    // Which of Unleash's event APIs history and polling read: the event search (6.1 and later)
    // or the older one (before 6.1). Known once connected.
    enum class EventApi { Search, Legacy };
    EventApi eventApi() const { return m_eventApi; }

Q_SIGNALS:
    // One poll of the event log finished (whether or not anything changed).
    void polled();

private:
    using Answer = RestClient::Answer;

    // The failure an answer means, if any (a 2xx and a 304 are not failures). offering: what the
    // request asked the server for, in words, for when the server does not have that API at all.
    std::optional<ServerError> failureOf(const Answer &answer, const QString &offering = {}) const;
    // "this Unleash (version 5.12.8) does not offer …"
    ServerError unsupported(const QString &offering) const;
    static Result<QJsonObject> objectOf(const Answer &answer);
    Result<QList<UnleashEvent>> eventsOf(const Answer &answer) const;

    // One reading of every project, environment and flag; the last answer finishes it.
    struct Load
    {
        bool initial = false;
        int outstanding = 0;
        std::optional<ServerError> error;
        QHash<QString, QHash<QString, QJsonObject>> features;
        QStringList environments;
        void noteError(const ServerError &found)
        {
            if (!error)
                error = found;
        }
    };
    void loadEverything();
    // The newest page of the event log, at load: who changed which flag last, and where polling starts.
    void loadNewestEvents(const std::shared_ptr<Load> &load);
    // One page of the event log, newest first, through the event API this server offers.
    void requestEvents(int limit, int offset, const QByteArray &ifNoneMatch, RestClient::Handler handler);
    int eventPageSize() const { return m_eventApi == EventApi::Search ? EventPageSize : LegacyEventPageSize; }
    QString eventOffering() const;
    void loadStep(const std::shared_ptr<Load> &load, const QString &path, std::function<void(const QJsonObject &)> use);
    void loadProject(const std::shared_ptr<Load> &load, const QString &project);
    void finishLoad(const std::shared_ptr<Load> &load);
    void readFeature(const QString &project, const QString &flagKey, std::function<void(Result<QJsonObject>)> done);
    // Stores a feature read from the server; emits a change for every environment whose revision moved.
    // touched: environments to announce even when their revision did not move.
    void noteFeature(const QString &project, const QJsonObject &feature, bool announce, const QSet<QString> &touched = {});
    // Who changed which flag when, from the event log, for the flags' "last change".
    void noteEvents(const QList<UnleashEvent> &events);
    void stampLastChange(Flag &flag, const QString &environment) const;
    // Also notes, in m_problems, flags it cannot show whole.
    QList<Flag> flagsOf(const QString &environment);
    Result<Flag> flagOf(const QString &project, const QJsonObject &feature, const QString &environment) const;

    void poll();
    void pollFailed(const ServerError &error);
    void schedulePoll();
    void connectedDetail();
    void fail(const ServerError &error);

    SecretStore *m_secrets;
    RestClient *m_rest;
    QString m_token;
    QString m_version;
    TokenIdentity m_tokenIdentity;
    QString m_versionNumber; // as ui-config says it, e.g. "5.12.8"
    EventApi m_eventApi = EventApi::Search;
    QStringList m_environments;
    struct LastChange
    {
        qint64 timeMs = 0;
        QString actor;
    };
    QHash<QString, LastChange> m_lastChanges; // "project/environment\nflag" → newest event seen
    QStringList m_problems; // flags of the last full read that are not shown whole, and why
    QHash<QString, QHash<QString, QJsonObject>> m_features; // project → flag key → feature as read
    QTimer m_pollTimer;
    int m_pollIntervalMs = DefaultPollIntervalMs;
    int m_pollFailures = 0;
    bool m_polling = false;
    qint64 m_lastEventId = 0;
    QByteArray m_eventsEtag;
    qint64 m_lastAnswerMs = 0;
    quint64 m_generation = 0; // bumped by disconnect, so a token read for an older connection is dropped
};
