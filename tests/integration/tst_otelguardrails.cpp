#include "../support/instrumentedservice.h"
#include "../support/prometheusserver.h"
#include "core/contractreader.h"
#include "metrics/guardrailmonitor.h"
#include "metrics/prometheussource.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

// Guardrails on the telemetry a team actually has: a service instrumented as OpenFeature and
// OpenTelemetry document it (MetricsHook, the metrics SDK and its Prometheus exporter), scraped by
// a real Prometheus, read by FlagDeck's default configuration — no query written by hand. The same
// flag runs in staging and production; only staging's candidate regresses, and production's
// verdict must never see staging's traffic.
namespace {

constexpr int StepMs = 2000;
constexpr int HistorySeconds = 56; // 28 intervals of traffic before the flags are watched

const QString Flag = QStringLiteral("chat-model-route");
const QString Unlabelled = QStringLiteral("support-route"); // its telemetry names no flag set

QJsonObject stream(const QString &flag, const QJsonValue &setId, int perSecond, double candidateLatency,
                   double candidateErrors)
{
    return {{QStringLiteral("flag"), flag},
            {QStringLiteral("setId"), setId},
            {QStringLiteral("perSecond"), perSecond},
            {QStringLiteral("latencySeconds"),
             QJsonObject{{QStringLiteral("frontier-small"), 0.4}, {QStringLiteral("frontier-large"), candidateLatency}}},
            {QStringLiteral("errorRate"),
             QJsonObject{{QStringLiteral("frontier-small"), 0.01}, {QStringLiteral("frontier-large"), candidateErrors}}}};
}

// The contract names what each guardrail reads: a histogram's p95 and a counter per exposure.
const char ContractYaml[] = R"(flag_key: chat-model-route
default: frontier-small
candidate: frontier-large
stages:
  - name: half
    exposure: {frontier-large: 50%}
guardrails:
  - metric: p95_latency
    direction: lower_is_better
    kind: histogram
    rule: sequential
  - metric: error_rate
    direction: lower_is_better
    kind: counter
    series: app.request.errors
    rule: sequential
policy:
  auto_kill: true
)";

} // namespace

class TestOtelGuardrails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Staging's candidate is 2.5 times slower and fails 8 times as often, with twice
        // production's traffic: summed into production's series, it would regress it too.
        const QJsonObject plan{
            {QStringLiteral("variants"), QJsonArray{QStringLiteral("frontier-small"), QStringLiteral("frontier-large")}},
            {QStringLiteral("streams"),
             QJsonArray{stream(Flag, QStringLiteral("staging"), 300, 1.0, 0.08),
                        stream(Flag, QStringLiteral("production"), 150, 0.4, 0.01),
                        stream(Unlabelled, QJsonValue::Null, 150, 1.0, 0.08)}}};
        m_trafficStartMs = QDateTime::currentMSecsSinceEpoch();
        QString error = m_service.start(plan);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = m_prometheus.startScraping({m_service.target()}, QStringLiteral("500ms"));
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const ContractReadResult read = readContract(ContractYaml, QStringLiteral("chat-model-route.yaml"));
        QVERIFY2(read.contract, read.findings.isEmpty() ? "" : qPrintable(read.findings.first().text()));
        m_guardrails = read.contract->guardrails;
        QCOMPARE(m_guardrails.size(), 2);
        QCOMPARE(m_guardrails[0].kind, ContractGuardrail::Kind::Histogram);
        QCOMPARE(m_guardrails[0].quantile, 0.95);
        QCOMPARE(m_guardrails[1].kind, ContractGuardrail::Kind::Counter);
        QTest::qWait(HistorySeconds * 1000);
    }

    // The names FlagDeck's defaults read, as the hook and the exporter really produce them.
    void theServiceEmitsWhatTheDefaultsRead()
    {
        const QByteArray text = m_service.scrape();
        QVERIFY(!text.isEmpty());
        QSet<QString> names;
        QSet<QString> labels;
        static const QRegularExpression line(QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\}"));
        static const QRegularExpression label(QStringLiteral("([a-zA-Z_][a-zA-Z0-9_]*)=\""));
        for (const QByteArray &row : text.split('\n')) {
            const QRegularExpressionMatch match = line.match(QString::fromUtf8(row));
            if (!match.hasMatch())
                continue;
            names.insert(match.captured(1));
            for (auto it = label.globalMatch(match.captured(2)); it.hasNext();)
                labels.insert(it.next().captured(1));
        }
        QStringList sortedNames(names.cbegin(), names.cend());
        QStringList sortedLabels(labels.cbegin(), labels.cend());
        sortedNames.sort();
        sortedLabels.sort();
        qInfo("metric names served: %s", qPrintable(sortedNames.join(QStringLiteral(" "))));
        qInfo("label names served: %s", qPrintable(sortedLabels.join(QStringLiteral(" "))));
        for (const QByteArray &row : text.split('\n')) {
            if (row.startsWith("feature_flag_evaluation_success_total{") && row.contains("feature_flag_set_id=\"production\""))
                qInfo("for example: %s", row.constData());
        }
        for (const QString &name : {PrometheusSource::ExposureSeries,
                                    PrometheusSource::prometheusName(ContractGuardrail::DefaultHistogram) + QStringLiteral("_bucket"),
                                    PrometheusSource::prometheusName(QStringLiteral("app.request.errors")) + QStringLiteral("_total")})
            QVERIFY2(names.contains(name), qPrintable(name));
        for (const QString &name : {PrometheusSource::FlagLabel, PrometheusSource::VariantLabel, PrometheusSource::FlagSetLabel})
            QVERIFY2(labels.contains(name), qPrintable(name));
    }

    void defaultsJudgeEachEnvironmentAlone()
    {
        PrometheusSource::Options options; // the defaults: no template, the flag set as environment
        options.baseUrl = m_prometheus.url();
        options.stepMs = StepMs;
        PrometheusSource source(options);
        GuardrailMonitor monitor;
        connect(&source, &MetricSource::samplesArrived, &monitor, &GuardrailMonitor::addSamples);
        QSignalSpy problems(&source, &MetricSource::problem);
        QSignalSpy arrivals(&source, &MetricSource::samplesArrived);

        const GuardrailWatch production = watch(QStringLiteral("production"), Flag);
        const GuardrailWatch staging = watch(QStringLiteral("staging"), Flag);
        const GuardrailWatch unlabelled = watch(QStringLiteral("production"), Unlabelled);
        const QList<GuardrailWatch> watches{production, staging, unlabelled};
        monitor.setWatches(watches);
        source.setWatches(watches);
        // The backfill of all three flags arrives at once.
        QTRY_COMPARE_WITH_TIMEOUT(arrivals.size(), 1, 20000);
        QVERIFY2(problems.isEmpty(), problems.isEmpty() ? "" : qPrintable(problems.first().first().toString()));
        QCOMPARE(source.queriesSent(), 6); // exposures, latency, errors; for production and for staging

        // Staging: the known regression, on both guardrails, judged on staging's data alone.
        const FlagHealth stagingHealth = monitor.health(staging.flag);
        qInfo("staging: %s", qPrintable(stagingHealth.summary));
        QCOMPARE(stagingHealth.verdict, GuardrailVerdict::Regressed);
        QVERIFY(!stagingHealth.mixedEnvironments);
        for (const GuardrailResult &result : stagingHealth.results) {
            qInfo("  staging %s", qPrintable(result.reason));
            QCOMPARE(result.verdict, GuardrailVerdict::Regressed);
        }

        // Production: the same flag key, no regression, and no trace of staging's traffic.
        const FlagHealth productionHealth = monitor.health(production.flag);
        qInfo("production: %s", qPrintable(productionHealth.summary));
        QVERIFY(!productionHealth.mixedEnvironments);
        // Judged and not regressed; whether its interval already fits the tolerance (healthy) is
        // a matter of how much traffic a minute gives, not of the environments.
        QVERIFY2(productionHealth.verdict == GuardrailVerdict::Healthy || productionHealth.verdict == GuardrailVerdict::Watching
                     || productionHealth.verdict == GuardrailVerdict::NotEnoughEvidence,
                 qPrintable(productionHealth.summary));
        for (const GuardrailResult &result : productionHealth.results) {
            qInfo("  production %s", qPrintable(result.reason));
            QVERIFY(result.verdict != GuardrailVerdict::Regressed);
            QVERIFY2(result.difference.samples >= 20, qPrintable(result.reason));
        }
        const auto series = monitor.series(production.flag);
        // 150 requests a second, split evenly: about 150 per arm in a 2 s interval (staging adds 300).
        for (const QString &arm : {QStringLiteral("v-small"), QStringLiteral("v-large")}) {
            const double exposures = mean(series.value(RequestsMetric).value(arm));
            QVERIFY2(exposures > 110 && exposures < 190, qPrintable(QString::number(exposures)));
        }
        // The p95 from the histogram, in ms: a median of 400 ms spread log-normally (σ 0.25)
        // gives about 600 ms; staging's candidate, about 1,500 ms.
        const double productionP95 = mean(series.value(QStringLiteral("p95_latency")).value(QStringLiteral("v-large")));
        QVERIFY2(productionP95 > 450 && productionP95 < 800, qPrintable(QString::number(productionP95)));
        const double stagingP95 =
            mean(monitor.series(staging.flag).value(QStringLiteral("p95_latency")).value(QStringLiteral("v-large")));
        QVERIFY2(stagingP95 > 1100 && stagingP95 < 2500, qPrintable(QString::number(stagingP95)));
        const double productionErrors = mean(series.value(QStringLiteral("error_rate")).value(QStringLiteral("v-large")));
        QVERIFY2(productionErrors < 0.03, qPrintable(QString::number(productionErrors)));

        // A flag whose telemetry names no environment is still charted, and every verdict says so.
        const FlagHealth unlabelledHealth = monitor.health(unlabelled.flag);
        QVERIFY(unlabelledHealth.mixedEnvironments);
        QVERIFY2(unlabelledHealth.summary.startsWith(mixedEnvironmentsText()), qPrintable(unlabelledHealth.summary));
        for (const GuardrailResult &result : unlabelledHealth.results)
            QVERIFY(result.mixedEnvironments && result.reason.startsWith(mixedEnvironmentsText()));

        // Live: one query per metric and environment each step, for every flag at once.
        const qint64 before = source.queriesSent();
        const int paired = productionHealth.results.first().difference.samples;
        QTest::qWait(StepMs + 500);
        arrivals.clear();
        source.poll();
        QTRY_COMPARE_WITH_TIMEOUT(arrivals.size(), 1, 10000);
        QCOMPARE(source.queriesSent() - before, 6);
        QVERIFY(problems.isEmpty());
        QVERIFY(monitor.health(production.flag).results.first().difference.samples > paired);
        QCOMPARE(monitor.health(staging.flag).verdict, GuardrailVerdict::Regressed);
        QVERIFY(monitor.health(production.flag).verdict != GuardrailVerdict::Regressed);
    }

private:
    GuardrailWatch watch(const QString &environment, const QString &key) const
    {
        GuardrailWatch watch;
        watch.flag = {QStringLiteral("featbit"), environment, key};
        watch.controlId = QStringLiteral("v-small");
        watch.expected = Rollout({{QStringLiteral("v-small"), 5000}, {QStringLiteral("v-large"), 5000}});
        watch.guardrails = m_guardrails;
        // The first interval that is wholly traffic.
        watch.windowStartMs = m_trafficStartMs - m_trafficStartMs % StepMs + StepMs;
        watch.variantLabels = {{QStringLiteral("v-small"), QStringLiteral("frontier-small")},
                               {QStringLiteral("v-large"), QStringLiteral("frontier-large")}};
        return watch;
    }

    static double mean(const QList<MetricSample> &samples)
    {
        double sum = 0;
        for (const MetricSample &sample : samples)
            sum += sample.value;
        return samples.isEmpty() ? std::nan("") : sum / samples.size();
    }

    InstrumentedService m_service;
    PrometheusServer m_prometheus;
    QList<ContractGuardrail> m_guardrails;
    qint64 m_trafficStartMs = 0;
};

QTEST_GUILESS_MAIN(TestOtelGuardrails)
#include "tst_otelguardrails.moc"
