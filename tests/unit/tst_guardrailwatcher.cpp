#include "control/guardrailwatcher.h"
#include "control/killswitch.h"
#include "metrics/trafficsimulator.h"
#include "sandboxrig.h"
#include "store/contractlibrary.h"
#include "store/guardrailsettings.h"
#include "testaudit.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHashSeed>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <functional>
#include <memory>

// The guardrail watcher against a real sandbox server, its contracts and its simulated traffic on
// a clock the test moves: which flags are judged, what a regression does with and without
// auto_kill, and guardrails set in the console for a flag whose contract has none.
class tst_GuardrailWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void watchedFlagsGetAVerdict_data();
    void watchedFlagsGetAVerdict();
    void aRegressionIsActedOnAsTheContractSays_data();
    void aRegressionIsActedOnAsTheContractSays();
    void consoleGuardrailsWatchAFlagWhoseContractHasNone();
    void contractGuardrailsComeBeforeConsoleOnes();
    void aConnectionIsWatchedOnlyWithASource();

private:
    FlagRef production(const QString &key, const QString &connection = QStringLiteral("sandbox")) const
    {
        return {connection, QStringLiteral("production"), key};
    }
    // Moves the traffic's clock a second at a time until done, for at most maxSeconds.
    bool runTraffic(const std::function<bool()> &done, int maxSeconds = 300);
    void runTraffic(int seconds);
    QList<AuditEntry> auditOf(const FlagRef &ref) const;

    std::unique_ptr<SandboxRig> m_rig;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KillSwitch> m_killSwitch;
    std::unique_ptr<ContractLibrary> m_contracts;
    std::unique_ptr<GuardrailWatcher> m_watcher;
    qint64 m_now = 0;
};

void tst_GuardrailWatcher::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_GuardrailWatcher::init()
{
    m_rig = std::make_unique<SandboxRig>();
    m_settings = std::make_unique<QSettings>(m_rig->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    // "lab" stands for a team's own server: no built-in contracts, no simulated traffic.
    const auto isSandbox = [](const QString &id) { return id == QLatin1String("sandbox"); };
    m_killSwitch = std::make_unique<KillSwitch>(m_rig->store(), m_rig->audit(), m_rig->servers());
    m_killSwitch->setActor(QStringLiteral("oncall-alice"));
    m_contracts = std::make_unique<ContractLibrary>();
    m_watcher = std::make_unique<GuardrailWatcher>(m_rig->store(), m_contracts.get(), m_killSwitch.get(), isSandbox, *m_settings);
    m_now = QDateTime::currentMSecsSinceEpoch();
    m_watcher->simulator()->setClock([this] { return m_now; });
    // As the console controller wires them.
    connect(m_contracts.get(), &ContractLibrary::changed, m_watcher.get(), [this] { m_watcher->scheduleRefresh(); });
    connect(m_rig->store(), &FlagStore::flagReported, m_watcher.get(), [this] { m_watcher->scheduleRefresh(); });
    connect(m_rig->store(), &FlagStore::environmentReported, m_watcher.get(), [this] { m_watcher->scheduleRefresh(); });
    m_rig->addServer(QStringLiteral("sandbox"), QStringLiteral("Sandbox"));
    m_rig->addServer(QStringLiteral("lab"), QStringLiteral("Lab"));
    m_watcher->start();
    const FlagRef route = production(QStringLiteral("chat-model-route"));
    QTRY_VERIFY(m_rig->store()->find(route)
                && m_rig->store()->find(production(QStringLiteral("chat-model-route"), QStringLiteral("lab"))));
    QTRY_VERIFY(m_watcher->monitor()->isWatched(route) && m_rig->store()->find(route)->health.has_value());
}

void tst_GuardrailWatcher::cleanup()
{
    m_watcher.reset();
    m_contracts.reset();
    m_killSwitch.reset();
    m_settings.reset();
    m_rig.reset();
}

bool tst_GuardrailWatcher::runTraffic(const std::function<bool()> &done, int maxSeconds)
{
    for (int second = 0; second < maxSeconds && !done(); ++second)
        runTraffic(1);
    return done();
}

void tst_GuardrailWatcher::runTraffic(int seconds)
{
    for (int second = 0; second < seconds; ++second) {
        m_now += 1000;
        m_watcher->simulator()->tick();
    }
}

QList<AuditEntry> tst_GuardrailWatcher::auditOf(const FlagRef &ref) const
{
    QList<AuditEntry> entries = TestAudit::written(*m_rig->audit());
    entries.removeIf([&](const AuditEntry &entry) {
        return entry.server != ref.connectionId || entry.environment != ref.environment || entry.flagKey != ref.key;
    });
    std::reverse(entries.begin(), entries.end()); // oldest first
    return entries;
}

void tst_GuardrailWatcher::watchedFlagsGetAVerdict_data()
{
    QTest::addColumn<QString>("connection");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("watched");
    QTest::addColumn<bool>("judged");
    QTest::addColumn<QString>("summary");

    const QString sandbox = QStringLiteral("sandbox");
    const QString production = QStringLiteral("production");
    QTest::newRow("candidate served") << sandbox << production << QStringLiteral("chat-model-route") << true << true << QString();
    QTest::newRow("staging") << sandbox << QStringLiteral("staging") << QStringLiteral("support-assistant-route") << true
                             << true << QString();
    QTest::newRow("only the control served") << sandbox << production << QStringLiteral("kb-retrieval-profile") << true
                                             << false << QStringLiteral("only bm25 top5 is served: nothing to compare");
    QTest::newRow("off") << sandbox << production << QStringLiteral("deploy-agent-tool-tier") << true << false
                         << QStringLiteral("is served: nothing to compare");
    QTest::newRow("no contract, no source") << QStringLiteral("lab") << production << QStringLiteral("chat-model-route")
                                            << false << false << QString();
}

void tst_GuardrailWatcher::watchedFlagsGetAVerdict()
{
    QFETCH(QString, connection);
    QFETCH(QString, environment);
    QFETCH(QString, key);
    QFETCH(bool, watched);
    QFETCH(bool, judged);
    QFETCH(QString, summary);
    const FlagRef flag{connection, environment, key};
    const FlagStore::Entry *row = m_rig->store()->find(flag);
    QVERIFY(row);
    QCOMPARE(m_watcher->monitor()->isWatched(flag), watched);
    QCOMPARE(m_watcher->hasContractGuardrails(flag), connection == QLatin1String("sandbox"));
    QCOMPARE(row->health.has_value(), judged);
    QCOMPARE(m_rig->model()->indexOf(flag).data(FlagTableModel::HealthRole).toInt(), judged ? int(*row->health) : -1);
    if (judged) {
        // Judged from the clean history the simulator backfills: enough data, and no regression.
        QVERIFY2(*row->health != GuardrailVerdict::NoData && *row->health != GuardrailVerdict::NotEnoughData
                     && *row->health != GuardrailVerdict::Regressed,
                 qPrintable(row->healthSummary));
        QVERIFY(!row->healthSummary.isEmpty());
        QCOMPARE(m_watcher->monitor()->watch(flag)->controlId, m_rig->store()->find(flag)->flag.offVariationId);
    }
    if (summary.isEmpty() && !watched)
        QVERIFY(row->healthSummary.isEmpty());
    else
        QVERIFY2(row->healthSummary.contains(summary), qPrintable(row->healthSummary));

    // More traffic changes none of that: an unwatched flag stays without a verdict.
    runTraffic(30);
    QCOMPARE(m_watcher->monitor()->isWatched(flag), watched);
    QCOMPARE(m_rig->store()->find(flag)->health.has_value(), judged);
}

void tst_GuardrailWatcher::aRegressionIsActedOnAsTheContractSays_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("variation");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("factor");
    QTest::addColumn<bool>("killing");
    QTest::addColumn<QString>("messageContains");
    QTest::addColumn<bool>("mixed");

    // chat-model-route's contract sets auto_kill; support-assistant-route's does not.
    QTest::newRow("auto_kill") << QStringLiteral("chat-model-route") << QStringLiteral("distilled_small")
                               << QStringLiteral("p95_latency") << 1.5 << true
                               << QStringLiteral("Its contract sets auto_kill: FlagDeck is killing the flag") << false;
    QTest::newRow("a person decides") << QStringLiteral("support-assistant-route") << QStringLiteral("citation_first_v2")
                                      << QStringLiteral("no_answer_rate") << 2.0 << false
                                      << QStringLiteral("\"route_new_sessions_to_baseline_profile\"") << false;
    // Data that mixes every environment may be another environment's regression.
    QTest::newRow("auto_kill, but the data mixes environments")
        << QStringLiteral("chat-model-route") << QStringLiteral("distilled_small") << QStringLiteral("p95_latency") << 1.5
        << false << QStringLiteral("these values mix every environment, so FlagDeck does not kill it by itself") << true;
}

void tst_GuardrailWatcher::aRegressionIsActedOnAsTheContractSays()
{
    QFETCH(QString, key);
    QFETCH(QString, variation);
    QFETCH(QString, metric);
    QFETCH(double, factor);
    QFETCH(bool, killing);
    QFETCH(QString, messageContains);
    QFETCH(bool, mixed);
    const FlagRef flag = production(key);
    if (mixed) {
        // The traffic as a source that cannot tell environments apart delivers it.
        GuardrailMonitor *monitor = m_watcher->monitor();
        disconnect(m_watcher->simulator(), &MetricSource::samplesArrived, monitor, &GuardrailMonitor::addSamples);
        connect(m_watcher->simulator(), &MetricSource::samplesArrived, monitor, [monitor](QList<MetricBatch> batches) {
            for (MetricBatch &batch : batches)
                batch.mixedEnvironments = true;
            monitor->addSamples(batches);
        });
    }
    QVERIFY(m_rig->store()->find(flag)->health.has_value());
    QVERIFY(*m_rig->store()->find(flag)->health != GuardrailVerdict::Regressed);
    QSignalSpy regressions(m_watcher.get(), &GuardrailWatcher::regressionDetected);

    // As --sandbox-regression does: from now on the candidate's traffic is worse.
    const Result<InjectedRegression> injected =
        InjectedRegression::parse(QStringLiteral("%1:%2:%3:%4").arg(key, variation, metric).arg(factor));
    QVERIFY2(injected, qPrintable(injected.error()));
    m_watcher->simulator()->addRegression(injected.value());
    const auto told = [&]() -> const QList<QVariant> * {
        for (const QList<QVariant> &signal : std::as_const(regressions)) {
            if (signal.at(0).value<FlagRef>() == flag)
                return &signal;
        }
        return nullptr;
    };
    QVERIFY2(runTraffic([&] { return told() != nullptr; }), "no regression within 300 simulated seconds");
    const QList<QVariant> signal = *told();
    QCOMPARE(signal.at(1).toString(), QStringLiteral("Guardrail regression: %1 in production on Sandbox").arg(key));
    const QString message = signal.at(2).toString();
    QVERIFY2(message.startsWith((mixed ? mixedEnvironmentsText() + QStringLiteral(": ") : QString()) + metric + QLatin1Char(':')),
             qPrintable(message));
    QVERIFY2(message.contains(messageContains), qPrintable(message));
    QCOMPARE(signal.at(3).toBool(), killing);
    QCOMPARE(m_rig->store()->find(flag)->health, std::optional<GuardrailVerdict>(GuardrailVerdict::Regressed));
    QCOMPARE(m_rig->model()->indexOf(flag).data(FlagTableModel::HealthRole).toInt(), int(GuardrailVerdict::Regressed));

    if (!killing) {
        // Nothing was sent: the kill switch would have started at once.
        QCOMPARE(m_killSwitch->pendingCount(), 0);
        QCOMPARE(m_rig->store()->find(flag)->operation, FlagStore::Operation::None);
        runTraffic(30);
        QTest::qWait(0);
        QVERIFY(m_rig->store()->find(flag)->flag.enabled);
        QVERIFY(auditOf(flag).isEmpty());
        return;
    }

    // The monitor kills through the kill switch, confirmed by the server like any kill.
    QCOMPARE(m_rig->store()->find(flag)->operation, FlagStore::Operation::KillPending);
    QTRY_VERIFY(!m_rig->store()->find(flag)->flag.enabled);
    QCOMPARE(m_rig->store()->find(flag)->operation, FlagStore::Operation::None);
    // Marked as the monitor's, with its evidence, wherever the row shows; the verdict stays.
    const std::optional<FlagStore::KillMark> kill = m_rig->store()->find(flag)->kill;
    QVERIFY(kill && kill->isAutomatic());
    QCOMPARE(kill->by, GuardrailWatcher::MonitorActor);
    QVERIFY2(kill->reason.contains(metric + QLatin1Char(':')), qPrintable(kill->reason));
    QVERIFY(m_rig->model()->indexOf(flag, FlagTableModel::StateColumn).data().toString().startsWith(
        QStringLiteral("KILLED by the monitor at ")));
    QVERIFY(m_rig->model()->indexOf(flag).data(FlagTableModel::NeedsAttentionRole).toBool());
    // Once: more traffic of an off flag kills nothing again.
    runTraffic(30);
    QCOMPARE(m_rig->store()->find(flag)->health, std::optional<GuardrailVerdict>(GuardrailVerdict::Regressed));
    QVERIFY2(m_rig->store()->find(flag)->healthSummary.contains(QStringLiteral("before the kill at")),
             qPrintable(m_rig->store()->find(flag)->healthSummary));
    QTest::qWait(0);
    const QList<AuditEntry> audit = auditOf(flag);
    QCOMPARE(audit.size(), 2);
    const AuditEntry &requested = audit.first();
    QCOMPARE(requested.action, QStringLiteral("kill"));
    QCOMPARE(requested.outcome, QStringLiteral("requested"));
    QCOMPARE(requested.actor, GuardrailWatcher::MonitorActor);
    QCOMPARE(requested.actorKind, ActorKind::System);
    QVERIFY2(requested.comment.startsWith(QStringLiteral("auto_kill by the guardrail monitor: %1:").arg(metric)),
             qPrintable(requested.comment));
    QVERIFY2(requested.comment.contains(QStringLiteral("distilled small")), qPrintable(requested.comment));
    QVERIFY2(requested.comment.contains(QStringLiteral("statistics since ")), qPrintable(requested.comment));
    QCOMPARE(audit.last().outcome, QStringLiteral("confirmed"));
    QCOMPARE(audit.last().actor, GuardrailWatcher::MonitorActor);
    QCOMPARE(audit.last().actorKind, ActorKind::System);
    // The evidence in the audit is the reason the regression signal gave.
    const QString reason = message.left(message.indexOf(QStringLiteral(". Its contract sets auto_kill")));
    QVERIFY(!reason.isEmpty());
    QVERIFY2(requested.comment.startsWith(QStringLiteral("auto_kill by the guardrail monitor: %1; statistics since ").arg(reason)),
             qPrintable(requested.comment));
}

void tst_GuardrailWatcher::consoleGuardrailsWatchAFlagWhoseContractHasNone()
{
    // The team's contract for summarizer-model-route, without its guardrails.
    QFile original(QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts/summarizer-model-route.yaml"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(original.readAll()).split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(QStringLiteral("guardrails:"));
    QVERIFY(start > 0);
    while (start + 1 < lines.size() && lines[start + 1].startsWith(QLatin1Char(' ')))
        lines.removeAt(start + 1);
    lines.removeAt(start);
    const QString team = m_rig->filePath(QStringLiteral("contracts"));
    QVERIFY(QDir().mkpath(team));
    QFile contract(QDir(team).filePath(QStringLiteral("summarizer-model-route.yaml")));
    QVERIFY(contract.open(QIODevice::WriteOnly));
    contract.write(lines.join(QLatin1Char('\n')).toUtf8());
    contract.close();
    m_contracts->setFolder(team);
    QVERIFY(!m_contracts->teamContracts().hasErrors());

    const FlagRef flag = production(QStringLiteral("summarizer-model-route"));
    QVERIFY(!m_watcher->hasContractGuardrails(flag));
    QTRY_VERIFY(!m_watcher->monitor()->isWatched(flag));
    QVERIFY(!m_rig->store()->find(flag)->health.has_value());
    QCOMPARE(m_rig->model()->indexOf(flag).data(FlagTableModel::HealthRole).toInt(), -1);

    ContractGuardrail guardrail;
    guardrail.metric = QStringLiteral("summary_rejection_rate");
    guardrail.threshold = 0.05;
    m_watcher->setConsoleGuardrails(flag, {guardrail});
    QCOMPARE(GuardrailSettings(*m_settings).load(flag).size(), 1); // kept in the settings
    QTRY_VERIFY(m_watcher->monitor()->isWatched(flag));
    QTRY_VERIFY(m_rig->store()->find(flag)->health.has_value());
    QCOMPARE(m_watcher->monitor()->watch(flag)->guardrails.size(), 1);
    QCOMPARE(m_watcher->monitor()->watch(flag)->guardrails.first().metric, guardrail.metric);
    QCOMPARE(m_watcher->monitor()->watch(flag)->controlId, QStringLiteral("frontier_large")); // the contract's default

    // Its regression is told; the contract does not set auto_kill, so a person decides.
    QSignalSpy regressions(m_watcher.get(), &GuardrailWatcher::regressionDetected);
    m_watcher->simulator()->addRegression({flag.key, QStringLiteral("distilled_small"), guardrail.metric, 3.0});
    QVERIFY(runTraffic([&] {
        return std::any_of(regressions.cbegin(), regressions.cend(),
                           [&](const QList<QVariant> &signal) { return signal.at(0).value<FlagRef>() == flag; });
    }));
    const auto signal = std::find_if(regressions.cbegin(), regressions.cend(),
                                     [&](const QList<QVariant> &each) { return each.at(0).value<FlagRef>() == flag; });
    QVERIFY2(signal->at(2).toString().startsWith(guardrail.metric), qPrintable(signal->at(2).toString()));
    QVERIFY(!signal->at(3).toBool());
    QCOMPARE(m_killSwitch->pendingCount(), 0);
    QVERIFY(m_rig->store()->find(flag)->flag.enabled);

    // Forgetting them stops the watch.
    m_watcher->setConsoleGuardrails(flag, {});
    QVERIFY(m_watcher->consoleGuardrails(flag).isEmpty());
    QTRY_VERIFY(!m_watcher->monitor()->isWatched(flag));
    QVERIFY(!m_rig->store()->find(flag)->health.has_value());
}

void tst_GuardrailWatcher::contractGuardrailsComeBeforeConsoleOnes()
{
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    ContractGuardrail guardrail;
    guardrail.metric = QStringLiteral("made_up_rate");
    m_watcher->setConsoleGuardrails(flag, {guardrail});
    QCOMPARE(m_watcher->consoleGuardrails(flag).size(), 1);
    m_watcher->refresh();
    QVERIFY(m_watcher->hasContractGuardrails(flag));
    const GuardrailWatch *watch = m_watcher->monitor()->watch(flag);
    QVERIFY(watch);
    QStringList metrics;
    for (const ContractGuardrail &each : watch->guardrails)
        metrics.append(each.metric);
    QCOMPARE(metrics, (QStringList{QStringLiteral("p95_latency"), QStringLiteral("cost_per_request"),
                                   QStringLiteral("answer_quality_score")}));
    QCOMPARE(watch->expected, m_rig->store()->find(flag)->flag.servedRollout());
    QCOMPARE(watch->windowStartMs, m_rig->store()->find(flag)->flag.updatedAtMs);
}

void tst_GuardrailWatcher::aConnectionIsWatchedOnlyWithASource()
{
    // A team's server: guardrails set in the console, but no metric source yet.
    const FlagRef flag = production(QStringLiteral("chat-model-route"), QStringLiteral("lab"));
    ContractGuardrail guardrail;
    guardrail.metric = QStringLiteral("p95_latency");
    guardrail.threshold = 1200;
    m_watcher->setConsoleGuardrails(flag, {guardrail});
    m_watcher->refresh();
    QVERIFY(!m_watcher->monitor()->isWatched(flag));
    QVERIFY(!m_rig->store()->find(flag)->health.has_value());

    TrafficSimulator source;
    source.setClock([this] { return m_now; });
    m_watcher->setConnectionSource(flag.connectionId, &source);
    QTRY_VERIFY(m_watcher->monitor()->isWatched(flag));
    QTRY_VERIFY(m_rig->store()->find(flag)->health.has_value());
    QVERIFY(*m_rig->store()->find(flag)->health != GuardrailVerdict::Regressed);
    // Without a contract the control is the flag's off variation.
    QCOMPARE(m_watcher->monitor()->watch(flag)->controlId, m_rig->store()->find(flag)->flag.offVariationId);

    m_watcher->setConnectionSource(flag.connectionId, nullptr);
    QTRY_VERIFY(!m_watcher->monitor()->isWatched(flag));
    QVERIFY(!m_rig->store()->find(flag)->health.has_value());
}

int main(int argc, char *argv[])
{
    // The simulated traffic comes from one seeded generator, drawn flag after flag in the order of
    // the simulator's hash table: a fixed hash seed gives every flag the same traffic on every run.
    QHashSeed::setDeterministicGlobalSeed();
    QCoreApplication app(argc, argv);
    tst_GuardrailWatcher test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guardrailwatcher.moc"
