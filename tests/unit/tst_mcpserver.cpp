#include "agents/mcpserver.h"
#include "core/cleanupcheck.h"
#include "core/flagjson.h"
#include "store/auditcache.h"
#include "store/changehistory.h"
#include "store/proposalinbox.h"
#include "testflags.h"
#include "testresult.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The MCP server message by message: the JSON-RPC envelope, protocol negotiation, each tool, and
// every kind of bad input an agent can send. The real MCP client from npm drives the binary in
// integration/tst_mcpclient.
class tst_McpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void initializeNegotiatesTheRevision_data();
    void initializeNegotiatesTheRevision();
    void malformedMessagesGetErrors_data();
    void malformedMessagesGetErrors();
    void notificationsGetNoAnswer();
    void toolsAreListedAndNoneChangesAFlag();
    void readsServersAndFlagsFromTheCache();
    void stageAndGuardrailsSayWhetherTheyAreKnown_data();
    void stageAndGuardrailsSayWhetherTheyAreKnown();
    void getFlagSaysTheEvalEvidence_data();
    void getFlagSaysTheEvalEvidence();
    void proposeStoresAProposalAndReadsItBack();
    void badArgumentsAreErrorResults_data();
    void badArgumentsAreErrorResults();
    void riskIsRaisedToFlagDecksFloor();
    void changesAreListedAndOneIsProposedForRevert();
    void cleanupDueIsListedAndAnArchiveProposed();

private:
    QJsonObject call(const QJsonObject &message);
    QJsonObject callTool(const QString &name, const QJsonObject &arguments);
    void initialize(const QString &version = QStringLiteral("2025-06-18"));

    QTemporaryDir m_dir;
    std::unique_ptr<ProposalInbox> m_inbox;
    std::unique_ptr<McpServer> m_server;
    QList<CachedFlag> m_flags;
    int m_nextId = 1;
};

void tst_McpServer::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_inbox = std::make_unique<ProposalInbox>();
    VERIFY_OK(m_inbox->open(m_dir.filePath(QStringLiteral("inbox-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())))));
    ConnectionConfig sandbox;
    sandbox.id = QStringLiteral("sandbox-1");
    sandbox.displayName = QStringLiteral("Sandbox");
    Flag route = TestFlags::make(QStringLiteral("chat-model-route"));
    Flag off = TestFlags::make(QStringLiteral("deploy-agent-tool-tier"), false);
    m_flags = {{sandbox.id, QStringLiteral("production"), route, 1763700000000,
                QJsonObject{{QStringLiteral("stage"), QStringLiteral("5% (2 of 4)")},
                            {QStringLiteral("guardrails"), QJsonObject{{QStringLiteral("verdict"), QStringLiteral("regressed")}}}}},
               {sandbox.id, QStringLiteral("production"), off, 1763700000000, {}}};
    m_server = std::make_unique<McpServer>(
        McpServer::Sources{[sandbox] { return QList<ConnectionConfig>{sandbox}; }, [this] { return m_flags; }},
        m_inbox.get(), QStringLiteral("9.9.9"));
}

void tst_McpServer::cleanup()
{
    m_server.reset();
    m_inbox.reset();
}

QJsonObject tst_McpServer::call(const QJsonObject &message)
{
    const std::optional<QByteArray> reply = m_server->handleMessage(QJsonDocument(message).toJson(QJsonDocument::Compact));
    if (!reply)
        return {};
    return QJsonDocument::fromJson(*reply).object();
}

void tst_McpServer::initialize(const QString &version)
{
    const QJsonObject reply = call({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                    {QStringLiteral("id"), m_nextId++},
                                    {QStringLiteral("method"), QStringLiteral("initialize")},
                                    {QStringLiteral("params"),
                                     QJsonObject{{QStringLiteral("protocolVersion"), version},
                                                 {QStringLiteral("capabilities"), QJsonObject{}},
                                                 {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("test-client")},
                                                                                            {QStringLiteral("version"), QStringLiteral("1.0")}}}}}});
    QVERIFY(reply.contains(QStringLiteral("result")));
}

QJsonObject tst_McpServer::callTool(const QString &name, const QJsonObject &arguments)
{
    const QJsonObject reply = call({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                    {QStringLiteral("id"), m_nextId++},
                                    {QStringLiteral("method"), QStringLiteral("tools/call")},
                                    {QStringLiteral("params"), QJsonObject{{QStringLiteral("name"), name},
                                                                           {QStringLiteral("arguments"), arguments}}}});
    return reply.value(QStringLiteral("result")).toObject();
}

void tst_McpServer::initializeNegotiatesTheRevision_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("answered");
    QTest::newRow("newest") << "2025-11-25" << "2025-11-25";
    QTest::newRow("older, still spoken") << "2025-03-26" << "2025-03-26";
    QTest::newRow("unknown: the newest, the client decides") << "2099-01-01" << "2025-11-25";
}

void tst_McpServer::initializeNegotiatesTheRevision()
{
    QFETCH(QString, requested);
    QFETCH(QString, answered);
    const QJsonObject before = call({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), 1},
                                     {QStringLiteral("method"), QStringLiteral("tools/list")}});
    QCOMPARE(before.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32600);
    const QJsonObject reply = call({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                    {QStringLiteral("id"), QStringLiteral("init")},
                                    {QStringLiteral("method"), QStringLiteral("initialize")},
                                    {QStringLiteral("params"), QJsonObject{{QStringLiteral("protocolVersion"), requested}}}});
    QCOMPARE(reply.value(QStringLiteral("id")).toString(), QStringLiteral("init"));
    const QJsonObject result = reply.value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("protocolVersion")).toString(), answered);
    QCOMPARE(result.value(QStringLiteral("serverInfo")).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("9.9.9"));
    QVERIFY(result.value(QStringLiteral("capabilities")).toObject().contains(QStringLiteral("tools")));
}

void tst_McpServer::malformedMessagesGetErrors_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("code");
    QTest::newRow("not JSON") << QByteArray("{\"jsonrpc\": \"2.0\", \"id\": 1, ") << -32700;
    QTest::newRow("empty object") << QByteArray("{\"id\": 3}") << -32600;
    QTest::newRow("wrong version") << QByteArray(R"({"jsonrpc":"1.0","id":1,"method":"ping"})") << -32600;
    QTest::newRow("object id") << QByteArray(R"({"jsonrpc":"2.0","id":{"a":1},"method":"ping"})") << -32600;
    QTest::newRow("batch") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])") << -32600;
    QTest::newRow("unknown method") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"flags/delete"})") << -32601;
    QTest::newRow("params not an object") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tools/list","params":[1]})") << -32602;
    QTest::newRow("tool without a name") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{}})") << -32602;
    QTest::newRow("unknown tool") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"set_flag"}})") << -32602;
    QTest::newRow("arguments not an object")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_flag","arguments":"x"}})") << -32602;
    QTest::newRow("too large") << QByteArray(McpServer::MaxMessageBytes + 1, ' ') << -32600;
}

void tst_McpServer::malformedMessagesGetErrors()
{
    QFETCH(QByteArray, message);
    QFETCH(int, code);
    initialize();
    const std::optional<QByteArray> reply = m_server->handleMessage(message);
    QVERIFY(reply);
    const QJsonObject error = QJsonDocument::fromJson(*reply).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toInt(), code);
    QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
    // The server goes on answering.
    QVERIFY(m_server->handleMessage(R"({"jsonrpc":"2.0","id":99,"method":"ping"})"));
}

void tst_McpServer::notificationsGetNoAnswer()
{
    QVERIFY(!m_server->handleMessage(R"({"jsonrpc":"2.0","method":"notifications/initialized"})"));
    QVERIFY(!m_server->handleMessage(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}})"));
    QVERIFY(!m_server->handleMessage(R"({"jsonrpc":"2.0","id":5,"result":{}})"));
}

void tst_McpServer::toolsAreListedAndNoneChangesAFlag()
{
    initialize();
    const QJsonObject reply = call({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), 2},
                                    {QStringLiteral("method"), QStringLiteral("tools/list")}});
    const QJsonArray tools = reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("tools")).toArray();
    QStringList names;
    for (const QJsonValue &tool : tools) {
        names.append(tool.toObject().value(QStringLiteral("name")).toString());
        QCOMPARE(tool.toObject().value(QStringLiteral("inputSchema")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("object"));
        QVERIFY(!tool.toObject().value(QStringLiteral("description")).toString().isEmpty());
    }
    QCOMPARE(names, (QStringList{QStringLiteral("list_servers"), QStringLiteral("list_flags"), QStringLiteral("get_flag"),
                                 QStringLiteral("propose_action"), QStringLiteral("list_changes"),
                                 QStringLiteral("list_cleanup_due"), QStringLiteral("get_proposal"),
                                 QStringLiteral("list_proposals")}));
}

void tst_McpServer::readsServersAndFlagsFromTheCache()
{
    initialize();
    const QJsonObject servers = callTool(QStringLiteral("list_servers"), {}).value(QStringLiteral("structuredContent")).toObject();
    const QJsonObject server = servers.value(QStringLiteral("servers")).toArray().first().toObject();
    QCOMPARE(server.value(QStringLiteral("name")).toString(), QStringLiteral("Sandbox"));
    QCOMPARE(server.value(QStringLiteral("environments")).toArray(), QJsonArray{QStringLiteral("production")});

    const QJsonObject flags = callTool(QStringLiteral("list_flags"), {{QStringLiteral("server"), QStringLiteral("sandbox")}})
                                  .value(QStringLiteral("structuredContent")).toObject();
    QCOMPARE(flags.value(QStringLiteral("flags")).toArray().size(), 2);

    const QJsonObject result = callTool(QStringLiteral("get_flag"), {{QStringLiteral("server"), QStringLiteral("sandbox-1")},
                                                                     {QStringLiteral("environment"), QStringLiteral("production")},
                                                                     {QStringLiteral("flag"), QStringLiteral("chat-model-route")}});
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), false);
    const QJsonObject flag = result.value(QStringLiteral("structuredContent")).toObject();
    QCOMPARE(flag.value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(flag.value(QStringLiteral("revision")).toString(), QStringLiteral("r1"));
    QCOMPARE(flag.value(QStringLiteral("stage")).toString(), QStringLiteral("5% (2 of 4)"));
    QCOMPARE(flag.value(QStringLiteral("guardrails")).toObject().value(QStringLiteral("verdict")).toString(), QStringLiteral("regressed"));
    QCOMPARE(flag.value(QStringLiteral("rollout")).toArray().size(), 2);
    // The text content carries the same, for clients that read only text.
    QVERIFY(result.value(QStringLiteral("content")).toArray().first().toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("chat-model-route")));
}

void tst_McpServer::stageAndGuardrailsSayWhetherTheyAreKnown_data()
{
    QTest::addColumn<QJsonObject>("status"); // as a console stored it
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("worked out, watched")
        << QJsonObject{{QStringLiteral("stage"), QStringLiteral("5% (2 of 4)")},
                       {QStringLiteral("guardrails"), QJsonObject{{QStringLiteral("verdict"), QStringLiteral("watching")}}}}
        << true << QStringLiteral("5% (2 of 4)") << QStringLiteral("watching");
    QTest::newRow("worked out, no guardrail watched") << QJsonObject{{QStringLiteral("stage"), QStringLiteral("unowned control")}}
                                                      << true << QStringLiteral("unowned control") << QStringLiteral("not_watched");
    // Until a console has run with the flag loaded, nothing is known: null, and why.
    QTest::newRow("no console since it was stored") << QJsonObject() << false << QString() << QString();
}

void tst_McpServer::stageAndGuardrailsSayWhetherTheyAreKnown()
{
    QFETCH(QJsonObject, status);
    QFETCH(bool, known);
    QFETCH(QString, stage);
    QFETCH(QString, verdict);
    m_flags.append({QStringLiteral("sandbox-1"), QStringLiteral("staging"), TestFlags::make(QStringLiteral("kb-retrieval-profile")),
                    1763700000000, status});
    initialize();
    const QJsonObject arguments{{QStringLiteral("server"), QStringLiteral("sandbox-1")},
                                {QStringLiteral("environment"), QStringLiteral("staging")},
                                {QStringLiteral("flag"), QStringLiteral("kb-retrieval-profile")}};
    const QJsonObject flag = callTool(QStringLiteral("get_flag"), arguments).value(QStringLiteral("structuredContent")).toObject();
    const QJsonObject listed = callTool(QStringLiteral("list_flags"), {{QStringLiteral("environment"), QStringLiteral("staging")}})
                                   .value(QStringLiteral("structuredContent"))
                                   .toObject()
                                   .value(QStringLiteral("flags"))
                                   .toArray()
                                   .first()
                                   .toObject();
    for (const QJsonObject &answer : {flag, listed}) {
        QCOMPARE(answer.value(QStringLiteral("stage_known")).toBool(!known), known);
        QCOMPARE(answer.value(QStringLiteral("guardrails_known")).toBool(!known), known);
        // The fields every client read before keep their names.
        QCOMPARE(answer.value(QStringLiteral("revision")).toString(), QStringLiteral("r1"));
        QCOMPARE(answer.value(QStringLiteral("seen")).toString(), QStringLiteral("2025-11-21T04:40:00.000Z"));
        if (known) {
            QCOMPARE(answer.value(QStringLiteral("stage")).toString(), stage);
            QVERIFY(!answer.contains(QStringLiteral("not_known_because")));
        } else {
            QVERIFY(answer.value(QStringLiteral("stage")).isNull());
            QVERIFY(answer.value(QStringLiteral("guardrails")).isNull());
            QVERIFY2(answer.value(QStringLiteral("not_known_because")).toString().startsWith(QStringLiteral("not known yet: ")),
                     qPrintable(answer.value(QStringLiteral("not_known_because")).toString()));
        }
    }
    if (known) {
        QCOMPARE(flag.value(QStringLiteral("guardrails")).toObject().value(QStringLiteral("verdict")).toString(), verdict);
        QCOMPARE(listed.value(QStringLiteral("guardrails")).toString(), verdict);
    }
}

void tst_McpServer::getFlagSaysTheEvalEvidence_data()
{
    QTest::addColumn<QJsonObject>("status"); // as a console stored it
    QTest::addColumn<QString>("verdict");    // empty: evals is null
    QTest::addColumn<QString>("summary");
    const auto check = [](const char *state, const char *summary) {
        return QJsonObject{{QStringLiteral("stage"), QStringLiteral("20_percent")},
                           {QStringLiteral("variation"), QStringLiteral("citation_first_v2")},
                           {QStringLiteral("state"), QString::fromUtf8(state)},
                           {QStringLiteral("summary"), QString::fromUtf8(summary)}};
    };
    const QString stage = QStringLiteral("5% (2 of 4)");
    QTest::newRow("passing") << QJsonObject{{QStringLiteral("stage"), stage},
                                            {QStringLiteral("evals"), QJsonArray{check("passed", "citation_first_v2 — 198 of "
                                                                                                 "200 passed")}}}
                             << QStringLiteral("passed") << QStringLiteral("citation_first_v2 — 198 of 200 passed");
    // One stale report among passing ones fails the whole: the gate is closed.
    QTest::newRow("one stale") << QJsonObject{{QStringLiteral("stage"), stage},
                                              {QStringLiteral("evals"),
                                               QJsonArray{check("passed", "a"), check("stale", "b — report 30 h old (≤ 24 h)")}}}
                               << QStringLiteral("failed") << QStringLiteral("a; b — report 30 h old (≤ 24 h)");
    QTest::newRow("none required") << QJsonObject{{QStringLiteral("stage"), stage}, {QStringLiteral("evals"), QJsonArray()}}
                                   << QStringLiteral("none_required")
                                   << QStringLiteral("the contract requires no eval evidence for the next stage");
    QTest::newRow("an older console") << QJsonObject{{QStringLiteral("stage"), stage}} << QStringLiteral("not_known") << QString();
    QTest::newRow("not worked out") << QJsonObject() << QString() << QString();
}

void tst_McpServer::getFlagSaysTheEvalEvidence()
{
    QFETCH(QJsonObject, status);
    QFETCH(QString, verdict);
    QFETCH(QString, summary);
    m_flags.append({QStringLiteral("sandbox-1"), QStringLiteral("staging"), TestFlags::make(QStringLiteral("support-assistant-route")),
                    1763700000000, status});
    initialize();
    const QJsonObject flag = callTool(QStringLiteral("get_flag"), {{QStringLiteral("server"), QStringLiteral("sandbox-1")},
                                                                   {QStringLiteral("environment"), QStringLiteral("staging")},
                                                                   {QStringLiteral("flag"), QStringLiteral("support-assistant-route")}})
                                 .value(QStringLiteral("structuredContent"))
                                 .toObject();
    if (verdict.isEmpty()) {
        QVERIFY(flag.contains(QStringLiteral("evals")));
        QVERIFY(flag.value(QStringLiteral("evals")).isNull());
        return;
    }
    const QJsonObject evals = flag.value(QStringLiteral("evals")).toObject();
    QCOMPARE(evals.value(QStringLiteral("verdict")).toString(), verdict);
    if (!summary.isEmpty())
        QCOMPARE(evals.value(QStringLiteral("summary")).toString(), summary);
    QCOMPARE(evals.value(QStringLiteral("checks")).toArray(), status.value(QStringLiteral("evals")).toArray());
}

void tst_McpServer::proposeStoresAProposalAndReadsItBack()
{
    initialize();
    const QJsonObject result = callTool(
        QStringLiteral("propose_action"),
        {{QStringLiteral("server"), QStringLiteral("Sandbox")}, {QStringLiteral("environment"), QStringLiteral("production")},
         {QStringLiteral("flag"), QStringLiteral("chat-model-route")}, {QStringLiteral("action"), QStringLiteral("set_rollout")},
         {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("rollout"),
                                                     QJsonArray{QJsonObject{{QStringLiteral("variation"), QStringLiteral("baseline")},
                                                                            {QStringLiteral("basisPoints"), 10000}}}}}},
         {QStringLiteral("reason"), QStringLiteral("candidate regressed on p95")},
         {QStringLiteral("evidence"), QJsonObject{{QStringLiteral("links"), QJsonArray{QStringLiteral("https://grafana/d/1")}}}},
         {QStringLiteral("flag_revision"), QStringLiteral("r1")},
         {QStringLiteral("agent_name"), QStringLiteral("rollback-bot")}, {QStringLiteral("model"), QStringLiteral("claude-sonnet")},
         {QStringLiteral("expires_in_minutes"), 30}});
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), false);
    const QString id = result.value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("proposal_id")).toString();
    QVERIFY(!id.isEmpty());

    const Proposal stored = m_inbox->find(id).value();
    QCOMPARE(stored.proposer.agent, QStringLiteral("rollback-bot"));
    QCOMPARE(stored.proposer.clientName, QStringLiteral("test-client"));
    QCOMPARE(stored.proposer.clientVersion, QStringLiteral("1.0"));
    QCOMPARE(stored.proposer.model, QStringLiteral("claude-sonnet"));
    QCOMPARE(stored.target, (FlagRef{QStringLiteral("sandbox-1"), QStringLiteral("production"), QStringLiteral("chat-model-route")}));
    QCOMPARE(stored.flagRevision, QStringLiteral("r1"));
    QCOMPARE(stored.flagBefore.value(QStringLiteral("key")).toString(), QStringLiteral("chat-model-route"));
    QCOMPARE(stored.expiresMs - stored.createdMs, 30 * 60 * 1000);
    QCOMPARE(stored.risk, Contract::Risk::Low); // 5% of traffic moves

    const QJsonObject read = callTool(QStringLiteral("get_proposal"), {{QStringLiteral("id"), id}})
                                 .value(QStringLiteral("structuredContent")).toObject();
    QCOMPARE(read.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(read.value(QStringLiteral("reason")).toString(), QStringLiteral("candidate regressed on p95"));
    const QJsonObject listed = callTool(QStringLiteral("list_proposals"), {{QStringLiteral("status"), QStringLiteral("pending")}})
                                   .value(QStringLiteral("structuredContent")).toObject();
    QCOMPARE(listed.value(QStringLiteral("proposals")).toArray().size(), 1);
}

void tst_McpServer::badArgumentsAreErrorResults_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<QString>("says");
    const QJsonObject kill{{QStringLiteral("server"), QStringLiteral("sandbox-1")},
                           {QStringLiteral("environment"), QStringLiteral("production")},
                           {QStringLiteral("flag"), QStringLiteral("chat-model-route")},
                           {QStringLiteral("action"), QStringLiteral("kill")},
                           {QStringLiteral("reason"), QStringLiteral("why")}};
    const auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject arguments = kill;
        arguments.insert(key, value);
        return arguments;
    };
    QTest::newRow("unknown server") << "propose_action" << with(QStringLiteral("server"), QStringLiteral("prod-eu")) << "no server";
    QTest::newRow("unknown environment") << "propose_action" << with(QStringLiteral("environment"), QStringLiteral("dev")) << "no environment";
    QTest::newRow("unknown flag") << "propose_action" << with(QStringLiteral("flag"), QStringLiteral("nope")) << "no flag";
    QTest::newRow("flag as a number") << "propose_action" << with(QStringLiteral("flag"), 7) << "must be text";
    QTest::newRow("unknown action") << "propose_action" << with(QStringLiteral("action"), QStringLiteral("delete")) << "action must be";
    QTest::newRow("no reason") << "propose_action" << with(QStringLiteral("reason"), QStringLiteral("  ")) << "reason is required";
    QTest::newRow("reason too long") << "propose_action" << with(QStringLiteral("reason"), QString(5000, QLatin1Char('x'))) << "longer than";
    QTest::newRow("extra argument") << "propose_action" << with(QStringLiteral("approve"), true) << "unknown argument";
    QTest::newRow("kill with parameters") << "propose_action" << with(QStringLiteral("parameters"), QJsonObject{{QStringLiteral("x"), 1}}) << "no parameters";
    QTest::newRow("stale revision") << "propose_action" << with(QStringLiteral("flag_revision"), QStringLiteral("r0")) << "changed since";
    QTest::newRow("expiry out of range") << "propose_action" << with(QStringLiteral("expires_in_minutes"), 100000) << "expires_in_minutes";
    QTest::newRow("expiry not whole") << "propose_action" << with(QStringLiteral("expires_in_minutes"), 1.5) << "expires_in_minutes";
    QTest::newRow("bad risk") << "propose_action" << with(QStringLiteral("risk"), QStringLiteral("none")) << "risk must be";
    QTest::newRow("evidence not an object") << "propose_action" << with(QStringLiteral("evidence"), QStringLiteral("trust me")) << "evidence must";
    QTest::newRow("evidence too large") << "propose_action"
                                        << with(QStringLiteral("evidence"), QJsonObject{{QStringLiteral("blob"), QString(70000, QLatin1Char('a'))}})
                                        << "larger than";
    QJsonObject rollout = with(QStringLiteral("action"), QStringLiteral("set_rollout"));
    rollout.insert(QStringLiteral("parameters"),
                   QJsonObject{{QStringLiteral("rollout"), QJsonArray{QJsonObject{{QStringLiteral("variation"), QStringLiteral("baseline")},
                                                                                  {QStringLiteral("basisPoints"), 9000}}}}});
    QTest::newRow("rollout not summing to 100%") << "propose_action" << rollout << "not 100%";
    QJsonObject unknownVariation = rollout;
    unknownVariation.insert(QStringLiteral("parameters"),
                            QJsonObject{{QStringLiteral("rollout"), QJsonArray{QJsonObject{{QStringLiteral("variation"), QStringLiteral("ghost")},
                                                                                           {QStringLiteral("basisPoints"), 10000}}}}});
    QTest::newRow("rollout to an unknown variation") << "propose_action" << unknownVariation << "ghost";
    QJsonObject restoreOn = with(QStringLiteral("action"), QStringLiteral("restore"));
    QTest::newRow("restore a flag that is on") << "propose_action" << restoreOn << "already on";
    QTest::newRow("get_flag without a flag") << "get_flag" << QJsonObject{{QStringLiteral("server"), QStringLiteral("sandbox-1")}} << "required";
    QTest::newRow("get_proposal unknown") << "get_proposal" << QJsonObject{{QStringLiteral("id"), QStringLiteral("nope")}} << "no proposal";
    QTest::newRow("list_proposals bad status") << "list_proposals" << QJsonObject{{QStringLiteral("status"), QStringLiteral("done")}} << "status must";
    QTest::newRow("list_proposals bad limit") << "list_proposals" << QJsonObject{{QStringLiteral("limit"), 0}} << "limit must";
    QTest::newRow("list_servers with arguments") << "list_servers" << QJsonObject{{QStringLiteral("x"), 1}} << "unknown argument";
}

void tst_McpServer::badArgumentsAreErrorResults()
{
    QFETCH(QString, tool);
    QFETCH(QJsonObject, arguments);
    QFETCH(QString, says);
    initialize();
    const QJsonObject result = callTool(tool, arguments);
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), true);
    const QString text = result.value(QStringLiteral("content")).toArray().first().toObject().value(QStringLiteral("text")).toString();
    QVERIFY2(text.contains(says), qPrintable(text));
    QCOMPARE(m_inbox->list()->size(), 0);
}

void tst_McpServer::riskIsRaisedToFlagDecksFloor()
{
    initialize();
    const QJsonObject result = callTool(QStringLiteral("propose_action"),
                                        {{QStringLiteral("server"), QStringLiteral("sandbox-1")},
                                         {QStringLiteral("environment"), QStringLiteral("production")},
                                         {QStringLiteral("flag"), QStringLiteral("chat-model-route")},
                                         {QStringLiteral("action"), QStringLiteral("kill")},
                                         {QStringLiteral("risk"), QStringLiteral("low")},
                                         {QStringLiteral("reason"), QStringLiteral("errors")}});
    QCOMPARE(result.value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("risk")).toString(),
             QStringLiteral("high"));
}

void tst_McpServer::changesAreListedAndOneIsProposedForRevert()
{
    // The agent's own 5% → 50% ten minutes ago, and a change of another flag in another environment.
    const QString cachePath = m_dir.filePath(QStringLiteral("changes.sqlite"));
    AuditCache cache;
    VERIFY_OK(cache.open(cachePath));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Flag at50 = TestFlags::make(QStringLiteral("chat-model-route"), true, 5000);
    m_flags[0].flag = at50;
    AuditEntry widened;
    widened.server = QStringLiteral("sandbox-1");
    widened.environment = QStringLiteral("production");
    widened.flagKey = QStringLiteral("chat-model-route");
    widened.action = QStringLiteral("set_rollout");
    widened.outcome = QStringLiteral("confirmed");
    widened.actor = QStringLiteral("rollout-agent");
    widened.actorKind = ActorKind::Agent;
    widened.timeMs = now - 10 * 60 * 1000;
    widened.sourceId = QStringLiteral("console:widen:confirmed");
    widened.before = {{QStringLiteral("rollout"), rolloutToJson(TestFlags::make(QStringLiteral("x")).rollout)}};
    widened.after = {{QStringLiteral("rollout"), rolloutToJson(at50.rollout)}};
    AuditEntry other = widened;
    other.flagKey = QStringLiteral("deploy-agent-tool-tier");
    other.environment = QStringLiteral("staging");
    other.sourceId = QStringLiteral("console:other:confirmed");
    other.timeMs = now - 90 * 60 * 1000;
    AuditBatch batch;
    batch.entries = {widened, other};
    VERIFY_OK(cache.write(batch));
    ChangeHistory history;
    VERIFY_OK(history.open(cachePath));
    ConnectionConfig sandbox;
    sandbox.id = QStringLiteral("sandbox-1");
    sandbox.displayName = QStringLiteral("Sandbox");
    m_server = std::make_unique<McpServer>(
        McpServer::Sources{[sandbox] { return QList<ConnectionConfig>{sandbox}; }, [this] { return m_flags; }, &history},
        m_inbox.get(), QStringLiteral("9.9.9"));
    initialize();

    // The last hour: one flag, its net change and its change with the id a revert names.
    const QJsonObject listed = callTool(QStringLiteral("list_changes"), {}).value(QStringLiteral("structuredContent")).toObject();
    const QJsonArray flags = listed.value(QStringLiteral("flags")).toArray();
    QCOMPARE(flags.size(), 1);
    const QJsonObject route = flags.first().toObject();
    QCOMPARE(route.value(QStringLiteral("flag")).toString(), QStringLiteral("chat-model-route"));
    QVERIFY(route.value(QStringLiteral("by_agent")).toBool());
    QVERIFY(route.value(QStringLiteral("net_change")).toArray().first().toString().startsWith(QLatin1String("rollout of ")));
    const QJsonObject change = route.value(QStringLiteral("changes")).toArray().first().toObject();
    QCOMPARE(change.value(QStringLiteral("actor_kind")).toString(), QStringLiteral("agent"));
    const qint64 id = qint64(change.value(QStringLiteral("id")).toDouble());
    QVERIFY(id > 0);
    // Two hours: both; filtered by flag: one.
    QCOMPARE(callTool(QStringLiteral("list_changes"), {{QStringLiteral("minutes"), 120}})
                 .value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("flags")).toArray().size(),
             2);
    QCOMPARE(callTool(QStringLiteral("list_changes"), {{QStringLiteral("minutes"), 120}, {QStringLiteral("flag"), QStringLiteral("deploy-agent-tool-tier")}})
                 .value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("flags")).toArray().size(),
             1);
    QVERIFY(callTool(QStringLiteral("list_changes"), {{QStringLiteral("minutes"), 0}}).value(QStringLiteral("isError")).toBool());

    // Put back exactly what it did: a proposal, rated by the traffic it moves back (45%: high).
    const QJsonObject target{{QStringLiteral("server"), QStringLiteral("sandbox-1")},
                             {QStringLiteral("environment"), QStringLiteral("production")},
                             {QStringLiteral("flag"), QStringLiteral("chat-model-route")},
                             {QStringLiteral("action"), QStringLiteral("revert")},
                             {QStringLiteral("reason"), QStringLiteral("p95 latency regressed since my widening")}};
    QJsonObject revert = target;
    revert.insert(QStringLiteral("parameters"), QJsonObject{{QStringLiteral("changes"), QJsonArray{double(id)}}});
    const QJsonObject proposed = callTool(QStringLiteral("propose_action"), revert);
    QVERIFY2(!proposed.value(QStringLiteral("isError")).toBool(), QJsonDocument(proposed).toJson().constData());
    const QString proposalId = proposed.value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("proposal_id")).toString();
    const Result<Proposal> stored = m_inbox->find(proposalId);
    VERIFY_OK(stored);
    QCOMPARE(stored->action, FlagAction::Revert);
    QCOMPARE(stored->risk, Contract::Risk::High);
    QCOMPARE(revertedChangeIds(stored->parameters).value(), QList<qint64>{id});

    // What cannot be a revert of this flag.
    for (const QJsonValue &bad : {QJsonValue(QJsonObject{{QStringLiteral("changes"), QJsonArray{999999}}}),
                                  QJsonValue(QJsonObject{{QStringLiteral("changes"), QStringLiteral("all")}}),
                                  QJsonValue(QJsonObject{{QStringLiteral("changes"), QJsonArray{1.5}}}),
                                  QJsonValue(QJsonObject{})}) {
        QJsonObject arguments = target;
        arguments.insert(QStringLiteral("parameters"), bad);
        QVERIFY(callTool(QStringLiteral("propose_action"), arguments).value(QStringLiteral("isError")).toBool());
    }
    const Result<QList<StoredChange>> others =
        history.changesOf({QStringLiteral("sandbox-1"), QStringLiteral("staging"), QStringLiteral("deploy-agent-tool-tier")}, 0, now);
    VERIFY_OK(others);
    QCOMPARE(others->size(), 1);
    revert.insert(QStringLiteral("parameters"), QJsonObject{{QStringLiteral("changes"), QJsonArray{double(others->first().id)}}});
    const QJsonObject wrongFlag = callTool(QStringLiteral("propose_action"), revert);
    QVERIFY(wrongFlag.value(QStringLiteral("isError")).toBool());
    QVERIFY(wrongFlag.value(QStringLiteral("content")).toArray().first().toObject().value(QStringLiteral("text")).toString()
                .contains(QLatin1String("not of this flag")));
    // Already as it was: nothing to propose.
    m_flags[0].flag = TestFlags::make(QStringLiteral("chat-model-route"));
    revert.insert(QStringLiteral("parameters"), QJsonObject{{QStringLiteral("changes"), QJsonArray{double(id)}}});
    QVERIFY(callTool(QStringLiteral("propose_action"), revert).value(QStringLiteral("isError")).toBool());
}

void tst_McpServer::cleanupDueIsListedAndAnArchiveProposed()
{
    // As a console stored it: due since the review date, with its owner.
    CleanupDue due;
    due.owner = QStringLiteral("answers-platform");
    due.ownerFromContract = true;
    due.reasons = {{CleanupReason::Kind::ReviewDatePassed, QStringLiteral("review was due on 2026-11-01"),
                    QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()}};
    m_flags.append({QStringLiteral("sandbox-1"), QStringLiteral("staging"), TestFlags::make(QStringLiteral("streaming-answers")),
                    1763700000000,
                    QJsonObject{{QStringLiteral("stage"), QStringLiteral("default_behavior (4 of 4)")},
                                {QStringLiteral("cleanup"), cleanupToJson(due)}}});
    initialize();
    const QJsonObject listed = callTool(QStringLiteral("list_cleanup_due"), {}).value(QStringLiteral("structuredContent")).toObject();
    const QJsonArray dueFlags = listed.value(QStringLiteral("due")).toArray();
    QCOMPARE(dueFlags.size(), 1);
    const QJsonObject flag = dueFlags.first().toObject();
    QCOMPARE(flag.value(QStringLiteral("flag")).toString(), QStringLiteral("streaming-answers"));
    QCOMPARE(flag.value(QStringLiteral("environment")).toString(), QStringLiteral("staging"));
    QCOMPARE(flag.value(QStringLiteral("owner")).toString(), QStringLiteral("answers-platform"));
    QCOMPARE(flag.value(QStringLiteral("since")).toString(), QStringLiteral("2026-11-01T00:00:00Z"));
    QCOMPARE(flag.value(QStringLiteral("reasons")).toArray().first().toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("review_date_passed"));
    // A flag no console has worked out since it was stored is named as not known, not left out.
    QCOMPARE(listed.value(QStringLiteral("not_known")).toArray().size(), 1);
    QCOMPARE(listed.value(QStringLiteral("not_known")).toArray().first().toObject().value(QStringLiteral("flag")).toString(),
             QStringLiteral("deploy-agent-tool-tier"));
    // Filtered like list_flags.
    QCOMPARE(callTool(QStringLiteral("list_cleanup_due"), {{QStringLiteral("environment"), QStringLiteral("production")}})
                 .value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("due")).toArray().size(),
             0);
    QCOMPARE(callTool(QStringLiteral("list_cleanup_due"), {{QStringLiteral("server"), QStringLiteral("nowhere")}})
                 .value(QStringLiteral("isError")).toBool(),
             true);

    // The archive is proposed, never done: it waits in the inbox at high risk, without parameters.
    const QJsonObject archive{{QStringLiteral("server"), QStringLiteral("sandbox-1")},
                              {QStringLiteral("environment"), QStringLiteral("staging")},
                              {QStringLiteral("flag"), QStringLiteral("streaming-answers")},
                              {QStringLiteral("action"), QStringLiteral("archive")},
                              {QStringLiteral("reason"), QStringLiteral("its code was removed in PR 4312")}};
    const QJsonObject proposed = callTool(QStringLiteral("propose_action"), archive);
    QCOMPARE(proposed.value(QStringLiteral("isError")).toBool(), false);
    const Proposal stored =
        m_inbox->find(proposed.value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("proposal_id")).toString()).value();
    QCOMPARE(stored.action, FlagAction::Archive);
    QCOMPARE(stored.risk, Contract::Risk::High);
    QCOMPARE(stored.status, ProposalStatus::Pending);
    QJsonObject withParameters = archive;
    withParameters.insert(QStringLiteral("parameters"), QJsonObject{{QStringLiteral("hard"), true}});
    QCOMPARE(callTool(QStringLiteral("propose_action"), withParameters).value(QStringLiteral("isError")).toBool(), true);
}

QTEST_GUILESS_MAIN(tst_McpServer)
#include "tst_mcpserver.moc"
