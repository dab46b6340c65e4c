#include "preparedauditentries.h"

#include "auditcache.h"

#include <QJsonDocument>

namespace {

// Entries prepared between two wake-ups of a waiting writer: often enough that it rarely waits
// long, seldom enough that the lock stays out of the profile.
constexpr qsizetype PublishEvery = 64;

QByteArray compactJson(const QJsonObject &object)
{
    return object.isEmpty() ? QByteArray() : QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

void encodeChainedColumns(AuditChain::EncodedColumns &columns, const AuditEntry &entry)
{
    columns.clear();
    for (const QString *text : {&entry.server, &entry.environment, &entry.flagKey, &entry.action, &entry.outcome,
                                &entry.actor})
        columns.append(*text);
    columns.append(actorKindName(entry.actorKind));
    columns.append(entry.timeMs);
    columns.append(entry.sourceId);
    columns.appendUtf8(compactJson(entry.before));
    columns.appendUtf8(compactJson(entry.after));
    columns.append(entry.comment);
}

PreparedAuditEntries::PreparedAuditEntries(const QList<AuditEntry> &entries, QHash<QString, AuditChainLink> heads)
    : m_entries(entries), m_heads(std::move(heads)), m_prepared(size_t(entries.size())),
      m_thread([this](std::stop_token stop) { prepare(stop); })
{
}

PreparedAuditEntries::~PreparedAuditEntries() = default;

const PreparedAuditEntry &PreparedAuditEntries::at(qsizetype index)
{
    if (index >= m_preparedCount.load(std::memory_order_acquire)) {
        std::unique_lock lock(m_mutex);
        m_moreReady.wait(lock, [&] { return index < m_preparedCount.load(std::memory_order_acquire); });
    }
    return m_prepared[size_t(index)];
}

void PreparedAuditEntries::prepare(std::stop_token stop)
{
    for (qsizetype index = 0; index < m_entries.size(); ++index) {
        if (stop.stop_requested())
            return;
        const AuditEntry &entry = m_entries.at(index);
        PreparedAuditEntry &prepared = m_prepared[size_t(index)];
        encodeChainedColumns(prepared.columns, entry);
        AuditChainLink &head = m_heads[entry.server];
        prepared.previous = head;
        prepared.hash = AuditChain::hash(head.seq + 1, head.hash, prepared.columns);
        head = {head.seq + 1, prepared.hash};
        prepared.words = AuditCache::searchWords(entry).toUtf8();
        if ((index + 1) % PublishEvery == 0 || index + 1 == m_entries.size()) {
            {
                const std::lock_guard lock(m_mutex);
                m_preparedCount.store(index + 1, std::memory_order_release);
            }
            m_moreReady.notify_one();
        }
    }
}
