#pragma once

#include "metricsource.h"

#include "../core/exposurehour.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

class FlagServer;

// Exposure counts per variation from what the applications using a flag reported to its server
// (a FlagServer with Capability::ExposureCounts, e.g. Unleash's client metrics), as the "requests"
// metric of each watched flag of that one connection: the basis of the sample-ratio check, and a
// chart of who got what. Servers keep these counts per hour, so one interval is one hour; an hour
// is delivered once it has ended, and once only.
class ExposureSource : public MetricSource
{
    Q_OBJECT

public:
    static constexpr int HourMs = 3600 * 1000;
    static constexpr int DefaultRefreshMs = 60 * 1000;

    explicit ExposureSource(FlagServer *server, QObject *parent = nullptr);

    void setWatches(const QList<GuardrailWatch> &watches) override;
    int stepMs() const override { return HourMs; }
    void setRefreshInterval(int milliseconds) { m_refresh.setInterval(milliseconds); }
    // Reads every watched flag's counts now.
    void refresh();

    // The hours after afterMs as one batch of "requests" samples per variation.
    static QList<MetricBatch> batchesFrom(const QList<ExposureHour> &hours, const FlagRef &flag, qint64 afterMs);

private:
    QPointer<FlagServer> m_server;
    QList<GuardrailWatch> m_watches;
    QHash<FlagRef, qint64> m_delivered; // end of the last hour delivered per flag
    QTimer m_refresh;
};
