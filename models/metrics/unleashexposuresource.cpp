#include "unleashexposuresource.h"

#include "../connectors/unleash/unleashmapping.h"
#include "../connectors/unleash/unleashserver.h"
#include "../core/jsonreader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>

UnleashExposureSource::UnleashExposureSource(UnleashServer *server, QObject *parent)
    : MetricSource(parent)
    , m_server(server)
{
    m_refresh.setInterval(DefaultRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &UnleashExposureSource::refresh);
}

void UnleashExposureSource::setWatches(const QList<GuardrailWatch> &watches)
{
    QList<GuardrailWatch> mine;
    for (const GuardrailWatch &watch : watches) {
        if (m_server && watch.flag.connectionId == m_server->connectionId())
            mine.append(watch);
    }
    const bool added = std::any_of(mine.cbegin(), mine.cend(), [this](const GuardrailWatch &watch) {
        return !m_delivered.contains(watch.flag);
    });
    QHash<FlagRef, qint64> delivered;
    for (const GuardrailWatch &watch : std::as_const(mine))
        delivered.insert(watch.flag, m_delivered.value(watch.flag, 0));
    m_delivered = delivered;
    m_watches = mine;
    if (m_watches.isEmpty()) {
        m_refresh.stop();
        return;
    }
    if (!m_refresh.isActive())
        m_refresh.start();
    if (added)
        refresh(); // backfill what Unleash has kept (its last 24 hours)
}

void UnleashExposureSource::refresh()
{
    if (!m_server)
        return;
    for (const GuardrailWatch &watch : std::as_const(m_watches)) {
        const FlagRef flag = watch.flag;
        m_server->fetchClientMetrics(flag.key, [this, guard = QPointer(this), flag](Result<QJsonObject> raw) {
            if (!guard)
                return;
            const auto watched = std::find_if(m_watches.cbegin(), m_watches.cend(),
                                              [&](const GuardrailWatch &each) { return each.flag == flag; });
            if (watched == m_watches.cend())
                return;
            if (!raw) {
                Q_EMIT problem(tr("Unleash usage of %1: %2").arg(flag.key, raw.error()));
                return;
            }
            Result<QList<MetricBatch>> batches =
                exposuresFrom(raw.value(), *watched, m_delivered.value(flag), QDateTime::currentMSecsSinceEpoch());
            if (!batches) {
                Q_EMIT problem(tr("Unleash usage of %1: %2").arg(flag.key, batches.error()));
                return;
            }
            for (const MetricBatch &batch : batches.value()) {
                if (!batch.samples.isEmpty())
                    m_delivered[flag] = std::max(m_delivered.value(flag), batch.samples.last().timeMs);
            }
            if (!batches->isEmpty())
                Q_EMIT samplesArrived(batches.value());
        });
    }
}

Result<QList<MetricBatch>> UnleashExposureSource::exposuresFrom(const QJsonObject &raw, const GuardrailWatch &watch,
                                                                qint64 afterMs, qint64 nowMs)
{
    const std::optional<UnleashMapping::ProjectEnvironment> where = UnleashMapping::splitEnvironment(watch.flag.environment);
    if (!where)
        return Result<QList<MetricBatch>>::failure(tr("%1 is not an Unleash environment").arg(watch.flag.environment));
    if (!raw.value(QStringLiteral("data")).isArray())
        return Result<QList<MetricBatch>>::failure(tr("data: expected a list"));
    // A flag without variants has the variations on and off; Unleash counts them as yes and no.
    const bool boolean = watch.variantLabels.contains(UnleashMapping::OffVariation);
    QMap<qint64, QMap<QString, double>> hours; // hour's end → variation → count, summed over applications
    const QJsonArray data = raw.value(QStringLiteral("data")).toArray();
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonObject bucket = data.at(i).toObject();
        JsonReader reader(bucket, QStringLiteral("data[%1]").arg(i));
        const QString environment = reader.requiredString(QStringLiteral("environment"));
        const QDateTime start = QDateTime::fromString(reader.requiredString(QStringLiteral("timestamp")), Qt::ISODateWithMs);
        const qint64 yes = reader.optionalInteger(QStringLiteral("yes"), 0, std::numeric_limits<qint64>::max(), 0);
        const qint64 no = reader.optionalInteger(QStringLiteral("no"), 0, std::numeric_limits<qint64>::max(), 0);
        if (!reader.ok())
            return Result<QList<MetricBatch>>::failure(reader.error());
        if (!start.isValid())
            return Result<QList<MetricBatch>>::failure(tr("data[%1].timestamp: not an ISO 8601 time").arg(i));
        const qint64 end = start.toMSecsSinceEpoch() + HourMs;
        // Unleash fills hours nobody reported with zeros: no data, not a measured zero.
        if (environment != where->environment || end <= afterMs || end > nowMs || yes + no == 0)
            continue;
        QMap<QString, double> &counts = hours[end];
        if (boolean) {
            counts[UnleashMapping::OnVariation] += double(yes);
            counts[UnleashMapping::OffVariation] += double(no);
            continue;
        }
        const QJsonObject variants = bucket.value(QStringLiteral("variants")).toObject();
        for (auto it = variants.constBegin(); it != variants.constEnd(); ++it) {
            if (!it.value().isDouble() || it.value().toDouble() < 0)
                return Result<QList<MetricBatch>>::failure(tr("data[%1].variants.%2: expected a count").arg(i).arg(it.key()));
            counts[it.key()] += it.value().toDouble();
        }
    }
    QMap<QString, MetricBatch> byVariation;
    for (auto hour = hours.constBegin(); hour != hours.constEnd(); ++hour) {
        for (auto count = hour.value().constBegin(); count != hour.value().constEnd(); ++count) {
            MetricBatch &batch = byVariation[count.key()];
            batch.flag = watch.flag;
            batch.metric = RequestsMetric;
            batch.variationId = count.key();
            batch.samples.append({hour.key(), count.value()});
        }
    }
    return byVariation.values();
}
