#include "flagfilterproxy.h"

#include "flagtablemodel.h"

FlagFilterProxy::FlagFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(FlagTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void FlagFilterProxy::setFlagModel(FlagTableModel *model)
{
    m_flags = model;
    setSourceModel(model);
}

void FlagFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateRowsFilter();
}

void FlagFilterProxy::setScope(const QString &connectionId, const QString &environment)
{
    if (connectionId == m_connectionId && environment == m_environment)
        return;
    m_connectionId = connectionId;
    m_environment = environment;
    invalidateRowsFilter();
}

bool FlagFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_flags || sourceParent.isValid())
        return false;
    const FlagTableModel::Row &row = m_flags->rowAt(sourceRow);
    if (!m_connectionId.isEmpty() && row.ref.connectionId != m_connectionId)
        return false;
    if (!m_environment.isEmpty() && row.ref.environment != m_environment)
        return false;
    if (m_searchText.isEmpty())
        return true;
    const auto matches = [this](const QString &text) { return text.contains(m_searchText, Qt::CaseInsensitive); };
    return matches(row.flag.key) || matches(row.flag.name) || matches(row.flag.description)
        || matches(row.serverName) || matches(row.ref.environment)
        || std::any_of(row.flag.tags.cbegin(), row.flag.tags.cend(), matches);
}
