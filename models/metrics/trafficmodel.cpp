#include "trafficmodel.h"

#include <algorithm>
#include <cmath>

namespace {

bool nameHas(const QString &name, std::initializer_list<const char *> parts)
{
    return std::any_of(parts.begin(), parts.end(), [&](const char *part) { return name.contains(QLatin1String(part)); });
}

// The standard normal density at its 95th percentile, for the spread of a sample p95.
constexpr double DensityAtP95 = 0.10314;

} // namespace

MetricProfile MetricProfile::forGuardrail(const ContractGuardrail &guardrail)
{
    const QString name = guardrail.metric.toLower();
    const bool lowerIsBetter = guardrail.direction == ContractGuardrail::Direction::LowerIsBetter;
    const std::optional<double> threshold = guardrail.threshold;
    MetricProfile profile;
    if (nameHas(name, {"latency", "wait", "time_to", "_time"})) {
        profile.kind = Kind::Quantile;
        profile.level = threshold ? *threshold * 0.6 : 800;
        profile.spread = 0.5;
    } else if (nameHas(name, {"rate", "click_through", "acceptance"})) {
        profile.kind = Kind::Rate;
        if (lowerIsBetter)
            profile.level = threshold ? *threshold * 0.4 : 0.03;
        else
            profile.level = threshold ? std::min(0.95, *threshold * 1.2) : 0.35;
    } else {
        profile.kind = Kind::Mean;
        const bool cost = nameHas(name, {"cost", "token"});
        const bool score = nameHas(name, {"score", "csat", "quality"});
        const double usual = cost ? 0.002 : score ? 0.8 : 1.0;
        profile.level = threshold ? *threshold * (lowerIsBetter ? 0.6 : 1.2) : usual;
        profile.spread = score ? 0.25 : 0.8;
    }
    return profile;
}

double MetricProfile::sample(double requests, double factor, double commonShift, std::mt19937_64 &random) const
{
    if (requests < 1)
        return std::nan("");
    std::normal_distribution<double> normal;
    switch (kind) {
    case Kind::Rate: {
        const double p = std::clamp(level * factor * commonShift, 0.0, 1.0);
        const auto trials = static_cast<long long>(requests);
        std::binomial_distribution<long long> outcomes(trials, p);
        return double(outcomes(random)) / double(trials);
    }
    case Kind::Quantile: {
        // The sample p95 of n draws is close to normal around the true p95 with this spread.
        const double p95 = level * factor * commonShift;
        const double sd = p95 * spread * std::sqrt(0.95 * 0.05 / requests) / DensityAtP95;
        return std::max(0.0, p95 + sd * normal(random));
    }
    case Kind::Mean: {
        const double mean = level * factor * commonShift;
        return mean + mean * spread / std::sqrt(requests) * normal(random);
    }
    }
    return std::nan("");
}
