#include "connectiontreemodel.h"

ConnectionTreeModel::ConnectionTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

QModelIndex ConnectionTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, TopLevel);
    return createIndex(row, column, m_connections[size_t(parent.row())].key);
}

QModelIndex ConnectionTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return {};
    const int row = rowOfKey(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, TopLevel);
}

int ConnectionTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_connections.size());
    if (parent.internalId() != TopLevel || parent.column() != 0)
        return 0;
    return int(m_connections[size_t(parent.row())].environments.size());
}

int ConnectionTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ConnectionTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Connection") : tr("State");
}

QVariant ConnectionTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isEnvironment = index.internalId() != TopLevel;
    const int connectionAt = isEnvironment ? rowOfKey(index.internalId()) : index.row();
    if (connectionAt < 0)
        return {};
    const Connection &connection = m_connections[size_t(connectionAt)];
    const QString environment = isEnvironment ? connection.environments.at(index.row()) : QString();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return isEnvironment ? environment : connection.displayName;
        return isEnvironment ? QVariant() : QVariant(connectionStateText(connection.state));
    case Qt::ToolTipRole:
        if (isEnvironment)
            return tr("Show the flags of %1 in %2").arg(environment, connection.displayName);
        return connection.detail.isEmpty()
            ? tr("%1: %2").arg(connection.displayName, connectionStateText(connection.state))
            : tr("%1: %2 (%3)").arg(connection.displayName, connectionStateText(connection.state), connection.detail);
    case ConnectionIdRole:
        return connection.id;
    case EnvironmentRole:
        return environment;
    case StateRole:
        return isEnvironment ? QVariant() : QVariant(int(connection.state));
    default:
        return {};
    }
}

void ConnectionTreeModel::showStatus(const ConnectionStatus &status)
{
    const int row = connectionRow(status.id);
    if (row < 0)
        addConnection(status.id, status.displayName);
    else if (m_connections[size_t(row)].displayName != status.displayName) {
        m_connections[size_t(row)].displayName = status.displayName;
        Q_EMIT dataChanged(index(row, NameColumn), index(row, NameColumn));
    }
    setState(status.id, status.state, status.detail);
    setEnvironments(status.id, status.environments);
}

int ConnectionTreeModel::connectionRow(const QString &connectionId) const
{
    for (int i = 0; i < int(m_connections.size()); ++i) {
        if (m_connections[size_t(i)].id == connectionId)
            return i;
    }
    return -1;
}

int ConnectionTreeModel::rowOfKey(quintptr key) const
{
    for (int i = 0; i < int(m_connections.size()); ++i) {
        if (m_connections[size_t(i)].key == key)
            return i;
    }
    return -1;
}

QModelIndex ConnectionTreeModel::connectionIndex(const QString &connectionId) const
{
    const int row = connectionRow(connectionId);
    return row < 0 ? QModelIndex() : index(row, 0);
}

ConnectionState ConnectionTreeModel::state(const QString &connectionId) const
{
    const int row = connectionRow(connectionId);
    return row < 0 ? ConnectionState::Disconnected : m_connections[size_t(row)].state;
}

void ConnectionTreeModel::addConnection(const QString &connectionId, const QString &displayName)
{
    if (connectionRow(connectionId) >= 0)
        return;
    const int row = int(m_connections.size());
    beginInsertRows({}, row, row);
    Connection connection;
    connection.key = m_nextKey++;
    connection.id = connectionId;
    connection.displayName = displayName;
    m_connections.push_back(std::move(connection));
    endInsertRows();
}

void ConnectionTreeModel::removeConnection(const QString &connectionId)
{
    const int row = connectionRow(connectionId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_connections.erase(m_connections.begin() + row);
    endRemoveRows();
}

void ConnectionTreeModel::setState(const QString &connectionId, ConnectionState state, const QString &detail)
{
    const int row = connectionRow(connectionId);
    if (row < 0)
        return;
    Connection &connection = m_connections[size_t(row)];
    connection.state = state;
    connection.detail = detail;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ConnectionTreeModel::setEnvironments(const QString &connectionId, const QStringList &environments)
{
    const int row = connectionRow(connectionId);
    if (row < 0)
        return;
    Connection &connection = m_connections[size_t(row)];
    if (connection.environments == environments)
        return;
    const QModelIndex parentIndex = index(row, 0);
    if (!connection.environments.isEmpty()) {
        beginRemoveRows(parentIndex, 0, int(connection.environments.size()) - 1);
        connection.environments.clear();
        endRemoveRows();
    }
    if (!environments.isEmpty()) {
        beginInsertRows(parentIndex, 0, int(environments.size()) - 1);
        connection.environments = environments;
        endInsertRows();
    }
}
