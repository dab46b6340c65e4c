#include "core/cleanupcheck.h"
#include "core/flagjson.h"
#include "store/auditcache.h"
#include "store/connectionsettings.h"
#include "store/proposalinbox.h"
#include "testchildprocess.h"
#include "testflags.h"
#include "testresult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// `flagdeck mcp` as agents meet it: the real binary over stdio, driven by the official MCP
// TypeScript SDK's client from npm (tests/mcp), and fed malformed JSON-RPC directly.
class tst_McpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theSdkClientProposesAndReadsBack();
    void malformedInputGetsErrorsAndTheServerGoesOn();

private:
    QTemporaryDir m_dir;
    QString m_inbox;
    QString m_cache;
};

void tst_McpClient::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("FlagDeck"));
    QCoreApplication::setApplicationName(QStringLiteral("FlagDeck"));
    // The settings the child reads: one sandbox connection.
    QSettings settings;
    ConnectionConfig sandbox = ConnectionSettings::defaultSandbox(QStringLiteral("Sandbox"));
    ConnectionSettings(settings).save({sandbox});
    settings.sync();

    m_inbox = m_dir.filePath(QStringLiteral("inbox.sqlite"));
    m_cache = m_dir.filePath(QStringLiteral("audit.sqlite"));
    // The inbox a console made: flagdeck mcp refuses one that does not exist.
    VERIFY_OK(ProposalInbox().open(m_inbox));
    AuditCache cache;
    VERIFY_OK(cache.open(m_cache));
    AuditBatch batch;
    batch.snapshots.append({sandbox.id, QStringLiteral("production"),
                            {TestFlags::make(QStringLiteral("chat-model-route")), TestFlags::make(QStringLiteral("kb-retrieval-profile"))},
                            true, 1763700000000});
    // As a console worked them out: the route is not due; the retrieval profile's review date passed.
    CleanupDue due;
    due.owner = QStringLiteral("search-platform");
    due.ownerFromContract = true;
    due.reasons = {{CleanupReason::Kind::ReviewDatePassed, QStringLiteral("review was due on 2026-11-01"),
                    QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()}};
    batch.statuses.append({sandbox.id, QStringLiteral("production"), QStringLiteral("chat-model-route"),
                           QJsonObject{{QStringLiteral("stage"), QStringLiteral("5% (2 of 4)")}}});
    batch.statuses.append({sandbox.id, QStringLiteral("production"), QStringLiteral("kb-retrieval-profile"),
                           QJsonObject{{QStringLiteral("stage"), QStringLiteral("not started")},
                                       {QStringLiteral("cleanup"), cleanupToJson(due)}}});
    VERIFY_OK(cache.write(batch));
}

void tst_McpClient::theSdkClientProposesAndReadsBack()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    QVERIFY2(!node.isEmpty(), "node is not installed (the test set-up installs Debian's nodejs)");
    const QString clientDir = QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/mcp");
    QVERIFY2(QFile::exists(clientDir + QStringLiteral("/node_modules/@modelcontextprotocol/sdk/package.json")),
             "the MCP SDK is not installed (npm ci in tests/mcp; the test set-up does it)");
    QProcess client;
    client.setWorkingDirectory(clientDir);
    TestChildProcess::endWithTest(client);
    client.start(node, {QStringLiteral("client.mjs"), QStringLiteral(FLAGDECK_BINARY), m_inbox, m_cache});
    QVERIFY(client.waitForFinished(60000));
    const QByteArray output = client.readAllStandardOutput();
    QVERIFY2(client.exitCode() == 0, qPrintable(QString::fromUtf8(output + client.readAllStandardError())));
    const QJsonObject seen = QJsonDocument::fromJson(output.trimmed().split('\n').last()).object();
    const QString id = seen.value(QStringLiteral("proposal")).toString();
    QVERIFY(!id.isEmpty());

    ProposalInbox inbox;
    VERIFY_OK(inbox.open(m_inbox));
    const Result<Proposal> stored = inbox.find(id);
    QVERIFY2(stored, qPrintable(stored.error()));
    QCOMPARE(stored->action, FlagAction::Kill);
    QCOMPARE(stored->status, ProposalStatus::Pending);
    QCOMPARE(stored->proposer.clientName, QStringLiteral("flagdeck-integration-agent"));
    QCOMPARE(stored->proposer.clientVersion, QStringLiteral("3.1.4"));
    QCOMPARE(stored->flagRevision, QStringLiteral("r1"));
    QCOMPARE(stored->risk, Contract::Risk::High);
    QVERIFY(stored->evidence.value(QStringLiteral("links")).toArray().contains(QStringLiteral("https://grafana.example/d/latency")));
    QCOMPARE(inbox.list()->size(), 1); // the bad proposal stored nothing
}

void tst_McpClient::malformedInputGetsErrorsAndTheServerGoesOn()
{
    QProcess server;
    TestChildProcess::endWithTest(server);
    server.start(QStringLiteral(FLAGDECK_BINARY), {QStringLiteral("mcp"), QStringLiteral("--inbox"), m_inbox,
                                                   QStringLiteral("--cache"), m_cache});
    QVERIFY(server.waitForStarted());
    const QList<QByteArray> lines = {
        "this is not json",
        R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})", // before initialize
        R"({"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-06-18","clientInfo":{"name":"raw","version":"0"}}})",
        R"({"jsonrpc":"2.0","method":"notifications/initialized"})",
        QByteArray(2 * 1024 * 1024, 'x'),
        R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"propose_action","arguments":{"server":[1]}}})",
        R"({"jsonrpc":"2.0","id":4,"method":"nope"})",
        R"({"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"list_servers","arguments":{}}})",
    };
    for (const QByteArray &line : lines)
        server.write(line + '\n');
    server.closeWriteChannel();
    QVERIFY(server.waitForFinished(20000));
    QCOMPARE(server.exitCode(), 0);
    const QList<QByteArray> replies = server.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(replies.size(), 7); // the notification gets none
    const auto reply = [&](int i) { return QJsonDocument::fromJson(replies.at(i)).object(); };
    QCOMPARE(reply(0).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32700);
    QCOMPARE(reply(1).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32600);
    QVERIFY(reply(2).contains(QStringLiteral("result")));
    QCOMPARE(reply(3).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32600);
    QCOMPARE(reply(4).value(QStringLiteral("result")).toObject().value(QStringLiteral("isError")).toBool(), true);
    QCOMPARE(reply(5).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32601);
    QCOMPARE(reply(6).value(QStringLiteral("result")).toObject().value(QStringLiteral("isError")).toBool(), false);
}

QTEST_GUILESS_MAIN(tst_McpClient)
#include "tst_mcpclient.moc"
