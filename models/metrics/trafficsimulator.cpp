#include "trafficsimulator.h"

#include "trafficmodel.h"

#include "../connectors/sandbox/sandboxdatabase.h"
#include "../store/contractlibrary.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

#include <cmath>

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TrafficSimulator)
};
} // namespace

Result<InjectedRegression> InjectedRegression::parse(const QString &text)
{
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    const QStringList parts = text.left(at).split(QLatin1Char(':'));
    if (parts.size() != 4 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty())
        return Result<InjectedRegression>::failure(
            Text::tr("a regression is FLAG:VARIATION:METRIC:FACTOR[@SECONDS], e.g. "
                     "chat-model-route:distilled_small:p95_latency:1.4; got \"%1\"")
                .arg(text));
    double afterSeconds = 0;
    if (at >= 0) {
        bool ok = false;
        afterSeconds = text.mid(at + 1).toDouble(&ok);
        if (!ok || afterSeconds < 0 || !std::isfinite(afterSeconds))
            return Result<InjectedRegression>::failure(
                Text::tr("a regression starts @SECONDS after the start, a number such as 120; got \"%1\"")
                    .arg(text.mid(at + 1)));
    }
    bool ok = false;
    const double factor = parts[3].toDouble(&ok);
    if (!ok || factor <= 0 || !std::isfinite(factor))
        return Result<InjectedRegression>::failure(
            Text::tr("the factor of a regression is a positive number such as 1.4; got \"%1\"").arg(parts[3]));
    return InjectedRegression{parts[0], parts[1], parts[2], factor, qint64(afterSeconds * 1000)};
}

Result<void> InjectedRegression::checkOnSandbox(const QList<Contract> &teamContracts) const
{
    // The flags as the sandbox seeds them: what a new sandbox holds, read the way it reads them.
    QFile seedFile(QStringLiteral(":/sandbox/seed.json"));
    if (!seedFile.open(QIODevice::ReadOnly))
        return Result<void>::failure(Text::tr("the sandbox seed data is missing from this build"));
    const Result<QMap<QString, QList<Flag>>> seed = SandboxDatabase::readSeed(seedFile.readAll());
    if (!seed)
        return Result<void>::failure(seed.error());
    QStringList keys;
    QStringList variations;
    bool variationFound = false;
    for (const QList<Flag> &flags : seed.value()) {
        for (const Flag &flag : flags) {
            if (!keys.contains(flag.key))
                keys.append(flag.key);
            if (flag.key != flagKey)
                continue;
            for (const Variation &known : flag.variations) {
                if (!variations.contains(known.id))
                    variations.append(known.id);
                variationFound = variationFound || variation == known.id || variation == known.name;
            }
        }
    }
    if (!keys.contains(flagKey))
        return Result<void>::failure(Text::tr("the sandbox has no flag \"%1\" to regress; its flags are %2")
                                         .arg(flagKey, keys.join(QStringLiteral(", "))));
    if (!variationFound)
        return Result<void>::failure(Text::tr("%1 has no variation \"%2\" on the sandbox; its variations are %3")
                                         .arg(flagKey, variation, variations.join(QStringLiteral(", "))));

    // The simulator makes up only the metrics a contract of the flag watches.
    const ContractSet own = loadContractFolder(QStringLiteral(":/contracts"));
    QStringList metrics;
    for (const QList<Contract> *contracts : {&own.contracts, &teamContracts}) {
        for (const Contract &contract : *contracts) {
            if (contract.flagKey != flagKey)
                continue;
            for (const ContractGuardrail &guardrail : contract.guardrails) {
                if (!metrics.contains(guardrail.metric))
                    metrics.append(guardrail.metric);
            }
        }
    }
    if (metrics.isEmpty())
        return Result<void>::failure(
            Text::tr("no contract of %1 names a guardrail, so the sandbox simulates no metric for it").arg(flagKey));
    if (!metrics.contains(metric))
        return Result<void>::failure(Text::tr("the sandbox simulates no metric \"%1\" for %2; its guardrail metrics are %3")
                                         .arg(metric, flagKey, metrics.join(QStringLiteral(", "))));
    return {};
}

TrafficSimulator::TrafficSimulator(QObject *parent)
    : TrafficSimulator(Options(), parent)
{
}

TrafficSimulator::TrafficSimulator(Options options, QObject *parent)
    : MetricSource(parent)
    , m_options(options)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_regressionsFromMs(m_clock())
    , m_random(options.seed)
{
    m_timer.setInterval(m_options.stepMs);
    connect(&m_timer, &QTimer::timeout, this, &TrafficSimulator::tick);
}

void TrafficSimulator::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_regressionsFromMs = m_clock();
}

void TrafficSimulator::addRegression(const InjectedRegression &regression)
{
    m_regressions.append(regression);
}

void TrafficSimulator::start()
{
    m_timer.start();
}

qint64 TrafficSimulator::lastClosedInterval() const
{
    const qint64 now = m_clock();
    return now - now % m_options.stepMs;
}

void TrafficSimulator::setWatches(const QList<GuardrailWatch> &watches)
{
    QHash<FlagRef, GuardrailWatch> next;
    QList<MetricBatch> backfill;
    const qint64 until = lastClosedInterval();
    for (const GuardrailWatch &watch : watches) {
        next.insert(watch.flag, watch);
        if (m_delivered.contains(watch.flag))
            continue;
        // First sight of the flag: its recent past, as far as its current rollout goes back.
        const qint64 earliest = until - qint64(m_options.backfillIntervals) * m_options.stepMs;
        const qint64 windowStart = watch.windowStartMs - watch.windowStartMs % m_options.stepMs;
        backfill += simulate(watch, std::max(earliest, windowStart), until);
        m_delivered.insert(watch.flag, until);
    }
    m_watches = next;
    for (auto it = m_delivered.begin(); it != m_delivered.end();) {
        if (m_watches.contains(it.key()))
            ++it;
        else
            it = m_delivered.erase(it);
    }
    if (!backfill.isEmpty())
        Q_EMIT samplesArrived(backfill);
}

void TrafficSimulator::tick()
{
    const qint64 until = lastClosedInterval();
    QList<MetricBatch> batches;
    for (auto it = m_watches.cbegin(); it != m_watches.cend(); ++it) {
        qint64 &delivered = m_delivered[it.key()];
        if (delivered >= until)
            continue;
        batches += simulate(*it, delivered, until);
        delivered = until;
    }
    if (!batches.isEmpty())
        Q_EMIT samplesArrived(batches);
}

double TrafficSimulator::factorFor(const GuardrailWatch &watch, const QString &variationId, const QString &metric,
                                   qint64 timeMs) const
{
    if (timeMs <= m_regressionsFromMs)
        return 1;
    double factor = 1;
    for (const InjectedRegression &regression : m_regressions) {
        const bool variationMatches = regression.variation == variationId
                                      || regression.variation == watch.variantLabels.value(variationId);
        if (regression.flagKey == watch.flag.key && regression.metric == metric && variationMatches
            && timeMs > m_regressionsFromMs + regression.afterMs)
            factor *= regression.factor;
    }
    return factor;
}

QList<MetricBatch> TrafficSimulator::simulate(const GuardrailWatch &watch, qint64 afterMs, qint64 untilMs)
{
    QList<MetricBatch> batches;
    if (untilMs <= afterMs)
        return batches;
    const double perSecond = watch.flag.environment == QLatin1String("production")
                                 ? m_options.productionRequestsPerSecond
                                 : m_options.otherRequestsPerSecond;
    QList<MetricProfile> profiles;
    for (const ContractGuardrail &guardrail : watch.guardrails)
        profiles.append(MetricProfile::forGuardrail(guardrail));

    std::normal_distribution<double> normal;
    for (const VariationShare &share : watch.expected.shares()) {
        if (share.basisPoints <= 0)
            continue;
        MetricBatch requests{watch.flag, RequestsMetric, share.variationId, {}};
        QList<MetricBatch> values;
        for (const ContractGuardrail &guardrail : watch.guardrails)
            values.append({watch.flag, guardrail.metric, share.variationId, {}});
        batches.append(requests);
        batches += values;
    }
    // Interval by interval, so every arm of an interval shares its load swing.
    const int arms = int(batches.size()) / (1 + int(profiles.size()));
    for (qint64 time = afterMs + m_options.stepMs; time <= untilMs; time += m_options.stepMs) {
        const double load = std::exp(0.05 * normal(m_random));
        for (int arm = 0; arm < arms; ++arm) {
            MetricBatch &requests = batches[arm * (1 + profiles.size())];
            const double share = watch.expected.basisPointsOf(requests.variationId) / double(Rollout::TotalBasisPoints);
            std::poisson_distribution<long long> arrivals(perSecond * share * m_options.stepMs / 1000.0);
            const double count = double(arrivals(m_random));
            requests.samples.append({time, count});
            for (int g = 0; g < profiles.size(); ++g) {
                MetricBatch &batch = batches[arm * (1 + profiles.size()) + 1 + g];
                const double factor = factorFor(watch, batch.variationId, batch.metric, time);
                const double value = profiles[g].sample(count, factor, load, m_random);
                if (std::isfinite(value))
                    batch.samples.append({time, value});
            }
        }
    }
    return batches;
}
