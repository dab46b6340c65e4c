#pragma once

#include <QString>

// The unit a guardrail metric's values are read in, worked out from its name as the sandbox and
// the usual Prometheus names use them: latencies and waits in milliseconds, rates as a share of
// requests (shown in %), costs in dollars per request, token counts; a score has none.
struct MetricUnit
{
    QString symbol; // as a person reads it after a value, e.g. "ms", "%"; empty for none
    double scale = 1; // a value × scale is what is shown (0.03 of requests is 3 %)

    static MetricUnit forMetric(const QString &metric);
    // The value (already scaled) with its unit, e.g. "3.5%", "1,200 ms"; decimals < 0: as many as it needs, up to 6 digits.
    QString text(double value, int decimals) const;
};
