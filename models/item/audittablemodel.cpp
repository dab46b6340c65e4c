#include "audittablemodel.h"
#include "../store/auditfiltersql.h"

#include "../core/auditchange.h"
#include "../store/auditcache.h"
#include "auditidloader.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

namespace {

// Newest first; among entries of the same millisecond, the later written first.
bool comesBefore(qint64 timeA, qint64 idA, qint64 timeB, qint64 idB)
{
    return timeA != timeB ? timeA > timeB : idA > idB;
}

} // namespace

AuditTableModel::AuditTableModel(const QString &path, QObject *parent)
    : QAbstractTableModel(parent)
    , m_file(QStringLiteral("audit-browser"))
    , m_loaderThread(new QThread)
    , m_loader(new AuditIdLoader)
    , m_pages(CachedPages)
{
    m_opened = m_file.open(path);
    m_loaderThread->setObjectName(QStringLiteral("audit ids"));
    m_loader->moveToThread(m_loaderThread);
    connect(m_loaderThread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &AuditIdLoader::chunkLoaded, this, &AuditTableModel::takeChunk);
    connect(m_loader, &AuditIdLoader::failed, this, [this](quint64 generation, const QString &error) {
        if (generation != m_generation)
            return;
        setLoading(false);
        Q_EMIT problem(error);
    });
    m_loaderThread->start();
    if (m_opened) {
        QMetaObject::invokeMethod(
            m_loader, [&] { m_opened = m_loader->open(path); }, Qt::BlockingQueuedConnection);
    }
    if (m_opened)
        reload();
}

AuditTableModel::~AuditTableModel()
{
    m_loader->supersede(++m_generation);
    m_loaderThread->quit();
    m_loaderThread->wait();
    delete m_loaderThread;
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time (UTC)");
    case ServerColumn:
        return tr("Server");
    case EnvironmentColumn:
        return tr("Environment");
    case FlagColumn:
        return tr("Flag");
    case ActionColumn:
        return tr("Action");
    case OutcomeColumn:
        return tr("Outcome");
    case ActorColumn:
        return tr("Actor");
    case ActorKindColumn:
        return tr("Actor kind");
    case ChangeColumn:
        return tr("Change");
    default:
        return {};
    }
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != EntryRole && role != ChangesRole)
        return {};
    const CachedRow *row = cachedRow(index.row());
    if (!row)
        return {};
    const AuditEntry &entry = row->entry;
    if (role == EntryRole)
        return QVariant::fromValue(entry);
    if (role == ChangesRole)
        return row->changeList;
    switch (index.column()) {
    case TimeColumn:
        return row->time;
    case ServerColumn:
        return entry.server;
    case EnvironmentColumn:
        return entry.environment;
    case FlagColumn:
        return entry.flagKey;
    case ActionColumn:
        return entry.action;
    case OutcomeColumn:
        return entry.outcome;
    case ActorColumn:
        return entry.actor;
    case ActorKindColumn:
        return actorKindName(entry.actorKind);
    case ChangeColumn:
        return row->changes;
    default:
        return {};
    }
}

const AuditEntry *AuditTableModel::entryAt(int row) const
{
    const CachedRow *cached = cachedRow(row);
    return cached ? &cached->entry : nullptr;
}

const AuditTableModel::CachedRow *AuditTableModel::cachedRow(int row) const
{
    if (row < 0 || row >= int(m_ids.size()))
        return nullptr;
    const int page = row / PageSize;
    Page *cached = m_pages.object(page);
    if (!cached)
        cached = loadPage(page);
    if (!cached)
        return nullptr;
    const size_t offset = size_t(row % PageSize);
    return offset < cached->size() ? &(*cached)[offset] : nullptr;
}

AuditTableModel::Page *AuditTableModel::loadPage(int page) const
{
    const size_t first = size_t(page) * PageSize;
    const size_t end = std::min(m_ids.size(), first + PageSize);
    QStringList ids;
    ids.reserve(qsizetype(end - first));
    for (size_t i = first; i < end; ++i)
        ids.append(QString::number(m_ids[i]));
    QSqlQuery query(m_file.database());
    query.setForwardOnly(true);
    // Row ids are integers from the cache itself, so they can be written into the statement.
    if (!query.exec(QStringLiteral("SELECT id, %1 FROM audit_events WHERE id IN (%2)")
                        .arg(AuditCache::entryColumns(), ids.join(u',')))) {
        Q_EMIT const_cast<AuditTableModel *>(this)->problem(
            tr("cannot read the audit cache: %1").arg(query.lastError().text()));
        return nullptr;
    }
    QHash<qint64, AuditEntry> byId;
    byId.reserve(ids.size());
    while (query.next())
        byId.insert(query.value(0).toLongLong(), AuditCache::entryFromQuery(query, 1));
    auto rows = std::make_unique<Page>();
    rows->reserve(end - first);
    for (size_t i = first; i < end; ++i) {
        CachedRow row;
        row.entry = byId.value(m_ids[i]);
        row.time = QDateTime::fromMSecsSinceEpoch(row.entry.timeMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        row.changeList = describeAuditChange(row.entry.before, row.entry.after);
        row.changes = row.changeList.join(QStringLiteral("; "));
        rows->push_back(std::move(row));
    }
    Page *raw = rows.release();
    m_pages.insert(page, raw);
    return raw;
}

void AuditTableModel::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    m_loader->supersede(++m_generation);
    beginResetModel();
    m_ids.clear();
    m_times.clear();
    m_pages.clear();
    endResetModel();
    m_committedWhileLoading = 0;
    setLoading(true);
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, generation = m_generation, filter] {
        loader->load(generation, filter);
    });
}

void AuditTableModel::takeChunk(quint64 generation, const QVector<qint64> &ids, const QVector<qint64> &times,
                                qint64 maxId, bool last)
{
    if (generation != m_generation)
        return;
    m_maxSeenId = std::max(m_maxSeenId, maxId);
    if (!ids.isEmpty()) {
        const int first = int(m_ids.size());
        beginInsertRows({}, first, first + int(ids.size()) - 1);
        m_ids.insert(m_ids.end(), ids.cbegin(), ids.cend());
        m_times.insert(m_times.end(), times.cbegin(), times.cend());
        m_pages.remove(first / PageSize); // it was read when it had fewer rows
        endInsertRows();
    }
    if (!last)
        return;
    setLoading(false);
    // Up to what the writer said it committed, never beyond: a row seen as "not there yet"
    // past it would never be looked for again.
    if (const qint64 committed = std::exchange(m_committedWhileLoading, 0); committed > 0)
        refreshNewEntries(committed);
}

void AuditTableModel::refreshNewEntries(qint64 lastId)
{
    if (!m_opened || lastId <= m_maxSeenId)
        return;
    if (m_loading) {
        m_committedWhileLoading = std::max(m_committedWhileLoading, lastId);
        return;
    }
    // The loader's reading of the words, on the new rows only: a prefix as the whole terms it
    // starts, or every batch written would merge the prefix's full lists on this thread.
    const AuditFilterSql sql =
        AuditFilterSql::of(m_filter, m_maxSeenId, AuditFilterSql::expandedMatchOf(m_file.database(), m_filter));
    QSqlQuery query(m_file.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, time_ms FROM audit_events %1 ORDER BY id LIMIT %2")
                      .arg(sql.where)
                      .arg(MaxMergedRows + 1));
    for (const QVariant &value : sql.values)
        query.addBindValue(value);
    if (!query.exec()) {
        Q_EMIT problem(tr("cannot read the audit cache: %1").arg(query.lastError().text()));
        return;
    }
    std::vector<std::pair<qint64, qint64>> fresh;
    while (query.next())
        fresh.emplace_back(query.value(1).toLongLong(), query.value(0).toLongLong());
    if (fresh.size() > size_t(MaxMergedRows)) {
        reload();
        return;
    }
    m_maxSeenId = std::max(m_maxSeenId, fresh.empty() ? lastId : std::max(lastId, fresh.back().second));
    mergeNewRows(std::move(fresh));
}

void AuditTableModel::mergeNewRows(std::vector<std::pair<qint64, qint64>> timeAndIds)
{
    if (timeAndIds.empty())
        return;
    std::sort(timeAndIds.begin(), timeAndIds.end(), [](const auto &a, const auto &b) {
        return comesBefore(a.first, a.second, b.first, b.second);
    });
    // Group the new rows by where they go in the current order; insert from the back so the
    // positions of groups not yet inserted stay valid.
    struct Group
    {
        size_t at;
        size_t from;
        size_t to;
    };
    std::vector<Group> groups;
    for (size_t i = 0; i < timeAndIds.size(); ++i) {
        const auto [time, id] = timeAndIds[i];
        size_t low = 0;
        size_t high = m_ids.size();
        while (low < high) {
            const size_t middle = (low + high) / 2;
            if (comesBefore(m_times[middle], m_ids[middle], time, id))
                low = middle + 1;
            else
                high = middle;
        }
        if (!groups.empty() && groups.back().at == low)
            groups.back().to = i + 1;
        else
            groups.push_back({low, i, i + 1});
    }
    for (auto group = groups.rbegin(); group != groups.rend(); ++group) {
        const int at = int(group->at);
        beginInsertRows({}, at, at + int(group->to - group->from) - 1);
        std::vector<qint64> ids;
        std::vector<qint64> times;
        for (size_t i = group->from; i < group->to; ++i) {
            times.push_back(timeAndIds[i].first);
            ids.push_back(timeAndIds[i].second);
        }
        m_ids.insert(m_ids.begin() + qsizetype(group->at), ids.cbegin(), ids.cend());
        m_times.insert(m_times.begin() + qsizetype(group->at), times.cbegin(), times.cend());
        m_pages.clear(); // rows moved: every page read before may hold other rows now
        endInsertRows();
    }
}

QStringList AuditTableModel::knownServers() const
{
    QStringList servers;
    QSqlQuery query(m_file.database());
    if (query.exec(QStringLiteral("SELECT server FROM audit_chain_heads ORDER BY server"))) {
        while (query.next())
            servers.append(query.value(0).toString());
    }
    return servers;
}

void AuditTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}
