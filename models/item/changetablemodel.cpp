#include "changetablemodel.h"

#include "../store/changehistory.h"

#include <QDateTime>
#include <QSet>

namespace {

QString timeText(qint64 ms)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms);
    return time.date() == QDate::currentDate() ? time.toString(QStringLiteral("HH:mm:ss"))
                                               : time.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

ChangeTableModel::Mark markOf(bool agent, bool monitor)
{
    return monitor ? ChangeTableModel::Mark::Monitor : agent ? ChangeTableModel::Mark::Agent : ChangeTableModel::Mark::None;
}

} // namespace

ChangeTableModel::ChangeTableModel(const ChangeHistory *history, ServerName serverName, QObject *parent)
    : QAbstractItemModel(parent), m_history(history), m_serverName(std::move(serverName))
{
}

Result<void> ChangeTableModel::showSince(qint64 fromMs)
{
    const Result<ChangeWindow> window = m_history->changesIn(fromMs, QDateTime::currentMSecsSinceEpoch());
    if (!window)
        return Result<void>::failure(window.error());
    beginResetModel();
    m_fromMs = fromMs;
    m_window = window.value();
    endResetModel();
    return {};
}

Result<void> ChangeTableModel::readNewer()
{
    if (m_fromMs == 0)
        return {}; // nothing shown yet: the first showSince() reads it all
    const Result<ChangeWindow> newer =
        m_history->changesIn(m_fromMs, QDateTime::currentMSecsSinceEpoch(), m_window.lastId);
    if (!newer)
        return Result<void>::failure(newer.error());
    if (newer->groups.isEmpty())
        return {};
    beginResetModel();
    m_window.merge(newer.value());
    m_window.truncated = m_window.truncated || newer->truncated;
    endResetModel();
    return {};
}

const ChangeGroup *ChangeTableModel::group(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() != 0 || index.row() >= m_window.groups.size())
        return nullptr;
    return &m_window.groups.at(index.row());
}

const StoredChange *ChangeTableModel::change(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == 0)
        return nullptr;
    const ChangeGroup &group = m_window.groups.at(qsizetype(index.internalId() - 1));
    return index.row() < group.changes.size() ? &group.changes.at(index.row()) : nullptr;
}

QModelIndex ChangeTableModel::indexOf(const FlagRef &ref, qint64 changeId) const
{
    for (int row = 0; row < m_window.groups.size(); ++row) {
        const ChangeGroup &group = m_window.groups.at(row);
        if (group.ref != ref)
            continue;
        if (changeId == 0)
            return index(row, 0);
        for (int child = 0; child < group.changes.size(); ++child) {
            if (group.changes.at(child).id == changeId)
                return index(child, 0, index(row, 0));
        }
        return {};
    }
    return {};
}

QModelIndex ChangeTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_window.groups.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_window.groups.size()
        || row >= m_window.groups.at(parent.row()).changes.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ChangeTableModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ChangeTableModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_window.groups.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_window.groups.at(parent.row()).changes.size());
}

int ChangeTableModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ChangeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const ChangeGroup *flag = group(index)) {
        if (role == FlagRefRole)
            return QVariant::fromValue(flag->ref);
        if (role == ChangeIdRole)
            return qint64(0);
        if (role == MarkRole)
            return int(markOf(flag->anyByAgent(), flag->anyByMonitor()));
        return groupData(*flag, index.column(), role);
    }
    const StoredChange *one = change(index);
    if (!one)
        return {};
    if (role == FlagRefRole)
        return QVariant::fromValue(FlagRef{one->entry.server, one->entry.environment, one->entry.flagKey});
    if (role == ChangeIdRole)
        return one->id;
    if (role == MarkRole)
        return int(markOf(one->byAgent(), one->byMonitor()));
    return changeData(*one, index.column(), role);
}

QVariant ChangeTableModel::groupData(const ChangeGroup &group, int column, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case WhenColumn:
        return timeText(group.newestMs());
    case FlagColumn:
        return tr("%1 · %2 · %3").arg(group.ref.key, group.ref.environment, m_serverName(group.ref.connectionId));
    case ChangeColumn: {
        const QString net = group.net.words.isEmpty() ? tr("no net change") : group.net.words.join(QStringLiteral(", "));
        if (group.changes.size() == 1)
            return net;
        return role == Qt::ToolTipRole ? tr("In all, across %n changes: %1", nullptr, int(group.changes.size())).arg(net)
                                       : tr("%1 (net of %n changes)", nullptr, int(group.changes.size())).arg(net);
    }
    case WhoColumn: {
        QStringList who;
        for (const StoredChange &change : group.changes) {
            const QString one = whoText(change);
            if (!who.contains(one))
                who.append(one);
        }
        return who.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant ChangeTableModel::changeData(const StoredChange &change, int column, int role) const
{
    if (role == Qt::ToolTipRole && column == ChangeColumn && !change.entry.comment.isEmpty())
        return tr("%1\nComment: %2").arg(change.words.join(QStringLiteral(", ")), change.entry.comment);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case WhenColumn:
        return timeText(change.entry.timeMs);
    case FlagColumn:
        return change.entry.action;
    case ChangeColumn:
        return change.words.isEmpty() ? tr("(no field changed)") : change.words.join(QStringLiteral(", "));
    case WhoColumn:
        return whoText(change);
    default:
        return {};
    }
}

QString ChangeTableModel::whoText(const StoredChange &change)
{
    if (change.byMonitor())
        return tr("%1 (monitor)").arg(change.entry.actor);
    if (change.byAgent())
        return tr("%1 (agent)").arg(change.entry.actor);
    if (change.entry.actorKind == ActorKind::Token)
        return tr("%1 (token)").arg(change.entry.actor);
    return change.entry.actor;
}

QVariant ChangeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case FlagColumn:
        return tr("Flag · environment · server");
    case ChangeColumn:
        return tr("What changed");
    case WhoColumn:
        return tr("Who");
    default:
        return {};
    }
}
