#pragma once

#include "guardrailhealth.h"
#include "metricsample.h"

#include <QObject>

// Where guardrail data comes from: the sandbox's traffic simulator or a Prometheus server. A
// source backfills what it can when a flag is first watched, then delivers new intervals as they
// close. Sources never judge the data; the guardrail monitor does.
class MetricSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Replaces what is watched. Flags no longer listed stop being delivered.
    virtual void setWatches(const QList<GuardrailWatch> &watches) = 0;
    // How long one interval is.
    virtual int stepMs() const = 0;

Q_SIGNALS:
    void samplesArrived(const QList<MetricBatch> &batches);
    // The source could not deliver (unreachable, bad answer); it keeps trying.
    void problem(const QString &description);
};
