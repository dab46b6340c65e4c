#pragma once

#include "contract.h"
#include "flag.h"

#include <QString>

// A contract's stages as rollouts of one live flag, where the flag is among them, and the exact
// rollout each stage action would set. The position is always derived from the live rollout,
// never from a stored label, so a change made elsewhere shows as it is ("off plan" if it matches
// no stage).
class StagePlan
{
public:
    enum class Position { Off, NotStarted, AtStage, ServingFallback, OffPlan };

    StagePlan(Contract contract, Flag flag);

    const Contract &contract() const { return m_contract; }
    int stageCount() const { return int(m_contract.stages.size()); }

    Position position() const { return m_position; }
    // The stage the live rollout matches; -1 unless position() is AtStage.
    int currentStage() const { return m_stage; }
    // "5% eligible traffic (3 of 5)", "not started", "off plan", …
    QString positionText() const;

    // The rollout of stage index (-1: not started, everyone on the default), or why there is none.
    Result<Rollout> rolloutOf(int stage) const;

    // The stage an advance would enter (-1: none from here).
    int nextStage() const;
    Result<Rollout> advanceTarget() const;
    Result<Rollout> rollbackTarget() const;
    Result<Rollout> fallbackTarget() const;
    // The stage a target rollout is, for the audit and the confirmation (-1 when none).
    int stageOf(const Rollout &rollout) const;

    // The server's variation id for a name the contract uses (an id, a value or a name); empty
    // when the flag has no such variation.
    static QString resolveVariation(const Flag &flag, const QString &name);
    // Same shares, ignoring order and zero shares.
    static bool sameShares(const Rollout &a, const Rollout &b);

private:
    int exposedBasisPoints(const Rollout &rollout) const;

    Contract m_contract;
    Flag m_flag;
    Position m_position = Position::OffPlan;
    int m_stage = -1;
};
