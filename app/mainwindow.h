#pragma once

#include "core/flagref.h"
#include "item/flagtablemodel.h"

#include <QMainWindow>

class AuditBrowser;
class ConnectionsDock;
class ConsoleController;
class FlagDetailPane;
class FlagFilterProxy;
class FlagTableView;
class KillConfirmBar;
class QLabel;
class QLineEdit;
class QTabWidget;
class StageView;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ConsoleController *controller, QWidget *parent = nullptr);

    FlagTableView *flagTable() const { return m_table; }
    AuditBrowser *auditBrowser() const { return m_auditBrowser; }
    QTabWidget *tabs() const { return m_tabs; }
    StageView *stageView() const { return m_stageView; }
    void showAuditHistory();
    // Selects the first flag in the table, as a person opening the console would.
    void selectFirstFlag();

private:
    void createActions();
    void requestAction(const FlagRef &ref, FlagTableModel::RowAction action);
    void armSelected(bool restore);
    QString question(const QList<FlagRef> &flags, bool restore) const;
    void updateStatus();
    void addSandbox();
    void showSelectedFlagHistory();
    void refreshStageView();
    void chooseContractsFolder();

    ConsoleController *m_controller;
    FlagFilterProxy *m_proxy;
    FlagTableView *m_table;
    FlagDetailPane *m_detail;
    ConnectionsDock *m_connectionsDock;
    KillConfirmBar *m_confirmBar;
    QLineEdit *m_search;
    QLabel *m_connectionStatus;
    QTabWidget *m_tabs;
    AuditBrowser *m_auditBrowser;
    StageView *m_stageView;
};
