#pragma once

#include <QSortFilterProxyModel>

// The approval queue as the reviewer reads it: only the chosen status, and the proposals that
// cannot wait first — pending rollbacks, fallbacks and kills a guardrail regression asked for —
// then the rest newest first. Re-sorts as statuses change, so a rollback that arrives late is
// never buried under expansions.
class ProposalQueueProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ProposalQueueProxy(QObject *parent = nullptr);

    // Shows only proposals with this status name ("" for all).
    void setStatusFilter(const QString &statusName);
    QString statusFilter() const { return m_status; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_status;
};
