#include "control/killswitch.h"
#include "control/stageactions.h"
#include "projectwidesandbox.h"
#include "sandboxrig.h"
#include "store/contractlibrary.h"
#include "testaudit.h"
#include "testresult.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

// Stage actions against a real sandbox server: what a stale preview, a fallback and a team's own
// contracts folder do.
class tst_StageActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void flagChangedSincePreviewIsRefused();
    void serveFallbackIsConfirmed();
    void offPlanCannotAdvanceButRollsBackToAStage();
    void withoutContractItIsAnUnownedControl();
    void teamFolderOverridesAndReloads();
    void anArchiveWaitsForEveryEnvironmentItReaches();

private:
    std::unique_ptr<SandboxRig> m_rig;
    SandboxServer *m_server = nullptr; // the rig's
    std::unique_ptr<ContractLibrary> m_contracts;
    std::unique_ptr<StageActions> m_stages;
    bool m_sandboxContracts = true;
};

namespace {
const FlagRef Route{QStringLiteral("s1"), QStringLiteral("production"), QStringLiteral("support-assistant-route")};
} // namespace

void tst_StageActions::init()
{
    m_rig = std::make_unique<SandboxRig>();
    m_contracts = std::make_unique<ContractLibrary>();
    m_sandboxContracts = true;
    m_stages = std::make_unique<StageActions>(m_rig->store(), m_contracts.get(), m_rig->audit(), m_rig->servers(),
                                              [this](const QString &) { return m_sandboxContracts; });
    m_stages->setAuditPath(m_rig->audit()->path());
    // As the console controller wires them.
    connect(m_rig->store(), &FlagStore::flagReported, m_stages.get(),
            [this](const FlagRef &ref) { m_stages->refreshStages({ref}); });
    connect(m_rig->store(), &FlagStore::environmentReported, m_stages.get(), [this] { m_stages->refreshStages(); });
    connect(m_contracts.get(), &ContractLibrary::changed, m_stages.get(), [this] { m_stages->refreshStages(); });
    m_server = m_rig->addServer(Route.connectionId, QStringLiteral("Sandbox"));
    QTRY_VERIFY(m_rig->model()->row(Route));
}

void tst_StageActions::cleanup()
{
    m_stages.reset();
    m_contracts.reset();
    m_server = nullptr;
    m_rig.reset();
}

void tst_StageActions::flagChangedSincePreviewIsRefused()
{
    const Result<StagePreview> preview = m_stages->preview(Route, FlagAction::AdvanceStage);
    QVERIFY2(preview, qPrintable(preview.error()));
    // Someone else widens the flag on the server after the person looked.
    Flag changed = m_rig->model()->row(Route)->flag;
    changed.rollout = Rollout({{QStringLiteral("baseline_profile"), 7000}, {QStringLiteral("citation_first_v2"), 3000}});
    VERIFY_OK(m_server->changeFlagExternally(Route.environment, changed, QStringLiteral("bob")));
    QTRY_COMPARE(m_rig->model()->row(Route)->flag.rollout.basisPointsOf(QStringLiteral("citation_first_v2")), 3000);

    QSignalSpy failed(m_stages.get(), &StageActions::failed);
    QVERIFY(m_stages->apply(preview.value(), QString()));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(m_rig->model()->row(Route)->operation, FlagTableModel::Operation::ChangeFailed);
    QCOMPARE(m_rig->model()->row(Route)->flag.rollout.basisPointsOf(QStringLiteral("citation_first_v2")), 3000); // untouched
    const QList<AuditEntry> audit = TestAudit::written(*m_rig->audit());
    QCOMPARE(audit.first().outcome, QStringLiteral("failed"));
    QCOMPARE(audit.first().action, QStringLiteral("advance_stage"));
}

void tst_StageActions::serveFallbackIsConfirmed()
{
    const Result<StagePreview> preview = m_stages->preview(Route, FlagAction::ServeFallback);
    QVERIFY2(preview, qPrintable(preview.error()));
    QCOMPARE(preview->targetStage, QStringLiteral("fallback"));
    QCOMPARE(preview->changes, (QStringList{QStringLiteral("rollout of baseline profile 95% → 100%"),
                                            QStringLiteral("rollout of citation first v2 5% → 0%")}));
    QSignalSpy confirmed(m_stages.get(), &StageActions::confirmed);
    QVERIFY(m_stages->apply(preview.value(), QStringLiteral("citations failing")));
    QTRY_COMPARE(confirmed.size(), 1);
    // This contract's fallback is its default: serving it is where the rollout started.
    QCOMPARE(m_rig->model()->row(Route)->stage, QStringLiteral("not started"));
    QCOMPARE(m_rig->model()->row(Route)->flag.rollout.basisPointsOf(QStringLiteral("baseline_profile")), 10000);
    QVERIFY(!m_stages->preview(Route, FlagAction::ServeFallback)); // already there
    const AuditEntry last = TestAudit::written(*m_rig->audit()).first();
    QCOMPARE(last.outcome, QStringLiteral("confirmed"));
    QCOMPARE(last.after.value(QStringLiteral("stage")).toString(), QStringLiteral("fallback"));
}

void tst_StageActions::offPlanCannotAdvanceButRollsBackToAStage()
{
    Flag changed = m_rig->model()->row(Route)->flag;
    changed.rollout = Rollout({{QStringLiteral("baseline_profile"), 8800}, {QStringLiteral("citation_first_v2"), 1200}});
    VERIFY_OK(m_server->changeFlagExternally(Route.environment, changed, QStringLiteral("bob")));
    QTRY_COMPARE(m_rig->model()->row(Route)->stage, QStringLiteral("off plan"));
    const Result<StagePreview> advance = m_stages->preview(Route, FlagAction::AdvanceStage);
    QVERIFY(!advance);
    QVERIFY(advance.error().contains(QStringLiteral("matches no stage")));
    const Result<StagePreview> rollback = m_stages->preview(Route, FlagAction::RollbackStage);
    QVERIFY(rollback);
    QCOMPARE(rollback->targetStage, QStringLiteral("5_percent_eligible_traffic"));
}

void tst_StageActions::withoutContractItIsAnUnownedControl()
{
    m_sandboxContracts = false; // as for a FeatBit or Unleash connection with no team folder
    m_stages->refreshStages();
    QCOMPARE(m_rig->model()->row(Route)->stage, QStringLiteral("unowned control"));
    QCOMPARE(m_rig->model()->row(Route)->readinessFailures, -1);
    QVERIFY(!m_stages->snapshot(Route).plan);
    QVERIFY(!m_stages->preview(Route, FlagAction::AdvanceStage));
}

void tst_StageActions::teamFolderOverridesAndReloads()
{
    m_sandboxContracts = false;
    const QString folder = m_rig->filePath(QStringLiteral("contracts"));
    QVERIFY(QDir().mkpath(folder));
    QSignalSpy changed(m_contracts.get(), &ContractLibrary::changed);
    m_contracts->setFolder(folder);
    QCOMPARE(m_rig->model()->row(Route)->stage, QStringLiteral("unowned control"));

    QFile file(QDir(folder).filePath(QStringLiteral("route.yaml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("flag_key: support-assistant-route\ndefault: baseline_profile\nstages:\n"
               "  - name: pilot\n    exposure: {citation_first_v2: 5%}\n");
    file.close();
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 2, 5000); // picked up by watching the folder
    QCOMPARE(m_rig->model()->row(Route)->stage, QStringLiteral("pilot (1 of 1)"));

    // A file edited into a broken state is reported and stops applying, without touching the rest;
    // the flag says its contract is unreadable, and where, rather than that it has none.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("flag_key: support-assistant-route\nstages: [\n");
    file.close();
    const int seen = int(changed.size());
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() > seen, 5000);
    QVERIFY(m_contracts->teamContracts().hasErrors());
    QCOMPARE(m_rig->model()->row(Route)->stage, QStringLiteral("contract unreadable"));
    const StageSnapshot snapshot = m_stages->snapshot(Route);
    QVERIFY(!snapshot.plan);
    QVERIFY(snapshot.contractError);
    QCOMPARE(snapshot.contractError->file, file.fileName());
}

// A kill still waiting in staging holds back an archive asked in production when the server
// archives the flag in both: the kill would be lost with the flag.
void tst_StageActions::anArchiveWaitsForEveryEnvironmentItReaches()
{
    ProjectWideSandbox *server = m_rig->addServer<ProjectWideSandbox>(QStringLiteral("s2"), QStringLiteral("Project"));
    const FlagRef production{QStringLiteral("s2"), QStringLiteral("production"), Route.key};
    const FlagRef staging{QStringLiteral("s2"), QStringLiteral("staging"), Route.key};
    QTRY_VERIFY(m_rig->model()->row(production) && m_rig->model()->row(staging));
    QCOMPARE(m_stages->archiveReach(production), (QList<FlagRef>{production, staging}));
    QCOMPARE(m_stages->archiveReach(Route), QList<FlagRef>{Route}); // the plain sandbox: one environment
    QCOMPARE(m_stages->archiveProblem(production), QString());

    server->setLatency(1500, 1500);
    KillSwitch kills(m_rig->store(), m_rig->audit(), m_rig->servers());
    kills.kill({staging});
    QCOMPARE(m_stages->archiveProblem(production),
             QStringLiteral("a change of support-assistant-route in staging is still waiting for the server"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_rig->model()->row(staging)->flag.enabled, 5000);
    QTRY_COMPARE(m_stages->archiveProblem(production), QString());
}

QTEST_GUILESS_MAIN(tst_StageActions)
#include "tst_stageactions.moc"
