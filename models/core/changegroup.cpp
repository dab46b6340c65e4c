#include "changegroup.h"

#include <QHash>
#include <QSet>

#include <cstdlib>

#include <algorithm>

bool ChangeGroup::anyByAgent() const
{
    return std::any_of(changes.cbegin(), changes.cend(), [](const StoredChange &change) { return change.byAgent(); });
}

bool ChangeGroup::anyByMonitor() const
{
    return std::any_of(changes.cbegin(), changes.cend(), [](const StoredChange &change) { return change.byMonitor(); });
}

QList<AuditEntry> ChangeGroup::entriesOldestFirst() const
{
    QList<AuditEntry> entries;
    entries.reserve(changes.size());
    for (auto it = changes.crbegin(); it != changes.crend(); ++it)
        entries.append(it->entry);
    return entries;
}

QList<qint64> ChangeGroup::idsOldestFirst() const
{
    QList<qint64> ids;
    ids.reserve(changes.size());
    for (auto it = changes.crbegin(); it != changes.crend(); ++it)
        ids.append(it->id);
    return ids;
}

int ChangeWindow::changeCount() const
{
    int count = 0;
    for (const ChangeGroup &group : groups)
        count += int(group.changes.size());
    return count;
}

void ChangeWindow::merge(const ChangeWindow &newer)
{
    QList<StoredChange> all;
    all.reserve(changeCount() + newer.changeCount());
    for (const ChangeWindow *window : {&newer, static_cast<const ChangeWindow *>(this)}) {
        for (const ChangeGroup &group : window->groups)
            all.append(group.changes);
    }
    std::stable_sort(all.begin(), all.end(), [](const StoredChange &a, const StoredChange &b) {
        return a.entry.timeMs != b.entry.timeMs ? a.entry.timeMs > b.entry.timeMs : a.id > b.id;
    });
    const bool wasTruncated = truncated;
    *this = groupChanges(all);
    truncated = wasTruncated;
}

namespace {

// How far apart this console's record of a change and the server's own history of it may be.
constexpr qint64 SameChangeWindowMs = 30000;

bool isConsoleRecord(const StoredChange &change)
{
    return change.entry.sourceId.startsWith(QLatin1String("console:"));
}

// The server's history of a change this console made and recorded itself: the same flag, close in
// time, and every field the console recorded after the change is what the server recorded after it.
bool recordsTheSameChange(const StoredChange &server, const StoredChange &console)
{
    if (std::abs(server.entry.timeMs - console.entry.timeMs) > SameChangeWindowMs || console.entry.after.isEmpty())
        return false;
    for (auto it = console.entry.after.constBegin(); it != console.entry.after.constEnd(); ++it) {
        if (it.key() == QLatin1String("stage"))
            continue; // the console's words for the rollout, not a field of the flag
        if (server.entry.after.value(it.key()) != it.value())
            return false;
    }
    return true;
}

} // namespace

ChangeGroup changeGroupOf(const FlagRef &ref, QList<StoredChange> changes)
{
    std::sort(changes.begin(), changes.end(), [](const StoredChange &a, const StoredChange &b) {
        return a.entry.timeMs != b.entry.timeMs ? a.entry.timeMs > b.entry.timeMs : a.id > b.id;
    });
    ChangeGroup group{ref, std::move(changes), {}};
    group.net = netChangeOf(group.entriesOldestFirst());
    return group;
}

ChangeWindow groupChanges(const QList<StoredChange> &changes)
{
    ChangeWindow window;
    QHash<FlagRef, int> groupOf;
    for (const StoredChange &change : changes) {
        const FlagRef ref{change.entry.server, change.entry.environment, change.entry.flagKey};
        int index = groupOf.value(ref, -1);
        if (index < 0) {
            index = int(window.groups.size());
            groupOf.insert(ref, index);
            window.groups.append(ChangeGroup{ref, {}, {}});
        }
        window.groups[index].changes.append(change);
        window.lastId = std::max(window.lastId, change.id);
    }
    // A change this console made is said once: its own record names who asked and why; the server's
    // history of the same change only repeats it under the token's account.
    for (ChangeGroup &group : window.groups) {
        QSet<qint64> repeated;
        for (const StoredChange &change : std::as_const(group.changes)) {
            if (!isConsoleRecord(change)
                && std::any_of(group.changes.cbegin(), group.changes.cend(), [&change](const StoredChange &other) {
                       return isConsoleRecord(other) && recordsTheSameChange(change, other);
                   }))
                repeated.insert(change.id);
        }
        group.changes.removeIf([&repeated](const StoredChange &change) { return repeated.contains(change.id); });
    }
    // Groups are in the order of their newest change already: the changes come newest first.
    for (ChangeGroup &group : window.groups)
        group.net = netChangeOf(group.entriesOldestFirst());
    return window;
}
