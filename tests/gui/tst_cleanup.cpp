// The Cleanup view on the sandbox: the flags due to be removed from the code with why, since when
// and their owner; the review date passed in the flag table; the list exported as CSV for the
// owners; and an archive asked of the approval queue, run once another person approves it.
#include "cleanupview.h"
#include "connectors/sandbox/sandboxserver.h"
#include "consolegui.h"
#include "control/killswitch.h"
#include "control/proposalreview.h"
#include "control/revertdesk.h"
#include "control/stageactions.h"
#include "item/cleanuptablemodel.h"
#include "item/flagtablemodel.h"
#include "languagesetup.h"

#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>

class tst_Cleanup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dueFlagsAreListedExportedAndArchivedThroughTheQueue();

private:
    FlagRef ref(const QString &environment, const QString &key) const { return {QStringLiteral("sandbox"), environment, key}; }
    // The row of the view's table showing the flag, or -1.
    int rowOf(const FlagRef &ref) const;
    QString cell(int row, int column) const;

    std::unique_ptr<ConsoleGui::FreshSandboxConsole> m_console;
};

void tst_Cleanup::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
}

void tst_Cleanup::init()
{
    m_console = std::make_unique<ConsoleGui::FreshSandboxConsole>();
    QVERIFY(m_console->start());
}

void tst_Cleanup::cleanup()
{
    m_console.reset();
}

int tst_Cleanup::rowOf(const FlagRef &ref) const
{
    const QAbstractItemModel *shown = m_console->window().cleanupView()->table()->model();
    for (int row = 0; row < shown->rowCount(); ++row) {
        if (shown->index(row, 0).data(CleanupTableModel::FlagRefRole).value<FlagRef>() == ref)
            return row;
    }
    return -1;
}

QString tst_Cleanup::cell(int row, int column) const
{
    return m_console->window().cleanupView()->table()->model()->index(row, column).data().toString();
}

void tst_Cleanup::dueFlagsAreListedExportedAndArchivedThroughTheQueue()
{
    MainWindow &window = m_console->window();
    ConsoleController &controller = m_console->controller();
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(window.tabs()->currentWidget(), window.cleanupView());
    QTableView *table = window.cleanupView()->table();

    // streaming-answers has served "on" to everyone for the last four or five days of its seeded history;
    // its contract's cleanup condition is "on at 100% for 3 days".
    const FlagRef streaming = ref(QStringLiteral("production"), QStringLiteral("streaming-answers"));
    QTRY_VERIFY(rowOf(streaming) >= 0);
    int row = rowOf(streaming);
    QVERIFY2(cell(row, CleanupTableModel::WhyColumn).startsWith(QLatin1String("cleanup condition \"on at 100% for 3 days")),
             qPrintable(cell(row, CleanupTableModel::WhyColumn)));
    QCOMPARE(cell(row, CleanupTableModel::OwnerColumn), QStringLiteral("assistant-platform"));
    QVERIFY(!cell(row, CleanupTableModel::SinceColumn).isEmpty());
    // summarizer-model-route serves distilled_small to everyone in staging only.
    QVERIFY(rowOf(ref(QStringLiteral("staging"), QStringLiteral("summarizer-model-route"))) >= 0);
    // In production it is split 50/50: not due until its review date.
    if (QDate::currentDate() <= QDate(2027, 3, 1))
        QCOMPARE(rowOf(ref(QStringLiteral("production"), QStringLiteral("summarizer-model-route"))), -1);
    // deploy-agent-tool-tier's review was due on 2026-11-01: listed, and said in the flag table.
    const FlagRef deploy = ref(QStringLiteral("production"), QStringLiteral("deploy-agent-tool-tier"));
    row = rowOf(deploy);
    QVERIFY(row >= 0);
    QVERIFY2(cell(row, CleanupTableModel::WhyColumn).contains(QLatin1String("review was due on 2026-11-01")),
             qPrintable(cell(row, CleanupTableModel::WhyColumn)));
    const QModelIndex stage = m_console->window().models()->flags()->indexOf(deploy, FlagTableModel::StageColumn);
    QVERIFY2(stage.data().toString().endsWith(QStringLiteral(" · review due")), qPrintable(stage.data().toString()));
    // Due longest first.
    const QAbstractItemModel *shown = table->model();
    for (int i = 1; i < shown->rowCount(); ++i)
        QVERIFY(shown->index(i - 1, CleanupTableModel::SinceColumn).data(CleanupTableModel::SortRole).toLongLong()
                <= shown->index(i, CleanupTableModel::SinceColumn).data(CleanupTableModel::SortRole).toLongLong());
    QVERIFY(window.cleanupView()->findChild<QLabel *>(QStringLiteral("cleanupSummary"))->text().contains(
        QLatin1String("due for cleanup")));

    // Export CSV… for the owners.
    QTest::mouseClick(window.cleanupView()->findChild<QPushButton *>(QStringLiteral("cleanupExport")), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.cleanupView()->findChild<QFileDialog *>(QStringLiteral("cleanupExportDialog"))));
    const QString csvPath = m_console->filePath(QStringLiteral("cleanup.csv"));
    dialog->selectFile(csvPath);
    static_cast<QDialog *>(dialog)->accept(); // as its Save button does
    QFile csv(csvPath);
    QTRY_VERIFY(csv.exists());
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("flag,server,environment,owner,owner_from_contract,due_since,reasons\r"));
    QCOMPARE(lines.size() - 2, shown->rowCount());
    QVERIFY(std::any_of(lines.cbegin(), lines.cend(), [](const QByteArray &line) {
        return line.startsWith("streaming-answers,Sandbox,production,assistant-platform,true,");
    }));
    QVERIFY2(window.cleanupView()->findChild<QLabel *>(QStringLiteral("cleanupOutcome"))->text().contains(csvPath),
             qPrintable(window.cleanupView()->findChild<QLabel *>(QStringLiteral("cleanupOutcome"))->text()));

    // Propose archive… on streaming-answers: asked of the queue, nothing sent.
    auto *archive = window.cleanupView()->findChild<QPushButton *>(QStringLiteral("cleanupArchive"));
    QVERIFY(!archive->isEnabled());
    row = rowOf(streaming);
    table->scrollTo(shown->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(shown->index(row, 0)).center());
    QVERIFY(archive->isEnabled());
    QTest::mouseClick(archive, Qt::LeftButton);
    const QString outcome = window.cleanupView()->findChild<QLabel *>(QStringLiteral("cleanupOutcome"))->text();
    QVERIFY2(outcome.contains(QLatin1String("asked of the approval queue")), qPrintable(outcome));
    ProposalReview *review = controller.proposals();
    const std::optional<Proposal> queued = review->openProposal(streaming, FlagAction::Archive);
    QVERIFY(queued);
    QCOMPARE(queued->risk, Contract::Risk::High);
    // The sandbox archives a flag in one environment: the reviewer is told which.
    QCOMPARE(review->sheet(queued->id).changes,
             QStringList{QStringLiteral("streaming-answers is archived on Sandbox: applications stop getting it in production")});
    QVERIFY(queued->reason.contains(QLatin1String("on at 100% for 3 days")));
    QVERIFY(controller.flagStore()->find(streaming)); // still on the server
    // Its proposer cannot approve it.
    QVERIFY(!review->approve(queued->id, QStringLiteral("mine"), false).ok());

    // Another person approves: the sandbox archives it, and it leaves the table and the list.
    controller.killSwitch()->setActor(QStringLiteral("bob"));
    controller.stageActions()->setActor(QStringLiteral("bob"));
    controller.reverts()->setActor(QStringLiteral("bob"));
    const Result<Proposal> approved = review->approve(queued->id, QStringLiteral("the code is gone"), false);
    QVERIFY2(approved.ok(), approved.ok() ? "" : qPrintable(approved.error()));
    QTRY_COMPARE(review->proposal(queued->id)->status, ProposalStatus::Executed);
    QCOMPARE(review->proposal(queued->id)->outcome, QStringLiteral("archived; confirmed by the server"));
    QTRY_VERIFY(!controller.flagStore()->find(streaming));
    QCOMPARE(rowOf(streaming), -1);
    QVERIFY(controller.flagStore()->find(ref(QStringLiteral("staging"), QStringLiteral("streaming-answers"))));
    controller.auditWriter()->flush();
    int archives = 0;
    for (const AuditEntry &entry : TestAudit::written(*controller.auditWriter())) {
        if (entry.action == QLatin1String("archive") && entry.outcome == QLatin1String("confirmed")
            && entry.flagKey == streaming.key && entry.actor == QLatin1String("bob"))
            ++archives;
    }
    QCOMPARE(archives, 1);
}

QTEST_MAIN(tst_Cleanup)
#include "tst_cleanup.moc"
