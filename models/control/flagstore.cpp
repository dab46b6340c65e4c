#include "flagstore.h"

#include "../store/auditwriter.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

FlagStore::FlagStore(AuditWriter *audit, QObject *parent) : QObject(parent), m_audit(audit) {}

void FlagStore::setServerName(const QString &connectionId, const QString &serverName)
{
    m_serverNames.insert(connectionId, serverName);
    for (int i = 0; i < count(); ++i) {
        Entry &entry = m_entries[size_t(i)];
        if (entry.ref.connectionId == connectionId && entry.serverName != serverName) {
            entry.serverName = serverName;
            Q_EMIT entryChanged(i);
        }
    }
}

void FlagStore::reportEnvironment(const QString &connectionId, const QString &environment, const QList<Flag> &flags)
{
    QSet<QString> incoming;
    incoming.reserve(flags.size());
    for (const Flag &flag : flags)
        incoming.insert(flag.key);
    QList<int> vanished;
    for (int i = 0; i < count(); ++i) {
        const FlagRef &ref = m_entries[size_t(i)].ref;
        if (ref.connectionId == connectionId && ref.environment == environment && !incoming.contains(ref.key))
            vanished.append(i);
    }
    removeIndexes(vanished);

    QList<Entry> added;
    for (const Flag &flag : flags) {
        const FlagRef ref{connectionId, environment, flag.key};
        if (m_indexByRef.contains(ref)) {
            storeFlag(ref, flag, 0);
            continue;
        }
        Entry entry;
        entry.ref = ref;
        entry.serverName = serverName(connectionId);
        entry.flag = flag;
        added.append(std::move(entry));
    }
    append(added);
    if (m_audit)
        m_audit->saveFlags({connectionId, environment, flags, true, QDateTime::currentMSecsSinceEpoch()});
    Q_EMIT environmentReported(connectionId, environment);
}

void FlagStore::reportFlag(const FlagRef &ref, const Flag &flag)
{
    bool changed = true;
    if (m_indexByRef.contains(ref)) {
        changed = storeFlag(ref, flag, 0);
    } else {
        Entry entry;
        entry.ref = ref;
        entry.serverName = serverName(ref.connectionId);
        entry.flag = flag;
        append({entry});
    }
    // The same word again (a change's reply, then its live echo) is already in the cache.
    if (changed && m_audit)
        m_audit->saveFlags({ref.connectionId, ref.environment, {flag}, false, QDateTime::currentMSecsSinceEpoch()});
    Q_EMIT flagReported(ref, flag);
}

void FlagStore::showCached(const FlagRef &ref, const Flag &flag, qint64 seenMs)
{
    if (m_indexByRef.contains(ref)) {
        storeFlag(ref, flag, seenMs);
        return;
    }
    Entry entry;
    entry.ref = ref;
    entry.serverName = m_serverNames.value(ref.connectionId, ref.connectionId);
    entry.flag = flag;
    entry.staleSinceMs = seenMs;
    append({entry});
}

bool FlagStore::storeFlag(const FlagRef &ref, const Flag &flag, qint64 staleSinceMs)
{
    bool changed = false;
    changeEntry(ref, [&](Entry &entry) {
        if (entry.flag == flag && entry.staleSinceMs == staleSinceMs)
            return false;
        if (entry.flag.enabled != flag.enabled)
            entry.kill.reset(); // whatever this console knew about the state is superseded
        entry.flag = flag;
        entry.staleSinceMs = staleSinceMs;
        return changed = true;
    });
    return changed;
}

void FlagStore::append(const QList<Entry> &entries)
{
    if (entries.isEmpty())
        return;
    const int first = count();
    const int last = first + int(entries.size()) - 1;
    Q_EMIT entriesAboutToBeInserted(first, last);
    m_entries.reserve(m_entries.size() + size_t(entries.size()));
    for (const Entry &entry : entries) {
        m_indexByRef.insert(entry.ref, count());
        m_entries.push_back(entry);
    }
    Q_EMIT entriesInserted(first, last);
}

void FlagStore::removeConnection(const QString &connectionId)
{
    QList<int> indexes;
    for (int i = 0; i < count(); ++i) {
        if (m_entries[size_t(i)].ref.connectionId == connectionId)
            indexes.append(i);
    }
    removeIndexes(indexes);
    m_serverNames.remove(connectionId);
}

void FlagStore::removeIndexes(QList<int> indexes)
{
    if (indexes.isEmpty())
        return;
    std::sort(indexes.begin(), indexes.end());
    // Back to front, one contiguous range at a time, so earlier indexes stay valid.
    qsizetype end = indexes.size() - 1;
    while (end >= 0) {
        qsizetype start = end;
        while (start > 0 && indexes[start - 1] == indexes[start] - 1)
            --start;
        const int first = indexes[start];
        const int last = indexes[end];
        Q_EMIT entriesAboutToBeRemoved(first, last);
        m_entries.erase(m_entries.begin() + first, m_entries.begin() + last + 1);
        rebuildIndex();
        Q_EMIT entriesRemoved(first, last);
        end = start - 1;
    }
}

void FlagStore::rebuildIndex()
{
    m_indexByRef.clear();
    m_indexByRef.reserve(qsizetype(m_entries.size()));
    for (int i = 0; i < count(); ++i)
        m_indexByRef.insert(m_entries[size_t(i)].ref, i);
}

const FlagStore::Entry *FlagStore::find(const FlagRef &ref) const
{
    const int at = indexOf(ref);
    return at < 0 ? nullptr : &m_entries[size_t(at)];
}

QList<FlagRef> FlagStore::refs() const
{
    QList<FlagRef> all;
    all.reserve(count());
    for (const Entry &entry : m_entries)
        all.append(entry.ref);
    return all;
}

template<typename Change>
void FlagStore::changeEntry(const FlagRef &ref, Change change)
{
    const int at = indexOf(ref);
    if (at >= 0 && change(m_entries[size_t(at)]))
        Q_EMIT entryChanged(at);
}

void FlagStore::setStage(const FlagRef &ref, const QString &stage, int readinessFailures)
{
    changeEntry(ref, [&](Entry &entry) {
        if (entry.stage == stage && entry.readinessFailures == readinessFailures)
            return false;
        entry.stage = stage;
        entry.readinessFailures = readinessFailures;
        return true;
    });
}

void FlagStore::setCleanup(const FlagRef &ref, const std::optional<CleanupDue> &cleanup)
{
    changeEntry(ref, [&](Entry &entry) {
        if (entry.cleanup == cleanup)
            return false;
        entry.cleanup = cleanup;
        return true;
    });
}

void FlagStore::setHealth(const FlagRef &ref, std::optional<GuardrailVerdict> verdict, const QString &summary)
{
    changeEntry(ref, [&](Entry &entry) {
        if (entry.health == verdict && entry.healthSummary == summary)
            return false;
        entry.health = verdict;
        entry.healthSummary = summary;
        return true;
    });
}

void FlagStore::setOperation(const FlagRef &ref, Operation operation, const QString &error)
{
    changeEntry(ref, [&](Entry &entry) {
        if (entry.operation == operation && entry.operationError == error)
            return false;
        entry.operation = operation;
        entry.operationError = error;
        return true;
    });
}

void FlagStore::setUndoOffered(const FlagRef &ref, qint64 untilMs)
{
    changeEntry(ref, [&](Entry &entry) { return std::exchange(entry.undoUntilMs, untilMs) != untilMs; });
}

void FlagStore::setKillUnavailable(const FlagRef &ref, const QString &reason)
{
    changeEntry(ref, [&](Entry &entry) { return std::exchange(entry.killUnavailable, reason) != reason; });
}

void FlagStore::setKill(const FlagRef &ref, const std::optional<KillMark> &kill)
{
    changeEntry(ref, [&](Entry &entry) { return std::exchange(entry.kill, kill) != kill; });
}
