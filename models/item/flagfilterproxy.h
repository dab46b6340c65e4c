#pragma once

#include <QSortFilterProxyModel>

class FlagTableModel;

// Narrows the flag table to one connection or environment (the connections dock) and to flags
// whose key, name, description, tags, server or environment contain the search text.
class FlagFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FlagFilterProxy(QObject *parent = nullptr);

    void setFlagModel(FlagTableModel *model);
    void setSearchText(const QString &text);
    // Empty connectionId: every connection; empty environment: every environment of it.
    void setScope(const QString &connectionId, const QString &environment);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    FlagTableModel *m_flags = nullptr;
    QString m_searchText;
    QString m_connectionId;
    QString m_environment;
};
