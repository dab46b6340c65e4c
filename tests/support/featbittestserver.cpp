#include "featbittestserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

namespace {

using Status = QHttpServerResponse::StatusCode;
using Method = QHttpServerRequest::Method;

// FeatBit's times: microseconds, "2026-04-02T10:15:30.123456Z".
QString isoTime(qint64 us)
{
    const qint64 seconds = us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000);
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
        + QStringLiteral(".%1Z").arg(us - seconds * 1000000, 6, 10, QLatin1Char('0'));
}

// Microseconds of such a time; digits after the sixth are cut, as PostgreSQL keeps them.
qint64 usOf(const QJsonValue &iso)
{
    const QString text = iso.toString();
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return QDateTime::fromString(text, Qt::ISODate).toSecsSinceEpoch() * 1000000;
    qsizetype end = dot + 1;
    while (end < text.size() && text.at(end).isDigit())
        ++end;
    const qint64 fraction = text.mid(dot + 1, end - dot - 1).left(6).leftJustified(6, QLatin1Char('0')).toLongLong();
    return QDateTime::fromString(text.left(dot) + text.mid(end), Qt::ISODate).toSecsSinceEpoch() * 1000000 + fraction;
}

// PostgreSQL's date_trunc('milliseconds', …), as a unix time in ms.
qint64 truncatedMsOf(const QJsonValue &iso)
{
    const qint64 us = usOf(iso);
    return us >= 0 ? us / 1000 : -((-us + 999) / 1000);
}

// PostgreSQL's length() of a text: Unicode code points.
int codePoints(const QString &text)
{
    return int(text.toUcs4().size());
}

QHttpServerResponse envelope(const QJsonValue &data, Status status = Status::Ok)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("success"), status == Status::Ok},
                                           {QStringLiteral("errors"), QJsonArray()},
                                           {QStringLiteral("data"), data}},
                               status);
}

QHttpServerResponse failure(const QString &code, Status status)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("success"), false},
                                           {QStringLiteral("errors"), QJsonArray{code}},
                                           {QStringLiteral("data"), QJsonValue::Null}},
                               status);
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// The evaluation server's number encoding, decoded: Q B W S P H D X Z U are the digits 0–9.
std::optional<qint64> decodeNumber(QStringView text)
{
    static const QString Alphabet = QStringLiteral("QBWSPHDXZU");
    if (text.isEmpty())
        return std::nullopt;
    qint64 value = 0;
    for (const QChar character : text) {
        const qsizetype digit = Alphabet.indexOf(character);
        if (digit < 0)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

// What the store sends in data-sync answers: the domain object without its bookkeeping.
QJsonObject storeForm(const QJsonObject &flag)
{
    QJsonObject stored;
    for (const char *key : {"id", "envId", "name", "description", "key", "variationType", "variations", "targetUsers", "rules",
                            "isEnabled", "disabledVariationId", "fallthrough", "exptIncludeAllTargets", "tags", "updatedAt",
                            "isArchived"})
        stored.insert(QLatin1String(key), flag.value(QLatin1String(key)));
    return stored;
}

} // namespace

FeatBitTestServer::FeatBitTestServer(quint16 apiPort, quint16 evaluationPort)
{
    m_tokens.insert(AccessToken.toUtf8(), Token{{}, {}, true});
    routeApi();
    routeEvaluation();
    m_apiPort = m_api.listen(QHostAddress::LocalHost, apiPort);
    m_evaluationPort = m_evaluation.listen(QHostAddress::LocalHost, evaluationPort);
}

QJsonObject FeatBitTestServer::saveState() const
{
    QJsonArray environments;
    for (const Environment &environment : m_environments) {
        QJsonObject flags;
        for (auto it = environment.flags.cbegin(); it != environment.flags.cend(); ++it)
            flags.insert(it.key(), it.value());
        QJsonArray logs;
        for (const QJsonObject &log : environment.auditLogs)
            logs.append(log);
        environments.append(QJsonObject{{QStringLiteral("id"), environment.id},
                                        {QStringLiteral("projectKey"), environment.projectKey},
                                        {QStringLiteral("key"), environment.key},
                                        {QStringLiteral("secret"), environment.secret},
                                        {QStringLiteral("flags"), flags},
                                        {QStringLiteral("auditLogs"), logs}});
    }
    return {{QStringLiteral("environments"), environments}, {QStringLiteral("lastUs"), QString::number(m_lastUs)}};
}

void FeatBitTestServer::restoreState(const QJsonObject &state)
{
    m_environments.clear();
    for (const QJsonValue &value : state.value(QStringLiteral("environments")).toArray()) {
        const QJsonObject stored = value.toObject();
        Environment environment;
        environment.id = stored.value(QStringLiteral("id")).toString();
        environment.projectKey = stored.value(QStringLiteral("projectKey")).toString();
        environment.key = stored.value(QStringLiteral("key")).toString();
        environment.secret = stored.value(QStringLiteral("secret")).toString();
        const QJsonObject flags = stored.value(QStringLiteral("flags")).toObject();
        for (auto it = flags.constBegin(); it != flags.constEnd(); ++it)
            environment.flags.insert(it.key(), it.value().toObject());
        for (const QJsonValue &log : stored.value(QStringLiteral("auditLogs")).toArray())
            environment.auditLogs.append(log.toObject());
        m_environments.insert(environment.id, environment);
    }
    m_lastUs = state.value(QStringLiteral("lastUs")).toString().toLongLong();
}

FeatBitTestServer::~FeatBitTestServer()
{
    closeStreams(1000);
}

QUrl FeatBitTestServer::apiUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_apiPort));
}

QUrl FeatBitTestServer::evaluationUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_evaluationPort));
}

void FeatBitTestServer::addToken(const QString &token, const QStringList &permissions, const QStringList &environmentIds)
{
    m_tokens.insert(token.toUtf8(), Token{permissions, environmentIds, false});
}

const FeatBitTestServer::Token *FeatBitTestServer::tokenOf(const QHttpServerRequest &request) const
{
    const auto token = m_tokens.constFind(request.value("Authorization"));
    return token == m_tokens.constEnd() ? nullptr : &token.value();
}

bool FeatBitTestServer::mayRead(const QHttpServerRequest &request, const QString &environmentId) const
{
    const Token *token = tokenOf(request);
    return token && (token->all || token->environments.isEmpty() || token->environments.contains(environmentId));
}

bool FeatBitTestServer::may(const QHttpServerRequest &request, const QString &environmentId, const QString &permission) const
{
    const Token *token = tokenOf(request);
    return mayRead(request, environmentId) && (token->all || token->permissions.contains(permission));
}

qint64 FeatBitTestServer::nextTimeUs()
{
    // FeatBit's clock has microseconds; this one makes up the part below the millisecond.
    m_lastUs = std::max(nowMs() * 1000 + qint64(QRandomGenerator::global()->bounded(1000)), m_lastUs + 1);
    return m_lastUs;
}

bool FeatBitTestServer::commentFits(const QHttpServerRequest &request) const
{
    return codePoints(QJsonDocument::fromJson(request.body()).object().value(QStringLiteral("comment")).toString()) <= m_commentLimit;
}

qint64 FeatBitTestServer::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_clockSkewMs;
}

QString FeatBitTestServer::addEnvironment(const QString &projectKey, const QString &environmentKey)
{
    Environment environment;
    const QUuid id = QUuid::createUuid();
    environment.id = id.toString(QUuid::WithoutBraces);
    environment.projectKey = projectKey;
    environment.key = environmentKey;
    // 44 characters: a random half, then the environment's id, each a base64url-encoded GUID.
    environment.secret = base64Url(QUuid::createUuid().toRfc4122()) + base64Url(id.toRfc4122());
    m_environments.insert(environment.id, environment);
    return environment.id;
}

QString FeatBitTestServer::serverSecret(const QString &environmentId) const
{
    return m_environments.value(environmentId).secret;
}

QJsonObject FeatBitTestServer::addBooleanFlag(const QString &environmentId, const QString &key, bool enabled, int onBasisPoints)
{
    const QString on = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString off = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const double split = onBasisPoints / 10000.0;
    QJsonArray served;
    if (onBasisPoints > 0)
        served.append(QJsonObject{{QStringLiteral("id"), on}, {QStringLiteral("rollout"), QJsonArray{0, split}}, {QStringLiteral("exptRollout"), 1}});
    if (onBasisPoints < 10000)
        served.append(QJsonObject{{QStringLiteral("id"), off}, {QStringLiteral("rollout"), QJsonArray{split, 1}}, {QStringLiteral("exptRollout"), 1}});
    const qint64 now = nextTimeUs();
    const QJsonObject flag{
        {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("envId"), environmentId},
        {QStringLiteral("revision"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), key},
        {QStringLiteral("description"), QString()},
        {QStringLiteral("key"), key},
        {QStringLiteral("variationType"), QStringLiteral("boolean")},
        {QStringLiteral("variations"), QJsonArray{QJsonObject{{QStringLiteral("id"), on}, {QStringLiteral("name"), QStringLiteral("On")}, {QStringLiteral("value"), QStringLiteral("true")}},
                                                  QJsonObject{{QStringLiteral("id"), off}, {QStringLiteral("name"), QStringLiteral("Off")}, {QStringLiteral("value"), QStringLiteral("false")}}}},
        {QStringLiteral("targetUsers"), QJsonArray()},
        {QStringLiteral("rules"), QJsonArray()},
        {QStringLiteral("isEnabled"), enabled},
        {QStringLiteral("disabledVariationId"), off},
        {QStringLiteral("fallthrough"), QJsonObject{{QStringLiteral("dispatchKey"), QStringLiteral("keyId")},
                                                   {QStringLiteral("includedInExpt"), true},
                                                   {QStringLiteral("variations"), served}}},
        {QStringLiteral("exptIncludeAllTargets"), true},
        {QStringLiteral("tags"), QJsonArray{QStringLiteral("ai")}},
        {QStringLiteral("isArchived"), false},
        {QStringLiteral("creatorId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("createdAt"), isoTime(now)},
        {QStringLiteral("updatedAt"), isoTime(now)},
    };
    Environment &environment = m_environments[environmentId];
    environment.flags.insert(key, flag);
    record(environment, {}, flag, QStringLiteral("Create"), {}, {}, QStringLiteral("Aiko Sato"), QStringLiteral("aiko@example.com"));
    return flag;
}

QJsonObject FeatBitTestServer::flag(const QString &environmentId, const QString &key) const
{
    return m_environments.value(environmentId).flags.value(key);
}

void FeatBitTestServer::changeFlag(const QString &environmentId, const QString &key,
                                   const std::function<void(QJsonObject &)> &change, const QString &instruction,
                                   const QString &creatorName, qint64 updatedAtUs, bool pushed, const QString &comment)
{
    Environment &environment = m_environments[environmentId];
    const QJsonObject before = environment.flags.value(key);
    QJsonObject after = before;
    change(after);
    after.insert(QStringLiteral("revision"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (updatedAtUs > 0)
        m_lastUs = std::max(m_lastUs, updatedAtUs);
    after.insert(QStringLiteral("updatedAt"), isoTime(updatedAtUs > 0 ? updatedAtUs : nextTimeUs()));
    environment.flags.insert(key, after);
    record(environment, before, after, QStringLiteral("Update"), instruction, comment, creatorName,
           creatorName + QStringLiteral("@example.com"));
    if (pushed)
        push(environmentId, after);
}

void FeatBitTestServer::archiveFlag(const QString &environmentId, const QString &key)
{
    changeFlag(environmentId, key, [](QJsonObject &flag) { flag.insert(QStringLiteral("isArchived"), true); },
               QStringLiteral("ArchiveFlag"), QStringLiteral("Aiko Sato"));
}

void FeatBitTestServer::deleteFlag(const QString &environmentId, const QString &key)
{
    m_environments[environmentId].flags.remove(key);
}

void FeatBitTestServer::rotateSecret(const QString &environmentId)
{
    Environment &environment = m_environments[environmentId];
    environment.secret = base64Url(QUuid::createUuid().toRfc4122()) + base64Url(QUuid::fromString(environmentId).toRfc4122());
}

QStringList FeatBitTestServer::flagKeys(const QString &environmentId) const
{
    QStringList keys;
    for (const QJsonObject &flag : m_environments.value(environmentId).flags) {
        if (!flag.value(QStringLiteral("isArchived")).toBool())
            keys.append(flag.value(QStringLiteral("key")).toString());
    }
    keys.sort();
    return keys;
}

int FeatBitTestServer::timesTurnedOff(const QString &environmentId, const QString &key) const
{
    const QString flagId = flag(environmentId, key).value(QStringLiteral("id")).toString();
    int count = 0;
    for (const QJsonObject &entry : m_environments.value(environmentId).auditLogs) {
        const QJsonArray instructions = entry.value(QStringLiteral("instructions")).toArray();
        if (entry.value(QStringLiteral("refId")).toString() == flagId && !instructions.isEmpty()
            && instructions.first().toObject().value(QStringLiteral("kind")).toString() == QLatin1String("TurnFlagOff"))
            ++count;
    }
    return count;
}

void FeatBitTestServer::record(Environment &environment, const QJsonObject &before, const QJsonObject &after,
                               const QString &operation, const QString &instruction, const QString &comment,
                               const QString &creatorName, const QString &creatorEmail)
{
    const auto json = [](const QJsonObject &flag) {
        return flag.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(flag).toJson(QJsonDocument::Compact));
    };
    QJsonArray instructions;
    if (!instruction.isEmpty())
        instructions.append(QJsonObject{{QStringLiteral("kind"), instruction}, {QStringLiteral("value"), QJsonValue::Null}});
    environment.auditLogs.append(QJsonObject{
        {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("refId"), after.value(QStringLiteral("id"))},
        {QStringLiteral("refType"), QStringLiteral("FeatureFlag")},
        {QStringLiteral("operation"), operation},
        {QStringLiteral("dataChange"), QJsonObject{{QStringLiteral("previous"), json(before)}, {QStringLiteral("current"), json(after)}}},
        {QStringLiteral("comment"), comment},
        {QStringLiteral("creatorId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("creatorName"), creatorName},
        {QStringLiteral("creatorEmail"), creatorEmail},
        {QStringLiteral("createdAt"), after.value(QStringLiteral("updatedAt"))},
        {QStringLiteral("instructions"), instructions},
    });
    if (m_onChange)
        m_onChange();
}

void FeatBitTestServer::routeApi()
{
    // Every route checks the access token first, as FeatBit's Open API handler does.
    const auto authorized = [this](const QHttpServerRequest &request) { return tokenOf(request) != nullptr; };

    m_api.route(QStringLiteral("/api/v1/workspaces"), Method::Get, [authorized](const QHttpServerRequest &request) {
        if (!authorized(request))
            return QHttpServerResponse(Status::Unauthorized);
        return envelope(QJsonObject{{QStringLiteral("id"), QStringLiteral("b1e6c5a4-0000-4000-8000-000000000001")},
                                    {QStringLiteral("name"), QStringLiteral("AI platform")},
                                    {QStringLiteral("key"), QStringLiteral("ai-platform")}});
    });
    m_api.route(QStringLiteral("/api/v1/projects"), Method::Get, [this, authorized](const QHttpServerRequest &request) {
        if (!authorized(request))
            return QHttpServerResponse(Status::Unauthorized);
        QMap<QString, QJsonArray> byProject;
        for (const Environment &environment : std::as_const(m_environments)) {
            if (!mayRead(request, environment.id))
                continue; // left out without a word
            byProject[environment.projectKey].append(QJsonObject{
                {QStringLiteral("id"), environment.id},
                {QStringLiteral("name"), environment.key},
                {QStringLiteral("key"), environment.key},
                {QStringLiteral("secrets"),
                 QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("s1")}, {QStringLiteral("name"), QStringLiteral("Server Key")},
                                        {QStringLiteral("type"), QStringLiteral("server")}, {QStringLiteral("value"), environment.secret}},
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("s2")}, {QStringLiteral("name"), QStringLiteral("Client Key")},
                                        {QStringLiteral("type"), QStringLiteral("client")}, {QStringLiteral("value"), QStringLiteral("client-secret")}}}},
                {QStringLiteral("settings"), QJsonObject{{QStringLiteral("requireChangeComment"), false}}},
            });
        }
        QJsonArray projects;
        for (auto it = byProject.constBegin(); it != byProject.constEnd(); ++it)
            projects.append(QJsonObject{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                        {QStringLiteral("name"), it.key()},
                                        {QStringLiteral("key"), it.key()},
                                        {QStringLiteral("environments"), it.value()}});
        return envelope(projects);
    });
    m_api.route(QStringLiteral("/api/v1/envs/<arg>/feature-flags"), Method::Get,
                [this, authorized](const QString &environmentId, const QHttpServerRequest &request) {
                    if (!authorized(request))
                        return QHttpServerResponse(Status::Unauthorized);
                    if (!m_environments.contains(environmentId))
                        return failure(QStringLiteral("ResourceNotFound"), Status::NotFound);
                    const QUrlQuery query = request.query();
                    const int pageIndex = query.queryItemValue(QStringLiteral("pageIndex")).toInt();
                    const int pageSize = std::max(1, query.queryItemValue(QStringLiteral("pageSize")).toInt());
                    if (m_onFlagListPage)
                        m_onFlagListPage(environmentId, pageIndex);
                    // FeatBit's order: newest created first; offset paging over it.
                    QList<QJsonObject> flags;
                    const bool archived = query.queryItemValue(QStringLiteral("isArchived")) == QLatin1String("true");
                    for (const QJsonObject &flag : m_environments.value(environmentId).flags) {
                        if (!query.hasQueryItem(QStringLiteral("isArchived")) || flag.value(QStringLiteral("isArchived")).toBool() == archived)
                            flags.append(flag);
                    }
                    std::stable_sort(flags.begin(), flags.end(), [](const QJsonObject &a, const QJsonObject &b) {
                        return usOf(a.value(QStringLiteral("createdAt"))) > usOf(b.value(QStringLiteral("createdAt")));
                    });
                    QJsonArray items;
                    for (qsizetype i = qsizetype(pageIndex) * pageSize; i < flags.size() && items.size() < pageSize; ++i) {
                        const QJsonObject &flag = flags.at(i);
                        items.append(QJsonObject{{QStringLiteral("id"), flag.value(QStringLiteral("id"))},
                                                 {QStringLiteral("key"), flag.value(QStringLiteral("key"))},
                                                 {QStringLiteral("name"), flag.value(QStringLiteral("name"))},
                                                 {QStringLiteral("isEnabled"), flag.value(QStringLiteral("isEnabled"))},
                                                 {QStringLiteral("variationType"), flag.value(QStringLiteral("variationType"))},
                                                 {QStringLiteral("variations"), flag.value(QStringLiteral("variations"))},
                                                 {QStringLiteral("tags"), flag.value(QStringLiteral("tags"))},
                                                 {QStringLiteral("createdAt"), flag.value(QStringLiteral("createdAt"))},
                                                 {QStringLiteral("updatedAt"), flag.value(QStringLiteral("updatedAt"))}});
                    }
                    return envelope(QJsonObject{{QStringLiteral("totalCount"), flags.size()}, {QStringLiteral("items"), items}});
                });
    m_api.route(QStringLiteral("/api/v1/envs/<arg>/feature-flags/<arg>"), Method::Get,
                [this, authorized](const QString &environmentId, const QString &key, const QHttpServerRequest &request) {
                    if (!authorized(request))
                        return QHttpServerResponse(Status::Unauthorized);
                    const QJsonObject flag = this->flag(environmentId, key);
                    return flag.isEmpty() ? failure(QStringLiteral("ResourceNotFound"), Status::NotFound) : envelope(flag);
                });
    m_api.route(QStringLiteral("/api/v1/envs/<arg>/feature-flags/<arg>/toggle/<arg>"), Method::Put,
                [this, authorized](const QString &environmentId, const QString &key, const QString &state,
                                   const QHttpServerRequest &request) {
                    if (!authorized(request))
                        return QHttpServerResponse(Status::Unauthorized);
                    if (m_version < 50200) // no such route for access tokens yet
                        return QHttpServerResponse(Status::NotFound);
                    if (!may(request, environmentId, QStringLiteral("ToggleFlag")))
                        return failure(QStringLiteral("Forbidden"), Status::Forbidden);
                    return toggle(environmentId, key, state, request);
                });
    m_api.route(QStringLiteral("/api/v1/envs/<arg>/feature-flags/<arg>/archive"), Method::Put,
                [this, authorized](const QString &environmentId, const QString &key, const QHttpServerRequest &request) {
                    if (!authorized(request))
                        return QHttpServerResponse(Status::Unauthorized);
                    if (!may(request, environmentId, QStringLiteral("ArchiveFlag")))
                        return failure(QStringLiteral("Forbidden"), Status::Forbidden);
                    if (!m_environments.value(environmentId).flags.contains(key))
                        return failure(QStringLiteral("ResourceNotFound"), Status::NotFound);
                    const QString comment = QJsonDocument::fromJson(request.body()).object().value(QStringLiteral("comment")).toString();
                    // Archived, still sent to SDKs with isArchived: true (they ignore it).
                    changeFlag(environmentId, key, [](QJsonObject &flag) { flag.insert(QStringLiteral("isArchived"), true); },
                               QStringLiteral("ArchiveFlag"), TokenName, 0, true, comment);
                    return envelope(true);
                });
    m_api.route(QStringLiteral("/api/v1/envs/<arg>/feature-flags/<arg>/targeting"), Method::Put,
                [this, authorized](const QString &environmentId, const QString &key, const QHttpServerRequest &request) {
                    if (!authorized(request))
                        return QHttpServerResponse(Status::Unauthorized);
                    if (m_version < 50303)
                        return QHttpServerResponse(Status::MethodNotAllowed);
                    if (!mayRead(request, environmentId))
                        return failure(QStringLiteral("Forbidden"), Status::Forbidden);
                    return updateTargeting(environmentId, key, request);
                });
    m_api.route(QStringLiteral("/api/v1/envs/<arg>/audit-logs"), Method::Get,
                [this, authorized](const QString &environmentId, const QHttpServerRequest &request) {
                    if (!authorized(request))
                        return QHttpServerResponse(Status::Unauthorized);
                    if (m_version < 50001)
                        return QHttpServerResponse(Status::Forbidden);
                    if (!mayRead(request, environmentId))
                        return failure(QStringLiteral("Forbidden"), Status::Forbidden);
                    return auditLogs(environmentId, request);
                });
}

QHttpServerResponse FeatBitTestServer::toggle(const QString &environmentId, const QString &key, const QString &state,
                                              const QHttpServerRequest &request)
{
    if (!m_environments.value(environmentId).flags.contains(key))
        return failure(QStringLiteral("ResourceNotFound"), Status::NotFound);
    if (state != QLatin1String("true") && state != QLatin1String("false"))
        return failure(QStringLiteral("invalid_status"), Status::BadRequest);
    const bool enabled = state == QLatin1String("true");
    Environment &environment = m_environments[environmentId];
    QJsonObject flag = environment.flags.value(key);
    if (flag.value(QStringLiteral("isEnabled")).toBool() == enabled)
        return envelope(flag.value(QStringLiteral("revision"))); // already so: no change, no audit log
    const QJsonObject before = flag;
    flag.insert(QStringLiteral("isEnabled"), enabled);
    flag.insert(QStringLiteral("revision"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    flag.insert(QStringLiteral("updatedAt"), isoTime(nextTimeUs()));
    environment.flags.insert(key, flag);
    // The flag is saved first; the audit row then fails on its varchar(512) comment.
    if (!commentFits(request))
        return QHttpServerResponse(Status::InternalServerError);
    const QString comment = QJsonDocument::fromJson(request.body()).object().value(QStringLiteral("comment")).toString();
    record(environment, before, flag, QStringLiteral("Update"), enabled ? QStringLiteral("TurnFlagOn") : QStringLiteral("TurnFlagOff"),
           comment, TokenName, QStringLiteral("Access token"));
    push(environmentId, flag);
    return envelope(flag.value(QStringLiteral("revision")));
}

QHttpServerResponse FeatBitTestServer::updateTargeting(const QString &environmentId, const QString &key,
                                                       const QHttpServerRequest &request)
{
    if (!m_environments.value(environmentId).flags.contains(key))
        return failure(QStringLiteral("ResourceNotFound"), Status::NotFound);
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QJsonObject targeting = body.value(QStringLiteral("targeting")).toObject();
    if (!targeting.value(QStringLiteral("fallthrough")).isObject())
        return failure(QStringLiteral("targeting_is_required"), Status::BadRequest);
    Environment &environment = m_environments[environmentId];
    QJsonObject flag = environment.flags.value(key);
    if (body.value(QStringLiteral("revision")).toString() != flag.value(QStringLiteral("revision")).toString())
        return failure(QStringLiteral("Conflict"), Status::Conflict);
    // The permissions follow from what the change touches, so they are checked here, once the
    // flag is read — not before the handler, as toggle's are.
    if (targeting.value(QStringLiteral("fallthrough")) != flag.value(QStringLiteral("fallthrough"))
        && !may(request, environmentId, QStringLiteral("UpdateFlagDefaultRule")))
        return failure(QStringLiteral("Forbidden"), Status::Forbidden);
    const QJsonObject before = flag;
    for (const char *field : {"targetUsers", "rules", "fallthrough", "exptIncludeAllTargets"})
        flag.insert(QLatin1String(field), targeting.value(QLatin1String(field)));
    flag.insert(QStringLiteral("revision"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    flag.insert(QStringLiteral("updatedAt"), isoTime(nextTimeUs()));
    environment.flags.insert(key, flag);
    if (!commentFits(request))
        return QHttpServerResponse(Status::InternalServerError);
    record(environment, before, flag, QStringLiteral("Update"), QStringLiteral("UpdateDefaultRuleVariationOrRollouts"),
           body.value(QStringLiteral("comment")).toString(), TokenName, QStringLiteral("Access token"));
    push(environmentId, flag);
    return envelope(flag.value(QStringLiteral("revision")));
}

QHttpServerResponse FeatBitTestServer::auditLogs(const QString &environmentId, const QHttpServerRequest &request)
{
    if (!m_environments.contains(environmentId))
        return failure(QStringLiteral("ResourceNotFound"), Status::NotFound);
    const QUrlQuery query = request.query();
    const qint64 from = query.hasQueryItem(QStringLiteral("from")) ? query.queryItemValue(QStringLiteral("from")).toLongLong() : 0;
    const qint64 to = query.hasQueryItem(QStringLiteral("to")) ? query.queryItemValue(QStringLiteral("to")).toLongLong()
                                                               : std::numeric_limits<qint64>::max() / 1000;
    const int pageIndex = query.queryItemValue(QStringLiteral("pageIndex")).toInt();
    const int pageSize = std::max(1, query.queryItemValue(QStringLiteral("pageSize")).toInt());
    if (m_onAuditLogPage)
        m_onAuditLogPage(environmentId, pageIndex);
    QList<QJsonObject> matching;
    const QList<QJsonObject> &logs = m_environments[environmentId].auditLogs;
    for (auto it = logs.crbegin(); it != logs.crend(); ++it) { // newest first
        // "from" and "to" become times at whole milliseconds; createdAt keeps its microseconds.
        const qint64 created = usOf(it->value(QStringLiteral("createdAt")));
        if (created >= from * 1000 && created <= to * 1000)
            matching.append(*it);
    }
    QJsonArray items;
    for (qsizetype i = qsizetype(pageIndex) * pageSize; i < matching.size() && items.size() < pageSize; ++i)
        items.append(matching.at(i));
    return envelope(QJsonObject{{QStringLiteral("totalCount"), matching.size()}, {QStringLiteral("items"), items}});
}

void FeatBitTestServer::routeEvaluation()
{
    connect(&m_evaluation, &QAbstractHttpServer::newWebSocketConnection, this, &FeatBitTestServer::acceptStream);
    // Qt 6.4 upgrades only a request that a route handles without answering it.
    m_evaluation.route(QStringLiteral("/streaming"), [](const QHttpServerRequest &, QHttpServerResponder &&) {});
    m_evaluation.route(QStringLiteral("/api/public/sdk/server/latest-all"), Method::Get, [this](const QHttpServerRequest &request) {
        ++m_pollRequests;
        const QByteArray secret = request.value("Authorization");
        const QString environmentId = environmentOfSecret(secret);
        if (environmentId.isEmpty()) {
            // FeatBit checks only that the secret is well formed: a rotated one gets nothing, forever.
            const bool wellFormed = secret.size() == 44
                && !QByteArray::fromBase64(secret, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors).isEmpty();
            return wellFormed ? QHttpServerResponse(Status::Ok) : QHttpServerResponse(Status::Unauthorized);
        }
        const qint64 timestamp = request.query().queryItemValue(QStringLiteral("timestamp")).toLongLong();
        const QJsonObject sync = dataSync(environmentId, timestamp);
        if (timestamp > 0 && sync.value(QStringLiteral("featureFlags")).toArray().isEmpty())
            return QHttpServerResponse(Status::Ok); // nothing changed: an empty 200
        return QHttpServerResponse(QJsonObject{{QStringLiteral("messageType"), QStringLiteral("data-sync")}, {QStringLiteral("data"), sync}});
    });
    // The SDKs report evaluations here; accepted and dropped.
    m_evaluation.route(QStringLiteral("/api/public/insight/track"), Method::Post, [this](const QHttpServerRequest &request) {
        return environmentOfSecret(request.value("Authorization")).isEmpty() ? QHttpServerResponse(Status::Unauthorized)
                                                                              : QHttpServerResponse(Status::Ok);
    });
}

QString FeatBitTestServer::environmentOfSecret(const QByteArray &secret) const
{
    for (const Environment &environment : m_environments) {
        if (environment.secret.toUtf8() == secret)
            return environment.id;
    }
    return {};
}

QString FeatBitTestServer::environmentOfToken(const QString &token) const
{
    if (token.size() < 5)
        return {};
    const std::optional<qint64> position = decodeNumber(QStringView(token).left(3));
    const std::optional<qint64> length = decodeNumber(QStringView(token).mid(3, 2));
    const QString payload = token.mid(5);
    if (!position || !length || *position + *length > payload.size())
        return {};
    const std::optional<qint64> timestamp = decodeNumber(QStringView(payload).mid(*position, *length));
    if (!timestamp || std::abs(nowMs() - *timestamp) > TokenToleranceMs)
        return {};
    QString secret = payload.left(*position) + payload.mid(*position + *length);
    while (secret.size() % 4 != 0)
        secret.append(QLatin1Char('='));
    if (secret.size() != 44)
        return {};
    return environmentOfSecret(secret.toUtf8());
}

void FeatBitTestServer::acceptStream()
{
    while (m_evaluation.hasPendingWebSocketConnections()) {
        QWebSocket *socket = m_evaluation.nextPendingWebSocketConnection().release();
        socket->setParent(this);
        if (m_webSocketsBlocked) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        const QUrl url = socket->requestUrl();
        const QUrlQuery query(url);
        const QString type = query.queryItemValue(QStringLiteral("type"));
        const QString environmentId = environmentOfToken(query.queryItemValue(QStringLiteral("token")));
        // FeatBit always completes the upgrade, then closes an invalid request with 4003.
        if (!url.path().startsWith(QLatin1String("/streaming")) || type != QLatin1String("server") || environmentId.isEmpty()) {
            socket->close(QWebSocketProtocol::CloseCode(4003), QStringLiteral("invalid request, close by server"));
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++m_streamsOpened;
        m_streams.append({socket, environmentId});
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &message) { onStreamMessage(socket, message); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_streams.removeIf([socket](const Stream &stream) { return stream.socket == socket; });
            socket->deleteLater();
        });
    }
}

void FeatBitTestServer::onStreamMessage(QWebSocket *socket, const QString &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = object.value(QStringLiteral("messageType")).toString();
    if (type == QLatin1String("ping")) {
        socket->sendTextMessage(QStringLiteral("{\"messageType\":\"pong\",\"data\":{}}"));
        return;
    }
    if (type != QLatin1String("data-sync"))
        return; // unknown types are ignored
    ++m_dataSyncRequests;
    const auto stream = std::find_if(m_streams.cbegin(), m_streams.cend(), [socket](const Stream &s) { return s.socket == socket; });
    if (stream == m_streams.cend())
        return;
    const QJsonValue timestamp = object.value(QStringLiteral("data")).toObject().value(QStringLiteral("timestamp"));
    const QJsonObject sync = dataSync(stream->environmentId, timestamp.isDouble() ? qint64(timestamp.toDouble()) : 0);
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("messageType"), QStringLiteral("data-sync")},
                                                                        {QStringLiteral("data"), sync}})
                                                  .toJson(QJsonDocument::Compact)));
}

QJsonObject FeatBitTestServer::dataSync(const QString &environmentId, qint64 timestampMs) const
{
    QJsonArray flags;
    for (const QJsonObject &flag : m_environments.value(environmentId).flags) {
        if (timestampMs == 0 || truncatedMsOf(flag.value(QStringLiteral("updatedAt"))) > timestampMs)
            flags.append(storeForm(flag));
    }
    return {{QStringLiteral("eventType"), timestampMs == 0 ? QStringLiteral("full") : QStringLiteral("patch")},
            {QStringLiteral("featureFlags"), flags},
            {QStringLiteral("segments"), QJsonArray()}};
}

void FeatBitTestServer::push(const QString &environmentId, const QJsonObject &flag)
{
    // A live change carries the API server's whole object, revision included.
    const QString message = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("messageType"), QStringLiteral("data-sync")},
                                  {QStringLiteral("data"), QJsonObject{{QStringLiteral("eventType"), QStringLiteral("patch")},
                                                                       {QStringLiteral("featureFlags"), QJsonArray{flag}},
                                                                       {QStringLiteral("segments"), QJsonArray()}}}})
            .toJson(QJsonDocument::Compact));
    for (const Stream &stream : std::as_const(m_streams)) {
        if (stream.environmentId == environmentId) {
            stream.socket->sendTextMessage(message);
            ++m_pushesSent;
        }
    }
}

void FeatBitTestServer::closeStreams(int code)
{
    const QList<Stream> streams = m_streams;
    for (const Stream &stream : streams)
        stream.socket->close(QWebSocketProtocol::CloseCode(code), QStringLiteral("close by server"));
}
