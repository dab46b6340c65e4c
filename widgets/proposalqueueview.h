#pragma once

#include <QWidget>

class ProposalDetailPane;
class ProposalDesk;
class ProposalTableModel;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

// The approval queue tab: proposals newest first, filtered by status, and the selected one's
// review sheet beside them. Decisions go to the ProposalDesk, which applies the policy.
class ProposalQueueView : public QWidget
{
    Q_OBJECT

public:
    using ServerName = std::function<QString(const QString &connectionId)>;

    ProposalQueueView(ProposalDesk *desk, ProposalTableModel *model, ServerName serverName, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    ProposalDetailPane *detailPane() const { return m_detail; }
    // Shows only this status ("" for all).
    void setStatusFilter(const QString &statusName);
    // Selects a proposal's row (clearing the filter if it hides it); false when unknown.
    bool selectProposal(const QString &id);

private:
    void showCurrent();

    ProposalDesk *m_desk;
    ProposalTableModel *m_model;
    ServerName m_serverName;
    QComboBox *m_statusFilter;
    QLabel *m_count;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    ProposalDetailPane *m_detail;
};
