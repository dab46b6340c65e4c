#include "flagtablemodel.h"

#include "../core/durationtext.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

FlagTableModel::FlagTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int FlagTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
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
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == KeyColumn)
            return row.flag.description;
        if (index.column() == StateColumn && !row.operationError.isEmpty())
            return row.operationError;
        if (index.column() == HealthColumn)
            return row.healthSummary;
        return displayData(row, index.column());
    case FlagRefRole:
        return QVariant::fromValue(row.ref);
    case FlagRole:
        return QVariant::fromValue(row.flag);
    case EffectiveRolloutRole:
        return QVariant::fromValue(effectiveRollout(row.flag));
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

Rollout FlagTableModel::effectiveRollout(const Flag &flag)
{
    return flag.enabled ? flag.rollout : Rollout::everyoneGets(flag.offVariationId);
}

QString FlagTableModel::exposureText(const Flag &flag)
{
    QStringList parts;
    const Rollout served = effectiveRollout(flag);
    for (const VariationShare &share : served.shares()) {
        if (share.basisPoints > 0)
            parts.append(QStringLiteral("%1 %2").arg(share.variationId, Rollout::formatPercent(share.basisPoints)));
    }
    return parts.join(QStringLiteral(" · "));
}

FlagTableModel::RowAction FlagTableModel::rowAction(const Row &row)
{
    if (row.staleSinceMs > 0)
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
    return row.undoOffered ? RowAction::Undo : RowAction::Restore;
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
    return row.killConfirmed ? tr("Off · confirmed by server") : tr("Off");
}

QString FlagTableModel::actionLabel(const Row &row)
{
    return row.staleSinceMs > 0 ? tr("Offline") : actionText(rowAction(row));
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

void FlagTableModel::replaceFlags(const QString &connectionId, const QString &serverName, const QString &environment,
                                  const QList<Flag> &flags)
{
    QSet<QString> incoming;
    incoming.reserve(flags.size());
    for (const Flag &flag : flags)
        incoming.insert(flag.key);
    QList<int> vanished;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const FlagRef &ref = m_rows[size_t(i)].ref;
        if (ref.connectionId == connectionId && ref.environment == environment && !incoming.contains(ref.key))
            vanished.append(i);
    }
    removeRows(vanished);

    QList<Flag> added;
    for (const Flag &flag : flags) {
        const FlagRef ref{connectionId, environment, flag.key};
        if (m_rowByRef.contains(ref))
            upsertFlag(connectionId, serverName, environment, flag);
        else
            added.append(flag);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_rows.reserve(m_rows.size() + size_t(added.size()));
    for (const Flag &flag : added) {
        Row row;
        row.ref = {connectionId, environment, flag.key};
        row.serverName = serverName;
        row.flag = flag;
        m_rowByRef.insert(row.ref, int(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
}

void FlagTableModel::upsertFlag(const QString &connectionId, const QString &serverName, const QString &environment,
                                const Flag &flag)
{
    const FlagRef ref{connectionId, environment, flag.key};
    if (!m_rowByRef.contains(ref)) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        Row row;
        row.ref = ref;
        row.serverName = serverName;
        row.flag = flag;
        m_rows.push_back(std::move(row));
        m_rowByRef.insert(ref, at);
        endInsertRows();
        return;
    }
    changeRow(ref, [&](Row &row) {
        if (row.flag == flag && row.serverName == serverName && row.staleSinceMs == 0)
            return false;
        row.staleSinceMs = 0;
        if (row.flag.enabled != flag.enabled)
            row.killConfirmed = false; // whatever this console knew about the state is superseded
        row.flag = flag;
        row.serverName = serverName;
        return true;
    });
}

void FlagTableModel::removeConnection(const QString &connectionId)
{
    QList<int> rows;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows[size_t(i)].ref.connectionId == connectionId)
            rows.append(i);
    }
    removeRows(rows);
}

void FlagTableModel::renameServer(const QString &connectionId, const QString &serverName)
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        Row &row = m_rows[size_t(i)];
        if (row.ref.connectionId == connectionId && row.serverName != serverName) {
            row.serverName = serverName;
            Q_EMIT dataChanged(index(i, ServerColumn), index(i, ServerColumn));
        }
    }
}

void FlagTableModel::removeRows(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    // Back to front, one contiguous range at a time, so earlier indexes stay valid.
    qsizetype end = rows.size() - 1;
    while (end >= 0) {
        qsizetype start = end;
        while (start > 0 && rows[start - 1] == rows[start] - 1)
            --start;
        beginRemoveRows({}, rows[start], rows[end]);
        m_rows.erase(m_rows.begin() + rows[start], m_rows.begin() + rows[end] + 1);
        endRemoveRows();
        end = start - 1;
    }
    rebuildIndex();
}

void FlagTableModel::rebuildIndex()
{
    m_rowByRef.clear();
    m_rowByRef.reserve(qsizetype(m_rows.size()));
    for (int i = 0; i < int(m_rows.size()); ++i)
        m_rowByRef.insert(m_rows[size_t(i)].ref, i);
}

const FlagTableModel::Row *FlagTableModel::row(const FlagRef &ref) const
{
    const int at = rowOf(ref);
    return at < 0 ? nullptr : &m_rows[size_t(at)];
}

int FlagTableModel::rowOf(const FlagRef &ref) const
{
    return m_rowByRef.value(ref, -1);
}

QModelIndex FlagTableModel::indexOf(const FlagRef &ref, int column) const
{
    const int at = rowOf(ref);
    return at < 0 ? QModelIndex() : index(at, column);
}

template<typename Change>
void FlagTableModel::changeRow(const FlagRef &ref, Change change)
{
    const int at = rowOf(ref);
    if (at < 0)
        return;
    if (change(m_rows[size_t(at)]))
        Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
}

void FlagTableModel::setStale(const FlagRef &ref, qint64 seenMs)
{
    changeRow(ref, [&](Row &row) {
        row.staleSinceMs = seenMs;
        return true;
    });
}

void FlagTableModel::setStage(const FlagRef &ref, const QString &stage, int readinessFailures)
{
    changeRow(ref, [&](Row &row) {
        if (row.stage == stage && row.readinessFailures == readinessFailures)
            return false;
        row.stage = stage;
        row.readinessFailures = readinessFailures;
        return true;
    });
}

void FlagTableModel::setHealth(const FlagRef &ref, std::optional<GuardrailVerdict> verdict, const QString &summary)
{
    changeRow(ref, [&](Row &row) {
        if (row.health == verdict && row.healthSummary == summary)
            return false;
        row.health = verdict;
        row.healthSummary = summary;
        return true;
    });
}

void FlagTableModel::setOperation(const FlagRef &ref, Operation operation, const QString &error)
{
    changeRow(ref, [&](Row &row) {
        if (row.operation == operation && row.operationError == error)
            return false;
        row.operation = operation;
        row.operationError = error;
        return true;
    });
}

void FlagTableModel::setUndoOffered(const FlagRef &ref, bool offered)
{
    changeRow(ref, [&](Row &row) { return std::exchange(row.undoOffered, offered) != offered; });
}

void FlagTableModel::setKillConfirmed(const FlagRef &ref, bool confirmed)
{
    changeRow(ref, [&](Row &row) { return std::exchange(row.killConfirmed, confirmed) != confirmed; });
}
