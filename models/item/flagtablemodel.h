#pragma once

#include "../core/flag.h"
#include "../core/flagref.h"
#include "../metrics/guardrailhealth.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

// Every flag of every connection and environment, one row each. Rows are found by FlagRef in O(1);
// updates touch only the rows that changed. The flag data is only ever what a server reported:
// what this console is doing to a flag is kept apart, as the row's operation.
class FlagTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ServerColumn, EnvironmentColumn, StateColumn, ActionColumn, HealthColumn, StageColumn,
                  ExposureColumn, LastChangeColumn, ColumnCount };
    enum Role {
        FlagRefRole = Qt::UserRole + 1,
        FlagRole,            // Flag
        EffectiveRolloutRole, // Rollout actually served: the rollout when on, the off variation when off
        OperationRole,       // Operation as int
        RowActionRole,       // RowAction as int
        SortRole,            // cheap typed value for sorting
        StaleSinceRole,      // qint64: > 0 when the row shows a cached state seen then
        ReadinessFailuresRole, // int: readiness items missing; -1 for a flag without a contract
        HealthRole,          // int: GuardrailVerdict; -1 when no guardrail is watched
    };
    enum class Operation { None, KillPending, KillFailed, RestorePending, RestoreFailed, ChangePending, ChangeFailed };
    // What the row's action button does now.
    enum class RowAction { None, Kill, RetryKill, Undo, Restore, RetryRestore };

    struct Row
    {
        FlagRef ref;
        QString serverName;
        Flag flag;
        Operation operation = Operation::None;
        QString operationError;
        bool undoOffered = false;
        bool killConfirmed = false; // off because this console's kill was confirmed by the server
        qint64 staleSinceMs = 0;    // > 0: read from the cache, as the server last showed it then
        QString stage;              // where the flag is on its contract's path, or "unowned control"
        int readinessFailures = -1; // -1: no contract
        std::optional<GuardrailVerdict> health; // absent: no guardrail watched
        QString healthSummary;
    };

    explicit FlagTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces what one environment of one connection holds: changed rows are updated, new ones
    // appended, vanished ones removed.
    void replaceFlags(const QString &connectionId, const QString &serverName, const QString &environment,
                      const QList<Flag> &flags);
    // Inserts or updates one flag.
    void upsertFlag(const QString &connectionId, const QString &serverName, const QString &environment,
                    const Flag &flag);
    void removeConnection(const QString &connectionId);
    void renameServer(const QString &connectionId, const QString &serverName);

    const Row *row(const FlagRef &ref) const;
    const Row &rowAt(int row) const { return m_rows[size_t(row)]; }
    int rowOf(const FlagRef &ref) const;
    QModelIndex indexOf(const FlagRef &ref, int column = KeyColumn) const;

    void setOperation(const FlagRef &ref, Operation operation, const QString &error = {});
    void setUndoOffered(const FlagRef &ref, bool offered);
    void setKillConfirmed(const FlagRef &ref, bool confirmed);
    // The row shows the flag as last seen at seenMs, and offers no action until live data replaces it.
    void setStale(const FlagRef &ref, qint64 seenMs);
    // What the contract says of the flag: its stage and how many readiness items are missing.
    void setStage(const FlagRef &ref, const QString &stage, int readinessFailures);
    // What the guardrail monitor says of the flag; nullopt when none of its guardrails is watched.
    void setHealth(const FlagRef &ref, std::optional<GuardrailVerdict> verdict, const QString &summary);

    static RowAction rowAction(const Row &row);
    static QString stateText(const Row &row);
    static QString actionText(RowAction action);
    // What the row's action button says: its action, or that none is possible offline.
    static QString actionLabel(const Row &row);
    static QString exposureText(const Flag &flag);
    static Rollout effectiveRollout(const Flag &flag);

private:
    template<typename Change>
    void changeRow(const FlagRef &ref, Change change);
    void rebuildIndex();
    void removeRows(QList<int> rows);
    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;

    std::vector<Row> m_rows;
    QHash<FlagRef, int> m_rowByRef;
};
