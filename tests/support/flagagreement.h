#pragma once

#include "agents/mcpserver.h"
#include "control/consolecontroller.h"
#include "control/flagstore.h"
#include "control/killswitch.h"
#include "control/stageactions.h"
#include "core/flagjson.h"
#include "core/stageplan.h"
#include "store/auditcache.h"
#include "store/auditwriter.h"
#include "testaudit.h"

#include <QJsonDocument>
#include <QSettings>
#include <QTest>

// After each kind of change a server confirmed, every reader of a flag's state must say the same:
// the console's table (the flag store), `flagdeck --offline` (a console started offline on the same
// cache) and `flagdeck mcp`'s get_flag (the cache, as an agent reads it). Shared by the tests of
// each backend.
namespace FlagAgreement {

// get_flag as an agent calls it through `flagdeck mcp`, which reads the audit cache and nothing else.
inline QJsonObject getFlag(const QString &cachePath, const QList<ConnectionConfig> &connections, const FlagRef &ref)
{
    AuditCache cache;
    if (!cache.open(cachePath))
        return {};
    McpServer server({[&] { return connections; }, [&] { return cache.cachedFlags(); }}, nullptr, QStringLiteral("test"));
    server.handleMessage(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",)"
                         R"("capabilities":{},"clientInfo":{"name":"agreement","version":"1"}}})");
    server.handleMessage(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    const QJsonObject call{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                           {QStringLiteral("id"), 2},
                           {QStringLiteral("method"), QStringLiteral("tools/call")},
                           {QStringLiteral("params"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("get_flag")},
                                        {QStringLiteral("arguments"),
                                         QJsonObject{{QStringLiteral("server"), ref.connectionId},
                                                     {QStringLiteral("environment"), ref.environment},
                                                     {QStringLiteral("flag"), ref.key}}}}}};
    const std::optional<QByteArray> reply = server.handleMessage(QJsonDocument(call).toJson(QJsonDocument::Compact));
    if (!reply)
        return {};
    return QJsonDocument::fromJson(*reply).object().value(QStringLiteral("result")).toObject().value(QStringLiteral("structuredContent")).toObject();
}

// What `flagdeck --offline` shows of the flag: a second console, offline, on the same settings and cache.
inline Flag offlineFlag(QSettings &settings, const QString &cachePath, SecretStore *secrets, const FlagRef &ref)
{
    ConsoleController offline(settings, TestAudit::openWriter(cachePath), secrets);
    offline.startOffline();
    [&] { QTRY_VERIFY(offline.initialLoadDone()); }();
    const FlagStore::Entry *entry = offline.flagStore()->find(ref);
    return entry ? entry->flag : Flag();
}

// Checks, at the moment the console holds the change as confirmed, that --offline and get_flag
// hold the same state, rollout and revision. Fails the running test otherwise.
inline void checkAgreement(ConsoleController &console, QSettings &settings, SecretStore *secrets, const FlagRef &ref)
{
    const FlagStore::Entry *entry = console.flagStore()->find(ref);
    QVERIFY(entry);
    const Flag shown = entry->flag;
    // Only what was already handed to the cache: no waiting for a live event.
    console.auditWriter()->flush();
    const QString cachePath = console.auditWriter()->path();
    const QJsonObject agent = getFlag(cachePath, console.connections(), ref);
    QCOMPARE(agent.value(QStringLiteral("enabled")).toBool(), shown.enabled);
    QCOMPARE(agent.value(QStringLiteral("revision")).toString(), shown.revision);
    QCOMPARE(agent.value(QStringLiteral("rollout")).toArray(), rolloutToJson(shown.rollout));
    const Flag offline = offlineFlag(settings, cachePath, secrets, ref);
    QCOMPARE(offline.enabled, shown.enabled);
    QCOMPARE(offline.revision, shown.revision);
    QCOMPARE(offline.rollout, shown.rollout);
}

// A kill, a restore and a rollout change (to target), each through the console and confirmed by
// the server; after each, the table, --offline and get_flag agree on the new state and revision.
inline void checkEveryConfirmedChange(ConsoleController &console, QSettings &settings, SecretStore *secrets,
                                      const FlagRef &ref, const Rollout &target)
{
    FlagStore *store = console.flagStore();
    QVERIFY(store->find(ref) && store->find(ref)->flag.enabled);
    QString revision = store->find(ref)->flag.revision;
    const auto confirmedChange = [&](const std::function<void(const ConfirmedChanges::Completion &)> &start) {
        std::optional<ConfirmedChanges::Outcome> outcome;
        start([&](const ConfirmedChanges::Outcome &ended) { outcome = ended; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY2(outcome->confirmed, qPrintable(outcome->reason));
        QVERIFY(store->find(ref)->flag.revision != revision);
        revision = store->find(ref)->flag.revision;
        checkAgreement(console, settings, secrets, ref);
    };

    confirmedChange([&](const ConfirmedChanges::Completion &done) { console.killSwitch()->kill({ref}, {}, std::nullopt, done); });
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!store->find(ref)->flag.enabled);
    confirmedChange([&](const ConfirmedChanges::Completion &done) { console.killSwitch()->restore({ref}, {}, done); });
    if (QTest::currentTestFailed())
        return;
    QVERIFY(store->find(ref)->flag.enabled);
    confirmedChange([&](const ConfirmedChanges::Completion &done) {
        StagePreview preview;
        preview.ref = ref;
        preview.action = FlagAction::SetRollout;
        preview.target = target;
        preview.expectedRevision = revision;
        QVERIFY(console.stageActions()->apply(preview, {}, done));
    });
    if (QTest::currentTestFailed())
        return;
    QVERIFY(StagePlan::sameShares(store->find(ref)->flag.rollout, target));
}

} // namespace FlagAgreement
