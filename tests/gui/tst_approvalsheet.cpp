// The approval queue and its review sheet at a laptop's 1366×768, as an on-call engineer meets
// them while proposals keep arriving: the chosen proposal stays chosen, an earlier kill is still
// in the activity list, and the sheet says flag@environment and the full status first, with the
// change as a before → after table in percent and the exact JSON diff one click away.
#include "connectors/sandbox/sandboxserver.h"
#include "consolegui.h"
#include "control/proposalreview.h"
#include "core/flagjson.h"
#include "core/localaccount.h"
#include "item/activitylogmodel.h"
#include "item/proposaltablemodel.h"
#include "languagesetup.h"
#include "proposaldetailpane.h"
#include "proposalqueueview.h"
#include "store/memorysecretstore.h"
#include "store/proposalinbox.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace ConsoleGui;

class tst_ApprovalSheet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void proposalsArriveWhileOneIsReviewed();
    void rowsArrivingAboveDoNotMoveTheRowUnderThePointer();

private:
    FlagRef production(const QString &key) const { return {QStringLiteral("sandbox"), QStringLiteral("production"), key}; }
    // A proposal as an agent makes it through flagdeck mcp, against the flag as shown now.
    Proposal propose(const FlagRef &ref, FlagAction action, const QJsonObject &parameters, const QJsonObject &evidence);
    QString selectedId() const;
    // The proposal in the row at the top of the list's viewport.
    QString topId() const;
    QStringList activity() const;
    // True when the label shows all its text: as wide as it is given, tall enough for its lines, inside the window.
    bool showsInFull(QLabel *label) const;

    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
    std::unique_ptr<SandboxConsole> m_console;
    int m_run = 0;
};

void tst_ApprovalSheet::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
}

void tst_ApprovalSheet::init()
{
    QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox"))); // from the seed
    const QString folder = m_dir.filePath(QString::number(++m_run));
    QVERIFY(QDir().mkpath(folder));
    m_console = std::make_unique<SandboxConsole>(folder, &m_secrets);
    QVERIFY(m_console->start());
    m_console->window().resize(1366, 768);
    // The whole window fits a laptop's screen: nothing of it lies beyond the edge.
    const QSize least = m_console->window().minimumSizeHint();
    QVERIFY2(least.width() <= 1366 && least.height() <= 768,
             qPrintable(QStringLiteral("%1x%2").arg(least.width()).arg(least.height())));
    QTRY_COMPARE(m_console->window().size(), QSize(1366, 768));
    static_cast<SandboxServer *>(m_console->controller().server(QStringLiteral("sandbox")))->setLatency(5, 5);
}

void tst_ApprovalSheet::cleanup()
{
    m_console.reset();
}

Proposal tst_ApprovalSheet::propose(const FlagRef &ref, FlagAction action, const QJsonObject &parameters,
                                    const QJsonObject &evidence)
{
    const FlagStore::Entry *row = m_console->controller().flagStore()->find(ref);
    Proposal proposal;
    if (!row)
        return proposal;
    proposal.proposer = {QStringLiteral("rollout-agent"), QStringLiteral("claude-code"), QStringLiteral("2.1"),
                         QStringLiteral("claude-sonnet")};
    proposal.target = ref;
    proposal.action = action;
    proposal.parameters = parameters;
    proposal.flagRevision = row->flag.revision;
    proposal.flagBefore = flagToJson(row->flag);
    proposal.reason = QStringLiteral("p95 latency of the candidate is well above the default");
    proposal.evidence = evidence;
    proposal.risk = Contract::Risk::Medium;
    const Result<Proposal> stored = m_console->controller().inbox()->propose(proposal);
    return stored ? stored.value() : Proposal{};
}

QString tst_ApprovalSheet::selectedId() const
{
    QTableView *table = m_console->window().proposalQueue()->table();
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().data(ProposalTableModel::ProposalIdRole).toString() : QString();
}

QString tst_ApprovalSheet::topId() const
{
    QTableView *table = m_console->window().proposalQueue()->table();
    return table->indexAt(QPoint(1, 1)).data(ProposalTableModel::ProposalIdRole).toString();
}

QStringList tst_ApprovalSheet::activity() const
{
    const ActivityLogModel *log = m_console->window().activityLog();
    QStringList messages;
    for (int row = 0; row < log->rowCount(); ++row)
        messages.append(log->index(row, ActivityLogModel::KindColumn).data().toString() + QLatin1Char('|')
                        + log->index(row, ActivityLogModel::MessageColumn).data().toString());
    return messages;
}

bool tst_ApprovalSheet::showsInFull(QLabel *label) const
{
    const QPoint right = label->mapTo(&m_console->window(), QPoint(label->width(), label->height()));
    const int needed = label->hasHeightForWidth() ? label->heightForWidth(label->width()) : label->sizeHint().height();
    return label->isVisible() && right.x() <= m_console->window().width() && right.y() <= m_console->window().height()
        && label->height() >= needed && label->width() > 0;
}

void tst_ApprovalSheet::proposalsArriveWhileOneIsReviewed()
{
    MainWindow &window = m_console->window();
    const FlagRef killed = production(QStringLiteral("answer-reranker"));
    const FlagRef route = production(QStringLiteral("chat-model-route"));
    QVERIFY(m_console->controller().flagStore()->find(route));

    // A kill first, confirmed by the server: the activity list says so.
    QVERIFY(killWithGesture(window, killed));
    QTRY_VERIFY(stateOf(window, killed).startsWith(QStringLiteral("KILLED by ")));
    QTRY_VERIFY(activity().filter(QStringLiteral("answer-reranker in production is off")).size() == 1);
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("activityDock"));
    QVERIFY(dock && dock->isVisible());

    // The agent asks to widen chat-model-route to half the traffic, with the monitor's evidence.
    const Flag flag = m_console->controller().flagStore()->find(route)->flag;
    QVERIFY(flag.rollout.shares().size() >= 2);
    const VariationShare control = flag.rollout.shares().at(0);
    const VariationShare candidate = flag.rollout.shares().at(1);
    QVERIFY(candidate.basisPoints != 5000);
    QJsonArray shares;
    for (const VariationShare &share : flag.rollout.shares()) {
        const bool half = share.variationId == control.variationId || share.variationId == candidate.variationId;
        shares.append(QJsonObject{{QStringLiteral("variation"), share.variationId},
                                  {QStringLiteral("basisPoints"), half ? 5000 : 0}});
    }
    const QJsonObject parameters{{QStringLiteral("rollout"), shares}};
    const QJsonObject result{{QStringLiteral("metric"), QStringLiteral("p95_latency")},
                             {QStringLiteral("candidate"), candidate.variationId},
                             {QStringLiteral("verdict"), QStringLiteral("healthy")},
                             {QStringLiteral("difference"), 9.868e-05},
                             {QStringLiteral("interval"), QJsonArray{-2.0e-05, 1.78e-04}},
                             {QStringLiteral("control_mean"), 0.002},
                             {QStringLiteral("paired_intervals"), 40}};
    const QJsonObject evidence{
        {QStringLiteral("metrics"), QJsonObject{{QStringLiteral("verdict"), QStringLiteral("healthy")},
                                                {QStringLiteral("control"), control.variationId},
                                                {QStringLiteral("results"), QJsonArray{result}}}}};
    const Proposal widen = propose(route, FlagAction::SetRollout, parameters, evidence);
    QVERIFY(!widen.id.isEmpty());

    window.showApprovals();
    ProposalQueueView *queue = window.proposalQueue();
    QTableView *table = queue->table();
    QTRY_VERIFY(window.models()->proposals()->rowOf(widen.id) >= 0);
    QModelIndex cell = table->model()->index(0, ProposalTableModel::FlagColumn);
    QCOMPARE(cell.data(ProposalTableModel::ProposalIdRole).toString(), widen.id);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    QCOMPARE(selectedId(), widen.id);
    ProposalDetailPane *sheet = queue->detailPane();
    QCOMPARE(sheet->proposalId(), widen.id);
    QTest::mouseMove(sheet, QPoint(sheet->width() / 2, sheet->height() / 2)); // reading the sheet

    // The sheet: flag@environment and the full status first, nothing cut at 1366×768.
    auto *title = sheet->findChild<QLabel *>(QStringLiteral("proposalTitle"));
    auto *status = sheet->findChild<QLabel *>(QStringLiteral("proposalStatus"));
    QVERIFY2(title->text().contains(QStringLiteral("chat-model-route@production")), qPrintable(title->text()));
    QVERIFY2(status->text().contains(QRegularExpression(QStringLiteral("pending · \\d+ min left"))), qPrintable(status->text()));
    QVERIFY2(showsInFull(title), qPrintable(QStringLiteral("%1x%2").arg(title->width()).arg(title->height())));
    QVERIFY(showsInFull(status));
    QVERIFY(showsInFull(sheet->findChild<QLabel *>(QStringLiteral("proposalReason"))));
    // Who decides here (this computer's account, not USER) and whose token the sandbox sees.
    auto *identity = sheet->findChild<QLabel *>(QStringLiteral("proposalIdentity"));
    const QString account = LocalAccount::current().name;
    QVERIFY2(identity->text().contains(QStringLiteral("You decide as %1").arg(account)), qPrintable(identity->text()));
    QVERIFY2(identity->text().contains(QStringLiteral("sent with %1&#x27;s sandbox token").arg(account))
                 || identity->text().contains(QStringLiteral("sent with %1's sandbox token").arg(account)),
             qPrintable(identity->text()));
    QVERIFY2(!identity->text().contains(QStringLiteral("Warning")), qPrintable(identity->text()));
    // The queue's Status column says it in full too.
    const QModelIndex statusCell = table->model()->index(0, ProposalTableModel::StatusColumn);
    QVERIFY(table->columnWidth(ProposalTableModel::StatusColumn)
            >= table->fontMetrics().horizontalAdvance(statusCell.data().toString()) + 8);

    // The change as a table in percent: each variation's share now → after.
    auto *changes = sheet->findChild<QTableWidget *>(QStringLiteral("proposalChangeTable"));
    QVERIFY(changes->isVisible());
    QStringList rows;
    for (int row = 0; row < changes->rowCount(); ++row)
        rows.append(QStringList{changes->item(row, 0)->text(), changes->item(row, 1)->text(), changes->item(row, 2)->text()}
                        .join(QLatin1Char('|')));
    const auto name = [&](const QString &id) { return flag.variation(id)->name; };
    QVERIFY2(rows.contains(QStringLiteral("Rollout: %1|%2|50%").arg(name(candidate.variationId),
                                                                     Rollout::formatPercent(candidate.basisPoints))),
             qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY(rows.contains(QStringLiteral("Rollout: %1|%2|50%").arg(name(control.variationId),
                                                                   Rollout::formatPercent(control.basisPoints))));
    QVERIFY(!rows.join(QLatin1Char(' ')).contains(QStringLiteral("basisPoints")));
    const QPoint tableCorner = changes->mapTo(&window, QPoint(changes->width(), changes->height()));
    QVERIFY(tableCorner.x() <= window.width() && tableCorner.y() <= window.height());

    // The exact JSON diff is one click away.
    auto *diff = sheet->findChild<QTextBrowser *>(QStringLiteral("proposalDiff"));
    auto *showJson = sheet->findChild<QToolButton *>(QStringLiteral("proposalShowJsonDiff"));
    QVERIFY(!diff->isVisible());
    QTest::mouseClick(showJson, Qt::LeftButton);
    QVERIFY(diff->isVisible());
    QVERIFY(diff->toPlainText().contains(QStringLiteral("\"basisPoints\": 5000")));
    QTest::mouseClick(showJson, Qt::LeftButton);
    QVERIFY(!diff->isVisible());

    // Evidence in words: relative to the control, with its interval, never 9.868e-05.
    const QString words = sheet->findChild<QTextBrowser *>(QStringLiteral("proposalEvidence"))->toPlainText();
    QVERIFY2(words.contains(QStringLiteral("p95_latency: %1 +4.9% against %2 (-1.0% to +8.9%)")
                                .arg(name(candidate.variationId), name(control.variationId))),
             qPrintable(words));
    QVERIFY(!words.contains(QStringLiteral("e-05")));

    // More proposals arrive, newer ones and a rollback a regression asked for, which goes first:
    // the one being reviewed stays selected, and its sheet stays.
    const Proposal newer = propose(production(QStringLiteral("support-assistant-route")), FlagAction::Kill, {},
                                   {{QStringLiteral("links"), QJsonArray{QStringLiteral("https://grafana.example/d/1")}}});
    QTRY_VERIFY(window.models()->proposals()->rowOf(newer.id) >= 0);
    QCOMPARE(table->model()->index(0, 0).data(ProposalTableModel::ProposalIdRole).toString(), newer.id);
    QCOMPARE(selectedId(), widen.id);
    QCOMPARE(sheet->proposalId(), widen.id);
    const QJsonObject regressed{
        {QStringLiteral("metrics"), QJsonObject{{QStringLiteral("verdict"), QStringLiteral("regressed")},
                                                {QStringLiteral("results"), QJsonArray{result}}}}};
    const Proposal rollback = propose(production(QStringLiteral("support-prompt-profile")), FlagAction::RollbackStage, {},
                                      regressed);
    QTRY_VERIFY(window.models()->proposals()->rowOf(rollback.id) >= 0);
    QCOMPARE(table->model()->index(0, 0).data(ProposalTableModel::ProposalIdRole).toString(), rollback.id);
    QCOMPARE(selectedId(), widen.id);
    QCOMPARE(table->currentIndex().data(ProposalTableModel::ProposalIdRole).toString(), widen.id);
    QCOMPARE(sheet->proposalId(), widen.id);
    QVERIFY(title->text().contains(QStringLiteral("chat-model-route@production")));

    // The activity list kept the kill beneath the proposals that came after it.
    QTRY_VERIFY(activity().filter(QStringLiteral("proposal|")).size() >= 3);
    const QStringList log = activity();
    const qsizetype kill = log.indexOf(QRegularExpression(QStringLiteral("^kill\\|answer-reranker in production is off.*")));
    QVERIFY2(kill >= 0, qPrintable(log.join(QLatin1Char('\n'))));
    const qsizetype proposal = log.indexOf(QRegularExpression(QStringLiteral("^proposal\\|.*")));
    QVERIFY(proposal >= 0 && proposal < kill); // newest first
    if (const QString dir = qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(30);
        QVERIFY(window.grab().save(dir + QStringLiteral("/approval-sheet-1366.png")));
    }
}

void tst_ApprovalSheet::rowsArrivingAboveDoNotMoveTheRowUnderThePointer()
{
    MainWindow &window = m_console->window();
    const QJsonObject links{{QStringLiteral("links"), QJsonArray{QStringLiteral("https://grafana.example/d/1")}}};
    const Proposal first = propose(production(QStringLiteral("answer-reranker")), FlagAction::Kill, {}, links);
    QVERIFY(!first.id.isEmpty());
    window.showApprovals();
    ProposalQueueView *queue = window.proposalQueue();
    QTableView *table = queue->table();
    QTRY_VERIFY(window.models()->proposals()->rowOf(first.id) >= 0);
    QTest::mouseMove(table->viewport(), QPoint(40, 10));
    if (!QTest::qWaitFor([table] { return table->viewport()->underMouse(); }, 1000))
        QSKIP("this platform does not say where the pointer is");
    QCOMPARE(topId(), first.id);

    // A newer one arrives while the person aims: the row under the pointer stays put, and the
    // count says what waits.
    const Proposal newer = propose(production(QStringLiteral("support-assistant-route")), FlagAction::Kill, {}, links);
    QTRY_VERIFY(window.models()->proposals()->rowOf(newer.id) >= 0);
    QCOMPARE(topId(), first.id);
    QCOMPARE(table->model()->rowCount(), 1);
    auto *count = queue->findChild<QLabel *>(QStringLiteral("proposalCount"));
    QVERIFY2(count->text().contains(QStringLiteral("1 new, shown when the pointer leaves the list or rests")), qPrintable(count->text()));

    // A rollback a regression asked for is never held back: it goes to the top at once.
    const QJsonObject regressed{{QStringLiteral("metrics"), QJsonObject{{QStringLiteral("verdict"), QStringLiteral("regressed")}}}};
    const Proposal rollback = propose(production(QStringLiteral("support-prompt-profile")), FlagAction::RollbackStage, {},
                                      regressed);
    QTRY_VERIFY(window.models()->proposals()->rowOf(rollback.id) >= 0);
    QTRY_COMPARE(topId(), rollback.id);

    // The pointer rests: everything is in its place.
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 3, ProposalQueueView::AimingMs + 2000);
    QCOMPARE(topId(), rollback.id);
    QCOMPARE(table->model()->index(1, 0).data(ProposalTableModel::ProposalIdRole).toString(), newer.id);
    QVERIFY(!count->text().contains(QStringLiteral("new")));

    // Aiming again holds the list again, until the pointer leaves it.
    QTest::mouseMove(table->viewport(), QPoint(40, 12));
    const Proposal last = propose(production(QStringLiteral("kb-retrieval-profile")), FlagAction::Kill, {}, links);
    QTRY_VERIFY(window.models()->proposals()->rowOf(last.id) >= 0);
    QCOMPARE(table->model()->rowCount(), 3);
    QTest::mouseMove(queue->detailPane(), QPoint(20, 20));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 4, ProposalQueueView::AimingMs / 2); // not by resting
    QCOMPARE(table->model()->index(1, 0).data(ProposalTableModel::ProposalIdRole).toString(), last.id);
}

QTEST_MAIN(tst_ApprovalSheet)
#include "tst_approvalsheet.moc"
