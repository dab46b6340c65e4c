#pragma once

#include "../core/auditentry.h"
#include "auditchain.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

// A place in a server's hash chain: the sequence number and hash of its newest entry.
struct AuditChainLink
{
    qint64 seq = 0;
    QByteArray hash = AuditChain::genesis();
};

// An entry as the audit cache stores it: its chained columns' bytes, its link in its server's
// chain if every entry before it in the batch is stored, and its full-text words in UTF-8.
struct PreparedAuditEntry
{
    AuditChain::EncodedColumns columns;
    AuditChainLink previous;
    QByteArray hash;
    QByteArray words;
};

// A batch's entries prepared on a thread of their own while the writer stores the ones before:
// encoding, hashing and wording an entry took half as long as SQLite took to store it, and on
// a second core the two overlap. The writer checks each entry's previous link against its
// server's real head: an entry skipped as already stored makes the ones after it in its chain
// hash again, on the writer's thread.
class PreparedAuditEntries
{
public:
    // entries must outlive this object; heads are the chains' heads when the batch begins, a
    // server missing from them starting at the genesis.
    PreparedAuditEntries(const QList<AuditEntry> &entries, QHash<QString, AuditChainLink> heads);
    ~PreparedAuditEntries();
    PreparedAuditEntries(const PreparedAuditEntries &) = delete;
    PreparedAuditEntries &operator=(const PreparedAuditEntries &) = delete;

    // Waits until the entry at index is prepared.
    const PreparedAuditEntry &at(qsizetype index);

private:
    void prepare(std::stop_token stop);

    const QList<AuditEntry> &m_entries;
    QHash<QString, AuditChainLink> m_heads;
    std::vector<PreparedAuditEntry> m_prepared;
    std::atomic<qsizetype> m_preparedCount = 0;
    std::mutex m_mutex;
    std::condition_variable m_moreReady;
    // Last: started once everything it uses exists, stopped and joined before any of it goes.
    std::jthread m_thread;
};

// The stored text of an entry's chained columns, in the order of AuditChain::columns().
void encodeChainedColumns(AuditChain::EncodedColumns &columns, const AuditEntry &entry);
