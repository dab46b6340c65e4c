#include "control/killswitch.h"
#include "control/proposalreview.h"
#include "control/stageactions.h"
#include "core/flagjson.h"
#include "core/localaccount.h"
#include "sandboxhistory.h"
#include "projectwidesandbox.h"
#include "sandboxrig.h"
#include "control/revertdesk.h"
#include "store/approvalsettings.h"
#include "store/contractlibrary.h"
#include "store/proposalinbox.h"
#include "testaudit.h"
#include "testresult.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

// The console's side of the approval queue against a real sandbox server, a real SQLite inbox and
// a real audit cache: what a reviewer sees, what the policy refuses, and that an approved action
// runs once, through the confirmed-by-the-server path, with its outcome told to its own proposal.
class tst_ProposalReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void proposalsFromTheInboxAppear();
    void sheetShowsTheExactDiff_data();
    void sheetShowsTheExactDiff();
    void sheetSaysTheEvidenceInWords();
    void anArchiveSheetNamesEveryEnvironmentItReaches();
    void aMovedRevisionIsStaleAndNeedsReReview();
    void theProposerCannotApproveItsOwnProposal_data();
    void theProposerCannotApproveItsOwnProposal();
    void approvalsRequiredFollowTheRisk_data();
    void approvalsRequiredFollowTheRisk();
    void anExpiredProposalIsRefused_data();
    void anExpiredProposalIsRefused();
    void anApprovedKillRunsOnceAndEndsExecutedWhenConfirmed();
    void aFailedChangeEndsFailedWithTheReason_data();
    void aFailedChangeEndsFailedWithTheReason();
    void aSecondRunDoesNothing();
    void aSecondProposalOnTheSameFlagIsRefusedWhileTheFirstRuns();
    void aConsoleKillDoesNotFinishAProposal();
    void aConsoleKillDuringAProposalsChangeIsNotItsOutcome();
    void aFailedEarlierChangeIsNotAChangeUnderWay();
    void anApprovalDoesNotCarryOverToAChangedFlag();
    void anApprovedRevertPutsTheFlagBackOnce();
    void userChangesNothingOnOneMachine();
    void theSheetSaysWhoseTokenActs_data();
    void theSheetSaysWhoseTokenActs();

private:
    FlagRef production(const QString &key) const { return {QStringLiteral("sandbox"), QStringLiteral("production"), key}; }
    static Proposer agent(const QString &name = QStringLiteral("rollback-agent"))
    {
        return {name, QStringLiteral("claude-code"), QStringLiteral("2.1"), QStringLiteral("claude-sonnet")};
    }
    // A proposal as an agent makes it through flagdeck mcp, against the flag as the console shows it now.
    Proposal proposalFor(const FlagRef &ref, FlagAction action, const QJsonObject &parameters = {},
                         Contract::Risk risk = Contract::Risk::High, const Proposer &proposer = agent()) const;
    Proposal propose(const FlagRef &ref, FlagAction action, const QJsonObject &parameters = {},
                     Contract::Risk risk = Contract::Risk::High, const Proposer &proposer = agent());
    // The audit cache's entries for one flag, oldest first, as "action:outcome".
    QStringList auditTrail(const QString &flagKey) const;
    int serverHistory(const QString &flagKey) const;

    std::unique_ptr<SandboxRig> m_rig;
    std::unique_ptr<QSettings> m_settings;
    SandboxServer *m_server = nullptr; // the rig's
    std::unique_ptr<KillSwitch> m_killSwitch;
    std::unique_ptr<ContractLibrary> m_contracts;
    std::unique_ptr<StageActions> m_stages;
    std::unique_ptr<RevertDesk> m_reverts;
    std::unique_ptr<ProposalInbox> m_inbox;
    std::unique_ptr<ProposalReview> m_review;
};

namespace {
const QString Reviewer = QStringLiteral("oncall-alice");
const QString SecondReviewer = QStringLiteral("oncall-bob");

QJsonObject rolloutParameters(const QList<VariationShare> &shares)
{
    return QJsonObject{{QStringLiteral("rollout"), rolloutToJson(Rollout(shares))}};
}
} // namespace

void tst_ProposalReview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ProposalReview::init()
{
    m_rig = std::make_unique<SandboxRig>();
    m_settings = std::make_unique<QSettings>(m_rig->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    const ConfirmedChanges::ServerLookup servers = m_rig->servers();
    const auto isSandbox = [](const QString &id) { return id == QLatin1String("sandbox"); };
    m_killSwitch = std::make_unique<KillSwitch>(m_rig->store(), m_rig->audit(), servers);
    m_killSwitch->setActor(Reviewer);
    m_contracts = std::make_unique<ContractLibrary>();
    m_stages = std::make_unique<StageActions>(m_rig->store(), m_contracts.get(), m_rig->audit(), servers, isSandbox);
    m_stages->setAuditPath(m_rig->audit()->path());
    m_stages->setActor(Reviewer);
    m_reverts = std::make_unique<RevertDesk>(m_rig->store(), m_rig->audit(), servers);
    VERIFY_OK(m_reverts->openHistory(m_rig->audit()->path()));
    m_reverts->setActor(Reviewer);
    m_inbox = std::make_unique<ProposalInbox>();
    VERIFY_OK(m_inbox->open(m_rig->filePath(QStringLiteral("inbox.sqlite"))));
    m_review = std::make_unique<ProposalReview>(m_inbox.get(), m_rig->store(), m_killSwitch.get(), m_stages.get(),
                                                m_reverts.get(), m_contracts.get(), m_rig->audit(), ApprovalSettings(*m_settings), isSandbox);

    // As the console controller wires them.
    connect(m_rig->store(), &FlagStore::flagReported, m_stages.get(),
            [this](const FlagRef &ref) { m_stages->refreshStages({ref}); });
    connect(m_rig->store(), &FlagStore::environmentReported, m_stages.get(), [this] { m_stages->refreshStages(); });
    const QString id = QStringLiteral("sandbox");
    m_server = m_rig->addServer(id, QStringLiteral("Sandbox"));
    QTRY_VERIFY(m_rig->store()->find(production(QStringLiteral("chat-model-route"))));
    QTRY_VERIFY(m_rig->store()->find({id, QStringLiteral("staging"), QStringLiteral("chat-model-route")}));
    m_review->start();
}

void tst_ProposalReview::cleanup()
{
    m_review.reset();
    m_inbox.reset();
    m_reverts.reset();
    m_stages.reset();
    m_contracts.reset();
    m_killSwitch.reset();
    m_server = nullptr;
    m_settings.reset();
    m_rig.reset();
}

Proposal tst_ProposalReview::proposalFor(const FlagRef &ref, FlagAction action, const QJsonObject &parameters,
                                         Contract::Risk risk, const Proposer &proposer) const
{
    Proposal proposal;
    const FlagStore::Entry *row = m_rig->store()->find(ref);
    if (!row)
        return proposal;
    proposal.proposer = proposer;
    proposal.target = ref;
    proposal.action = action;
    proposal.parameters = parameters;
    proposal.flagRevision = row->flag.revision;
    proposal.flagBefore = flagToJson(row->flag);
    proposal.reason = QStringLiteral("p95 latency 40% above the default");
    proposal.evidence = QJsonObject{{QStringLiteral("links"), QJsonArray{QStringLiteral("https://grafana.example/d/latency")}}};
    proposal.risk = risk;
    return proposal;
}

Proposal tst_ProposalReview::propose(const FlagRef &ref, FlagAction action, const QJsonObject &parameters,
                                     Contract::Risk risk, const Proposer &proposer)
{
    const Result<Proposal> stored = m_inbox->propose(proposalFor(ref, action, parameters, risk, proposer));
    if (!stored)
        qWarning("cannot propose: %s", qPrintable(stored.error()));
    return stored ? stored.value() : Proposal{};
}

QStringList tst_ProposalReview::auditTrail(const QString &flagKey) const
{
    QStringList trail;
    const QList<AuditEntry> entries = TestAudit::written(*m_rig->audit());
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        if (it->flagKey == flagKey)
            trail.append(it->action + QLatin1Char(':') + it->outcome);
    }
    return trail;
}

int tst_ProposalReview::serverHistory(const QString &flagKey) const
{
    return SandboxHistory::count(m_rig->databasePath(QStringLiteral("sandbox")), QStringLiteral("production"), flagKey);
}

void tst_ProposalReview::proposalsFromTheInboxAppear()
{
    // Another process (flagdeck mcp) writes the same inbox file through its own connection.
    ProposalInbox mcp;
    VERIFY_OK(mcp.open(m_rig->filePath(QStringLiteral("inbox.sqlite"))));
    const FlagRef route = production(QStringLiteral("chat-model-route"));
    const Result<Proposal> before = mcp.propose(proposalFor(route, FlagAction::Kill));
    QVERIFY2(before, qPrintable(before.error()));

    // A console that starts now, with its own connection, reads what is waiting; that is no news to pop up.
    ProposalInbox consoleInbox;
    VERIFY_OK(consoleInbox.open(m_rig->filePath(QStringLiteral("inbox.sqlite"))));
    ProposalReview console(&consoleInbox, m_rig->store(), m_killSwitch.get(), m_stages.get(), m_reverts.get(), m_contracts.get(),
                           m_rig->audit(), ApprovalSettings(*m_settings), [](const QString &) { return true; });
    QSignalSpy changed(&console, &ProposalReview::proposalsChanged);
    QSignalSpy arrived(&console, &ProposalReview::proposalArrived);
    QVERIFY(!console.proposal(before->id));
    console.start();
    QVERIFY(console.proposal(before->id));
    QCOMPARE(console.proposal(before->id)->status, ProposalStatus::Pending);
    QCOMPARE(console.proposal(before->id)->target, route);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<QList<Proposal>>().size(), 1);
    QCOMPARE(arrived.size(), 0);

    // One written later by the other process is read when the file changes, and is news.
    const FlagRef reranker = production(QStringLiteral("answer-reranker"));
    const Result<Proposal> later = mcp.propose(proposalFor(reranker, FlagAction::Kill));
    QVERIFY2(later, qPrintable(later.error()));
    QTRY_VERIFY(console.proposal(later->id));
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(arrived.first().first().value<Proposal>().id, later->id);
    QCOMPARE(changed.last().first().value<QList<Proposal>>().constLast().id, later->id);
    QCOMPARE(console.proposals().size(), 2);
    QCOMPARE(console.sheet(later->id).proposal.reason, later->reason);

    // A newer proposal of the same agent for the same flag replaces what it asked before.
    const Result<Proposal> newer = mcp.propose(proposalFor(reranker, FlagAction::Kill));
    QVERIFY2(newer, qPrintable(newer.error()));
    QTRY_VERIFY(console.proposal(newer->id));
    QTRY_COMPARE(console.proposal(later->id)->status, ProposalStatus::Superseded);
    QCOMPARE(console.proposal(newer->id)->status, ProposalStatus::Pending);
    QCOMPARE(console.proposal(before->id)->status, ProposalStatus::Pending); // another flag
    QVERIFY(console.sheet(later->id).blocker.contains(QStringLiteral("superseded")));

    // The proposal's life starts in the audit cache, as the agent's.
    const QList<AuditEntry> audit = TestAudit::written(*m_rig->audit());
    const auto proposed = std::find_if(audit.cbegin(), audit.cend(), [&](const AuditEntry &entry) {
        return entry.sourceId == QStringLiteral("proposal:%1:proposed").arg(before->id);
    });
    QVERIFY(proposed != audit.cend());
    QCOMPARE(proposed->action, QStringLiteral("proposal:kill"));
    QCOMPARE(proposed->actor, QStringLiteral("rollback-agent"));
    QCOMPARE(proposed->actorKind, ActorKind::Agent);
    QCOMPARE(proposed->flagKey, route.key);
}

void tst_ProposalReview::sheetShowsTheExactDiff_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<FlagAction>("action");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QStringList>("changes");
    QTest::addColumn<bool>("enabledAfter");
    QTest::addColumn<int>("candidateAfter"); // citation_first_v2's basis points after, or -1
    QTest::addColumn<QStringList>("rows"); // the before → after table's changed rows: "what|now|after"

    const QString route = QStringLiteral("support-assistant-route");
    QTest::newRow("kill") << route << FlagAction::Kill << QJsonObject() << QStringList{QStringLiteral("disabled")}
                          << false << 500 << QStringList{QStringLiteral("State|on|off")};
    QTest::newRow("restore") << QStringLiteral("deploy-agent-tool-tier") << FlagAction::Restore << QJsonObject()
                             << QStringList{QStringLiteral("enabled")} << true << -1
                             << QStringList{QStringLiteral("State|off|on")};
    QTest::newRow("set rollout")
        << route << FlagAction::SetRollout
        << rolloutParameters({{QStringLiteral("baseline_profile"), 8800}, {QStringLiteral("citation_first_v2"), 1200}})
        << QStringList{QStringLiteral("rollout of baseline profile 95% → 88%"),
                       QStringLiteral("rollout of citation first v2 5% → 12%")}
        << true << 1200
        << QStringList{QStringLiteral("Rollout: baseline profile|95%|88%"), QStringLiteral("Rollout: citation first v2|5%|12%")};
    QTest::newRow("advance stage") << route << FlagAction::AdvanceStage << QJsonObject()
                                   << QStringList{QStringLiteral("rollout of baseline profile 95% → 80%"),
                                                  QStringLiteral("rollout of citation first v2 5% → 20%")}
                                   << true << 2000
                                   << QStringList{QStringLiteral("Rollout: baseline profile|95%|80%"),
                                                  QStringLiteral("Rollout: citation first v2|5%|20%")};
    QTest::newRow("roll back stage") << route << FlagAction::RollbackStage << QJsonObject()
                                     << QStringList{QStringLiteral("rollout of baseline profile 95% → 99%"),
                                                    QStringLiteral("rollout of citation first v2 5% → 1%")}
                                     << true << 100
                                     << QStringList{QStringLiteral("Rollout: baseline profile|95%|99%"),
                                                    QStringLiteral("Rollout: citation first v2|5%|1%")};
    QTest::newRow("serve fallback") << route << FlagAction::ServeFallback << QJsonObject()
                                    << QStringList{QStringLiteral("rollout of baseline profile 95% → 100%"),
                                                   QStringLiteral("rollout of citation first v2 5% → 0%")}
                                    << true << 0
                                    << QStringList{QStringLiteral("Rollout: baseline profile|95%|100%"),
                                                   QStringLiteral("Rollout: citation first v2|5%|0%")};
}

void tst_ProposalReview::sheetShowsTheExactDiff()
{
    QFETCH(QString, key);
    QFETCH(FlagAction, action);
    QFETCH(QJsonObject, parameters);
    QFETCH(QStringList, changes);
    QFETCH(bool, enabledAfter);
    QFETCH(int, candidateAfter);
    QFETCH(QStringList, rows);
    const FlagRef flag = production(key);
    const Proposal proposal = propose(flag, action, parameters, Contract::Risk::Medium);
    QVERIFY(!proposal.id.isEmpty());

    const ProposalReviewSheet sheet = m_review->sheet(proposal.id);
    QCOMPARE(sheet.proposal.id, proposal.id);
    QVERIFY(sheet.flagPresent);
    QCOMPARE(sheet.current, flagToJson(m_rig->store()->find(flag)->flag));
    QCOMPARE(sheet.changes, changes);
    QStringList changedRows;
    for (const FlagChangeRow &row : sheet.changeRows) {
        if (row.changed)
            changedRows.append(QStringList{row.what, row.before, row.after}.join(QLatin1Char('|')));
    }
    QCOMPARE(changedRows, rows);
    QCOMPARE(sheet.after.value(QStringLiteral("enabled")).toBool(), enabledAfter);
    if (candidateAfter >= 0) {
        const Result<Rollout> after =
            rolloutFromJson(sheet.after.value(QStringLiteral("rollout")).toArray(), QStringLiteral("after.rollout"));
        QVERIFY2(after, qPrintable(after.error()));
        QCOMPARE(after->basisPointsOf(QStringLiteral("citation_first_v2")), candidateAfter);
    }
    QVERIFY(!sheet.stale);
    QVERIFY(sheet.changedSince.isEmpty());
    QCOMPARE(sheet.currentRevision, proposal.flagRevision);
    QCOMPARE(sheet.approvalsRequired, 1);
    QCOMPARE(sheet.approvalsGiven, 0);
    QVERIFY2(sheet.blocker.isEmpty(), qPrintable(sheet.blocker));
    QVERIFY(sheet.canReject);

    // An action that would change nothing cannot be approved, and says why.
    const Proposal again = propose(flag, action == FlagAction::Restore ? FlagAction::Kill : FlagAction::Restore, {},
                                   Contract::Risk::Medium, agent(QStringLiteral("other-agent")));
    QVERIFY(m_review->sheet(again.id).blocker.contains(QStringLiteral("is already")));
}

void tst_ProposalReview::sheetSaysTheEvidenceInWords()
{
    const FlagRef flag = production(QStringLiteral("support-assistant-route"));
    Proposal proposal = proposalFor(flag, FlagAction::RollbackStage);
    const QJsonObject result{{QStringLiteral("metric"), QStringLiteral("no_answer_rate")},
                             {QStringLiteral("candidate"), QStringLiteral("citation_first_v2")},
                             {QStringLiteral("verdict"), QStringLiteral("regressed")},
                             {QStringLiteral("difference"), 0.0191},
                             {QStringLiteral("interval"), QJsonArray{0.0062, 0.032}},
                             {QStringLiteral("control_mean"), 0.05},
                             {QStringLiteral("paired_intervals"), 400}};
    proposal.evidence = {{QStringLiteral("metrics"), QJsonObject{{QStringLiteral("verdict"), QStringLiteral("regressed")},
                                                                 {QStringLiteral("control"), QStringLiteral("baseline_profile")},
                                                                 {QStringLiteral("results"), QJsonArray{result}}}}};
    const Result<Proposal> stored = m_inbox->propose(proposal);
    QVERIFY2(stored, qPrintable(stored.error()));
    QTRY_VERIFY(m_review->proposal(stored->id));
    QCOMPARE(m_review->sheet(stored->id).evidence,
             QStringList{QStringLiteral("no_answer_rate: citation first v2 +38.2% against baseline profile (+12.4% to "
                                        "+64.0%) · regressed")});
}

// The reviewer of an archive learns every environment the flag leaves, not only the one proposed.
void tst_ProposalReview::anArchiveSheetNamesEveryEnvironmentItReaches()
{
    const Proposal here = propose(production(QStringLiteral("chat-model-route")), FlagAction::Archive);
    QTRY_VERIFY(m_review->proposal(here.id));
    QCOMPARE(m_review->sheet(here.id).changes,
             QStringList{QStringLiteral("chat-model-route is archived on Sandbox: applications stop getting it in production")});

    m_rig->addServer<ProjectWideSandbox>(QStringLiteral("project"), QStringLiteral("Project"));
    const FlagRef projectWide{QStringLiteral("project"), QStringLiteral("production"), QStringLiteral("chat-model-route")};
    QTRY_VERIFY(m_rig->store()->find(projectWide) && m_rig->store()->find({projectWide.connectionId, QStringLiteral("staging"), projectWide.key}));
    const Proposal everywhere = propose(projectWide, FlagAction::Archive);
    QTRY_VERIFY(m_review->proposal(everywhere.id));
    QCOMPARE(m_review->sheet(everywhere.id).changes,
             QStringList{QStringLiteral("chat-model-route is archived on Project, which archives a flag in several "
                                        "environments at once: applications stop getting it in production, staging")});
}

void tst_ProposalReview::aMovedRevisionIsStaleAndNeedsReReview()
{
    const FlagRef flag = production(QStringLiteral("support-assistant-route"));
    const Proposal proposal = propose(flag, FlagAction::Kill);
    QVERIFY(!m_review->sheet(proposal.id).stale);

    // Someone widens the flag on the server after the agent looked.
    Flag wider = m_rig->store()->find(flag)->flag;
    wider.rollout = Rollout({{QStringLiteral("baseline_profile"), 7000}, {QStringLiteral("citation_first_v2"), 3000}});
    VERIFY_OK(m_server->changeFlagExternally(flag.environment, wider, QStringLiteral("bob")));
    QTRY_VERIFY(m_rig->store()->find(flag)->flag.revision != proposal.flagRevision);
    const QString now = m_rig->store()->find(flag)->flag.revision;

    const ProposalReviewSheet sheet = m_review->sheet(proposal.id);
    QVERIFY(sheet.stale);
    QCOMPARE(sheet.currentRevision, now);
    QCOMPARE(sheet.changedSince, (QStringList{QStringLiteral("rollout of baseline profile 95% → 70%"),
                                              QStringLiteral("rollout of citation first v2 5% → 30%")}));
    QCOMPARE(sheet.changes, QStringList{QStringLiteral("disabled")}); // against the flag as it is now
    QVERIFY2(sheet.blocker.isEmpty(), qPrintable(sheet.blocker));

    // Approving without having looked at what changed is refused, by the inbox too.
    const Result<Proposal> unseen = m_review->approve(proposal.id, QString(), false);
    QVERIFY(!unseen);
    QVERIFY2(unseen.error().contains(QStringLiteral("changed since it was reviewed")), qPrintable(unseen.error()));
    QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Pending);
    QVERIFY(m_inbox->find(proposal.id)->decisions.isEmpty());
    QVERIFY(m_rig->store()->find(flag)->flag.enabled);

    const Result<Proposal> reviewed = m_review->approve(proposal.id, QStringLiteral("saw the widening"), true);
    QVERIFY2(reviewed, qPrintable(reviewed.error()));
    QTRY_COMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Executed);
    QCOMPARE(m_inbox->find(proposal.id)->decisions.size(), 1);
    QCOMPARE(m_inbox->find(proposal.id)->decisions.first().flagRevision, now);
    QVERIFY(!m_rig->store()->find(flag)->flag.enabled);
}

void tst_ProposalReview::theProposerCannotApproveItsOwnProposal_data()
{
    QTest::addColumn<Proposer>("proposer");
    QTest::newRow("as the agent") << Proposer{Reviewer, QStringLiteral("claude-code"), {}, {}};
    QTest::newRow("as the client") << Proposer{QStringLiteral("rollback-agent"), Reviewer, {}, {}};
    QTest::newRow("other case and spaces") << Proposer{QStringLiteral(" Oncall-ALICE "), QStringLiteral("claude-code"), {}, {}};
}

void tst_ProposalReview::theProposerCannotApproveItsOwnProposal()
{
    QFETCH(Proposer, proposer);
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    const Proposal proposal = propose(flag, FlagAction::Kill, {}, Contract::Risk::High, proposer);
    QVERIFY(!proposal.id.isEmpty());

    const ProposalReviewSheet sheet = m_review->sheet(proposal.id);
    QCOMPARE(sheet.blocker, QStringLiteral("%1 made this proposal and cannot decide it").arg(Reviewer));
    QVERIFY(!sheet.canReject);
    const Result<Proposal> approved = m_review->approve(proposal.id, QString(), false);
    QVERIFY(!approved);
    QVERIFY2(approved.error().contains(QStringLiteral("cannot decide it")), qPrintable(approved.error()));
    const Result<Proposal> rejected = m_review->reject(proposal.id, QString());
    QVERIFY(!rejected);
    QVERIFY2(rejected.error().contains(QStringLiteral("cannot decide it")), qPrintable(rejected.error()));
    QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Pending);
    QVERIFY(m_inbox->find(proposal.id)->decisions.isEmpty());
    QCOMPARE(m_killSwitch->pendingCount(), 0);
    QVERIFY(m_rig->store()->find(flag)->flag.enabled);

    // Someone else may.
    m_killSwitch->setActor(SecondReviewer);
    QVERIFY(m_review->sheet(proposal.id).blocker.isEmpty());
    const Result<Proposal> other = m_review->approve(proposal.id, QString(), false);
    QVERIFY2(other, qPrintable(other.error()));
    QTRY_COMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Executed);
}

void tst_ProposalReview::approvalsRequiredFollowTheRisk_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<FlagAction>("action");
    QTest::addColumn<Contract::Risk>("risk");
    QTest::addColumn<int>("configured"); // 0: the default
    QTest::addColumn<int>("required");

    const QString route = QStringLiteral("chat-model-route");
    QTest::newRow("low") << route << FlagAction::Kill << Contract::Risk::Low << 0 << 1;
    QTest::newRow("medium") << route << FlagAction::Kill << Contract::Risk::Medium << 0 << 1;
    QTest::newRow("high") << route << FlagAction::Kill << Contract::Risk::High << 0 << 1;
    QTest::newRow("critical") << route << FlagAction::Kill << Contract::Risk::Critical << 0 << 2;
    QTest::newRow("high, two set") << route << FlagAction::Kill << Contract::Risk::High << 2 << 2;
    QTest::newRow("critical, one set") << route << FlagAction::Kill << Contract::Risk::Critical << 1 << 1;
    // chat-model-route's contract asks two reviewers to advance at critical risk, whatever the settings say.
    QTest::newRow("contract adds reviewers") << route << FlagAction::AdvanceStage << Contract::Risk::Critical << 1 << 2;
}

void tst_ProposalReview::approvalsRequiredFollowTheRisk()
{
    QFETCH(QString, key);
    QFETCH(FlagAction, action);
    QFETCH(Contract::Risk, risk);
    QFETCH(int, configured);
    QFETCH(int, required);
    if (configured > 0)
        ApprovalSettings(*m_settings).setApprovalsRequired(risk, configured);
    const FlagRef flag = production(key);
    const Flag before = m_rig->store()->find(flag)->flag;
    const Proposal proposal = propose(flag, action, {}, risk);
    QCOMPARE(m_review->sheet(proposal.id).approvalsRequired, required);

    const Result<Proposal> first = m_review->approve(proposal.id, QStringLiteral("first look"), false);
    QVERIFY2(first, qPrintable(first.error()));
    if (required > 1) {
        QCOMPARE(first->status, ProposalStatus::Pending);
        QCOMPARE(m_review->sheet(proposal.id).approvalsGiven, 1);
        QCOMPARE(m_review->sheet(proposal.id).blocker, QStringLiteral("you already decided this proposal"));
        QVERIFY(!m_review->approve(proposal.id, QString(), false));
        QCOMPARE(m_killSwitch->pendingCount(), 0);
        QTest::qWait(0); // whatever was sent would be answered now
        QCOMPARE(m_rig->store()->find(flag)->flag, before);
        QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Pending);

        m_killSwitch->setActor(SecondReviewer);
        QVERIFY(m_review->sheet(proposal.id).blocker.isEmpty());
        const Result<Proposal> second = m_review->approve(proposal.id, QStringLiteral("second look"), false);
        QVERIFY2(second, qPrintable(second.error()));
    }
    QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Executing);
    QTRY_COMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Executed);
    QCOMPARE(m_inbox->find(proposal.id)->decisions.size(), required);
    QVERIFY(m_rig->store()->find(flag)->flag != before);
}

void tst_ProposalReview::anExpiredProposalIsRefused_data()
{
    QTest::addColumn<qint64>("createdAgoMs");
    QTest::addColumn<qint64>("expiresInMs");
    QTest::newRow("expired before it was read") << qint64(2 * 3600 * 1000) << qint64(-3600 * 1000);
    QTest::newRow("expires while waiting") << qint64(0) << qint64(1000);
}

void tst_ProposalReview::anExpiredProposalIsRefused()
{
    QFETCH(qint64, createdAgoMs);
    QFETCH(qint64, expiresInMs);
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    Proposal proposal = proposalFor(flag, FlagAction::Kill);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    proposal.createdMs = now - createdAgoMs;
    proposal.expiresMs = now + expiresInMs;
    const Result<Proposal> stored = m_inbox->propose(proposal);
    QVERIFY2(stored, qPrintable(stored.error()));
    const QString id = stored->id;
    QVERIFY(m_review->proposal(id));
    if (expiresInMs > 0)
        QVERIFY2(m_review->sheet(id).blocker.isEmpty(), qPrintable(m_review->sheet(id).blocker));

    QTRY_COMPARE(m_review->sheet(id).blocker, QStringLiteral("the proposal expired and can no longer run"));
    QVERIFY(!m_review->sheet(id).canReject);
    const Result<Proposal> approved = m_review->approve(id, QString(), false);
    QVERIFY(!approved);
    QVERIFY2(approved.error().contains(QStringLiteral("expired")), qPrintable(approved.error()));
    const Result<bool> ran = m_review->run(id);
    QVERIFY(ran);
    QVERIFY(!ran.value());
    // Saying no to it is refused as well, and the inbox marks it expired.
    const Result<Proposal> rejected = m_review->reject(id, QString());
    QVERIFY(!rejected);
    QVERIFY2(rejected.error().contains(QStringLiteral("expired")), qPrintable(rejected.error()));
    QCOMPARE(m_inbox->find(id)->status, ProposalStatus::Expired);
    QTRY_COMPARE(m_review->proposal(id)->status, ProposalStatus::Expired);

    QCOMPARE(m_killSwitch->pendingCount(), 0);
    QTest::qWait(0);
    QVERIFY(m_rig->store()->find(flag)->flag.enabled);
    QVERIFY(!auditTrail(flag.key).contains(QStringLiteral("kill:requested")));
}

void tst_ProposalReview::anApprovedKillRunsOnceAndEndsExecutedWhenConfirmed()
{
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    const int historyBefore = serverHistory(flag.key);
    QVERIFY(historyBefore > 0);
    const Proposal proposal = propose(flag, FlagAction::Kill);
    QSignalSpy finished(m_review.get(), &ProposalReview::proposalFinished);
    QSignalSpy problems(m_review.get(), &ProposalReview::problem);

    const Result<Proposal> approved = m_review->approve(proposal.id, QStringLiteral("seen on the dashboard"), false);
    QVERIFY2(approved, qPrintable(approved.error()));
    // Sent, not done: nothing is "executed" before the server said so.
    QCOMPARE(approved->status, ProposalStatus::Executing);
    QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Executing);
    QCOMPARE(m_review->proposal(proposal.id)->status, ProposalStatus::Executing);
    QVERIFY(m_rig->store()->find(flag)->flag.enabled);
    QCOMPARE(m_rig->store()->find(flag)->operation, FlagStore::Operation::KillPending);
    QCOMPARE(finished.size(), 0);

    QTRY_COMPARE(finished.size(), 1);
    const Proposal done = finished.first().first().value<Proposal>();
    QCOMPARE(done.id, proposal.id);
    QCOMPARE(done.status, ProposalStatus::Executed);
    QCOMPARE(done.outcome, QStringLiteral("killed; confirmed by the server"));
    QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Executed);
    QCOMPARE(m_inbox->find(proposal.id)->outcome, QStringLiteral("killed; confirmed by the server"));
    QCOMPARE(m_review->proposal(proposal.id)->status, ProposalStatus::Executed);
    QVERIFY(!m_rig->store()->find(flag)->flag.enabled);
    QVERIFY(m_rig->store()->find(flag)->kill);
    QVERIFY(m_rig->model()->indexOf(flag, FlagTableModel::StateColumn).data().toString().startsWith(
        QStringLiteral("KILLED by %1 at ").arg(m_rig->store()->find(flag)->kill->by)));
    QCOMPARE(serverHistory(flag.key), historyBefore + 1);

    // The audit cache holds the kill, as the reviewer's, between the proposal's own steps.
    QCOMPARE(auditTrail(flag.key), (QStringList{QStringLiteral("proposal:kill:proposed"), QStringLiteral("proposal:kill:approved"),
                                                QStringLiteral("kill:requested"), QStringLiteral("kill:confirmed"),
                                                QStringLiteral("proposal:kill:executed")}));
    const QList<AuditEntry> audit = TestAudit::written(*m_rig->audit());
    const auto find = [&](const QString &action, const QString &outcome) {
        return *std::find_if(audit.cbegin(), audit.cend(), [&](const AuditEntry &entry) {
            return entry.flagKey == flag.key && entry.action == action && entry.outcome == outcome;
        });
    };
    const AuditEntry requested = find(QStringLiteral("kill"), QStringLiteral("requested"));
    QCOMPARE(requested.actor, Reviewer);
    QCOMPARE(requested.actorKind, ActorKind::Human);
    QVERIFY2(requested.comment.contains(QStringLiteral("Proposal %1 by rollback-agent").arg(proposal.id.left(8))),
             qPrintable(requested.comment));
    QVERIFY2(requested.comment.contains(QStringLiteral("Approved by oncall-alice: seen on the dashboard")),
             qPrintable(requested.comment));
    // Who sent it, and with whose token.
    QVERIFY2(requested.comment.contains(QStringLiteral("run by oncall-alice (this computer's account), sent with ")),
             qPrintable(requested.comment));
    QCOMPARE(find(QStringLiteral("kill"), QStringLiteral("confirmed")).actor, Reviewer);
    QCOMPARE(find(QStringLiteral("proposal:kill"), QStringLiteral("proposed")).actorKind, ActorKind::Agent);
    const AuditEntry approvedEntry = find(QStringLiteral("proposal:kill"), QStringLiteral("approved"));
    QCOMPARE(approvedEntry.actor, Reviewer);
    QVERIFY2(approvedEntry.comment.startsWith(QStringLiteral("seen on the dashboard\napproved by oncall-alice")),
             qPrintable(approvedEntry.comment));
    const AuditEntry executed = find(QStringLiteral("proposal:kill"), QStringLiteral("executed"));
    QCOMPARE(executed.actorKind, ActorKind::Human);
    QCOMPARE(executed.comment, QStringLiteral("killed; confirmed by the server"));
    QCOMPARE(executed.after.value(QStringLiteral("proposal")).toString(), proposal.id);

    // Never twice.
    QVERIFY(!m_review->approve(proposal.id, QString(), false));
    const Result<bool> again = m_review->run(proposal.id);
    QVERIFY(again);
    QVERIFY(!again.value());
    QTest::qWait(0);
    QCOMPARE(serverHistory(flag.key), historyBefore + 1);
    QCOMPARE(auditTrail(flag.key).count(QStringLiteral("kill:requested")), 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(problems.size(), 0);
}

void tst_ProposalReview::aFailedChangeEndsFailedWithTheReason_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("forbidden") << QStringLiteral("forbidden") << QStringLiteral("lacks the permission");
    QTest::newRow("silent server") << QStringLiteral("silent") << QStringLiteral("did not confirm within 0.2 s");
    QTest::newRow("disconnected") << QStringLiteral("disconnected") << QStringLiteral("not connected");
}

void tst_ProposalReview::aFailedChangeEndsFailedWithTheReason()
{
    QFETCH(QString, failure);
    QFETCH(QString, reasonContains);
    const FlagRef flag = production(QStringLiteral("answer-reranker"));
    const Proposal proposal = propose(flag, FlagAction::Kill);
    QSignalSpy finished(m_review.get(), &ProposalReview::proposalFinished);
    if (failure == QLatin1String("forbidden")) {
        m_server->failNextMutations(1, {ServerError::Kind::Forbidden, QStringLiteral("HTTP 403")});
    } else if (failure == QLatin1String("silent")) {
        m_server->setUnresponsive(true);
        m_killSwitch->setTimeout(200);
    } else {
        m_server->disconnectFromServer();
    }

    const Result<Proposal> approved = m_review->approve(proposal.id, QString(), false);
    QVERIFY2(approved, qPrintable(approved.error()));
    QTRY_COMPARE(finished.size(), 1);
    const Proposal done = finished.first().first().value<Proposal>();
    QCOMPARE(done.id, proposal.id);
    QCOMPARE(done.status, ProposalStatus::Failed);
    QVERIFY2(done.outcome.contains(reasonContains), qPrintable(done.outcome));
    QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Failed);
    QCOMPARE(m_inbox->find(proposal.id)->outcome, done.outcome);
    QCOMPARE(m_review->proposal(proposal.id)->status, ProposalStatus::Failed);
    QVERIFY(m_rig->store()->find(flag)->flag.enabled);
    QCOMPARE(m_rig->store()->find(flag)->operation, FlagStore::Operation::KillFailed);

    QCOMPARE(auditTrail(flag.key), (QStringList{QStringLiteral("proposal:kill:proposed"), QStringLiteral("proposal:kill:approved"),
                                                QStringLiteral("kill:requested"), QStringLiteral("kill:failed"),
                                                QStringLiteral("proposal:kill:failed")}));
    QVERIFY(TestAudit::written(*m_rig->audit(), 1).first().comment.contains(reasonContains));
    // A failed proposal is over: it does not run again.
    const Result<bool> again = m_review->run(proposal.id);
    QVERIFY(again);
    QVERIFY(!again.value());
}

void tst_ProposalReview::aSecondRunDoesNothing()
{
    const FlagRef flag = production(QStringLiteral("pii-guardrail-mode"));
    const int historyBefore = serverHistory(flag.key);
    const Proposal proposal = propose(flag, FlagAction::Kill);
    QSignalSpy finished(m_review.get(), &ProposalReview::proposalFinished);

    // Not approved yet: run() has nothing to run.
    Result<bool> ran = m_review->run(proposal.id);
    QVERIFY(ran);
    QVERIFY(!ran.value());
    QCOMPARE(m_killSwitch->pendingCount(), 0);

    QVERIFY(m_review->approve(proposal.id, QString(), false));
    QCOMPARE(m_killSwitch->pendingCount(), 1);
    // While it runs, and after it ran.
    ran = m_review->run(proposal.id);
    QVERIFY(ran);
    QVERIFY(!ran.value());
    QCOMPARE(m_killSwitch->pendingCount(), 1);
    QTRY_COMPARE(finished.size(), 1);
    ran = m_review->run(proposal.id);
    QVERIFY(ran);
    QVERIFY(!ran.value());
    QTest::qWait(0);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Executed);
    QCOMPARE(serverHistory(flag.key), historyBefore + 1);
    QCOMPARE(auditTrail(flag.key).count(QStringLiteral("kill:requested")), 1);
    QCOMPARE(auditTrail(flag.key).count(QStringLiteral("proposal:kill:executed")), 1);
}

void tst_ProposalReview::aSecondProposalOnTheSameFlagIsRefusedWhileTheFirstRuns()
{
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    const int historyBefore = serverHistory(flag.key);
    // Two agents ask for the same flag (one agent's newer proposal would supersede its older one).
    const Proposal first = propose(flag, FlagAction::Kill, {}, Contract::Risk::High, agent(QStringLiteral("rollback-agent")));
    const Proposal second = propose(flag, FlagAction::Kill, {}, Contract::Risk::High, agent(QStringLiteral("latency-agent")));
    QSignalSpy finished(m_review.get(), &ProposalReview::proposalFinished);

    QVERIFY(m_review->approve(first.id, QString(), false));
    QVERIFY(m_killSwitch->isPending(flag));
    QVERIFY(m_review->approve(second.id, QString(), false));
    QCOMPARE(finished.size(), 1);
    const Proposal refused = finished.first().first().value<Proposal>();
    QCOMPARE(refused.id, second.id);
    QCOMPARE(refused.status, ProposalStatus::Failed);
    QCOMPARE(refused.outcome, QStringLiteral("another change of chat-model-route was under way"));
    QCOMPARE(m_inbox->find(first.id)->status, ProposalStatus::Executing);

    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.last().first().value<Proposal>().id, first.id);
    QCOMPARE(m_inbox->find(first.id)->status, ProposalStatus::Executed);
    QCOMPARE(m_inbox->find(second.id)->status, ProposalStatus::Failed);
    QCOMPARE(m_inbox->find(second.id)->outcome, QStringLiteral("another change of chat-model-route was under way"));
    QVERIFY(!m_rig->store()->find(flag)->flag.enabled);
    QCOMPARE(serverHistory(flag.key), historyBefore + 1);
    QCOMPARE(auditTrail(flag.key).count(QStringLiteral("kill:requested")), 1);
}

void tst_ProposalReview::aConsoleKillDoesNotFinishAProposal()
{
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    QSignalSpy finished(m_review.get(), &ProposalReview::proposalFinished);
    QSignalSpy problems(m_review.get(), &ProposalReview::problem);
    QSignalSpy confirmed(m_killSwitch.get(), &KillSwitch::confirmed);

    // A proposal that needs two reviewers waits; the person at the console kills the flag meanwhile.
    const Proposal waiting = propose(flag, FlagAction::Kill, {}, Contract::Risk::Critical);
    QVERIFY(m_review->approve(waiting.id, QString(), false));
    QCOMPARE(m_inbox->find(waiting.id)->status, ProposalStatus::Pending);
    // And one approved while that kill is under way cannot run.
    const Proposal approved = propose(flag, FlagAction::Kill, {}, Contract::Risk::High, agent(QStringLiteral("latency-agent")));
    m_killSwitch->kill({flag}, QStringLiteral("the on-call engineer's own kill"));
    QVERIFY(m_killSwitch->isPending(flag));
    QVERIFY(m_review->approve(approved.id, QString(), false));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_inbox->find(approved.id)->status, ProposalStatus::Failed);

    QTRY_COMPARE(confirmed.size(), 1);
    QVERIFY(!m_rig->store()->find(flag)->flag.enabled);
    QTest::qWait(0);
    // The console's kill was its own: it finished neither proposal.
    QCOMPARE(finished.size(), 1);
    QCOMPARE(problems.size(), 0);
    QCOMPARE(m_inbox->find(waiting.id)->status, ProposalStatus::Pending);
    QCOMPARE(m_review->proposal(waiting.id)->status, ProposalStatus::Pending);
    QCOMPARE(m_inbox->find(approved.id)->status, ProposalStatus::Failed);
    QCOMPARE(m_inbox->find(approved.id)->outcome, QStringLiteral("another change of chat-model-route was under way"));
    const QStringList trail = auditTrail(flag.key);
    QCOMPARE(trail.count(QStringLiteral("proposal:kill:executed")), 0);
    QCOMPARE(trail.count(QStringLiteral("proposal:kill:failed")), 1);
    // What is waiting now has nothing to do.
    QVERIFY(m_review->sheet(waiting.id).blocker.contains(QStringLiteral("is already off")));
}

void tst_ProposalReview::aConsoleKillDuringAProposalsChangeIsNotItsOutcome()
{
    const FlagRef flag = production(QStringLiteral("support-assistant-route"));
    QSignalSpy finished(m_review.get(), &ProposalReview::proposalFinished);
    QSignalSpy confirmed(m_killSwitch.get(), &KillSwitch::confirmed);
    const Proposal proposal = propose(flag, FlagAction::AdvanceStage, {}, Contract::Risk::Medium);

    // The stage change takes a while; the person at the console kills the flag before it lands.
    m_server->setLatency(200, 200);
    QVERIFY(m_review->approve(proposal.id, QString(), false));
    QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Executing);
    m_server->setLatency(0, 0);
    m_killSwitch->kill({flag}, QStringLiteral("the on-call engineer's own kill"));
    QVERIFY(m_killSwitch->isPending(flag));
    QTRY_COMPARE(confirmed.size(), 1);
    QVERIFY(!m_rig->store()->find(flag)->flag.enabled);
    // A kill confirmed on the same flag is not this proposal's outcome.
    QCOMPARE(finished.size(), 0);
    QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Executing);
    QCOMPARE(m_review->proposal(proposal.id)->status, ProposalStatus::Executing);

    // Its own change then meets the revision the kill made, and that is its outcome.
    QTRY_COMPARE(finished.size(), 1);
    const Proposal done = finished.first().first().value<Proposal>();
    QCOMPARE(done.id, proposal.id);
    QCOMPARE(done.status, ProposalStatus::Failed);
    QVERIFY2(done.outcome.contains(QStringLiteral("is no longer current")), qPrintable(done.outcome));
    QCOMPARE(m_inbox->find(proposal.id)->status, ProposalStatus::Failed);
    QCOMPARE(m_rig->store()->find(flag)->flag.rollout.basisPointsOf(QStringLiteral("citation_first_v2")), 500);
    QVERIFY(!m_rig->store()->find(flag)->flag.enabled);
    const QStringList trail = auditTrail(flag.key);
    QCOMPARE(trail.count(QStringLiteral("proposal:advance_stage:executed")), 0);
    QCOMPARE(trail.count(QStringLiteral("proposal:advance_stage:failed")), 1);
    QCOMPARE(trail.count(QStringLiteral("advance_stage:failed")), 1);
    QCOMPARE(trail.count(QStringLiteral("kill:confirmed")), 1);
}

void tst_ProposalReview::aFailedEarlierChangeIsNotAChangeUnderWay()
{
    // The person's own kill failed (the network dropped); the row says so and offers a retry.
    const FlagRef flag = production(QStringLiteral("answer-reranker"));
    QSignalSpy failed(m_killSwitch.get(), &KillSwitch::failed);
    m_server->failNextMutations(1, {ServerError::Kind::Network, QString()});
    m_killSwitch->kill({flag});
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(m_rig->store()->find(flag)->operation, FlagStore::Operation::KillFailed);
    QCOMPARE(m_killSwitch->pendingCount(), 0); // nothing is under way any more

    // An agent's kill of the same flag is approved: it is the retry, and runs.
    const Proposal proposal = propose(flag, FlagAction::Kill);
    QVERIFY2(m_review->sheet(proposal.id).blocker.isEmpty(), qPrintable(m_review->sheet(proposal.id).blocker));
    QVERIFY(m_review->approve(proposal.id, QStringLiteral("retry of the failed kill"), false));
    QTRY_VERIFY(isFinalStatus(m_inbox->find(proposal.id)->status));
    QVERIFY2(m_inbox->find(proposal.id)->status == ProposalStatus::Executed,
             qPrintable(QStringLiteral("ended %1: %2").arg(proposalStatusName(m_inbox->find(proposal.id)->status),
                                                           m_inbox->find(proposal.id)->outcome)));
    QVERIFY(!m_rig->store()->find(flag)->flag.enabled);
}

void tst_ProposalReview::anApprovalDoesNotCarryOverToAChangedFlag()
{
    // Another console approved the expansion 5% → 20% and closed before running it.
    const FlagRef flag = production(QStringLiteral("support-assistant-route"));
    const Proposal proposal = propose(flag, FlagAction::AdvanceStage, {}, Contract::Risk::Medium);
    QCOMPARE(m_review->sheet(proposal.id).changes, (QStringList{QStringLiteral("rollout of baseline profile 95% → 80%"),
                                                                 QStringLiteral("rollout of citation first v2 5% → 20%")}));
    ProposalInbox::DecisionRequest request;
    request.proposalId = proposal.id;
    request.decision.reviewer = SecondReviewer;
    request.decision.flagRevision = proposal.flagRevision;
    request.currentRevision = proposal.flagRevision;
    request.nowMs = QDateTime::currentMSecsSinceEpoch();
    const Result<Proposal> approved = m_inbox->decide(request);
    QVERIFY2(approved, qPrintable(approved.error()));
    QCOMPARE(approved->status, ProposalStatus::Approved);

    // Meanwhile someone moves the flag to 20% by hand.
    Flag moved = m_rig->store()->find(flag)->flag;
    moved.rollout = Rollout({{QStringLiteral("baseline_profile"), 8000}, {QStringLiteral("citation_first_v2"), 2000}});
    VERIFY_OK(m_server->changeFlagExternally(flag.environment, moved, QStringLiteral("bob")));
    QTRY_VERIFY(m_rig->store()->find(flag)->flag.revision != proposal.flagRevision);
    const QString revision = m_rig->store()->find(flag)->flag.revision;

    // Running it now would be a change nobody reviewed (20% → 50%): it must not reach the server.
    QSignalSpy finished(m_review.get(), &ProposalReview::proposalFinished);
    m_review->run(proposal.id); // refusing (a failure, or false) or failing the proposal would both do
    QTRY_COMPARE(m_rig->store()->find(flag)->operation, FlagStore::Operation::None);
    QVERIFY2(m_rig->store()->find(flag)->flag.revision == revision
                 && m_rig->store()->find(flag)->flag.rollout.basisPointsOf(QStringLiteral("citation_first_v2")) == 2000,
             qPrintable(QStringLiteral("ran unreviewed: citation first v2 now at %1 bp, proposal %2 (%3)")
                            .arg(m_rig->store()->find(flag)->flag.rollout.basisPointsOf(QStringLiteral("citation_first_v2")))
                            .arg(proposalStatusName(m_inbox->find(proposal.id)->status), m_inbox->find(proposal.id)->outcome)));
    QVERIFY(m_inbox->find(proposal.id)->status != ProposalStatus::Executed);
}

void tst_ProposalReview::anApprovedRevertPutsTheFlagBackOnce()
{
    // Someone widens the route; an agent that saw the regression proposes putting exactly that back.
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    const Flag before = m_rig->store()->find(flag)->flag;
    QList<VariationShare> shares = before.rollout.shares();
    QVERIFY(shares.size() >= 2 && shares.at(0).basisPoints >= 1000);
    shares[0].basisPoints -= 1000;
    shares[1].basisPoints += 1000;
    StagePreview widen;
    widen.ref = flag;
    widen.action = FlagAction::SetRollout;
    widen.target = Rollout(shares);
    widen.expectedRevision = before.revision;
    QSignalSpy confirmed(m_stages.get(), &StageActions::confirmed);
    QVERIFY(m_stages->apply(widen, QStringLiteral("widen")));
    QTRY_COMPARE(confirmed.size(), 1);
    m_rig->audit()->flush();
    const Result<QList<StoredChange>> changes = m_reverts->history().changesOf(flag, 0, QDateTime::currentMSecsSinceEpoch());
    VERIFY_OK(changes);
    QCOMPARE(changes->size(), 1);

    const Proposal proposal = propose(flag, FlagAction::Revert, revertParameters({changes->first().id}));
    const ProposalReviewSheet sheet = m_review->sheet(proposal.id);
    QVERIFY2(sheet.blocker.isEmpty(), qPrintable(sheet.blocker));
    QVERIFY(!sheet.changeRows.isEmpty());
    QSignalSpy finished(m_review.get(), &ProposalReview::proposalFinished);
    const Result<Proposal> approved = m_review->approve(proposal.id, QStringLiteral("put it back"), false);
    QVERIFY2(approved, qPrintable(approved.error()));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<Proposal>().outcome, QStringLiteral("put back; confirmed by the server"));
    QCOMPARE(m_rig->store()->find(flag)->flag.rollout, before.rollout);
    QCOMPARE(auditTrail(flag.key).filter(QRegularExpression(QStringLiteral("^revert:"))),
             (QStringList{QStringLiteral("revert:requested"), QStringLiteral("revert:confirmed")}));
    const Result<bool> again = m_review->run(proposal.id);
    QVERIFY(again && !again.value());

    // A revert of a change that is no longer this flag's state: nothing to put back.
    const Proposal twice = propose(flag, FlagAction::Revert, revertParameters({changes->first().id}));
    QVERIFY(!m_review->sheet(twice.id).blocker.isEmpty());
}

void tst_ProposalReview::userChangesNothingOnOneMachine()
{
    // A console started as USER=someone-else: its reviewer and the actor of what it sends are the
    // account the process runs as.
    const QByteArray saved = qgetenv("USER");
    qputenv("USER", "someone-else");
    qputenv("LOGNAME", "someone-else");
    qputenv("USERNAME", "someone-else");
    KillSwitch killSwitch(m_rig->store(), m_rig->audit(), m_rig->servers());
    const auto isSandbox = [](const QString &id) { return id == QLatin1String("sandbox"); };
    StageActions stages(m_rig->store(), m_contracts.get(), m_rig->audit(), m_rig->servers(), isSandbox);
    ProposalReview review(m_inbox.get(), m_rig->store(), &killSwitch, &stages, m_reverts.get(), m_contracts.get(), m_rig->audit(),
                          ApprovalSettings(*m_settings), isSandbox);
    review.setTokenLookup([this](const QString &) { return m_server->tokenIdentity(); });
    qputenv("USER", saved);
    qunsetenv("LOGNAME");
    qunsetenv("USERNAME");
    const QString account = LocalAccount::current().name;
    QVERIFY(account != QStringLiteral("someone-else"));
    QCOMPARE(killSwitch.actor(), account);
    QCOMPARE(review.reviewer(), account);

    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    const Proposal proposal = propose(flag, FlagAction::Kill);
    review.refresh();
    const ProposalReviewSheet sheet = review.sheet(proposal.id);
    QCOMPARE(sheet.reviewer, account);
    QVERIFY(!sheet.reviewerVouched);
    QVERIFY2(sheet.identityLine.contains(QStringLiteral("(this computer's account)")), qPrintable(sheet.identityLine));
    // The sandbox acts as the same account: nothing to warn of.
    QVERIFY2(sheet.identityLine.contains(QStringLiteral("%1's sandbox token").arg(account)), qPrintable(sheet.identityLine));
    QCOMPARE(sheet.tokenWarning, QString());

    QSignalSpy finished(&review, &ProposalReview::proposalFinished);
    VERIFY_OK(review.approve(proposal.id, QStringLiteral("as myself"), false));
    QTRY_COMPARE(finished.size(), 1);
    const Proposal done = m_inbox->find(proposal.id).value();
    QCOMPARE(done.decisions.size(), 1);
    QCOMPARE(done.decisions.first().reviewer, account);
    for (const AuditEntry &entry : TestAudit::written(*m_rig->audit())) {
        if (entry.flagKey == flag.key && entry.actorKind == ActorKind::Human)
            QCOMPARE(entry.actor, account);
    }
}

void tst_ProposalReview::theSheetSaysWhoseTokenActs_data()
{
    QTest::addColumn<TokenIdentity>("token");
    QTest::addColumn<QString>("sentWith");
    QTest::addColumn<QString>("warning");
    TokenIdentity own;
    own.kind = TokenIdentity::Kind::Personal;
    own.server = QStringLiteral("Unleash");
    own.account = QStringLiteral("oncall-alice@example.com");
    QTest::newRow("the reviewer's own") << own << QStringLiteral("sent with oncall-alice@example.com's Unleash token") << QString();
    TokenIdentity colleague = own;
    colleague.account = QStringLiteral("bob@example.com");
    QTest::newRow("a colleague's") << colleague << QStringLiteral("sent with bob@example.com's Unleash token")
                                   << QStringLiteral("the token belongs to bob@example.com, not to oncall-alice");
    TokenIdentity shared;
    shared.kind = TokenIdentity::Kind::Service;
    shared.server = QStringLiteral("Unleash");
    shared.account = QStringLiteral("it-admin");
    shared.type = QStringLiteral("admin");
    QTest::newRow("a shared one") << shared << QStringLiteral("sent with the shared Unleash admin token it-admin")
                                  << QStringLiteral("the token is a shared admin token (it-admin)");
    TokenIdentity untold;
    untold.server = QStringLiteral("FeatBit");
    untold.note = QStringLiteral("FeatBit does not tell an access token whose it is");
    QTest::newRow("one the server does not name") << untold << QStringLiteral("sent with a FeatBit token whose owner the server does not say")
                                                   << QStringLiteral("FeatBit does not tell an access token whose it is");
}

void tst_ProposalReview::theSheetSaysWhoseTokenActs()
{
    QFETCH(TokenIdentity, token);
    QFETCH(QString, sentWith);
    QFETCH(QString, warning);
    m_review->setTokenLookup([token](const QString &) { return token; });
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    const Proposal proposal = propose(flag, FlagAction::Kill);
    const ProposalReviewSheet sheet = m_review->sheet(proposal.id);
    QVERIFY2(sheet.identityLine.contains(QStringLiteral("You decide as oncall-alice (this computer's account)")),
             qPrintable(sheet.identityLine));
    QVERIFY2(sheet.identityLine.contains(sentWith.mid(QStringLiteral("sent with ").size())), qPrintable(sheet.identityLine));
    if (warning.isEmpty())
        QCOMPARE(sheet.tokenWarning, QString());
    else
        QVERIFY2(sheet.tokenWarning.startsWith(warning), qPrintable(sheet.tokenWarning));

    // The audit entry of the approval says the same.
    QSignalSpy finished(m_review.get(), &ProposalReview::proposalFinished);
    VERIFY_OK(m_review->approve(proposal.id, QString(), false));
    QTRY_COMPARE(finished.size(), 1);
    const QList<AuditEntry> audit = TestAudit::written(*m_rig->audit());
    const auto approved = std::find_if(audit.cbegin(), audit.cend(), [&](const AuditEntry &entry) {
        return entry.flagKey == flag.key && entry.outcome == QStringLiteral("approved");
    });
    QVERIFY(approved != audit.cend());
    QVERIFY2(approved->comment.contains(QStringLiteral("approved by oncall-alice (this computer's account), ") + sentWith),
             qPrintable(approved->comment));
    if (!warning.isEmpty())
        QVERIFY2(approved->comment.contains(warning), qPrintable(approved->comment));
    const QJsonObject identity = approved->after.value(QStringLiteral("identity")).toObject();
    QCOMPARE(identity.value(QStringLiteral("reviewer")).toString(), QStringLiteral("oncall-alice"));
    QCOMPARE(identity.value(QStringLiteral("vouched_by")).toString(), QStringLiteral("local-account"));
    QCOMPARE(identity.value(QStringLiteral("token")).toObject(), token.toJson());
}

QTEST_GUILESS_MAIN(tst_ProposalReview)
#include "tst_proposalreview.moc"
