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
        QCOMPARE(source.queryFor(flag, QStringLiteral("cost_per_request")),
                 QStringLiteral("avg by (feature_flag_result_variant) (avg_over_time(cost_per_request{feature_flag_key=\"odd\\\"key\"}[15s]))"));
        QVERIFY(source.queryFor(flag, QStringLiteral("p95_latency")).contains(QStringLiteral("env=\"prod\"}[15s]")));
        QVERIFY(source.queryFor(flag, RequestsMetric).contains(QStringLiteral("increase(feature_flag_evaluations_total")));
    }
};

QTEST_GUILESS_MAIN(TestGuardrailMonitor)
#include "tst_guardrailmonitor.moc"
