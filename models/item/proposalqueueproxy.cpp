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

bool ProposalQueueProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_status.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(ProposalTableModel::StatusNameRole).toString() == m_status;
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
