// "What changed, and put it back" on the sandbox: changes on two flags by a person, another person
// and the guardrail monitor, grouped with their net change; a rollout change put back exactly
// through the confirmed-change engine; a revert refused because the flag moved since its preview;
// every flag as it was at a time; and a person's Advance that the contract puts under four eyes.
#include "changesview.h"
#include "connectors/sandbox/sandboxserver.h"
#include "consolegui.h"
#include "control/killswitch.h"
#include "control/proposalreview.h"
#include "control/revertdesk.h"
#include "control/stageactions.h"
#include "item/changetablemodel.h"
#include "item/flagstateatmodel.h"
#include "languagesetup.h"
#include "stageview.h"

#include <QDateTimeEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeView>

class tst_WhatChanged : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void changesGroupedPutBackRefusedAndAsTheyWere();
    void aPolicyGatedAdvanceGoesThroughTheQueueAndRunsOnce();

private:
    FlagRef production(const QString &key) const { return {QStringLiteral("sandbox"), QStringLiteral("production"), key}; }
    const Flag &flagOf(const FlagRef &ref) const { return m_console->controller().flagStore()->find(ref)->flag; }
    // Acts as this person from now on: the audit's actor and the queue's reviewer.
    void actAs(const QString &person);
    // Sends a rollout change as the person acting now and waits for the server to confirm it.
    void changeRollout(const FlagRef &ref, const Rollout &target);
    void select(const QModelIndex &index);
    QString previewText() const;

    std::unique_ptr<ConsoleGui::FreshSandboxConsole> m_console;
};

void tst_WhatChanged::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
}

void tst_WhatChanged::init()
{
    m_console = std::make_unique<ConsoleGui::FreshSandboxConsole>();
    QVERIFY(m_console->start());
}

void tst_WhatChanged::cleanup()
{
    m_console.reset();
}

void tst_WhatChanged::actAs(const QString &person)
{
    m_console->controller().killSwitch()->setActor(person);
    m_console->controller().stageActions()->setActor(person);
    m_console->controller().reverts()->setActor(person);
}

void tst_WhatChanged::changeRollout(const FlagRef &ref, const Rollout &target)
{
    StagePreview change;
    change.ref = ref;
    change.action = FlagAction::SetRollout;
    change.target = target;
    change.expectedRevision = flagOf(ref).revision;
    QSignalSpy confirmed(m_console->controller().stageActions(), &StageActions::confirmed);
    QVERIFY(m_console->controller().stageActions()->apply(change, QStringLiteral("test")));
    QTRY_COMPARE(confirmed.count(), 1);
}

void tst_WhatChanged::select(const QModelIndex &index)
{
    QTreeView *tree = m_console->window().changesView()->tree();
    tree->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QString tst_WhatChanged::previewText() const
{
    return m_console->window().changesView()->findChild<QLabel *>(QStringLiteral("revertPreviewText"))->text();
}

void tst_WhatChanged::changesGroupedPutBackRefusedAndAsTheyWere()
{
    MainWindow &window = m_console->window();
    const FlagRef route = production(QStringLiteral("support-assistant-route"));
    const FlagRef chat = production(QStringLiteral("chat-model-route"));
    const Flag routeBefore = flagOf(route);
    const Flag chatBefore = flagOf(chat);
    QCOMPARE(routeBefore.rollout.basisPointsOf(QStringLiteral("citation_first_v2")), 500);
    QVERIFY(chatBefore.enabled);
    QVERIFY(chatBefore.rollout.shares().size() >= 2);
    // "As it was" is asked of a moment before any of the changes.
    const QDateTime beforeChanges = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch());
    QTest::qWait(1100);

    // Three changes on two flags by three actors.
    actAs(QStringLiteral("alice"));
    changeRollout(route, Rollout({{QStringLiteral("baseline_profile"), 8000}, {QStringLiteral("citation_first_v2"), 2000}}));
    actAs(QStringLiteral("bob"));
    const VariationShare first = chatBefore.rollout.shares().at(0);
    const VariationShare second = chatBefore.rollout.shares().at(1);
    const int moved = first.basisPoints >= 1000 ? 1000 : -1000;
    Rollout chatRollout = chatBefore.rollout;
    QList<VariationShare> shares = chatRollout.shares();
    shares[0].basisPoints = first.basisPoints - moved;
    shares[1].basisPoints = second.basisPoints + moved;
    changeRollout(chat, Rollout(shares));
    QSignalSpy killed(m_console->controller().killSwitch(), &KillSwitch::confirmed);
    m_console->controller().killSwitch()->kill(
        {chat}, QStringLiteral("auto_kill: p95_latency regressed"),
        ConfirmedChanges::Actor{QStringLiteral("FlagDeck guardrail monitor"), ActorKind::System});
    QTRY_COMPARE(killed.count(), 1);
    m_console->controller().auditWriter()->flush();

    // Ctrl+4: grouped by flag, the net change said once, who and the monitor's mark.
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.tabs()->currentWidget(), window.changesView());
    ChangeTableModel *changes = window.models()->changes();
    QTRY_VERIFY(changes->indexOf(chat).isValid() && changes->rowCount(changes->indexOf(chat)) == 2);
    const QModelIndex chatRow = changes->indexOf(chat);
    const QString chatNet = chatRow.siblingAtColumn(ChangeTableModel::ChangeColumn).data().toString();
    QVERIFY2(chatNet.startsWith(QStringLiteral("disabled, rollout of ")), qPrintable(chatNet));
    QVERIFY2(chatNet.endsWith(QLatin1String("(net of 2 changes)")), qPrintable(chatNet));
    QCOMPARE(chatRow.siblingAtColumn(ChangeTableModel::WhoColumn).data().toString(),
             QStringLiteral("FlagDeck guardrail monitor (monitor), bob"));
    QCOMPARE(ChangeTableModel::Mark(chatRow.data(ChangeTableModel::MarkRole).toInt()), ChangeTableModel::Mark::Monitor);
    const QModelIndex routeRow = changes->indexOf(route);
    QCOMPARE(changes->rowCount(routeRow), 1);
    QCOMPARE(routeRow.siblingAtColumn(ChangeTableModel::WhoColumn).data().toString(), QStringLiteral("alice"));
    QVERIFY(routeRow.row() > chatRow.row()); // the flag changed last comes first

    // Put back alice's rollout change: previewed exactly, then confirmed by the server.
    select(changes->index(0, 0, routeRow));
    QTest::mouseClick(window.changesView()->findChild<QPushButton *>(QStringLiteral("putBackButton")), Qt::LeftButton);
    QVERIFY2(previewText().contains(QLatin1String("Put support-assistant-route in production back as it was before 1 change")),
             qPrintable(previewText()));
    QVERIFY2(previewText().contains(QLatin1String("<b>20%</b></td><td><b>5%</b>")), qPrintable(previewText()));
    auto *confirm = window.changesView()->findChild<QPushButton *>(QStringLiteral("confirmRevertButton"));
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY2(previewText().contains(QLatin1String("back as it was: confirmed by the server")), qPrintable(previewText()));
    QCOMPARE(flagOf(route).rollout, routeBefore.rollout);
    // Audited as a revert that names the change it reverts.
    m_console->controller().auditWriter()->flush();
    const QList<AuditEntry> written = TestAudit::written(*m_console->controller().auditWriter());
    const auto revert = std::find_if(written.cbegin(), written.cend(), [](const AuditEntry &entry) {
        return entry.action == QLatin1String("revert") && entry.outcome == QLatin1String("confirmed");
    });
    QVERIFY(revert != written.cend());
    QCOMPARE(revert->actor, QStringLiteral("bob"));
    QVERIFY2(revert->comment.startsWith(QLatin1String("reverts console:")), qPrintable(revert->comment));
    // The revert joins the view as a change of its own.
    QTRY_COMPARE(changes->rowCount(changes->indexOf(route)), 2);

    // Putting chat-model-route back, but someone restored it after the preview: refused, and said why.
    select(changes->indexOf(chat));
    QTest::mouseClick(window.changesView()->findChild<QPushButton *>(QStringLiteral("putBackButton")), Qt::LeftButton);
    QVERIFY2(previewText().contains(QLatin1String("before 2 changes")), qPrintable(previewText()));
    QVERIFY(confirm->isEnabled());
    QSignalSpy restored(m_console->controller().killSwitch(), &KillSwitch::confirmed);
    m_console->controller().killSwitch()->restore({chat}, QStringLiteral("back on"));
    QTRY_COMPARE(restored.count(), 1);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY2(previewText().contains(QLatin1String("Not put back:")), qPrintable(previewText()));
    QVERIFY2(previewText().contains(QLatin1String("What changed since the preview:")), qPrintable(previewText()));
    QVERIFY2(previewText().contains(QLatin1String("enabled")), qPrintable(previewText()));
    QCOMPARE(flagOf(chat).rollout, Rollout(shares)); // nothing sent

    // Every flag as it was before the changes, beside how it is now.
    window.changesView()->findChild<QDateTimeEdit *>(QStringLiteral("stateAtTime"))->setDateTime(beforeChanges);
    QTest::mouseClick(window.changesView()->findChild<QPushButton *>(QStringLiteral("showStateAtButton")), Qt::LeftButton);
    auto *table = window.changesView()->findChild<QTableView *>(QStringLiteral("stateAtTable"));
    QVERIFY(table->isVisible());
    const QAbstractItemModel *states = table->model();
    int chatState = -1;
    for (int row = 0; row < states->rowCount(); ++row) {
        if (states->index(row, FlagStateAtModel::FlagColumn).data().toString() == chat.key
            && states->index(row, FlagStateAtModel::EnvironmentColumn).data().toString() == chat.environment)
            chatState = row;
    }
    QVERIFY(chatState >= 0);
    const QString then = states->index(chatState, FlagStateAtModel::ThenColumn).data().toString();
    QVERIFY2(then.startsWith(QStringLiteral("on · ")), qPrintable(then));
    QVERIFY2(then.contains(QStringLiteral("%1 %2").arg(first.variationId, Rollout::formatPercent(first.basisPoints))),
             qPrintable(then));
    QVERIFY(states->index(chatState, 0).data(FlagStateAtModel::DiffersRole).toBool());
    QVERIFY(window.changesView()->findChild<QLabel *>(QStringLiteral("stateAtTitle"))->text().contains(QLatin1String("History:")));
}

void tst_WhatChanged::aPolicyGatedAdvanceGoesThroughTheQueueAndRunsOnce()
{
    MainWindow &window = m_console->window();
    ConsoleController &controller = m_console->controller();
    const FlagRef route = production(QStringLiteral("support-assistant-route"));
    // 5% → 20% is medium risk: the contract needs no approval, so it goes straight to the server.
    actAs(QStringLiteral("alice"));
    const Result<StagePreview> toTwenty = controller.stageActions()->preview(route, FlagAction::AdvanceStage);
    QVERIFY(toTwenty.ok());
    QCOMPARE(toTwenty->approvalsRequired, 0);
    QVERIFY(controller.applyStage(toTwenty.value(), QString()).sent);
    QTRY_COMPARE(flagOf(route).rollout.basisPointsOf(QStringLiteral("citation_first_v2")), 2000);

    // 20% → 50% is high risk: one approval. Alice's Advance becomes her proposal in the queue.
    window.selectFlag(route.key);
    StageView *view = window.stageView();
    QTRY_VERIFY(view->findChild<QPushButton *>(QStringLiteral("stageAdvance"))->isEnabled());
    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("stageAdvance")), Qt::LeftButton);
    auto *preview = view->findChild<QLabel *>(QStringLiteral("stagePreview"));
    QVERIFY2(preview->text().contains(QLatin1String("goes to the approval queue as your proposal")), qPrintable(preview->text()));
    auto *send = view->findChild<QPushButton *>(QStringLiteral("stageSend"));
    QCOMPARE(send->text(), QStringLiteral("Ask for approval"));
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY2(preview->text().contains(QLatin1String("Sent to the approval queue as proposal")), qPrintable(preview->text()));
    QTest::qWait(200);
    QCOMPARE(flagOf(route).rollout.basisPointsOf(QStringLiteral("citation_first_v2")), 2000); // nothing sent

    ProposalReview *review = controller.proposals();
    const std::optional<Proposal> queued = review->openProposal(route, FlagAction::AdvanceStage);
    QVERIFY(queued);
    QCOMPARE(queued->proposer.agent, QStringLiteral("alice"));
    QVERIFY(isPersonProposal(*queued));
    QCOMPARE(queued->risk, Contract::Risk::High);
    // The gate's Approvals line reads the queue.
    QTRY_VERIFY(controller.stageActions()->snapshot(route).gate.constLast().detail.contains(
        QStringLiteral("proposal %1 by alice (pending): 0 of 1 given").arg(queued->id.left(8))));
    // Alice cannot approve her own.
    QVERIFY(!review->approve(queued->id, QStringLiteral("mine"), false).ok());

    // Bob approves: it runs once, with his console, and the server confirms it.
    actAs(QStringLiteral("bob"));
    const Result<Proposal> approved = review->approve(queued->id, QStringLiteral("latency fine at 20%"), false);
    QVERIFY2(approved.ok(), approved.ok() ? "" : qPrintable(approved.error()));
    QTRY_COMPARE(flagOf(route).rollout.basisPointsOf(QStringLiteral("citation_first_v2")), 5000);
    QTRY_COMPARE(review->proposal(queued->id)->status, ProposalStatus::Executed);
    const Result<bool> again = review->run(queued->id);
    QVERIFY(again.ok() && !again.value());
    controller.auditWriter()->flush();
    int advances = 0;
    for (const AuditEntry &entry : TestAudit::written(*controller.auditWriter())) {
        if (entry.action == QLatin1String("advance_stage") && entry.outcome == QLatin1String("confirmed")
            && entry.comment.contains(queued->id.left(8)))
            ++advances;
    }
    QCOMPARE(advances, 1);

    // The kill switch is never held back by the policy.
    QSignalSpy killed(controller.killSwitch(), &KillSwitch::confirmed);
    controller.killSwitch()->kill({route}, QStringLiteral("incident"));
    QTRY_COMPARE(killed.count(), 1);
}

QTEST_MAIN(tst_WhatChanged)
#include "tst_whatchanged.moc"
