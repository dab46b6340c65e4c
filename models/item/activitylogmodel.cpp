#include "activitylogmodel.h"

ActivityLogModel::ActivityLogModel(QObject *parent) : QAbstractTableModel(parent) {}

QString ActivityLogModel::kindText(Kind kind)
{
    switch (kind) {
    case Kind::Kill:
        return tr("kill");
    case Kind::Confirmation:
        return tr("confirmed");
    case Kind::Failure:
        return tr("failed");
    case Kind::Regression:
        return tr("regression");
    case Kind::Proposal:
        return tr("proposal");
    case Kind::Problem:
        return tr("problem");
    case Kind::Info:
        return tr("info");
    }
    return {};
}

void ActivityLogModel::add(Kind kind, const QString &message, qint64 timeMs)
{
    const Entry entry{timeMs, kind, message};
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
    trim();
    Q_EMIT added(entry);
}

void ActivityLogModel::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    trim();
}

void ActivityLogModel::trim()
{
    if (m_entries.size() <= m_capacity)
        return;
    beginRemoveRows({}, m_capacity, int(m_entries.size()) - 1);
    m_entries.resize(m_capacity);
    endRemoveRows();
}

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case KindRole:
        return int(entry.kind);
    case TimeRole:
        return entry.timeMs;
    case Qt::ToolTipRole:
        return tr("%1 · %2\n%3")
            .arg(QDateTime::fromMSecsSinceEpoch(entry.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 kindText(entry.kind), entry.message);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(entry.timeMs).toString(QStringLiteral("HH:mm:ss"));
        case KindColumn:
            return kindText(entry.kind);
        case MessageColumn:
            return entry.message;
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant ActivityLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case MessageColumn:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}
