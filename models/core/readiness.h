#pragma once

#include "contract.h"
#include "evalcheck.h"
#include "flag.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

// One item of the checklist of a FeatureOps-ready AI release.
struct ReadinessItem
{
    enum class Status { Passed, Failed, NotCheckable };

    QString title;
    Status status = Status::Failed;
    QString detail; // what was found, what is missing, or why it cannot be checked from here
};

// What FlagDeck knows about a flag beyond the flag and its contract.
struct ReadinessFacts
{
    bool killAvailable = false;            // the server can turn the flag off
    std::optional<bool> auditTrailPresent; // absent when the history could not be looked at
    QDate today;
    // The stage the flag would enter next (empty: none) and the eval evidence it requires.
    QString nextStage = {};
    QList<EvalCheck> nextStageEvals = {};
    bool evalsRead = true; // false: nothing here reads eval reports, so they cannot be checked
};

// Holds the live flag against its contract. Items that cannot be checked from a console are said
// to be so, never passed.
QList<ReadinessItem> checkReadiness(const Contract &contract, const Flag &flag, const ReadinessFacts &facts);

// "ready", "2 items missing", "ready as far as can be checked (1 not checkable here)".
QString readinessSummary(const QList<ReadinessItem> &items);
int failedCount(const QList<ReadinessItem> &items);
