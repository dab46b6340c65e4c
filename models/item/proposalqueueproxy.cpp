#include "proposalqueueproxy.h"

#include "proposaltablemodel.h"

ProposalQueueProxy::ProposalQueueProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    // Sorted once, on the first column, ascending: lessThan alone says the order.
    sort(0, Qt::AscendingOrder);
}

void ProposalQueueProxy::setStatusFilter(const QString &statusName)
{
    if (statusName == m_status)
        return;
    m_status = statusName;
    invalidateFilter();
}

void ProposalQueueProxy::setHolding(bool holding)
{
    if (holding == m_holding)
        return;
    m_holding = holding;
    m_shown.clear();
    if (holding) {
        for (int row = 0; row < rowCount(); ++row)
            m_shown.insert(index(row, 0).data(ProposalTableModel::ProposalIdRole).toString());
    }
    invalidateFilter();
}

int ProposalQueueProxy::heldCount() const
{
    if (!m_holding || !sourceModel())
        return 0;
    int held = 0;
    for (int row = 0; row < sourceModel()->rowCount(); ++row)
        held += matchesStatus(row, {}) && !filterAcceptsRow(row, {}) ? 1 : 0;
    return held;
}

bool ProposalQueueProxy::matchesStatus(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_status.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(ProposalTableModel::StatusNameRole).toString() == m_status;
}

bool ProposalQueueProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_holding) {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (m_shown.contains(index.data(ProposalTableModel::ProposalIdRole).toString()))
            return true; // stays where it is while aimed at, whatever became of it
        if (!index.data(ProposalTableModel::UrgentRole).toBool())
            return false;
    }
    return matchesStatus(sourceRow, sourceParent);
}

bool ProposalQueueProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftUrgent = left.data(ProposalTableModel::UrgentRole).toBool();
    const bool rightUrgent = right.data(ProposalTableModel::UrgentRole).toBool();
    if (leftUrgent != rightUrgent)
        return leftUrgent;
    const qint64 leftCreated = left.data(ProposalTableModel::CreatedRole).toLongLong();
    const qint64 rightCreated = right.data(ProposalTableModel::CreatedRole).toLongLong();
    if (leftCreated != rightCreated)
        return leftCreated > rightCreated;
    // The source's own order (newest first, then by id) breaks ties.
    return left.row() < right.row();
}
