#pragma once

#include "../control/flagstore.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>
#include <QList>

// "Cleanup": the flags due to be removed from the code, one row each, with the owner, since when
// and why. A thin view of the flag store, where the stage refresh records what is due; rows come
// and go as flags become due or stop being due.
class CleanupTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FlagColumn, ServerColumn, EnvironmentColumn, OwnerColumn, SinceColumn, WhyColumn, ColumnCount };
    enum Role {
        FlagRefRole = Qt::UserRole + 1,
        SortRole, // cheap typed value for sorting: the due time in the since column
    };

    explicit CleanupTableModel(const FlagStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    FlagRef refAt(int row) const { return m_rows.value(row); }
    QModelIndex indexOf(const FlagRef &ref, int column = FlagColumn) const;
    // Every row as CSV for the owners, due longest first; the header names are stable:
    // flag, server, environment, owner, owner_from_contract, due_since, reasons.
    QByteArray toCsv() const;

private:
    const FlagStore::Entry *entryAt(int row) const { return m_store->find(m_rows.at(row)); }
    // Adds, updates or drops the flag's row after its entry changed.
    void update(const FlagRef &ref);
    void removeRow(int row);

    const FlagStore *m_store;
    QList<FlagRef> m_rows;
    QHash<FlagRef, int> m_rowOf;
    QList<FlagRef> m_leaving; // entries the store is about to remove
};
