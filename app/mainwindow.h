#pragma once

#include "core/connectionconfig.h"
#include "core/flagref.h"
#include "item/activitylogmodel.h"
#include "item/flagtablemodel.h"

#include <QMainWindow>
#include <QTimer>

#include <optional>

class ActivityDock;
struct Proposal;
class AuditBrowser;
class ChangesView;
class CleanupView;
class ConnectionsDock;
class ConsoleController;
class ConsoleModels;
class FlagDetailPane;
class FlagFilterProxy;
class FlagTableView;
class GuardrailCharts;
class KillConfirmBar;
class ProposalQueueView;
class QAction;
class QCheckBox;
class QLabel;
class QStackedWidget;
class QToolBar;
class WelcomePage;
class QLineEdit;
class QSystemTrayIcon;
class QSplitter;
class QTabWidget;
class StageView;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ConsoleController *controller, QWidget *parent = nullptr);

    // What the views show, adapted from the controller's state.
    ConsoleModels *models() const { return m_models; }
    FlagTableView *flagTable() const { return m_table; }
    AuditBrowser *auditBrowser() const { return m_auditBrowser; }
    QTabWidget *tabs() const { return m_tabs; }
    StageView *stageView() const { return m_stageView; }
    GuardrailCharts *guardrailCharts() const { return m_charts; }
    ProposalQueueView *proposalQueue() const { return m_proposalQueue; }
    ChangesView *changesView() const { return m_changesView; }
    CleanupView *cleanupView() const { return m_cleanupView; }
    // What the console said lately, newest first (the Activity dock).
    ActivityLogModel *activityLog() const { return m_activity; }
    WelcomePage *welcomePage() const { return m_welcome; }
    // A first start: the welcome page instead of the console, until the person picks a way in.
    void showWelcome();
    bool isShowingWelcome() const;
    // The views --view opens: a tab, or a dialog over the window.
    static QStringList viewNames();
    void showView(const QString &name);
    void showPreferences();
    void showShortcuts();
    void showApprovals();
    void showAuditHistory();
    // What changed on every server in a window (Ctrl+4).
    void showChanges();
    void showCleanup();
    // The first size: a desktop's where the screen has room (most of a large screen), otherwise
    // the screen's whole space.
    void fitToScreen();
    // Selects the first flag in the table, as a person opening the console would.
    void selectFirstFlag();
    // Selects the first row of this flag; false when no row has that key.
    bool selectFlag(const QString &key);

protected:
    // Down or Enter in the search field go to the first flag found.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The constructor's steps, in order: the widgets (Tab follows the order they are made in),
    // the menus and toolbar, then each area's wiring.
    void setUpFlagTable();
    // The Flags tab: table and guardrail charts, beside the selected flag's details and stage.
    QWidget *createFlagsPage();
    QWidget *createTableAndCharts();
    QWidget *createDetailColumn();
    // Tabs, welcome page, connections dock and status bar.
    void layOutWindow(QWidget *flagsPage);
    void createActions();
    // Each returns the actions the toolbar shows too.
    QList<QAction *> createFileMenu();
    QList<QAction *> createFlagMenu();
    void createEditMenu();
    void createViewMenu();
    void createHelpMenu();
    void wireWelcomePage();
    // The connections dock, connection problems, and the status bar's summary.
    void wireConnections();
    // Search, and the selected flag followed by the detail pane, stage view and charts.
    void wireFlagSelection();
    // Kill and restore: asked for, armed in the confirm bar, sent, and the server's answer.
    void wireKillSwitch();
    void wireStageView();
    // Guardrails set on the charts, and regressions announced.
    void wireGuardrails();
    // Audit cache problems and export.
    void wireAudit();
    // The Approvals tab's count, and proposals arriving and finishing.
    void wireApprovals();
    void wireChanges();
    void readChangeWindow(qint64 fromMs);
    // "Sent to the approval queue as proposal …": a person's change the contract puts under review.
    static QString queuedText(const Proposal &proposal);

    void requestAction(const FlagRef &ref, FlagTableModel::RowAction action);
    void armSelected(bool restore);
    // Ctrl+Z: restores the flag killed last, while its undo window is open.
    void undoLastKill();
    QString question(const QList<FlagRef> &flags, bool restore) const;
    void updateStatus();
    void sizeFlagColumns();
    void showOfflineBanner();
    // The Connections dock shows on the Flags tab only, and not once a person closed it.
    void placeConnectionsDock();
    // kind preselects the dialog's server kind.
    void addServer(std::optional<ConnectionConfig::Kind> kind = std::nullopt);
    void leaveWelcome();
    // Asks first: a connection removed by a slip would take its token with it.
    void removeConnection(const QString &connectionId);
    void writeTokenFile(const QString &connectionId);
    void showContractFindings();
    void openOffline();
    void addSandbox();
    void showSelectedFlagHistory();
    void refreshStageView();
    void chooseContractsFolder();
    void showFlag(const FlagRef &ref);
    // desktop: also as a desktop notification, where the desktop offers them.
    void notify(const QString &title, const QString &message, bool desktop, ActivityLogModel::Kind kind);
    // Into the activity list, and the status bar (timeoutMs 0: until the next message).
    void report(ActivityLogModel::Kind kind, const QString &message, int timeoutMs = 0);
    void updateApprovalsTab(int pending);
    // The Flags tab counts the flags that need a person; the search row says how many match.
    void updateFlagCounts();

    ConsoleController *m_controller;
    ConsoleModels *m_models;
    FlagFilterProxy *m_proxy;
    FlagTableView *m_table;
    FlagDetailPane *m_detail;
    // The selected flag's column beside the table on a laptop's screen: its buttons still fit.
    static constexpr int NarrowDetailWidth = 300;
    QSplitter *m_flagsSplitter = nullptr;
    ConnectionsDock *m_connectionsDock;
    bool m_connectionsWanted = true;
    KillConfirmBar *m_confirmBar;
    QLineEdit *m_search;
    QLabel *m_connectionStatus;
    QLabel *m_guardStatus;
    QLabel *m_contractsStatus;
    QCheckBox *m_attentionOnly;
    QLabel *m_matchCount;
    QLabel *m_offlineBanner;
    QTimer m_countsUpdate;
    QTabWidget *m_tabs;
    WelcomePage *m_welcome;
    QStackedWidget *m_pages;
    QToolBar *m_toolbar = nullptr;
    AuditBrowser *m_auditBrowser;
    StageView *m_stageView;
    GuardrailCharts *m_charts;
    ProposalQueueView *m_proposalQueue;
    ChangesView *m_changesView;
    CleanupView *m_cleanupView;
    QSystemTrayIcon *m_tray = nullptr;
    ActivityLogModel *m_activity = new ActivityLogModel(this);
    ActivityDock *m_activityDock = nullptr;
    static constexpr qint64 UrgentStatusMs = 15000;
    qint64 m_urgentStatusUntilMs = 0;
};
