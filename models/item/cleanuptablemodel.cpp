#include "cleanuptablemodel.h"

#include "../core/csvcell.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

CleanupTableModel::CleanupTableModel(const FlagStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &FlagStore::entriesInserted, this, [this](int first, int last) {
        for (int i = first; i <= last; ++i)
            update(m_store->at(i).ref);
    });
    connect(store, &FlagStore::entriesAboutToBeRemoved, this, [this](int first, int last) {
        for (int i = first; i <= last; ++i)
            m_leaving.append(m_store->at(i).ref);
    });
    connect(store, &FlagStore::entriesRemoved, this, [this] {
        for (const FlagRef &ref : std::as_const(m_leaving)) {
            if (const int row = m_rowOf.value(ref, -1); row >= 0)
                removeRow(row);
        }
        m_leaving.clear();
    });
    connect(store, &FlagStore::entryChanged, this, [this](int index) { update(m_store->at(index).ref); });
    for (int i = 0; i < store->count(); ++i)
        update(store->at(i).ref);
}

void CleanupTableModel::update(const FlagRef &ref)
{
    const FlagStore::Entry *entry = m_store->find(ref);
    const bool due = entry && entry->cleanup;
    const int row = m_rowOf.value(ref, -1);
    if (due && row >= 0) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else if (due) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(ref);
        m_rowOf.insert(ref, at);
        endInsertRows();
    } else if (row >= 0) {
        removeRow(row);
    }
}

void CleanupTableModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_rowOf.remove(m_rows.takeAt(row));
    for (int i = row; i < m_rows.size(); ++i)
        m_rowOf[m_rows.at(i)] = i;
    endRemoveRows();
}

int CleanupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CleanupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QModelIndex CleanupTableModel::indexOf(const FlagRef &ref, int column) const
{
    const int row = m_rowOf.value(ref, -1);
    return row >= 0 ? index(row, column) : QModelIndex();
}

QVariant CleanupTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FlagStore::Entry *entry = entryAt(index.row());
    // A row leaves only after the store's signal; between the two it shows nothing.
    if (!entry || !entry->cleanup)
        return {};
    const CleanupDue &due = *entry->cleanup;
    if (role == FlagRefRole)
        return QVariant::fromValue(entry->ref);
    if (role == SortRole && index.column() == SinceColumn)
        return due.sinceMs();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    switch (index.column()) {
    case FlagColumn:
        return entry->ref.key;
    case ServerColumn:
        return entry->serverName;
    case EnvironmentColumn:
        return entry->ref.environment;
    case OwnerColumn:
        if (due.owner.isEmpty())
            return tr("unknown");
        return due.ownerFromContract ? due.owner : tr("%1 (changed it last)").arg(due.owner);
    case SinceColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(due.sinceMs()).date(), QLocale::ShortFormat);
    case WhyColumn:
        return due.why();
    }
    return {};
}

QVariant CleanupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FlagColumn:
        return tr("Flag");
    case ServerColumn:
        return tr("Server");
    case EnvironmentColumn:
        return tr("Environment");
    case OwnerColumn:
        return tr("Owner");
    case SinceColumn:
        return tr("Due since");
    case WhyColumn:
        return tr("Why");
    }
    return {};
}

QByteArray CleanupTableModel::toCsv() const
{
    QList<const FlagStore::Entry *> entries;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (const FlagStore::Entry *entry = entryAt(row); entry && entry->cleanup)
            entries.append(entry);
    }
    std::stable_sort(entries.begin(), entries.end(), [](const FlagStore::Entry *a, const FlagStore::Entry *b) {
        return a->cleanup->sinceMs() < b->cleanup->sinceMs();
    });
    QByteArray csv = "flag,server,environment,owner,owner_from_contract,due_since,reasons\r\n";
    for (const FlagStore::Entry *entry : std::as_const(entries)) {
        const CleanupDue &due = *entry->cleanup;
        const QList<QByteArray> cells = {
            csvCell(entry->ref.key),
            csvCell(entry->serverName),
            csvCell(entry->ref.environment),
            csvCell(due.owner),
            due.ownerFromContract ? QByteArrayLiteral("true") : QByteArrayLiteral("false"),
            csvCell(QDateTime::fromMSecsSinceEpoch(due.sinceMs(), Qt::UTC).toString(Qt::ISODate), false),
            csvCell(due.why()),
        };
        csv += cells.join(',') + "\r\n";
    }
    return csv;
}
