#pragma once

#include "metricsource.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

class UnleashServer;

// Exposure counts per variant from the usage Unleash's SDKs report (client metrics), as the
// "requests" metric of each watched flag of one Unleash connection: the basis of the sample-ratio
// check, and a chart of who got what. Unleash keeps these counts per hour, summed over every
// application reporting, so one interval is one hour; an hour is delivered once it has ended.
class UnleashExposureSource : public MetricSource
{
    Q_OBJECT

public:
    static constexpr int HourMs = 3600 * 1000;
    static constexpr int DefaultRefreshMs = 60 * 1000;

    explicit UnleashExposureSource(UnleashServer *server, QObject *parent = nullptr);

    void setWatches(const QList<GuardrailWatch> &watches) override;
    int stepMs() const override { return HourMs; }
    void setRefreshInterval(int milliseconds) { m_refresh.setInterval(milliseconds); }
    // Reads every watched flag's counts now.
    void refresh();

    // The hours of one flag's raw metrics that ended by nowMs and come after afterMs, per variation.
    static Result<QList<MetricBatch>> exposuresFrom(const QJsonObject &raw, const GuardrailWatch &watch, qint64 afterMs,
                                                    qint64 nowMs);

private:
    QPointer<UnleashServer> m_server;
    QList<GuardrailWatch> m_watches;
    QHash<FlagRef, qint64> m_delivered; // end of the last hour delivered per flag
    QTimer m_refresh;
};
