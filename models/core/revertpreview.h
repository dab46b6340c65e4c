#pragma once

#include "flag.h"
#include "flagchange.h"
#include "flagref.h"
#include "netchange.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What putting a flag back would change: the flag as it is now, the flag as it was before the
// changes reverted (its enabled state, rollout and off variation; every other field as it is
// now), the rows a reviewer reads (before → after, as the proposal review shows them), and the
// revision the preview was made from, which the change must be sent with.
struct RevertPreview
{
    FlagRef ref;
    QList<qint64> entryIds;   // the audit entries reverted, oldest first
    QStringList sourceIds;    // their ids on their server, for the revert's audit comment
    NetChange reverted;       // what those changes did in all
    Flag current;             // the flag as the flag store holds it now
    Flag target;              // what the revert would make it
    QString basedOnRevision;  // current.revision: the revert is refused if the flag moved on
    QList<FlagChangeRow> rows; // current → target; empty when the flag already is as it was
    // The state before is known exactly and FlagDeck can express it. When not, problems says why
    // in sentences and the kill is offered instead (offerKill, when the flag is on).
    bool exact = true;
    QStringList problems;
    bool offerKill = false;
    // Fields the changes also changed that a revert leaves as they are now ("the tags"): said in
    // the preview, they do not make it inexact.
    QStringList notPutBack;

    bool changesNothing() const { return rows.isEmpty(); }
    bool canApply() const { return exact && !rows.isEmpty(); }
};

// A revert refused because the flag changed since its preview: what changed, in words.
struct RevertRefusal
{
    QString reason;
    QStringList changedSince;   // describeAuditChange(preview's flag, flag now)
    QList<FlagChangeRow> rows;  // preview's flag → flag now
};

// The fields a revert puts back; every other field of the flag stays as it is now.
QStringList revertedFields();

// changes: one flag's entries, oldest first (one change, or a flag's changes in a window); ids their
// audit cache row ids in the same order. current: the flag as the flag store holds it now.
RevertPreview previewRevert(const FlagRef &ref, const QList<AuditEntry> &changes, const QList<qint64> &ids,
                            const Flag &current);

// nullopt when the flag is still what the preview was made from (same revision); otherwise why the
// revert is refused and what changed since.
std::optional<RevertRefusal> checkRevert(const RevertPreview &preview, const Flag &now);

// The audit comment of a revert: which changes it puts back, by their ids on the server.
QString revertComment(const RevertPreview &preview);
