#include "../support/prometheusserver.h"
#include "metrics/guardrailmonitor.h"
#include "metrics/prometheussource.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

// The Prometheus source against a real Prometheus holding known per-variation data: the series
// the console builds and the verdicts it reaches must be the ones the data implies.
namespace {

constexpr int StepSeconds = 15;
constexpr int PointSeconds = 5;  // the data's own resolution: three points per step
// Points sit 2 s before the grid: Prometheus 2's range selectors include their left edge, and a
// point on it would belong to two steps.
constexpr int PointOffsetSeconds = 2;
constexpr int Steps = 160;        // 40 minutes

// Known values per step k (1-based); every point inside step k's window carries step k's value.
double controlLatency(int k) { return 900 + 23 * ((k * 3) % 4); }
double regressedLatency(int k) { return controlLatency(k) + 300 + 37 * ((k * 7) % 5 - 2); }
double steadyLatency(int k) { return controlLatency(k) + 5 * ((k % 2) ? 1 : -1); }

struct Data
{
    qint64 firstStepMs = 0; // end of step 1
    qint64 lastStepMs = 0;  // end of step Steps
    QByteArray openMetrics;
};

Data knownData()
{
    Data data;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    data.lastStepMs = now - now % (StepSeconds * 1000) - 10 * 60 * 1000;
    data.firstStepMs = data.lastStepMs - qint64(Steps - 1) * StepSeconds * 1000;
    const qint64 origin = data.firstStepMs / 1000 - StepSeconds; // start of step 1

    auto series = [&](QByteArray &out, const char *name, const char *flag, const char *variant,
                      const std::function<double(int step, int point)> &value) {
        for (int t = PointSeconds; t <= Steps * StepSeconds; t += PointSeconds) {
            const int step = (t + StepSeconds - 1) / StepSeconds;
            out += QStringLiteral("%1{feature_flag_key=\"%2\",feature_flag_result_variant=\"%3\",feature_flag_set_id=\"production\"} %4 %5\n")
                       .arg(QLatin1String(name), QLatin1String(flag), QLatin1String(variant))
                       .arg(value(step, t / PointSeconds), 0, 'f', 3)
                       .arg(origin + t - PointOffsetSeconds)
                       .toUtf8();
        }
    };
    QByteArray &om = data.openMetrics;
    om += "# TYPE feature_flag_evaluation_success counter\n";
    for (const char *flag : {"chat-model-route", "support-prompt-profile"}) {
        // Counters rising steadily: 951 and 51 requests per step.
        series(om, "feature_flag_evaluation_success_total", flag, "frontier-small",
               [](int, int point) { return 1000000.0 + point * 317.0; });
        series(om, "feature_flag_evaluation_success_total", flag, "frontier-large",
               [](int, int point) { return 5000.0 + point * 17.0; });
    }
    om += "# TYPE p95_latency gauge\n";
    series(om, "p95_latency", "chat-model-route", "frontier-small", [](int step, int) { return controlLatency(step); });
    series(om, "p95_latency", "chat-model-route", "frontier-large", [](int step, int) { return regressedLatency(step); });
    series(om, "p95_latency", "support-prompt-profile", "frontier-small", [](int step, int) { return controlLatency(step); });
    series(om, "p95_latency", "support-prompt-profile", "frontier-large", [](int step, int) { return steadyLatency(step); });
    om += "# EOF\n";
    return data;
}

GuardrailWatch watchOf(const QString &flagKey, qint64 windowStartMs)
{
    GuardrailWatch watch;
    watch.flag = {QStringLiteral("prod-featbit"), QStringLiteral("production"), flagKey};
    watch.controlId = QStringLiteral("v-small");
    watch.expected = Rollout({{QStringLiteral("v-small"), 9500}, {QStringLiteral("v-large"), 500}});
    ContractGuardrail latency;
    latency.metric = QStringLiteral("p95_latency");
    latency.threshold = 2000;
    latency.rule = QStringLiteral("sequential");
    watch.guardrails = {latency};
    watch.windowStartMs = windowStartMs;
    watch.variantLabels = {{QStringLiteral("v-small"), QStringLiteral("frontier-small")},
                           {QStringLiteral("v-large"), QStringLiteral("frontier-large")}};
    return watch;
}

} // namespace

class TestPrometheusSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_data = knownData();
        const QString error = m_server.start(m_data.openMetrics);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void backfillLiveQueriesAndVerdictsMatchTheKnownData()
    {
        PrometheusSource::Options options;
        options.baseUrl = m_server.url();
        options.stepMs = StepSeconds * 1000;
        options.backfillMs = 24 * 3600 * 1000;
        PrometheusSource source(options);
        qint64 now = m_data.lastStepMs - 10 * StepSeconds * 1000 + 1234; // inside the data, not on a step
        source.setClock([&now] { return now; });
        GuardrailMonitor monitor;
        connect(&source, &MetricSource::samplesArrived, &monitor, &GuardrailMonitor::addSamples);
        QSignalSpy problems(&source, &MetricSource::problem);
        QSignalSpy arrivals(&source, &MetricSource::samplesArrived);

        // The window opens at the start of step 1: step 1 is the first interval counted.
        const qint64 windowStart = m_data.firstStepMs - StepSeconds * 1000;
        const QList<GuardrailWatch> watches{watchOf(QStringLiteral("chat-model-route"), windowStart),
                                            watchOf(QStringLiteral("support-prompt-profile"), windowStart)};
        monitor.setWatches(watches);
        source.setWatches(watches);
        QTRY_COMPARE_WITH_TIMEOUT(arrivals.size(), 1, 10000); // requests and latency, two flags: one batch
        QCOMPARE(source.queriesSent(), 2); // one query per metric for both flags
        QVERIFY2(problems.isEmpty(), problems.isEmpty() ? "" : qPrintable(problems.first().first().toString()));

        const FlagRef regressed = watches[0].flag;
        const auto series = monitor.series(regressed);
        const auto &large = series.value(QStringLiteral("p95_latency")).value(QStringLiteral("v-large"));
        const int backfilled = Steps - 10;
        QCOMPARE(large.size(), backfilled);
        for (int k = 1; k <= backfilled; ++k) {
            const MetricSample &sample = large[k - 1];
            QCOMPARE(sample.timeMs, m_data.firstStepMs + qint64(k - 1) * StepSeconds * 1000);
            QCOMPARE(sample.value, regressedLatency(k));
            QCOMPARE(series.value(QStringLiteral("p95_latency")).value(QStringLiteral("v-small"))[k - 1].value,
                     controlLatency(k));
        }
        // increase() over one step of a counter rising 951 (51) per step.
        for (const MetricSample &sample : series.value(RequestsMetric).value(QStringLiteral("v-small")))
            QVERIFY2(std::abs(sample.value - 951) < 1e-9, qPrintable(QString::number(sample.value)));
        for (const MetricSample &sample : series.value(RequestsMetric).value(QStringLiteral("v-large")))
            QVERIFY(std::abs(sample.value - 51) < 1e-9);

        const FlagHealth regressedHealth = monitor.health(regressed);
        QCOMPARE(regressedHealth.verdict, GuardrailVerdict::Regressed);
        QVERIFY(!regressedHealth.mixedEnvironments); // the data names the environment
        QVERIFY(!regressedHealth.srmMismatch);
        const GuardrailResult &result = regressedHealth.results.first();
        QCOMPARE(result.difference.samples, backfilled);
        QVERIFY(result.difference.lower > 0 && result.difference.lower < 300 && result.difference.upper > 300);
        const FlagHealth steadyHealth = monitor.health(watches[1].flag);
        QVERIFY2(steadyHealth.verdict == GuardrailVerdict::Healthy || steadyHealth.verdict == GuardrailVerdict::Watching,
                 qPrintable(steadyHealth.summary));
        QVERIFY(steadyHealth.results.first().difference.lower < 0 && steadyHealth.results.first().difference.upper > 0);

        // Live: the instant query at the next closed step brings exactly that step.
        now += StepSeconds * 1000;
        arrivals.clear();
        source.poll();
        QTRY_COMPARE_WITH_TIMEOUT(arrivals.size(), 1, 10000);
        QCOMPARE(source.queriesSent(), 4);
        const auto afterPoll = monitor.series(regressed).value(QStringLiteral("p95_latency")).value(QStringLiteral("v-large"));
        QCOMPARE(afterPoll.size(), backfilled + 1);
        QCOMPARE(afterPoll.constLast().value, regressedLatency(backfilled + 1));
    }

    void aBadQueryIsReportedWithPrometheusOwnWords()
    {
        PrometheusSource::Options options;
        options.baseUrl = m_server.url();
        options.templates.insert(QStringLiteral("p95_latency"), QStringLiteral("sum by (feature_flag_result_variant) (p95_latency{"));
        PrometheusSource source(options);
        source.setClock([this] { return m_data.lastStepMs; });
        QSignalSpy problems(&source, &MetricSource::problem);
        source.setWatches({watchOf(QStringLiteral("chat-model-route"), m_data.firstStepMs)});
        QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), 10000);
        const QString text = problems.first().first().toString();
        QVERIFY2(text.contains(QStringLiteral("bad_data")) && text.contains(QStringLiteral("p95_latency of chat-model-route")),
                 qPrintable(text));
    }

    void anUnreachableServerIsReported()
    {
        PrometheusSource::Options options;
        options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        PrometheusSource source(options);
        QSignalSpy problems(&source, &MetricSource::problem);
        source.setWatches({watchOf(QStringLiteral("chat-model-route"), 0)});
        QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), 10000);
        QVERIFY(problems.first().first().toString().startsWith(QStringLiteral("Prometheus at http://127.0.0.1:9")));
    }

private:
    Data m_data;
    PrometheusServer m_server;
};

QTEST_GUILESS_MAIN(TestPrometheusSource)
#include "tst_prometheussource.moc"
