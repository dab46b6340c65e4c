#include "control/guardrailwatcher.h"
#include "control/killswitch.h"
#include "control/evalwatcher.h"
#include "control/sandboxagent.h"
#include "control/stageactions.h"
#include "core/flagjson.h"
#include "metrics/trafficsimulator.h"
#include "sandboxrig.h"
#include "store/contractlibrary.h"
#include "store/proposalinbox.h"
#include "testaudit.h"
#include "testresult.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHashSeed>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUrl>
#include <QTest>

#include <functional>
#include <memory>

// The sandbox's simulated release agent against a real sandbox server, its contracts, its
// simulated traffic on a clock the test moves, and a real SQLite inbox. A second server, "lab",
// stands for a team's own: the same flags and contracts, its own traffic, but not a sandbox, so
// its flags would qualify in every other way.
class tst_SandboxAgent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void healthySandboxFlagsAreProposedForExpansion();
    void aWideIntervalKeepsTheGateClosedAsNotEnoughEvidence();
    void aRegressedFlagIsProposedForRollback();
    void neverTwiceForTheSameRevision();
    void notWhileItsOwnProposalIsPending();
    void startLooksOnItsOwn();
    void aKilledFlagIsNeverExpandedAndItsExpansionWithdrawn();
    void aRegressionReplacesItsPendingExpansion();
    void anExpansionWaitsForItsEvalsAndCitesThem();

private:
    void runTraffic(int seconds);
    bool runTrafficUntil(const std::function<bool()> &done, int maxSeconds = 300);
    // The flags of a connection the agent may expand: on, idle, watched, healthy, with a next stage
    // whose gate is open.
    QList<FlagRef> expandable(const QString &connectionId) const;
    std::optional<GuardrailVerdict> verdict(const FlagRef &ref) const;
    // Looks until a look proposes nothing (at most maxLooks); every proposal made, in order.
    QList<QList<Proposal>> lookUntilQuiet(int maxLooks = 30);
    // Fails the test unless the inbox holds what the agent says it proposed, as it should be.
    void checkStored(const Proposal &made, FlagAction action);
    // A reviewer says no to every pending proposal.
    void rejectAllPending();
    // A pending proposal of this agent's, as an earlier run of the console left it.
    Result<Proposal> leave(const FlagRef &ref, const QString &agent, FlagAction action);
    // This agent's pending proposals for one flag.
    QList<Proposal> ownPending(const FlagRef &ref) const;

    std::unique_ptr<SandboxRig> m_rig;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KillSwitch> m_killSwitch;
    std::unique_ptr<ContractLibrary> m_contracts;
    std::unique_ptr<StageActions> m_stages;
    std::unique_ptr<GuardrailWatcher> m_watcher;
    std::unique_ptr<TrafficSimulator> m_labTraffic;
    std::unique_ptr<ProposalInbox> m_inbox;
    std::unique_ptr<SandboxAgent> m_agent;
    qint64 m_now = 0;
};

namespace {
const QString Sandbox = QStringLiteral("sandbox");
const QString Lab = QStringLiteral("lab");
} // namespace

void tst_SandboxAgent::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_SandboxAgent::init()
{
    m_rig = std::make_unique<SandboxRig>();
    m_settings = std::make_unique<QSettings>(m_rig->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    const ConfirmedChanges::ServerLookup servers = m_rig->servers();
    const auto isSandbox = [](const QString &id) { return id == Sandbox; };
    m_killSwitch = std::make_unique<KillSwitch>(m_rig->store(), m_rig->audit(), servers);
    m_contracts = std::make_unique<ContractLibrary>();
    // The team's folder holds the sandbox's contracts, so they apply to the lab's flags too.
    const QString team = m_rig->filePath(QStringLiteral("contracts"));
    QVERIFY(QDir().mkpath(team));
    const QDir builtIn(QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts"));
    const QStringList files = builtIn.entryList({QStringLiteral("*.yaml")}, QDir::Files);
    QVERIFY(files.size() >= 10);
    for (const QString &name : files)
        QVERIFY(QFile::copy(builtIn.filePath(name), QDir(team).filePath(name)));
    m_contracts->setFolder(team);
    QVERIFY(!m_contracts->teamContracts().hasErrors());
    m_stages = std::make_unique<StageActions>(m_rig->store(), m_contracts.get(), m_rig->audit(), servers, isSandbox);
    m_stages->setAuditPath(m_rig->audit()->path());
    m_watcher = std::make_unique<GuardrailWatcher>(m_rig->store(), m_contracts.get(), m_killSwitch.get(), isSandbox, *m_settings);
    m_stages->setGuardrailMonitor(m_watcher->monitor());
    m_now = QDateTime::currentMSecsSinceEpoch();
    m_watcher->simulator()->setClock([this] { return m_now; });
    m_labTraffic = std::make_unique<TrafficSimulator>();
    m_labTraffic->setClock([this] { return m_now; });
    m_watcher->setConnectionSource(Lab, m_labTraffic.get());
    m_inbox = std::make_unique<ProposalInbox>();
    VERIFY_OK(m_inbox->open(m_rig->filePath(QStringLiteral("inbox.sqlite"))));
    m_agent = std::make_unique<SandboxAgent>(m_inbox.get(), m_rig->store(), m_stages.get(), m_watcher->monitor(), isSandbox);

    // As the console controller wires them.
    connect(m_contracts.get(), &ContractLibrary::changed, m_watcher.get(), [this] {
        m_stages->refreshStages();
        m_watcher->scheduleRefresh();
    });
    connect(m_rig->store(), &FlagStore::flagReported, m_watcher.get(), [this](const FlagRef &ref) {
        m_stages->refreshStages({ref});
        m_watcher->scheduleRefresh();
    });
    connect(m_rig->store(), &FlagStore::environmentReported, m_watcher.get(), [this] {
        m_stages->refreshStages();
        m_watcher->scheduleRefresh();
    });
    m_rig->addServer(Sandbox, QStringLiteral("Sandbox"));
    m_rig->addServer(Lab, QStringLiteral("Lab"));
    m_watcher->start();
    const FlagRef route{Sandbox, QStringLiteral("production"), QStringLiteral("chat-model-route")};
    const FlagRef labRoute{Lab, QStringLiteral("production"), QStringLiteral("chat-model-route")};
    QTRY_VERIFY(m_rig->store()->find(route) && m_rig->store()->find(labRoute));
    QTRY_VERIFY(verdict(route) && verdict(labRoute));
}

void tst_SandboxAgent::cleanup()
{
    m_agent.reset();
    m_inbox.reset();
    m_watcher.reset();
    m_labTraffic.reset();
    m_stages.reset();
    m_contracts.reset();
    m_killSwitch.reset();
    m_settings.reset();
    m_rig.reset();
}

void tst_SandboxAgent::runTraffic(int seconds)
{
    for (int second = 0; second < seconds; ++second) {
        m_now += 1000;
        m_watcher->simulator()->tick();
        m_labTraffic->tick();
    }
}

bool tst_SandboxAgent::runTrafficUntil(const std::function<bool()> &done, int maxSeconds)
{
    for (int second = 0; second < maxSeconds && !done(); ++second)
        runTraffic(1);
    return done();
}

std::optional<GuardrailVerdict> tst_SandboxAgent::verdict(const FlagRef &ref) const
{
    const FlagStore::Entry *row = m_rig->store()->find(ref);
    return row ? row->health : std::nullopt;
}

QList<FlagRef> tst_SandboxAgent::expandable(const QString &connectionId) const
{
    QList<FlagRef> refs;
    for (int i = 0; i < m_rig->store()->count(); ++i) {
        const FlagStore::Entry &row = m_rig->store()->at(i);
        if (row.ref.connectionId == connectionId && row.flag.enabled && row.operation == FlagStore::Operation::None
            && m_watcher->monitor()->isWatched(row.ref) && row.health == GuardrailVerdict::Healthy) {
            const Result<StagePreview> advance = m_stages->preview(row.ref, FlagAction::AdvanceStage);
            if (advance && advance->gateOpen)
                refs.append(row.ref);
        }
    }
    return refs;
}

QList<QList<Proposal>> tst_SandboxAgent::lookUntilQuiet(int maxLooks)
{
    QList<QList<Proposal>> looks;
    for (int look = 0; look < maxLooks; ++look) {
        const QList<Proposal> made = m_agent->look();
        if (made.isEmpty())
            break;
        looks.append(made);
    }
    return looks;
}

void tst_SandboxAgent::checkStored(const Proposal &made, FlagAction action)
{
    const FlagStore::Entry *row = m_rig->store()->find(made.target);
    QVERIFY(row);
    const Result<Proposal> stored = m_inbox->find(made.id);
    QVERIFY2(stored, qPrintable(stored.error()));
    QCOMPARE(stored->status, ProposalStatus::Pending);
    QCOMPARE(stored->proposer.agent, SandboxAgent::AgentName);
    QCOMPARE(stored->target, made.target);
    QCOMPARE(stored->action, action);
    QCOMPARE(stored->flagRevision, row->flag.revision);
    QCOMPARE(stored->flagBefore, flagToJson(row->flag));
    QCOMPARE(stored->risk, action == FlagAction::AdvanceStage ? Contract::Risk::Medium
                         : action == FlagAction::Kill         ? Contract::Risk::High
                                                              : Contract::Risk::Low);
    const QJsonObject metrics = stored->evidence.value(QStringLiteral("metrics")).toObject();
    QVERIFY(!metrics.value(QStringLiteral("results")).toArray().isEmpty());
    QVERIFY(!stored->reason.isEmpty());
}

void tst_SandboxAgent::rejectAllPending()
{
    const Result<QList<Proposal>> pending = m_inbox->list(ProposalStatus::Pending);
    QVERIFY(pending);
    for (const Proposal &proposal : pending.value()) {
        ProposalInbox::DecisionRequest request;
        request.proposalId = proposal.id;
        request.decision.reviewer = QStringLiteral("oncall-alice");
        request.decision.verdict = ProposalDecision::Verdict::Reject;
        request.decision.flagRevision = m_rig->store()->find(proposal.target)->flag.revision;
        request.currentRevision = request.decision.flagRevision;
        request.nowMs = QDateTime::currentMSecsSinceEpoch();
        const Result<Proposal> rejected = m_inbox->decide(request);
        QVERIFY2(rejected, qPrintable(rejected.error()));
    }
}

Result<Proposal> tst_SandboxAgent::leave(const FlagRef &ref, const QString &agent, FlagAction action)
{
    Proposal proposal;
    proposal.proposer = {agent, QStringLiteral("FlagDeck sandbox"), QString(), QString()};
    proposal.target = ref;
    proposal.action = action;
    proposal.flagRevision = m_rig->store()->find(ref)->flag.revision;
    proposal.flagBefore = flagToJson(m_rig->store()->find(ref)->flag);
    proposal.reason = QStringLiteral("left by an earlier run");
    return m_inbox->propose(proposal);
}

QList<Proposal> tst_SandboxAgent::ownPending(const FlagRef &ref) const
{
    QList<Proposal> own;
    const Result<QList<Proposal>> pending = m_inbox->list(ProposalStatus::Pending, ref.key);
    if (!pending)
        return own;
    for (const Proposal &proposal : pending.value()) {
        if (proposal.target == ref && proposal.proposer.agent == SandboxAgent::AgentName)
            own.append(proposal);
    }
    return own;
}

void tst_SandboxAgent::anExpansionWaitsForItsEvalsAndCitesThem()
{
    // support-assistant-route's contract asks for its eval report before 20%; the team's copy of
    // the contract names it beside itself, where it is not yet.
    EvalWatcher evals;
    m_stages->setEvalWatcher(&evals);
    const FlagRef route{Sandbox, QStringLiteral("production"), QStringLiteral("support-assistant-route")};
    // Until nothing but its evals holds the route back: healthy, and every other line of the gate open.
    const auto readyButForEvals = [&] {
        if (verdict(route) != GuardrailVerdict::Healthy)
            return false;
        const StageSnapshot snapshot = m_stages->snapshot(route);
        return std::all_of(snapshot.gate.cbegin(), snapshot.gate.cend(), [](const ReadinessItem &item) {
            return item.status != ReadinessItem::Status::Failed || item.title == QStringLiteral("Evals")
                || item.title == QStringLiteral("Approvals");
        });
    };
    // At the default 5% tolerance its guardrails need half an hour of traffic to read healthy (the
    // candidate is about 2% worse on no_answer_rate). This team allows 15% on both sequential
    // guardrails, so what holds the route back is its evals.
    const QString contractPath = m_contracts->folder() + QStringLiteral("/support-assistant-route.yaml");
    QFile contractFile(contractPath);
    QVERIFY(contractFile.open(QIODevice::ReadOnly));
    QByteArray contractText = contractFile.readAll();
    contractFile.close();
    for (const QByteArray &sequential : {QByteArray("    direction: lower_is_better\n    rule: sequential\n"),
                                         QByteArray("    threshold: 0.02\n    rule: sequential\n")}) {
        QVERIFY(contractText.contains(sequential));
        contractText.replace(sequential, sequential + "    tolerance: 15%\n");
    }
    QVERIFY(contractFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    contractFile.write(contractText);
    contractFile.close();
    const auto tolerances = [&] {
        QList<double> found;
        if (const Contract *contract = m_contracts->find(route.key, route.environment, true)) {
            for (const ContractGuardrail &guardrail : contract->guardrails) {
                if (!guardrail.rule.isEmpty())
                    found.append(guardrail.toleranceOrDefault());
            }
        }
        return found;
    };
    QTRY_COMPARE(tolerances(), (QList<double>{0.15, 0.15}));
    QTest::qWait(10); // the guardrail watcher takes the changed contract on the event loop's next turn
    QVERIFY(runTrafficUntil(readyButForEvals));
    const auto proposalsForRoute = [&] {
        QList<Proposal> found;
        // Reviewers say no as they come, so the queue's limit never holds the route back.
        for (int round = 0; round < 10; ++round) {
            const QList<QList<Proposal>> looks = lookUntilQuiet();
            if (looks.isEmpty())
                break;
            for (const QList<Proposal> &look : looks) {
                for (const Proposal &made : look) {
                    if (made.target == route)
                        found.append(made);
                }
            }
            rejectAllPending();
        }
        return found;
    };
    QCOMPARE(m_stages->nextStageEvals(route).size(), 1);
    QCOMPARE(m_stages->nextStageEvals(route).first().state, EvalCheck::State::Missing);
    QVERIFY(proposalsForRoute().isEmpty());

    QSignalSpy changed(&evals, &EvalWatcher::changed);
    const QString folder = m_contracts->folder() + QStringLiteral("/evals");
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts/evals/support-assistant-route.json"),
                        folder + QStringLiteral("/support-assistant-route.json")));
    QTRY_VERIFY(changed.count() > 0);
    const QList<Proposal> made = proposalsForRoute();
    QCOMPARE(made.size(), 1);
    QCOMPARE(made.first().action, FlagAction::AdvanceStage);
    QVERIFY2(made.first().reason.contains(QStringLiteral("Evals: citation_first_v2 — 198 of 200 passed (≥ 97% required), "
                                                         "citation_accuracy 0.97 (≥ 0.95 required), report ")),
             qPrintable(made.first().reason));
    const QJsonObject cited = made.first().evidence.value(QStringLiteral("evals")).toArray().first().toObject();
    QCOMPARE(cited.value(QStringLiteral("state")).toString(), QStringLiteral("passed"));
    QCOMPARE(cited.value(QStringLiteral("passed")).toInt(), 198);
    QCOMPARE(cited.value(QStringLiteral("stage")).toString(), QStringLiteral("20_percent"));
    QVERIFY(made.first().evidence.value(QStringLiteral("links")).toArray().contains(
        QUrl::fromLocalFile(folder + QStringLiteral("/support-assistant-route.json")).toString(QUrl::FullyEncoded)));
}

void tst_SandboxAgent::aWideIntervalKeepsTheGateClosedAsNotEnoughEvidence()
{
    // The sandbox's candidates at a few percent of traffic: some guardrail's interval is still
    // wider than its tolerance, though it shows no regression.
    QList<FlagRef> wide;
    for (int i = 0; i < m_rig->store()->count(); ++i) {
        const FlagStore::Entry &row = m_rig->store()->at(i);
        if (row.ref.connectionId == Sandbox && row.health == GuardrailVerdict::NotEnoughEvidence
            && m_stages->preview(row.ref, FlagAction::AdvanceStage))
            wide.append(row.ref);
    }
    QVERIFY2(!wide.isEmpty(), "no sandbox candidate with a wide interval");
    for (const FlagRef &ref : std::as_const(wide)) {
        const StageSnapshot snapshot = m_stages->snapshot(ref);
        const auto gate = std::find_if(snapshot.gate.cbegin(), snapshot.gate.cend(), [](const ReadinessItem &item) {
            return item.title == QStringLiteral("Guardrails green");
        });
        QVERIFY(gate != snapshot.gate.cend());
        QCOMPARE(gate->status, ReadinessItem::Status::Failed);
        QVERIFY2(gate->detail.startsWith(QStringLiteral("not enough evidence yet")), qPrintable(gate->detail));
        QVERIFY(!m_stages->preview(ref, FlagAction::AdvanceStage)->gateOpen);
    }
    for (const Proposal &made : m_agent->look())
        QVERIFY2(made.action != FlagAction::AdvanceStage || !wide.contains(made.target), qPrintable(made.target.key));
}

void tst_SandboxAgent::healthySandboxFlagsAreProposedForExpansion()
{
    const QList<FlagRef> healthy = expandable(Sandbox);
    // Enough of them that the limit per look matters, and the lab's would qualify but for the connection.
    QVERIFY2(healthy.size() > SandboxAgent::MaxExpansionsPerLook, qPrintable(QString::number(healthy.size())));
    QVERIFY(!expandable(Lab).isEmpty());
    for (int i = 0; i < m_rig->store()->count(); ++i)
        QVERIFY(m_rig->store()->at(i).health != GuardrailVerdict::Regressed); // nothing to roll back yet

    const QList<QList<Proposal>> looks = lookUntilQuiet();
    QList<FlagRef> proposed;
    for (qsizetype look = 0; look < looks.size(); ++look) {
        // Expansions go in the order the flags are shown, at most so many per look.
        QList<FlagRef> targets;
        for (const Proposal &made : looks[look]) {
            checkStored(made, FlagAction::AdvanceStage);
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(made.reason.startsWith(QStringLiteral("Every guardrail is healthy")), qPrintable(made.reason));
            QCOMPARE(made.target.connectionId, Sandbox);
            targets.append(made.target);
        }
        QCOMPARE(targets, healthy.mid(look * SandboxAgent::MaxExpansionsPerLook, SandboxAgent::MaxExpansionsPerLook));
        proposed += targets;
    }
    // The first healthy sandbox flags once, no more waiting at a time than the queue can take,
    // and nothing of the lab.
    QCOMPARE(proposed, healthy.mid(0, SandboxAgent::MaxPendingExpansions));
    const Result<QList<Proposal>> pending = m_inbox->list(ProposalStatus::Pending);
    QVERIFY(pending);
    QCOMPARE(pending->size(), std::min(healthy.size(), qsizetype(SandboxAgent::MaxPendingExpansions)));
    for (const Proposal &proposal : pending.value())
        QCOMPARE(proposal.target.connectionId, Sandbox);
    // Once a reviewer has decided them, the next ones come.
    if (healthy.size() > SandboxAgent::MaxPendingExpansions) {
        rejectAllPending();
        QList<FlagRef> next;
        for (const QList<Proposal> &later : lookUntilQuiet()) {
            for (const Proposal &made : later)
                next.append(made.target);
        }
        QCOMPARE(next, healthy.mid(SandboxAgent::MaxPendingExpansions, SandboxAgent::MaxPendingExpansions));
    }
    // It only proposes: no flag was touched.
    QCOMPARE(m_killSwitch->pendingCount(), 0);
    for (int i = 0; i < m_rig->store()->count(); ++i)
        QCOMPARE(m_rig->store()->at(i).operation, FlagStore::Operation::None);
    QVERIFY(TestAudit::written(*m_rig->audit()).isEmpty());
}

void tst_SandboxAgent::aRegressedFlagIsProposedForRollback()
{
    // Both servers' support-assistant-route candidates regress (their contract does not set auto_kill).
    const FlagRef route{Sandbox, QStringLiteral("production"), QStringLiteral("support-assistant-route")};
    const FlagRef labRoute{Lab, QStringLiteral("production"), QStringLiteral("support-assistant-route")};
    const InjectedRegression regression{route.key, QStringLiteral("citation_first_v2"), QStringLiteral("no_answer_rate"), 2.0};
    m_watcher->simulator()->addRegression(regression);
    m_labTraffic->addRegression(regression);
    QVERIFY2(runTrafficUntil([&] {
                 return verdict(route) == GuardrailVerdict::Regressed && verdict(labRoute) == GuardrailVerdict::Regressed;
             }),
             "no regression within 300 simulated seconds");
    QVERIFY(m_stages->preview(labRoute, FlagAction::RollbackStage)); // the lab's could be rolled back too

    const QList<Proposal> made = m_agent->look();
    QList<Proposal> rollbacks;
    int expansions = 0;
    for (const Proposal &proposal : made) {
        QCOMPARE(proposal.target.connectionId, Sandbox);
        if (proposal.action == FlagAction::AdvanceStage)
            ++expansions;
        else
            rollbacks.append(proposal);
    }
    QVERIFY(expansions <= SandboxAgent::MaxExpansionsPerLook);
    QCOMPARE(rollbacks.size(), 1);
    const Proposal &rollback = rollbacks.first();
    QCOMPARE(rollback.target, route);
    checkStored(rollback, FlagAction::RollbackStage);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(rollback.reason.startsWith(QStringLiteral("Guardrail regression: no_answer_rate")), qPrintable(rollback.reason));
    QCOMPARE(rollback.evidence.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("verdict")).toString(),
             verdictName(GuardrailVerdict::Regressed));

    // Told once: later looks leave it alone.
    for (const QList<Proposal> &later : lookUntilQuiet()) {
        for (const Proposal &proposal : later) {
            QVERIFY(proposal.target != route);
            QCOMPARE(proposal.target.connectionId, Sandbox);
        }
    }
    QVERIFY(m_rig->store()->find(route)->flag.enabled);
}

void tst_SandboxAgent::neverTwiceForTheSameRevision()
{
    const QList<Proposal> first = m_agent->look();
    QCOMPARE(first.size(), SandboxAgent::MaxExpansionsPerLook);
    // A reviewer says no to them: nothing of the agent's is pending for these flags any more.
    for (const Proposal &proposal : first) {
        ProposalInbox::DecisionRequest request;
        request.proposalId = proposal.id;
        request.decision.reviewer = QStringLiteral("oncall-alice");
        request.decision.verdict = ProposalDecision::Verdict::Reject;
        request.decision.flagRevision = proposal.flagRevision;
        request.currentRevision = proposal.flagRevision;
        request.nowMs = QDateTime::currentMSecsSinceEpoch();
        const Result<Proposal> rejected = m_inbox->decide(request);
        QVERIFY2(rejected, qPrintable(rejected.error()));
        QCOMPARE(rejected->status, ProposalStatus::Rejected);
    }
    for (const QList<Proposal> &later : lookUntilQuiet()) {
        for (const Proposal &proposal : later) {
            for (const Proposal &earlier : first)
                QVERIFY(proposal.target != earlier.target);
        }
    }
    QVERIFY(m_agent->look().isEmpty());
    rejectAllPending(); // room in the queue for the question below

    // The flag is written again: a new revision is a new question.
    const FlagRef flag = first.first().target;
    const Flag before = m_rig->store()->find(flag)->flag;
    VERIFY_OK(m_rig->server(Sandbox)->changeFlagExternally(flag.environment, before, QStringLiteral("bob")));
    QTRY_VERIFY(m_rig->store()->find(flag)->flag.revision != before.revision);
    QTRY_COMPARE(m_watcher->monitor()->watch(flag)->windowStartMs, m_rig->store()->find(flag)->flag.updatedAtMs);
    QVERIFY(verdict(flag) != GuardrailVerdict::Healthy); // judged afresh, from no data
    for (const Proposal &proposal : m_agent->look())
        QVERIFY(proposal.target != flag); // not before it is healthy again
    QVERIFY2(runTrafficUntil([&] { return verdict(flag) == GuardrailVerdict::Healthy; }),
             qPrintable(m_rig->store()->find(flag)->healthSummary));
    QList<Proposal> again;
    for (const QList<Proposal> &later : lookUntilQuiet()) {
        for (const Proposal &proposal : later) {
            if (proposal.target == flag)
                again.append(proposal);
        }
    }
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.first().flagRevision, m_rig->store()->find(flag)->flag.revision);
    checkStored(again.first(), FlagAction::AdvanceStage);
}

void tst_SandboxAgent::notWhileItsOwnProposalIsPending()
{
    const QList<FlagRef> healthy = expandable(Sandbox);
    QVERIFY(healthy.size() > SandboxAgent::MaxExpansionsPerLook);
    const FlagRef own = healthy.at(0);
    const FlagRef others = healthy.at(1);
    // Left in the inbox by an earlier run of the console, and by another agent.
    const auto leave = [&](const FlagRef &ref, const QString &agent) {
        Proposal proposal;
        proposal.proposer = {agent, QStringLiteral("FlagDeck sandbox"), QString(), QString()};
        proposal.target = ref;
        proposal.action = FlagAction::AdvanceStage;
        proposal.flagRevision = m_rig->store()->find(ref)->flag.revision;
        proposal.flagBefore = flagToJson(m_rig->store()->find(ref)->flag);
        proposal.reason = QStringLiteral("expand");
        return m_inbox->propose(proposal);
    };
    const Result<Proposal> earlier = leave(own, SandboxAgent::AgentName);
    QVERIFY2(earlier, qPrintable(earlier.error()));
    QVERIFY(leave(others, QStringLiteral("rollback-agent")));

    const QList<Proposal> made = m_agent->look();
    QVERIFY(!made.isEmpty());
    QCOMPARE(made.first().target, others); // another agent's proposal does not hold it back
    QList<Proposal> all = made;
    for (const QList<Proposal> &later : lookUntilQuiet())
        all += later;
    for (const Proposal &proposal : std::as_const(all))
        QVERIFY2(proposal.target != own, "proposed again while its own proposal waits");
    const Result<QList<Proposal>> pending = m_inbox->list(ProposalStatus::Pending, own.key);
    QVERIFY(pending);
    const qsizetype ownPending = std::count_if(pending->cbegin(), pending->cend(), [&](const Proposal &proposal) {
        return proposal.target == own && proposal.proposer.agent == SandboxAgent::AgentName;
    });
    QCOMPARE(ownPending, 1);
    QCOMPARE(m_inbox->find(earlier->id)->status, ProposalStatus::Pending);
}

void tst_SandboxAgent::startLooksOnItsOwn()
{
    QVERIFY(m_inbox->list(ProposalStatus::Pending)->isEmpty());
    m_agent->start(0);
    QTRY_COMPARE(m_inbox->list(ProposalStatus::Pending)->size(), qsizetype(SandboxAgent::MaxExpansionsPerLook));
    const Result<QList<Proposal>> pending = m_inbox->list(ProposalStatus::Pending);
    QVERIFY(pending);
    for (const Proposal &proposal : pending.value())
        QCOMPARE(proposal.proposer.agent, SandboxAgent::AgentName);
}

void tst_SandboxAgent::aKilledFlagIsNeverExpandedAndItsExpansionWithdrawn()
{
    const QList<Proposal> first = m_agent->look();
    QVERIFY(!first.isEmpty());
    const Proposal expansion = first.first();
    QCOMPARE(expansion.action, FlagAction::AdvanceStage);
    const FlagRef flag = expansion.target;
    // The on-call engineer kills it while the expansion waits.
    m_killSwitch->kill({flag}, QStringLiteral("incident"));
    QTRY_VERIFY(!m_rig->store()->find(flag)->flag.enabled);
    QTRY_COMPARE(m_rig->store()->find(flag)->operation, FlagStore::Operation::None);

    for (const QList<Proposal> &later : lookUntilQuiet()) {
        for (const Proposal &proposal : later)
            QVERIFY2(proposal.target != flag, "proposed something for a flag that is off");
    }
    // Its expansion no longer stands: withdrawn, saying why.
    const Result<Proposal> withdrawn = m_inbox->find(expansion.id);
    QVERIFY(withdrawn);
    QCOMPARE(withdrawn->status, ProposalStatus::Superseded);
    QVERIFY2(withdrawn->outcome.contains(QStringLiteral("off")), qPrintable(withdrawn->outcome));
    QVERIFY(ownPending(flag).isEmpty());
    // Healthy traffic on a flag that is off changes nothing.
    runTraffic(120);
    for (const QList<Proposal> &later : lookUntilQuiet()) {
        for (const Proposal &proposal : later)
            QVERIFY(proposal.target != flag);
    }
}

void tst_SandboxAgent::aRegressionReplacesItsPendingExpansion()
{
    // Its contract does not set auto_kill: a person decides, and the agent asks.
    const FlagRef route{Sandbox, QStringLiteral("production"), QStringLiteral("support-assistant-route")};
    const Result<Proposal> expansion = leave(route, SandboxAgent::AgentName, FlagAction::AdvanceStage);
    QVERIFY2(expansion, qPrintable(expansion.error()));
    m_watcher->simulator()->addRegression(
        {route.key, QStringLiteral("citation_first_v2"), QStringLiteral("no_answer_rate"), 2.0});
    QVERIFY2(runTrafficUntil([&] { return verdict(route) == GuardrailVerdict::Regressed; }),
             "no regression within 300 simulated seconds");

    const QList<Proposal> made = m_agent->look();
    QList<Proposal> forRoute;
    for (const Proposal &proposal : made) {
        if (proposal.target == route)
            forRoute.append(proposal);
        else
            QCOMPARE(proposal.action, FlagAction::AdvanceStage);
    }
    QCOMPARE(forRoute.size(), 1);
    QCOMPARE(forRoute.first().action, FlagAction::RollbackStage);
    QVERIFY(isRegressionDriven(forRoute.first()));
    // One question per flag: the rollback, not the expansion beside it.
    const QList<Proposal> pending = ownPending(route);
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().id, forRoute.first().id);
    QCOMPARE(m_inbox->find(expansion->id)->status, ProposalStatus::Superseded);
    // Nothing more for it while the rollback waits.
    for (const QList<Proposal> &later : lookUntilQuiet()) {
        for (const Proposal &proposal : later)
            QVERIFY(proposal.target != route);
    }
    QCOMPARE(ownPending(route).size(), 1);
}

int main(int argc, char *argv[])
{
    // The simulated traffic comes from one seeded generator, drawn flag after flag in the order of
    // the simulator's hash table: a fixed hash seed gives every flag the same traffic on every run.
    QHashSeed::setDeterministicGlobalSeed();
    QCoreApplication app(argc, argv);
    tst_SandboxAgent test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sandboxagent.moc"
