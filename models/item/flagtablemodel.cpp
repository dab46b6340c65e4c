#include "flagtablemodel.h"

#include "../core/durationtext.h"

#include <QDateTime>

FlagTableModel::FlagTableModel(const FlagStore *store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(store, &FlagStore::entriesAboutToBeInserted, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(store, &FlagStore::entriesInserted, this, &FlagTableModel::endInsertRows);
    connect(store, &FlagStore::entriesAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(store, &FlagStore::entriesRemoved, this, &FlagTableModel::endRemoveRows);
    connect(store, &FlagStore::entryChanged, this, [this](int row) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        if (m_store->at(row).undoUntilMs > 0 && !m_undoCountdown.isActive())
            m_undoCountdown.start();
    });
    m_undoCountdown.setInterval(1000);
    connect(&m_undoCountdown, &QTimer::timeout, this, &FlagTableModel::tickUndoCountdowns);
}

void FlagTableModel::tickUndoCountdowns()
{
    bool counting = false;
    for (int row = 0; row < m_store->count(); ++row) {
        if (m_store->at(row).undoUntilMs > 0) {
            counting = true;
            Q_EMIT dataChanged(index(row, ActionColumn), index(row, ActionColumn), {Qt::DisplayRole});
        }
    }
    if (!counting)
        m_undoCountdown.stop();
}

int FlagTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_store->count();
}

int FlagTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FlagTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Flag");
    case ServerColumn:
        return tr("Server");
    case EnvironmentColumn:
        return tr("Environment");
    case StateColumn:
        return tr("State");
    case ActionColumn:
        return tr("Kill switch");
    case StageColumn:
        return tr("Stage");
    case HealthColumn:
        return tr("Guardrails");
    case ExposureColumn:
        return tr("Exposure");
    case LastChangeColumn:
        return tr("Last change");
    default:
        return {};
    }
}

QVariant FlagTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_store->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == KeyColumn)
            return row.flag.description;
        if (index.column() == StateColumn && !row.operationError.isEmpty())
            return row.operationError;
        if (index.column() == StateColumn && row.kill)
            return killText(row);
        if (index.column() == ActionColumn && !row.killUnavailable.isEmpty())
            return tr("This server and token cannot kill or restore it: %1").arg(row.killUnavailable);
        if (index.column() == HealthColumn)
            return row.healthSummary;
        return displayData(row, index.column());
    case FlagRefRole:
        return QVariant::fromValue(row.ref);
    case FlagRole:
        return QVariant::fromValue(row.flag);
    case EffectiveRolloutRole:
        return QVariant::fromValue(row.flag.servedRollout());
    case OperationRole:
        return int(row.operation);
    case RowActionRole:
        return int(rowAction(row));
    case SortRole:
        return sortData(row, index.column());
    case StaleSinceRole:
        return row.staleSinceMs;
    case ReadinessFailuresRole:
        return row.readinessFailures;
    case HealthRole:
        return row.health ? int(*row.health) : -1;
    case NeedsAttentionRole:
        return row.needsAttention();
    case StateKindRole:
        return int(stateKind(row));
    default:
        return {};
    }
}

QVariant FlagTableModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case KeyColumn:
        return row.flag.key;
    case ServerColumn:
        return row.serverName;
    case EnvironmentColumn:
        return row.ref.environment;
    case StateColumn:
        return stateText(row);
    case ExposureColumn:
        return exposureText(row.flag);
    case LastChangeColumn:
        return row.flag.updatedAtMs > 0
            ? QDateTime::fromMSecsSinceEpoch(row.flag.updatedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
            : QString();
    case ActionColumn:
        return actionLabel(row);
    case StageColumn:
        return row.stage;
    case HealthColumn:
        return row.health ? verdictText(*row.health) : QString();
    default:
        return {};
    }
}

QVariant FlagTableModel::sortData(const Row &row, int column) const
{
    switch (column) {
    case StateColumn:
        return int(row.operation) * 2 + (row.flag.enabled ? 0 : 1);
    case ExposureColumn: // how much traffic gets something other than the off variation
        return row.flag.enabled ? Rollout::TotalBasisPoints - row.flag.rollout.basisPointsOf(row.flag.offVariationId)
                                : -1;
    case LastChangeColumn:
        return row.flag.updatedAtMs;
    case ActionColumn:
        return int(rowAction(row));
    case HealthColumn:
        return row.health ? int(*row.health) : -1;
    default:
        return displayData(row, column);
    }
}

QString FlagTableModel::exposureText(const Flag &flag)
{
    QStringList parts;
    const Rollout served = flag.servedRollout();
    for (const VariationShare &share : served.shares()) {
        if (share.basisPoints > 0)
            parts.append(QStringLiteral("%1 %2").arg(share.variationId, Rollout::formatPercent(share.basisPoints)));
    }
    return parts.join(QStringLiteral(" · "));
}

FlagTableModel::RowAction FlagTableModel::rowAction(const Row &row)
{
    if (row.staleSinceMs > 0 || !row.killUnavailable.isEmpty())
        return RowAction::None;
    switch (row.operation) {
    case Operation::KillPending:
    case Operation::RestorePending:
        return RowAction::None;
    case Operation::KillFailed:
        return RowAction::RetryKill;
    case Operation::RestoreFailed:
        return RowAction::RetryRestore;
    case Operation::None:
    case Operation::ChangePending: // a kill must stay at hand while a rollout change is under way
    case Operation::ChangeFailed:
        break;
    }
    if (row.flag.enabled)
        return RowAction::Kill;
    return row.undoUntilMs > 0 ? RowAction::Undo : RowAction::Restore;
}

QString FlagTableModel::stateText(const Row &row)
{
    switch (row.operation) {
    case Operation::ChangePending:
        return tr("Rollout change pending…");
    case Operation::ChangeFailed:
        return tr("Rollout change failed: %1").arg(row.operationError);
    case Operation::KillPending:
        return tr("Kill pending…");
    case Operation::RestorePending:
        return tr("Restore pending…");
    case Operation::KillFailed:
        return tr("Kill failed: %1").arg(row.operationError);
    case Operation::RestoreFailed:
        return tr("Restore failed: %1").arg(row.operationError);
    case Operation::None:
        break;
    }
    if (row.staleSinceMs > 0) {
        const QString age = durationText(QDateTime::currentMSecsSinceEpoch() - row.staleSinceMs);
        return row.flag.enabled ? tr("On · stale, %1 old").arg(age) : tr("Off · stale, %1 old").arg(age);
    }
    if (row.flag.enabled)
        return tr("On");
    if (row.kill)
        return killedText(row.kill->isAutomatic() ? QString() : row.kill->by, row.kill->atMs);
    return tr("Off");
}

QString FlagTableModel::killedText(const QString &person, qint64 atMs)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(atMs).toString(QStringLiteral("HH:mm"));
    return person.isEmpty() ? tr("KILLED by the monitor at %1").arg(time) : tr("KILLED by %1 at %2").arg(person, time);
}

FlagTableModel::StateKind FlagTableModel::stateKind(const Row &row)
{
    if (row.staleSinceMs > 0)
        return StateKind::Stale;
    if (row.hasPendingChange())
        return StateKind::Pending;
    if (row.operation != Operation::None)
        return StateKind::Failed;
    if (row.flag.enabled)
        return StateKind::On;
    return row.kill ? StateKind::Killed : StateKind::Off;
}

QString FlagTableModel::killText(const Row &row)
{
    if (!row.kill || row.flag.enabled)
        return {};
    const QString when = QDateTime::fromMSecsSinceEpoch(row.kill->atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QString sentence = row.kill->isAutomatic()
        ? tr("Killed automatically by %1 at %2, confirmed by the server.").arg(row.kill->by, when)
        : tr("Killed by %1 at %2, confirmed by the server.").arg(row.kill->by, when);
    return row.kill->reason.isEmpty() ? sentence : tr("%1 Why: %2").arg(sentence, row.kill->reason);
}

QString FlagTableModel::actionLabel(const Row &row)
{
    if (row.staleSinceMs > 0)
        return tr("Offline");
    if (!row.killUnavailable.isEmpty())
        return tr("Not allowed");
    const RowAction action = rowAction(row);
    if (action != RowAction::Undo)
        return actionText(action);
    const qint64 leftMs = row.undoUntilMs - QDateTime::currentMSecsSinceEpoch();
    const int secondsLeft = int(std::max<qint64>(1, (leftMs + 999) / 1000));
    return tr("Undo (%n s)", nullptr, secondsLeft);
}

QString FlagTableModel::actionText(RowAction action)
{
    switch (action) {
    case RowAction::None:
        return tr("Waiting…");
    case RowAction::Kill:
        return tr("Kill");
    case RowAction::RetryKill:
        return tr("Retry kill");
    case RowAction::Undo:
        return tr("Undo");
    case RowAction::Restore:
        return tr("Restore");
    case RowAction::RetryRestore:
        return tr("Retry restore");
    }
    Q_UNREACHABLE();
}

QModelIndex FlagTableModel::indexOf(const FlagRef &ref, int column) const
{
    const int at = rowOf(ref);
    return at < 0 ? QModelIndex() : index(at, column);
}
