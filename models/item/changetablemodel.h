#pragma once

#include "../core/changegroup.h"
#include "../core/result.h"

#include <QAbstractItemModel>

#include <functional>

class ChangeHistory;

// "What changed": every change in a window, as a tree — one row per flag (server, environment,
// key), the flag changed last first, with its net change across the window; under it its changes,
// newest first, each in words with who made it. Changes by agents and by the guardrail monitor are
// marked. A thin adapter over the audit cache's change history.
class ChangeTableModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { WhenColumn, FlagColumn, ChangeColumn, WhoColumn, ColumnCount };
    enum Role {
        ChangeIdRole = Qt::UserRole + 1, // qint64 on a change's row; 0 on a flag's row
        FlagRefRole,                      // FlagRef, on both
        MarkRole,                         // Mark as int: who among the changes was not a person
    };
    enum class Mark { None, Agent, Monitor };
    using ServerName = std::function<QString(const QString &connectionId)>;

    ChangeTableModel(const ChangeHistory *history, ServerName serverName, QObject *parent = nullptr);

    // Shows the changes from fromMs until now instead of what was shown.
    Result<void> showSince(qint64 fromMs);
    // Changes that arrived since the last read join their flags' rows (rows move: views keep their
    // selection by change id). Nothing before the first showSince().
    Result<void> readNewer();
    qint64 sinceMs() const { return m_fromMs; }
    const ChangeWindow &window() const { return m_window; }
    // The flag's row's group; nullptr for a change's row.
    const ChangeGroup *group(const QModelIndex &index) const;
    // The change on a change's row; nullptr for a flag's row.
    const StoredChange *change(const QModelIndex &index) const;
    // The row of a change, or of a flag (changeId 0), invalid when not shown.
    QModelIndex indexOf(const FlagRef &ref, qint64 changeId = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "alice", "sandbox agent (agent)", "FlagDeck guardrail monitor (monitor)".
    static QString whoText(const StoredChange &change);

private:
    // Internal ids: 0 for a flag's row; the group's position + 1 for its changes' rows.
    QVariant groupData(const ChangeGroup &group, int column, int role) const;
    QVariant changeData(const StoredChange &change, int column, int role) const;

    const ChangeHistory *m_history;
    ServerName m_serverName;
    qint64 m_fromMs = 0;
    ChangeWindow m_window;
};
