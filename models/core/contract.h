#pragma once

#include "rollout.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// A guardrail as a contract states it: a metric, which way is better, and what stops expansion —
// a fixed threshold, a statistical rule against the default, or both.
struct ContractGuardrail
{
    enum class Direction { LowerIsBetter, HigherIsBetter };
    // What the telemetry records for it, per variation and interval: a gauge's level (averaged),
    // a counter's events per exposure of the flag, or a quantile of a histogram (a latency).
    enum class Kind { Gauge, Counter, Histogram };
    // The histogram a latency guardrail reads unless the contract names another: the OpenTelemetry
    // HTTP server duration, in seconds.
    static inline const QString DefaultHistogram = QStringLiteral("http.server.request.duration");

    // How much worse than the default a candidate may be, relative to the default's level, for the
    // guardrail to let a stage widen when the contract does not say (docs/contracts.md).
    static constexpr double DefaultTolerance = 0.05;

    QString metric;
    Direction direction = Direction::LowerIsBetter;
    std::optional<double> threshold;
    QString rule; // "sequential": a regression against the default, under continuous monitoring
    std::optional<double> tolerance; // a fraction of the default's level: 0.05 for "5%"
    Kind kind = Kind::Gauge;
    QString series; // the instrument's name in the telemetry (OpenTelemetry or Prometheus form); empty: metric
    double quantile = 0; // for a histogram, in (0, 1)
    bool secondsToMilliseconds = false; // a histogram in seconds read by a metric shown in ms

    bool canStopExpansion() const { return threshold.has_value() || !rule.isEmpty(); }
    double toleranceOrDefault() const { return tolerance.value_or(DefaultTolerance); }
    QString seriesName() const { return series.isEmpty() ? metric : series; }
    // The quantile a name such as p95_latency or p99_wait asks for; 0 when it names none.
    static double quantileInName(const QString &metric);
};

QString guardrailKindName(ContractGuardrail::Kind kind);
std::optional<ContractGuardrail::Kind> guardrailKindFromName(const QString &name);

// Where a contract file says something (1-based; 0 when not known), so that a finding found
// later — against a server's flags — still points at the line to fix.
struct ContractPosition
{
    int line = 0;
    int column = 0;
};

// A named metric of an eval report and the bounds it must stay within.
struct EvalMetricBound
{
    QString metric;
    std::optional<double> min;
    std::optional<double> max;
    ContractPosition position;
};

// The eval evidence a stage requires before a flag may enter it: which report, of which suite, for
// which variation, what it must show and how old it may be.
struct ContractEval
{
    // As written: a file or glob, relative to the contract file's folder, or an http(s) URL.
    QString report;
    QString suite; // empty: the report's suite is not checked
    QString variation;
    std::optional<int> passBasisPoints; // the share of cases that must pass
    QList<EvalMetricBound> metrics;
    qint64 maxAgeMs = 0; // 0: a report of any age counts
    ContractPosition reportPosition;
    ContractPosition suitePosition;
    ContractPosition variationPosition;

    bool isUrl() const;
};

// One step of the rollout path: the share each named variation gets (the default variation gets
// the rest), how long the flag must stay there before the gate may open, and the eval evidence
// needed to enter it.
struct ContractStage
{
    QString name;
    QList<VariationShare> exposure;
    qint64 minimumMs = 0;
    QList<ContractEval> evals;
};

// The FeatureOps contract of one AI flag (DESIGN §1), as read from a team's YAML file.
struct Contract
{
    enum class Risk { Low, Medium, High, Critical };

    QString sourceFile;
    ContractPosition flagKeyPosition;
    // Where each of namedVariations() is first named.
    QHash<QString, ContractPosition> variationPositions;
    QString flagKey;
    QStringList environments; // empty: every environment
    QString behaviorSurface;
    QString owner;
    QString assignmentUnit;
    QString defaultVariation;
    QString candidate;
    QString fallback;
    QString firstAudience;
    QList<ContractStage> stages;
    QString primaryMetric;
    QList<ContractGuardrail> guardrails;
    QString rollbackAction;
    QString cleanupRule;
    QString cleanupCondition;
    QDate reviewDate;
    // action name (FlagAction vocabulary) → risk → reviewers needed
    QMap<QString, QMap<Risk, int>> approvals;
    bool autoKill = false;

    bool appliesTo(const QString &environment) const
    {
        return environments.isEmpty() || environments.contains(environment);
    }
    // The variations the contract names, for checking them against the server.
    QStringList namedVariations() const;
};

QString riskName(Contract::Risk risk);
// The risk as a person reads it, in their language (riskName is the name in files and on the wire).
QString riskDisplayName(Contract::Risk risk);
// Risk of moving this share of traffic to another variation: ≤5% low, ≤20% medium, ≤50% high, more critical.
Contract::Risk riskOfExposure(int basisPoints);
std::optional<Contract::Risk> riskFromName(const QString &name);
