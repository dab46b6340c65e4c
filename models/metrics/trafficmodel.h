#pragma once

#include "../core/contract.h"

#include <random>

// How the sandbox's simulated AI traffic behaves for one metric: what kind of value an interval
// yields and around which level. Levels sit well inside the contract's threshold, so a healthy
// sandbox looks healthy; the noise of an interval shrinks with its traffic as real data does.
struct MetricProfile
{
    enum class Kind {
        Rate,     // share of requests with an outcome (errors, refusals, clicks)
        Quantile, // p95 of a long-tailed distribution (latency, waiting time)
        Mean,     // mean per request (cost, a quality score)
    };

    Kind kind = Kind::Mean;
    double level = 1;  // rate, p95 or mean when nothing is wrong
    double spread = 0.5; // per-request spread: lognormal sigma (Quantile) or relative deviation (Mean)

    static MetricProfile forGuardrail(const ContractGuardrail &guardrail);

    // One interval's value for an arm that served `requests` requests; factor scales the level
    // (1: as usual, 1.3: a 30% regression for a level metric or rate).
    double sample(double requests, double factor, double commonShift, std::mt19937_64 &random) const;
};
