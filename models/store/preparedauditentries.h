#pragma once

#include "../core/auditentry.h"
#include "../core/flagref.h"
#include "auditchain.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

// A batch's entries prepared on a thread of their own while the writer stores the ones before:
// encoding, hashing and wording an entry took half as long as SQLite took to store it, and on
// a second core the two overlap. The writer checks each entry's previous link against its
// server's real head: an entry skipped as already stored makes the ones after it in its chain
// hash again, on the writer's thread. At most Ahead entries are held prepared, whatever the size
// of the batch.
class PreparedAuditEntries
{
public:
    // An entry as the audit cache stores it: its chained columns' bytes, its link in its
    // server's chain if every entry before it in the batch is stored, and its full-text words.
    struct Entry
    {
        AuditChain::EncodedColumns columns;
        AuditChain::Link previous;
        QByteArray hash;
        QByteArray words; // UTF-8
        // The entry's server and its flag (server, environment, key) numbered in the order the
        // batch first names them, so the writer keeps its per-server and per-flag state in lists
        // instead of hashing three strings for every entry.
        qsizetype server = 0;
        qsizetype flag = 0;
    };
    static constexpr qsizetype Ahead = 1024;

    // entries must outlive this object; heads are the chains' heads when the batch begins, a
    // server missing from them starting at the genesis.
    PreparedAuditEntries(const QList<AuditEntry> &entries, QHash<QString, AuditChain::Link> heads);
    ~PreparedAuditEntries();
    PreparedAuditEntries(const PreparedAuditEntries &) = delete;
    PreparedAuditEntries &operator=(const PreparedAuditEntries &) = delete;

    // Waits until the entry at index is prepared. The writer asks in order, and asking for an
    // entry gives back the one before it: what at() returned is valid until the next call.
    const Entry &at(qsizetype index);

private:
    void prepare(std::stop_token stop);
    Entry &slot(qsizetype index) { return m_slots[size_t(index % Ahead)]; }

    const QList<AuditEntry> &m_entries;
    QHash<QString, AuditChain::Link> m_heads;
    QHash<QString, qsizetype> m_servers;
    QHash<FlagRef, qsizetype> m_flags;
    std::vector<Entry> m_slots; // Ahead of them, on the heap: a third of a megabyte
    // How far each side has come; each waits on the other's count, under m_mutex.
    std::atomic<qsizetype> m_prepared = 0;
    std::atomic<qsizetype> m_taken = 0;
    std::mutex m_mutex;
    std::condition_variable m_preparedMore;
    std::condition_variable_any m_takenMore;
    // Last: started once everything it uses exists, stopped and joined before any of it goes.
    std::jthread m_thread;
};
