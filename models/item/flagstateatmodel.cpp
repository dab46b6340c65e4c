#include "flagstateatmodel.h"

#include "../control/flagstore.h"
#include "../store/changehistory.h"
#include "../core/flagjson.h"
#include "flagtablemodel.h"

#include <QJsonArray>
#include <QSet>

#include <tuple>

namespace {

QString flagText(const Flag &flag)
{
    if (!flag.enabled) {
        const Variation *off = flag.variation(flag.offVariationId);
        return FlagStateAtModel::tr("off (serves %1)").arg(off ? off->name : flag.offVariationId);
    }
    return FlagStateAtModel::tr("on · %1").arg(FlagTableModel::exposureText(flag));
}

} // namespace

FlagStateAtModel::FlagStateAtModel(const ChangeHistory *history, const FlagStore *flags, ServerName serverName,
                                   QObject *parent)
    : QAbstractTableModel(parent), m_history(history), m_flags(flags), m_serverName(std::move(serverName))
{
}

Result<void> FlagStateAtModel::showAt(qint64 timeMs)
{
    const Result<QList<FlagStateAt>> read = m_history->stateAt(timeMs);
    if (!read)
        return Result<void>::failure(read.error());
    const QList<FlagStateAt> &states = read.value();
    beginResetModel();
    m_timeMs = timeMs;
    m_rows.clear();
    QSet<FlagRef> named;
    for (const FlagStateAt &state : states) {
        m_rows.append({state.ref, state});
        named.insert(state.ref);
    }
    for (const FlagRef &ref : m_flags->refs()) {
        if (!named.contains(ref))
            m_rows.append({ref, std::nullopt});
    }
    std::sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.ref.key, a.ref.environment, a.ref.connectionId)
            < std::tie(b.ref.key, b.ref.environment, b.ref.connectionId);
    });
    endResetModel();
    return {};
}

int FlagStateAtModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FlagStateAtModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FlagStateAtModel::stateText(const FlagStateAt &state)
{
    if (state.deleted)
        return tr("deleted");
    if (state.flag)
        return flagText(*state.flag);
    // Only some fields are recorded (a kill records the enabled state alone).
    QStringList known;
    if (state.knows(QStringLiteral("enabled")))
        known.append(state.state.value(QStringLiteral("enabled")).toBool() ? tr("on") : tr("off"));
    if (state.knows(QStringLiteral("rollout"))) {
        const Result<Rollout> rollout = rolloutFromJson(state.state.value(QStringLiteral("rollout")).toArray(), QString());
        if (rollout) {
            QStringList shares;
            for (const VariationShare &share : rollout->shares()) {
                if (share.basisPoints > 0)
                    shares.append(QStringLiteral("%1 %2").arg(share.variationId, Rollout::formatPercent(share.basisPoints)));
            }
            known.append(shares.join(QStringLiteral(" · ")));
        }
    }
    return known.isEmpty() ? tr("not recorded") : tr("%1 (the rest not recorded)").arg(known.join(QStringLiteral(" · ")));
}

QString FlagStateAtModel::nowText(const FlagRef &ref) const
{
    const FlagStore::Entry *entry = m_flags->find(ref);
    return entry ? flagText(entry->flag) : tr("not on the server now");
}

bool FlagStateAtModel::differs(const Row &row) const
{
    if (!row.then)
        return false;
    const FlagStore::Entry *entry = m_flags->find(row.ref);
    if (!entry)
        return !row.then->deleted;
    if (row.then->deleted)
        return true;
    if (row.then->flag)
        return row.then->flag->enabled != entry->flag.enabled || !(row.then->flag->rollout == entry->flag.rollout);
    if (row.then->knows(QStringLiteral("enabled"))
        && row.then->state.value(QStringLiteral("enabled")).toBool() != entry->flag.enabled)
        return true;
    return false;
}

QVariant FlagStateAtModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == DiffersRole)
        return differs(row);
    if (role == Qt::ToolTipRole && index.column() == ThenColumn && differs(row))
        return tr("Not as it is now");
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case FlagColumn:
        return row.ref.key;
    case EnvironmentColumn:
        return row.ref.environment;
    case ServerColumn:
        return m_serverName(row.ref.connectionId);
    case ThenColumn:
        return row.then ? stateText(*row.then) : tr("no change recorded before then");
    case ChangedByColumn:
        if (!row.then)
            return QString();
        return tr("%1 at %2")
            .arg(row.then->changedBy,
                 QDateTime::fromMSecsSinceEpoch(row.then->changedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    case NowColumn:
        return nowText(row.ref);
    default:
        return {};
    }
}

QVariant FlagStateAtModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    const QString then = QDateTime::fromMSecsSinceEpoch(m_timeMs).toString(QStringLiteral("HH:mm"));
    switch (section) {
    case FlagColumn:
        return tr("Flag");
    case EnvironmentColumn:
        return tr("Environment");
    case ServerColumn:
        return tr("Server");
    case ThenColumn:
        return tr("At %1 (history)").arg(then);
    case ChangedByColumn:
        return tr("Last changed before then by");
    case NowColumn:
        return tr("Now");
    default:
        return {};
    }
}
