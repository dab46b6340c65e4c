#include "flagfilterproxy.h"

#include "flagtablemodel.h"

#include <algorithm>
#include <tuple>

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
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_searchWords)
        return;
    m_searchWords = words;
    invalidateRowsFilter();
}

void FlagFilterProxy::setAttentionOnly(bool attentionOnly)
{
    if (attentionOnly == m_attentionOnly)
        return;
    m_attentionOnly = attentionOnly;
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
    if (m_attentionOnly && !row.needsAttention())
        return false;
    // "chat-model-route production": every word somewhere in the row, not the words together.
    return std::all_of(m_searchWords.cbegin(), m_searchWords.cend(), [&row](const QString &word) {
        const auto matches = [&word](const QString &text) { return text.contains(word, Qt::CaseInsensitive); };
        return matches(row.flag.key) || matches(row.flag.name) || matches(row.flag.description)
            || matches(row.serverName) || matches(row.ref.environment)
            || std::any_of(row.flag.tags.cbegin(), row.flag.tags.cend(), matches);
    });
}

bool FlagFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (QSortFilterProxyModel::lessThan(left, right))
        return true;
    if (QSortFilterProxyModel::lessThan(right, left))
        return false;
    // Alike in the sorted column: by key, then environment, so rows never swap between refreshes;
    // ascending whichever way the column is sorted (the view reverses this for descending).
    const FlagRef l = left.data(FlagTableModel::FlagRefRole).value<FlagRef>();
    const FlagRef r = right.data(FlagTableModel::FlagRefRole).value<FlagRef>();
    const auto order = [](const FlagRef &ref) { return std::tie(ref.key, ref.environment, ref.connectionId); };
    return sortOrder() == Qt::AscendingOrder ? order(l) < order(r) : order(r) < order(l);
}
