#pragma once

#include "metrics/confidencesequence.h"
#include "metrics/trafficmodel.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

// Many simulated comparisons of a candidate against its control, looked at after every interval
// as the console does, to measure how often a procedure calls a regression and how soon.
namespace GuardrailSimulation {

struct Settings
{
    MetricProfile profile;
    double controlRequestsPerInterval = 100;
    double candidateRequestsPerInterval = 100;
    double candidateFactor = 1; // 1: no effect (A/A)
    int intervals = 600;
    int runs = 1000;
    int minimumRequests = 10;
    quint64 seed = 1;
    PairedSequentialTest::Options test;
    // Instead of the confidence sequence, a fixed-horizon 95% interval at every look: the
    // mistake the sequential test exists to avoid.
    bool naiveFixedHorizon = false;
    // Also judge the gate's non-inferiority rule (worse end within tolerance × the control's level)
    // at every look; runs then go on to the last interval.
    bool judgeTolerance = false;
    double tolerance = ContractGuardrail::DefaultTolerance;
};

struct Summary
{
    double worseSideAlarmRate = 0;  // runs that called a regression (the verdict a person sees)
    double eitherSideAlarmRate = 0; // runs whose interval ever excluded zero
    double medianRequestsPerArm = 0; // candidate requests seen until the regression was called
    double medianIntervals = 0;
    double noninferiorPassRate = 0;     // runs whose gate passed at the last interval
    double noninferiorEverPassRate = 0; // runs whose gate passed at any look
    double medianIntervalsToPass = 0;   // paired intervals until the gate first passed
};

inline double median(std::vector<double> values)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

inline Summary run(const Settings &settings)
{
    std::mt19937_64 random(settings.seed);
    std::normal_distribution<double> normal;
    std::poisson_distribution<long long> controlArrivals(settings.controlRequestsPerInterval);
    std::poisson_distribution<long long> candidateArrivals(settings.candidateRequestsPerInterval);
    const bool lowerIsBetter = true;
    int worseAlarms = 0;
    int anyAlarms = 0;
    std::vector<double> requestsToAlarm;
    std::vector<double> intervalsToAlarm;
    int passesAtEnd = 0;
    int passesEver = 0;
    std::vector<double> intervalsToPass;
    for (int r = 0; r < settings.runs; ++r) {
        PairedSequentialTest test(settings.test);
        bool worse = false;
        bool any = false;
        bool passing = false;
        bool passed = false;
        double candidateRequests = 0;
        double controlSum = 0;
        for (int i = 0; i < settings.intervals && (settings.judgeTolerance || !(worse && any)); ++i) {
            const double load = std::exp(0.05 * normal(random));
            const double controlCount = double(controlArrivals(random));
            const double candidateCount = double(candidateArrivals(random));
            const double control = settings.profile.sample(controlCount, 1, load, random);
            const double candidate = settings.profile.sample(candidateCount, settings.candidateFactor, load, random);
            if (controlCount < settings.minimumRequests || candidateCount < settings.minimumRequests)
                continue;
            candidateRequests += candidateCount;
            test.add(i, candidate - control);
            controlSum += control;
            if (!test.hasInterval())
                continue;
            if (settings.judgeTolerance) {
                const double margin = settings.tolerance * std::abs(controlSum / test.samples());
                passing = worseEndWithin(test.current(), margin, lowerIsBetter);
                if (passing && !passed)
                    intervalsToPass.push_back(test.samples());
                passed = passed || passing;
            }
            double lower = test.current().lower;
            double upper = test.current().upper;
            if (settings.naiveFixedHorizon) {
                const double halfWidth = 1.96 * test.standardDeviation() / std::sqrt(double(test.samples()));
                lower = test.mean() - halfWidth;
                upper = test.mean() + halfWidth;
            }
            const bool worseNow = lowerIsBetter ? lower > 0 : upper < 0;
            if (worseNow && !worse) {
                requestsToAlarm.push_back(candidateRequests);
                intervalsToAlarm.push_back(test.samples());
            }
            worse = worse || worseNow;
            any = any || lower > 0 || upper < 0;
            if (settings.candidateFactor != 1 && worse && !settings.judgeTolerance)
                break; // detection time is all an A/B run is for
        }
        worseAlarms += worse;
        anyAlarms += any;
        passesAtEnd += passing;
        passesEver += passed;
    }
    Summary summary;
    summary.worseSideAlarmRate = double(worseAlarms) / settings.runs;
    summary.eitherSideAlarmRate = double(anyAlarms) / settings.runs;
    summary.medianRequestsPerArm = median(requestsToAlarm);
    summary.medianIntervals = median(intervalsToAlarm);
    summary.noninferiorPassRate = double(passesAtEnd) / settings.runs;
    summary.noninferiorEverPassRate = double(passesEver) / settings.runs;
    summary.medianIntervalsToPass = median(intervalsToPass);
    return summary;
}

// The p95 latency of an AI answer path: about a second, long-tailed.
inline MetricProfile latencyProfile()
{
    ContractGuardrail guardrail;
    guardrail.metric = QStringLiteral("p95_latency");
    guardrail.threshold = 1500;
    return MetricProfile::forGuardrail(guardrail);
}

} // namespace GuardrailSimulation
