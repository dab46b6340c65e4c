#pragma once

#include "../core/contract.h"
#include "../core/flagref.h"
#include "../core/rollout.h"
#include "confidencesequence.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// Ordered by how much attention it needs: a flag's verdict is the most severe of its guardrails'.
// Healthy means safe to widen: the interval's worse end is within the guardrail's tolerance.
// NotEnoughEvidence: no regression shown, but the interval is still wider than the tolerance.
enum class GuardrailVerdict { NoData, Healthy, NotEnoughEvidence, NotEnoughData, Watching, Regressed };

QString verdictText(GuardrailVerdict verdict);
// The untranslated name, for files and the agent interface.
QString verdictName(GuardrailVerdict verdict);

// What the monitor is asked to watch for one flag: the control arm, the shares the rollout
// promises now, and the guardrails. Statistics only count data from windowStartMs on, so that a
// comparison never mixes two rollouts.
struct GuardrailWatch
{
    FlagRef flag;
    QString controlId;
    Rollout expected;
    QList<ContractGuardrail> guardrails;
    qint64 windowStartMs = 0;
    QHash<QString, QString> variantLabels; // variation id → how the metric data names it

    QStringList candidateIds() const;
};

// One guardrail for one candidate against the control.
struct GuardrailResult
{
    ContractGuardrail guardrail;
    QString candidateId;
    GuardrailVerdict verdict = GuardrailVerdict::NoData;
    DifferenceEstimate difference; // candidate − control, with its always-valid interval
    QList<DifferenceEstimate> history;
    // The control's mean over the paired intervals up to each look of history (the same length),
    // so each look can be read relative to the control as the reason reads the last one.
    QList<double> controlMeans;
    double controlMean = 0;
    // How much worse than the control the candidate may be (tolerance × the control's level), in
    // the metric's unit; the verdict is healthy only when the interval's worse end is within it.
    double toleranceMargin = 0;
    // The candidate's own level with its always-valid interval, held against the threshold.
    std::optional<DifferenceEstimate> candidateLevel;
    bool thresholdBreached = false;
    // Judged on data that mixes every environment's traffic.
    bool mixedEnvironments = false;
    QString reason;

    // The change relative to the control, when the control's level is known and not zero.
    std::optional<double> relativeChange() const;
};

struct FlagHealth
{
    GuardrailVerdict verdict = GuardrailVerdict::NoData;
    QList<GuardrailResult> results;
    double srmPValue = 1.0;
    bool srmMismatch = false;
    QString srmText;
    QString summary;
    // Some of the data mixes every environment's traffic: nothing is acted on by itself.
    bool mixedEnvironments = false;
};

// Says in the summary and in every reason that the values mix every environment.
void markMixedEnvironments(FlagHealth &health);
QString mixedEnvironmentsText();
Q_DECLARE_METATYPE(GuardrailResult)

// A flag's verdicts as agents and the local cache read them: the verdict, its sentence, and per
// guardrail and candidate the estimate with its interval.
QJsonObject flagHealthToJson(const FlagHealth &health);
