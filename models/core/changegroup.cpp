#include "changegroup.h"

#include <QHash>

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
    // Groups are in the order of their newest change already: the changes come newest first.
    for (ChangeGroup &group : window.groups)
        group.net = netChangeOf(group.entriesOldestFirst());
    return window;
}
