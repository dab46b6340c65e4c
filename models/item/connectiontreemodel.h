#pragma once

#include "../core/connectionstate.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <vector>

// Connections at the top level, each with its environments below it, for the connections dock.
class ConnectionTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, ColumnCount };
    enum Role {
        ConnectionIdRole = Qt::UserRole + 1,
        EnvironmentRole, // empty on connection rows
        StateRole,       // ConnectionState as int, on connection rows
    };

    explicit ConnectionTreeModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Adds the connection, or shows what moved: name, state, detail, environments.
    void showStatus(const ConnectionStatus &status);
    void addConnection(const QString &connectionId, const QString &displayName);
    void removeConnection(const QString &connectionId);
    void setState(const QString &connectionId, ConnectionState state, const QString &detail);
    void setEnvironments(const QString &connectionId, const QStringList &environments);

    QModelIndex connectionIndex(const QString &connectionId) const;
    int connectionCount() const { return int(m_connections.size()); }
    ConnectionState state(const QString &connectionId) const;

private:
    struct Connection
    {
        quintptr key = 0; // stable for the connection's lifetime: the internal id of its environment rows
        QString id;
        QString displayName;
        ConnectionState state = ConnectionState::Disconnected;
        QString detail;
        QStringList environments;
    };
    // Connection rows carry 0 as internal id; environment rows their connection's key, which
    // unlike a row number stays right when connections above are removed.
    static constexpr quintptr TopLevel = 0;

    int connectionRow(const QString &connectionId) const;
    int rowOfKey(quintptr key) const;

    std::vector<Connection> m_connections;
    quintptr m_nextKey = 1;
};
