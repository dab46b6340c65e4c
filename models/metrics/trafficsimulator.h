#pragma once

#include "../core/contract.h"
#include "../core/result.h"
#include "metricsource.h"

#include <QHash>
#include <QTimer>

#include <functional>
#include <random>

// A regression the sandbox is told to show: FLAG:VARIATION:METRIC:FACTOR, e.g.
// "chat-model-route:distilled_small:p95_latency:1.4" makes that variation's p95 40% slower.
struct InjectedRegression
{
    QString flagKey;
    QString variation; // id or name
    QString metric;
    double factor = 1;
    qint64 afterMs = 0; // from this long after the simulator starts

    // FLAG:VARIATION:METRIC:FACTOR, optionally @SECONDS after the start.
    static Result<InjectedRegression> parse(const QString &text);
    // Refuses what the sandbox could never show, which would otherwise pass without a word: a flag
    // it is not seeded with, a variation that flag lacks (by id or name), or a metric that no
    // contract of the flag watches. The sandbox's own contracts count, and teamContracts too (a
    // team's folder may cover sandbox flags).
    Result<void> checkOnSandbox(const QList<Contract> &teamContracts = {}) const;
};

// The sandbox's traffic: for every watched flag, requests split between the variations as the
// rollout serves them, and each guardrail's value per variation and interval, with realistic
// noise and load swings that affect every arm alike. Injected regressions start when the simulator
// starts; the history it backfills before then is clean, so a chart shows the regression begin.
class TrafficSimulator : public MetricSource
{
    Q_OBJECT

public:
    struct Options
    {
        int stepMs = 1000;
        double productionRequestsPerSecond = 5000;
        double otherRequestsPerSecond = 500;
        int backfillIntervals = 600;
        // Fixed, so the sandbox's traffic is the same on every start: what a person saw once, and
        // what a test checks, can be seen again.
        quint64 seed = 20261121;
    };
    using Clock = std::function<qint64()>;

    explicit TrafficSimulator(QObject *parent = nullptr);
    TrafficSimulator(Options options, QObject *parent = nullptr);

    void setWatches(const QList<GuardrailWatch> &watches) override;
    int stepMs() const override { return m_options.stepMs; }

    void addRegression(const InjectedRegression &regression);
    // For tests: time as the simulator sees it; regressions start from the clock's time now.
    void setClock(Clock clock);
    // Delivers every closed interval since the last delivery; runs on a timer once started.
    void start();
    void tick();

private:
    QList<MetricBatch> simulate(const GuardrailWatch &watch, qint64 afterMs, qint64 untilMs);
    double factorFor(const GuardrailWatch &watch, const QString &variationId, const QString &metric,
                     qint64 timeMs) const;
    qint64 lastClosedInterval() const;

    Options m_options;
    Clock m_clock;
    qint64 m_regressionsFromMs = 0;
    std::mt19937_64 m_random;
    QList<InjectedRegression> m_regressions;
    QHash<FlagRef, GuardrailWatch> m_watches;
    QHash<FlagRef, qint64> m_delivered; // end of the last interval delivered per flag
    QTimer m_timer;
};
