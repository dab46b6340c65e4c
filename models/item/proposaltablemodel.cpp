#include "proposaltablemodel.h"

#include <QDateTime>

ProposalTableModel::ProposalTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int ProposalTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProposalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProposalTableModel::serverName(const QString &connectionId) const
{
    const QString name = m_serverName ? m_serverName(connectionId) : QString();
    return name.isEmpty() ? connectionId : name;
}

QVariant ProposalTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Proposal &proposal = m_rows.at(index.row());
    switch (role) {
    case ProposalIdRole:
        return proposal.id;
    case StatusNameRole:
        return proposalStatusName(proposal.status);
    case UrgentRole:
        return proposal.status == ProposalStatus::Pending && isRegressionDriven(proposal);
    case CreatedRole:
        return proposal.createdMs;
    case Qt::ToolTipRole:
        if (index.column() == FlagColumn)
            return tr("%1@%2 on %3").arg(proposal.target.key, proposal.target.environment,
                                         serverName(proposal.target.connectionId));
        return index.column() == ReasonColumn ? QVariant(proposal.reason) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case ReceivedColumn:
        return QDateTime::fromMSecsSinceEpoch(proposal.createdMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case StatusColumn:
        return proposalStatusText(proposal, QDateTime::currentMSecsSinceEpoch());
    case RiskColumn:
        return riskDisplayName(proposal.risk);
    case ActionColumn:
        return flagActionName(proposal.action);
    case FlagColumn:
        // Where it applies belongs with the flag: the same flag in two environments is two questions.
        return tr("%1@%2").arg(proposal.target.key, proposal.target.environment);
    case WhereColumn:
        return tr("%1 / %2").arg(serverName(proposal.target.connectionId), proposal.target.environment);
    case ProposerColumn:
        return proposal.proposer.model.isEmpty() ? proposal.proposer.agent
                                                 : tr("%1 (%2)").arg(proposal.proposer.agent, proposal.proposer.model);
    case ReasonColumn:
        return proposal.reason.section(QLatin1Char('\n'), 0, 0);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProposalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case ReceivedColumn:
        return tr("Received");
    case StatusColumn:
        return tr("Status");
    case RiskColumn:
        return tr("Risk");
    case ActionColumn:
        return tr("Action");
    case FlagColumn:
        return tr("Flag");
    case WhereColumn:
        return tr("Server / environment");
    case ProposerColumn:
        return tr("Proposed by");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

int ProposalTableModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

const Proposal *ProposalTableModel::proposal(const QString &id) const
{
    const int row = rowOf(id);
    return row >= 0 ? &m_rows.at(row) : nullptr;
}

void ProposalTableModel::upsert(const QList<Proposal> &proposals)
{
    for (const Proposal &proposal : proposals) {
        const int known = rowOf(proposal.id);
        if (known >= 0) {
            if (m_rows.at(known) == proposal)
                continue;
            m_rows[known] = proposal;
            Q_EMIT dataChanged(index(known, 0), index(known, ColumnCount - 1));
            continue;
        }
        const auto newer = [&](const Proposal &row) {
            return std::tie(row.createdMs, row.id) > std::tie(proposal.createdMs, proposal.id);
        };
        const int at = int(std::find_if_not(m_rows.cbegin(), m_rows.cend(), newer) - m_rows.cbegin());
        beginInsertRows({}, at, at);
        m_rows.insert(at, proposal);
        endInsertRows();
    }
    countPending();
}

void ProposalTableModel::countPending()
{
    const int pending = int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Proposal &proposal) {
        return proposal.status == ProposalStatus::Pending;
    }));
    if (pending == m_pending)
        return;
    m_pending = pending;
    Q_EMIT pendingCountChanged(pending);
}
