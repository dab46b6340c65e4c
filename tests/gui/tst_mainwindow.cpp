#include "connectors/sandbox/sandboxserver.h"
#include "control/consolecontroller.h"
#include "control/guardrailwatcher.h"
#include "control/killswitch.h"
#include "guardrailcharts.h"
#include "metrics/trafficsimulator.h"
#include "flagtableview.h"
#include "item/flagfilterproxy.h"
#include "item/flagtablemodel.h"
#include "auditbrowser.h"
#include "item/audittablemodel.h"
#include "killconfirmbar.h"
#include "stageview.h"
#include "control/proposalreview.h"
#include "control/sandboxagent.h"
#include "control/stageactions.h"
#include "core/flagjson.h"
#include "item/proposaltablemodel.h"
#include "proposaldetailpane.h"
#include "proposalqueueview.h"
#include "store/memorysecretstore.h"
#include "store/proposalinbox.h"
#include "languagesetup.h"
#include "item/consolemodels.h"
#include "mainwindow.h"
#include "sandboxhistory.h"
#include "testaudit.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QLineEdit>
#include <QChartView>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The real main window, offscreen, driven with real mouse and key events.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void killGestureGoesPendingThenOffAfterServerConfirms();
    void aStrayClickAloneChangesNothing();
    void bulkKillOfSelectedFlags();
    void searchNarrowsTheTable();
    void searchWordsMatchSeparatelyAndTheKeyboardGoesOn();
    void flagsThatNeedAPersonStandOut();
    void flagHistoryShowsTheKillInWords();
    void advanceAndRollBackAStage();
    void pauseHoldsTheStage();
    void guardrailRegressionIsChartedAndActedOn();
    void guardrailsSetInTheConsoleAreWatched();
    void anApprovedProposalRunsOnceAndIsConfirmed();
    void aChangedFlagMustBeReReviewed();
    void theSandboxAgentProposes();

private:
    QPoint actionCellCenter(const FlagRef &ref) const;
    QString stateOf(const FlagRef &ref) const;
    void saveScreenshot(const QString &name) const;
    QList<AuditEntry> consoleAuditEntries() const;
    void selectFlag(const FlagRef &flag);
    QString stageOf(const FlagRef &flag) const;
    // A proposal as an agent makes it through flagdeck mcp, against the flag as shown now.
    Proposal propose(const FlagRef &ref, FlagAction action, const QString &reason);
    void openProposal(const QString &id);
    FlagRef production(const QString &key) const { return {QStringLiteral("sandbox"), QStringLiteral("production"), key}; }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    MemorySecretStore m_secrets;
    std::unique_ptr<ConsoleController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    int m_auditFiles = 0;
    qint64 m_now = 0; // the sandbox traffic's clock, moved by the tests that watch guardrails
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The words a person sees, as the executable installs them (English, with its plural forms).
    installTranslations(QStringLiteral("en"));
    QVERIFY(m_dir.isValid());
}

void tst_MainWindow::init()
{
    const QString sandboxData = SandboxServer::defaultDatabasePath(QStringLiteral("sandbox"));
    QFile::remove(sandboxData); // every test starts from the seed
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_settings->clear();
    // A fresh cache for every test.
    const QString auditPath = m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(++m_auditFiles));
    m_controller = std::make_unique<ConsoleController>(*m_settings, TestAudit::openWriter(auditPath), &m_secrets);
    m_controller->setInboxLocation(m_dir.filePath(QStringLiteral("inbox-%1.sqlite").arg(m_auditFiles)));
    // The tests make their own proposals; theSandboxAgentProposes asks the agent to look.
    m_controller->setSandboxAgentEnabled(false);
    m_now = QDateTime::currentMSecsSinceEpoch();
    m_controller->guardrails()->simulator()->setClock([this] { return m_now; });
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->resize(1500, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_controller->start(true);
    QTRY_VERIFY(m_controller->initialLoadDone());
    // Slow enough that the pending state is observable by a person, and by this test.
    static_cast<SandboxServer *>(m_controller->server(QStringLiteral("sandbox")))->setLatency(300, 300);
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_settings.reset();
}

QPoint tst_MainWindow::actionCellCenter(const FlagRef &ref) const
{
    FlagTableView *table = m_window->flagTable();
    auto *proxy = static_cast<FlagFilterProxy *>(table->model());
    const QModelIndex source = m_window->models()->flags()->indexOf(ref, FlagTableModel::ActionColumn);
    const QModelIndex cell = proxy->mapFromSource(source);
    table->scrollTo(cell);
    return table->visualRect(cell).center();
}

QString tst_MainWindow::stateOf(const FlagRef &ref) const
{
    return m_window->models()->flags()->indexOf(ref, FlagTableModel::StateColumn).data().toString();
}

void tst_MainWindow::killGestureGoesPendingThenOffAfterServerConfirms()
{
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    FlagTableView *table = m_window->flagTable();
    auto *confirmBar = m_window->findChild<KillConfirmBar *>(QStringLiteral("killConfirmBar"));
    QVERIFY(confirmBar);
    QCOMPARE(stateOf(flag), QStringLiteral("On"));

    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, actionCellCenter(flag));
    QVERIFY(confirmBar->isVisible());
    QCOMPARE(confirmBar->armedFlags(), QList<FlagRef>{flag});
    QCOMPARE(stateOf(flag), QStringLiteral("On"));
    QCOMPARE(table->currentFlag(), flag);
    saveScreenshot(QStringLiteral("kill-armed.png"));

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(!confirmBar->isVisible());
    QCOMPARE(stateOf(flag), QStringLiteral("Kill pending…"));
    QTest::qWait(120);
    QCOMPARE(stateOf(flag), QStringLiteral("Kill pending…")); // the server has not answered yet

    QTRY_VERIFY_WITH_TIMEOUT(stateOf(flag).startsWith(QStringLiteral("KILLED by ")), 3000);
    auto *detailState = m_window->findChild<QLabel *>(QStringLiteral("flagState"));
    QVERIFY(detailState->text().startsWith(QStringLiteral("KILLED by ")));
    const QList<AuditEntry> audit = consoleAuditEntries();
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit.at(0).outcome, QStringLiteral("confirmed"));
    QCOMPARE(audit.at(1).outcome, QStringLiteral("requested"));

    saveScreenshot(QStringLiteral("kill-confirmed.png"));

    // Undo counts down on the row's button, and Ctrl+Z is the same undo.
    const QModelIndex action = m_window->models()->flags()->indexOf(flag, FlagTableModel::ActionColumn);
    const QRegularExpression countdown(QStringLiteral("^Undo \\((\\d+) s\\)$"));
    const QRegularExpressionMatch first = countdown.match(action.data().toString());
    QVERIFY2(first.hasMatch(), qPrintable(action.data().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(countdown.match(action.data().toString()).captured(1).toInt() < first.captured(1).toInt(), 2500);
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(flag), QStringLiteral("On"), 3000);
}

// This console's own records, apart from the server history the sync brings in.
QList<AuditEntry> tst_MainWindow::consoleAuditEntries() const
{
    QList<AuditEntry> entries = TestAudit::written(*m_controller->auditWriter());
    entries.removeIf([](const AuditEntry &entry) { return !entry.sourceId.startsWith(QLatin1String("console:")); });
    return entries;
}

void tst_MainWindow::flagHistoryShowsTheKillInWords()
{
    const FlagRef flag = production(QStringLiteral("answer-reranker"));
    static_cast<SandboxServer *>(m_controller->server(QStringLiteral("sandbox")))->setLatency(5, 5);
    m_controller->killSwitch()->kill({flag}, QStringLiteral("reranker timeouts, INC-4711"));
    QTRY_VERIFY(stateOf(flag).startsWith(QStringLiteral("KILLED by ")));

    FlagTableView *table = m_window->flagTable();
    auto *proxy = static_cast<FlagFilterProxy *>(table->model());
    table->setCurrentIndex(proxy->mapFromSource(m_window->models()->flags()->indexOf(flag)));
    QTest::keyClick(table, Qt::Key_H, Qt::ControlModifier);
    AuditBrowser *browser = m_window->auditBrowser();
    QVERIFY(browser->isVisible());
    auto *audit = static_cast<AuditTableModel *>(browser->table()->model());
    // The console's two records, and the server's own history of the flag (up to the kill) once synced.
    const int serverHistory = SandboxHistory::count(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox")),
                                                    flag.environment, flag.key);
    QVERIFY(serverHistory >= 3); // created, widened, killed
    QTRY_COMPARE_WITH_TIMEOUT(audit->rowCount(), serverHistory + 2, 5000);
    for (int row = 0; row < audit->rowCount(); ++row)
        QCOMPARE(audit->entryAt(row)->flagKey, flag.key);

    // The newest entry, clicked: what it did, in words, beside the raw JSON.
    const QModelIndex newest = audit->index(0, AuditTableModel::ChangeColumn);
    QTest::mouseClick(browser->table()->viewport(), Qt::LeftButton, {}, browser->table()->visualRect(newest).center());
    auto *changes = browser->findChild<QLabel *>(QStringLiteral("auditChanges"));
    QVERIFY2(changes->text().contains(QStringLiteral("disabled")), qPrintable(changes->text()));
    // And how it got there: a widening of the rollout, in words.
    int widening = 0;
    while (audit->entryAt(widening)->action != QLatin1String("set_rollout"))
        ++widening;
    browser->table()->selectRow(widening);
    QVERIFY2(changes->text().contains(QStringLiteral("rollout of on 1% → 5%")), qPrintable(changes->text()));
    saveScreenshot(QStringLiteral("audit-browser.png"));

    // Full-text search across everything: the incident number typed into the search field.
    browser->showFlagHistory({}, {}, {});
    QTest::keyClicks(browser->searchField(), QStringLiteral("INC-47"));
    // The comment is on this console's request, on its confirmation and on the server's own record of the kill.
    QTRY_COMPARE_WITH_TIMEOUT(audit->rowCount(), 3, 3000);
    int serverRecord = 0;
    while (serverRecord < audit->rowCount() && audit->entryAt(serverRecord)->outcome != QLatin1String("applied"))
        ++serverRecord;
    QVERIFY(serverRecord < audit->rowCount());
    browser->table()->selectRow(serverRecord);
    QVERIFY(changes->text().contains(QStringLiteral("applied")));
}

void tst_MainWindow::selectFlag(const FlagRef &flag)
{
    auto *proxy = static_cast<FlagFilterProxy *>(m_window->flagTable()->model());
    m_window->flagTable()->setCurrentIndex(proxy->mapFromSource(m_window->models()->flags()->indexOf(flag)));
}

QString tst_MainWindow::stageOf(const FlagRef &flag) const
{
    return m_window->models()->flags()->indexOf(flag, FlagTableModel::StageColumn).data().toString();
}

void tst_MainWindow::advanceAndRollBackAStage()
{
    const FlagRef flag = production(QStringLiteral("support-assistant-route"));
    QCOMPARE(stageOf(flag), QStringLiteral("5_percent_eligible_traffic (2 of 5)"));
    selectFlag(flag);
    StageView *view = m_window->stageView();
    auto *preview = view->findChild<QLabel *>(QStringLiteral("stagePreview"));
    auto *send = view->findChild<QPushButton *>(QStringLiteral("stageSend"));

    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("stageAdvance")), Qt::LeftButton);
    QVERIFY(send->isVisible());
    QVERIFY2(preview->text().contains(QStringLiteral("Advance to 20_percent?")), qPrintable(preview->text()));
    QVERIFY2(preview->text().contains(QStringLiteral("rollout of citation first v2 5% → 20%")), qPrintable(preview->text()));
    saveScreenshot(QStringLiteral("stage-advance.png"));
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(stateOf(flag), QStringLiteral("Rollout change pending…"));
    QCOMPARE(stageOf(flag), QStringLiteral("5_percent_eligible_traffic (2 of 5)")); // not before the server says so
    QTRY_COMPARE_WITH_TIMEOUT(stageOf(flag), QStringLiteral("20_percent (3 of 5)"), 3000);
    QCOMPARE(stateOf(flag), QStringLiteral("On"));
    QCOMPARE(m_controller->flagStore()->find(flag)->flag.rollout.basisPointsOf(QStringLiteral("citation_first_v2")), 2000);

    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("stageRollback")), Qt::LeftButton);
    QVERIFY2(preview->text().contains(QStringLiteral("Roll back to 5_percent_eligible_traffic?")), qPrintable(preview->text()));
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stageOf(flag), QStringLiteral("5_percent_eligible_traffic (2 of 5)"), 3000);

    // Both audited, each requested and then confirmed by the server.
    QStringList actions;
    for (const AuditEntry &entry : consoleAuditEntries())
        actions.append(entry.action + QLatin1Char(' ') + entry.outcome);
    QCOMPARE(actions, (QStringList{QStringLiteral("rollback_stage confirmed"), QStringLiteral("rollback_stage requested"),
                                   QStringLiteral("advance_stage confirmed"), QStringLiteral("advance_stage requested")}));
}

void tst_MainWindow::pauseHoldsTheStage()
{
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    selectFlag(flag);
    StageView *view = m_window->stageView();
    auto *advance = view->findChild<QPushButton *>(QStringLiteral("stageAdvance"));
    QVERIFY(advance->isEnabled());
    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("stagePause")), Qt::LeftButton);
    auto *reason = view->findChild<QLineEdit *>();
    QTest::keyClicks(reason, QStringLiteral("latency review"));
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY(stageOf(flag).endsWith(QStringLiteral(" · paused")));
    QVERIFY(!advance->isEnabled());
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("stagePosition"))->text().contains(QStringLiteral("latency review")));
    QCOMPARE(m_controller->stageActions()->preview(flag, FlagAction::AdvanceStage).ok(), false);

    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("stagePause")), Qt::LeftButton); // now "Resume…"
    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("stageSend")), Qt::LeftButton);
    QTRY_VERIFY(!stageOf(flag).endsWith(QStringLiteral(" · paused")));
    QVERIFY(advance->isEnabled());
}

void tst_MainWindow::guardrailRegressionIsChartedAndActedOn()
{
    static_cast<SandboxServer *>(m_controller->server(QStringLiteral("sandbox")))->setLatency(5, 5);
    TrafficSimulator *traffic = m_controller->guardrails()->simulator();
    // chat-model-route's contract sets auto_kill; support-assistant-route's does not.
    traffic->addRegression({QStringLiteral("chat-model-route"), QStringLiteral("distilled_small"),
                            QStringLiteral("p95_latency"), 1.5});
    traffic->addRegression({QStringLiteral("support-assistant-route"), QStringLiteral("citation_first_v2"),
                            QStringLiteral("no_answer_rate"), 2.0});
    const FlagRef autoKilled = production(QStringLiteral("chat-model-route"));
    const FlagRef watched = production(QStringLiteral("support-assistant-route"));
    const auto health = [this](const FlagRef &ref) {
        return m_window->models()->flags()->indexOf(ref, FlagTableModel::HealthColumn).data().toString();
    };
    QTRY_VERIFY(!health(autoKilled).isEmpty()); // judged from the clean history the sandbox backfills
    QVERIFY(health(autoKilled) != QStringLiteral("regressed"));
    QVERIFY(health(watched) != QStringLiteral("regressed"));

    selectFlag(watched);
    GuardrailCharts *charts = m_window->guardrailCharts();
    QTRY_COMPARE(charts->shownFlag(), watched);
    QCOMPARE(charts->seriesCount(), 3 * (2 + 1)); // three guardrails: two variations, one candidate
    QSignalSpy told(m_controller.get(), &ConsoleController::guardrailRegression);

    const auto bothRegressed = [&] {
        return health(watched) == QStringLiteral("regressed") && told.size() >= 2;
    };
    for (int second = 0; second < 300 && !bothRegressed(); ++second) {
        m_now += 1000;
        traffic->tick();
    }
    QCOMPARE(health(watched), QStringLiteral("regressed"));
    QTRY_VERIFY(stateOf(autoKilled).startsWith(QStringLiteral("KILLED by ")));
    QCOMPARE(stateOf(watched), QStringLiteral("On")); // a person decides

    const auto kill = std::find_if(told.cbegin(), told.cend(), [](const QList<QVariant> &signal) {
        return signal.at(0).toString().contains(QStringLiteral("chat-model-route in production"));
    });
    QVERIFY(kill != told.cend());
    QVERIFY(kill->at(2).toBool());
    const auto decide = std::find_if(told.cbegin(), told.cend(), [](const QList<QVariant> &signal) {
        return signal.at(0).toString().contains(QStringLiteral("support-assistant-route in production"));
    });
    QVERIFY(decide != told.cend());
    QVERIFY(!decide->at(2).toBool());
    QVERIFY2(decide->at(1).toString().contains(QStringLiteral("no_answer_rate: citation first v2 +")),
             qPrintable(decide->at(1).toString()));

    // Audited as the monitor's own action, with its evidence.
    const auto killConfirmedInAudit = [&] {
        const QList<AuditEntry> entries = consoleAuditEntries();
        return std::any_of(entries.cbegin(), entries.cend(), [&](const AuditEntry &entry) {
            return entry.flagKey == autoKilled.key && entry.environment == autoKilled.environment
                   && entry.action == QLatin1String("kill") && entry.outcome == QLatin1String("confirmed");
        });
    };
    QTRY_VERIFY(killConfirmedInAudit());
    const QList<AuditEntry> entries = consoleAuditEntries();
    const auto requested = std::find_if(entries.cbegin(), entries.cend(), [&](const AuditEntry &entry) {
        return entry.flagKey == autoKilled.key && entry.environment == autoKilled.environment
               && entry.outcome == QLatin1String("requested");
    });
    QVERIFY(requested != entries.cend());
    QCOMPARE(requested->actorKind, ActorKind::System);
    QCOMPARE(requested->actor, GuardrailWatcher::MonitorActor);
    QVERIFY2(requested->comment.contains(QStringLiteral("auto_kill")) && requested->comment.contains(QStringLiteral("p95_latency")),
             qPrintable(requested->comment));

    // The automatic kill keeps its evidence wherever the flag shows: the row (still regressed,
    // still needing a person), the detail pane and the stage view.
    QCOMPARE(health(autoKilled), QStringLiteral("regressed"));
    QVERIFY(m_window->models()->flags()->indexOf(autoKilled).data(FlagTableModel::NeedsAttentionRole).toBool());
    selectFlag(autoKilled);
    auto *evidence = m_window->findChild<QLabel *>(QStringLiteral("killEvidence"));
    QVERIFY(evidence->isVisible());
    QVERIFY2(evidence->text().startsWith(QStringLiteral("Killed automatically by %1 at ").arg(GuardrailWatcher::MonitorActor))
                 && evidence->text().contains(QStringLiteral("p95_latency: distilled small +")),
             qPrintable(evidence->text()));
    auto *stageNote = m_window->stageView()->findChild<QLabel *>(QStringLiteral("stageKillNote"));
    QVERIFY(stageNote->isVisible());
    QCOMPARE(stageNote->text(), evidence->text());
    saveScreenshot(QStringLiteral("auto-kill.png"));
    selectFlag(watched);

    // The charts show the candidate pulling away, and the verdict in words, once scrolled to.
    charts->redraw();
    auto *title = charts->findChild<QLabel *>(QStringLiteral("guardrailTitle_no_answer_rate"));
    QVERIFY(title);
    auto *scroll = qobject_cast<QScrollArea *>(charts->parentWidget()->parentWidget());
    QVERIFY(scroll);
    const QList<QChartView *> views = charts->findChildren<QChartView *>();
    const auto chart = std::find_if(views.cbegin(), views.cend(), [](const QChartView *view) {
        return view->accessibleName() == QStringLiteral("no_answer_rate per variation");
    });
    QVERIFY(chart != views.cend());
    scroll->ensureWidgetVisible(*chart, 0, 0);
    QTRY_VERIFY2(title->text().contains(QStringLiteral("regressed")), qPrintable(title->text()));
    saveScreenshot(QStringLiteral("guardrail-regression.png"));
}

void tst_MainWindow::guardrailsSetInTheConsoleAreWatched()
{
    // The team's contract for summarizer-model-route names no guardrails.
    QFile original(QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts/summarizer-model-route.yaml"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(original.readAll()).split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(QStringLiteral("guardrails:"));
    QVERIFY(start > 0);
    while (start + 1 < lines.size() && lines[start + 1].startsWith(QLatin1Char(' ')))
        lines.removeAt(start + 1);
    lines.removeAt(start);
    QTemporaryDir team;
    QFile contract(team.filePath(QStringLiteral("summarizer-model-route.yaml")));
    QVERIFY(contract.open(QIODevice::WriteOnly));
    contract.write(lines.join(QLatin1Char('\n')).toUtf8());
    contract.close();
    m_controller->setContractsFolder(team.path(), false);

    const FlagRef flag = production(QStringLiteral("summarizer-model-route"));
    const auto health = [&] { return m_window->models()->flags()->indexOf(flag, FlagTableModel::HealthColumn).data().toString(); };
    QTRY_VERIFY(!m_controller->guardrails()->hasContractGuardrails(flag));
    QTRY_VERIFY(health().isEmpty());
    selectFlag(flag);
    GuardrailCharts *charts = m_window->guardrailCharts();
    auto *metric = charts->findChild<QLineEdit *>(QStringLiteral("guardrailMetric"));
    auto *threshold = charts->findChild<QLineEdit *>(QStringLiteral("guardrailThreshold"));
    QVERIFY(metric && threshold);
    QTRY_VERIFY(metric->isVisible());

    QTest::keyClicks(threshold, QStringLiteral("0.05"));
    QTest::keyClicks(metric, QStringLiteral("summary_rejection_rate"));
    QTest::mouseClick(charts->findChild<QPushButton *>(QStringLiteral("guardrailWatch")), Qt::LeftButton);
    QTRY_VERIFY(!health().isEmpty());
    QTRY_COMPARE(charts->seriesCount(), 2 + 1); // two variations, one candidate
    const QList<ContractGuardrail> kept = m_controller->guardrails()->consoleGuardrails(flag);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().metric, QStringLiteral("summary_rejection_rate"));
    QCOMPARE(kept.first().threshold, std::optional<double>(0.05));

    auto *stop = charts->findChild<QPushButton *>(QStringLiteral("guardrailStopWatching"));
    QVERIFY(stop->isVisible());
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_VERIFY(health().isEmpty());
    QVERIFY(m_controller->guardrails()->consoleGuardrails(flag).isEmpty());
    QTRY_COMPARE(charts->seriesCount(), 0);
}

void tst_MainWindow::saveScreenshot(const QString &name) const
{
    // For the docs: FLAGDECK_SCREENSHOT_DIR=docs/screenshots ctest -R tst_mainwindow
    if (const QString dir = qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(30); // let pending layout settle, as it would before the next frame
        QVERIFY(m_window->grab().save(dir + QLatin1Char('/') + name));
    }
}

void tst_MainWindow::aStrayClickAloneChangesNothing()
{
    const FlagRef flag = production(QStringLiteral("pii-guardrail-mode"));
    auto *confirmBar = m_window->findChild<KillConfirmBar *>(QStringLiteral("killConfirmBar"));
    QTest::mouseClick(m_window->flagTable()->viewport(), Qt::LeftButton, {}, actionCellCenter(flag));
    QVERIFY(confirmBar->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!confirmBar->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // a late Enter does nothing either
    QTest::qWait(400);
    QCOMPARE(stateOf(flag), QStringLiteral("On"));
    QCOMPARE(consoleAuditEntries().size(), 0);
}

void tst_MainWindow::bulkKillOfSelectedFlags()
{
    FlagTableView *table = m_window->flagTable();
    const QList<FlagRef> flags = {production(QStringLiteral("chat-model-route")),
                                  production(QStringLiteral("answer-reranker"))};
    auto *proxy = static_cast<FlagFilterProxy *>(table->model());
    table->clearSelection();
    for (const FlagRef &flag : flags) {
        const QModelIndex row = proxy->mapFromSource(m_window->models()->flags()->indexOf(flag));
        table->selectionModel()->select(row, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    table->setFocus();
    QTest::keyClick(table, Qt::Key_K);
    auto *confirmBar = m_window->findChild<KillConfirmBar *>(QStringLiteral("killConfirmBar"));
    QVERIFY(confirmBar->isVisible());
    QCOMPARE(confirmBar->armedFlags().size(), 2);
    // The question names each flag and what it will serve.
    const QString question = confirmBar->findChild<QLabel *>()->text();
    for (const FlagRef &flag : flags)
        QVERIFY2(question.contains(flag.key + QStringLiteral("@production → \"")), qPrintable(question));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter);
    for (const FlagRef &flag : flags)
        QCOMPARE(stateOf(flag), QStringLiteral("Kill pending…"));
    for (const FlagRef &flag : flags)
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(flag).startsWith(QStringLiteral("KILLED by ")), 3000);
    // And it ends with all of them, not the last one to answer.
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Killed: 2 of 2 confirmed by the server."));
}

void tst_MainWindow::searchNarrowsTheTable()
{
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("flagSearch"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("guardrail"));
    QCOMPARE(m_window->flagTable()->model()->rowCount(), 4); // two guardrail flags in two environments
}

void tst_MainWindow::searchWordsMatchSeparatelyAndTheKeyboardGoesOn()
{
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("flagSearch"));
    auto *count = m_window->findChild<QLabel *>(QStringLiteral("matchCount"));
    QVERIFY(search && count);
    QAbstractItemModel *shown = m_window->flagTable()->model();
    const int all = m_window->models()->flags()->rowCount();
    QVERIFY(count->isHidden());
    // Each word anywhere in the row: the key and the environment.
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("chat-model-route production"));
    QTRY_COMPARE(shown->rowCount(), 1);
    QTRY_COMPARE(count->text(), QStringLiteral("1 of %1 flags").arg(all));
    QVERIFY(count->isVisible());
    // Down goes to the first flag found, with the keyboard on the table.
    QTest::keyClick(search, Qt::Key_Down);
    QVERIFY(m_window->flagTable()->hasFocus());
    QCOMPARE(m_window->flagTable()->currentIndex().data(FlagTableModel::FlagRefRole).value<FlagRef>(),
             production(QStringLiteral("chat-model-route")));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("no-such-flag"));
    QTRY_COMPARE(count->text(), QStringLiteral("No flags match"));
    QCOMPARE(shown->rowCount(), 0);
    search->clear();
    QTRY_VERIFY(count->isHidden());
    QCOMPARE(shown->rowCount(), all);
    // Tab from the search goes on to the table, not to the tab bar.
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Tab);
    QVERIFY(m_window->flagTable()->hasFocus());
}

void tst_MainWindow::flagsThatNeedAPersonStandOut()
{
    QTabWidget *tabs = m_window->tabs();
    QCOMPARE(tabs->tabText(0), QStringLiteral("Flags"));
    // A kill the server refused: the tab counts the flag, its row says so, the filter finds it.
    const FlagRef regressed = production(QStringLiteral("answer-reranker"));
    static_cast<SandboxServer *>(m_controller->server(QStringLiteral("sandbox")))
        ->failNextMutations(1, {ServerError::Kind::ServerFailure, QStringLiteral("HTTP 503")});
    m_controller->killSwitch()->kill({regressed});
    QTRY_COMPARE(m_controller->flagStore()->find(regressed)->operation, FlagStore::Operation::KillFailed);
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("Flags (1 needs attention)"));
    QVERIFY(m_window->models()->flags()->indexOf(regressed).data(FlagTableModel::NeedsAttentionRole).toBool());
    saveScreenshot(QStringLiteral("needs-attention.png"));
    auto *attentionOnly = m_window->findChild<QCheckBox *>(QStringLiteral("attentionOnly"));
    QVERIFY(attentionOnly);
    QTest::mouseClick(attentionOnly, Qt::LeftButton);
    QAbstractItemModel *shown = m_window->flagTable()->model();
    QTRY_COMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, 0).data(FlagTableModel::FlagRefRole).value<FlagRef>(), regressed);
    QTest::mouseClick(attentionOnly, Qt::LeftButton);
    QTRY_COMPARE(shown->rowCount(), m_window->models()->flags()->rowCount());

    // Sorted by guardrails, worst first; flags alike keep key, then environment order, however
    // often the column is sorted again.
    m_window->flagTable()->sortByColumn(FlagTableModel::HealthColumn, Qt::DescendingOrder);
    const auto order = [shown] {
        QList<FlagRef> refs;
        for (int row = 0; row < shown->rowCount(); ++row)
            refs.append(shown->index(row, 0).data(FlagTableModel::FlagRefRole).value<FlagRef>());
        return refs;
    };
    const QList<FlagRef> first = order();
    for (int row = 0; row + 1 < first.size(); ++row) {
        const QModelIndex a = shown->index(row, FlagTableModel::HealthColumn);
        const QModelIndex b = shown->index(row + 1, FlagTableModel::HealthColumn);
        if (a.data(FlagTableModel::HealthRole) == b.data(FlagTableModel::HealthRole))
            QVERIFY2(std::tie(first[row].key, first[row].environment) < std::tie(first[row + 1].key, first[row + 1].environment),
                     qPrintable(first[row].key + QLatin1Char('/') + first[row].environment));
    }
    m_window->flagTable()->sortByColumn(FlagTableModel::KeyColumn, Qt::AscendingOrder);
    m_window->flagTable()->sortByColumn(FlagTableModel::HealthColumn, Qt::DescendingOrder);
    QCOMPARE(order(), first);
}

Proposal tst_MainWindow::propose(const FlagRef &ref, FlagAction action, const QString &reason)
{
    const FlagTableModel::Row *row = m_controller->flagStore()->find(ref);
    Proposal proposal;
    if (!row)
        return proposal;
    proposal.proposer = {QStringLiteral("rollback-agent"), QStringLiteral("claude-code"), QStringLiteral("2.1"),
                         QStringLiteral("claude-sonnet")};
    proposal.target = ref;
    proposal.action = action;
    proposal.flagRevision = row->flag.revision;
    proposal.flagBefore = flagToJson(row->flag);
    proposal.reason = reason;
    proposal.evidence = QJsonObject{{QStringLiteral("links"), QJsonArray{QStringLiteral("https://grafana.example/d/latency")}}};
    proposal.risk = Contract::Risk::High;
    const Result<Proposal> stored = m_controller->inbox()->propose(proposal);
    return stored ? stored.value() : Proposal{};
}

void tst_MainWindow::openProposal(const QString &id)
{
    m_window->findChild<QAction *>(QStringLiteral("showApprovalsAction"))->trigger();
    ProposalQueueView *queue = m_window->proposalQueue();
    QCOMPARE(m_window->tabs()->currentWidget(), queue);
    QTableView *table = queue->table();
    QTRY_VERIFY(m_window->models()->proposals()->rowOf(id) >= 0);
    const QModelIndex cell = table->model()->index(0, ProposalTableModel::FlagColumn);
    QCOMPARE(cell.data(ProposalTableModel::ProposalIdRole).toString(), id); // newest first
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    QCOMPARE(queue->detailPane()->proposalId(), id);
}

void tst_MainWindow::anApprovedProposalRunsOnceAndIsConfirmed()
{
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    static_cast<SandboxServer *>(m_controller->server(QStringLiteral("sandbox")))->setLatency(20, 20);
    const QString pendingTab = m_window->tabs()->tabText(m_window->tabs()->indexOf(m_window->proposalQueue()));
    const Proposal proposal = propose(flag, FlagAction::Kill, QStringLiteral("p95 latency 40% above the default"));
    QVERIFY(!proposal.id.isEmpty());
    // The badge counts it, from any tab.
    QTRY_COMPARE(m_window->tabs()->tabText(m_window->tabs()->indexOf(m_window->proposalQueue())),
                 QStringLiteral("Approvals (1)"));
    QCOMPARE(pendingTab, QStringLiteral("Approvals"));
    openProposal(proposal.id);

    ProposalDetailPane *detail = m_window->proposalQueue()->detailPane();
    const QString diff = detail->findChild<QTextBrowser *>(QStringLiteral("proposalDiff"))->toPlainText();
    QVERIFY2(diff.contains(QStringLiteral("disabled")), qPrintable(diff));
    QVERIFY(diff.contains(QRegularExpression(QStringLiteral("^- +\"enabled\": true"), QRegularExpression::MultilineOption)));
    QVERIFY(diff.contains(QRegularExpression(QStringLiteral("^\\+ +\"enabled\": false"), QRegularExpression::MultilineOption)));
    QVERIFY(detail->findChild<QTextBrowser *>(QStringLiteral("proposalEvidence"))->toPlainText().contains(QStringLiteral("grafana")));
    auto *approve = detail->findChild<QPushButton *>(QStringLiteral("proposalApprove"));
    QVERIFY(approve->isEnabled());
    QTest::keyClicks(detail->findChild<QLineEdit *>(QStringLiteral("proposalComment")), QStringLiteral("confirmed on the dashboard"));
    saveScreenshot(QStringLiteral("approval-queue.png"));

    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_VERIFY(stateOf(flag).startsWith(QStringLiteral("KILLED by ")));
    QTRY_COMPARE(m_window->models()->proposals()->proposal(proposal.id)->status, ProposalStatus::Executed);
    const Proposal done = m_controller->inbox()->find(proposal.id).value();
    QCOMPARE(done.decisions.size(), 1);
    QCOMPARE(done.decisions.first().comment, QStringLiteral("confirmed on the dashboard"));
    QVERIFY(!approve->isEnabled());

    // Never twice: not by running it again, not by approving it again.
    QCOMPARE(m_controller->proposals()->run(proposal.id).value(), false);
    QVERIFY(!m_controller->proposals()->approve(proposal.id, QString(), false));
    QCOMPARE(m_controller->inbox()->find(proposal.id)->status, ProposalStatus::Executed);

    // The kill was made by the reviewer, through the kill switch, and the proposal's life is audited.
    const QList<AuditEntry> console = consoleAuditEntries();
    QCOMPARE(console.size(), 2);
    QCOMPARE(console.first().outcome, QStringLiteral("confirmed"));
    QCOMPARE(console.first().actorKind, ActorKind::Human);
    QVERIFY(console.last().comment.contains(QStringLiteral("rollback-agent"))); // the request names the proposal
    QStringList lifecycle;
    for (const AuditEntry &entry : TestAudit::written(*m_controller->auditWriter())) {
        if (entry.sourceId.startsWith(QLatin1String("proposal:")))
            lifecycle.prepend(entry.outcome + QLatin1Char('/') + actorKindName(entry.actorKind));
    }
    QCOMPARE(lifecycle, (QStringList{QStringLiteral("proposed/agent"), QStringLiteral("approved/human"),
                                     QStringLiteral("executed/human")}));
    QTRY_COMPARE(m_window->tabs()->tabText(m_window->tabs()->indexOf(m_window->proposalQueue())), QStringLiteral("Approvals"));
}

void tst_MainWindow::aChangedFlagMustBeReReviewed()
{
    const FlagRef flag = production(QStringLiteral("answer-reranker"));
    auto *sandbox = static_cast<SandboxServer *>(m_controller->server(QStringLiteral("sandbox")));
    sandbox->setLatency(5, 5);
    const Proposal proposal = propose(flag, FlagAction::Kill, QStringLiteral("reranker timeouts"));
    QVERIFY(!proposal.id.isEmpty());
    // Someone widens the rollout after the agent looked.
    const Flag before = m_controller->flagStore()->find(flag)->flag;
    Rollout wider({{before.rollout.shares().at(0).variationId, 5000}, {before.rollout.shares().at(1).variationId, 5000}});
    QVERIFY(m_controller->stageActions()->apply({flag, FlagAction::SetRollout, wider, QString(), {}, before.revision, true},
                                                QStringLiteral("widen")));
    QTRY_VERIFY(m_controller->flagStore()->find(flag)->flag.revision != before.revision);

    openProposal(proposal.id);
    ProposalDetailPane *detail = m_window->proposalQueue()->detailPane();
    auto *warning = detail->findChild<QLabel *>(QStringLiteral("proposalStaleWarning"));
    auto *reReviewed = detail->findChild<QCheckBox *>(QStringLiteral("proposalReReviewed"));
    auto *approve = detail->findChild<QPushButton *>(QStringLiteral("proposalApprove"));
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("50%")), qPrintable(warning->text()));
    QVERIFY(!approve->isEnabled());
    // Approving without the re-review is refused by the inbox too, not only by the button.
    QVERIFY(!m_controller->proposals()->approve(proposal.id, QString(), false));
    QCOMPARE(m_controller->inbox()->find(proposal.id)->status, ProposalStatus::Pending);

    QTest::mouseClick(reReviewed, Qt::LeftButton, {}, QPoint(8, reReviewed->height() / 2));
    QVERIFY(approve->isEnabled());
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_VERIFY(stateOf(flag).startsWith(QStringLiteral("KILLED by ")));
    QTRY_COMPARE(m_controller->inbox()->find(proposal.id)->status, ProposalStatus::Executed);
}

void tst_MainWindow::theSandboxAgentProposes()
{
    QTRY_VERIFY(m_controller->guardrails()->monitor()->isWatched(production(QStringLiteral("answer-reranker"))));
    const QList<Proposal> made = m_controller->sandboxAgent()->look();
    QVERIFY(!made.isEmpty());
    for (const Proposal &proposal : made) {
        QCOMPARE(proposal.proposer.agent, SandboxAgent::AgentName);
        QVERIFY(proposal.action == FlagAction::AdvanceStage || proposal.action == FlagAction::RollbackStage
                || proposal.action == FlagAction::Kill);
        QVERIFY(!proposal.evidence.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("results")).toArray().isEmpty());
    }
    // Once per flag and revision: a second look moves on to other flags.
    for (const Proposal &later : m_controller->sandboxAgent()->look()) {
        for (const Proposal &proposal : made)
            QVERIFY(later.target != proposal.target);
    }
    QTRY_VERIFY(m_window->models()->proposals()->pendingCount() >= int(made.size()));
    // Its expansion shows the exact rollout it would set.
    const ProposalReviewSheet sheet = m_controller->proposals()->sheet(made.first().id);
    QVERIFY2(sheet.blocker.isEmpty(), qPrintable(sheet.blocker));
    QVERIFY(!sheet.changes.isEmpty());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
