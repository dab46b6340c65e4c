#pragma once

#include <QSortFilterProxyModel>

class FlagTableModel;

// Narrows the flag table to one connection or environment (the connections dock), to flags that
// match every word of the search text (each in its key, name, description, tags, server or
// environment), and, when asked, to the flags that need a person. Rows that sort alike keep one
// order, by key and then environment, however the store's order moved.
class FlagFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FlagFilterProxy(QObject *parent = nullptr);

    void setFlagModel(FlagTableModel *model);
    void setSearchText(const QString &text);
    // Empty connectionId: every connection; empty environment: every environment of it.
    void setScope(const QString &connectionId, const QString &environment);
    void setAttentionOnly(bool attentionOnly);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    FlagTableModel *m_flags = nullptr;
    QStringList m_searchWords;
    QString m_connectionId;
    QString m_environment;
    bool m_attentionOnly = false;
};
