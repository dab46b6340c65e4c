#include "prometheussource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <cmath>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusSource)
};

// A PromQL string literal holding text as it is.
QString promqlString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return escaped;
}

Result<MetricSample> readPoint(const QJsonValue &point)
{
    const QJsonArray pair = point.toArray();
    if (pair.size() != 2 || !pair[0].isDouble() || !pair[1].isString())
        return Result<MetricSample>::failure(Text::tr("a point is not [time, \"value\"]"));
    bool ok = false;
    const double value = pair[1].toString().toDouble(&ok);
    if (!ok && pair[1].toString() != QLatin1String("NaN"))
        return Result<MetricSample>::failure(Text::tr("a value is not a number: %1").arg(pair[1].toString()));
    return MetricSample{qint64(std::llround(pair[0].toDouble() * 1000)), ok ? value : std::nan("")};
}

} // namespace

PrometheusSource::PrometheusSource(Options options, QObject *parent)
    : MetricSource(parent)
    , m_options(std::move(options))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setTransferTimeout(10000);
    m_timer.setInterval(m_options.stepMs);
    connect(&m_timer, &QTimer::timeout, this, &PrometheusSource::poll);
}

PrometheusSource::~PrometheusSource() = default;

void PrometheusSource::start()
{
    m_timer.start();
}

QString PrometheusSource::defaultTemplate(const QString &metric)
{
    if (metric == RequestsMetric)
        return QStringLiteral("sum by (feature_flag_result_variant) "
                              "(increase(feature_flag_evaluations_total{feature_flag_key=\"$flag\"}[$step]))");
    return QStringLiteral("avg by (feature_flag_result_variant) (avg_over_time($metric{feature_flag_key=\"$flag\"}[$step]))");
}

QString PrometheusSource::queryFor(const FlagRef &flag, const QString &metric) const
{
    QString query = m_options.templates.value(metric, defaultTemplate(metric));
    query.replace(QLatin1String("$flag"), promqlString(flag.key))
        .replace(QLatin1String("$environment"), promqlString(flag.environment))
        .replace(QLatin1String("$metric"), metric)
        .replace(QLatin1String("$step"), QStringLiteral("%1s").arg(std::max(1, m_options.stepMs / 1000)));
    return query;
}

Result<QList<PrometheusSource::LabeledSeries>> PrometheusSource::parseAnswer(const QByteArray &body)
{
    using Answer = Result<QList<LabeledSeries>>;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return Answer::failure(Text::tr("the answer is not JSON: %1").arg(parseError.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("status")).toString() != QLatin1String("success"))
        return Answer::failure(Text::tr("Prometheus refused the query (%1): %2")
                                   .arg(root.value(QLatin1String("errorType")).toString(),
                                        root.value(QLatin1String("error")).toString()));
    const QJsonObject data = root.value(QLatin1String("data")).toObject();
    const QString type = data.value(QLatin1String("resultType")).toString();
    if (type != QLatin1String("matrix") && type != QLatin1String("vector"))
        return Answer::failure(Text::tr("the answer is a %1, not a series per variation; the query must keep "
                                        "the label %2").arg(type.isEmpty() ? Text::tr("nothing") : type, VariantLabel));
    QList<LabeledSeries> answer;
    for (const QJsonValue &entry : data.value(QLatin1String("result")).toArray()) {
        const QJsonObject object = entry.toObject();
        LabeledSeries series;
        series.variant = object.value(QLatin1String("metric")).toObject().value(VariantLabel).toString();
        if (series.variant.isEmpty())
            return Answer::failure(Text::tr("a series has no %1 label; the query must group by it").arg(VariantLabel));
        const QJsonArray points = type == QLatin1String("matrix") ? object.value(QLatin1String("values")).toArray()
                                                                  : QJsonArray{object.value(QLatin1String("value"))};
        for (const QJsonValue &point : points) {
            const Result<MetricSample> sample = readPoint(point);
            if (!sample)
                return Answer::failure(sample.error());
            if (std::isfinite(sample->value))
                series.samples.append(sample.value());
        }
        answer.append(series);
    }
    return answer;
}

qint64 PrometheusSource::lastClosedInterval() const
{
    const qint64 now = m_clock();
    return now - now % m_options.stepMs;
}

QUrl PrometheusSource::apiUrl(const QString &endpoint) const
{
    QUrl url = m_options.baseUrl;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QLatin1String("api/v1/") + endpoint);
    return url;
}

void PrometheusSource::setWatches(const QList<GuardrailWatch> &watches)
{
    QHash<FlagRef, GuardrailWatch> next;
    const qint64 end = lastClosedInterval();
    for (const GuardrailWatch &watch : watches) {
        next.insert(watch.flag, watch);
        const auto old = m_watches.constFind(watch.flag);
        if (old != m_watches.cend() && old->windowStartMs == watch.windowStartMs)
            continue;
        // New to this source, or a new window: fill it from the server's history.
        const qint64 earliest = std::max(end - m_options.backfillMs, watch.windowStartMs);
        const qint64 start = earliest - earliest % m_options.stepMs + m_options.stepMs;
        if (start > end)
            continue;
        QStringList metrics{RequestsMetric};
        for (const ContractGuardrail &guardrail : watch.guardrails)
            metrics.append(guardrail.metric);
        for (const QString &metric : std::as_const(metrics)) {
            QUrl url = apiUrl(QStringLiteral("query_range"));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("query"), queryFor(watch.flag, metric));
            query.addQueryItem(QStringLiteral("start"), QString::number(start / 1000.0, 'f', 3));
            query.addQueryItem(QStringLiteral("end"), QString::number(end / 1000.0, 'f', 3));
            query.addQueryItem(QStringLiteral("step"), QString::number(m_options.stepMs / 1000.0, 'f', 3));
            url.setQuery(query);
            request(watch, metric, url);
        }
    }
    m_watches = next;
}

void PrometheusSource::poll()
{
    const qint64 time = lastClosedInterval();
    for (const GuardrailWatch &watch : std::as_const(m_watches)) {
        QStringList metrics{RequestsMetric};
        for (const ContractGuardrail &guardrail : watch.guardrails)
            metrics.append(guardrail.metric);
        for (const QString &metric : std::as_const(metrics)) {
            QUrl url = apiUrl(QStringLiteral("query"));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("query"), queryFor(watch.flag, metric));
            query.addQueryItem(QStringLiteral("time"), QString::number(time / 1000.0, 'f', 3));
            url.setQuery(query);
            request(watch, metric, url);
        }
    }
}

void PrometheusSource::request(const GuardrailWatch &watch, const QString &metric, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    const FlagRef flag = watch.flag;
    connect(reply, &QNetworkReply::finished, this, [this, reply, flag, metric] { receive(reply, flag, metric); });
}

void PrometheusSource::receive(QNetworkReply *reply, const FlagRef &flag, const QString &metric)
{
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    // Prometheus answers a bad query with 400 and a JSON error that says more than the status.
    if (reply->error() != QNetworkReply::NoError && !body.startsWith('{')) {
        Q_EMIT problem(Text::tr("Prometheus at %1: %2").arg(m_options.baseUrl.toDisplayString(), reply->errorString()));
        return;
    }
    const auto watch = m_watches.constFind(flag);
    if (watch == m_watches.cend())
        return; // no longer watched
    const Result<QList<LabeledSeries>> answer = parseAnswer(body);
    if (!answer) {
        Q_EMIT problem(Text::tr("Prometheus at %1, %2 of %3: %4")
                           .arg(m_options.baseUrl.toDisplayString(), metric, flag.key, answer.error()));
        return;
    }
    QList<MetricBatch> batches;
    for (const LabeledSeries &series : answer.value()) {
        // The data names variations as the application reports them: by name, or by id.
        batches.append({flag, metric, watch->variantLabels.key(series.variant, series.variant), series.samples});
    }
    if (!batches.isEmpty())
        Q_EMIT samplesArrived(batches);
}
