#include "revertdesk.h"

#include "../connectors/flagserver.h"
#include "../core/flagjson.h"
#include "../core/stageplan.h"
#include "flagstore.h"

#include <QHash>

RevertDesk::RevertDesk(FlagStore *flags, AuditWriter *audit, ConfirmedChanges::ServerLookup servers, QObject *parent)
    : QObject(parent), m_flags(flags), m_changes(flags, audit, std::move(servers))
{
}

RevertDesk::~RevertDesk() = default;

Result<void> RevertDesk::openHistory(const QString &path)
{
    const Result<void> opened = m_history.open(path);
    m_historyOpen = bool(opened);
    return opened;
}

Result<RevertPreview> RevertDesk::previewChange(qint64 entryId) const
{
    Result<StoredChange> change = m_history.change(entryId);
    if (!change)
        return Result<RevertPreview>::failure(change.error());
    const AuditEntry &entry = change->entry;
    return preview({entry.server, entry.environment, entry.flagKey}, {entry}, {change->id});
}

Result<QList<RevertPreview>> RevertDesk::previewChanges(const QList<qint64> &entryIds) const
{
    QList<FlagRef> order;
    QHash<FlagRef, QList<StoredChange>> byFlag;
    for (const qint64 id : entryIds) {
        Result<StoredChange> change = m_history.change(id);
        if (!change)
            return Result<QList<RevertPreview>>::failure(change.error());
        const FlagRef ref{change->entry.server, change->entry.environment, change->entry.flagKey};
        if (!byFlag.contains(ref))
            order.append(ref);
        byFlag[ref].append(change.value());
    }
    QList<RevertPreview> previews;
    for (const FlagRef &ref : std::as_const(order)) {
        Result<RevertPreview> one = previewGroup(changeGroupOf(ref, byFlag.value(ref)));
        if (!one)
            return Result<QList<RevertPreview>>::failure(one.error());
        previews.append(one.value());
    }
    return previews;
}

Result<RevertPreview> RevertDesk::previewWindow(const FlagRef &ref, qint64 fromMs, qint64 untilMs) const
{
    Result<QList<StoredChange>> changes = m_history.changesOf(ref, fromMs, untilMs);
    if (!changes)
        return Result<RevertPreview>::failure(changes.error());
    return previewGroup(changeGroupOf(ref, changes.value()));
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
            tr("%1 in %2 is not among the flags shown now; it cannot be put back").arg(ref.key, ref.environment));
    return previewRevert(ref, changes, ids, row->flag);
}

std::optional<RevertRefusal> RevertDesk::check(const RevertPreview &preview) const
{
    const FlagStore::Entry *row = m_flags->find(preview.ref);
    if (!row)
        return RevertRefusal{tr("%1 is no longer on its server").arg(preview.ref.key), {}, {}};
    if (!row->isLive())
        return RevertRefusal{tr("%1 is shown as its server last showed it; connect to put it back").arg(preview.ref.key),
                             {},
                             {}};
    if (row->hasPendingChange())
        return RevertRefusal{tr("a change of %1 is still waiting for the server").arg(preview.ref.key), {}, {}};
    if (std::optional<RevertRefusal> moved = checkRevert(preview, row->flag))
        return moved;
    const Flag &now = row->flag;
    QList<FlagAction> needed;
    if (!StagePlan::sameShares(now.rollout, preview.target.rollout))
        needed.append(FlagAction::SetRollout);
    if (now.enabled != preview.target.enabled)
        needed.append(preview.target.enabled ? FlagAction::Restore : FlagAction::Kill);
    for (const FlagAction action : std::as_const(needed)) {
        if (const QString why = m_changes.unavailable(preview.ref, action); !why.isEmpty())
            return RevertRefusal{why, {}, {}};
    }
    return std::nullopt;
}

bool RevertDesk::apply(const RevertPreview &preview, const QString &comment, ConfirmedChanges::Completion done)
{
    if (!preview.canApply() || check(preview))
        return false;
    const Flag &now = m_flags->find(preview.ref)->flag;
    const bool rolloutStep = !StagePlan::sameShares(now.rollout, preview.target.rollout);
    const bool enabledStep = now.enabled != preview.target.enabled;
    QString said = revertComment(preview);
    if (!comment.isEmpty())
        said += QLatin1Char('\n') + comment;
    if (!rolloutStep)
        return sendStep(preview, false, preview.basedOnRevision, said, std::move(done));
    if (!enabledStep)
        return sendStep(preview, true, preview.basedOnRevision, said, std::move(done));
    // Off first when the flag is to be off; the rollout first when it is to be on.
    const bool rolloutFirst = preview.target.enabled;
    auto second = [this, preview, said, rolloutFirst, done](const ConfirmedChanges::Outcome &first) {
        if (!first.confirmed) {
            if (done)
                done(first);
            return;
        }
        if (!sendStep(preview, !rolloutFirst, first.flag.revision, said, done) && done) {
            ConfirmedChanges::Outcome stopped = first;
            stopped.confirmed = false;
            stopped.reason = tr("only part of the revert was sent: a change of %1 was under way").arg(preview.ref.key);
            done(stopped);
        }
    };
    return sendStep(preview, rolloutFirst, preview.basedOnRevision, said, std::move(second));
}

bool RevertDesk::sendStep(const RevertPreview &preview, bool rolloutStep, const QString &expectedRevision,
                          const QString &comment, ConfirmedChanges::Completion done)
{
    const FlagRef ref = preview.ref;
    const Flag target = preview.target;
    const FlagStore::Entry *row = m_flags->find(ref);
    if (!row)
        return false;
    ConfirmedChanges::Change change;
    change.action = FlagAction::Revert;
    change.pendingOperation = FlagStore::Operation::ChangePending;
    change.failedOperation = FlagStore::Operation::ChangeFailed;
    if (rolloutStep) {
        change.before = {{QStringLiteral("rollout"), rolloutToJson(row->flag.rollout)}};
        change.after = {{QStringLiteral("rollout"), rolloutToJson(target.rollout)}};
        change.send = [ref, target, expectedRevision, comment](FlagServer *server) {
            return server->setRollout(ref.environment, ref.key, target.rollout, expectedRevision, comment);
        };
        change.reached = [target](const Flag &flag) { return StagePlan::sameShares(flag.rollout, target.rollout); };
        change.notReachedReason = tr("the server answered but serves a different rollout");
    } else {
        change.before = {{QStringLiteral("enabled"), row->flag.enabled}};
        change.after = {{QStringLiteral("enabled"), target.enabled}};
        change.send = [ref, target, comment](FlagServer *server) {
            return server->setEnabled(ref.environment, ref.key, target.enabled, comment);
        };
        change.reached = [target](const Flag &flag) { return flag.enabled == target.enabled; };
        change.notReachedReason = target.enabled ? tr("the server answered but the flag is still off")
                                                 : tr("the server answered but the flag is still on");
    }
    return m_changes.start(ref, change, comment, std::move(done));
}
