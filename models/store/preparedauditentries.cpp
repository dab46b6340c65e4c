#include "preparedauditentries.h"

#include "auditcache.h"

namespace {

// How often each side tells the other how far it has come: often enough that neither waits
// long, seldom enough that the lock stays out of the profile.
constexpr qsizetype TellEvery = 64;
static_assert(PreparedAuditEntries::Ahead % TellEvery == 0 && PreparedAuditEntries::Ahead > TellEvery);

// The stored text of an entry's chained columns, in the order of AuditChain::columns().
void encodeChainedColumns(AuditChain::EncodedColumns &columns, const AuditEntry &entry)
{
    columns.clear();
    for (const QString *text : {&entry.server, &entry.environment, &entry.flagKey, &entry.action, &entry.outcome,
                                &entry.actor})
        columns.append(*text);
    columns.append(actorKindName(entry.actorKind));
    columns.append(entry.timeMs);
    columns.append(entry.sourceId);
    columns.appendUtf8(AuditCache::storedJson(entry.before));
    columns.appendUtf8(AuditCache::storedJson(entry.after));
    columns.append(entry.comment);
    Q_ASSERT(columns.size() == AuditChain::columns().size());
}

// The number of a key in the order keys were first seen.
template<typename Key>
qsizetype numbered(QHash<Key, qsizetype> &numbers, const Key &key)
{
    auto found = numbers.find(key);
    if (found == numbers.end())
        found = numbers.insert(key, numbers.size());
    return found.value();
}

} // namespace

PreparedAuditEntries::PreparedAuditEntries(const QList<AuditEntry> &entries, QHash<QString, AuditChain::Link> heads)
    : m_entries(entries), m_heads(std::move(heads)), m_slots(size_t(Ahead)), m_thread([this](std::stop_token stop) { prepare(stop); })
{
}

PreparedAuditEntries::~PreparedAuditEntries() = default;

const PreparedAuditEntries::Entry &PreparedAuditEntries::at(qsizetype index)
{
    // Everything before index is stored: its slots may be prepared again.
    if (index > 0 && index % TellEvery == 0) {
        {
            const std::lock_guard lock(m_mutex);
            m_taken.store(index, std::memory_order_release);
        }
        m_takenMore.notify_one();
    }
    if (index >= m_prepared.load(std::memory_order_acquire)) {
        std::unique_lock lock(m_mutex);
        m_preparedMore.wait(lock, [&] { return index < m_prepared.load(std::memory_order_acquire); });
    }
    return slot(index);
}

void PreparedAuditEntries::prepare(std::stop_token stop)
{
    for (qsizetype index = 0; index < m_entries.size(); ++index) {
        if (index >= m_taken.load(std::memory_order_acquire) + Ahead) {
            std::unique_lock lock(m_mutex);
            if (!m_takenMore.wait(lock, stop, [&] { return index < m_taken.load(std::memory_order_acquire) + Ahead; }))
                return; // stopped
        }
        const AuditEntry &entry = m_entries.at(index);
        Entry &prepared = slot(index);
        encodeChainedColumns(prepared.columns, entry);
        AuditChain::Link &head = m_heads[entry.server];
        prepared.previous = head;
        prepared.hash = AuditChain::hash(head.seq + 1, head.hash, prepared.columns);
        head = {head.seq + 1, prepared.hash};
        prepared.words = AuditCache::searchWords(entry).toUtf8();
        prepared.server = numbered(m_servers, entry.server);
        prepared.flag = numbered(m_flags, FlagRef{entry.server, entry.environment, entry.flagKey});
        if ((index + 1) % TellEvery == 0 || index + 1 == m_entries.size()) {
            {
                const std::lock_guard lock(m_mutex);
                m_prepared.store(index + 1, std::memory_order_release);
            }
            m_preparedMore.notify_one();
        }
    }
}
