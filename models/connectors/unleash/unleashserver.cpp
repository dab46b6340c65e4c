#include "unleashserver.h"

#include "../../core/jsonreader.h"
#include "../../store/secretstore.h"
#include "unleashevents.h"
#include "unleashmapping.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>

#include <memory>

namespace {

QString featurePath(const QString &project, const QString &flagKey)
{
    return QStringLiteral("/api/admin/projects/%1/features/%2").arg(RestClient::part(project), RestClient::part(flagKey));
}

QJsonObject environmentOf(const QJsonObject &feature, const QString &environment)
{
    for (const QJsonValue &value : feature.value(QStringLiteral("environments")).toArray()) {
        if (value.toObject().value(QStringLiteral("name")).toString() == environment)
            return value.toObject();
    }
    return {};
}

// Counts outstanding requests of one load and runs the last step once all have answered.
struct Pending
{
    int count = 0;
    std::optional<ServerError> error;
    std::function<void()> whenDone;
    void finishOne()
    {
        if (--count == 0 && whenDone)
            whenDone();
    }
};

} // namespace

UnleashServer::UnleashServer(ConnectionConfig config, SecretStore *secrets, QObject *parent)
    : FlagServer(std::move(config), parent)
    , m_secrets(secrets)
    , m_rest(new RestClient(this))
{
    m_tokenIdentity.server = QStringLiteral("Unleash");
    m_tokenIdentity.note = tr("Unleash has not said yet whose token this is");
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &UnleashServer::poll);
}

UnleashServer::~UnleashServer() = default;

FlagServer::Capabilities UnleashServer::capabilities() const
{
    return Capability::Environments | Capability::LiveUpdates | Capability::Kill | Capability::Restore
        | Capability::SetRollout | Capability::AuditHistory | Capability::ExposureCounts | Capability::Archive;
}

void UnleashServer::setPollInterval(int milliseconds)
{
    m_pollIntervalMs = std::max(500, milliseconds);
}

void UnleashServer::connectToServer()
{
    ++m_generation;
    m_rest->forgetPending();
    // The server may have been upgraded since the last connection: ask again which event API it has.
    m_eventApi = EventApi::Search;
    m_versionNumber.clear();
    setState(ConnectionState::Connecting, tr("reading the admin token"));
    const quint64 generation = m_generation;
    m_secrets->readSecret(config().secretRef, [this, guard = QPointer(this), generation](Result<QString> secret) {
        if (!guard || generation != m_generation)
            return;
        if (!secret || secret.value().isEmpty()) {
            setState(ConnectionState::Failed,
                     tr("no admin token for this connection in the keychain: %1")
                         .arg(secret ? tr("the entry is empty") : secret.error()));
            return;
        }
        m_token = secret.value();
        m_rest->setBaseUrl(config().url);
        m_rest->setAuthorization(m_token.toUtf8());
        setState(ConnectionState::Connecting, tr("reading projects and flags"));
        loadEverything();
    });
}

void UnleashServer::disconnectFromServer()
{
    ++m_generation;
    m_rest->forgetPending();
    m_pollTimer.stop();
    m_polling = false;
    m_token.clear();
    setState(ConnectionState::Disconnected);
}

std::optional<ServerError> UnleashServer::failureOf(const Answer &answer, const QString &offering) const
{
    if (answer.tooLarge)
        return ServerError{ServerError::Kind::Protocol,
                           tr("the answer is larger than %1 MiB, so FlagDeck stopped reading it").arg(RestClient::MaxAnswerBytes / (1024 * 1024))};
    if (answer.tlsFailed)
        return ServerError{ServerError::Kind::Network, tr("the server's TLS certificate is not trusted: %1").arg(answer.networkError)};
    if (!answer.networkError.isEmpty())
        return ServerError{ServerError::Kind::Network, answer.networkError};
    if ((answer.status >= 200 && answer.status < 300) || answer.status == 304)
        return std::nullopt;
    // Unleash explains itself in {"message": …}; the token is never echoed.
    const QJsonObject body = QJsonDocument::fromJson(answer.body.left(64 * 1024)).object();
    QString message = body.value(QStringLiteral("message")).toString().left(400);
    if (answer.status == 401) {
        message = tr("the admin token was not accepted%1").arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message);
    } else if (answer.status == 403 && message.contains(QLatin1String("expected a different token type"))) {
        // Every version since 4 says this when a client (backend) or frontend token reaches the admin API.
        return ServerError{ServerError::Kind::Unauthorized,
                           tr("this is a client (backend) or frontend token, which only applications use; Unleash needs an admin "
                              "token (or a personal access token) for FlagDeck")};
    } else if (answer.status == 403) {
        message = tr("the token may not do this; Unleash needs an admin token (or a personal access token of a user "
                     "with the permission)%1")
                      .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message);
    } else if (answer.status == 404) {
        // A path this version does not have, as opposed to a flag or project it does not know.
        static const QRegularExpression missingPath(QStringLiteral("^The path you were looking for \\(([^)]*)\\) is not available"));
        if (const QRegularExpressionMatch match = missingPath.match(message); match.hasMatch())
            return unsupported(offering.isEmpty() ? match.captured(1) : offering);
    }
    return ServerError::fromHttpStatus(answer.status, message);
}

ServerError UnleashServer::unsupported(const QString &offering) const
{
    if (m_versionNumber.isEmpty())
        return {ServerError::Kind::Unsupported, tr("this Unleash does not offer %1").arg(offering)};
    return {ServerError::Kind::Unsupported, tr("this Unleash (version %1) does not offer %2").arg(m_versionNumber, offering)};
}

QString UnleashServer::eventOffering() const
{
    return m_eventApi == EventApi::Search
        ? tr("the event search (GET /api/admin/search/events, Unleash 6.1 and later)")
        : tr("the event log (POST /api/admin/events/search)");
}

void UnleashServer::requestEvents(int limit, int offset, const QByteArray &ifNoneMatch, RestClient::Handler handler)
{
    if (m_eventApi == EventApi::Search) {
        m_rest->send("GET", QStringLiteral("/api/admin/search/events?limit=%1&offset=%2").arg(limit).arg(offset), {},
                     std::move(handler), ifNoneMatch);
        return;
    }
    // Before 6.1: a POST, newest first, at most 100 a page; no ETag, so every poll reads the page.
    const QJsonObject query{{QStringLiteral("limit"), std::min(limit, LegacyEventPageSize)}, {QStringLiteral("offset"), offset}};
    m_rest->send("POST", QStringLiteral("/api/admin/events/search"), QJsonDocument(query).toJson(QJsonDocument::Compact),
                 std::move(handler));
}

Result<QList<UnleashEvent>> UnleashServer::eventsOf(const Answer &answer) const
{
    if (const auto error = failureOf(answer, eventOffering()))
        return Result<QList<UnleashEvent>>::failure(error->sentence());
    Result<QJsonObject> page = objectOf(answer);
    if (!page)
        return Result<QList<UnleashEvent>>::failure(tr("event log: %1").arg(page.error()));
    Result<QList<UnleashEvent>> events = readUnleashEventPage(page.value(), connectionId());
    if (!events)
        return Result<QList<UnleashEvent>>::failure(tr("event log: %1").arg(events.error()));
    return events;
}

Result<QJsonObject> UnleashServer::objectOf(const Answer &answer)
{
    Result<QJsonDocument> document = RestClient::documentOf(answer);
    if (!document)
        return Result<QJsonObject>::failure(document.error());
    if (!document->isObject())
        return Result<QJsonObject>::failure(tr("the answer is not a JSON object"));
    return document->object();
}

void UnleashServer::fail(const ServerError &error)
{
    m_pollTimer.stop();
    setState(ConnectionState::Failed, error.sentence());
}

void UnleashServer::loadStep(const std::shared_ptr<Load> &load, const QString &path,
                             std::function<void(const QJsonObject &)> use)
{
    ++load->outstanding;
    m_rest->send("GET", path, {}, [this, load, use = std::move(use)](const Answer &answer) {
        if (const auto error = failureOf(answer)) {
            load->noteError(*error);
        } else if (Result<QJsonObject> object = objectOf(answer); !object) {
            load->noteError({ServerError::Kind::Protocol, object.error()});
        } else if (!load->error) {
            use(object.value());
        }
        if (--load->outstanding == 0)
            finishLoad(load);
    });
}

void UnleashServer::loadEverything()
{
    auto load = std::make_shared<Load>();
    load->initial = state() != ConnectionState::Connected && state() != ConnectionState::Reconnecting;
    ++load->outstanding; // held until every first request is on its way
    // Whose token this is; asked beside the load, as a failure here must not fail the connection.
    m_rest->get(QStringLiteral("/api/admin/user"), [this](const Answer &answer) {
        if (failureOf(answer)) {
            m_tokenIdentity = {};
            m_tokenIdentity.server = QStringLiteral("Unleash");
            m_tokenIdentity.note = tr("Unleash did not say whose token this is (HTTP %1)").arg(answer.status);
        } else if (Result<QJsonObject> me = objectOf(answer); me) {
            m_tokenIdentity = unleashTokenIdentity(me.value());
        }
    });
    loadStep(load, QStringLiteral("/api/admin/ui-config"), [this, load](const QJsonObject &config) {
        m_versionNumber = config.value(QStringLiteral("version")).toString().left(40);
        m_version = tr("Unleash %1 %2").arg(m_versionNumber, config.value(QStringLiteral("environment")).toString()).simplified();
        loadNewestEvents(load);
        loadStep(load, QStringLiteral("/api/admin/projects"), [this, load](const QJsonObject &list) {
            for (const QJsonValue &value : list.value(QStringLiteral("projects")).toArray()) {
                const QString project = value.toObject().value(QStringLiteral("id")).toString();
                if (!project.isEmpty() && !value.toObject().value(QStringLiteral("archivedAt")).isString())
                    loadProject(load, project);
            }
        });
    });
    if (--load->outstanding == 0)
        finishLoad(load);
}

void UnleashServer::loadNewestEvents(const std::shared_ptr<Load> &load)
{
    // The newest events before any flag is read, so a change made meanwhile is seen by the next poll.
    // Also who changed each flag last, as far as the recent log tells.
    ++load->outstanding;
    const EventApi asked = m_eventApi;
    requestEvents(eventPageSize(), 0, {}, [this, load, asked](const Answer &answer) {
        const std::optional<ServerError> error = failureOf(answer, eventOffering());
        if (error && error->kind == ServerError::Kind::Unsupported && asked == EventApi::Search) {
            m_eventApi = EventApi::Legacy; // before Unleash 6.1
            loadNewestEvents(load);
        } else if (error) {
            load->noteError(*error);
        } else if (Result<QJsonObject> page = objectOf(answer); !page) {
            load->noteError({ServerError::Kind::Protocol, tr("event log: %1").arg(page.error())});
        } else if (Result<QList<UnleashEvent>> events = readUnleashEventPage(page.value(), connectionId()); !events) {
            load->noteError({ServerError::Kind::Protocol, tr("event log: %1").arg(events.error())});
        } else if (!load->error) {
            noteEvents(events.value());
            for (const UnleashEvent &event : events.value())
                m_lastEventId = std::max(m_lastEventId, event.id);
        }
        if (--load->outstanding == 0)
            finishLoad(load);
    });
}

void UnleashServer::loadProject(const std::shared_ptr<Load> &load, const QString &project)
{
    load->features[project];
    loadStep(load, QStringLiteral("/api/admin/environments/project/%1").arg(RestClient::part(project)),
             [load, project](const QJsonObject &list) {
                 for (const QJsonValue &value : list.value(QStringLiteral("environments")).toArray()) {
                     const QJsonObject environment = value.toObject();
                     const QString name = environment.value(QStringLiteral("name")).toString();
                     if (environment.value(QStringLiteral("enabled")).toBool(true) && !name.isEmpty())
                         load->environments.append(UnleashMapping::environmentName(project, name));
                 }
             });
    loadStep(load, QStringLiteral("/api/admin/projects/%1/features").arg(RestClient::part(project)),
             [this, load, project](const QJsonObject &list) {
                 for (const QJsonValue &value : list.value(QStringLiteral("features")).toArray()) {
                     const QString key = value.toObject().value(QStringLiteral("name")).toString();
                     if (key.isEmpty())
                         continue;
                     loadStep(load, featurePath(project, key), [load, project, key](const QJsonObject &feature) {
                         if (feature.value(QStringLiteral("name")).toString() == key)
                             load->features[project].insert(key, feature);
                         else
                             load->noteError({ServerError::Kind::Protocol, tr("flag %1: the answer names another flag").arg(key)});
                     });
                 }
             });
}

void UnleashServer::finishLoad(const std::shared_ptr<Load> &load)
{
    if (load->error) {
        if (load->initial)
            fail(*load->error);
        else
            pollFailed(*load->error);
        return;
    }
    m_features = load->features;
    load->environments.sort();
    const bool environmentsMoved = m_environments != load->environments;
    m_environments = load->environments;
    if (environmentsMoved || load->initial)
        Q_EMIT environmentsChanged(m_environments);
    m_problems.clear();
    for (const QString &environment : std::as_const(m_environments))
        Q_EMIT flagsReplaced(environment, flagsOf(environment));
    m_lastAnswerMs = QDateTime::currentMSecsSinceEpoch();
    m_pollFailures = 0;
    m_polling = false;
    connectedDetail();
    schedulePoll();
}

void UnleashServer::readFeature(const QString &project, const QString &flagKey,
                                std::function<void(Result<QJsonObject>)> done)
{
    m_rest->send("GET", featurePath(project, flagKey), {}, [this, flagKey, done = std::move(done)](const Answer &answer) {
        if (const auto error = failureOf(answer)) {
            done(Result<QJsonObject>::failure(error->sentence()));
            return;
        }
        Result<QJsonObject> feature = objectOf(answer);
        if (feature && feature->value(QStringLiteral("name")).toString() != flagKey)
            feature = Result<QJsonObject>::failure(tr("flag %1: the answer names another flag").arg(flagKey));
        done(std::move(feature));
    });
}

Result<Flag> UnleashServer::flagOf(const QString &project, const QJsonObject &feature, const QString &environment) const
{
    const QJsonObject state = environmentOf(feature, environment);
    if (state.isEmpty())
        return Result<Flag>::failure(tr("flag %1 has no environment %2").arg(feature.value(QStringLiteral("name")).toString(), environment));
    Result<UnleashMapping::EnvironmentFlag> read = UnleashMapping::flagFromEnvironment(feature, state);
    if (!read)
        return Result<Flag>::failure(tr("project %1: %2").arg(project, read.error()));
    Flag flag = read->flag;
    stampLastChange(flag, UnleashMapping::environmentName(project, environment));
    return flag;
}

QList<Flag> UnleashServer::flagsOf(const QString &environment)
{
    QList<Flag> flags;
    const std::optional<UnleashMapping::ProjectEnvironment> where = UnleashMapping::splitEnvironment(environment);
    if (!where)
        return flags;
    const QHash<QString, QJsonObject> features = m_features.value(where->project);
    for (const QJsonObject &feature : features) {
        const QJsonObject state = environmentOf(feature, where->environment);
        if (state.isEmpty())
            continue;
        Result<UnleashMapping::EnvironmentFlag> read = UnleashMapping::flagFromEnvironment(feature, state);
        const QString key = feature.value(QStringLiteral("name")).toString();
        if (!read) {
            m_problems.append(tr("%1 in %2 is not shown: %3").arg(key, environment, read.error()));
            continue;
        }
        if (!read->rolloutProblem.isEmpty())
            m_problems.append(tr("%1 in %2 has no rollout FlagDeck can show: %3").arg(key, environment, read->rolloutProblem));
        Flag flag = read->flag;
        stampLastChange(flag, environment);
        flags.append(flag);
    }
    std::sort(flags.begin(), flags.end(), [](const Flag &a, const Flag &b) { return a.key < b.key; });
    return flags;
}

void UnleashServer::noteEvents(const QList<UnleashEvent> &events)
{
    for (const UnleashEvent &event : events) {
        if (event.featureName.isEmpty() || event.entry.environment.isEmpty())
            continue;
        LastChange &last = m_lastChanges[event.entry.environment + QLatin1Char('\n') + event.featureName];
        if (event.entry.timeMs >= last.timeMs)
            last = {event.entry.timeMs, event.entry.actor};
    }
}

void UnleashServer::stampLastChange(Flag &flag, const QString &environment) const
{
    const LastChange last = m_lastChanges.value(environment + QLatin1Char('\n') + flag.key);
    flag.updatedAtMs = last.timeMs;
    flag.updatedBy = last.actor;
}

void UnleashServer::noteFeature(const QString &project, const QJsonObject &feature, bool announce,
                                const QSet<QString> &touched)
{
    const QString key = feature.value(QStringLiteral("name")).toString();
    const QJsonObject before = m_features.value(project).value(key);
    m_features[project].insert(key, feature);
    if (!announce)
        return;
    for (const QJsonValue &value : feature.value(QStringLiteral("environments")).toArray()) {
        const QString name = value.toObject().value(QStringLiteral("name")).toString();
        const QString environment = UnleashMapping::environmentName(project, name);
        if (!m_environments.contains(environment))
            continue;
        const QJsonObject previous = environmentOf(before, name);
        if (!previous.isEmpty() && !touched.contains(environment)
            && UnleashMapping::revisionOf(previous) == UnleashMapping::revisionOf(value.toObject()))
            continue;
        if (Result<Flag> flag = flagOf(project, feature, name))
            Q_EMIT flagChanged(environment, flag.value());
    }
}

void UnleashServer::connectedDetail()
{
    const QString checked = QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_lastAnswerMs).time(), QLocale::ShortFormat);
    const QString every = tr("polls every %1 s, last answer at %2").arg(m_pollIntervalMs / 1000.0).arg(checked);
    const QString enterprise = tr("change requests not available (Unleash Enterprise)");
    QString detail = QStringLiteral("%1 · %2 · %3").arg(m_version, every, enterprise);
    if (m_eventApi == EventApi::Legacy)
        detail += QStringLiteral(" · ")
            + tr("history and polling through the older event log: the event search, change summaries and "
                 "polls that cost nothing while nothing changes need Unleash 6.1 or later");
    if (!m_problems.isEmpty())
        detail += QStringLiteral(" · ") + tr("flags not fully shown: %1; first: %2").arg(m_problems.size()).arg(m_problems.first());
    setState(ConnectionState::Connected, detail);
}

void UnleashServer::schedulePoll()
{
    const int backoff = std::min(MaxPollBackoffMs, m_pollIntervalMs << std::min(m_pollFailures, 6));
    m_pollTimer.start(m_pollFailures == 0 ? m_pollIntervalMs : backoff);
}

void UnleashServer::pollFailed(const ServerError &error)
{
    m_polling = false;
    if (error.kind == ServerError::Kind::Unauthorized || error.kind == ServerError::Kind::Forbidden) {
        fail(error);
        return;
    }
    ++m_pollFailures;
    setState(ConnectionState::Reconnecting, error.sentence());
    schedulePoll();
    Q_EMIT polled();
}

void UnleashServer::poll()
{
    if (m_polling || state() == ConnectionState::Failed || state() == ConnectionState::Disconnected)
        return;
    m_polling = true;
    requestEvents(PollEventLimit, 0, m_eventsEtag, [this](const Answer &answer) {
        if (const auto error = failureOf(answer, eventOffering())) {
            pollFailed(*error);
            return;
        }
        m_lastAnswerMs = QDateTime::currentMSecsSinceEpoch();
        const bool wasDown = state() != ConnectionState::Connected;
        m_pollFailures = 0;
        if (answer.status == 304) {
            m_polling = false;
            connectedDetail();
            schedulePoll();
            Q_EMIT polled();
            return;
        }
        Result<QList<UnleashEvent>> events = eventsOf(answer);
        if (!events) {
            pollFailed({ServerError::Kind::Protocol, events.error()});
            return;
        }
        m_eventsEtag = answer.etag;
        QList<UnleashEvent> fresh;
        for (const UnleashEvent &event : events.value()) {
            if (event.id > m_lastEventId)
                fresh.append(event);
        }
        const bool tooMany = fresh.size() >= PollEventLimit;
        const bool structural = std::any_of(fresh.cbegin(), fresh.cend(), [](const UnleashEvent &event) {
            return event.type.startsWith(QLatin1String("feature-archived")) || event.type == QLatin1String("feature-deleted")
                || event.type.startsWith(QLatin1String("feature-revived")) || event.type.startsWith(QLatin1String("project-"))
                || event.type.startsWith(QLatin1String("environment-"));
        });
        for (const UnleashEvent &event : std::as_const(fresh))
            m_lastEventId = std::max(m_lastEventId, event.id);
        if (wasDown || tooMany || structural) {
            // Reconnected, or more changed than is worth following one by one: read everything again.
            m_polling = false;
            loadEverything();
            Q_EMIT polled();
            return;
        }
        noteEvents(fresh);
        QSet<QPair<QString, QString>> named;
        auto touched = std::make_shared<QSet<QString>>(); // environments the events name: re-announced even
                                                          // when the state is as this console left it
        for (const UnleashEvent &event : std::as_const(fresh)) {
            if (!event.featureName.isEmpty() && !event.project.isEmpty())
                named.insert({event.project, event.featureName});
            if (!event.entry.environment.isEmpty())
                touched->insert(event.entry.environment);
        }
        auto pending = std::make_shared<Pending>();
        pending->count = 1;
        pending->whenDone = [this] {
            m_polling = false;
            connectedDetail();
            schedulePoll();
            Q_EMIT polled();
        };
        for (const auto &[project, key] : std::as_const(named)) {
            ++pending->count;
            readFeature(project, key, [this, pending, touched, project = project](Result<QJsonObject> feature) {
                // A flag that vanished between the event and the read is handled by its archive event.
                if (feature)
                    noteFeature(project, feature.value(), true, *touched);
                pending->finishOne();
            });
        }
        pending->finishOne();
    });
}

void UnleashServer::fetchExposures(const QString &environment, const QString &flagKey,
                                   std::function<void(Result<QList<ExposureHour>>)> done)
{
    const std::optional<UnleashMapping::ProjectEnvironment> where = UnleashMapping::splitEnvironment(environment);
    if (!where) {
        done(Result<QList<ExposureHour>>::failure(tr("%1 is not an Unleash environment").arg(environment)));
        return;
    }
    const QList<Flag> flags = flagsOf(environment);
    const auto flag = std::find_if(flags.cbegin(), flags.cend(), [&](const Flag &each) { return each.key == flagKey; });
    // A flag without variants is served as on or off, which Unleash counts as yes and no.
    const bool withoutVariants = flag != flags.cend() && flag->variation(UnleashMapping::OffVariation);
    m_rest->send("GET", QStringLiteral("/api/admin/client-metrics/features/%1/raw").arg(RestClient::part(flagKey)), {},
                 [this, done = std::move(done), unleashEnvironment = where->environment, withoutVariants](const Answer &answer) {
                     if (const auto error = failureOf(answer, tr("usage reported by SDKs (GET /api/admin/client-metrics/features/…/raw)"))) {
                         done(Result<QList<ExposureHour>>::failure(error->sentence()));
                         return;
                     }
                     const Result<QJsonObject> raw = objectOf(answer);
                     if (!raw) {
                         done(Result<QList<ExposureHour>>::failure(raw.error()));
                         return;
                     }
                     done(UnleashMapping::exposureHours(raw.value(), unleashEnvironment, withoutVariants,
                                                        QDateTime::currentMSecsSinceEpoch()));
                 });
}

ServerReply *UnleashServer::setEnabled(const QString &environment, const QString &flagKey, bool enabled, const QString &)
{
    auto *reply = new ServerReply(this);
    const std::optional<UnleashMapping::ProjectEnvironment> where = UnleashMapping::splitEnvironment(environment);
    if (!where) {
        reply->finishWithError({ServerError::Kind::NotFound, tr("no Unleash environment %1").arg(environment)});
        return reply;
    }
    const QString path = featurePath(where->project, flagKey)
        + QStringLiteral("/environments/%1/%2").arg(RestClient::part(where->environment), enabled ? QStringLiteral("on") : QStringLiteral("off"));
    m_rest->send("POST", path, {}, [this, reply, where = *where, flagKey, enabled](const Answer &answer) {
        if (const auto error = failureOf(answer)) {
            reply->finishWithError(*error);
            return;
        }
        // The server's 200 is its confirmation; the flag is the one last read, with the new state.
        QJsonObject feature = m_features.value(where.project).value(flagKey);
        QJsonArray environments = feature.value(QStringLiteral("environments")).toArray();
        for (qsizetype i = 0; i < environments.size(); ++i) {
            QJsonObject state = environments.at(i).toObject();
            if (state.value(QStringLiteral("name")).toString() == where.environment) {
                state.insert(QStringLiteral("enabled"), enabled);
                environments.replace(i, state);
            }
        }
        feature.insert(QStringLiteral("environments"), environments);
        if (Result<Flag> flag = flagOf(where.project, feature, where.environment)) {
            noteFeature(where.project, feature, false);
            reply->finishWithFlag(flag.value());
            return;
        }
        // Not read before (created since the last poll): read it back.
        readFeature(where.project, flagKey, [this, reply, where](Result<QJsonObject> read) {
            Result<Flag> flag = read ? flagOf(where.project, read.value(), where.environment)
                                     : Result<Flag>::failure(read.error());
            if (!flag) {
                reply->finishWithError({ServerError::Kind::Protocol, flag.error()});
                return;
            }
            noteFeature(where.project, read.value(), false);
            reply->finishWithFlag(flag.value());
        });
    });
    return reply;
}

std::optional<FlagUsage> UnleashServer::usage(const QString &environment, const QString &flagKey) const
{
    const std::optional<UnleashMapping::ProjectEnvironment> where = UnleashMapping::splitEnvironment(environment);
    if (!where)
        return std::nullopt;
    const QJsonObject feature = m_features.value(where->project).value(flagKey);
    const auto timeOf = [](const QJsonValue &value) {
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        return time.isValid() ? time.toMSecsSinceEpoch() : qint64(0);
    };
    FlagUsage usage;
    usage.createdMs = timeOf(feature.value(QStringLiteral("createdAt")));
    // lastSeenAt is null until an SDK reports the flag; a payload without the field says nothing.
    const QJsonObject state = environmentOf(feature, where->environment);
    const QJsonValue seen = state.contains(QStringLiteral("lastSeenAt")) ? state.value(QStringLiteral("lastSeenAt"))
                                                                         : feature.value(QStringLiteral("lastSeenAt"));
    if (usage.createdMs == 0 || seen.isUndefined())
        return std::nullopt;
    usage.lastSeenMs = timeOf(seen);
    return usage;
}

ServerReply *UnleashServer::archiveFlag(const QString &environment, const QString &flagKey, const QString &)
{
    auto *reply = new ServerReply(this);
    const std::optional<UnleashMapping::ProjectEnvironment> where = UnleashMapping::splitEnvironment(environment);
    if (!where) {
        reply->finishWithError({ServerError::Kind::NotFound, tr("no Unleash environment %1").arg(environment)});
        return reply;
    }
    // As it is now: a poll may find it gone before Unleash's answer arrives.
    const Result<Flag> archived = flagOf(where->project, m_features.value(where->project).value(flagKey), where->environment);
    // DELETE on the feature archives it (202); deleting it for good is a second step FlagDeck never takes.
    m_rest->send("DELETE", featurePath(where->project, flagKey), {},
                 [this, reply, where = *where, environment, flagKey, flag = archived ? archived.value() : Flag()](const Answer &answer) {
        if (const auto error = failureOf(answer)) {
            reply->finishWithError(*error);
            return;
        }
        m_features[where.project].remove(flagKey);
        reply->finishWithFlag(flag);
        // Gone from every environment of its project, as the next poll would find.
        for (const QString &each : archiveReach(environment, flagKey))
            Q_EMIT flagsReplaced(each, flagsOf(each));
    });
    return reply;
}

QStringList UnleashServer::archiveReach(const QString &environment, const QString &) const
{
    const std::optional<UnleashMapping::ProjectEnvironment> where = UnleashMapping::splitEnvironment(environment);
    if (!where)
        return {environment};
    QStringList reach = {environment};
    for (const QString &each : m_environments) {
        const std::optional<UnleashMapping::ProjectEnvironment> other = UnleashMapping::splitEnvironment(each);
        if (each != environment && other && other->project == where->project)
            reach.append(each);
    }
    return reach;
}

ServerReply *UnleashServer::setRollout(const QString &environment, const QString &flagKey, const Rollout &rollout,
                                       const QString &expectedRevision, const QString &)
{
    auto *reply = new ServerReply(this);
    const std::optional<UnleashMapping::ProjectEnvironment> where = UnleashMapping::splitEnvironment(environment);
    if (!where) {
        reply->finishWithError({ServerError::Kind::NotFound, tr("no Unleash environment %1").arg(environment)});
        return reply;
    }
    const auto finishWithReadBack = [this, reply, where = *where, flagKey] {
        readFeature(where.project, flagKey, [this, reply, where](Result<QJsonObject> read) {
            Result<Flag> flag = read ? flagOf(where.project, read.value(), where.environment)
                                     : Result<Flag>::failure(read.error());
            if (!flag) {
                reply->finishWithError({ServerError::Kind::Protocol, flag.error()});
                return;
            }
            noteFeature(where.project, read.value(), false);
            reply->finishWithFlag(flag.value());
        });
    };
    // Unleash has no revision check of its own: read, compare, then write the one strategy.
    readFeature(where->project, flagKey, [this, reply, where = *where, flagKey, rollout, expectedRevision, finishWithReadBack](Result<QJsonObject> read) {
        if (!read) {
            reply->finishWithError({ServerError::Kind::Protocol, read.error()});
            return;
        }
        const QJsonObject state = environmentOf(read.value(), where.environment);
        Result<Flag> current = flagOf(where.project, read.value(), where.environment);
        if (!current) {
            reply->finishWithError({ServerError::Kind::Protocol, current.error()});
            return;
        }
        if (!expectedRevision.isEmpty() && current->revision != expectedRevision) {
            noteFeature(where.project, read.value(), true);
            reply->finishWithError({ServerError::Kind::Conflict, tr("the flag changed in Unleash since it was read")});
            return;
        }
        Result<UnleashMapping::RolloutWrite> write = UnleashMapping::rolloutWrite(flagKey, state, current.value(), rollout);
        if (!write) {
            reply->finishWithError({ServerError::Kind::Protocol, write.error()});
            return;
        }
        QString path = featurePath(where.project, flagKey) + QStringLiteral("/environments/%1/strategies").arg(RestClient::part(where.environment));
        const auto written = [this, reply, finishWithReadBack](const Answer &answer) {
            if (const auto error = failureOf(answer)) {
                reply->finishWithError(*error);
                return;
            }
            finishWithReadBack();
        };
        if (write->strategyId.isEmpty()) {
            m_rest->send("POST", path, QJsonDocument(write->newStrategy).toJson(QJsonDocument::Compact), written);
        } else {
            path += QLatin1Char('/') + RestClient::part(write->strategyId);
            m_rest->send("PATCH", path, QJsonDocument(write->patch).toJson(QJsonDocument::Compact), written);
        }
    });
    return reply;
}

ServerReply *UnleashServer::fetchAuditSince(const QString &cursor)
{
    auto *reply = new ServerReply(this);
    bool numeric = false;
    const qint64 after = cursor.isEmpty() ? 0 : cursor.toLongLong(&numeric);
    if (!cursor.isEmpty() && !numeric) {
        reply->finishWithError({ServerError::Kind::Protocol, tr("the stored history cursor \"%1\" is not an Unleash event id").arg(cursor)});
        return reply;
    }
    // The event log pages newest first: page back until reaching the cursor, then hand the
    // entries over oldest first. An event logged meanwhile shifts a page by one; duplicates are
    // dropped here and by the audit cache.
    auto collected = std::make_shared<QList<UnleashEvent>>();
    auto nextPage = std::make_shared<std::function<void(int)>>();
    *nextPage = [this, reply, after, cursor, collected, weakNext = std::weak_ptr(nextPage)](int offset) {
        const int pageSize = eventPageSize();
        const EventApi asked = m_eventApi;
        requestEvents(pageSize, offset, {}, [this, reply, after, cursor, collected, weakNext, offset, pageSize, asked](const Answer &answer) {
            if (const auto error = failureOf(answer, eventOffering())) {
                if (error->kind == ServerError::Kind::Unsupported && asked == EventApi::Search) {
                    // Asked before the connection learnt the server is older than 6.1: start again on the older log.
                    m_eventApi = EventApi::Legacy;
                    collected->clear();
                    if (const auto next = weakNext.lock())
                        (*next)(0);
                    return;
                }
                reply->finishWithError(*error);
                return;
            }
            Result<QList<UnleashEvent>> events = eventsOf(answer);
            if (!events) {
                reply->finishWithError({ServerError::Kind::Protocol, events.error()});
                return;
            }
            bool reachedCursor = events->size() < pageSize;
            for (const UnleashEvent &event : events.value()) {
                if (event.id <= after)
                    reachedCursor = true;
                else
                    collected->append(event);
            }
            if (!reachedCursor) {
                // Unleash 5 and 6 order their log by time alone (7 and later by time, then id), and
                // every event of one transaction has the same time, so such a group may straddle two
                // pages in a different order each time. Pages overlap by a quarter: a group up to
                // that size is whole on one of them.
                if (const auto next = weakNext.lock())
                    (*next)(offset + pageSize - pageSize / 4);
                return;
            }
            std::sort(collected->begin(), collected->end(), [](const UnleashEvent &a, const UnleashEvent &b) { return a.id < b.id; });
            QList<AuditEntry> entries;
            qint64 newest = after;
            qint64 previous = 0;
            for (const UnleashEvent &event : std::as_const(*collected)) {
                if (event.id == previous)
                    continue;
                previous = event.id;
                entries.append(event.entry);
                newest = std::max(newest, event.id);
            }
            reply->finishWithAudit(entries, entries.isEmpty() ? cursor : QString::number(newest));
        });
    };
    // The reply keeps the pager alive until it finishes.
    connect(reply, &QObject::destroyed, this, [nextPage] {});
    (*nextPage)(0);
    return reply;
}
