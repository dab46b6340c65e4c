#pragma once

#include "../control/flagstore.h"

#include <QAbstractTableModel>
#include <QTimer>

// Every flag of every connection and environment, one row each: a thin view of the flag store,
// which alone holds the state. Rows are found by FlagRef in O(1); a change to the store updates
// only the rows it touched.
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
        NeedsAttentionRole,  // bool: regressed, auto-killed, or a change that failed
        StateKindRole,       // StateKind as int: what the state cell's sign shows
    };
    using Operation = FlagStore::Operation;
    using Row = FlagStore::Entry;
    // What the row's action button does now.
    enum class RowAction { None, Kill, RetryKill, Undo, Restore, RetryRestore };
    // The state at a glance, for its colour and sign: a kill just made is not an old Off.
    enum class StateKind { On, Off, Killed, Pending, Failed, Stale };

    // One row per entry of the store, in the store's order; the store must outlive the model.
    explicit FlagTableModel(const FlagStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const FlagStore *store() const { return m_store; }
    const Row *row(const FlagRef &ref) const { return m_store->find(ref); }
    const Row &rowAt(int row) const { return m_store->at(row); }
    int rowOf(const FlagRef &ref) const { return m_store->indexOf(ref); }
    QModelIndex indexOf(const FlagRef &ref, int column = KeyColumn) const;

    static RowAction rowAction(const Row &row);
    static StateKind stateKind(const Row &row);
    static QString stateText(const Row &row);
    // The state of a flag this console killed: by the person, or (person empty) by the monitor's
    // auto_kill, which killText() names exactly.
    static QString killedText(const QString &person, qint64 atMs);
    // Who killed the flag, when and why, in a sentence; empty when no kill of this console shows.
    static QString killText(const Row &row);
    static QString actionText(RowAction action);
    // What the row's action button says: its action, or that none is possible offline.
    static QString actionLabel(const Row &row);
    static QString exposureText(const Flag &flag);

private:
    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;
    // Once a second while a kill can be undone: its button counts down.
    void tickUndoCountdowns();

    const FlagStore *m_store;
    QTimer m_undoCountdown;
};
