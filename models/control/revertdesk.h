#pragma once

#include "../core/changegroup.h"
#include "../core/result.h"
#include "../core/revertpreview.h"
#include "../store/changehistory.h"
#include "confirmedchanges.h"

#include <QObject>

#include <optional>

// Puts flags back as they were. Works out the revert from one change (its audit row id), from
// several (a selection: one preview per flag), from a flag's changes in a window or from a group
// already read, against the flag as the flag store holds it now; checks just before sending that
// the preview still holds; and sends it through the confirmed-change engine, with the revision
// the preview was made from and an audit comment that names the changes it reverts.
class RevertDesk : public QObject
{
    Q_OBJECT

public:
    RevertDesk(FlagStore *flags, AuditWriter *audit, ConfirmedChanges::ServerLookup servers, QObject *parent = nullptr);
    ~RevertDesk() override;

    // The audit cache the changes are read from (AuditCache::open created it).
    Result<void> openHistory(const QString &path);
    bool isHistoryOpen() const { return m_historyOpen; }
    const ChangeHistory &history() const { return m_history; }
    void setActor(const QString &actor) { m_changes.setActor(actor); }
    void setTimeout(int milliseconds) { m_changes.setTimeout(milliseconds); }

    Result<RevertPreview> previewChange(qint64 entryId) const;
    // One preview per flag the changes belong to, in the order each flag first appears.
    Result<QList<RevertPreview>> previewChanges(const QList<qint64> &entryIds) const;
    Result<RevertPreview> previewWindow(const FlagRef &ref, qint64 fromMs, qint64 untilMs) const;
    Result<RevertPreview> previewGroup(const ChangeGroup &group) const;

    // nullopt: send it. Otherwise why not: the flag changed since (and what changed), is gone, is
    // shown from the cache while its server is not connected, or its server cannot take the change.
    std::optional<RevertRefusal> check(const RevertPreview &preview) const;

    // Sends the revert when check() finds nothing against it: the rollout with the preview's
    // revision, and the enabled state (turning off first, turning on last, so that traffic never
    // meets the rollout being undone). False when nothing was sent; otherwise done hears once.
    // comment: the person's words, after revertComment(preview).
    bool apply(const RevertPreview &preview, const QString &comment, ConfirmedChanges::Completion done = {});

private:
    Result<RevertPreview> preview(const FlagRef &ref, const QList<AuditEntry> &changes, const QList<qint64> &ids) const;
    // One step of a revert: the rollout (sent with expectedRevision) or the enabled state.
    bool sendStep(const RevertPreview &preview, bool rolloutStep, const QString &expectedRevision,
                  const QString &comment, ConfirmedChanges::Completion done);

    FlagStore *m_flags;
    ChangeHistory m_history;
    bool m_historyOpen = false;
    ConfirmedChanges m_changes;
};
