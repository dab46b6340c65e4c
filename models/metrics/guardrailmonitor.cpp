#include "guardrailmonitor.h"

#include "sequentialsrm.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(GuardrailMonitor)
};

using Series = GuardrailMonitor::Series;

const MetricSample *sampleAt(const Series &series, qint64 timeMs)
{
    const auto it = std::lower_bound(series.cbegin(), series.cend(), timeMs,
                                     [](const MetricSample &sample, qint64 time) { return sample.timeMs < time; });
    return it != series.cend() && it->timeMs == timeMs ? &*it : nullptr;
}

Series::const_iterator firstFrom(const Series &series, qint64 timeMs)
{
    return std::lower_bound(series.cbegin(), series.cend(), timeMs,
                            [](const MetricSample &sample, qint64 time) { return sample.timeMs < time; });
}

// Walks a series forward in step with another: each lookup starts where the last one ended.
class Cursor
{
public:
    explicit Cursor(const Series *series) : m_series(series) {}

    const MetricSample *at(qint64 timeMs)
    {
        if (!m_series)
            return nullptr;
        while (m_next < m_series->size() && (*m_series)[m_next].timeMs < timeMs)
            ++m_next;
        return m_next < m_series->size() && (*m_series)[m_next].timeMs == timeMs ? &(*m_series)[m_next] : nullptr;
    }
    // An arm with too little traffic in the interval says nothing; without counts every interval counts.
    bool enoughTraffic(qint64 timeMs, int minimum)
    {
        if (!m_series)
            return true;
        const MetricSample *count = at(timeMs);
        return count && count->value >= minimum;
    }

private:
    const Series *m_series;
    qsizetype m_next = 0;
};

QString number(double value)
{
    return QLocale().toString(value, 'g', 4);
}

QString signedPercent(double fraction)
{
    const QString text = QLocale().toString(std::abs(fraction) * 100, 'f', 1);
    return (fraction < 0 ? QStringLiteral("−") : QStringLiteral("+")) + text + QLatin1Char('%');
}

// alpha: this test's share of the flag's false-alarm rate.
GuardrailResult judge(const GuardrailWatch &watch, const ContractGuardrail &guardrail, const QString &candidateId,
                      const QHash<QString, Series> &byVariation, const QHash<QString, Series> &requests,
                      const GuardrailMonitor::Options &options, double alpha)
{
    GuardrailResult result;
    result.guardrail = guardrail;
    result.candidateId = candidateId;
    const QString candidateName = watch.variantLabels.value(candidateId, candidateId);
    const QString controlName = watch.variantLabels.value(watch.controlId, watch.controlId);

    const auto candidateIt = byVariation.constFind(candidateId);
    const auto controlIt = byVariation.constFind(watch.controlId);
    if (candidateIt == byVariation.cend() || controlIt == byVariation.cend()) {
        result.reason = Text::tr("%1: no data for %2").arg(guardrail.metric, candidateIt == byVariation.cend()
                                                                                   ? candidateName
                                                                                   : controlName);
        return result;
    }
    const Series &candidate = *candidateIt;
    const Series &control = *controlIt;
    const auto countsIt = requests.constFind(candidateId);
    const auto controlCountsIt = requests.constFind(watch.controlId);
    Cursor candidateCounts(countsIt == requests.cend() ? nullptr : &*countsIt);
    Cursor controlCounts(controlCountsIt == requests.cend() ? nullptr : &*controlCountsIt);
    Cursor controlValues(&control);

    const bool lowerIsBetter = guardrail.direction == ContractGuardrail::Direction::LowerIsBetter;
    PairedSequentialTest test({alpha, options.tuningSamples, options.minimumSamples});
    // The candidate's level less the threshold: beyond it when the interval is wholly past zero.
    PairedSequentialTest level({alpha, options.tuningSamples, options.minimumSamples});
    double controlSum = 0;
    for (auto it = firstFrom(candidate, watch.windowStartMs); it != candidate.cend(); ++it) {
        const MetricSample *paired = controlValues.at(it->timeMs);
        if (!paired || !std::isfinite(it->value) || !std::isfinite(paired->value)
            || !candidateCounts.enoughTraffic(it->timeMs, options.minimumRequestsPerInterval)
            || !controlCounts.enoughTraffic(it->timeMs, options.minimumRequestsPerInterval))
            continue;
        test.add(it->timeMs, it->value - paired->value);
        if (guardrail.threshold)
            level.add(it->timeMs, it->value - *guardrail.threshold);
        controlSum += paired->value;
        if (test.hasInterval())
            result.controlMeans.append(controlSum / test.samples());
    }
    result.difference = test.current();
    result.history = test.history();
    result.controlMean = test.samples() > 0 ? controlSum / test.samples() : 0;
    if (guardrail.threshold && level.hasInterval()) {
        DifferenceEstimate candidateLevel = level.current();
        candidateLevel.estimate += *guardrail.threshold;
        candidateLevel.lower += *guardrail.threshold;
        candidateLevel.upper += *guardrail.threshold;
        result.candidateLevel = candidateLevel;
        result.thresholdBreached = lowerIsBetter ? level.highestLower() > 0 : level.lowestUpper() < 0;
    }
    const auto relative = [&](double value) {
        return result.controlMean != 0 ? signedPercent(value / std::abs(result.controlMean)) : number(value);
    };

    if (result.thresholdBreached) {
        const DifferenceEstimate &at = *result.candidateLevel;
        result.verdict = GuardrailVerdict::Regressed;
        result.reason = Text::tr("%1: %2 at %3 (%4 to %5), beyond the threshold %6, %n interval(s)", nullptr, at.samples)
                            .arg(guardrail.metric, candidateName, number(at.estimate), number(at.lower),
                                 number(at.upper), number(*guardrail.threshold));
        return result;
    }
    if (test.hasInterval()) {
        const DifferenceEstimate &d = result.difference;
        // Any look at which the interval lay wholly on the worse side decides it.
        const bool crossed = lowerIsBetter ? test.highestLower() > 0 : test.lowestUpper() < 0;
        // Worth a closer look: a looser interval, now, already on the worse side.
        const double looser =
            confidenceSequenceHalfWidth(test.standardDeviation(), test.samples(),
                                        GuardrailMonitor::WatchingAlpha * alpha / options.alpha, options.tuningSamples);
        const bool suggestive = lowerIsBetter ? d.estimate - looser > 0 : d.estimate + looser < 0;
        // Safe to widen only when the worse end is within the tolerance; a wider interval is no
        // regression, but no evidence of its absence either.
        result.toleranceMargin = guardrail.toleranceOrDefault() * std::abs(result.controlMean);
        const bool within = worseEndWithin(d, result.toleranceMargin, lowerIsBetter);
        result.verdict = crossed      ? GuardrailVerdict::Regressed
                         : suggestive ? GuardrailVerdict::Watching
                         : within     ? GuardrailVerdict::Healthy
                                      : GuardrailVerdict::NotEnoughEvidence;
        result.reason = Text::tr("%1: %2 %3 against %4 (%5 to %6), %n paired interval(s)", nullptr, d.samples)
                            .arg(guardrail.metric, candidateName, relative(d.estimate), controlName,
                                 relative(d.lower), relative(d.upper));
        if (result.verdict == GuardrailVerdict::NotEnoughEvidence)
            result.reason = Text::tr("%1; not enough evidence yet: the interval reaches beyond the tolerance of %2")
                                .arg(result.reason, QLocale().toString(guardrail.toleranceOrDefault() * 100, 'g', 3)
                                                        + QLatin1Char('%'));
        return result;
    }
    result.verdict = GuardrailVerdict::NotEnoughData;
    result.reason = Text::tr("%1: %2 of %3 paired intervals with enough traffic")
                        .arg(guardrail.metric)
                        .arg(test.samples())
                        .arg(options.minimumSamples);
    return result;
}

// Exposure counts since the window opened against the shares the rollout promises.
void checkSampleRatio(const GuardrailWatch &watch, const QHash<QString, Series> &requests, FlagHealth &health)
{
    QStringList ids;
    QList<double> shares;
    for (const VariationShare &share : watch.expected.shares()) {
        ids.append(share.variationId);
        shares.append(share.basisPoints);
    }
    for (auto it = requests.cbegin(); it != requests.cend(); ++it) {
        if (!ids.contains(it.key())) { // traffic for a variation the rollout does not serve
            ids.append(it.key());
            shares.append(0);
        }
    }
    if (ids.size() < 2)
        return;

    // Walk the intervals in time order so the p-value is the smallest seen, as the test requires.
    QList<qint64> times;
    for (const QString &id : ids) {
        const Series &series = requests.value(id);
        for (auto it = firstFrom(series, watch.windowStartMs); it != series.cend(); ++it)
            times.append(it->timeMs);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());

    SequentialSrm srm(shares);
    QList<double> counts(ids.size(), 0.0);
    for (qint64 time : std::as_const(times)) {
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const auto seriesIt = requests.constFind(ids[i]);
            if (seriesIt == requests.cend())
                continue;
            if (const MetricSample *sample = sampleAt(*seriesIt, time))
                counts[i] += sample->value;
        }
        srm.update(counts);
    }
    health.srmPValue = srm.pValue();
    health.srmMismatch = srm.mismatch();
    if (!health.srmMismatch)
        return;
    double total = 0;
    for (double count : std::as_const(counts))
        total += count;
    QStringList parts;
    for (qsizetype i = 0; i < ids.size() && total > 0; ++i) {
        parts.append(Text::tr("%1 got %2 (promised %3)")
                         .arg(watch.variantLabels.value(ids[i], ids[i]),
                              Rollout::formatPercent(int(std::round(counts[i] / total * Rollout::TotalBasisPoints))),
                              Rollout::formatPercent(int(shares[i]))));
    }
    health.srmText = Text::tr("sample ratio mismatch (p < %1): %2; the comparison cannot be trusted")
                         .arg(SequentialSrm::MismatchPValue)
                         .arg(parts.join(QStringLiteral(", ")));
}

} // namespace

GuardrailMonitor::GuardrailMonitor(QObject *parent)
    : GuardrailMonitor(Options(), parent)
{
}

GuardrailMonitor::GuardrailMonitor(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
}

FlagHealth GuardrailMonitor::evaluate(const GuardrailWatch &watch, const QHash<QString, QHash<QString, Series>> &series,
                                      const Options &options)
{
    FlagHealth health;
    const QHash<QString, Series> requests = series.value(RequestsMetric);
    const QStringList candidates = watch.candidateIds();
    const QString controlName = watch.variantLabels.value(watch.controlId, watch.controlId);
    if (candidates.isEmpty()) {
        health.summary = Text::tr("only %1 is served: nothing to compare").arg(controlName);
        return health;
    }
    if (watch.expected.basisPointsOf(watch.controlId) == 0) {
        health.summary = Text::tr("the control %1 is not served: nothing to compare it with").arg(controlName);
        return health;
    }
    int tests = 0;
    for (const ContractGuardrail &guardrail : watch.guardrails)
        tests += int(candidates.size()) * (guardrail.threshold ? 2 : 1);
    const double alpha = options.alpha / std::max(1, tests);
    for (const ContractGuardrail &guardrail : watch.guardrails) {
        const QHash<QString, Series> byVariation = series.value(guardrail.metric);
        for (const QString &candidate : candidates) {
            health.results.append(judge(watch, guardrail, candidate, byVariation, requests, options, alpha));
            health.verdict = std::max(health.verdict, health.results.constLast().verdict);
        }
    }
    checkSampleRatio(watch, requests, health);
    if (health.srmMismatch)
        health.verdict = std::max(health.verdict, GuardrailVerdict::Watching);

    // The summary names what needs attention first.
    const GuardrailResult *worst = nullptr;
    for (const GuardrailResult &result : std::as_const(health.results)) {
        if (!worst || result.verdict > worst->verdict)
            worst = &result;
    }
    if (health.srmMismatch && (!worst || worst->verdict < GuardrailVerdict::Regressed))
        health.summary = health.srmText;
    else if (worst)
        health.summary = worst->reason;
    return health;
}

void GuardrailMonitor::setWatches(const QList<GuardrailWatch> &watches)
{
    QSet<FlagRef> kept;
    for (const GuardrailWatch &watch : watches) {
        kept.insert(watch.flag);
        Monitored &monitored = m_flags[watch.flag];
        const GuardrailWatch &old = monitored.watch;
        if (old.windowStartMs != watch.windowStartMs || old.controlId != watch.controlId
            || old.expected != watch.expected)
            monitored.reported.clear(); // a new window: its regressions are news again
        const bool compares = !watch.candidateIds().isEmpty() && watch.expected.basisPointsOf(watch.controlId) > 0;
        if (compares) {
            monitored.ended.reset();
        } else if (!monitored.ended && !monitored.health.results.isEmpty()) {
            monitored.ended = monitored.health; // judged on the old watch: what it compared until now
            monitored.endedChangeMs = watch.windowStartMs;
        }
        monitored.watch = watch;
    }
    for (auto it = m_flags.begin(); it != m_flags.end();) {
        if (kept.contains(it.key()))
            ++it;
        else
            it = m_flags.erase(it);
    }
    for (const FlagRef &ref : std::as_const(kept))
        reevaluate(ref);
}

QList<GuardrailWatch> GuardrailMonitor::watches() const
{
    QList<GuardrailWatch> watches;
    for (const Monitored &monitored : m_flags)
        watches.append(monitored.watch);
    return watches;
}

void GuardrailMonitor::addSamples(const QList<MetricBatch> &batches)
{
    QSet<FlagRef> touched;
    for (const MetricBatch &batch : batches) {
        const auto flagIt = m_flags.find(batch.flag);
        if (flagIt == m_flags.end() || batch.samples.isEmpty())
            continue;
        if (batch.mixedEnvironments)
            flagIt->mixed.insert(batch.metric);
        else
            flagIt->mixed.remove(batch.metric);
        Series &series = flagIt->series[batch.metric][batch.variationId];
        for (const MetricSample &sample : batch.samples) {
            if (series.isEmpty() || series.constLast().timeMs < sample.timeMs) {
                series.append(sample);
                continue;
            }
            const auto at = std::lower_bound(series.begin(), series.end(), sample.timeMs,
                                             [](const MetricSample &s, qint64 time) { return s.timeMs < time; });
            if (at != series.end() && at->timeMs == sample.timeMs)
                at->value = sample.value; // a source may revise an interval it delivered early
            else
                series.insert(at, sample);
        }
        const qint64 oldest = series.constLast().timeMs - m_options.retentionMs;
        series.erase(series.begin(), std::lower_bound(series.begin(), series.end(), oldest,
                                                      [](const MetricSample &s, qint64 time) { return s.timeMs < time; }));
        touched.insert(batch.flag);
    }
    reevaluate(touched.values());
}

const GuardrailWatch *GuardrailMonitor::watch(const FlagRef &ref) const
{
    const auto it = m_flags.constFind(ref);
    return it == m_flags.cend() ? nullptr : &it->watch;
}

FlagHealth GuardrailMonitor::health(const FlagRef &ref) const
{
    return m_flags.value(ref).health;
}

std::optional<GuardrailMonitor::EndedComparison> GuardrailMonitor::endedComparison(const FlagRef &ref) const
{
    const auto it = m_flags.constFind(ref);
    if (it == m_flags.cend() || !it->ended)
        return std::nullopt;
    // The second latest of the variations' last intervals with traffic: the last one in which two
    // variations were served side by side. Exposure counts say it best; without them, any metric.
    const auto endOfTwo = [](const QHash<QString, Series> &byVariation, bool counts) -> qint64 {
        QList<qint64> lastServed;
        for (const Series &series : byVariation) {
            for (auto sample = series.crbegin(); sample != series.crend(); ++sample) {
                if (counts ? sample->value >= 1 : std::isfinite(sample->value)) {
                    lastServed.append(sample->timeMs);
                    break;
                }
            }
        }
        if (lastServed.size() < 2)
            return 0;
        std::sort(lastServed.begin(), lastServed.end(), std::greater<>());
        return lastServed.at(1);
    };
    qint64 endedMs = endOfTwo(it->series.value(RequestsMetric), true);
    for (auto metric = it->series.cbegin(); endedMs == 0 && metric != it->series.cend(); ++metric)
        endedMs = std::max(endedMs, endOfTwo(metric.value(), false));
    return EndedComparison{*it->ended, endedMs > 0 ? endedMs : it->endedChangeMs};
}

QHash<QString, QHash<QString, Series>> GuardrailMonitor::series(const FlagRef &ref) const
{
    return m_flags.value(ref).series;
}

void GuardrailMonitor::reevaluate(const FlagRef &ref)
{
    const auto it = std::as_const(m_flags).constFind(ref);
    if (it != m_flags.cend())
        publish(ref, evaluate(it->watch, it->series, m_options));
}

void GuardrailMonitor::reevaluate(const QList<FlagRef> &refs)
{
    // A step of a few hundred flags is judged on every core: each judgement reads only its own
    // flag's data, and nothing changes the flags until all are done.
    constexpr qsizetype PerThreadAtLeast = 32;
    const qsizetype threads = std::min<qsizetype>(std::max(1u, std::thread::hardware_concurrency()),
                                                  refs.size() / PerThreadAtLeast);
    if (threads < 2) {
        for (const FlagRef &ref : refs)
            reevaluate(ref);
        return;
    }
    QList<std::optional<FlagHealth>> healths(refs.size());
    const auto judgeFrom = [this, &refs, &healths, threads](qsizetype first) {
        for (qsizetype i = first; i < refs.size(); i += threads) {
            const auto it = std::as_const(m_flags).constFind(refs[i]);
            if (it != m_flags.cend())
                healths[i] = evaluate(it->watch, it->series, m_options);
        }
    };
    {
        std::vector<std::jthread> workers;
        for (qsizetype first = 1; first < threads; ++first)
            workers.emplace_back(judgeFrom, first);
        judgeFrom(0);
    }
    for (qsizetype i = 0; i < refs.size(); ++i) {
        if (healths[i])
            publish(refs[i], std::move(*healths[i]));
    }
}

void GuardrailMonitor::publish(const FlagRef &ref, FlagHealth health)
{
    const auto it = m_flags.find(ref);
    if (it == m_flags.end())
        return;
    it->health = std::move(health);
    if (!it->mixed.isEmpty())
        markMixedEnvironments(it->health);
    QList<GuardrailResult> newlyRegressed;
    for (const GuardrailResult &result : std::as_const(it->health.results)) {
        const QString key = result.guardrail.metric + QLatin1Char('\n') + result.candidateId;
        if (result.verdict == GuardrailVerdict::Regressed && !it->reported.contains(key)) {
            it->reported.insert(key);
            newlyRegressed.append(result);
        }
    }
    Q_EMIT healthChanged(ref);
    for (const GuardrailResult &result : std::as_const(newlyRegressed))
        Q_EMIT regressionDetected(ref, result);
}
