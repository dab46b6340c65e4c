#pragma once

#include "flag.h"
#include "flagaction.h"
#include "contractreader.h"
#include "evalcheck.h"
#include "flagref.h"
#include "readiness.h"
#include "rollout.h"
#include "stageplan.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A flag held at its stage: who paused it, when, and why (from the audit history).
struct StageHold
{
    QString actor;
    qint64 timeMs = 0;
    QString comment;
};

// Everything the stage view shows of one flag, computed when asked.
struct StageSnapshot
{
    FlagRef ref;
    Flag flag;
    std::optional<StagePlan> plan; // absent: the flag has no contract (an unowned control)
    // Its team contract names it but has an error: no plan until the file is fixed.
    std::optional<ContractFinding> contractError;
    QList<ReadinessItem> readiness;
    qint64 inStageSinceMs = 0;     // 0: the history does not tell
    std::optional<StageHold> hold;
    QList<ReadinessItem> gate;     // for advancing: time in stage, guardrails, evals, approvals
    QList<EvalCheck> evals;        // the eval evidence the next stage requires, as it stands
    bool changePending = false;
    bool offline = false; // the flag is shown from the cache: nothing can be sent
};

// A stage action worked out before it is sent: the exact rollout, what changes in words, and the
// revision it was computed against (the server refuses it if the flag changed since).
struct StagePreview
{
    FlagRef ref;
    FlagAction action = FlagAction::AdvanceStage;
    Rollout target;
    QString targetStage; // the stage name, "not started" or "fallback"
    QStringList changes;
    QString expectedRevision;
    bool gateOpen = true;
    // The risk of the move, and the approvals the flag's contract requires for it at that risk:
    // above 0, a person's action goes to the approval queue as their proposal.
    Contract::Risk risk = Contract::Risk::Medium;
    int approvalsRequired = 0;
};
