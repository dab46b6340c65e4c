#include "metrics/guardrailmonitor.h"
#include "metrics/prometheussource.h"
#include "metrics/trafficsimulator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace {

const qint64 Start = 1763700000000; // a whole second

ContractGuardrail guardrail(const QString &metric, std::optional<double> threshold, const QString &rule = {},
                            ContractGuardrail::Direction direction = ContractGuardrail::Direction::LowerIsBetter)
{
    ContractGuardrail g;
    g.metric = metric;
    g.threshold = threshold;
    g.rule = rule;
    g.direction = direction;
    return g;
}

GuardrailWatch watchOf(int candidateBasisPoints, qint64 windowStartMs = 0)
{
    GuardrailWatch watch;
    watch.flag = {QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("chat-model-route")};
    watch.controlId = QStringLiteral("small");
    watch.expected = Rollout({{QStringLiteral("small"), Rollout::TotalBasisPoints - candidateBasisPoints},
                              {QStringLiteral("large"), candidateBasisPoints}});
    watch.guardrails = {guardrail(QStringLiteral("p95_latency"), 1500, QStringLiteral("sequential")),
                        guardrail(QStringLiteral("escalation_rate"), 0.05)};
    watch.windowStartMs = windowStartMs;
    watch.variantLabels = {{QStringLiteral("small"), QStringLiteral("frontier-small")},
                           {QStringLiteral("large"), QStringLiteral("frontier-large")}};
    return watch;
}

// A monitor fed by a simulator on a clock the test moves.
struct Rig
{
    explicit Rig(int backfillIntervals = 300)
    {
        TrafficSimulator::Options options;
        options.seed = 5;
        options.backfillIntervals = backfillIntervals;
        simulator = std::make_unique<TrafficSimulator>(options);
        simulator->setClock([this] { return now; });
        QObject::connect(simulator.get(), &MetricSource::samplesArrived, &monitor, &GuardrailMonitor::addSamples);
    }
    void watch(const GuardrailWatch &w)
    {
        monitor.setWatches({w});
        simulator->setWatches({w});
    }
    void advance(int seconds)
    {
        for (int i = 0; i < seconds; ++i) {
            now += 1000;
            simulator->tick();
        }
    }
    const GuardrailResult *result(const QString &metric) const
    {
        const FlagRef ref = watchOf(0).flag;
        health = monitor.health(ref);
        for (const GuardrailResult &r : std::as_const(health.results)) {
            if (r.guardrail.metric == metric)
                return &r;
        }
        return nullptr;
    }

    qint64 now = Start;
    GuardrailMonitor monitor;
    std::unique_ptr<TrafficSimulator> simulator;
    mutable FlagHealth health;
};

} // namespace

Q_DECLARE_METATYPE(std::optional<double>)

class TestGuardrailMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aHealthySandboxFlagHasAVerdictFromItsBackfill()
    {
        Rig rig;
        rig.watch(watchOf(5000));
        const FlagRef ref = watchOf(0).flag;
        const auto series = rig.monitor.series(ref);
        QCOMPARE(series.value(QStringLiteral("p95_latency")).value(QStringLiteral("large")).size(), 300);
        QCOMPARE(series.value(RequestsMetric).size(), 2);
        const GuardrailResult *latency = rig.result(QStringLiteral("p95_latency"));
        QVERIFY(latency);
        QVERIFY2(latency->verdict == GuardrailVerdict::Healthy || latency->verdict == GuardrailVerdict::Watching,
                 qPrintable(latency->reason));
        QVERIFY(latency->difference.lower < 0 && latency->difference.upper > 0);
        QCOMPARE(latency->history.size(), 300 - 20 + 1);
        const GuardrailResult *escalations = rig.result(QStringLiteral("escalation_rate"));
        QVERIFY(escalations->verdict == GuardrailVerdict::Healthy || escalations->verdict == GuardrailVerdict::Watching);
        QVERIFY(!escalations->thresholdBreached);
        QVERIFY(escalations->candidateLevel->upper < 0.05);
        QVERIFY(!rig.health.srmMismatch);
        QVERIFY(rig.health.verdict != GuardrailVerdict::Regressed);
    }

    void anInjectedRegressionPullsAwayAndIsToldOnce()
    {
        Rig rig;
        rig.simulator->addRegression(InjectedRegression::parse(QStringLiteral("chat-model-route:frontier-large:p95_latency:1.3")).value());
        QSignalSpy regressions(&rig.monitor, &GuardrailMonitor::regressionDetected);
        rig.watch(watchOf(500));
        QCOMPARE(regressions.size(), 0); // the backfill is from before the regression started
        rig.advance(120);
        QCOMPARE(regressions.size(), 1);
        const auto told = regressions.first().at(1).value<GuardrailResult>();
        QCOMPARE(told.guardrail.metric, QStringLiteral("p95_latency"));
        QCOMPARE(told.candidateId, QStringLiteral("large"));
        const GuardrailResult *latency = rig.result(QStringLiteral("p95_latency"));
        QCOMPARE(latency->verdict, GuardrailVerdict::Regressed);
        QVERIFY(latency->difference.lower > 0);
        QVERIFY2(latency->reason.contains(QStringLiteral("frontier-large +")), qPrintable(latency->reason));
        QCOMPARE(rig.health.verdict, GuardrailVerdict::Regressed);
        QCOMPARE(rig.health.summary, latency->reason);
        rig.advance(30);
        QCOMPARE(regressions.size(), 1);
    }

    // Healthy means safe to widen: the interval's worse end within the tolerance. Paired
    // differences alternate ±spread around shift, against a control at 1000.
    void healthyOnlyWhenTheWorseEndIsWithinTheTolerance_data()
    {
        QTest::addColumn<double>("spread");
        QTest::addColumn<double>("shift");
        QTest::addColumn<std::optional<double>>("tolerance");
        QTest::addColumn<GuardrailVerdict>("verdict");
        QTest::newRow("narrow, equal") << 5.0 << 0.0 << std::optional<double>() << GuardrailVerdict::Healthy;
        QTest::newRow("wide, equal") << 200.0 << 0.0 << std::optional<double>() << GuardrailVerdict::NotEnoughEvidence;
        QTest::newRow("wide, worse, no regression shown")
            << 300.0 << 68.0 << std::optional<double>() << GuardrailVerdict::NotEnoughEvidence;
        QTest::newRow("wide, within a looser tolerance") << 200.0 << 0.0 << std::optional<double>(0.5) << GuardrailVerdict::Healthy;
        QTest::newRow("narrow, 3% worse, 5% tolerance") << 5.0 << 30.0 << std::optional<double>() << GuardrailVerdict::Regressed;
        QTest::newRow("narrow, better") << 5.0 << -30.0 << std::optional<double>(0.0) << GuardrailVerdict::Healthy;
    }
    void healthyOnlyWhenTheWorseEndIsWithinTheTolerance()
    {
        QFETCH(double, spread);
        QFETCH(double, shift);
        QFETCH(std::optional<double>, tolerance);
        QFETCH(GuardrailVerdict, verdict);
        GuardrailWatch watch = watchOf(5000);
        watch.guardrails = {guardrail(QStringLiteral("p95_latency"), std::nullopt, QStringLiteral("sequential"))};
        watch.guardrails.first().tolerance = tolerance;
        QHash<QString, QHash<QString, GuardrailMonitor::Series>> series;
        for (int i = 0; i < 40; ++i) {
            const qint64 time = Start + i * 1000;
            series[QStringLiteral("p95_latency")][QStringLiteral("small")].append({time, 1000});
            series[QStringLiteral("p95_latency")][QStringLiteral("large")].append({time, 1000 + shift + (i % 2 ? spread : -spread)});
        }
        const FlagHealth health = GuardrailMonitor::evaluate(watch, series, GuardrailMonitor::Options());
        QCOMPARE(health.results.size(), 1);
        const GuardrailResult &result = health.results.first();
        QCOMPARE(result.verdict, verdict);
        QCOMPARE(result.toleranceMargin, tolerance.value_or(ContractGuardrail::DefaultTolerance) * 1000);
        if (verdict == GuardrailVerdict::NotEnoughEvidence)
            QVERIFY2(result.reason.contains(QStringLiteral("not enough evidence yet")), qPrintable(result.reason));
        const QJsonObject json = flagHealthToJson(health).value(QStringLiteral("results")).toArray().first().toObject();
        QCOMPARE(json.value(QStringLiteral("verdict")).toString(), verdictName(verdict));
        QCOMPARE(json.value(QStringLiteral("tolerance")).toDouble(), tolerance.value_or(ContractGuardrail::DefaultTolerance));
    }

    void aThresholdBreachIsARegressionOnceItIsBeyondNoise()
    {
        Rig rig(0);
        rig.simulator->addRegression({QStringLiteral("chat-model-route"), QStringLiteral("large"),
                                      QStringLiteral("escalation_rate"), 4.0});
        rig.watch(watchOf(5000, Start));
        rig.advance(19);
        QCOMPARE(rig.result(QStringLiteral("escalation_rate"))->verdict, GuardrailVerdict::NotEnoughData);
        rig.advance(1);
        const GuardrailResult *escalations = rig.result(QStringLiteral("escalation_rate"));
        QCOMPARE(escalations->verdict, GuardrailVerdict::Regressed);
        QVERIFY(escalations->thresholdBreached);
        QVERIFY(escalations->candidateLevel->lower > 0.05);
        QVERIFY2(escalations->reason.contains(QStringLiteral("beyond the threshold 0.05")), qPrintable(escalations->reason));
    }

    void aNewRolloutOpensANewWindow()
    {
        Rig rig;
        rig.simulator->addRegression({QStringLiteral("chat-model-route"), QStringLiteral("large"),
                                      QStringLiteral("p95_latency"), 1.3});
        QSignalSpy regressions(&rig.monitor, &GuardrailMonitor::regressionDetected);
        rig.watch(watchOf(500));
        rig.advance(120);
        QCOMPARE(regressions.size(), 1);
        rig.watch(watchOf(2000, rig.now));
        QCOMPARE(rig.result(QStringLiteral("p95_latency"))->verdict, GuardrailVerdict::NotEnoughData);
        QVERIFY(!rig.monitor.series(watchOf(0).flag).value(QStringLiteral("p95_latency")).isEmpty()); // the chart keeps it
        rig.advance(120);
        QCOMPARE(rig.result(QStringLiteral("p95_latency"))->verdict, GuardrailVerdict::Regressed);
        QCOMPARE(regressions.size(), 2);
    }

    void onlyTheControlServedHasNothingToCompare()
    {
        Rig rig;
        GuardrailWatch watch = watchOf(0);
        watch.expected = Rollout::everyoneGets(QStringLiteral("small"));
        rig.watch(watch);
        const FlagHealth health = rig.monitor.health(watch.flag);
        QCOMPARE(health.verdict, GuardrailVerdict::NoData);
        QVERIFY(health.results.isEmpty());
        QVERIFY(health.summary.contains(QStringLiteral("nothing to compare")));
    }

    void aKilledFlagKeepsItsLastComparison()
    {
        Rig rig;
        rig.simulator->addRegression({QStringLiteral("chat-model-route"), QStringLiteral("large"),
                                      QStringLiteral("p95_latency"), 1.3});
        rig.watch(watchOf(500));
        rig.advance(120);
        const FlagRef ref = watchOf(0).flag;
        QVERIFY(!rig.monitor.endedComparison(ref)); // it compares
        const qint64 lastCompared = rig.now;
        QCOMPARE(rig.result(QStringLiteral("p95_latency"))->verdict, GuardrailVerdict::Regressed);

        // Killed a little later (the server's clock), then only the control's traffic comes in.
        GuardrailWatch killed = watchOf(0, lastCompared + 400);
        killed.expected = Rollout::everyoneGets(QStringLiteral("small"));
        rig.watch(killed);
        rig.advance(30);
        QVERIFY(rig.monitor.health(ref).results.isEmpty());
        const std::optional<GuardrailMonitor::EndedComparison> ended = rig.monitor.endedComparison(ref);
        QVERIFY(ended);
        // The last interval both variations were served in, as the data says.
        QCOMPARE(ended->endedMs, lastCompared);
        QCOMPARE(ended->health.verdict, GuardrailVerdict::Regressed);
        const auto latency = std::find_if(ended->health.results.cbegin(), ended->health.results.cend(),
                                          [](const GuardrailResult &r) { return r.guardrail.metric == QLatin1String("p95_latency"); });
        QVERIFY(latency != ended->health.results.cend());
        QCOMPARE(latency->verdict, GuardrailVerdict::Regressed);
        QCOMPARE(latency->history.constLast().timeMs, lastCompared);

        // Restored: it compares again, from its new window.
        rig.watch(watchOf(500, rig.now));
        QVERIFY(!rig.monitor.endedComparison(ref));
    }

    void eachLookKnowsTheControlsLevel()
    {
        Rig rig;
        rig.watch(watchOf(5000));
        const GuardrailResult *latency = rig.result(QStringLiteral("p95_latency"));
        QVERIFY(latency);
        QCOMPARE(latency->controlMeans.size(), latency->history.size());
        // The last look is the one the sentence reads: its level is the control's mean.
        QCOMPARE(latency->controlMeans.constLast(), latency->controlMean);
        QVERIFY(latency->controlMeans.constFirst() > 0);
    }

    void exposuresThatBreakTheRolloutAreASampleRatioMismatch()
    {
        GuardrailMonitor monitor;
        GuardrailWatch watch = watchOf(500);
        monitor.setWatches({watch});
        QList<MetricSample> control, candidate, latencyControl, latencyCandidate;
        for (int i = 1; i <= 60; ++i) {
            const qint64 time = Start + i * 1000;
            control.append({time, 900});
            candidate.append({time, 100}); // 10% where 5% was promised
            latencyControl.append({time, 900.0 + (i % 3)});
            latencyCandidate.append({time, 900.0 + (i % 3)});
        }
        monitor.addSamples({{watch.flag, RequestsMetric, QStringLiteral("small"), control},
                            {watch.flag, RequestsMetric, QStringLiteral("large"), candidate},
                            {watch.flag, QStringLiteral("p95_latency"), QStringLiteral("small"), latencyControl},
                            {watch.flag, QStringLiteral("p95_latency"), QStringLiteral("large"), latencyCandidate}});
        const FlagHealth health = monitor.health(watch.flag);
        QVERIFY(health.srmMismatch);
        QVERIFY(health.srmPValue < 0.001);
        QCOMPARE(health.verdict, GuardrailVerdict::Watching);
        QVERIFY2(health.summary.contains(QStringLiteral("frontier-large got 10% (promised 5%)")), qPrintable(health.summary));
    }

    void intervalsWithTooLittleTrafficSayNothing()
    {
        GuardrailMonitor monitor;
        GuardrailWatch watch = watchOf(500);
        monitor.setWatches({watch});
        QList<MetricSample> control, candidate, latencyControl, latencyCandidate;
        for (int i = 1; i <= 60; ++i) {
            const qint64 time = Start + i * 1000;
            control.append({time, 9500});
            candidate.append({time, i % 2 ? 500.0 : 3.0});
            latencyControl.append({time, 900.0 + (i % 3)});
            latencyCandidate.append({time, 900.0 + (i % 5)});
        }
        monitor.addSamples({{watch.flag, RequestsMetric, QStringLiteral("small"), control},
                            {watch.flag, RequestsMetric, QStringLiteral("large"), candidate},
                            {watch.flag, QStringLiteral("p95_latency"), QStringLiteral("small"), latencyControl},
                            {watch.flag, QStringLiteral("p95_latency"), QStringLiteral("large"), latencyCandidate}});
        const FlagHealth health = monitor.health(watch.flag);
        QCOMPARE(health.results.first().difference.samples, 30);
    }

    void aSampleDeliveredAgainReplacesTheFirst()
    {
        GuardrailMonitor monitor;
        GuardrailWatch watch = watchOf(500);
        monitor.setWatches({watch});
        monitor.addSamples({{watch.flag, QStringLiteral("p95_latency"), QStringLiteral("large"),
                             {{Start + 1000, 1.0}, {Start + 3000, 3.0}}}});
        monitor.addSamples({{watch.flag, QStringLiteral("p95_latency"), QStringLiteral("large"),
                             {{Start + 2000, 2.0}, {Start + 3000, 4.0}}}});
        const auto series = monitor.series(watch.flag).value(QStringLiteral("p95_latency")).value(QStringLiteral("large"));
        QCOMPARE(series, (QList<MetricSample>{{Start + 1000, 1.0}, {Start + 2000, 2.0}, {Start + 3000, 4.0}}));
    }

    void regressionsAreWrittenAsFlagVariationMetricFactor()
    {
        const auto good = InjectedRegression::parse(QStringLiteral("f:v:p95_latency:1.5"));
        QVERIFY(good);
        QCOMPARE(good->factor, 1.5);
        for (const char *bad : {"f:v:m", "f:v:m:x", "f:v:m:-1", ":v:m:2", "f:v:m:2:3"}) {
            const auto result = InjectedRegression::parse(QString::fromLatin1(bad));
            QVERIFY2(!result, bad);
            QVERIFY(!result.error().isEmpty());
        }
    }

    void prometheusAnswersAreRead()
    {
        const auto matrix = PrometheusSource::parseAnswer(R"({"status":"success","data":{"resultType":"matrix","result":[
            {"metric":{"feature_flag_result_variant":"on"},"values":[[1763700000,"12.5"],[1763700015.5,"NaN"],[1763700030,"13"]]},
            {"metric":{"feature_flag_result_variant":"off"},"values":[[1763700000,"11"]]}]}})");
        QVERIFY2(matrix, qPrintable(matrix.error()));
        QCOMPARE(matrix->size(), 2);
        QCOMPARE(matrix->at(0).variant, QStringLiteral("on"));
        QCOMPARE(matrix->at(0).samples, (QList<MetricSample>{{1763700000000, 12.5}, {1763700030000, 13}}));

        const auto vector = PrometheusSource::parseAnswer(R"({"status":"success","data":{"resultType":"vector","result":[
            {"metric":{"feature_flag_result_variant":"on"},"value":[1763700045,"7"]}]}})");
        QVERIFY(vector);
        QCOMPARE(vector->at(0).samples, (QList<MetricSample>{{1763700045000, 7}}));

        const auto refused = PrometheusSource::parseAnswer(R"({"status":"error","errorType":"bad_data","error":"parse error at char 4"})");
        QVERIFY(!refused);
        QVERIFY(refused.error().contains(QStringLiteral("parse error at char 4")));
        QVERIFY(!PrometheusSource::parseAnswer("<html>proxy error</html>"));
        const auto unlabeled = PrometheusSource::parseAnswer(R"({"status":"success","data":{"resultType":"vector","result":[
            {"metric":{},"value":[1763700045,"7"]}]}})");
        QVERIFY(!unlabeled);
        QVERIFY(unlabeled.error().contains(PrometheusSource::VariantLabel));
        QVERIFY(!PrometheusSource::parseAnswer(R"({"status":"success","data":{"resultType":"scalar","result":[1,"2"]}})"));
        QVERIFY(!PrometheusSource::parseAnswer(R"({"status":"success","data":{"resultType":"vector","result":[
            {"metric":{"feature_flag_result_variant":"on"},"value":[1763700045,"lots"]}]}})"));
    }

    void prometheusQueriesNameTheFlagSafely()
    {
        PrometheusSource::Options options;
        options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        options.stepMs = 15000;
        options.templates.insert(QStringLiteral("p95_latency"),
                                 QStringLiteral("histogram_quantile(0.95, sum by (le, feature_flag_result_variant) "
                                                "(rate(latency_bucket{feature_flag_key=\"$flag\",env=\"$environment\"}[$step])))"));
        PrometheusSource source(options);
        const FlagRef flag{QStringLiteral("c"), QStringLiteral("prod"), QStringLiteral("odd\"key")};
        QVERIFY(source.queryFor(flag, QStringLiteral("p95_latency")).contains(QStringLiteral("feature_flag_key=\"odd\\\"key\",env=\"prod\"}[15s]")));

        // The batched default: the keys as an exact regular expression, the environment or none.
        ContractGuardrail cost;
        cost.metric = QStringLiteral("cost_per_request");
        QCOMPARE(source.defaultQuery(cost, {QStringLiteral("odd\"key"), QStringLiteral("a.b")}, {QStringLiteral("feature_flag_set_id"), QStringLiteral("prod")}),
                 QStringLiteral("avg by (feature_flag_key, feature_flag_result_variant, feature_flag_set_id) "
                                "(avg_over_time(cost_per_request{feature_flag_key=~\"odd\\\"key|a\\\\.b\", "
                                "feature_flag_set_id=~\"prod|\"}[15s]))"));
        ContractGuardrail requests;
        requests.metric = RequestsMetric;
        QCOMPARE(source.defaultQuery(requests, {QStringLiteral("k")}, {}),
                 QStringLiteral("sum by (feature_flag_key, feature_flag_result_variant) "
                                "(increase(feature_flag_evaluation_success_total{feature_flag_key=~\"k\"}[15s]))"));
        ContractGuardrail latency;
        latency.metric = QStringLiteral("p95_latency");
        latency.kind = ContractGuardrail::Kind::Histogram;
        latency.series = ContractGuardrail::DefaultHistogram;
        latency.quantile = 0.95;
        latency.secondsToMilliseconds = true;
        QCOMPARE(source.defaultQuery(latency, {QStringLiteral("k")}, {}),
                 QStringLiteral("1000 * histogram_quantile(0.95, sum by (le, feature_flag_key, feature_flag_result_variant) "
                                "(rate(http_server_request_duration_bucket{feature_flag_key=~\"k\"}[15s])))"));
        ContractGuardrail errors;
        errors.metric = QStringLiteral("error_rate");
        errors.kind = ContractGuardrail::Kind::Counter;
        errors.series = QStringLiteral("app.request.errors");
        const QString errorQuery = source.defaultQuery(errors, {QStringLiteral("k")}, {});
        QVERIFY2(errorQuery.startsWith(QStringLiteral("(sum by (feature_flag_key, feature_flag_result_variant) (increase(app_request_errors_total{")),
                 qPrintable(errorQuery));
        QVERIFY(errorQuery.endsWith(QStringLiteral(") / sum by (feature_flag_key, feature_flag_result_variant) "
                                                   "(increase(feature_flag_evaluation_success_total{feature_flag_key=~\"k\"}[15s]))")));
    }

    // One query per metric for every flag of an environment; the answer is split per flag, and
    // series without the environment label count only where none carry it, marked as mixed.
    void prometheusAnswersAreSplitPerFlagAndEnvironment()
    {
        PrometheusSource::Options options;
        options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        options.backfillMs = 0;
        PrometheusSource source(options);
        ContractGuardrail latency;
        latency.metric = QStringLiteral("p95_latency");
        latency.kind = ContractGuardrail::Kind::Histogram;
        latency.series = ContractGuardrail::DefaultHistogram;
        latency.quantile = 0.95;
        QList<GuardrailWatch> watches;
        for (const char *key : {"a", "b", "c"}) {
            GuardrailWatch watch;
            watch.flag = {QStringLiteral("conn"), QStringLiteral("production"), QString::fromLatin1(key)};
            watch.controlId = QStringLiteral("v1");
            watch.guardrails = {latency};
            watch.variantLabels = {{QStringLiteral("v1"), QStringLiteral("small")}};
            watches.append(watch);
        }
        GuardrailWatch staging = watches.first();
        staging.flag.environment = QStringLiteral("staging");
        watches.append(staging);
        source.setWatches(watches);
        const QList<PrometheusSource::PreparedQuery> queries = source.stepQueries();
        QCOMPARE(queries.size(), 4); // exposures and latency, for production and for staging
        const auto production = std::find_if(queries.cbegin(), queries.cend(), [](const PrometheusSource::PreparedQuery &q) {
            return q.environmentValue == QLatin1String("production") && q.promql.contains(QLatin1String("histogram_quantile"));
        });
        QVERIFY(production != queries.cend());
        QCOMPARE(production->targets.size(), 3);
        const auto batches = source.split(*production, R"({"status":"success","data":{"resultType":"vector","result":[
            {"metric":{"feature_flag_key":"a","feature_flag_result_variant":"small","feature_flag_set_id":"production"},"value":[1763700045,"0.5"]},
            {"metric":{"feature_flag_key":"a","feature_flag_result_variant":"small"},"value":[1763700045,"9"]},
            {"metric":{"feature_flag_key":"b","feature_flag_result_variant":"large"},"value":[1763700045,"0.7"]},
            {"metric":{"feature_flag_key":"zzz","feature_flag_result_variant":"large","feature_flag_set_id":"production"},"value":[1763700045,"1"]},
            {"metric":{"feature_flag_key":"c","feature_flag_result_variant":"large","feature_flag_set_id":"production"},"value":[1763700045,"+Inf"]}]}})");
        QVERIFY2(batches, qPrintable(batches.error()));
        QCOMPARE(batches->size(), 2);
        QCOMPARE(batches->at(0).flag.key, QStringLiteral("a"));
        QCOMPARE(batches->at(0).variationId, QStringLiteral("v1"));
        QCOMPARE(batches->at(0).samples, (QList<MetricSample>{{1763700045000, 0.5}}));
        QVERIFY(!batches->at(0).mixedEnvironments);
        QCOMPARE(batches->at(1).flag.key, QStringLiteral("b"));
        QCOMPARE(batches->at(1).variationId, QStringLiteral("large"));
        QVERIFY(batches->at(1).mixedEnvironments);
    }

    // Many flags in one delivery are judged side by side on several threads: each verdict is the
    // one the flag's own data gives, and each regression is told once, for its own flag.
    void aStepOfManyFlagsIsJudgedAsEachAlone()
    {
        GuardrailMonitor monitor;
        QSignalSpy regressions(&monitor, &GuardrailMonitor::regressionDetected);
        ContractGuardrail latency;
        latency.metric = QStringLiteral("p95_latency");
        latency.rule = QStringLiteral("sequential");
        QList<GuardrailWatch> watches;
        QList<MetricBatch> batches;
        for (int i = 0; i < 200; ++i) {
            GuardrailWatch watch;
            watch.flag = {QStringLiteral("conn"), QStringLiteral("production"), QStringLiteral("flag-%1").arg(i)};
            watch.controlId = QStringLiteral("off");
            watch.expected = Rollout({{QStringLiteral("off"), 5000}, {QStringLiteral("on"), 5000}});
            watch.guardrails = {latency};
            watches.append(watch);
            MetricBatch control{watch.flag, latency.metric, QStringLiteral("off"), {}, false};
            MetricBatch candidate{watch.flag, latency.metric, QStringLiteral("on"), {}, false};
            for (int k = 1; k <= 40; ++k) {
                const double noise = ((k * 7 + i) % 5 - 2) * 3.0;
                control.samples.append({k * 1000, 900 + noise});
                // Every third flag's candidate is 20% slower.
                candidate.samples.append({k * 1000, (i % 3 == 0 ? 1080 : 900) - noise});
            }
            batches << control << candidate;
        }
        monitor.setWatches(watches);
        monitor.addSamples(batches);
        int regressed = 0;
        for (const GuardrailWatch &watch : std::as_const(watches)) {
            const FlagHealth health = monitor.health(watch.flag);
            const FlagHealth alone = GuardrailMonitor::evaluate(watch, monitor.series(watch.flag), monitor.options());
            QCOMPARE(health.verdict, alone.verdict);
            QCOMPARE(health.summary, alone.summary);
            regressed += health.verdict == GuardrailVerdict::Regressed;
        }
        QCOMPARE(regressed, 67);
        QCOMPARE(regressions.size(), 67);
    }

    void mixedDataIsSaidInEveryVerdict()
    {
        GuardrailMonitor monitor;
        GuardrailWatch watch;
        watch.flag = {QStringLiteral("conn"), QStringLiteral("production"), QStringLiteral("k")};
        watch.controlId = QStringLiteral("off");
        watch.expected = Rollout({{QStringLiteral("off"), 5000}, {QStringLiteral("on"), 5000}});
        ContractGuardrail latency;
        latency.metric = QStringLiteral("p95_latency");
        watch.guardrails = {latency};
        monitor.setWatches({watch});
        monitor.addSamples({{watch.flag, QStringLiteral("p95_latency"), QStringLiteral("on"), {{1000, 5}}, false},
                            {watch.flag, QStringLiteral("p95_latency"), QStringLiteral("off"), {{1000, 5}}, false}});
        QVERIFY(!monitor.health(watch.flag).mixedEnvironments);
        monitor.addSamples({{watch.flag, QStringLiteral("p95_latency"), QStringLiteral("on"), {{2000, 5}}, true}});
        const FlagHealth health = monitor.health(watch.flag);
        QVERIFY(health.mixedEnvironments);
        QVERIFY2(health.summary.startsWith(mixedEnvironmentsText()), qPrintable(health.summary));
        QVERIFY(health.results.first().mixedEnvironments);
        QVERIFY(health.results.first().reason.startsWith(mixedEnvironmentsText()));
        QVERIFY(flagHealthToJson(health).value(QStringLiteral("mixed_environments")).toBool());
    }
};

QTEST_GUILESS_MAIN(TestGuardrailMonitor)
#include "tst_guardrailmonitor.moc"
