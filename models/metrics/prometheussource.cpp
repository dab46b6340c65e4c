#include "prometheussource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>

#include <cmath>
#include <limits>

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
    const QString text = pair[1].toString();
    bool ok = false;
    const double value = text.toDouble(&ok);
    // A ratio over an interval without exposures is NaN or ±Inf: no value, not an error.
    const bool noValue = text == QLatin1String("NaN") || text == QLatin1String("+Inf") || text == QLatin1String("-Inf");
    if (!ok && !noValue)
        return Result<MetricSample>::failure(Text::tr("a value is not a number: %1").arg(text));
    return MetricSample{qint64(std::llround(pair[0].toDouble() * 1000)), ok ? value : std::nan("")};
}

// A regular expression that matches the text exactly, as a PromQL =~ matcher reads it.
QString regexLiteral(const QString &text)
{
    static const QString special = QStringLiteral("\\.+*?()|[]{}^$");
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (special.contains(c))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return escaped;
}

} // namespace

struct PrometheusSource::Round
{
    int pending = 0;
    QList<MetricBatch> batches;
};

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

PrometheusSource::EnvironmentSelector PrometheusSource::environmentOf(const FlagRef &flag) const
{
    if (m_options.environmentOf)
        return m_options.environmentOf(flag);
    return {FlagSetLabel, flag.environment};
}

QString PrometheusSource::prometheusName(const QString &name)
{
    QString result = name;
    for (QChar &c : result) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_') && c != QLatin1Char(':'))
            c = QLatin1Char('_');
    }
    if (!result.isEmpty() && result.front().isDigit())
        result.prepend(QLatin1Char('_'));
    return result;
}

QString PrometheusSource::defaultQuery(const ContractGuardrail &guardrail, const QStringList &flagKeys,
                                       const EnvironmentSelector &environment) const
{
    QStringList keys;
    for (const QString &key : flagKeys)
        keys.append(promqlString(regexLiteral(key)));
    QString selector = QStringLiteral("%1=~\"%2\"").arg(FlagLabel, keys.join(QLatin1Char('|')));
    QString by = FlagLabel + QStringLiteral(", ") + VariantLabel;
    if (!environment.label.isEmpty()) {
        // The environment's own series, and those that name none (told apart when split).
        selector += QStringLiteral(", %1=~\"%2|\"").arg(environment.label, promqlString(regexLiteral(environment.value)));
        by += QStringLiteral(", ") + environment.label;
    }
    const QString step = QStringLiteral("%1s").arg(std::max(1, m_options.stepMs / 1000));
    const QString exposures = QStringLiteral("sum by (%1) (increase(%2{%3}[%4]))").arg(by, ExposureSeries, selector, step);
    if (guardrail.metric == RequestsMetric)
        return exposures;
    switch (guardrail.kind) {
    case ContractGuardrail::Kind::Counter: {
        QString counter = prometheusName(guardrail.seriesName());
        if (!counter.endsWith(QLatin1String("_total")))
            counter += QLatin1String("_total");
        // Events per exposure; a variation without any event yet counts zero, not "no data".
        const QString events = QStringLiteral("sum by (%1) (increase(%2{%3}[%4]))").arg(by, counter, selector, step);
        return QStringLiteral("(%1 or 0 * %2) / %2").arg(events, exposures);
    }
    case ContractGuardrail::Kind::Histogram: {
        const QString quantile =
            QStringLiteral("histogram_quantile(%1, sum by (le, %2) (rate(%3_bucket{%4}[%5])))")
                .arg(QString::number(guardrail.quantile, 'g', 6), by, prometheusName(guardrail.seriesName()), selector, step);
        return guardrail.secondsToMilliseconds ? QStringLiteral("1000 * ") + quantile : quantile;
    }
    case ContractGuardrail::Kind::Gauge:
        break;
    }
    return QStringLiteral("avg by (%1) (avg_over_time(%2{%3}[%4]))")
        .arg(by, prometheusName(guardrail.seriesName()), selector, step);
}

QString PrometheusSource::queryFor(const FlagRef &flag, const QString &metric) const
{
    QString query = m_options.templates.value(metric);
    query.replace(QLatin1String("$flag"), promqlString(flag.key))
        .replace(QLatin1String("$environment"), promqlString(environmentOf(flag).value))
        .replace(QLatin1String("$metric"), metric)
        .replace(QLatin1String("$step"), QStringLiteral("%1s").arg(std::max(1, m_options.stepMs / 1000)));
    return query;
}

Result<QList<PrometheusSource::LabeledSeries>> PrometheusSource::parseAnswer(const QByteArray &body,
                                                                             const QString &environmentLabel)
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
    const QJsonArray result = data.value(QLatin1String("result")).toArray();
    answer.reserve(result.size());
    for (const QJsonValue &entry : result) {
        const QJsonObject object = entry.toObject();
        const QJsonObject labels = object.value(QLatin1String("metric")).toObject();
        LabeledSeries series;
        series.variant = labels.value(VariantLabel).toString();
        if (series.variant.isEmpty())
            return Answer::failure(Text::tr("a series has no %1 label; the query must group by it").arg(VariantLabel));
        series.flagKey = labels.value(FlagLabel).toString();
        if (!environmentLabel.isEmpty())
            series.environment = labels.value(environmentLabel).toString();
        const QJsonArray points = type == QLatin1String("matrix") ? object.value(QLatin1String("values")).toArray()
                                                                  : QJsonArray{object.value(QLatin1String("value"))};
        series.samples.reserve(points.size());
        for (const QJsonValue &point : points) {
            const Result<MetricSample> sample = readPoint(point);
            if (!sample)
                return Answer::failure(sample.error());
            if (std::isfinite(sample->value))
                series.samples.append(sample.value());
        }
        answer.append(std::move(series));
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

QList<PrometheusSource::PreparedQuery> PrometheusSource::queries(const QList<GuardrailWatch> &watches) const
{
    // Per environment, per distinct query: the flags it serves.
    struct Batch
    {
        ContractGuardrail guardrail;
        QStringList keys;
        PreparedQuery query;
    };
    QList<PreparedQuery> prepared;
    QHash<QString, Batch> batches; // environment + what the query reads → its batch
    QStringList order;
    for (const GuardrailWatch &watch : watches) {
        const EnvironmentSelector environment = environmentOf(watch.flag);
        QList<ContractGuardrail> guardrails;
        ContractGuardrail exposures;
        exposures.metric = RequestsMetric;
        guardrails.append(exposures);
        guardrails.append(watch.guardrails);
        for (const ContractGuardrail &guardrail : std::as_const(guardrails)) {
            if (m_options.templates.contains(guardrail.metric)) {
                PreparedQuery query;
                query.promql = queryFor(watch.flag, guardrail.metric);
                query.singleFlag = watch.flag;
                query.targets[watch.flag.key].append({watch.flag, guardrail.metric});
                query.templateSelectsEnvironment = m_options.templates.value(guardrail.metric).contains(QLatin1String("$environment"));
                prepared.append(query);
                continue;
            }
            const QString id = QStringList{environment.label, environment.value, guardrail.metric == RequestsMetric
                                                                                      ? RequestsMetric
                                                                                      : guardrailKindName(guardrail.kind),
                                           guardrail.seriesName(), QString::number(guardrail.quantile),
                                           QString::number(int(guardrail.secondsToMilliseconds))}
                                   .join(QLatin1Char('\n'));
            auto batch = batches.find(id);
            if (batch == batches.end()) {
                batch = batches.insert(id, Batch{guardrail, {}, {}});
                batch->query.environmentLabel = environment.label;
                batch->query.environmentValue = environment.value;
                order.append(id);
            }
            auto &targets = batch->query.targets[watch.flag.key];
            if (targets.isEmpty())
                batch->keys.append(watch.flag.key);
            targets.append({watch.flag, guardrail.metric});
        }
    }
    for (const QString &id : std::as_const(order)) {
        Batch &batch = batches[id];
        batch.query.promql = defaultQuery(batch.guardrail, batch.keys,
                                          {batch.query.environmentLabel, batch.query.environmentValue});
        prepared.append(batch.query);
    }
    return prepared;
}

QList<PrometheusSource::PreparedQuery> PrometheusSource::stepQueries() const
{
    return queries(m_watches.values());
}

Result<QList<MetricBatch>> PrometheusSource::split(const PreparedQuery &query, const QByteArray &body) const
{
    const Result<QList<LabeledSeries>> answer = parseAnswer(body, query.environmentLabel);
    if (!answer)
        return Result<QList<MetricBatch>>::failure(answer.error());
    // Per flag key: whether any series names the environment; then those alone count.
    QSet<QString> labelled;
    if (!query.environmentLabel.isEmpty()) {
        for (const LabeledSeries &series : answer.value()) {
            if (!series.environment.isEmpty())
                labelled.insert(series.flagKey);
        }
    }
    QList<MetricBatch> batches;
    for (const LabeledSeries &series : answer.value()) {
        const QString key = query.singleFlag ? query.singleFlag->key : series.flagKey;
        const auto targets = query.targets.constFind(key);
        if (targets == query.targets.cend())
            continue; // a key no watch asked for
        bool mixed = false;
        if (query.singleFlag)
            mixed = !query.templateSelectsEnvironment;
        else if (query.environmentLabel.isEmpty())
            mixed = true;
        else if (series.environment.isEmpty())
            mixed = true;
        if (mixed && !query.singleFlag && !query.environmentLabel.isEmpty() && labelled.contains(key))
            continue; // the environment's own series are there: the unlabelled ones are another's
        for (const auto &[flag, metric] : *targets) {
            const auto watch = m_watches.constFind(flag);
            if (watch == m_watches.cend())
                continue; // no longer watched
            MetricBatch batch{flag, metric, watch->variantLabels.key(series.variant, series.variant), {}, mixed};
            // Only the flag's window: a backfill shared with other flags may reach further back.
            for (const MetricSample &sample : series.samples) {
                if (sample.timeMs > watch->windowStartMs)
                    batch.samples.append(sample);
            }
            if (!batch.samples.isEmpty())
                batches.append(std::move(batch));
        }
    }
    return batches;
}

void PrometheusSource::setWatches(const QList<GuardrailWatch> &watches)
{
    QHash<FlagRef, GuardrailWatch> next;
    QList<GuardrailWatch> fresh;
    qint64 earliest = std::numeric_limits<qint64>::max();
    const qint64 end = lastClosedInterval();
    for (const GuardrailWatch &watch : watches) {
        next.insert(watch.flag, watch);
        const auto old = m_watches.constFind(watch.flag);
        if (old != m_watches.cend() && old->windowStartMs == watch.windowStartMs)
            continue;
        if (m_options.backfillMs <= 0)
            continue;
        // New to this source, or a new window: fill it from the server's history, together.
        const qint64 from = std::max(end - m_options.backfillMs, watch.windowStartMs);
        if (from - from % m_options.stepMs + m_options.stepMs > end)
            continue;
        fresh.append(watch);
        earliest = std::min(earliest, from);
    }
    m_watches = next;
    if (fresh.isEmpty())
        return;
    const qint64 start = earliest - earliest % m_options.stepMs + m_options.stepMs;
    const QList<QPair<QString, QString>> range{{QStringLiteral("start"), QString::number(start / 1000.0, 'f', 3)},
                                               {QStringLiteral("end"), QString::number(end / 1000.0, 'f', 3)},
                                               {QStringLiteral("step"), QString::number(m_options.stepMs / 1000.0, 'f', 3)}};
    const QList<PreparedQuery> prepared = queries(fresh);
    auto round = std::make_shared<Round>();
    round->pending = int(prepared.size());
    for (const PreparedQuery &query : prepared)
        send(query, QStringLiteral("query_range"), range, round);
}

void PrometheusSource::poll()
{
    const qint64 time = lastClosedInterval();
    const QList<PreparedQuery> prepared = stepQueries();
    if (prepared.isEmpty())
        return;
    // One step's answers reach the monitor together, so each flag is judged once per step.
    auto round = std::make_shared<Round>();
    round->pending = int(prepared.size());
    for (const PreparedQuery &query : prepared)
        send(query, QStringLiteral("query"), {{QStringLiteral("time"), QString::number(time / 1000.0, 'f', 3)}}, round);
}

void PrometheusSource::send(const PreparedQuery &query, const QString &endpoint,
                            const QList<QPair<QString, QString>> &range, const std::shared_ptr<Round> &round)
{
    // A form body: a query over hundreds of flags is longer than a URL may be.
    QByteArray payload = "query=" + QUrl::toPercentEncoding(query.promql);
    for (const auto &[name, value] : range)
        payload += '&' + name.toUtf8() + '=' + QUrl::toPercentEncoding(value);
    QNetworkRequest request(apiUrl(endpoint));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = m_network->post(request, payload);
    ++m_queriesSent;
    connect(reply, &QNetworkReply::finished, this, [this, reply, query, round] { receive(reply, query, round); });
}

void PrometheusSource::receive(QNetworkReply *reply, const PreparedQuery &query, const std::shared_ptr<Round> &round)
{
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    const auto finish = [this, &round] {
        if (--round->pending == 0 && !round->batches.isEmpty())
            Q_EMIT samplesArrived(std::exchange(round->batches, {}));
    };
    // Prometheus answers a bad query with 400 and a JSON error that says more than the status.
    if (reply->error() != QNetworkReply::NoError && !body.startsWith('{')) {
        Q_EMIT problem(Text::tr("Prometheus at %1: %2").arg(m_options.baseUrl.toDisplayString(), reply->errorString()));
        finish();
        return;
    }
    const Result<QList<MetricBatch>> batches = split(query, body);
    if (!batches) {
        QStringList what;
        for (auto it = query.targets.cbegin(); it != query.targets.cend(); ++it) {
            for (const auto &[flag, metric] : it.value())
                what.append(Text::tr("%1 of %2").arg(metric, flag.key));
        }
        what.removeDuplicates();
        Q_EMIT problem(Text::tr("Prometheus at %1, %2: %3")
                           .arg(m_options.baseUrl.toDisplayString(), what.mid(0, 3).join(QStringLiteral(", ")), batches.error()));
    } else {
        round->batches.append(batches.value());
    }
    finish();
}
