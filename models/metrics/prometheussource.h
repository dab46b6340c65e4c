#pragma once

#include "../core/result.h"
#include "metricsource.h"

#include <QHash>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// Guardrail data from a Prometheus server's HTTP API: query_range to backfill a flag's window when
// it is first watched, then an instant query per step for the interval that just closed. Each
// guardrail is a PromQL template split per variation by the OpenTelemetry feature-flag labels
// (feature_flag_key, feature_flag_result_variant), unless the team configured its own query.
class PrometheusSource : public MetricSource
{
    Q_OBJECT

public:
    static inline const QString FlagLabel = QStringLiteral("feature_flag_key");
    static inline const QString VariantLabel = QStringLiteral("feature_flag_result_variant");

    struct Options
    {
        QUrl baseUrl;
        int stepMs = 15000;
        qint64 backfillMs = 3600 * 1000;
        QHash<QString, QString> templates; // metric → PromQL with $flag, $environment, $metric, $step
    };
    using Clock = std::function<qint64()>;

    // One series of a query's answer: its variant label and its points.
    struct LabeledSeries
    {
        QString variant;
        QList<MetricSample> samples;
    };

    explicit PrometheusSource(Options options, QObject *parent = nullptr);
    ~PrometheusSource() override;

    void setWatches(const QList<GuardrailWatch> &watches) override;
    int stepMs() const override { return m_options.stepMs; }

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void start();
    // Asks for the interval that closed last, for every watched flag and metric.
    void poll();

    // The query for one metric of one flag: the configured template or the default one.
    QString queryFor(const FlagRef &flag, const QString &metric) const;
    static QString defaultTemplate(const QString &metric);
    // A matrix (query_range) or vector (query) answer; an error answer gives its message.
    static Result<QList<LabeledSeries>> parseAnswer(const QByteArray &body);

private:
    void request(const GuardrailWatch &watch, const QString &metric, const QUrl &url);
    void receive(QNetworkReply *reply, const FlagRef &flag, const QString &metric);
    QUrl apiUrl(const QString &endpoint) const;
    qint64 lastClosedInterval() const;

    Options m_options;
    Clock m_clock;
    QNetworkAccessManager *m_network;
    QHash<FlagRef, GuardrailWatch> m_watches;
    QTimer m_timer;
};
