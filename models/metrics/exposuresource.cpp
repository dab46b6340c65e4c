#include "exposuresource.h"

#include "../connectors/flagserver.h"

#include <QMap>

ExposureSource::ExposureSource(FlagServer *server, QObject *parent)
    : MetricSource(parent)
    , m_server(server)
{
    m_refresh.setInterval(DefaultRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &ExposureSource::refresh);
}

void ExposureSource::setWatches(const QList<GuardrailWatch> &watches)
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
        refresh(); // backfill what the server has kept (Unleash: its last 24 hours)
}

void ExposureSource::refresh()
{
    if (!m_server)
        return;
    for (const GuardrailWatch &watch : std::as_const(m_watches)) {
        const FlagRef flag = watch.flag;
        m_server->fetchExposures(flag.environment, flag.key, [this, guard = QPointer(this), flag](Result<QList<ExposureHour>> hours) {
            if (!guard || !m_delivered.contains(flag))
                return; // no longer watched
            if (!hours) {
                Q_EMIT problem(tr("Usage of %1 on %2: %3").arg(flag.key, m_server ? m_server->displayName() : QString(), hours.error()));
                return;
            }
            const QList<MetricBatch> batches = batchesFrom(hours.value(), flag, m_delivered.value(flag));
            for (const MetricBatch &batch : batches)
                m_delivered[flag] = std::max(m_delivered.value(flag), batch.samples.last().timeMs);
            if (!batches.isEmpty())
                Q_EMIT samplesArrived(batches);
        });
    }
}

QList<MetricBatch> ExposureSource::batchesFrom(const QList<ExposureHour> &hours, const FlagRef &flag, qint64 afterMs)
{
    QMap<QString, MetricBatch> byVariation;
    for (const ExposureHour &hour : hours) {
        if (hour.endMs <= afterMs)
            continue;
        for (auto count = hour.byVariation.constBegin(); count != hour.byVariation.constEnd(); ++count) {
            MetricBatch &batch = byVariation[count.key()];
            batch.flag = flag;
            batch.metric = RequestsMetric;
            batch.variationId = count.key();
            batch.samples.append({hour.endMs, count.value()});
        }
    }
    return byVariation.values();
}
