#pragma once

#include "../core/flagref.h"

#include <QList>
#include <QString>

// One interval's value of one metric for the traffic that one variation served, as a metric
// source aggregates it (a rate, a p95, a mean cost per request, a request count).
struct MetricSample
{
    qint64 timeMs = 0; // end of the interval, UTC; sources align it to their step so arms pair up
    double value = 0;

    friend bool operator==(const MetricSample &, const MetricSample &) = default;
};

// New samples of one series, oldest first.
struct MetricBatch
{
    FlagRef flag;
    QString metric;
    QString variationId;
    QList<MetricSample> samples;
    // The data could not be told apart by environment: every environment's traffic is in it.
    bool mixedEnvironments = false;
};

// Exposure counts per interval and variation: the basis for the sample-ratio check and for
// skipping intervals where an arm had too little traffic to say anything.
inline const QString RequestsMetric = QStringLiteral("requests");
