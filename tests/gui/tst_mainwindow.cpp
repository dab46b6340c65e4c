#include "connectors/sandbox/sandboxserver.h"
#include "control/consolecontroller.h"
#include "control/killswitch.h"
#include "flagtableview.h"
#include "item/flagfilterproxy.h"
#include "item/flagtablemodel.h"
#include "auditbrowser.h"
#include "item/audittablemodel.h"
#include "killconfirmbar.h"
#include "stageview.h"
#include "mainwindow.h"
#include "sandboxhistory.h"
#include "testaudit.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QLineEdit>
#include <QSettings>
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
    void flagHistoryShowsTheKillInWords();
    void advanceAndRollBackAStage();
    void pauseHoldsTheStage();

private:
    QPoint actionCellCenter(const FlagRef &ref) const;
    QString stateOf(const FlagRef &ref) const;
    void saveScreenshot(const QString &name) const;
    QList<AuditEntry> consoleAuditEntries() const;
    void selectFlag(const FlagRef &flag);
    QString stageOf(const FlagRef &flag) const;
    FlagRef production(const QString &key) const { return {QStringLiteral("sandbox"), QStringLiteral("production"), key}; }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConsoleController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    int m_auditFiles = 0;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
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
    m_controller = std::make_unique<ConsoleController>(*m_settings, TestAudit::openWriter(auditPath));
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
    const QModelIndex source = m_controller->flagModel()->indexOf(ref, FlagTableModel::ActionColumn);
    const QModelIndex cell = proxy->mapFromSource(source);
    table->scrollTo(cell);
    return table->visualRect(cell).center();
}

QString tst_MainWindow::stateOf(const FlagRef &ref) const
{
    return m_controller->flagModel()->indexOf(ref, FlagTableModel::StateColumn).data().toString();
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

    QTRY_COMPARE_WITH_TIMEOUT(stateOf(flag), QStringLiteral("Off · confirmed by server"), 3000);
    auto *detailState = m_window->findChild<QLabel *>(QStringLiteral("flagState"));
    QCOMPARE(detailState->text(), QStringLiteral("Off · confirmed by server"));
    const QList<AuditEntry> audit = consoleAuditEntries();
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit.at(0).outcome, QStringLiteral("confirmed"));
    QCOMPARE(audit.at(1).outcome, QStringLiteral("requested"));

    saveScreenshot(QStringLiteral("kill-confirmed.png"));
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
    QTRY_COMPARE(stateOf(flag), QStringLiteral("Off · confirmed by server"));

    FlagTableView *table = m_window->flagTable();
    auto *proxy = static_cast<FlagFilterProxy *>(table->model());
    table->setCurrentIndex(proxy->mapFromSource(m_controller->flagModel()->indexOf(flag)));
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
    // The comment is on this console's request and on the server's own record of the kill.
    QTRY_COMPARE_WITH_TIMEOUT(audit->rowCount(), 2, 3000);
    browser->table()->selectRow(0);
    QVERIFY(changes->text().contains(QStringLiteral("applied")));
}

void tst_MainWindow::selectFlag(const FlagRef &flag)
{
    auto *proxy = static_cast<FlagFilterProxy *>(m_window->flagTable()->model());
    m_window->flagTable()->setCurrentIndex(proxy->mapFromSource(m_controller->flagModel()->indexOf(flag)));
}

QString tst_MainWindow::stageOf(const FlagRef &flag) const
{
    return m_controller->flagModel()->indexOf(flag, FlagTableModel::StageColumn).data().toString();
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
    QCOMPARE(m_controller->flagModel()->row(flag)->flag.rollout.basisPointsOf(QStringLiteral("citation_first_v2")), 2000);

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
        const QModelIndex row = proxy->mapFromSource(m_controller->flagModel()->indexOf(flag));
        table->selectionModel()->select(row, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    table->setFocus();
    QTest::keyClick(table, Qt::Key_K);
    auto *confirmBar = m_window->findChild<KillConfirmBar *>(QStringLiteral("killConfirmBar"));
    QVERIFY(confirmBar->isVisible());
    QCOMPARE(confirmBar->armedFlags().size(), 2);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter);
    for (const FlagRef &flag : flags)
        QCOMPARE(stateOf(flag), QStringLiteral("Kill pending…"));
    for (const FlagRef &flag : flags)
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(flag), QStringLiteral("Off · confirmed by server"), 3000);
}

void tst_MainWindow::searchNarrowsTheTable()
{
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("flagSearch"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("guardrail"));
    QCOMPARE(m_window->flagTable()->model()->rowCount(), 4); // two guardrail flags in two environments
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
