#pragma once

#include "contract.h"
#include "flag.h"
#include "flagusage.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Why a flag is due to be removed from the code, and since when.
struct CleanupReason
{
    enum class Kind {
        ReviewDatePassed,       // the contract's review_date has passed
        ConditionMet,           // the contract's cleanup_condition holds ("100% for 14 days")
        SettledWithoutContract, // no contract, and one variation served to everyone for long
        NeverEvaluated,         // the server's metrics say no application ever evaluated it
    };

    Kind kind = Kind::ReviewDatePassed;
    QString text;
    qint64 sinceMs = 0;

    bool operator==(const CleanupReason &) const = default;
};

// A flag due for cleanup: its reasons, oldest first, and whom to ask.
struct CleanupDue
{
    QString owner;
    bool ownerFromContract = false; // false: the owner is whoever changed the flag last
    QList<CleanupReason> reasons;

    qint64 sinceMs() const { return reasons.isEmpty() ? 0 : reasons.constFirst().sinceMs; }
    QString why() const; // the reasons in one line
    bool operator==(const CleanupDue &) const = default;
};

// The part of a cleanup_condition FlagDeck can check: "[variation at] P% for N days|d|hours|h",
// anywhere in the sentence ("candidate at 100% for 14 days, or rolled back"). The variation may be
// a variation of the flag or "candidate" (the contract's candidate); without one, any variation.
struct CleanupCondition
{
    QString variation;
    int basisPoints = 0;
    qint64 durationMs = 0;
};
std::optional<CleanupCondition> parseCleanupCondition(const QString &text);

struct CleanupFacts
{
    qint64 servedSinceMs = 0; // since when the flag serves what it serves now; 0: the history does not say
    qint64 nowMs = 0;
    QDate today;
    std::optional<FlagUsage> usage; // absent: the server does not report it
};

// A flag without a contract that has served one variation to everyone this long is due, and so
// is a flag that no application evaluated in this long since it was created.
constexpr int SettledDaysWithoutContract = 30;

// Whether the flag is due for cleanup (nullopt: not due). contract is null for a flag without one.
std::optional<CleanupDue> checkCleanup(const Flag &flag, const Contract *contract, const CleanupFacts &facts);

// The untranslated name, for files and the agent interface.
QString cleanupKindName(CleanupReason::Kind kind);
// {owner, owner_from_contract, since, reasons: [{kind, why, since}]} for the agent interface.
QJsonObject cleanupToJson(const CleanupDue &due);
