#pragma once

#include "../core/auditentry.h"
#include "../core/flagref.h"
#include "../core/stagesnapshot.h"
#include "../core/result.h"
#include "../core/rollout.h"
#include "sqlitefile.h"

#include <QString>

#include <optional>

// Small questions about one flag's history, answered from the audit cache through the flag's
// timeline, for the stage view and the readiness check (fast enough for the UI thread: one flag,
// its newest runs).
class AuditLookup
{
public:
    // Stage actions that change nothing on the server are recorded with these action names.
    static QString pauseAction() { return QStringLiteral("pause_stage"); }
    static QString resumeAction() { return QStringLiteral("resume_stage"); }

    AuditLookup();
    ~AuditLookup();
    Result<void> open(const QString &path);

    // Absent when the cache cannot be read.
    std::optional<bool> hasHistory(const FlagRef &ref) const;
    // When the flag's rollout became the one it has now, from its history: the oldest of the
    // newest entries that all show this rollout. 0 when the history does not tell.
    qint64 rolloutSince(const FlagRef &ref, const Rollout &rollout) const;
    // The pause in force, if the newest pause is not followed by a resume.
    std::optional<StageHold> stageHold(const FlagRef &ref) const;
    // The changes a console asked of this server ("requested") whose outcome was never recorded —
    // no "confirmed", "failed" or "interrupted" row of the same intent: the console stopped
    // between asking and hearing. Oldest first; absent when the cache cannot be read. Through the
    // dedupe key's index, over this console's own rows of the server only.
    std::optional<QList<AuditEntry>> unansweredRequests(const QString &server) const;

private:
    SqliteFile m_file;
};
