#include "mainwindow.h"

#include "core/durationtext.h"
#include "core/guardheartbeat.h"

#include "activitydock.h"
#include "addserverdialog.h"
#include "auditbrowser.h"
#include "changesview.h"
#include "cleanupview.h"
#include "control/revertdesk.h"
#include "item/changetablemodel.h"
#include "item/flagstateatmodel.h"
#include "connectionsdock.h"
#include "control/connectionprobe.h"
#include "control/consolecontroller.h"
#include "control/flagstore.h"
#include "control/confirmedchanges.h"
#include "control/killswitch.h"
#include "control/stageactions.h"
#include "flagdetailpane.h"
#include "flagtableview.h"
#include "proposalqueueview.h"
#include "control/proposalreview.h"
#include "item/proposaltablemodel.h"
#include "guardrailcharts.h"
#include "control/guardrailwatcher.h"
#include "item/audittablemodel.h"
#include "item/connectiontreemodel.h"
#include "item/consolemodels.h"
#include "item/flagfilterproxy.h"
#include "store/auditwriter.h"
#include "store/contractlibrary.h"
#include "killconfirmbar.h"
#include "preferencesdialog.h"
#include "shortcutsdialog.h"
#include "stageview.h"
#include "statecolors.h"
#include "apptheme.h"
#include "core/preferences.h"
#include "welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QFileDialog>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// The name a person gave the connection; its id when it is gone.
QString connectionName(const ConsoleController &controller, const QString &connectionId)
{
    for (const ConnectionConfig &config : controller.connections()) {
        if (config.id == connectionId)
            return config.displayName;
    }
    return connectionId;
}

} // namespace

MainWindow::MainWindow(ConsoleController *controller, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_models(new ConsoleModels(controller, this))
    , m_proxy(new FlagFilterProxy(this))
    , m_table(new FlagTableView(this))
    , m_detail(new FlagDetailPane(m_models->flags(), this))
    , m_connectionsDock(new ConnectionsDock(m_models->connections(), this))
    , m_confirmBar(new KillConfirmBar(this))
    , m_search(new QLineEdit(this))
    , m_connectionStatus(new QLabel(this))
    , m_guardStatus(new QLabel(this))
    , m_contractsStatus(new QLabel(this))
    , m_attentionOnly(new QCheckBox(tr("Needs attention"), this))
    , m_matchCount(new QLabel(this))
    , m_offlineBanner(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_pages(new QStackedWidget(this))
    , m_auditBrowser(new AuditBrowser(m_models->audit(), this))
    , m_stageView(new StageView(this))
    , m_charts(new GuardrailCharts(controller->guardrails()->monitor(), this))
    , m_proposalQueue(new ProposalQueueView(
          controller->proposals(), m_models->proposals(),
          [controller](const QString &connectionId) { return connectionName(*controller, connectionId); }, this))
    , m_changesView(new ChangesView(m_models->changes(), m_models->flagStates(), this))
    , m_cleanupView(new CleanupView(m_models->cleanup(), this))
{
    // Widgets, menus, then each area's wiring. Tab follows the order widgets are made in, so the
    // set-up keeps that order.
    setUpFlagTable();
    layOutWindow(createFlagsPage());
    createActions();
    wireWelcomePage();
    wireConnections();
    wireFlagSelection();
    wireKillSwitch();
    wireStageView();
    wireGuardrails();
    wireAudit();
    wireApprovals();
    wireChanges();
    updateStatus();
}

void MainWindow::setUpFlagTable()
{
    m_proxy->setFlagModel(m_models->flags());
    m_table->setModel(m_proxy);
    m_table->sortByColumn(FlagTableModel::KeyColumn, Qt::AscendingOrder);
    sizeFlagColumns();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_search->setObjectName(QStringLiteral("flagSearch"));
    m_search->setPlaceholderText(tr("Search flags by key, name, description, tag, server or environment (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search flags"));
    m_search->setClearButtonEnabled(true);
}

void MainWindow::sizeFlagColumns()
{
    m_table->sizeColumnsToContent(m_models->connections()->connectionCount() <= 1, m_controller->killSwitch()->actor());
}

void MainWindow::fitToScreen()
{
    // A desktop's size where the screen has room for it, more on a large one. A smaller screen
    // gets all it offers, and its width goes to the flag table: the Connections dock starts closed
    // (Ctrl+0 opens it; the status bar still says each connection's state).
    const QSize preferred(1500, 860);
    const QRect available = screen()->availableGeometry();
    if (available.width() >= preferred.width() && available.height() >= preferred.height()) {
        // Most of a large screen (a 1920×1080 one included), with its desktop still in view around it.
        resize(preferred.expandedTo(available.size() * 0.9));
        return;
    }
    setGeometry(available);
    setWindowState(windowState() | Qt::WindowMaximized);
    if (available.width() < preferred.width()) {
        m_connectionsWanted = false;
        placeConnectionsDock();
        m_flagsSplitter->setSizes({available.width() - NarrowDetailWidth, NarrowDetailWidth});
    }
}

QWidget *MainWindow::createFlagsPage()
{
    // Table and charts are made before the details, so Tab reaches them first.
    QWidget *tableAndCharts = createTableAndCharts();
    m_flagsSplitter = new QSplitter(this);
    m_flagsSplitter->addWidget(tableAndCharts);
    m_flagsSplitter->addWidget(createDetailColumn());
    m_flagsSplitter->setStretchFactor(0, 3);
    m_flagsSplitter->setStretchFactor(1, 1);
    m_flagsSplitter->setSizes({1060, 360});
    return m_flagsSplitter;
}

QWidget *MainWindow::createTableAndCharts()
{
    auto *tableArea = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(6, 6, 0, 6);
    m_attentionOnly->setObjectName(QStringLiteral("attentionOnly"));
    m_attentionOnly->setToolTip(tr("Only the flags a person should look at now: a guardrail regressed, or a change "
                                   "this console sent failed."));
    m_matchCount->setObjectName(QStringLiteral("matchCount"));
    // Offline, every state is as last seen: a banner over the table says so, and how long ago.
    m_offlineBanner->setObjectName(QStringLiteral("offlineBanner"));
    m_offlineBanner->setWordWrap(true);
    m_offlineBanner->setMargin(6);
    m_offlineBanner->setAutoFillBackground(true);
    QPalette bannerPalette = m_offlineBanner->palette();
    bannerPalette.setColor(QPalette::Window, StateColors::offlineBannerBackground());
    m_offlineBanner->setPalette(bannerPalette);
    m_offlineBanner->hide();
    tableLayout->addWidget(m_offlineBanner);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_matchCount);
    searchRow->addWidget(m_attentionOnly);
    tableLayout->addLayout(searchRow);
    tableLayout->addWidget(m_confirmBar);
    tableLayout->addWidget(m_table);

    // The selected flag's guardrail charts under the table, where they get its width.
    auto *chartsScroll = new QScrollArea(this);
    chartsScroll->setAccessibleName(tr("Guardrail charts of the selected flag"));
    chartsScroll->setWidget(m_charts);
    chartsScroll->setWidgetResizable(true);
    chartsScroll->setFrameShape(QFrame::NoFrame);
    chartsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *tableAndCharts = new QSplitter(Qt::Vertical, this);
    tableAndCharts->addWidget(tableArea);
    tableAndCharts->addWidget(chartsScroll);
    tableAndCharts->setStretchFactor(0, 3);
    tableAndCharts->setStretchFactor(1, 2);
    tableAndCharts->setSizes({470, 330});
    return tableAndCharts;
}

QWidget *MainWindow::createDetailColumn()
{
    // In a scroll area, so a long description never pushes the table aside.
    auto *detailScroll = new QScrollArea(this);
    detailScroll->setAccessibleName(tr("Selected flag: details and stage"));
    auto *detailColumn = new QWidget(detailScroll);
    auto *detailLayout = new QVBoxLayout(detailColumn);
    detailLayout->addWidget(m_detail);
    detailLayout->addWidget(m_stageView);
    detailLayout->addStretch();
    detailScroll->setWidget(detailColumn);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Always there, so wrapped text is laid out for the width it really gets.
    detailScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    return detailScroll;
}

void MainWindow::layOutWindow(QWidget *flagsPage)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(m_controller->isOffline() ? tr("FlagDeck — offline") : tr("FlagDeck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/flagdeck.svg")));

    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    // No mnemonics on the tabs: Alt+letters belong to the menus; Ctrl+1 to 5 switch tabs.
    m_tabs->setAccessibleName(tr("Console views"));
    m_tabs->addTab(flagsPage, tr("Flags"));
    m_tabs->addTab(m_auditBrowser, tr("Audit history"));
    m_tabs->addTab(m_proposalQueue, QString());
    m_tabs->addTab(m_changesView, tr("What changed"));
    m_tabs->addTab(m_cleanupView, tr("Cleanup"));
    updateApprovalsTab(m_models->proposals()->pendingCount());
    m_pages->addWidget(m_tabs);
    m_pages->addWidget(m_welcome);
    setCentralWidget(m_pages);
    addDockWidget(Qt::LeftDockWidgetArea, m_connectionsDock);
    resizeDocks({m_connectionsDock}, {m_connectionsDock->narrowWidth()}, Qt::Horizontal);
    // The connections narrow the flag table: shown beside it only, unless a person closed them.
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::placeConnectionsDock);
    connect(m_connectionsDock, &ConnectionsDock::closedByPerson, this, [this] { m_connectionsWanted = false; });
    m_activityDock = new ActivityDock(m_activity, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    resizeDocks({m_activityDock}, {110}, Qt::Vertical);

    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    m_guardStatus->setObjectName(QStringLiteral("guardStatus"));
    m_guardStatus->setContentsMargins(0, 0, 12, 0); // apart from the connections' summary beside it
    m_guardStatus->setToolTip(tr("Who carries out a contract's auto_kill when a guardrail regresses: a flagdeck guard "
                                 "on the team inbox, or only a console that is open."));
    m_contractsStatus->setObjectName(QStringLiteral("contractsStatus"));
    m_contractsStatus->setContentsMargins(0, 0, 12, 0);
    statusBar()->addPermanentWidget(m_contractsStatus);
    statusBar()->addPermanentWidget(m_guardStatus);
    statusBar()->addPermanentWidget(m_connectionStatus);
}

void MainWindow::wireWelcomePage()
{
    connect(m_welcome, &WelcomePage::openSandboxRequested, this, [this] {
        m_controller->start(true);
        leaveWelcome();
    });
    connect(m_welcome, &WelcomePage::addFeatBitRequested, this, [this] { addServer(ConnectionConfig::Kind::FeatBit); });
    connect(m_welcome, &WelcomePage::addUnleashRequested, this, [this] { addServer(ConnectionConfig::Kind::Unleash); });
    connect(m_welcome, &WelcomePage::openOfflineRequested, this, &MainWindow::openOffline);
}

void MainWindow::wireConnections()
{
    connect(m_connectionsDock, &ConnectionsDock::scopeChanged, m_proxy, &FlagFilterProxy::setScope);
    connect(m_connectionsDock, &ConnectionsDock::removeRequested, this, &MainWindow::removeConnection);
    connect(m_connectionsDock, &ConnectionsDock::writeTokenFileRequested, this, &MainWindow::writeTokenFile);
    connect(m_controller, &ConsoleController::connectionProblem, this, [this](const QString &name, const QString &detail) {
        report(ActivityLogModel::Kind::Problem, tr("%1: %2").arg(name, detail));
    });
    const auto showGuards = [this] {
        const QString presence = guardPresenceText(m_controller->guards());
        m_guardStatus->setText(presence);
        m_stageView->setGuardPresence(presence);
    };
    connect(m_controller, &ConsoleController::guardsChanged, this, showGuards);
    showGuards();
    connect(m_controller->contracts(), &ContractLibrary::changed, this, &MainWindow::showContractFindings);
    showContractFindings();

    // The status bar counts the flags and says each connection's state.
    ConnectionTreeModel *connections = m_models->connections();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(connections, signal, this, &MainWindow::updateStatus);
    connect(connections, &QAbstractItemModel::dataChanged, this, &MainWindow::updateStatus);
    connect(m_controller, &ConsoleController::initialLoadFinished, this, &MainWindow::updateStatus);
    connect(m_controller, &ConsoleController::initialLoadFinished, this, &MainWindow::sizeFlagColumns);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(connections, signal, this, &MainWindow::sizeFlagColumns);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_models->flags(), signal, this, &MainWindow::updateStatus);
}

void MainWindow::wireFlagSelection()
{
    connect(m_search, &QLineEdit::textChanged, m_proxy, &FlagFilterProxy::setSearchText);
    connect(m_attentionOnly, &QCheckBox::toggled, m_proxy, &FlagFilterProxy::setAttentionOnly);
    m_search->installEventFilter(this);
    setTabOrder(m_search, m_table);
    // Counted once per turn of the event loop, however many rows changed in it.
    m_countsUpdate.setSingleShot(true);
    m_countsUpdate.setInterval(0);
    connect(&m_countsUpdate, &QTimer::timeout, this, &MainWindow::updateFlagCounts);
    const auto countSoon = [this] { m_countsUpdate.start(); };
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, countSoon);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, countSoon);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, countSoon);
    connect(m_models->flags(), &QAbstractItemModel::dataChanged, this, countSoon);
    connect(m_search, &QLineEdit::textChanged, this, countSoon);
    connect(m_attentionOnly, &QCheckBox::toggled, this, countSoon);
    connect(m_table, &FlagTableView::currentFlagChanged, this, &MainWindow::showFlag);
    // Only a change of the flag shown redraws its stage and charts.
    connect(m_models->flags(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_models->flags()->rowOf(m_detail->shownFlag());
                if (row >= topLeft.row() && row <= bottomRight.row()) {
                    refreshStageView();
                    m_charts->showFlag(m_detail->shownFlag(), m_models->flags()->rowAt(row).flag);
                }
            });
}

void MainWindow::wireKillSwitch()
{
    connect(m_table, &FlagTableView::actionRequested, this, &MainWindow::requestAction);
    connect(m_detail, &FlagDetailPane::actionRequested, this, &MainWindow::requestAction);
    connect(m_confirmBar, &KillConfirmBar::confirmed, this, [this](const QList<FlagRef> &flags, bool restore) {
        // Several flags at once: when the last one ended, say how many the servers confirmed
        // and which did not, and why, rather than whichever happened to answer last.
        ConfirmedChanges::Completion done;
        if (flags.size() > 1) {
            struct Tally
            {
                int total = 0;
                int confirmed = 0;
                QStringList failures;
            };
            auto tally = std::make_shared<Tally>();
            tally->total = int(flags.size());
            done = [this, guard = QPointer(this), tally, restore](const ConfirmedChanges::Outcome &outcome) {
                if (outcome.confirmed)
                    ++tally->confirmed;
                else
                    tally->failures.append(tr("%1@%2: %3").arg(outcome.ref.key, outcome.ref.environment, outcome.reason));
                if (!guard || tally->confirmed + int(tally->failures.size()) < tally->total)
                    return;
                const QString summary = restore ? tr("Restored: %1 of %2 confirmed by the server.")
                                                : tr("Killed: %1 of %2 confirmed by the server.");
                report(ActivityLogModel::Kind::Kill, summary.arg(tally->confirmed).arg(tally->total)
                                         + (tally->failures.isEmpty()
                                                ? QString()
                                                : QLatin1Char(' ') + tr("Not done: %1").arg(tally->failures.join(QStringLiteral("; ")))));
            };
        }
        if (restore)
            m_controller->killSwitch()->restore(flags, {}, done);
        else
            m_controller->killSwitch()->kill(flags, {}, std::nullopt, done);
        m_table->setFocus();
    });

    KillSwitch *killSwitch = m_controller->killSwitch();
    connect(killSwitch, &KillSwitch::confirmed, this, [this](const FlagRef &ref, bool enabled) {
        const FlagTableModel::Row *row = m_models->flags()->row(ref);
        const bool undoOffered = row && row->undoUntilMs > 0;
        report(ActivityLogModel::Kind::Kill,
               enabled       ? tr("%1 in %2 is on again: the server confirmed it.").arg(ref.key, ref.environment)
               : undoOffered ? tr("%1 in %2 is off: the server confirmed it. Undo (Ctrl+Z) is offered for %n s.", nullptr,
                                  KillSwitch::DefaultUndoWindowMs / 1000)
                                   .arg(ref.key, ref.environment)
                             : tr("%1 in %2 is off: the server confirmed it.").arg(ref.key, ref.environment),
               10000);
    });
    connect(killSwitch, &KillSwitch::failed, this, [this](const FlagRef &ref, bool wantedEnabled, const QString &reason) {
        report(ActivityLogModel::Kind::Failure, wantedEnabled ? tr("Restoring %1 in %2 failed: %3").arg(ref.key, ref.environment, reason)
                                                              : tr("Killing %1 in %2 failed: %3").arg(ref.key, ref.environment, reason));
    });
}

void MainWindow::wireStageView()
{
    StageActions *stages = m_controller->stageActions();
    connect(m_stageView, &StageView::previewRequested, this, [this, stages](const FlagRef &ref, FlagAction action) {
        const Result<StagePreview> preview = stages->preview(ref, action);
        if (preview)
            m_stageView->showPreview(preview.value());
        else
            m_stageView->showRefusal(preview.error());
    });
    connect(m_stageView, &StageView::applyRequested, this, [this](const StagePreview &preview, const QString &comment) {
        const ConsoleController::PersonChange change = m_controller->applyStage(preview, comment);
        if (change.queued)
            m_stageView->showQueued(queuedText(change.queued.value()));
        else if (!change.sent)
            m_stageView->showRefusal(change.refusal);
    });
    connect(m_stageView, &StageView::holdRequested, this, [stages](const FlagRef &ref, bool pause, const QString &comment) {
        if (pause)
            stages->pause(ref, comment);
        else
            stages->resume(ref, comment);
    });
    connect(stages, &StageActions::holdChanged, this, &MainWindow::refreshStageView);
    connect(stages, &StageActions::stagesRefreshed, this, &MainWindow::refreshStageView);
    connect(stages, &StageActions::confirmed, this, [this](const FlagRef &ref, FlagAction action) {
        report(ActivityLogModel::Kind::Confirmation,
               tr("%1 in %2: %3 confirmed by the server.").arg(ref.key, ref.environment, flagActionName(action)), 10000);
    });
    connect(stages, &StageActions::failed, this, [this](const FlagRef &ref, FlagAction action, const QString &reason) {
        report(ActivityLogModel::Kind::Failure, tr("%1 in %2: %3 failed: %4").arg(ref.key, ref.environment, flagActionName(action), reason));
    });
}

void MainWindow::wireGuardrails()
{
    connect(m_charts, &GuardrailCharts::consoleGuardrailsChanged, this,
            [this](const FlagRef &ref, const QList<ContractGuardrail> &guardrails) {
                m_controller->guardrails()->setConsoleGuardrails(ref, guardrails);
                showFlag(ref);
            });
    connect(m_controller, &ConsoleController::guardrailRegression, this,
            [this](const QString &title, const QString &message, bool killing) {
                // A kill the contract makes is always announced; a regression alone as the person chose.
                notify(title, message, killing || m_controller->preferences().notifyRegressions,
                       killing ? ActivityLogModel::Kind::Kill : ActivityLogModel::Kind::Regression);
            });
}

void MainWindow::wireAudit()
{
    connect(m_controller, &ConsoleController::auditProblem, this, [this](const QString &error) {
        // Nothing is dropped: kills and changes still go to the servers, and what the cache could
        // not take waits in memory until it can.
        report(ActivityLogModel::Kind::Problem,
               tr("The audit cache %1 cannot write: %2. Kills and changes still reach the servers; their audit entries "
                  "are kept in memory and written as soon as the cache can take them (free some disk space if it is "
                  "full). Closing FlagDeck before then loses them.")
                   .arg(QDir::toNativeSeparators(m_controller->auditWriter()->path()), error));
    });
    connect(m_controller, &ConsoleController::auditDamaged, this, [this](const QString &detail) {
        const QString path = QDir::toNativeSeparators(m_controller->auditWriter()->path());
        report(ActivityLogModel::Kind::Problem,
               tr("The audit cache %1 is damaged (%2). FlagDeck no longer writes to it; kills and changes still reach "
                  "the servers, and their audit entries are kept in memory. Move the file aside with its -wal and -shm "
                  "files (keep them: its history is in them, and \"sqlite3 %1 .recover\" saves what is readable): "
                  "FlagDeck then starts a new cache there and writes what it kept; the servers' history is fetched "
                  "again at the next start.")
                   .arg(path, detail));
    });
    connect(m_controller, &ConsoleController::auditBacklogWritten, this, [this](int entries) {
        report(ActivityLogModel::Kind::Info,
               tr("The audit cache writes again: the %n entries kept in memory meanwhile are in it.", nullptr, entries), 10000);
    });
    // A change an earlier run asked and never heard back on: the sentence says what the server says now.
    connect(m_controller, &ConsoleController::changeInterrupted, this,
            [this](const FlagRef &, const QString &message) { report(ActivityLogModel::Kind::Problem, message); });
    connect(m_auditBrowser, &AuditBrowser::exportRequested, m_controller, &ConsoleController::exportAudit);
    connect(m_controller, &ConsoleController::auditExportFinished, this,
            [this](const QString &path, qint64 rows, const QString &error) {
                if (error.isEmpty())
                    report(ActivityLogModel::Kind::Info, tr("Exported %n entries to %1.", nullptr, int(rows)).arg(path), 10000);
                else
                    QMessageBox::warning(this, tr("Export failed"), error);
            });
}

void MainWindow::wireApprovals()
{
    connect(m_controller, &ConsoleController::inboxProblem, this, [this](const QString &error) {
        m_proposalQueue->setInboxNotice(tr("The approval queue is not open: %1").arg(error));
    });
    connect(m_models->proposals(), &ProposalTableModel::pendingCountChanged, this,
            &MainWindow::updateApprovalsTab);
    ProposalReview *review = m_controller->proposals();
    connect(review, &ProposalReview::proposalArrived, this, [this](const Proposal &proposal) {
        const QString title =
            tr("%1 proposes to %2 %3").arg(proposal.proposer.agent, flagActionName(proposal.action), proposal.target.key);
        const QString message =
            tr("%1 risk · %2 — review it on the Approvals tab (Ctrl+3)").arg(riskDisplayName(proposal.risk), proposal.reason);
        notify(title, message, m_controller->preferences().notifyProposals, ActivityLogModel::Kind::Proposal);
    });
    // The team inbox away: said on the Approvals tab while it lasts, and in the activity list.
    connect(review, &ProposalReview::inboxAway, this, [this](const QString &sentence) {
        m_proposalQueue->setInboxNotice(sentence);
        report(ActivityLogModel::Kind::Problem, sentence);
    });
    connect(review, &ProposalReview::inboxBack, this, [this](const QString &sentence) {
        m_proposalQueue->setInboxNotice({});
        report(ActivityLogModel::Kind::Info, sentence, 10000);
    });
    connect(review, &ProposalReview::proposalFinished, this, [this](const Proposal &proposal) {
        report(ActivityLogModel::Kind::Proposal,
               tr("Proposal for %1 %2: %3").arg(proposal.target.key, proposalStatusName(proposal.status), proposal.outcome),
               10000);
    });
}


void MainWindow::showFlag(const FlagRef &ref)
{
    m_detail->showFlag(ref);
    refreshStageView();
    const FlagTableModel::Row *row = m_models->flags()->row(ref);
    GuardrailWatcher *guardrails = m_controller->guardrails();
    m_charts->setConsoleGuardrails(row && !guardrails->hasContractGuardrails(ref), guardrails->consoleGuardrails(ref));
    m_charts->showFlag(ref, row ? row->flag : Flag());
}

void MainWindow::showApprovals()
{
    m_tabs->setCurrentWidget(m_proposalQueue);
}

void MainWindow::showChanges()
{
    m_tabs->setCurrentWidget(m_changesView);
    m_changesView->tree()->setFocus();
}

void MainWindow::showCleanup()
{
    m_tabs->setCurrentWidget(m_cleanupView);
    m_cleanupView->table()->setFocus();
}

void MainWindow::readChangeWindow(qint64 fromMs)
{
    if (!m_controller->reverts()->isHistoryOpen()) {
        m_changesView->showProblem(tr("the audit cache is not open"));
        return;
    }
    if (const Result<void> read = m_models->changes()->showSince(fromMs); !read)
        m_changesView->showProblem(read.error());
}

QString MainWindow::queuedText(const Proposal &proposal)
{
    return tr("%1 in %2: the contract requires approval for %3 at %4 risk. Sent to the approval queue as proposal %5; "
              "it runs once someone else approves it (Approvals, Ctrl+3).")
        .arg(proposal.target.key, proposal.target.environment, flagActionName(proposal.action),
             riskDisplayName(proposal.risk), proposal.id.left(8));
}

void MainWindow::wireChanges()
{
    RevertDesk *reverts = m_controller->reverts();
    connect(m_cleanupView, &CleanupView::archiveRequested, this, [this](const FlagRef &ref) {
        const FlagStore::Entry *row = m_controller->flagStore()->find(ref);
        const QString why = row && row->cleanup ? row->cleanup->why() : QString();
        const Result<Proposal> asked =
            m_controller->proposeArchive(ref, tr("Due for cleanup: %1. Its code is to be removed; archive it.").arg(why));
        m_cleanupView->showOutcome(asked ? tr("Archive of %1 asked of the approval queue (proposal %2): it runs once "
                                              "another person approves it.")
                                               .arg(ref.key, asked->id.left(8))
                                         : tr("Archive of %1 not asked: %2").arg(ref.key, asked.error()));
    });
    connect(m_changesView, &ChangesView::windowChosen, this, &MainWindow::readChangeWindow);
    // Read when shown, and again each time: the window's start moves with the clock.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_changesView)
            readChangeWindow(m_changesView->windowStartMs());
    });
    connect(m_changesView, &ChangesView::previewRequested, this, [this, reverts](const QList<qint64> &ids) {
        const Result<QList<RevertPreview>> previews = reverts->previewChanges(ids);
        if (previews)
            m_changesView->showPreviews(previews.value());
        else
            m_changesView->showRefusal(previews.error());
    });
    connect(m_changesView, &ChangesView::revertConfirmed, this, [this](const RevertPreview &preview, const QString &comment) {
        const FlagRef ref = preview.ref;
        const ConsoleController::PersonChange change =
            m_controller->applyRevert(preview, comment, [this, ref](bool confirmed, const QString &reason) {
                const QString text = confirmed
                    ? tr("%1 in %2 is back as it was: confirmed by the server.").arg(ref.key, ref.environment)
                    : tr("Putting %1 in %2 back failed: %3").arg(ref.key, ref.environment, reason);
                m_changesView->showOutcome(text);
                report(confirmed ? ActivityLogModel::Kind::Confirmation : ActivityLogModel::Kind::Failure, text, 10000);
            });
        if (change.queued)
            m_changesView->showOutcome(queuedText(change.queued.value()));
        else if (change.sent)
            m_changesView->showOutcome(tr("%1 in %2: sent; waiting for the server to confirm…").arg(ref.key, ref.environment));
        else
            m_changesView->showRefusal(change.refusal, change.changedSince);
    });
    connect(m_changesView, &ChangesView::killInsteadRequested, this, [this](const FlagRef &ref, const QString &comment) {
        m_controller->killSwitch()->kill({ref}, comment.isEmpty() ? tr("killed instead of an inexact revert") : comment);
        m_changesView->showOutcome(tr("%1 in %2: kill sent; the Flags tab shows when the server confirms it.")
                                       .arg(ref.key, ref.environment));
    });
    connect(m_changesView, &ChangesView::stateAtRequested, this, [this](qint64 timeMs) {
        if (const Result<void> read = m_models->flagStates()->showAt(timeMs); !read)
            m_changesView->showProblem(read.error());
    });
}

void MainWindow::updateFlagCounts()
{
    const FlagTableModel *flags = m_models->flags();
    int attention = 0;
    for (int row = 0; row < flags->rowCount(); ++row)
        attention += flags->rowAt(row).needsAttention() ? 1 : 0;
    // The Flags page is the first tab (Ctrl+1).
    m_tabs->setTabText(0, attention > 0 ? tr("Flags (%n need attention)", nullptr, attention) : tr("Flags"));
    const bool filtered = !m_search->text().trimmed().isEmpty() || m_attentionOnly->isChecked();
    m_matchCount->setVisible(filtered);
    m_matchCount->setText(m_proxy->rowCount() == 0 ? tr("No flags match")
                                                   : tr("%1 of %n flag(s)", nullptr, flags->rowCount()).arg(m_proxy->rowCount()));
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) && m_proxy->rowCount() > 0) {
            selectFirstFlag();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updateApprovalsTab(int pending)
{
    // The count is the badge: seen from any tab.
    const int index = m_tabs->indexOf(m_proposalQueue);
    m_tabs->setTabText(index, pending > 0 ? tr("Approvals (%1)").arg(pending) : tr("Approvals"));
    m_tabs->setTabToolTip(index, tr("%n proposal(s) waiting for review", nullptr, pending));
}

void MainWindow::notify(const QString &title, const QString &message, bool desktop, ActivityLogModel::Kind kind)
{
    // A desktop notification where the desktop offers one; the status bar always says it too.
    if (desktop && !m_tray && QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->show();
    }
    if (desktop && m_tray)
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning);
    // A proposal's word is brief: the activity list keeps it, and the Approvals tab counts it.
    report(kind, QStringLiteral("%1 — %2").arg(title, message), kind == ActivityLogModel::Kind::Proposal ? 8000 : 0);
}

void MainWindow::report(ActivityLogModel::Kind kind, const QString &message, int timeoutMs)
{
    m_activity->add(kind, message);
    // What cannot wait (a kill, a failure, a regression, a problem) is not pushed off the status
    // bar by a routine word (a proposal, a confirmation) while it is still shown.
    const bool urgent = kind == ActivityLogModel::Kind::Kill || kind == ActivityLogModel::Kind::Failure
        || kind == ActivityLogModel::Kind::Regression || kind == ActivityLogModel::Kind::Problem;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!urgent && now < m_urgentStatusUntilMs && !statusBar()->currentMessage().isEmpty())
        return;
    statusBar()->showMessage(message, timeoutMs);
    if (urgent)
        m_urgentStatusUntilMs = now + UrgentStatusMs;
}

void MainWindow::refreshStageView()
{
    const FlagTableModel::Row *row = m_models->flags()->row(m_detail->shownFlag());
    m_stageView->setVisible(row != nullptr);
    m_stageView->setKillNote(row ? FlagTableModel::killText(*row) : QString());
    m_stageView->showSnapshot(m_controller->stageActions()->snapshot(m_detail->shownFlag()));
}

void MainWindow::chooseContractsFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Contracts folder"), m_controller->contracts()->folder());
    if (!folder.isEmpty())
        m_controller->setContractsFolder(folder, true);
}

void MainWindow::showAuditHistory()
{
    m_tabs->setCurrentWidget(m_auditBrowser);
    m_auditBrowser->focusSearch();
}

void MainWindow::showSelectedFlagHistory()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const FlagRef ref = current.data(FlagTableModel::FlagRefRole).value<FlagRef>();
    m_tabs->setCurrentWidget(m_auditBrowser);
    m_auditBrowser->showFlagHistory(ref.connectionId, ref.environment, ref.key);
}

void MainWindow::createActions()
{
    const QList<QAction *> addConnection = createFileMenu();
    createEditMenu();
    const QList<QAction *> killAndRestore = createFlagMenu();
    createViewMenu();

    m_toolbar = addToolBar(tr("Flags"));
    m_toolbar->setObjectName(QStringLiteral("flagToolbar"));
    m_toolbar->setMovable(false);
    m_toolbar->addActions(killAndRestore);
    m_toolbar->addSeparator();
    m_toolbar->addActions(addConnection);

    createHelpMenu();
}

QList<QAction *> MainWindow::createFileMenu()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *addServer = fileMenu->addAction(tr("Add se&rver connection…"), this, [this] { MainWindow::addServer(); });
    addServer->setObjectName(QStringLiteral("addServerAction"));
    QAction *addSandbox = fileMenu->addAction(tr("Add &sandbox connection…"), this, &MainWindow::addSandbox);
    addSandbox->setObjectName(QStringLiteral("addSandboxAction"));
    fileMenu->addAction(tr("&Contracts folder…"), this, &MainWindow::chooseContractsFolder);
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    return {addServer, addSandbox};
}

void MainWindow::createEditMenu()
{
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undoKill = editMenu->addAction(tr("&Undo last kill"), QKeySequence::Undo, this, &MainWindow::undoLastKill);
    undoKill->setObjectName(QStringLiteral("undoKillAction"));
    editMenu->addSeparator();
    QAction *preferences = editMenu->addAction(tr("&Preferences…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this,
                                               &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setMenuRole(QAction::PreferencesRole);
}

QList<QAction *> MainWindow::createFlagMenu()
{
    QMenu *flagMenu = menuBar()->addMenu(tr("F&lag"));
    QAction *find = flagMenu->addAction(tr("&Find"), QKeySequence::Find, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setObjectName(QStringLiteral("findAction"));
    QAction *kill = flagMenu->addAction(tr("&Kill selected flags…"), QKeySequence(Qt::Key_K), this,
                                        [this] { armSelected(false); });
    kill->setObjectName(QStringLiteral("killSelectedAction"));
    QAction *restore = flagMenu->addAction(tr("&Restore selected flags…"), QKeySequence(Qt::Key_R), this,
                                           [this] { armSelected(true); });
    restore->setObjectName(QStringLiteral("restoreSelectedAction"));
    flagMenu->addSeparator();
    QAction *history = flagMenu->addAction(tr("Show &history of selected flag"), QKeySequence(Qt::CTRL | Qt::Key_H),
                                           this, &MainWindow::showSelectedFlagHistory);
    history->setObjectName(QStringLiteral("showHistoryAction"));
    return {kill, restore};
}

void MainWindow::createViewMenu()
{
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(tr("&Flags"), QKeySequence(Qt::CTRL | Qt::Key_1), this, [this] {
        m_tabs->setCurrentIndex(0);
        m_table->setFocus();
    });
    QAction *audit = viewMenu->addAction(tr("&Audit history"), QKeySequence(Qt::CTRL | Qt::Key_2), this,
                                         &MainWindow::showAuditHistory);
    audit->setObjectName(QStringLiteral("showAuditAction"));
    QAction *approvals = viewMenu->addAction(tr("A&pprovals"), QKeySequence(Qt::CTRL | Qt::Key_3), this,
                                             &MainWindow::showApprovals);
    approvals->setObjectName(QStringLiteral("showApprovalsAction"));
    QAction *changes = viewMenu->addAction(tr("&What changed"), QKeySequence(Qt::CTRL | Qt::Key_4), this,
                                           &MainWindow::showChanges);
    changes->setObjectName(QStringLiteral("showChangesAction"));
    QAction *cleanup = viewMenu->addAction(tr("C&leanup"), QKeySequence(Qt::CTRL | Qt::Key_5), this,
                                           &MainWindow::showCleanup);
    cleanup->setObjectName(QStringLiteral("showCleanupAction"));
    viewMenu->addSeparator();
    QAction *connections = viewMenu->addAction(tr("&Connections"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] {
        m_connectionsWanted = true;
        m_tabs->setCurrentIndex(0);
        m_connectionsDock->show();
        m_connectionsDock->setFocus();
    });
    connections->setObjectName(QStringLiteral("focusConnectionsAction"));
    QAction *activity = m_activityDock->toggleViewAction();
    activity->setText(tr("Acti&vity"));
    activity->setObjectName(QStringLiteral("toggleActivityAction"));
    viewMenu->addAction(activity);
}

void MainWindow::createHelpMenu()
{
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = helpMenu->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this,
                                             &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    helpMenu->addAction(tr("&About FlagDeck"), this, [this] {
        QMessageBox::about(this, tr("About FlagDeck"),
                           tr("<b>FlagDeck %1</b><br>The operator console for AI release engineering.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showWelcome()
{
    m_pages->setCurrentWidget(m_welcome);
    m_connectionsDock->hide();
    m_activityDock->hide();
    m_toolbar->hide();
    statusBar()->hide();
    m_welcome->focusDefaultChoice();
}

bool MainWindow::isShowingWelcome() const
{
    return m_pages->currentWidget() == m_welcome;
}

void MainWindow::leaveWelcome()
{
    // As on any start: the first flag is selected once there are flags.
    connect(m_controller, &ConsoleController::initialLoadFinished, this, &MainWindow::selectFirstFlag,
            Qt::SingleShotConnection);
    m_pages->setCurrentWidget(m_tabs);
    placeConnectionsDock();
    m_activityDock->show();
    m_toolbar->show();
    statusBar()->show();
    m_table->setFocus();
}

void MainWindow::placeConnectionsDock()
{
    m_connectionsDock->setVisible(m_connectionsWanted && m_tabs->currentIndex() == 0 && !isShowingWelcome());
}

void MainWindow::openOffline()
{
    m_controller->startOffline();
    setWindowTitle(tr("FlagDeck — offline"));
    leaveWelcome();
    showAuditHistory();
}

QStringList MainWindow::viewNames()
{
    return {QStringLiteral("flags"), QStringLiteral("audit"), QStringLiteral("approvals"), QStringLiteral("changes"),
            QStringLiteral("cleanup"), QStringLiteral("preferences"), QStringLiteral("shortcuts")};
}

void MainWindow::showView(const QString &name)
{
    if (name == QStringLiteral("audit"))
        showAuditHistory();
    else if (name == QStringLiteral("approvals"))
        showApprovals();
    else if (name == QStringLiteral("changes"))
        showChanges();
    else if (name == QStringLiteral("cleanup"))
        showCleanup();
    else if (name == QStringLiteral("preferences"))
        showPreferences();
    else if (name == QStringLiteral("shortcuts"))
        showShortcuts();
    else
        m_tabs->setCurrentIndex(0);
}

void MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(m_controller->preferences(), m_models->connections(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PreferencesDialog::addServerRequested, this, [this] { addServer(); });
    connect(dialog, &PreferencesDialog::addSandboxRequested, this, &MainWindow::addSandbox);
    connect(dialog, &PreferencesDialog::removeConnectionRequested, this, &MainWindow::removeConnection);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Preferences chosen = dialog->preferences();
        m_controller->setPreferences(chosen);
        AppTheme::apply(chosen.theme);
    });
    dialog->open();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(menuBar()->actions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::requestAction(const FlagRef &ref, FlagTableModel::RowAction action)
{
    KillSwitch *killSwitch = m_controller->killSwitch();
    switch (action) {
    case FlagTableModel::RowAction::Kill:
        m_confirmBar->arm({ref}, false, question({ref}, false));
        break;
    case FlagTableModel::RowAction::Restore:
        m_confirmBar->arm({ref}, true, question({ref}, true));
        break;
    case FlagTableModel::RowAction::RetryKill: // the person already confirmed this kill once
        killSwitch->kill({ref});
        break;
    case FlagTableModel::RowAction::Undo:
    case FlagTableModel::RowAction::RetryRestore:
        killSwitch->restore({ref});
        break;
    case FlagTableModel::RowAction::None:
        break;
    }
}

void MainWindow::undoLastKill()
{
    // The kill confirmed last is the one whose undo window ends last.
    const FlagStore *store = m_models->flags()->store();
    const FlagStore::Entry *latest = nullptr;
    for (int index = 0; index < store->count(); ++index) {
        const FlagStore::Entry &entry = store->at(index);
        if (FlagTableModel::rowAction(entry) == FlagTableModel::RowAction::Undo
            && (!latest || entry.undoUntilMs > latest->undoUntilMs))
            latest = &entry;
    }
    if (!latest) {
        statusBar()->showMessage(tr("No kill to undo: a kill can be undone for %n second(s) after the server confirmed it.",
                                    nullptr, KillSwitch::DefaultUndoWindowMs / 1000),
                                 5000);
        return;
    }
    requestAction(latest->ref, FlagTableModel::RowAction::Undo);
}

void MainWindow::armSelected(bool restore)
{
    // Never arm a kill for a selection the person cannot see.
    if (m_tabs->currentIndex() != 0) {
        statusBar()->showMessage(tr("Kill and restore work on the Flags tab (Ctrl+1)."), 5000);
        return;
    }
    QList<FlagRef> flags;
    for (const FlagRef &ref : m_table->selectedFlags()) {
        const FlagTableModel::Row *row = m_models->flags()->row(ref);
        if (row && row->operation == FlagTableModel::Operation::None && row->staleSinceMs == 0
            && row->flag.enabled != restore)
            flags.append(ref);
    }
    if (flags.isEmpty()) {
        statusBar()->showMessage(restore ? tr("Select one or more flags that are off to restore them.")
                                         : tr("Select one or more flags that are on to kill them."),
                                 5000);
        return;
    }
    m_confirmBar->arm(flags, restore, question(flags, restore));
    // The bar above the table moves it down: the row being decided on stays in sight.
    QTimer::singleShot(0, m_table, [this] { m_table->scrollTo(m_table->currentIndex()); });
}

QString MainWindow::question(const QList<FlagRef> &flags, bool restore) const
{
    if (flags.size() == 1) {
        const FlagTableModel::Row *row = m_models->flags()->row(flags.first());
        if (!row)
            return {};
        const QString where = tr("%1 in %2 on %3").arg(row->flag.key, row->ref.environment, row->serverName);
        if (restore)
            return tr("Restore %1? It serves its rollout again.").arg(where);
        const Variation *off = row->flag.variation(row->flag.offVariationId);
        return tr("Kill %1? Everyone gets \"%2\" until it is restored.").arg(where, off ? off->name : row->flag.offVariationId);
    }
    QSet<QString> servers;
    QStringList named;
    for (const FlagRef &ref : flags) {
        servers.insert(ref.connectionId);
        const FlagTableModel::Row *row = m_models->flags()->row(ref);
        const Variation *off = row ? row->flag.variation(row->flag.offVariationId) : nullptr;
        // Each flag by name, and for a kill what it will serve from now on.
        named.append(restore || !row ? tr("%1@%2").arg(ref.key, ref.environment)
                                     : tr("%1@%2 → \"%3\"").arg(ref.key, ref.environment,
                                                                 off ? off->name : row->flag.offVariationId));
    }
    constexpr int MaxNamed = 8;
    QString list = QStringList(named.mid(0, MaxNamed)).join(QStringLiteral(", "));
    if (named.size() > MaxNamed)
        list += QLatin1Char(' ') + tr("and %n more", nullptr, int(named.size()) - MaxNamed);
    const int count = int(flags.size());
    const QString onServers = tr("%n server(s)", nullptr, int(servers.size()));
    return restore ? tr("Restore %n flag(s) on %1: %2? Each serves its rollout again.", nullptr, count).arg(onServers, list)
                   : tr("Kill %n flag(s) on %1: %2? Each serves its off variation until restored.", nullptr, count)
                         .arg(onServers, list);
}

void MainWindow::updateStatus()
{
    const ConnectionTreeModel *connections = m_models->connections();
    QStringList parts;
    for (int row = 0; row < connections->rowCount(); ++row) {
        const QModelIndex name = connections->index(row, ConnectionTreeModel::NameColumn);
        const QModelIndex state = connections->index(row, ConnectionTreeModel::StateColumn);
        parts.append(tr("%1: %2").arg(name.data().toString(), state.data().toString()));
    }
    const int flags = m_models->flags()->rowCount();
    showOfflineBanner();
    if (m_controller->isOffline() && flags == 0 && m_controller->initialLoadDone()) {
        m_connectionStatus->setText(tr("Offline, and nothing is cached yet: start FlagDeck connected once, and it keeps "
                                       "each server's flags and history here for offline use."));
        return;
    }
    parts.prepend(tr("%n flag(s)", nullptr, flags));
    m_connectionStatus->setText(parts.join(QStringLiteral("  ·  ")));
}

void MainWindow::showOfflineBanner()
{
    m_charts->setOffline(m_controller->isOffline());
    qint64 lastSeenMs = 0;
    const FlagStore *store = m_models->flags()->store();
    for (int index = 0; index < store->count(); ++index)
        lastSeenMs = std::max(lastSeenMs, store->at(index).staleSinceMs);
    m_offlineBanner->setVisible(m_controller->isOffline() && lastSeenMs > 0);
    if (lastSeenMs > 0)
        m_offlineBanner->setText(tr("<b>Offline</b>: states as last seen, %1 ago. Nothing can be changed and no "
                                    "guardrail is watched until FlagDeck is started connected.")
                                     .arg(durationText(QDateTime::currentMSecsSinceEpoch() - lastSeenMs)));
}

void MainWindow::addServer(std::optional<ConnectionConfig::Kind> kind)
{
    auto *dialog = new AddServerDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (kind)
        dialog->setKind(*kind);
    // One probe per dialog, gone with it: closing the dialog mid-test drops the trial connection.
    auto *probe = new ConnectionProbe(dialog);
    connect(dialog, &AddServerDialog::testRequested, probe, &ConnectionProbe::start);
    connect(probe, &ConnectionProbe::finished, dialog, &AddServerDialog::showTestResult);
    // Before a token is typed in: whether it could be kept at all.
    dialog->expectSecretStoreAnswer();
    m_controller->checkSecretStore([dialog = QPointer(dialog)](const QString &problem) {
        if (dialog)
            dialog->showSecretStoreAnswer(problem);
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_controller->addServerConnection(dialog->connection(), dialog->token(), [this](const QString &, const QString &error) {
            if (!error.isEmpty()) {
                QMessageBox::warning(this, tr("Connection not added"), error);
                return;
            }
            // From the welcome page: the console starts with the server just added.
            if (!m_controller->isStarted()) {
                m_controller->start(false);
                leaveWelcome();
            }
        });
    });
    dialog->open();
}

void MainWindow::removeConnection(const QString &connectionId)
{
    const QString name = connectionName(*m_controller, connectionId);
    const auto answer = QMessageBox::question(
        this, tr("Remove connection"),
        tr("Remove the connection \"%1\"? Its token is removed from the keychain; its audit history stays in the cache.")
            .arg(name));
    if (answer == QMessageBox::Yes)
        m_controller->removeConnection(connectionId);
}

// The team's contract files are read again whenever one changes: what is wrong with them shows at
// once, so a typo never quietly takes a flag's stages, guardrails or auto_kill away.
void MainWindow::showContractFindings()
{
    const ContractSet &team = m_controller->contracts()->teamContracts();
    const int errors = team.count(ContractFinding::Severity::Error);
    const int warnings = team.count(ContractFinding::Severity::Warning);
    m_contractsStatus->setVisible(errors + warnings > 0);
    if (errors + warnings == 0)
        return;
    const QString counted = errors > 0 ? tr("Contracts: %n error(s)", nullptr, errors) : tr("Contracts: %n warning(s)", nullptr, warnings);
    m_contractsStatus->setText(errors > 0 ? QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
                                                .arg(StateColors::danger().name(), counted.toHtmlEscaped())
                                          : counted.toHtmlEscaped());
    QStringList lines;
    for (const ContractFinding &finding : team.findings)
        lines.append(finding.text());
    m_contractsStatus->setToolTip(lines.join(QLatin1Char('\n')));
}

void MainWindow::writeTokenFile(const QString &connectionId)
{
    const QString name = connectionName(*m_controller, connectionId);
    const QList<ConnectionConfig> configs = m_controller->connections();
    const bool hasToken = std::any_of(configs.cbegin(), configs.cend(), [&](const ConnectionConfig &config) {
        return config.id == connectionId && !config.secretRef.isEmpty();
    });
    if (!hasToken) {
        QMessageBox::information(this, tr("Write token file"), tr("\"%1\" needs no token.").arg(name));
        return;
    }
    QMessageBox warning(QMessageBox::Warning, tr("Write token file"),
                        tr("Write the token of \"%1\" in plain text to a file?").arg(name), QMessageBox::Cancel, this);
    warning.setInformativeText(tr("Whoever can read the file can change flags on that server as you. FlagDeck makes it "
                                  "readable by you only. Hand it to a guard's service (systemd LoadCredential=), then "
                                  "delete your copy."));
    QPushButton *write = warning.addButton(tr("Choose file…"), QMessageBox::AcceptRole);
    warning.setDefaultButton(QMessageBox::Cancel);
    warning.exec();
    if (warning.clickedButton() != write)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Token file for \"%1\"").arg(name),
                                                      QDir::home().filePath(connectionId));
    if (path.isEmpty())
        return;
    m_controller->writeTokenFile(connectionId, path, [this, guard = QPointer(this), path, name](const QString &error) {
        if (!guard)
            return;
        if (error.isEmpty())
            report(ActivityLogModel::Kind::Info, tr("Wrote the token of \"%1\" to %2 (readable by you only).").arg(name, path), 10000);
        else
            QMessageBox::warning(this, tr("Write token file"), tr("The token file was not written: %1").arg(error));
    });
}

void MainWindow::addSandbox()
{
    bool accepted = false;
    const QString name = QInputDialog::getText(this, tr("Add sandbox connection"), tr("Name of the new sandbox:"),
                                               QLineEdit::Normal,
                                               tr("Sandbox %1").arg(m_models->connections()->connectionCount() + 1),
                                               &accepted);
    if (accepted && !name.trimmed().isEmpty())
        m_controller->addSandboxConnection(name.trimmed());
}

bool MainWindow::selectFlag(const QString &key)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, FlagTableModel::KeyColumn);
        if (index.data().toString() == key) {
            m_table->setCurrentIndex(index);
            m_table->setFocus();
            return true;
        }
    }
    return false;
}

void MainWindow::selectFirstFlag()
{
    if (m_proxy->rowCount() == 0)
        return;
    m_table->setCurrentIndex(m_proxy->index(0, FlagTableModel::KeyColumn));
    m_table->setFocus();
}
