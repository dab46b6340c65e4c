#pragma once

#include "variation.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// A proposal's guardrail evidence (the monitor's form: {"metrics": {"control": id, "results":
// [{metric, candidate, verdict, difference, interval, control_mean, paired_intervals}, …]}}) in
// a reviewer's words, one sentence per guardrail and candidate: the change relative to the
// control with its interval, e.g. "p95_latency: distilled small +38.2% against frontier large
// (+31.0% to +45.9%) · regressed". Variation ids are named from variations. Without a control
// level the difference stays absolute, still in plain digits. Empty when the evidence has no results.
QStringList evidenceSentences(const QJsonObject &evidence, const QList<Variation> &variations);

// A relative change as a signed percentage with one decimal: "+38.2%", "-4.0%", "0.0%".
QString signedPercent(double fraction);
