#pragma once

#include <QTimer>
#include <QWidget>

#include <functional>

class ProposalDetailPane;
class ProposalDesk;
class ProposalTableModel;
class QComboBox;
class QLabel;
class ProposalQueueProxy;
class QTableView;

// The approval queue tab: proposals a guardrail regression asked for first, then newest first,
// filtered by status, and the selected one's review sheet beside them. The selection follows the
// proposal, not the row, and the list holds still while the pointer is over it. Decisions go to the ProposalDesk, which applies the policy.
class ProposalQueueView : public QWidget
{
    Q_OBJECT

public:
    // How long the list holds still after the pointer last moved over it.
    static constexpr int AimingMs = 3000;
    using ServerName = std::function<QString(const QString &connectionId)>;

    ProposalQueueView(ProposalDesk *desk, ProposalTableModel *model, ServerName serverName, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    ProposalDetailPane *detailPane() const { return m_detail; }
    // Shows only this status ("" for all).
    void setStatusFilter(const QString &statusName);
    // Selects a proposal's row (clearing the filter if it hides it); false when unknown.
    bool selectProposal(const QString &id);
    // A line above the list while the inbox is away (what it says); hidden when empty.
    void setInboxNotice(const QString &text);
    QLabel *inboxNotice() const { return m_inboxNotice; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showCurrent();
    QString idAt(int proxyRow) const;
    int proxyRowOf(const QString &id) const;
    void keepSelection();
    // The pending count, and what the list holds back while the pointer is over it.
    void updateCount();

    ProposalDesk *m_desk;
    ProposalTableModel *m_model;
    ServerName m_serverName;
    QComboBox *m_statusFilter;
    QLabel *m_count;
    QLabel *m_inboxNotice;
    ProposalQueueProxy *m_proxy;
    QTableView *m_table;
    ProposalDetailPane *m_detail;
    QString m_selectedId; // the proposal the reviewer chose
    QTimer m_aiming;      // runs while the pointer moves over the list
};
