#pragma once

#include "../core/result.h"
#include "metricsource.h"

#include <QHash>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

// Guardrail data from a Prometheus server's HTTP API: query_range to backfill a window when flags
// are first watched, then instant queries per step for the interval that just closed.
//
// By default one query per metric and step serves every watched flag of one environment: it
// selects the flags' keys and the environment, keeps the OpenTelemetry feature-flag labels as
// Prometheus names them (feature_flag_key, feature_flag_result_variant and the environment's
// label), and FlagDeck splits the answer per flag and variation. What a guardrail reads follows
// its contract: a gauge's level, a counter's events per exposure, or a histogram's quantile.
// Series that carry no environment label are used only where none carry it, and then marked as
// mixing every environment. A metric with a configured template is queried per flag, as written.
class PrometheusSource : public MetricSource
{
    Q_OBJECT

public:
    static inline const QString FlagLabel = QStringLiteral("feature_flag_key");
    static inline const QString VariantLabel = QStringLiteral("feature_flag_result_variant");
    static inline const QString FlagSetLabel = QStringLiteral("feature_flag_set_id");
    // Exposures: OpenFeature's OpenTelemetry MetricsHook counts successful evaluations per variant.
    static inline const QString ExposureSeries = QStringLiteral("feature_flag_evaluation_success_total");

    // Where the telemetry names a flag's environment: a label and its value. No label: it does not.
    struct EnvironmentSelector
    {
        QString label;
        QString value;

        friend bool operator==(const EnvironmentSelector &, const EnvironmentSelector &) = default;
    };
    using EnvironmentLookup = std::function<EnvironmentSelector(const FlagRef &flag)>;

    struct Options
    {
        QUrl baseUrl;
        int stepMs = 15000;
        qint64 backfillMs = 3600 * 1000; // 0: no backfill
        QHash<QString, QString> templates; // metric → PromQL with $flag, $environment, $metric, $step
        // Unset: every flag's environment is its feature_flag_set_id, as FlagDeck names it.
        EnvironmentLookup environmentOf;
    };
    using Clock = std::function<qint64()>;

    // One series of a query's answer: its labels that matter and its points.
    struct LabeledSeries
    {
        QString variant;
        QString flagKey;     // empty where the query does not keep it
        QString environment; // the environment label's value; empty where the series has none
        QList<MetricSample> samples;
    };

    // One query and where its answer goes.
    struct PreparedQuery
    {
        QString promql;
        QString environmentLabel; // empty: the series carry no environment, all of it mixes
        QString environmentValue;
        // flag key → the watched flags and the metric (as the watch names it) the answer is for
        QHash<QString, QList<QPair<FlagRef, QString>>> targets;
        // Set for a configured per-flag template: every series of the answer is this flag's.
        std::optional<FlagRef> singleFlag;
        bool templateSelectsEnvironment = false;
    };

    explicit PrometheusSource(Options options, QObject *parent = nullptr);
    ~PrometheusSource() override;

    void setWatches(const QList<GuardrailWatch> &watches) override;
    int stepMs() const override { return m_options.stepMs; }

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void start();
    // Asks for the interval that closed last, for every watched flag and metric.
    void poll();

    // The queries one step asks, for the watches as they are.
    QList<PreparedQuery> stepQueries() const;
    // The answer to one of them, split per flag, metric and variation.
    Result<QList<MetricBatch>> split(const PreparedQuery &query, const QByteArray &body) const;
    // How many queries this source has sent.
    qint64 queriesSent() const { return m_queriesSent; }

    // The query for one metric of one flag where a template is configured.
    QString queryFor(const FlagRef &flag, const QString &metric) const;
    // The batched default query for one guardrail (RequestsMetric: exposures) of the given keys.
    QString defaultQuery(const ContractGuardrail &guardrail, const QStringList &flagKeys,
                         const EnvironmentSelector &environment) const;
    // A name as Prometheus spells what OpenTelemetry's exporter makes of it (dots to underscores).
    static QString prometheusName(const QString &name);
    // A matrix (query_range) or vector (query) answer; an error answer gives its message.
    static Result<QList<LabeledSeries>> parseAnswer(const QByteArray &body, const QString &environmentLabel = {});

private:
    struct Round;
    QList<PreparedQuery> queries(const QList<GuardrailWatch> &watches) const;
    void send(const PreparedQuery &query, const QString &endpoint, const QList<QPair<QString, QString>> &range,
              const std::shared_ptr<Round> &round);
    void receive(QNetworkReply *reply, const PreparedQuery &query, const std::shared_ptr<Round> &round);
    EnvironmentSelector environmentOf(const FlagRef &flag) const;
    QUrl apiUrl(const QString &endpoint) const;
    qint64 lastClosedInterval() const;

    Options m_options;
    Clock m_clock;
    QNetworkAccessManager *m_network;
    QHash<FlagRef, GuardrailWatch> m_watches;
    qint64 m_queriesSent = 0;
    QTimer m_timer;
};
