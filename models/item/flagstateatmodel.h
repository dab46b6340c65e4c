#pragma once

#include "../core/flagstateat.h"
#include "../core/result.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <functional>
#include <optional>

class ChangeHistory;
class FlagStore;

// Every flag as it was at a chosen time, from the audit cache's before and after states, beside
// the flag as the flag store holds it now. Works offline: both sides come from local state.
class FlagStateAtModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FlagColumn, EnvironmentColumn, ServerColumn, ThenColumn, ChangedByColumn, NowColumn, ColumnCount };
    enum Role { DiffersRole = Qt::UserRole + 1 }; // bool: then and now are not the same
    using ServerName = std::function<QString(const QString &connectionId)>;

    FlagStateAtModel(const ChangeHistory *history, const FlagStore *flags, ServerName serverName,
                     QObject *parent = nullptr);

    // The flags as they were at timeMs, and every flag shown now that the history does not name
    // before then.
    Result<void> showAt(qint64 timeMs);
    qint64 timeMs() const { return m_timeMs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "on · baseline 95% · candidate 5%", "off (serves baseline)", "deleted", or what is not known.
    static QString stateText(const FlagStateAt &state);

private:
    struct Row
    {
        FlagRef ref;
        std::optional<FlagStateAt> then; // none: the history names nothing of this flag before then
    };
    QString nowText(const FlagRef &ref) const;
    bool differs(const Row &row) const;

    const ChangeHistory *m_history;
    const FlagStore *m_flags;
    ServerName m_serverName;
    qint64 m_timeMs = 0;
    QList<Row> m_rows;
};
