#include "featbitserver.h"

#include "../../store/secretstore.h"
#include "featbitstream.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>
#include <QUuid>

#include <cmath>

namespace {

QString flagsPath(const QString &environmentId)
{
    return QStringLiteral("/api/v1/envs/%1/feature-flags").arg(RestClient::part(environmentId));
}

QString flagPath(const QString &environmentId, const QString &key)
{
    return flagsPath(environmentId) + QLatin1Char('/') + RestClient::part(key);
}

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// In microseconds, as FeatBit keeps it (Qt would round to the nearest millisecond).
qint64 updatedAtOf(const QJsonObject &flag)
{
    return FeatBitPayloads::microsecondsOf(flag.value(QStringLiteral("updatedAt")).toString()).value_or(0);
}

} // namespace

FeatBitServer::FeatBitServer(ConnectionConfig config, SecretStore *secrets, QObject *parent)
    : FlagServer(std::move(config), parent)
    , m_secrets(secrets)
    , m_rest(new RestClient(this))
    , m_reconcile(new QTimer(this))
{
    m_reconcile->setInterval(ReconcileIntervalMs);
    connect(m_reconcile, &QTimer::timeout, this, &FeatBitServer::reconcileAll);
}

FeatBitServer::~FeatBitServer() = default;

FlagServer::Capabilities FeatBitServer::capabilities() const
{
    Capabilities capabilities = Capability::Environments | Capability::LiveUpdates | Capability::Kill | Capability::Restore
        | Capability::SetRollout | Capability::AuditHistory | Capability::Archive;
    // Gone when no environment allows it.
    const auto nowhere = [this](QString Environment::*problem) {
        return !m_environments.isEmpty() && std::all_of(m_environments.cbegin(), m_environments.cend(), [problem](const Environment &each) {
            return !(each.*problem).isEmpty();
        });
    };
    if (nowhere(&Environment::killProblem))
        capabilities &= ~Capabilities(Capability::Kill | Capability::Restore);
    if (nowhere(&Environment::rolloutProblem))
        capabilities &= ~Capabilities(Capability::SetRollout);
    if (nowhere(&Environment::historyProblem))
        capabilities &= ~Capabilities(Capability::AuditHistory);
    return capabilities;
}

QString FeatBitServer::capabilityProblem(Capability capability, const QString &environment) const
{
    QString Environment::*problem = nullptr;
    switch (capability) {
    case Capability::Kill:
    case Capability::Restore:
        problem = &Environment::killProblem;
        break;
    case Capability::SetRollout:
        problem = &Environment::rolloutProblem;
        break;
    case Capability::AuditHistory:
        problem = &Environment::historyProblem;
        break;
    default:
        return {};
    }
    for (const Environment &each : m_environments) {
        if ((environment.isEmpty() || each.name == environment) && !(each.*problem).isEmpty())
            return each.*problem;
    }
    return {};
}

void FeatBitServer::probeCapabilities(std::function<void()> done)
{
    enum class Probe { Works, Refused, Missing, Unknown };
    // The probes name a flag that does not exist, so nothing can change. FeatBit refuses an
    // access token (403) on a route it does not open to tokens, and checks toggle's permission
    // before it looks for the flag: "not found" in FeatBit's envelope means the token may. A
    // route an older FeatBit does not have answers 404 without the envelope, or 405. Targeting's
    // permissions follow from the change, so its probe tells the version only; a refused
    // change tells the rest (learnProblem).
    const auto outcome = [](const Answer &answer) {
        const bool enveloped = QJsonDocument::fromJson(answer.body.left(64 * 1024)).object().value(QStringLiteral("success")).isBool();
        if (answer.succeeded() || answer.status == 409 || ((answer.status == 404 || answer.status == 400) && enveloped))
            return Probe::Works;
        if (answer.status == 403)
            return Probe::Refused;
        if (answer.status == 404 || answer.status == 405)
            return Probe::Missing;
        return Probe::Unknown;
    };
    const auto problemOf = [](Probe probe, const QString &refused, const QString &missing) {
        return probe == Probe::Refused ? refused : probe == Probe::Missing ? missing : QString();
    };
    auto outstanding = std::make_shared<int>(int(m_environments.size()) * 3 + 1);
    const auto oneDone = [outstanding, done] {
        if (--*outstanding == 0)
            done();
    };
    const QString probeKey = QStringLiteral("flagdeck-capability-probe-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (const Environment &environment : std::as_const(m_environments)) {
        const QString id = environment.id;
        const auto store = [this, id](QString Environment::*problem, const QString &text) {
            for (Environment &each : m_environments) {
                if (each.id == id)
                    each.*problem = text;
            }
        };
        m_rest->get(QStringLiteral("/api/v1/envs/%1/audit-logs?pageIndex=0&pageSize=1").arg(RestClient::part(id)),
                    [store, outcome, problemOf, oneDone](const Answer &answer) {
                        store(&Environment::historyProblem,
                              problemOf(outcome(answer), tr("history needs FeatBit 5.0.1 or newer, or a token that may read the audit log"),
                                        tr("history needs FeatBit 5.0.1 or newer")));
                        oneDone();
                    });
        m_rest->send("PUT", flagPath(id, probeKey) + QStringLiteral("/toggle/false"), jsonBody({{QStringLiteral("comment"), QString()}}),
                     [store, outcome, problemOf, oneDone](const Answer &answer) {
                         store(&Environment::killProblem,
                               problemOf(outcome(answer), tr("kill and restore need FeatBit 5.2.0 or newer, or the ToggleFlag permission"),
                                         tr("kill and restore need FeatBit 5.2.0 or newer")));
                         oneDone();
                     });
        const QJsonObject targeting{{QStringLiteral("targetUsers"), QJsonArray()},
                                    {QStringLiteral("rules"), QJsonArray()},
                                    {QStringLiteral("fallthrough"), QJsonObject{{QStringLiteral("includedInExpt"), true}, {QStringLiteral("variations"), QJsonArray()}}},
                                    {QStringLiteral("exptIncludeAllTargets"), true}};
        const QJsonObject body{{QStringLiteral("revision"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                               {QStringLiteral("targeting"), targeting},
                               {QStringLiteral("comment"), QString()}};
        m_rest->send("PUT", flagPath(id, probeKey) + QStringLiteral("/targeting"), jsonBody(body),
                     [store, outcome, problemOf, oneDone](const Answer &answer) {
                         store(&Environment::rolloutProblem,
                               problemOf(outcome(answer),
                                         tr("rollout changes need FeatBit 5.3.3 or newer, or the UpdateFlagDefaultRule permission"),
                                         tr("rollout changes need FeatBit 5.3.3 or newer")));
                         oneDone();
                     });
    }
    oneDone();
}

void FeatBitServer::learnProblem(const QString &environmentId, QString Environment::*problem, const QString &text)
{
    for (Environment &each : m_environments) {
        if (each.id == environmentId && each.*problem != text) {
            each.*problem = text;
            streamsChanged();
        }
    }
}

QString FeatBitServer::capabilitySummary() const
{
    if (m_environments.isEmpty())
        return {};
    QStringList works;
    QStringList problems;
    const auto add = [&](const QString &name, QString Environment::*problem) {
        QStringList where;
        QString text;
        for (const Environment &each : m_environments) {
            if (!(each.*problem).isEmpty()) {
                where.append(each.name);
                text = each.*problem;
            }
        }
        if (where.isEmpty())
            works.append(name);
        else if (where.size() == m_environments.size())
            problems.append(text);
        else
            problems.append(tr("in %1: %2").arg(where.join(QStringLiteral(", ")), text));
    };
    add(tr("kill and restore"), &Environment::killProblem);
    add(tr("rollout changes"), &Environment::rolloutProblem);
    add(tr("history"), &Environment::historyProblem);
    if (problems.isEmpty())
        return {};
    QStringList parts;
    if (!works.isEmpty())
        parts.append(tr("with this token: %1").arg(works.join(QStringLiteral(", "))));
    parts.append(problems);
    return parts.join(QStringLiteral(" · "));
}

QStringList FeatBitServer::environments() const
{
    QStringList names;
    for (const Environment &environment : m_environments)
        names.append(environment.name);
    return names;
}

bool FeatBitServer::isPolling(const QString &environment) const
{
    for (const Environment &each : m_environments) {
        if (each.name == environment)
            return each.stream && each.stream->isPolling();
    }
    return false;
}

void FeatBitServer::connectToServer()
{
    ++m_generation;
    m_refused.clear();
    m_live.clear();
    m_streamProblems.clear();
    m_disagreeingSince.clear();
    m_deaf.clear();
    m_shown = false;
    m_reconcile->stop();
    m_rest->forgetPending();
    setState(ConnectionState::Connecting, tr("reading the access token"));
    const quint64 generation = m_generation;
    m_secrets->readSecret(config().secretRef, [this, guard = QPointer(this), generation](Result<QString> secret) {
        if (!guard || generation != m_generation)
            return;
        if (!secret || secret.value().isEmpty()) {
            setState(ConnectionState::Failed, tr("no access token for this connection in the keychain: %1")
                                                  .arg(secret ? tr("the entry is empty") : secret.error()));
            return;
        }
        m_rest->setBaseUrl(config().url);
        m_rest->setAuthorization(secret.value().toUtf8());
        setState(ConnectionState::Connecting, tr("reading projects and flags"));
        loadEnvironments();
    });
}

void FeatBitServer::disconnectFromServer()
{
    ++m_generation;
    m_reconcile->stop();
    m_rest->forgetPending();
    for (Environment &environment : m_environments) {
        delete environment.stream;
        environment.stream = nullptr;
    }
    setState(ConnectionState::Disconnected);
}

void FeatBitServer::fail(const ServerError &error)
{
    m_reconcile->stop();
    for (Environment &environment : m_environments) {
        delete environment.stream;
        environment.stream = nullptr;
    }
    setState(ConnectionState::Failed, error.sentence());
}

ServerError FeatBitServer::errorOf(const Answer &answer)
{
    if (answer.tooLarge)
        return {ServerError::Kind::Protocol, tr("the answer is larger than %1 MiB, so FlagDeck stopped reading it")
                                                 .arg(RestClient::MaxAnswerBytes / (1024 * 1024))};
    if (answer.tlsFailed)
        return {ServerError::Kind::Network, tr("the server's TLS certificate is not trusted: %1").arg(answer.networkError)};
    if (!answer.networkError.isEmpty())
        return {ServerError::Kind::Network, answer.networkError};
    QStringList errors;
    for (const QJsonValue &error : QJsonDocument::fromJson(answer.body.left(64 * 1024)).object().value(QStringLiteral("errors")).toArray())
        errors.append(error.toString().left(200));
    const QString said = errors.join(QStringLiteral(", "));
    if (answer.status == 401)
        return {ServerError::Kind::Unauthorized, tr("the access token was not accepted (HTTP 401): check it, and that it is still active")};
    if (answer.status == 403)
        return {ServerError::Kind::Forbidden,
                tr("the access token may not do this (HTTP 403): it needs the permission in FeatBit's IAM policy%1")
                    .arg(said.isEmpty() ? QString() : QStringLiteral(" (") + said + QLatin1Char(')'))};
    if (answer.status >= 200 && answer.status < 300)
        return {ServerError::Kind::Protocol, said.isEmpty() ? tr("FeatBit reported a failure") : tr("FeatBit said: %1").arg(said)};
    return ServerError::fromHttpStatus(answer.status, said);
}

Result<QJsonValue> FeatBitServer::dataOf(const Answer &answer)
{
    if (!answer.succeeded())
        return Result<QJsonValue>::failure(errorOf(answer).sentence());
    Result<QJsonDocument> document = RestClient::documentOf(answer);
    if (!document)
        return Result<QJsonValue>::failure(document.error());
    const QJsonObject envelope = document->object();
    if (!document->isObject() || !envelope.value(QStringLiteral("success")).isBool())
        return Result<QJsonValue>::failure(tr("the answer is not FeatBit's {success, errors, data}: is the URL FeatBit's API server?"));
    if (!envelope.value(QStringLiteral("success")).toBool())
        return Result<QJsonValue>::failure(errorOf(answer).sentence());
    return envelope.value(QStringLiteral("data"));
}

void FeatBitServer::loadEnvironments()
{
    m_rest->get(QStringLiteral("/api/v1/workspaces"), [this](const Answer &answer) {
        if (Result<QJsonValue> data = dataOf(answer))
            m_workspace = data->toObject().value(QStringLiteral("name")).toString();
    });
    m_rest->get(QStringLiteral("/api/v1/projects"), [this](const Answer &answer) {
        Result<QJsonValue> data = dataOf(answer);
        if (!data) {
            fail(answer.succeeded() ? ServerError{ServerError::Kind::Protocol, data.error()} : errorOf(answer));
            return;
        }
        for (Environment &environment : m_environments)
            delete environment.stream;
        m_environments.clear();
        for (const QJsonValue &project : data->toArray()) {
            const QString projectKey = project.toObject().value(QStringLiteral("key")).toString();
            for (const QJsonValue &value : project.toObject().value(QStringLiteral("environments")).toArray()) {
                const QJsonObject object = value.toObject();
                Environment environment;
                environment.id = object.value(QStringLiteral("id")).toString();
                environment.name = projectKey + QLatin1Char('/') + object.value(QStringLiteral("key")).toString();
                for (const QJsonValue &secret : object.value(QStringLiteral("secrets")).toArray()) {
                    if (secret.toObject().value(QStringLiteral("type")).toString() == QLatin1String("server"))
                        environment.secret = secret.toObject().value(QStringLiteral("value")).toString();
                }
                if (!environment.id.isEmpty() && !projectKey.isEmpty())
                    m_environments.append(environment);
            }
        }
        std::sort(m_environments.begin(), m_environments.end(), [](const Environment &a, const Environment &b) { return a.name < b.name; });
        auto outstanding = std::make_shared<int>(int(m_environments.size()));
        if (m_environments.isEmpty())
            finishLoading();
        for (const Environment &environment : std::as_const(m_environments))
            loadFlags(outstanding, environment.id, 0);
    });
}

void FeatBitServer::loadFlags(const std::shared_ptr<int> &outstanding, const QString &environmentId, int pageIndex)
{
    const QString path = flagsPath(environmentId) + QStringLiteral("?pageIndex=%1&pageSize=%2&isArchived=false").arg(pageIndex).arg(PageSize);
    m_rest->get(path, [this, outstanding, environmentId, pageIndex](const Answer &answer) {
        Result<QJsonValue> data = dataOf(answer);
        if (!data) {
            fail(answer.succeeded() ? ServerError{ServerError::Kind::Protocol, data.error()} : errorOf(answer));
            return;
        }
        const QJsonArray items = data->toObject().value(QStringLiteral("items")).toArray();
        // This page's flags, read whole, then the next page; the environment is done with the last.
        auto pending = std::make_shared<int>(int(items.size()) + 1);
        const auto pageDone = [this, outstanding, environmentId, pageIndex, pending, more = items.size() >= PageSize] {
            if (--*pending > 0)
                return;
            if (more) {
                loadFlags(outstanding, environmentId, pageIndex + 1);
                return;
            }
            // Offset pages shift when a flag is created or deleted meanwhile: read the list again
            // until a pass finds nothing it did not hold.
            verifyLoaded(outstanding, environmentId, 0);
        };
        for (const QJsonValue &item : items) {
            readFlag(environmentId, item.toObject().value(QStringLiteral("key")).toString(), [this, environmentId, pageDone](Result<QJsonObject> flag) {
                if (flag)
                    noteFlag(environmentId, flag.value(), false);
                pageDone();
            });
        }
        pageDone();
    });
}

void FeatBitServer::readFlag(const QString &environmentId, const QString &key, std::function<void(Result<QJsonObject>)> done)
{
    m_rest->get(flagPath(environmentId, key), [key, done = std::move(done)](const Answer &answer) {
        Result<QJsonValue> data = dataOf(answer);
        if (!data) {
            done(Result<QJsonObject>::failure(data.error()));
            return;
        }
        if (data->toObject().value(QStringLiteral("key")).toString() != key) {
            done(Result<QJsonObject>::failure(tr("flag %1: the answer names another flag").arg(key)));
            return;
        }
        done(data->toObject());
    });
}

QList<Flag> FeatBitServer::flagsOf(const Environment &environment, QStringList *problems) const
{
    QList<Flag> flags;
    for (const QJsonObject &object : environment.flags) {
        if (object.value(QStringLiteral("isArchived")).toBool())
            continue;
        Result<Flag> flag = FeatBitPayloads::readFlag(object, QStringLiteral("flag"));
        if (flag)
            flags.append(flag.value());
        else if (problems)
            problems->append(tr("%1 in %2 is not shown: %3").arg(object.value(QStringLiteral("key")).toString(), environment.name, flag.error()));
    }
    std::sort(flags.begin(), flags.end(), [](const Flag &a, const Flag &b) { return a.key < b.key; });
    return flags;
}

void FeatBitServer::finishLoading()
{
    QStringList problems;
    Q_EMIT environmentsChanged(environments());
    m_shown = true;
    for (const Environment &environment : std::as_const(m_environments))
        Q_EMIT flagsReplaced(environment.name, flagsOf(environment, &problems));
    m_flagsProblem = problems.isEmpty() ? QString()
                                        : tr("flags not shown: %1; first: %2").arg(problems.size()).arg(problems.first());
    startStreams();
    streamsChanged();
    m_reconcile->start();
}

void FeatBitServer::verifyLoaded(const std::shared_ptr<int> &outstanding, const QString &environmentId, int passes)
{
    reconcile(environmentId, false, [this, outstanding, environmentId, passes](bool changed) {
        if (changed && passes + 1 < MaxLoadPasses) {
            verifyLoaded(outstanding, environmentId, passes + 1);
            return;
        }
        if (--*outstanding == 0)
            probeCapabilities([this, generation = m_generation] {
                if (generation == m_generation)
                    finishLoading();
            });
    });
}

void FeatBitServer::listFlags(const QString &environmentId, std::function<void(const Listing &)> done)
{
    auto listing = std::make_shared<Listing>();
    listing->notesBefore = m_notes;
    listPage(environmentId, 0, listing, std::move(done));
}

void FeatBitServer::listPage(const QString &environmentId, int pageIndex, const std::shared_ptr<Listing> &listing,
                             std::function<void(const Listing &)> done)
{
    const QString path = flagsPath(environmentId) + QStringLiteral("?pageIndex=%1&pageSize=%2&isArchived=false").arg(pageIndex).arg(PageSize);
    m_rest->get(path, [this, environmentId, pageIndex, listing, done, generation = m_generation](const Answer &answer) {
        if (generation != m_generation)
            return;
        Result<QJsonValue> data = dataOf(answer);
        const QJsonArray items = data ? data->toObject().value(QStringLiteral("items")).toArray() : QJsonArray();
        for (const QJsonValue &item : items) {
            const QJsonObject object = item.toObject();
            const QString key = object.value(QStringLiteral("key")).toString();
            if (!key.isEmpty())
                listing->updatedAtUs.insert(key, updatedAtOf(object));
        }
        if (data && items.size() >= PageSize) {
            listPage(environmentId, pageIndex + 1, listing, done);
            return;
        }
        listing->ok = bool(data);
        done(*listing);
    });
}

void FeatBitServer::reconcile(const QString &environmentId, bool announce, std::function<void(bool)> done)
{
    listFlags(environmentId, [this, environmentId, announce, done](const Listing &listing) {
        const auto environment = std::find_if(m_environments.begin(), m_environments.end(), [&](const Environment &e) { return e.id == environmentId; });
        if (!listing.ok || environment == m_environments.end()) {
            if (done)
                done(false);
            return;
        }
        noticeDeafness(environmentId, listing);
        // Held but no longer listed: deleted or archived — unless it arrived after the list was read.
        QStringList gone;
        for (auto it = environment->flags.cbegin(); it != environment->flags.cend(); ++it) {
            if (!listing.updatedAtUs.contains(it.key()) && environment->notedAt.value(it.key()) <= listing.notesBefore)
                gone.append(it.key());
        }
        QStringList missing;
        for (auto it = listing.updatedAtUs.cbegin(); it != listing.updatedAtUs.cend(); ++it) {
            if (!environment->flags.contains(it.key()))
                missing.append(it.key());
        }
        removeFlags(environmentId, gone);
        auto pending = std::make_shared<int>(int(missing.size()) + 1);
        const bool changed = !gone.isEmpty() || !missing.isEmpty();
        const auto oneDone = [pending, done, changed] {
            if (--*pending == 0 && done)
                done(changed);
        };
        for (const QString &key : std::as_const(missing)) {
            readFlag(environmentId, key, [this, environmentId, announce, oneDone](Result<QJsonObject> flag) {
                if (flag && !flag->value(QStringLiteral("isArchived")).toBool())
                    noteFlag(environmentId, flag.value(), announce);
                oneDone();
            });
        }
        oneDone();
    });
}

void FeatBitServer::reconcileAll()
{
    for (const Environment &environment : std::as_const(m_environments))
        reconcile(environment.id, true);
}

void FeatBitServer::noticeDeafness(const QString &environmentId, const Listing &listing)
{
    const auto environment = std::find_if(m_environments.cbegin(), m_environments.cend(), [&](const Environment &e) { return e.id == environmentId; });
    if (environment == m_environments.cend() || !environment->stream || !environment->stream->isPolling()) {
        m_disagreeingSince.remove(environmentId);
        return;
    }
    // Flags the list shows newer than polling brought. latest-all only checks that the secret is
    // well formed, so a rotated secret is an empty answer forever; a change that polling had two
    // intervals to bring and did not is that.
    QStringList newer;
    for (auto it = listing.updatedAtUs.cbegin(); it != listing.updatedAtUs.cend(); ++it) {
        const auto held = environment->flags.constFind(it.key());
        if (held != environment->flags.cend() && it.value() > updatedAtOf(*held))
            newer.append(it.key());
    }
    if (newer.isEmpty()) {
        m_disagreeingSince.remove(environmentId);
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_disagreeingSince.contains(environmentId)) {
        m_disagreeingSince.insert(environmentId, now);
        return;
    }
    if (now - m_disagreeingSince.value(environmentId) < 2 * environment->stream->pollInterval())
        return;
    m_disagreeingSince.remove(environmentId);
    const bool known = m_deaf.contains(environmentId);
    m_deaf.insert(environmentId, tr("%1: live updates may be missing: the environment's secret may have changed "
                                    "(polling brings nothing while FeatBit's API shows newer flags)")
                                     .arg(environment->name));
    // What is shown is brought up to date from the API meanwhile.
    for (const QString &key : std::as_const(newer)) {
        readFlag(environmentId, key, [this, environmentId](Result<QJsonObject> flag) {
            if (flag)
                noteFlag(environmentId, flag.value(), true);
        });
    }
    if (!known)
        streamsChanged();
}

void FeatBitServer::removeFlags(const QString &environmentId, const QStringList &keys)
{
    const auto environment = std::find_if(m_environments.begin(), m_environments.end(), [&](const Environment &e) { return e.id == environmentId; });
    if (environment == m_environments.end())
        return;
    bool removed = false;
    for (const QString &key : keys) {
        removed = environment->flags.remove(key) > 0 || removed;
        environment->notedAt.remove(key);
    }
    if (removed && m_shown)
        Q_EMIT flagsReplaced(environment->name, flagsOf(*environment));
}

void FeatBitServer::startStreams()
{
    for (Environment &environment : m_environments) {
        if (environment.secret.isEmpty()) {
            m_streamProblems.insert(environment.id, tr("%1 has no server secret: no live changes").arg(environment.name));
            continue;
        }
        const QString id = environment.id;
        environment.stream = new FeatBitStream(config().evaluationUrl, environment.secret, [this, id] {
            qint64 newest = 0;
            for (const Environment &each : std::as_const(m_environments)) {
                if (each.id == id) {
                    for (const QJsonObject &flag : each.flags)
                        newest = std::max(newest, updatedAtOf(flag));
                }
            }
            // FeatBit answers flags whose updatedAt, cut to the millisecond, is after the
            // timestamp: the newest held, rounded down, less a millisecond, so that a flag
            // changed in the same millisecond comes too (the held ones are skipped by exact time).
            return newest > 0 ? qint64(std::floor(double(newest) / 1000.0)) - 1 : 0;
        }, this);
        if (m_pollIntervalMs > 0)
            environment.stream->setPollInterval(m_pollIntervalMs);
        const QString name = environment.name;
        connect(environment.stream, &FeatBitStream::received, this, [this, id](const FeatBitPayloads::DataSync &sync) { onSync(id, sync); });
        connect(environment.stream, &FeatBitStream::live, this, [this, id] {
            m_live.insert(id);
            // The stream is back after an interruption: what was deleted meanwhile pushed nothing.
            // (Each poll answer says "live" too; polling is left to the periodic comparison.)
            const auto each = std::find_if(m_environments.cbegin(), m_environments.cend(), [&](const Environment &e) { return e.id == id; });
            const bool polling = each != m_environments.cend() && each->stream && each->stream->isPolling();
            if (m_streamProblems.remove(id) > 0 && !polling)
                reconcile(id, true);
            streamsChanged();
        });
        connect(environment.stream, &FeatBitStream::interrupted, this, [this, id, name](const QString &reason) {
            m_streamProblems.insert(id, tr("%1: %2; retrying").arg(name, reason));
            streamsChanged();
        });
        connect(environment.stream, &FeatBitStream::refused, this, [this, id, name](const QString &reason) {
            m_streamProblems.insert(id, tr("%1: %2").arg(name, reason));
            m_refused.insert(id);
            streamsChanged();
        });
        environment.stream->start();
    }
}

void FeatBitServer::streamsChanged()
{
    QStringList polling;
    for (const Environment &environment : std::as_const(m_environments)) {
        if (environment.stream && environment.stream->isPolling())
            polling.append(environment.name);
    }
    QStringList parts{m_workspace.isEmpty() ? tr("FeatBit") : tr("FeatBit workspace %1").arg(m_workspace)};
    if (!polling.isEmpty())
        parts.append(tr("WebSockets blocked, polling every %1 s: %2").arg(FeatBitStream::PollIntervalMs / 1000).arg(polling.join(QStringLiteral(", "))));
    QStringList problems = m_streamProblems.values() + m_deaf.values();
    problems.sort();
    parts.append(problems);
    if (!m_flagsProblem.isEmpty())
        parts.append(m_flagsProblem);
    if (const QString summary = capabilitySummary(); !summary.isEmpty())
        parts.append(summary);
    // Connecting until every stream has delivered or failed once; then connected, since kills and
    // rollouts go through the API whatever the streams do. A stream's trouble is in the detail
    // and in liveUpdatesProblem().
    const bool opening = std::any_of(m_environments.cbegin(), m_environments.cend(), [this](const Environment &environment) {
        return environment.stream && !m_live.contains(environment.id) && !m_streamProblems.contains(environment.id);
    });
    if (opening)
        parts.append(tr("opening the evaluation server's streams"));
    setState(opening ? ConnectionState::Connecting : ConnectionState::Connected, parts.join(QStringLiteral(" · ")));
}

void FeatBitServer::onSync(const QString &environmentId, const FeatBitPayloads::DataSync &sync)
{
    if (!sync.flags.isEmpty() && m_deaf.remove(environmentId) > 0)
        streamsChanged(); // changes arrive: the secret works
    for (const QJsonObject &object : sync.flags) {
        const QString key = object.value(QStringLiteral("key")).toString();
        if (key.isEmpty())
            continue;
        if (object.value(QStringLiteral("isArchived")).toBool()) {
            removeFlags(environmentId, {key}); // archived: gone from the table at once
            continue;
        }
        if (object.contains(QStringLiteral("revision"))) {
            noteFlag(environmentId, object, true); // a live change: the whole object
            continue;
        }
        // From the store, without a revision: read the flag itself if it moved.
        const auto environment = std::find_if(m_environments.cbegin(), m_environments.cend(), [&](const Environment &e) { return e.id == environmentId; });
        if (environment == m_environments.cend())
            continue;
        const QJsonObject known = environment->flags.value(key);
        if (!known.isEmpty() && updatedAtOf(known) >= updatedAtOf(object))
            continue;
        readFlag(environmentId, key, [this, environmentId](Result<QJsonObject> flag) {
            if (flag)
                noteFlag(environmentId, flag.value(), true);
        });
    }
}

void FeatBitServer::noteFlag(const QString &environmentId, const QJsonObject &flag, bool announce)
{
    const auto environment = std::find_if(m_environments.begin(), m_environments.end(), [&](const Environment &e) { return e.id == environmentId; });
    if (environment == m_environments.end())
        return;
    const QString key = flag.value(QStringLiteral("key")).toString();
    const QJsonObject before = environment->flags.value(key);
    environment->flags.insert(key, flag);
    environment->notedAt.insert(key, ++m_notes);
    if (!announce || before.value(QStringLiteral("revision")) == flag.value(QStringLiteral("revision")))
        return;
    if (Result<Flag> read = FeatBitPayloads::readFlag(flag, QStringLiteral("flag")))
        Q_EMIT flagChanged(environment->name, read.value());
}

QString FeatBitServer::liveUpdatesProblem() const
{
    QStringList problems;
    for (auto it = m_streamProblems.constBegin(); it != m_streamProblems.constEnd(); ++it) {
        const bool polled = std::any_of(m_environments.cbegin(), m_environments.cend(), [&](const Environment &environment) {
            return environment.id == it.key() && environment.stream && environment.stream->isPolling() && !m_refused.contains(it.key());
        });
        if (!polled)
            problems.append(it.value());
    }
    problems.append(m_deaf.values());
    problems.sort();
    return problems.join(QStringLiteral("; "));
}

void FeatBitServer::setStreamPollInterval(int milliseconds)
{
    m_pollIntervalMs = milliseconds;
    for (Environment &environment : m_environments) {
        if (environment.stream)
            environment.stream->setPollInterval(milliseconds);
    }
}

void FeatBitServer::setReconcileInterval(int milliseconds)
{
    m_reconcile->setInterval(milliseconds);
}

FeatBitServer::Environment *FeatBitServer::environmentNamed(const QString &name)
{
    for (Environment &environment : m_environments) {
        if (environment.name == name)
            return &environment;
    }
    return nullptr;
}

ServerReply *FeatBitServer::archiveFlag(const QString &environment, const QString &flagKey, const QString &comment)
{
    auto *reply = new ServerReply(this);
    const Environment *target = environmentNamed(environment);
    if (!target) {
        reply->finishWithError({ServerError::Kind::NotFound, tr("no FeatBit environment %1").arg(environment)});
        return reply;
    }
    const QString id = target->id;
    // As it is now: the stream's isArchived patch may remove it before FeatBit's answer arrives.
    const Result<Flag> archived = FeatBitPayloads::readFlag(target->flags.value(flagKey), QStringLiteral("flag"));
    const QJsonObject body{{QStringLiteral("comment"), FeatBitPayloads::serverComment(comment)}};
    m_rest->send("PUT", flagPath(id, flagKey) + QStringLiteral("/archive"), jsonBody(body),
                 [this, reply, id, flagKey, flag = archived ? archived.value() : Flag()](const Answer &answer) {
        if (Result<QJsonValue> data = dataOf(answer); !data) {
            reply->finishWithError(answer.succeeded() ? ServerError{ServerError::Kind::Protocol, data.error()} : errorOf(answer));
            return;
        }
        reply->finishWithFlag(flag);
        // The stream says the same with isArchived: true; the table need not wait for it.
        removeFlags(id, {flagKey});
    });
    return reply;
}

ServerReply *FeatBitServer::setEnabled(const QString &environment, const QString &flagKey, bool enabled, const QString &comment)
{
    auto *reply = new ServerReply(this);
    const Environment *target = environmentNamed(environment);
    if (!target) {
        reply->finishWithError({ServerError::Kind::NotFound, tr("no FeatBit environment %1").arg(environment)});
        return reply;
    }
    const QString id = target->id;
    const QString path = flagPath(id, flagKey) + (enabled ? QStringLiteral("/toggle/true") : QStringLiteral("/toggle/false"));
    const QJsonObject body{{QStringLiteral("comment"), FeatBitPayloads::serverComment(comment)}};
    m_rest->send("PUT", path, jsonBody(body), [this, reply, id, flagKey, enabled](const Answer &answer) {
        Result<QJsonValue> revision = dataOf(answer);
        if (!revision && answer.status >= 500) {
            settleAfterServerError(reply, id, flagKey, errorOf(answer), [enabled](const QJsonObject &flag) {
                return flag.value(QStringLiteral("isEnabled")).toBool() == enabled;
            });
            return;
        }
        if (!revision) {
            if (answer.status == 403)
                learnProblem(id, &Environment::killProblem, tr("kill and restore need FeatBit 5.2.0 or newer, or the ToggleFlag permission"));
            reply->finishWithError(answer.succeeded() ? ServerError{ServerError::Kind::Protocol, revision.error()} : errorOf(answer));
            return;
        }
        // FeatBit's answer is the flag's new revision: its confirmation of the change.
        QJsonObject flag;
        for (const Environment &each : std::as_const(m_environments)) {
            if (each.id == id)
                flag = each.flags.value(flagKey);
        }
        if (flag.isEmpty()) {
            readFlag(id, flagKey, [this, reply, id](Result<QJsonObject> read) {
                Result<Flag> parsed = read ? FeatBitPayloads::readFlag(read.value(), QStringLiteral("flag")) : Result<Flag>::failure(read.error());
                if (!parsed) {
                    reply->finishWithError({ServerError::Kind::Protocol, parsed.error()});
                    return;
                }
                noteFlag(id, read.value(), false);
                reply->finishWithFlag(parsed.value());
            });
            return;
        }
        flag.insert(QStringLiteral("isEnabled"), enabled);
        flag.insert(QStringLiteral("revision"), revision->toString());
        noteFlag(id, flag, false);
        Result<Flag> parsed = FeatBitPayloads::readFlag(flag, QStringLiteral("flag"));
        if (parsed)
            reply->finishWithFlag(parsed.value());
        else
            reply->finishWithError({ServerError::Kind::Protocol, parsed.error()});
    });
    return reply;
}

ServerReply *FeatBitServer::setRollout(const QString &environment, const QString &flagKey, const Rollout &rollout,
                                       const QString &expectedRevision, const QString &comment)
{
    auto *reply = new ServerReply(this);
    const Environment *target = environmentNamed(environment);
    if (!target) {
        reply->finishWithError({ServerError::Kind::NotFound, tr("no FeatBit environment %1").arg(environment)});
        return reply;
    }
    const QString id = target->id;
    const auto finishWithReadBack = [this, reply, id, flagKey](const ServerError *conflict) {
        readFlag(id, flagKey, [this, reply, id, conflict = conflict ? std::optional<ServerError>(*conflict) : std::nullopt](Result<QJsonObject> read) {
            Result<Flag> parsed = read ? FeatBitPayloads::readFlag(read.value(), QStringLiteral("flag")) : Result<Flag>::failure(read.error());
            if (!parsed) {
                reply->finishWithError({ServerError::Kind::Protocol, parsed.error()});
                return;
            }
            // After a conflict the person is shown the flag as it is now.
            noteFlag(id, read.value(), conflict.has_value());
            if (conflict)
                reply->finishWithError(*conflict);
            else
                reply->finishWithFlag(parsed.value());
        });
    };
    readFlag(id, flagKey, [this, reply, id, flagKey, rollout, expectedRevision, comment, finishWithReadBack](Result<QJsonObject> current) {
        if (!current) {
            reply->finishWithError({ServerError::Kind::Protocol, current.error()});
            return;
        }
        const QString revision = current->value(QStringLiteral("revision")).toString();
        if (!expectedRevision.isEmpty() && revision != expectedRevision) {
            const ServerError conflict{ServerError::Kind::Conflict, tr("the flag changed in FeatBit since it was read")};
            finishWithReadBack(&conflict);
            return;
        }
        Result<QJsonObject> targeting = FeatBitPayloads::targetingWithRollout(current.value(), rollout);
        if (!targeting) {
            reply->finishWithError({ServerError::Kind::Protocol, targeting.error()});
            return;
        }
        const QJsonObject body{{QStringLiteral("revision"), revision},
                               {QStringLiteral("targeting"), targeting.value()},
                               {QStringLiteral("comment"), FeatBitPayloads::serverComment(comment)}};
        m_rest->send("PUT", flagPath(id, flagKey) + QStringLiteral("/targeting"), jsonBody(body),
                     [this, reply, id, flagKey, rollout, revision, finishWithReadBack](const Answer &answer) {
            if (answer.status >= 500) {
                settleAfterServerError(reply, id, flagKey, errorOf(answer), [rollout, revision](const QJsonObject &flag) {
                    Result<Flag> read = FeatBitPayloads::readFlag(flag, QStringLiteral("flag"));
                    return flag.value(QStringLiteral("revision")).toString() != revision && read && read->rollout == rollout;
                });
                return;
            }
            if (answer.status == 409) {
                const ServerError conflict{ServerError::Kind::Conflict, tr("FeatBit refused the change: the flag's revision moved (HTTP 409)")};
                finishWithReadBack(&conflict);
                return;
            }
            if (Result<QJsonValue> data = dataOf(answer); !data) {
                // FeatBit knows which permission a targeting change needs only from the change
                // itself: what it refuses is remembered, and said, for the next time.
                if (answer.status == 403)
                    learnProblem(id, &Environment::rolloutProblem,
                                 tr("rollout changes need FeatBit 5.3.3 or newer, or the UpdateFlagDefaultRule permission"));
                reply->finishWithError(answer.succeeded() ? ServerError{ServerError::Kind::Protocol, data.error()} : errorOf(answer));
                return;
            }
            finishWithReadBack(nullptr);
        });
    });
    return reply;
}

void FeatBitServer::settleAfterServerError(ServerReply *reply, const QString &environmentId, const QString &flagKey,
                                           const ServerError &error, std::function<bool(const QJsonObject &)> reached)
{
    readFlag(environmentId, flagKey, [this, reply, environmentId, error, reached](Result<QJsonObject> read) {
        Result<Flag> parsed = read ? FeatBitPayloads::readFlag(read.value(), QStringLiteral("flag")) : Result<Flag>::failure(read.error());
        if (!parsed) {
            reply->finishWithError(error);
            return;
        }
        // What the server now holds is shown, whichever way it went.
        noteFlag(environmentId, read.value(), true);
        if (reached(read.value())) {
            reply->finishWithFlag(parsed.value());
            return;
        }
        reply->finishWithError({error.kind, error.detail.isEmpty() ? tr("read again afterwards, the flag is unchanged")
                                                                 : tr("%1; read again afterwards, the flag is unchanged").arg(error.detail)});
    });
}

ServerReply *FeatBitServer::fetchAuditSince(const QString &cursor)
{
    auto *reply = new ServerReply(this);
    if (m_environments.isEmpty()) {
        reply->finishWithAudit({}, cursor);
        return reply;
    }
    // Per environment: the newest createdAt stored (rounded down to the millisecond), and the ids
    // of the entries stored since a short overlap before it. Each fetch reads from that overlap
    // ("from" is inclusive), so an entry committed late with an earlier time is still found,
    // and the ids keep what was already stored from coming twice.
    const QJsonObject stored = QJsonDocument::fromJson(cursor.toUtf8()).object();
    struct Found
    {
        QString environmentId;
        FeatBitPayloads::AuditLog log;
    };
    struct Collected
    {
        QList<Found> found;
        int outstanding = 0;
        std::optional<ServerError> error;
    };
    const auto seenOf = [](const QJsonObject &mark) {
        QHash<QString, qint64> seen;
        const qint64 after = qint64(mark.value(QStringLiteral("after")).toDouble());
        const QJsonObject withTimes = mark.value(QStringLiteral("seen")).toObject();
        for (auto it = withTimes.constBegin(); it != withTimes.constEnd(); ++it)
            seen.insert(it.key(), qint64(it.value().toDouble()));
        for (const QJsonValue &id : mark.value(QStringLiteral("ids")).toArray()) // cursors of earlier versions
            seen.insert(id.toString(), after);
        return seen;
    };
    // Environments whose history this token cannot read are left to their detail's sentence.
    QList<const Environment *> readable;
    for (const Environment &environment : std::as_const(m_environments)) {
        if (environment.historyProblem.isEmpty())
            readable.append(&environment);
    }
    if (readable.isEmpty()) {
        reply->finishWithAudit({}, cursor);
        return reply;
    }
    auto collected = std::make_shared<Collected>();
    collected->outstanding = int(readable.size());
    const auto finish = [reply, collected, stored, cursor, seenOf] {
        if (collected->error) {
            reply->finishWithError(*collected->error);
            return;
        }
        std::sort(collected->found.begin(), collected->found.end(),
                  [](const Found &a, const Found &b) { return a.log.createdAtUs < b.log.createdAtUs; });
        QHash<QString, QHash<QString, qint64>> seen;
        QHash<QString, qint64> newest;
        QList<AuditEntry> entries;
        for (const Found &found : std::as_const(collected->found)) {
            if (!seen.contains(found.environmentId)) {
                const QJsonObject mark = stored.value(found.environmentId).toObject();
                seen.insert(found.environmentId, seenOf(mark));
                newest.insert(found.environmentId, qint64(mark.value(QStringLiteral("after")).toDouble()));
            }
            entries.append(found.log.entry);
            seen[found.environmentId].insert(found.log.id, found.log.createdAtMs);
            newest[found.environmentId] = std::max(newest.value(found.environmentId), found.log.createdAtMs);
        }
        QJsonObject next = stored;
        for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
            const qint64 after = newest.value(it.key());
            QJsonObject kept;
            for (auto id = it->cbegin(); id != it->cend(); ++id) {
                if (id.value() >= after - AuditOverlapMs)
                    kept.insert(id.key(), double(id.value()));
            }
            next.insert(it.key(), QJsonObject{{QStringLiteral("after"), double(after)}, {QStringLiteral("seen"), kept}});
        }
        reply->finishWithAudit(entries, entries.isEmpty() ? cursor : QString::fromUtf8(QJsonDocument(next).toJson(QJsonDocument::Compact)));
    };
    // "to" includes the current millisecond whole: FeatBit's times have microseconds within it.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + 1;
    for (const Environment *each : std::as_const(readable)) {
        const Environment &environment = *each;
        const QJsonObject mark = stored.value(environment.id).toObject();
        const qint64 newest = qint64(mark.value(QStringLiteral("after")).toDouble());
        const qint64 after = mark.isEmpty() ? 0 : std::max<qint64>(0, newest - AuditOverlapMs);
        const QHash<QString, qint64> seen = seenOf(mark);
        auto page = std::make_shared<std::function<void(int)>>();
        *page = [this, weakPage = std::weak_ptr(page), collected, finish, environmentId = environment.id, name = environment.name,
                 after, seen, now](int pageIndex) {
            const QString path = QStringLiteral("/api/v1/envs/%1/audit-logs?from=%2&to=%3&pageIndex=%4&pageSize=%5")
                                     .arg(RestClient::part(environmentId))
                                     .arg(after)
                                     .arg(now)
                                     .arg(pageIndex)
                                     .arg(PageSize);
            m_rest->get(path, [this, weakPage, collected, finish, environmentId, name, seen, pageIndex](const Answer &answer) {
                Result<QJsonValue> data = dataOf(answer);
                Result<QList<FeatBitPayloads::AuditLog>> logs = data ? FeatBitPayloads::readAuditLogPage(data->toObject(), connectionId(), name)
                                                                     : Result<QList<FeatBitPayloads::AuditLog>>::failure(data.error());
                if (!logs) {
                    if (!collected->error)
                        collected->error = answer.succeeded() ? ServerError{ServerError::Kind::Protocol, logs.error()} : errorOf(answer);
                } else {
                    for (const FeatBitPayloads::AuditLog &log : logs.value()) {
                        if (!seen.contains(log.id))
                            collected->found.append({environmentId, log});
                    }
                    const auto next = weakPage.lock();
                    if (logs->size() >= PageSize && next) {
                        (*next)(pageIndex + 1);
                        return;
                    }
                }
                if (--collected->outstanding == 0)
                    finish();
            });
        };
        // The reply keeps each pager alive until it finishes.
        connect(reply, &QObject::destroyed, this, [page] {});
        (*page)(0);
    }
    return reply;
}

TokenIdentity FeatBitServer::tokenIdentity() const
{
    TokenIdentity identity;
    identity.server = QStringLiteral("FeatBit");
    identity.note = tr("FeatBit does not tell an access token whose it is or whether it is a personal or a service "
                       "token; FeatBit records the change under the token's name");
    return identity;
}
