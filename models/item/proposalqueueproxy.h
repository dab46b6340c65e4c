#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

// The approval queue as the reviewer reads it: only the chosen status, and the proposals that
// cannot wait first — pending rollbacks, fallbacks and kills a guardrail regression asked for —
// then the rest newest first. Re-sorts as statuses change, so a rollback that arrives late is
// never buried under expansions.
//
// While the reviewer aims at a row (the pointer over the list), it holds still: proposals that
// arrive are held back, and those shown stay, until the hold ends; only an urgent one joins at
// once, at the top. So a click never lands on a row that moved under it.
class ProposalQueueProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ProposalQueueProxy(QObject *parent = nullptr);

    // Shows only proposals with this status name ("" for all).
    void setStatusFilter(const QString &statusName);
    QString statusFilter() const { return m_status; }
    void setHolding(bool holding);
    bool isHolding() const { return m_holding; }
    // Proposals held back now, shown once the hold ends.
    int heldCount() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool matchesStatus(int sourceRow, const QModelIndex &sourceParent) const;

    QString m_status;
    bool m_holding = false;
    QSet<QString> m_shown; // what was in the list when the hold began
};
