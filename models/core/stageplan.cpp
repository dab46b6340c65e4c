#include "stageplan.h"

#include <QCoreApplication>
#include <QMap>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(StagePlan)
};

QMap<QString, int> nonZeroShares(const Rollout &rollout)
{
    QMap<QString, int> shares;
    for (const VariationShare &share : rollout.shares()) {
        if (share.basisPoints > 0)
            shares[share.variationId] += share.basisPoints;
    }
    return shares;
}

} // namespace

StagePlan::StagePlan(Contract contract, Flag flag) : m_contract(std::move(contract)), m_flag(std::move(flag))
{
    if (!m_flag.enabled) {
        m_position = Position::Off;
        return;
    }
    if (const int stage = stageOf(m_flag.rollout); stage >= 0) {
        m_position = Position::AtStage;
        m_stage = stage;
        return;
    }
    const Result<Rollout> notStarted = rolloutOf(-1);
    if (notStarted && sameShares(notStarted.value(), m_flag.rollout)) {
        m_position = Position::NotStarted;
        return;
    }
    const QString fallbackId = resolveVariation(m_flag, m_contract.fallback);
    if (!fallbackId.isEmpty() && sameShares(Rollout::everyoneGets(fallbackId), m_flag.rollout)) {
        m_position = Position::ServingFallback;
        return;
    }
    m_position = Position::OffPlan;
}

QString StagePlan::positionText() const
{
    switch (m_position) {
    case Position::Off:
        return Text::tr("off");
    case Position::NotStarted:
        return Text::tr("not started");
    case Position::AtStage:
        return Text::tr("%1 (%2 of %3)").arg(m_contract.stages.at(m_stage).name).arg(m_stage + 1).arg(stageCount());
    case Position::ServingFallback:
        return Text::tr("serving the fallback");
    case Position::OffPlan:
        return Text::tr("off plan");
    }
    Q_UNREACHABLE();
}

QString StagePlan::resolveVariation(const Flag &flag, const QString &name)
{
    for (const Variation &variation : flag.variations) {
        if (variation.id == name)
            return variation.id;
    }
    for (const Variation &variation : flag.variations) {
        if (variation.value == name || variation.name == name)
            return variation.id;
    }
    return {};
}

bool StagePlan::sameShares(const Rollout &a, const Rollout &b)
{
    return nonZeroShares(a) == nonZeroShares(b);
}

Result<Rollout> StagePlan::rolloutOf(int stage) const
{
    const QString defaultId = resolveVariation(m_flag, m_contract.defaultVariation);
    if (defaultId.isEmpty())
        return Result<Rollout>::failure(
            Text::tr("the flag has no variation \"%1\", the contract's default").arg(m_contract.defaultVariation));
    if (stage < 0)
        return Rollout::everyoneGets(defaultId);
    if (stage >= stageCount())
        return Result<Rollout>::failure(Text::tr("there is no stage after the last one"));
    QMap<QString, int> shares;
    int exposed = 0;
    for (const VariationShare &share : m_contract.stages.at(stage).exposure) {
        const QString id = resolveVariation(m_flag, share.variationId);
        if (id.isEmpty())
            return Result<Rollout>::failure(Text::tr("stage \"%1\" exposes \"%2\", which the flag does not have")
                                                .arg(m_contract.stages.at(stage).name, share.variationId));
        shares[id] += share.basisPoints;
        exposed += share.basisPoints;
    }
    shares[defaultId] += Rollout::TotalBasisPoints - exposed;
    QList<VariationShare> list;
    // In the flag's variation order, as a server would list them.
    for (const Variation &variation : m_flag.variations) {
        if (shares.value(variation.id) > 0)
            list.append({variation.id, shares.value(variation.id)});
    }
    return Rollout(list);
}

int StagePlan::stageOf(const Rollout &rollout) const
{
    for (int stage = 0; stage < stageCount(); ++stage) {
        const Result<Rollout> planned = rolloutOf(stage);
        if (planned && sameShares(planned.value(), rollout))
            return stage;
    }
    return -1;
}

int StagePlan::exposedBasisPoints(const Rollout &rollout) const
{
    const QString defaultId = resolveVariation(m_flag, m_contract.defaultVariation);
    return Rollout::TotalBasisPoints - rollout.basisPointsOf(defaultId);
}

int StagePlan::nextStage() const
{
    if (m_position == Position::NotStarted)
        return stageCount() > 0 ? 0 : -1;
    if (m_position == Position::AtStage && m_stage + 1 < stageCount())
        return m_stage + 1;
    return -1;
}

Result<Rollout> StagePlan::advanceTarget() const
{
    switch (m_position) {
    case Position::Off:
        return Result<Rollout>::failure(Text::tr("the flag is off: restore it before advancing"));
    case Position::NotStarted:
        return rolloutOf(0);
    case Position::AtStage:
        if (m_stage + 1 >= stageCount())
            return Result<Rollout>::failure(Text::tr("the flag is at its last stage"));
        return rolloutOf(m_stage + 1);
    case Position::ServingFallback:
        return Result<Rollout>::failure(Text::tr("the flag serves its fallback: roll back to a stage first"));
    case Position::OffPlan:
        return Result<Rollout>::failure(Text::tr("the rollout matches no stage: roll back to one first"));
    }
    Q_UNREACHABLE();
}

Result<Rollout> StagePlan::rollbackTarget() const
{
    if (m_position == Position::Off)
        return Result<Rollout>::failure(Text::tr("the flag is off: restore it first"));
    if (m_position == Position::NotStarted)
        return Result<Rollout>::failure(Text::tr("the flag has not started its rollout"));
    if (m_position == Position::AtStage)
        return rolloutOf(m_stage - 1);
    // Off plan or on the fallback: the nearest stage that exposes less than now.
    const int exposedNow = exposedBasisPoints(m_flag.rollout);
    for (int stage = stageCount() - 1; stage >= 0; --stage) {
        const Result<Rollout> planned = rolloutOf(stage);
        if (planned && exposedBasisPoints(planned.value()) < exposedNow)
            return planned;
    }
    return rolloutOf(-1);
}

Result<Rollout> StagePlan::fallbackTarget() const
{
    if (m_contract.fallback.isEmpty())
        return Result<Rollout>::failure(Text::tr("the contract names no fallback"));
    const QString id = resolveVariation(m_flag, m_contract.fallback);
    if (id.isEmpty())
        return Result<Rollout>::failure(
            Text::tr("the flag has no variation \"%1\", the contract's fallback").arg(m_contract.fallback));
    if (m_flag.enabled && sameShares(m_flag.rollout, Rollout::everyoneGets(id)))
        return Result<Rollout>::failure(Text::tr("the flag already serves its fallback"));
    return Rollout::everyoneGets(id);
}
