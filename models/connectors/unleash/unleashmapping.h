#pragma once

#include "../../core/exposurehour.h"
#include "../../core/flag.h"
#include "../../core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Unleash's flags in FlagDeck's terms, and back. A flag in one environment is enabled or not; its
// strategies decide who gets it. The one strategy without constraints or segments (a
// flexibleRollout, or the legacy "default") is the default rule: its rollout percentage and its
// variant weights (out of 1000) become exact basis points. Strategies with constraints target
// chosen users and are left to Unleash. A flag without strategy variants has the variations
// "on" and "off"; one with variants has its variants plus "disabled", what the SDKs serve to
// users outside the rollout.
namespace UnleashMapping {

inline const QString OnVariation = QStringLiteral("on");
inline const QString OffVariation = QStringLiteral("off");
inline const QString DisabledVariant = QStringLiteral("disabled");

// FlagDeck's environment for an Unleash project and environment: "project/environment".
QString environmentName(const QString &project, const QString &environment);
struct ProjectEnvironment
{
    QString project;
    QString environment;
};
std::optional<ProjectEnvironment> splitEnvironment(const QString &name);

// Changes whenever the environment's enabled state or any strategy changes, and only then (the
// usage counts the admin API adds are left out).
QString revisionOf(const QJsonObject &environment);

// The flag as one environment of a feature holds it ("environments[i]" of the admin API's
// feature). A default rule FlagDeck cannot express exactly (two untargeted strategies, or a
// percentage of a variant split that falls between basis points) leaves the rollout empty and
// says why in rolloutProblem.
struct EnvironmentFlag
{
    Flag flag;
    QString rolloutProblem;
};
Result<EnvironmentFlag> flagFromEnvironment(const QJsonObject &feature, const QJsonObject &environment);

// The hours of one flag's usage that Unleash's SDKs reported (the raw client metrics of the admin
// API: per application and hour) in one Unleash environment, summed over applications, that ended
// by nowMs. A flag without variants counts its variations "on" and "off" (Unleash's yes and no);
// hours nobody reported are left out, not counted as zero.
Result<QList<ExposureHour>> exposureHours(const QJsonObject &raw, const QString &environment, bool withoutVariants,
                                          qint64 nowMs);

// The exposure one strategy gives, as a partial flag for audit descriptions ({"rollout": [...]});
// empty when it is not a default rule or cannot be expressed.
QJsonObject rolloutSummary(const QJsonObject &strategy);

// How to make the environment's default rule serve target: either a JSON patch (RFC 6902) of the
// existing untargeted strategy, which keeps its other fields, or a new flexibleRollout strategy
// when there is none.
struct RolloutWrite
{
    QString strategyId; // empty: post newStrategy
    QJsonArray patch;
    QJsonObject newStrategy;
};
Result<RolloutWrite> rolloutWrite(const QString &flagKey, const QJsonObject &environment, const Flag &flag,
                                  const Rollout &target);

} // namespace UnleashMapping
