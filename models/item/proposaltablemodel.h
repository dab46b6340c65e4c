#pragma once

#include "../core/proposal.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

// The approval queue: every proposal the inbox holds, newest first. Rows change in place as
// their status moves on; new ones join at their place in time.
class ProposalTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ReceivedColumn, StatusColumn, RiskColumn, ActionColumn, FlagColumn, WhereColumn, ProposerColumn,
                  ReasonColumn, ColumnCount };
    enum Role {
        ProposalIdRole = Qt::UserRole + 1, // QString
        StatusNameRole,                    // QString: proposalStatusName(), for filtering
        UrgentRole,                        // bool: pending and regression-driven (isRegressionDriven)
        CreatedRole,                       // qint64: when it was proposed (ms since the epoch)
    };
    using ServerName = std::function<QString(const QString &connectionId)>;

    explicit ProposalTableModel(QObject *parent = nullptr);

    // How a connection id is shown (its display name).
    void setServerNames(ServerName serverName) { m_serverName = std::move(serverName); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Adds new proposals and replaces known ones (by id).
    void upsert(const QList<Proposal> &proposals);
    const Proposal *proposal(const QString &id) const;
    const Proposal &proposalAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const;
    int pendingCount() const { return m_pending; }

Q_SIGNALS:
    void pendingCountChanged(int pending);

private:
    QString serverName(const QString &connectionId) const;
    void countPending();

    QList<Proposal> m_rows; // newest first
    ServerName m_serverName;
    int m_pending = 0;
};
