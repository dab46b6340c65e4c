#pragma once

#include "../core/changegroup.h"
#include "../core/result.h"
#include "../core/revertpreview.h"

#include <optional>

class ChangeHistory;
class FlagStore;

// Works out how to put a flag back: from one change (its audit row id), from a flag's changes in
// a window, or from a group already read, against the flag as the flag store holds it now. And,
// just before the revert is sent, whether its preview still holds. Sending is the caller's: through
// ConfirmedChanges, with preview.basedOnRevision and revertComment(preview).
class RevertDesk
{
public:
    RevertDesk(const FlagStore *flags, const ChangeHistory *history);

    Result<RevertPreview> previewChange(qint64 entryId) const;
    Result<RevertPreview> previewWindow(const FlagRef &ref, qint64 fromMs, qint64 untilMs) const;
    Result<RevertPreview> previewGroup(const ChangeGroup &group) const;

    // nullopt: send it. Otherwise why not: the flag changed since (and what changed), is gone, or is
    // shown from the cache while its server is not connected.
    std::optional<RevertRefusal> check(const RevertPreview &preview) const;

private:
    Result<RevertPreview> preview(const FlagRef &ref, const QList<AuditEntry> &changes, const QList<qint64> &ids) const;

    const FlagStore *m_flags;
    const ChangeHistory *m_history;
};
