#include "connectors/sandbox/sandboxserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_SandboxServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void seedsRealisticAiFlags();
    void loadedIsSaidOnceEveryEnvironmentArrived();
    void loadedIsSaidWhenTheConnectionFails();
    void killIsAnsweredAndAnnounced();
    void changesPersistAcrossRestart();
    void archiveRemovesTheFlagForGood();
    void answersAfterConfiguredLatency();
    void injectedFailure();
    void unresponsiveNeverAnswers();
    void unknownFlagIsNotFound();
    void staleRevisionIsAConflict();
    void invalidRolloutIsRefused();
    void historyPagesFromCursor();
    void refusesWhenDisconnected();

private:
    std::unique_ptr<SandboxServer> connectedServer();
    QString databasePath() const { return m_dir->filePath(QStringLiteral("sandbox.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

ConnectionConfig config()
{
    ConnectionConfig config;
    config.id = QStringLiteral("sandbox-test");
    config.displayName = QStringLiteral("Test sandbox");
    return config;
}

// Waits for a reply and returns it still alive (it deletes itself on the next event-loop turn).
bool waitFor(ServerReply *reply, int timeoutMs = 5000)
{
    QSignalSpy finished(reply, &ServerReply::finished);
    return finished.wait(timeoutMs);
}

} // namespace

void tst_SandboxServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<SandboxServer> tst_SandboxServer::connectedServer()
{
    auto server = std::make_unique<SandboxServer>(config(), databasePath());
    server->setLatency(0, 0);
    server->connectToServer();
    [&] { QTRY_COMPARE(server->state(), ConnectionState::Connected); }();
    return server;
}

void tst_SandboxServer::seedsRealisticAiFlags()
{
    auto server = std::make_unique<SandboxServer>(config(), databasePath());
    server->setLatency(0, 0);
    QSignalSpy replaced(server.get(), &FlagServer::flagsReplaced);
    server->connectToServer();
    QTRY_COMPARE(replaced.size(), 2);
    QCOMPARE(server->environments(), (QStringList{QStringLiteral("production"), QStringLiteral("staging")}));
    QCOMPARE(server->capabilities() & FlagServer::Capability::Kill, FlagServer::Capability::Kill);

    QSet<QString> surfaces;
    for (const QList<QVariant> &signal : replaced) {
        const auto flags = signal.at(1).value<QList<Flag>>();
        QVERIFY2(flags.size() >= 12, "every environment holds at least 12 flags");
        for (const Flag &flag : flags) {
            QVERIFY2(flag.checkConsistency(), qPrintable(flag.key));
            QVERIFY2(!flag.description.isEmpty(), qPrintable(flag.key));
            QVERIFY2(flag.variations.size() >= 2, qPrintable(flag.key));
            QVERIFY(!flag.revision.isEmpty());
            for (const QString &tag : flag.tags)
                surfaces.insert(tag);
        }
    }
    for (const char *surface : {"prompt_profile", "model_route", "retrieval_profile", "agent_tool_tier",
                                "guardrail_mode", "fallback_mode"})
        QVERIFY2(surfaces.contains(QLatin1String(surface)), surface);
}

void tst_SandboxServer::loadedIsSaidOnceEveryEnvironmentArrived()
{
    auto server = std::make_unique<SandboxServer>(config(), databasePath());
    server->setLatency(0, 0);
    QSet<QString> arrived;
    QSet<QString> arrivedWhenLoaded;
    connect(server.get(), &FlagServer::flagsReplaced, this, [&](const QString &environment) { arrived.insert(environment); });
    connect(server.get(), &FlagServer::loaded, this, [&] { arrivedWhenLoaded = arrived; });
    QSignalSpy loaded(server.get(), &FlagServer::loaded);
    QVERIFY(!server->isLoaded());
    server->connectToServer();
    QTRY_COMPARE(loaded.size(), 1);
    QVERIFY(server->isLoaded());
    QCOMPARE(server->state(), ConnectionState::Connected);
    QCOMPARE(arrivedWhenLoaded, (QSet<QString>{QStringLiteral("production"), QStringLiteral("staging")}));
    // Changes afterwards are live changes, not a new load.
    ServerReply *reply = server->setEnabled(QStringLiteral("production"), QStringLiteral("chat-model-route"), false, {});
    QVERIFY(waitFor(reply));
    QTest::qWait(0);
    QCOMPARE(loaded.size(), 1);
}

void tst_SandboxServer::loadedIsSaidWhenTheConnectionFails()
{
    QFile blocker(m_dir->filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    SandboxServer server(config(), m_dir->filePath(QStringLiteral("blocker/sandbox.sqlite")));
    server.setLatency(0, 0);
    QSignalSpy loaded(&server, &FlagServer::loaded);
    server.connectToServer();
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(server.state(), ConnectionState::Failed);
    QVERIFY(!server.stateDetail().isEmpty());
}

void tst_SandboxServer::killIsAnsweredAndAnnounced()
{
    auto server = connectedServer();
    QSignalSpy changed(server.get(), &FlagServer::flagChanged);
    ServerReply *reply = server->setEnabled(QStringLiteral("production"), QStringLiteral("chat-model-route"), false,
                                            QStringLiteral("incident 42"));
    QVERIFY(!reply->isFinished());
    QVERIFY(waitFor(reply));
    QVERIFY(!reply->failed());
    QCOMPARE(reply->flag().key, QStringLiteral("chat-model-route"));
    QVERIFY(!reply->flag().enabled);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toString(), QStringLiteral("production"));
    QVERIFY(!changed.first().at(1).value<Flag>().enabled);
}

void tst_SandboxServer::changesPersistAcrossRestart()
{
    QString revision;
    {
        auto server = connectedServer();
        ServerReply *reply = server->setEnabled(QStringLiteral("staging"), QStringLiteral("pii-guardrail-mode"), false, {});
        QVERIFY(waitFor(reply));
        QVERIFY2(!reply->failed(), qPrintable(reply->error().sentence()));
        revision = reply->flag().revision;
    }
    auto server = std::make_unique<SandboxServer>(config(), databasePath());
    server->setLatency(0, 0);
    QSignalSpy replaced(server.get(), &FlagServer::flagsReplaced);
    server->connectToServer();
    QTRY_COMPARE(replaced.size(), 2);
    for (const QList<QVariant> &signal : replaced) {
        if (signal.at(0).toString() != QLatin1String("staging"))
            continue;
        for (const Flag &flag : signal.at(1).value<QList<Flag>>()) {
            if (flag.key == QLatin1String("pii-guardrail-mode")) {
                QVERIFY(!flag.enabled);
                QCOMPARE(flag.revision, revision);
                return;
            }
        }
    }
    QFAIL("the killed flag was not found after the restart");
}

void tst_SandboxServer::archiveRemovesTheFlagForGood()
{
    {
        auto server = connectedServer();
        QVERIFY(server->capabilities().testFlag(FlagServer::Capability::Archive));
        QSignalSpy replaced(server.get(), &FlagServer::flagsReplaced);
        ServerReply *reply = server->archiveFlag(QStringLiteral("production"), QStringLiteral("streaming-answers"),
                                                 QStringLiteral("code removed"));
        QVERIFY(waitFor(reply));
        QVERIFY2(!reply->failed(), qPrintable(reply->error().sentence()));
        QCOMPARE(reply->flag().key, QStringLiteral("streaming-answers")); // as it was
        // The environment without it, at once; the other environment keeps its own.
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(replaced.first().at(0).toString(), QStringLiteral("production"));
        const QList<Flag> left = replaced.first().at(1).value<QList<Flag>>();
        QVERIFY(std::none_of(left.cbegin(), left.cend(), [](const Flag &flag) { return flag.key == QLatin1String("streaming-answers"); }));
        // A second archive finds nothing.
        ServerReply *again = server->archiveFlag(QStringLiteral("production"), QStringLiteral("streaming-answers"), {});
        QVERIFY(waitFor(again));
        QCOMPARE(again->error().kind, ServerError::Kind::NotFound);
        // History says who archived it and why.
        ServerReply *history = server->fetchAuditSince({});
        QVERIFY(waitFor(history));
        const AuditEntry last = history->auditEntries().constLast();
        QCOMPARE(last.action, QStringLiteral("archive"));
        QCOMPARE(last.flagKey, QStringLiteral("streaming-answers"));
        QCOMPARE(last.comment, QStringLiteral("code removed"));
    }
    // Gone after a restart too.
    auto server = std::make_unique<SandboxServer>(config(), databasePath());
    server->setLatency(0, 0);
    QSignalSpy replaced(server.get(), &FlagServer::flagsReplaced);
    server->connectToServer();
    QTRY_COMPARE(replaced.size(), 2);
    for (const QList<QVariant> &signal : std::as_const(replaced)) {
        const QList<Flag> flags = signal.at(1).value<QList<Flag>>();
        const bool has = std::any_of(flags.cbegin(), flags.cend(), [](const Flag &flag) { return flag.key == QLatin1String("streaming-answers"); });
        QCOMPARE(has, signal.at(0).toString() == QLatin1String("staging"));
    }
}

void tst_SandboxServer::answersAfterConfiguredLatency()
{
    auto server = connectedServer();
    server->setLatency(120, 120);
    QElapsedTimer timer;
    timer.start();
    ServerReply *reply = server->setEnabled(QStringLiteral("production"), QStringLiteral("answer-reranker"), false, {});
    QVERIFY(waitFor(reply));
    QVERIFY2(timer.elapsed() >= 115, qPrintable(QString::number(timer.elapsed())));
}

void tst_SandboxServer::injectedFailure()
{
    auto server = connectedServer();
    server->failNextMutations(1, {ServerError::Kind::Forbidden, QStringLiteral("HTTP 403")});
    QSignalSpy changed(server.get(), &FlagServer::flagChanged);
    ServerReply *first = server->setEnabled(QStringLiteral("production"), QStringLiteral("answer-reranker"), false, {});
    QVERIFY(waitFor(first));
    QVERIFY(first->failed());
    QCOMPARE(first->error().kind, ServerError::Kind::Forbidden);
    QVERIFY(first->error().sentence().contains(QStringLiteral("permission")));
    QCOMPARE(changed.size(), 0);
    ServerReply *second = server->setEnabled(QStringLiteral("production"), QStringLiteral("answer-reranker"), false, {});
    QVERIFY(waitFor(second));
    QVERIFY2(!second->failed(), qPrintable(second->error().sentence()));
}

void tst_SandboxServer::unresponsiveNeverAnswers()
{
    auto server = connectedServer();
    server->setUnresponsive(true);
    ServerReply *reply = server->setEnabled(QStringLiteral("production"), QStringLiteral("answer-reranker"), false, {});
    QSignalSpy finished(reply, &ServerReply::finished);
    QVERIFY(!finished.wait(300));
    QVERIFY(!reply->isFinished());
}

void tst_SandboxServer::unknownFlagIsNotFound()
{
    auto server = connectedServer();
    ServerReply *reply = server->setEnabled(QStringLiteral("production"), QStringLiteral("no-such-flag"), false, {});
    QVERIFY(waitFor(reply));
    QVERIFY(reply->failed());
    QCOMPARE(reply->error().kind, ServerError::Kind::NotFound);
}

void tst_SandboxServer::staleRevisionIsAConflict()
{
    auto server = connectedServer();
    const Rollout rollout({{QStringLiteral("baseline_profile"), 5000}, {QStringLiteral("citation_first_v2"), 5000}});
    ServerReply *reply = server->setRollout(QStringLiteral("production"), QStringLiteral("support-assistant-route"), rollout,
                                            QStringLiteral("stale-revision"), {});
    QVERIFY(waitFor(reply));
    QVERIFY(reply->failed());
    QCOMPARE(reply->error().kind, ServerError::Kind::Conflict);
}

void tst_SandboxServer::invalidRolloutIsRefused()
{
    auto server = connectedServer();
    QSignalSpy changed(server.get(), &FlagServer::flagChanged);
    ServerReply *read = server->setEnabled(QStringLiteral("production"), QStringLiteral("support-assistant-route"), true, {});
    QVERIFY(waitFor(read));
    const QString revision = read->flag().revision;
    ServerReply *reply = server->setRollout(QStringLiteral("production"), QStringLiteral("support-assistant-route"),
                                            Rollout({{QStringLiteral("ghost"), 10000}}), revision, {});
    QVERIFY(waitFor(reply));
    QVERIFY(reply->failed());
    QCOMPARE(reply->error().kind, ServerError::Kind::Protocol);
    QCOMPARE(changed.size(), 0);
}

void tst_SandboxServer::historyPagesFromCursor()
{
    auto server = connectedServer();
    ServerReply *all = server->fetchAuditSince(QString());
    QVERIFY(waitFor(all));
    QVERIFY(!all->failed());
    QVERIFY(all->auditEntries().size() >= 24); // one creation per seeded flag and environment
    const QString cursor = all->nextCursor();

    ServerReply *kill = server->setEnabled(QStringLiteral("staging"), QStringLiteral("chat-model-route"), false,
                                           QStringLiteral("latency spike"));
    QVERIFY(waitFor(kill));
    ServerReply *since = server->fetchAuditSince(cursor);
    QVERIFY(waitFor(since));
    QCOMPARE(since->auditEntries().size(), 1);
    const AuditEntry &entry = since->auditEntries().first();
    QCOMPARE(entry.server, QStringLiteral("sandbox-test"));
    QCOMPARE(entry.action, QStringLiteral("kill"));
    QCOMPARE(entry.flagKey, QStringLiteral("chat-model-route"));
    QCOMPARE(entry.comment, QStringLiteral("latency spike"));
    QCOMPARE(entry.before.value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(entry.after.value(QStringLiteral("enabled")).toBool(), false);

    ServerReply *bad = server->fetchAuditSince(QStringLiteral("not-a-cursor"));
    QVERIFY(waitFor(bad));
    QVERIFY(bad->failed());
    QCOMPARE(bad->error().kind, ServerError::Kind::Protocol);
}

void tst_SandboxServer::refusesWhenDisconnected()
{
    auto server = connectedServer();
    server->disconnectFromServer();
    QCOMPARE(server->state(), ConnectionState::Disconnected);
    ServerReply *reply = server->setEnabled(QStringLiteral("production"), QStringLiteral("answer-reranker"), false, {});
    QVERIFY(waitFor(reply));
    QVERIFY(reply->failed());
    QCOMPARE(reply->error().kind, ServerError::Kind::Network);
}

QTEST_GUILESS_MAIN(tst_SandboxServer)
#include "tst_sandboxserver.moc"
