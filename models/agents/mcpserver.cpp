#include "mcpserver.h"

#include "../core/flagjson.h"
#include "../core/revertpreview.h"
#include "../store/changehistory.h"
#include "../store/proposalinbox.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>

namespace {

// JSON-RPC 2.0 error codes.
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;

constexpr int MaxListedProposals = 200;

QJsonObject property(const QString &type, const QString &description)
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("description"), description}};
}

QJsonObject objectSchema(const QJsonObject &properties, const QStringList &required = {})
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("additionalProperties"), false}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return schema;
}

QJsonObject enumProperty(const QStringList &values, const QString &description)
{
    QJsonObject schema = property(QStringLiteral("string"), description);
    schema.insert(QStringLiteral("enum"), QJsonArray::fromStringList(values));
    return schema;
}

QStringList actionNames()
{
    QStringList names;
    for (FlagAction action : allFlagActions())
        names.append(flagActionName(action));
    return names;
}

QStringList statusNames()
{
    QStringList names;
    for (ProposalStatus status : {ProposalStatus::Pending, ProposalStatus::Approved, ProposalStatus::Rejected,
                                  ProposalStatus::Executing, ProposalStatus::Executed, ProposalStatus::Failed,
                                  ProposalStatus::Expired, ProposalStatus::Superseded})
        names.append(proposalStatusName(status));
    return names;
}

QJsonObject flagTarget()
{
    return {{QStringLiteral("server"), property(QStringLiteral("string"), QStringLiteral("Server id or display name (from list_servers)."))},
            {QStringLiteral("environment"), property(QStringLiteral("string"), QStringLiteral("Environment (from list_flags)."))},
            {QStringLiteral("flag"), property(QStringLiteral("string"), QStringLiteral("Flag key."))}};
}

QJsonArray toolDefinitions()
{
    QJsonObject proposeProperties = flagTarget();
    proposeProperties.insert(QStringLiteral("action"),
                             enumProperty(actionNames(), QStringLiteral("What to do. Stage actions follow the flag's contract; archive "
                                                                       "retires a flag whose code is gone (see list_cleanup_due).")));
    proposeProperties.insert(
        QStringLiteral("parameters"),
        property(QStringLiteral("object"),
                 QStringLiteral("For set_rollout: {\"rollout\": [{\"variation\": id, \"basisPoints\": n}, ...]} "
                                "with basis points summing to 10000. For revert: {\"changes\": [ids from list_changes]}, "
                                "changes of this flag; the flag goes back to its state before them.")));
    proposeProperties.insert(QStringLiteral("reason"),
                             property(QStringLiteral("string"), QStringLiteral("Why, in a sentence or two a reviewer reads first.")));
    proposeProperties.insert(
        QStringLiteral("evidence"),
        property(QStringLiteral("object"),
                 QStringLiteral("What supports it: {\"metrics\": {...}, \"links\": [urls]} (at most 64 KiB).")));
    proposeProperties.insert(QStringLiteral("risk"),
                             enumProperty({QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                                           QStringLiteral("critical")},
                                          QStringLiteral("Your estimate; FlagDeck raises it to at least its own.")));
    proposeProperties.insert(QStringLiteral("flag_revision"),
                             property(QStringLiteral("string"),
                                      QStringLiteral("The revision get_flag gave; refused if the flag changed since.")));
    QJsonObject expires = property(QStringLiteral("integer"), QStringLiteral("Minutes until it expires unapproved (default 60)."));
    expires.insert(QStringLiteral("minimum"), 1);
    expires.insert(QStringLiteral("maximum"), 1440);
    proposeProperties.insert(QStringLiteral("expires_in_minutes"), expires);
    proposeProperties.insert(QStringLiteral("agent_name"),
                             property(QStringLiteral("string"), QStringLiteral("Your name as reviewers should see it.")));
    proposeProperties.insert(QStringLiteral("model"), property(QStringLiteral("string"), QStringLiteral("The model you run on.")));

    QJsonObject limit = property(QStringLiteral("integer"), QStringLiteral("At most this many, newest first (default 50)."));
    limit.insert(QStringLiteral("minimum"), 1);
    limit.insert(QStringLiteral("maximum"), MaxListedProposals);

    const auto tool = [](const QString &name, const QString &title, const QString &description, const QJsonObject &schema) {
        return QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("title"), title},
                           {QStringLiteral("description"), description},
                           {QStringLiteral("inputSchema"), schema},
                           {QStringLiteral("annotations"),
                            QJsonObject{{QStringLiteral("readOnlyHint"), name != QStringLiteral("propose_action")},
                                        {QStringLiteral("destructiveHint"), false},
                                        {QStringLiteral("openWorldHint"), false}}}};
    };
    return {
        tool(QStringLiteral("list_servers"), QStringLiteral("List flag servers"),
             QStringLiteral("The flag servers FlagDeck is configured for, with their environments."), objectSchema({})),
        tool(QStringLiteral("list_flags"), QStringLiteral("List flags"),
             QStringLiteral("Flags as last seen, with state, rollout, stage and guardrail verdict (null, with "
                            "stage_known false, until a console has worked them out). Filter by server and environment."),
             objectSchema({{QStringLiteral("server"), flagTarget().value(QStringLiteral("server"))},
                           {QStringLiteral("environment"), flagTarget().value(QStringLiteral("environment"))}})),
        tool(QStringLiteral("get_flag"), QStringLiteral("Get a flag"),
             QStringLiteral("One flag: variations, state, rollout, revision, stage, guardrail verdicts and the eval "
                            "evidence its next stage requires (verdict passed, failed or none_required; each check "
                            "with its report, counts and age) from the local cache. stage_known false: stage, "
                            "guardrails and evals are null, not known yet."),
             objectSchema(flagTarget(), {QStringLiteral("server"), QStringLiteral("environment"), QStringLiteral("flag")})),
        tool(QStringLiteral("propose_action"), QStringLiteral("Propose an action"),
             QStringLiteral("Ask people to take an action on a flag. Nothing changes until a reviewer approves it in "
                            "FlagDeck; follow it with get_proposal."),
             objectSchema(proposeProperties, {QStringLiteral("server"), QStringLiteral("environment"), QStringLiteral("flag"),
                                              QStringLiteral("action"), QStringLiteral("reason")})),
        tool(QStringLiteral("list_changes"), QStringLiteral("List changes"),
             QStringLiteral("What changed on every server in the last minutes (default 60): grouped by flag, the flag "
                            "changed last first, each with its net change and its changes newest first (id, time, who, "
                            "actor kind, what in words). Propose putting one back with propose_action, action revert."),
             objectSchema({{QStringLiteral("minutes"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                                        {QStringLiteral("description"), QStringLiteral("How far back (default 60).")},
                                        {QStringLiteral("minimum"), 1},
                                        {QStringLiteral("maximum"), McpServer::MaxChangeMinutes}}},
                           {QStringLiteral("server"), flagTarget().value(QStringLiteral("server"))},
                           {QStringLiteral("environment"), flagTarget().value(QStringLiteral("environment"))},
                           {QStringLiteral("flag"), property(QStringLiteral("string"), QStringLiteral("Only this flag key."))}})),
        tool(QStringLiteral("list_cleanup_due"), QStringLiteral("List flags due for cleanup"),
             QStringLiteral("Flags due to be removed from the code, with their owner, since when and why: the "
                            "contract's review date passed, its cleanup condition holds (such as 100% for 14 days), or "
                            "a flag without a contract has served one variation to everyone for 30 days, or the server's "
                            "metrics say no application evaluated it in 30 days since it was created. Open the "
                            "change that removes the flag from the code; archiving it on the server is for people, "
                            "through propose_action."),
             objectSchema({{QStringLiteral("server"), flagTarget().value(QStringLiteral("server"))},
                           {QStringLiteral("environment"), flagTarget().value(QStringLiteral("environment"))}})),
        tool(QStringLiteral("get_proposal"), QStringLiteral("Get a proposal"),
             QStringLiteral("A proposal with its status, decisions and outcome."),
             objectSchema({{QStringLiteral("id"), property(QStringLiteral("string"), QStringLiteral("The proposal id."))}},
                          {QStringLiteral("id")})),
        tool(QStringLiteral("list_proposals"), QStringLiteral("List proposals"),
             QStringLiteral("Proposals newest first, by status and flag."),
             objectSchema({{QStringLiteral("status"), enumProperty(statusNames(), QStringLiteral("Only this status."))},
                           {QStringLiteral("flag"), property(QStringLiteral("string"), QStringLiteral("Only this flag key."))},
                           {QStringLiteral("limit"), limit}})),
    };
}

QJsonObject rpcError(const QJsonValue &id, int code, const QString &message)
{
    return {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("id"), id},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

QJsonObject rpcResult(const QJsonValue &id, const QJsonObject &result)
{
    return {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id}, {QStringLiteral("result"), result}};
}

QByteArray line(const QJsonObject &message)
{
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

// The string arguments a tool takes, trimmed, each empty when absent; an argument of another
// type is an error.
Result<QMap<QString, QString>> stringArguments(const QJsonObject &arguments, const QStringList &names)
{
    QMap<QString, QString> texts;
    for (const QString &name : names) {
        const QJsonValue value = arguments.value(name);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return Result<QMap<QString, QString>>::failure(QStringLiteral("%1 must be text").arg(name));
        texts.insert(name, value.toString().trimmed());
    }
    return texts;
}

// Agents learn of a misspelt argument instead of having it ignored.
Result<void> onlyKnownArguments(const QJsonObject &arguments, const QStringList &known)
{
    for (auto it = arguments.constBegin(); it != arguments.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return Result<void>::failure(
                QStringLiteral("unknown argument %1 (known: %2)").arg(it.key(), known.join(QStringLiteral(", "))));
    }
    return {};
}

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

// The stage and guardrails come from a console, which works them out after it loads a flag; until
// one has, they are not known, and an agent must be told so rather than read "no stage".
bool stageKnown(const CachedFlag &cached)
{
    return cached.status.value(QStringLiteral("stage")).isString();
}

// A console that worked the flag out but watches no guardrail of it (no contract names one, no
// metric source serves it) says so with this verdict.
QJsonObject guardrailsOf(const CachedFlag &cached)
{
    const QJsonValue guardrails = cached.status.value(QStringLiteral("guardrails"));
    if (guardrails.isObject())
        return guardrails.toObject();
    return {{QStringLiteral("verdict"), QStringLiteral("not_watched")},
            {QStringLiteral("summary"), QStringLiteral("the console watches no guardrail of this flag: its contract names "
                                                       "none, or no metric source serves it")},
            {QStringLiteral("results"), QJsonArray()}};
}

// The eval evidence the flag's next stage requires, as the console last saw it.
QJsonObject evalsOf(const CachedFlag &cached)
{
    const QJsonValue value = cached.status.value(QStringLiteral("evals"));
    if (!value.isArray())
        return {{QStringLiteral("verdict"), QStringLiteral("not_known")},
                {QStringLiteral("summary"), QStringLiteral("the console that worked out this flag did not report eval "
                                                           "evidence (an older FlagDeck)")},
                {QStringLiteral("checks"), QJsonArray()}};
    const QJsonArray checks = value.toArray();
    if (checks.isEmpty())
        return {{QStringLiteral("verdict"), QStringLiteral("none_required")},
                {QStringLiteral("summary"), QStringLiteral("the contract requires no eval evidence for the next stage")},
                {QStringLiteral("checks"), checks}};
    bool passed = true;
    QStringList summaries;
    for (const QJsonValue &check : checks) {
        passed = passed && check.toObject().value(QStringLiteral("state")).toString() == QStringLiteral("passed");
        summaries.append(check.toObject().value(QStringLiteral("summary")).toString());
    }
    return {{QStringLiteral("verdict"), passed ? QStringLiteral("passed") : QStringLiteral("failed")},
            {QStringLiteral("summary"), summaries.join(QStringLiteral("; "))},
            {QStringLiteral("checks"), checks}};
}

QString notKnownYet(const CachedFlag &cached)
{
    return QStringLiteral("not known yet: no FlagDeck console has worked out this flag's stage and guardrails since "
                          "it last loaded the flag (seen %1); they appear once a console connected to this server has "
                          "run for a while")
        .arg(isoTime(cached.seenMs));
}

// Fields that were there before stage_known came keep their names; what is not known is null,
// never an empty string that reads as "no stage".
QJsonObject flagSummary(const CachedFlag &cached)
{
    QJsonObject summary{{QStringLiteral("server"), cached.server},
                        {QStringLiteral("environment"), cached.environment},
                        {QStringLiteral("flag"), cached.flag.key},
                        {QStringLiteral("name"), cached.flag.name},
                        {QStringLiteral("enabled"), cached.flag.enabled},
                        {QStringLiteral("rollout"), rolloutToJson(cached.flag.rollout)},
                        {QStringLiteral("revision"), cached.flag.revision},
                        {QStringLiteral("seen"), isoTime(cached.seenMs)}};
    const bool known = stageKnown(cached);
    summary.insert(QStringLiteral("stage_known"), known);
    summary.insert(QStringLiteral("guardrails_known"), known);
    if (known) {
        summary.insert(QStringLiteral("stage"), cached.status.value(QStringLiteral("stage")).toString());
        summary.insert(QStringLiteral("guardrails"), guardrailsOf(cached).value(QStringLiteral("verdict")).toString());
    } else {
        summary.insert(QStringLiteral("stage"), QJsonValue::Null);
        summary.insert(QStringLiteral("guardrails"), QJsonValue::Null);
        summary.insert(QStringLiteral("not_known_because"), notKnownYet(cached));
    }
    return summary;
}

} // namespace

McpServer::McpServer(Sources sources, ProposalInbox *inbox, QString version)
    : m_sources(std::move(sources)), m_inbox(inbox), m_version(std::move(version))
{
}

QStringList McpServer::supportedProtocolVersions()
{
    return {QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"), QStringLiteral("2025-03-26"),
            QStringLiteral("2024-11-05")};
}

std::optional<QByteArray> McpServer::handleMessage(const QByteArray &bytes)
{
    if (bytes.size() > MaxMessageBytes)
        return line(rpcError(QJsonValue::Null, InvalidRequest,
                             QStringLiteral("message of %1 bytes refused (limit %2)").arg(bytes.size()).arg(MaxMessageBytes)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return line(rpcError(QJsonValue::Null, ParseError,
                             QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)));
    if (document.isArray())
        return line(rpcError(QJsonValue::Null, InvalidRequest, QStringLiteral("batches are not supported")));
    const QJsonObject message = document.object();
    const QJsonValue id = message.value(QStringLiteral("id"));
    const bool isNotification = !message.contains(QStringLiteral("id"));
    const QJsonValue method = message.value(QStringLiteral("method"));
    if (!isNotification && !id.isString() && !id.isDouble())
        return line(rpcError(QJsonValue::Null, InvalidRequest, QStringLiteral("id must be a string or a number")));
    if (message.value(QStringLiteral("jsonrpc")).toString() != QStringLiteral("2.0") || !method.isString()) {
        if (isNotification || message.contains(QStringLiteral("result")) || message.contains(QStringLiteral("error")))
            return std::nullopt; // a stray response or notification: nothing to answer
        return line(rpcError(id, InvalidRequest, QStringLiteral("expected a JSON-RPC 2.0 request with a method")));
    }
    const QJsonValue paramsValue = message.value(QStringLiteral("params"));
    if (!paramsValue.isUndefined() && !paramsValue.isObject()) {
        if (isNotification)
            return std::nullopt;
        return line(rpcError(id, InvalidParams, QStringLiteral("params must be an object")));
    }
    const QJsonObject params = paramsValue.toObject();
    const QString name = method.toString();
    if (isNotification)
        return std::nullopt; // notifications/initialized, cancellations: nothing to do for a synchronous server

    if (name == QStringLiteral("initialize"))
        return line(rpcResult(id, initialize(params)));
    if (name == QStringLiteral("ping"))
        return line(rpcResult(id, {}));
    if (!m_initialized)
        return line(rpcError(id, InvalidRequest, QStringLiteral("initialize first")));
    if (name == QStringLiteral("tools/list"))
        return line(rpcResult(id, {{QStringLiteral("tools"), toolDefinitions()}}));
    if (name == QStringLiteral("tools/call")) {
        const QJsonValue toolName = params.value(QStringLiteral("name"));
        const QJsonValue arguments = params.value(QStringLiteral("arguments"));
        if (!toolName.isString())
            return line(rpcError(id, InvalidParams, QStringLiteral("tools/call needs the tool's name")));
        if (!arguments.isUndefined() && !arguments.isNull() && !arguments.isObject())
            return line(rpcError(id, InvalidParams, QStringLiteral("arguments must be an object")));
        const QStringList known = {QStringLiteral("list_servers"), QStringLiteral("list_flags"), QStringLiteral("get_flag"),
                                   QStringLiteral("propose_action"), QStringLiteral("get_proposal"),
                                   QStringLiteral("list_proposals"), QStringLiteral("list_changes"),
                                   QStringLiteral("list_cleanup_due")};
        if (!known.contains(toolName.toString()))
            return line(rpcError(id, InvalidParams, QStringLiteral("unknown tool %1").arg(toolName.toString())));
        return line(rpcResult(id, callTool(toolName.toString(), arguments.toObject())));
    }
    return line(rpcError(id, MethodNotFound, QStringLiteral("method %1 is not supported").arg(name)));
}

QJsonObject McpServer::initialize(const QJsonObject &params)
{
    const QString requested = params.value(QStringLiteral("protocolVersion")).toString();
    // The client's revision when this server speaks it; otherwise the newest, and the client decides.
    m_protocolVersion = supportedProtocolVersions().contains(requested) ? requested : supportedProtocolVersions().first();
    const QJsonObject clientInfo = params.value(QStringLiteral("clientInfo")).toObject();
    m_clientName = clientInfo.value(QStringLiteral("name")).toString().left(200);
    m_clientVersion = clientInfo.value(QStringLiteral("version")).toString().left(100);
    m_initialized = true;
    return {{QStringLiteral("protocolVersion"), m_protocolVersion},
            {QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("tools"), QJsonObject{{QStringLiteral("listChanged"), false}}}}},
            {QStringLiteral("serverInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("flagdeck")},
                                                       {QStringLiteral("title"), QStringLiteral("FlagDeck")},
                                                       {QStringLiteral("version"), m_version}}},
            {QStringLiteral("instructions"),
             QStringLiteral("FlagDeck governs AI feature flags. Read with list_servers, list_flags and get_flag; "
                            "see what changed with list_changes and which flags are due for removal from the code with "
                            "list_cleanup_due; propose a kill, restore, rollout, stage change or "
                            "revert, or the archive of a flag whose code you removed, with propose_action, giving your reason "
                            "and evidence. People review and approve in FlagDeck; follow with get_proposal. You cannot "
                            "change a flag yourself.")}};
}

QJsonObject McpServer::toolResult(const QJsonObject &structured, const QString &text) const
{
    QJsonObject result{{QStringLiteral("content"),
                        QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                               {QStringLiteral("text"),
                                                text.isEmpty() ? QString::fromUtf8(QJsonDocument(structured).toJson(QJsonDocument::Indented))
                                                               : text}}}},
                       {QStringLiteral("isError"), false}};
    // Structured results came with protocol revision 2025-06-18.
    if (m_protocolVersion >= QStringLiteral("2025-06-18"))
        result.insert(QStringLiteral("structuredContent"), structured);
    return result;
}

QJsonObject McpServer::toolError(const QString &message)
{
    return {{QStringLiteral("content"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), message}}}},
            {QStringLiteral("isError"), true}};
}

QJsonObject McpServer::callTool(const QString &name, const QJsonObject &arguments)
{
    if (name == QStringLiteral("list_servers"))
        return arguments.isEmpty() ? listServers() : toolError(onlyKnownArguments(arguments, {}).error());
    if (name == QStringLiteral("list_flags"))
        return listFlags(arguments);
    if (name == QStringLiteral("get_flag"))
        return getFlag(arguments);
    if (name == QStringLiteral("propose_action"))
        return proposeAction(arguments);
    if (name == QStringLiteral("get_proposal"))
        return getProposal(arguments);
    if (name == QStringLiteral("list_changes"))
        return listChanges(arguments);
    if (name == QStringLiteral("list_cleanup_due"))
        return listCleanupDue(arguments);
    return listProposals(arguments);
}

std::optional<ConnectionConfig> McpServer::findServer(const QString &name) const
{
    for (const ConnectionConfig &config : m_sources.connections()) {
        if (config.id == name || config.displayName.compare(name, Qt::CaseInsensitive) == 0)
            return config;
    }
    return std::nullopt;
}

QJsonObject McpServer::listServers() const
{
    const QList<CachedFlag> flags = m_sources.flags();
    QJsonArray servers;
    for (const ConnectionConfig &config : m_sources.connections()) {
        QStringList environments;
        for (const CachedFlag &flag : flags) {
            if (flag.server == config.id && !environments.contains(flag.environment))
                environments.append(flag.environment);
        }
        environments.sort();
        servers.append(QJsonObject{{QStringLiteral("id"), config.id},
                                   {QStringLiteral("name"), config.displayName},
                                   {QStringLiteral("kind"), connectionKindName(config.kind)},
                                   {QStringLiteral("environments"), QJsonArray::fromStringList(environments)}});
    }
    return toolResult({{QStringLiteral("servers"), servers}});
}

Result<QList<CachedFlag>> McpServer::filteredFlags(const QJsonObject &arguments) const
{
    using Flags = Result<QList<CachedFlag>>;
    if (const Result<void> known = onlyKnownArguments(arguments, {QStringLiteral("server"), QStringLiteral("environment")}); !known)
        return Flags::failure(known.error());
    const Result<QMap<QString, QString>> texts = stringArguments(arguments, {QStringLiteral("server"), QStringLiteral("environment")});
    if (!texts)
        return Flags::failure(texts.error());
    const QString server = texts->value(QStringLiteral("server"));
    const QString environment = texts->value(QStringLiteral("environment"));
    QString serverId;
    if (!server.isEmpty()) {
        const auto config = findServer(server);
        if (!config)
            return Flags::failure(QStringLiteral("there is no server %1; list_servers names them").arg(server));
        serverId = config->id;
    }
    QList<CachedFlag> flags = m_sources.flags();
    std::sort(flags.begin(), flags.end(), [](const CachedFlag &a, const CachedFlag &b) {
        return std::tie(a.server, a.environment, a.flag.key) < std::tie(b.server, b.environment, b.flag.key);
    });
    flags.removeIf([&](const CachedFlag &flag) {
        return (!serverId.isEmpty() && flag.server != serverId) || (!environment.isEmpty() && flag.environment != environment);
    });
    return flags;
}

QJsonObject McpServer::listFlags(const QJsonObject &arguments) const
{
    const Result<QList<CachedFlag>> flags = filteredFlags(arguments);
    if (!flags)
        return toolError(flags.error());
    QJsonArray listed;
    for (const CachedFlag &flag : flags.value())
        listed.append(flagSummary(flag));
    return toolResult({{QStringLiteral("flags"), listed}});
}

QJsonObject McpServer::listCleanupDue(const QJsonObject &arguments) const
{
    const Result<QList<CachedFlag>> flags = filteredFlags(arguments);
    if (!flags)
        return toolError(flags.error());
    // The console works out what is due as it works out stages; a flag it has not looked at since
    // it last loaded it is said to be not known rather than left out as if it were not due.
    QJsonArray due;
    QJsonArray notKnown;
    for (const CachedFlag &flag : flags.value()) {
        const QJsonObject ref{{QStringLiteral("server"), flag.server},
                              {QStringLiteral("environment"), flag.environment},
                              {QStringLiteral("flag"), flag.flag.key}};
        if (!stageKnown(flag)) {
            notKnown.append(ref);
            continue;
        }
        const QJsonValue cleanup = flag.status.value(QStringLiteral("cleanup"));
        if (!cleanup.isObject())
            continue;
        QJsonObject item = ref;
        const QJsonObject reasons = cleanup.toObject();
        for (auto it = reasons.constBegin(); it != reasons.constEnd(); ++it)
            item.insert(it.key(), it.value());
        item.insert(QStringLiteral("enabled"), flag.flag.enabled);
        item.insert(QStringLiteral("rollout"), rolloutToJson(flag.flag.rollout));
        due.append(item);
    }
    QJsonObject result{{QStringLiteral("due"), due}};
    if (!notKnown.isEmpty()) {
        result.insert(QStringLiteral("not_known"), notKnown);
        result.insert(QStringLiteral("not_known_because"),
                      QStringLiteral("no FlagDeck console has worked these flags out since it last loaded them"));
    }
    return toolResult(result);
}

Result<CachedFlag> McpServer::findFlag(const QJsonObject &arguments) const
{
    const Result<QMap<QString, QString>> texts =
        stringArguments(arguments, {QStringLiteral("server"), QStringLiteral("environment"), QStringLiteral("flag")});
    if (!texts)
        return Result<CachedFlag>::failure(texts.error());
    const QString server = texts->value(QStringLiteral("server"));
    const QString environment = texts->value(QStringLiteral("environment"));
    const QString key = texts->value(QStringLiteral("flag"));
    if (server.isEmpty() || environment.isEmpty() || key.isEmpty())
        return Result<CachedFlag>::failure(QStringLiteral("server, environment and flag are required"));
    const auto config = findServer(server);
    if (!config)
        return Result<CachedFlag>::failure(QStringLiteral("there is no server %1; list_servers names them").arg(server));
    bool environmentKnown = false;
    for (const CachedFlag &flag : m_sources.flags()) {
        if (flag.server != config->id || flag.environment != environment)
            continue;
        environmentKnown = true;
        if (flag.flag.key == key)
            return flag;
    }
    if (!environmentKnown)
        return Result<CachedFlag>::failure(
            QStringLiteral("%1 has no environment %2 that FlagDeck has seen").arg(config->displayName, environment));
    return Result<CachedFlag>::failure(QStringLiteral("there is no flag %1 in %2 / %3").arg(key, config->displayName, environment));
}

QJsonObject McpServer::getFlag(const QJsonObject &arguments) const
{
    if (const Result<void> known = onlyKnownArguments(arguments, {QStringLiteral("server"), QStringLiteral("environment"),
                                                            QStringLiteral("flag")}); !known)
        return toolError(known.error());
    const Result<CachedFlag> found = findFlag(arguments);
    if (!found)
        return toolError(found.error());
    QJsonObject flag = flagSummary(found.value());
    flag.insert(QStringLiteral("definition"), flagToJson(found->flag));
    if (stageKnown(found.value())) {
        flag.insert(QStringLiteral("guardrails"), guardrailsOf(found.value()));
        flag.insert(QStringLiteral("evals"), evalsOf(found.value()));
    } else {
        flag.insert(QStringLiteral("evals"), QJsonValue::Null);
    }
    return toolResult(flag);
}

QJsonObject McpServer::proposeAction(const QJsonObject &arguments)
{
    if (const Result<void> known = onlyKnownArguments(
            arguments, {QStringLiteral("server"), QStringLiteral("environment"), QStringLiteral("flag"),
                        QStringLiteral("action"), QStringLiteral("parameters"), QStringLiteral("reason"),
                        QStringLiteral("evidence"), QStringLiteral("risk"), QStringLiteral("flag_revision"),
                        QStringLiteral("expires_in_minutes"), QStringLiteral("agent_name"), QStringLiteral("model")}); !known)
        return toolError(known.error());
    const Result<CachedFlag> found = findFlag(arguments);
    if (!found)
        return toolError(found.error());
    const Result<QMap<QString, QString>> texts =
        stringArguments(arguments, {QStringLiteral("action"), QStringLiteral("reason"), QStringLiteral("risk"),
                                    QStringLiteral("flag_revision"), QStringLiteral("agent_name"), QStringLiteral("model")});
    if (!texts)
        return toolError(texts.error());
    const QString reason = texts->value(QStringLiteral("reason"));
    const QString riskText = texts->value(QStringLiteral("risk"));
    const QString revision = texts->value(QStringLiteral("flag_revision"));
    const QString agentName = texts->value(QStringLiteral("agent_name"));
    const QString model = texts->value(QStringLiteral("model"));
    const auto action = flagActionFromName(texts->value(QStringLiteral("action")));
    if (!action)
        return toolError(QStringLiteral("action must be one of %1").arg(actionNames().join(QStringLiteral(", "))));
    if (reason.isEmpty())
        return toolError(QStringLiteral("reason is required: reviewers read it first"));
    if (reason.size() > MaxReasonLength)
        return toolError(QStringLiteral("reason is longer than %1 characters").arg(MaxReasonLength));
    if (!revision.isEmpty() && revision != found->flag.revision)
        return toolError(QStringLiteral("%1 changed since you read it (revision %2, now %3): read it again with get_flag")
                             .arg(found->flag.key, revision, found->flag.revision));

    const QJsonValue parameters = arguments.value(QStringLiteral("parameters"));
    if (!parameters.isUndefined() && !parameters.isNull() && !parameters.isObject())
        return toolError(QStringLiteral("parameters must be an object"));
    const QJsonValue evidence = arguments.value(QStringLiteral("evidence"));
    if (!evidence.isUndefined() && !evidence.isNull() && !evidence.isObject())
        return toolError(QStringLiteral("evidence must be an object"));
    if (QJsonDocument(evidence.toObject()).toJson(QJsonDocument::Compact).size() > MaxEvidenceBytes)
        return toolError(QStringLiteral("evidence is larger than %1 KiB; link to the rest").arg(MaxEvidenceBytes / 1024));

    // FlagDeck's own floor for the risk: how much traffic the action moves.
    Contract::Risk risk = Contract::Risk::Medium;
    switch (*action) {
    case FlagAction::Kill:
    case FlagAction::Restore:
    case FlagAction::SetRollout: {
        const Result<Flag> after = flagAfterAction(found->flag, *action, parameters.toObject());
        if (!after)
            return toolError(after.error());
        risk = *action == FlagAction::SetRollout ? riskOfExposure(movedBasisPoints(found->flag.rollout, after->rollout))
                                                 : Contract::Risk::High;
        break;
    }
    case FlagAction::Revert: {
        const Result<Contract::Risk> reverted = revertRisk(found.value(), parameters.toObject());
        if (!reverted)
            return toolError(reverted.error());
        risk = reverted.value();
        break;
    }
    case FlagAction::AdvanceStage:
    case FlagAction::RollbackStage:
    case FlagAction::ServeFallback:
        if (!parameters.toObject().isEmpty())
            return toolError(QStringLiteral("%1 takes no parameters: the flag's contract says where it goes").arg(texts->value(QStringLiteral("action"))));
        risk = *action == FlagAction::AdvanceStage ? Contract::Risk::Medium : Contract::Risk::Low;
        break;
    case FlagAction::Archive:
        if (!parameters.toObject().isEmpty())
            return toolError(QStringLiteral("archive takes no parameters"));
        // Code that still reads an archived flag gets its built-in default everywhere at once.
        risk = Contract::Risk::High;
        break;
    }
    if (!riskText.isEmpty()) {
        const auto stated = riskFromName(riskText);
        if (!stated)
            return toolError(QStringLiteral("risk must be low, medium, high or critical"));
        risk = std::max(risk, *stated);
    }
    const QJsonValue minutes = arguments.value(QStringLiteral("expires_in_minutes"));
    int lifetimeMinutes = 60;
    if (!minutes.isUndefined() && !minutes.isNull()) {
        const double value = minutes.toDouble(-1);
        if (!minutes.isDouble() || value != std::floor(value) || value < 1 || value > 1440)
            return toolError(QStringLiteral("expires_in_minutes must be a whole number from 1 to 1440"));
        lifetimeMinutes = int(value);
    }

    Proposal proposal;
    proposal.proposer = {agentName.isEmpty() ? m_clientName : agentName.left(200), m_clientName, m_clientVersion,
                         model.left(200)};
    if (proposal.proposer.agent.isEmpty())
        proposal.proposer.agent = QStringLiteral("unnamed agent");
    proposal.target = {found->server, found->environment, found->flag.key};
    proposal.action = *action;
    proposal.parameters = parameters.toObject();
    proposal.flagRevision = found->flag.revision;
    proposal.flagBefore = flagToJson(found->flag);
    proposal.reason = reason;
    proposal.evidence = evidence.toObject();
    proposal.risk = risk;
    proposal.createdMs = QDateTime::currentMSecsSinceEpoch();
    proposal.expiresMs = proposal.createdMs + qint64(lifetimeMinutes) * 60 * 1000;
    const Result<Proposal> stored = m_inbox->propose(proposal);
    if (!stored)
        return toolError(QStringLiteral("the inbox refused the proposal: %1").arg(stored.error()));
    const QJsonObject answer{{QStringLiteral("proposal_id"), stored->id},
                             {QStringLiteral("status"), proposalStatusName(stored->status)},
                             {QStringLiteral("risk"), riskName(stored->risk)},
                             {QStringLiteral("expires"), isoTime(stored->expiresMs)}};
    return toolResult(answer, QStringLiteral("Proposal %1 is waiting for review (%2 risk, expires %3). Follow it with "
                                             "get_proposal.")
                                  .arg(stored->id, riskName(stored->risk), isoTime(stored->expiresMs)));
}

QJsonObject McpServer::getProposal(const QJsonObject &arguments) const
{
    if (const Result<void> known = onlyKnownArguments(arguments, {QStringLiteral("id")}); !known)
        return toolError(known.error());
    const Result<QMap<QString, QString>> texts = stringArguments(arguments, {QStringLiteral("id")});
    if (!texts)
        return toolError(texts.error());
    const QString id = texts->value(QStringLiteral("id"));
    if (id.isEmpty())
        return toolError(QStringLiteral("id is required"));
    const Result<Proposal> proposal = m_inbox->find(id);
    if (!proposal)
        return toolError(proposal.error());
    return toolResult(proposalToJson(proposal.value()));
}

QJsonObject McpServer::listProposals(const QJsonObject &arguments) const
{
    if (const Result<void> known = onlyKnownArguments(arguments, {QStringLiteral("status"), QStringLiteral("flag"), QStringLiteral("limit")}); !known)
        return toolError(known.error());
    const Result<QMap<QString, QString>> texts = stringArguments(arguments, {QStringLiteral("status"), QStringLiteral("flag")});
    if (!texts)
        return toolError(texts.error());
    const QString statusText = texts->value(QStringLiteral("status"));
    const QString flag = texts->value(QStringLiteral("flag"));
    std::optional<ProposalStatus> status;
    if (!statusText.isEmpty()) {
        status = proposalStatusFromName(statusText);
        if (!status)
            return toolError(QStringLiteral("status must be one of %1").arg(statusNames().join(QStringLiteral(", "))));
    }
    int limit = 50;
    const QJsonValue limitValue = arguments.value(QStringLiteral("limit"));
    if (!limitValue.isUndefined() && !limitValue.isNull()) {
        const double value = limitValue.toDouble(-1);
        if (!limitValue.isDouble() || value != std::floor(value) || value < 1 || value > MaxListedProposals)
            return toolError(QStringLiteral("limit must be a whole number from 1 to %1").arg(MaxListedProposals));
        limit = int(value);
    }
    const Result<QList<Proposal>> proposals = m_inbox->list(status, flag, limit);
    if (!proposals)
        return toolError(proposals.error());
    QJsonArray listed;
    for (const Proposal &proposal : proposals.value())
        listed.append(proposalToJson(proposal));
    return toolResult({{QStringLiteral("proposals"), listed}});
}

Result<Contract::Risk> McpServer::revertRisk(const CachedFlag &flag, const QJsonObject &parameters) const
{
    const Result<QList<qint64>> ids = revertedChangeIds(parameters);
    if (!ids)
        return Result<Contract::Risk>::failure(ids.error());
    if (!m_sources.history)
        return Result<Contract::Risk>::failure(QStringLiteral("this FlagDeck has no change history to revert from"));
    QList<StoredChange> changes;
    for (const qint64 id : ids.value()) {
        Result<StoredChange> change = m_sources.history->change(id);
        if (!change)
            return Result<Contract::Risk>::failure(change.error());
        if (change->entry.server != flag.server || change->entry.environment != flag.environment
            || change->entry.flagKey != flag.flag.key)
            return Result<Contract::Risk>::failure(
                QStringLiteral("change %1 is a change of %2 in %3, not of this flag").arg(id).arg(change->entry.flagKey, change->entry.environment));
        changes.append(change.value());
    }
    const FlagRef ref{flag.server, flag.environment, flag.flag.key};
    const ChangeGroup group = changeGroupOf(ref, changes);
    const RevertPreview preview = previewRevert(ref, group.entriesOldestFirst(), group.idsOldestFirst(), flag.flag);
    if (!preview.exact)
        return Result<Contract::Risk>::failure(
            QStringLiteral("%1 cannot be put back exactly: %2%3")
                .arg(flag.flag.key, preview.problems.join(QStringLiteral("; ")),
                     preview.offerKill ? QStringLiteral(". Propose a kill instead.") : QString()));
    if (preview.changesNothing())
        return Result<Contract::Risk>::failure(QStringLiteral("%1 already is as it was before those changes").arg(flag.flag.key));
    // Turning a flag on or off moves all its traffic; a rollout moves what the shares move.
    if (preview.target.enabled != flag.flag.enabled)
        return Contract::Risk::High;
    return riskOfExposure(movedBasisPoints(flag.flag.rollout, preview.target.rollout));
}

QJsonObject McpServer::listChanges(const QJsonObject &arguments) const
{
    if (const Result<void> known = onlyKnownArguments(arguments, {QStringLiteral("minutes"), QStringLiteral("server"),
                                                            QStringLiteral("environment"), QStringLiteral("flag")});
        !known)
        return toolError(known.error());
    const Result<QMap<QString, QString>> texts =
        stringArguments(arguments, {QStringLiteral("server"), QStringLiteral("environment"), QStringLiteral("flag")});
    if (!texts)
        return toolError(texts.error());
    int minutes = 60;
    const QJsonValue minutesValue = arguments.value(QStringLiteral("minutes"));
    if (!minutesValue.isUndefined() && !minutesValue.isNull()) {
        const double value = minutesValue.toDouble(-1);
        if (!minutesValue.isDouble() || value != std::floor(value) || value < 1 || value > MaxChangeMinutes)
            return toolError(QStringLiteral("minutes must be a whole number from 1 to %1").arg(MaxChangeMinutes));
        minutes = int(value);
    }
    QString serverId;
    if (const QString server = texts->value(QStringLiteral("server")); !server.isEmpty()) {
        const auto config = findServer(server);
        if (!config)
            return toolError(QStringLiteral("there is no server %1; list_servers names them").arg(server));
        serverId = config->id;
    }
    if (!m_sources.history)
        return toolError(QStringLiteral("this FlagDeck has no change history"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Result<ChangeWindow> window = m_sources.history->changesIn(now - qint64(minutes) * 60 * 1000, now);
    if (!window)
        return toolError(window.error());
    const QString environment = texts->value(QStringLiteral("environment"));
    const QString flag = texts->value(QStringLiteral("flag"));
    QJsonArray groups;
    int listed = 0;
    bool cut = window->truncated;
    for (const ChangeGroup &group : window->groups) {
        if ((!serverId.isEmpty() && group.ref.connectionId != serverId)
            || (!environment.isEmpty() && group.ref.environment != environment) || (!flag.isEmpty() && group.ref.key != flag))
            continue;
        if (listed >= MaxListedChanges) {
            cut = true;
            break;
        }
        QJsonArray changes;
        for (const StoredChange &change : group.changes) {
            if (listed++ >= MaxListedChanges) {
                cut = true;
                break;
            }
            changes.append(QJsonObject{{QStringLiteral("id"), double(change.id)},
                                       {QStringLiteral("time"), isoTime(change.entry.timeMs)},
                                       {QStringLiteral("action"), change.entry.action},
                                       {QStringLiteral("actor"), change.entry.actor},
                                       {QStringLiteral("actor_kind"), actorKindName(change.entry.actorKind)},
                                       {QStringLiteral("change"), QJsonArray::fromStringList(change.words)},
                                       {QStringLiteral("comment"), change.entry.comment}});
        }
        groups.append(QJsonObject{{QStringLiteral("server"), group.ref.connectionId},
                                  {QStringLiteral("environment"), group.ref.environment},
                                  {QStringLiteral("flag"), group.ref.key},
                                  {QStringLiteral("net_change"), QJsonArray::fromStringList(group.net.words)},
                                  {QStringLiteral("by_agent"), group.anyByAgent()},
                                  {QStringLiteral("by_monitor"), group.anyByMonitor()},
                                  {QStringLiteral("changes"), changes}});
    }
    return toolResult({{QStringLiteral("since"), isoTime(now - qint64(minutes) * 60 * 1000)},
                       {QStringLiteral("flags"), groups},
                       {QStringLiteral("truncated"), cut}});
}
