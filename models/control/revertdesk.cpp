#include "revertdesk.h"

#include "../store/changehistory.h"
#include "flagstore.h"

#include <QCoreApplication>

namespace {

// lupdate reads the context from here.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RevertDesk)
};

} // namespace

RevertDesk::RevertDesk(const FlagStore *flags, const ChangeHistory *history) : m_flags(flags), m_history(history) {}

Result<RevertPreview> RevertDesk::previewChange(qint64 entryId) const
{
    Result<StoredChange> change = m_history->change(entryId);
    if (!change)
        return Result<RevertPreview>::failure(change.error());
    const AuditEntry &entry = change->entry;
    return preview({entry.server, entry.environment, entry.flagKey}, {entry}, {change->id});
}

Result<RevertPreview> RevertDesk::previewWindow(const FlagRef &ref, qint64 fromMs, qint64 untilMs) const
{
    Result<QList<StoredChange>> changes = m_history->changesOf(ref, fromMs, untilMs);
    if (!changes)
        return Result<RevertPreview>::failure(changes.error());
    QList<AuditEntry> entries;
    QList<qint64> ids;
    for (const StoredChange &change : changes.value()) {
        entries.append(change.entry);
        ids.append(change.id);
    }
    return preview(ref, entries, ids);
}

Result<RevertPreview> RevertDesk::previewGroup(const ChangeGroup &group) const
{
    return preview(group.ref, group.entriesOldestFirst(), group.idsOldestFirst());
}

Result<RevertPreview> RevertDesk::preview(const FlagRef &ref, const QList<AuditEntry> &changes,
                                          const QList<qint64> &ids) const
{
    const FlagStore::Entry *row = m_flags->find(ref);
    if (!row)
        return Result<RevertPreview>::failure(
            Text::tr("%1 in %2 is not among the flags shown now; it cannot be put back").arg(ref.key, ref.environment));
    return previewRevert(ref, changes, ids, row->flag);
}

std::optional<RevertRefusal> RevertDesk::check(const RevertPreview &preview) const
{
    const FlagStore::Entry *row = m_flags->find(preview.ref);
    if (!row)
        return RevertRefusal{Text::tr("%1 is no longer on its server").arg(preview.ref.key), {}, {}};
    if (!row->isLive())
        return RevertRefusal{Text::tr("%1 is shown as its server last showed it; connect to put it back")
                                 .arg(preview.ref.key),
                             {},
                             {}};
    return checkRevert(preview, row->flag);
}
