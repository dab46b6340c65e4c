#include "evalcheck.h"

#include "durationtext.h"
#include "rollout.h"

#include <QCoreApplication>
#include <QDateTime>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EvalCheck)
};

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

QString boundText(const EvalMetricBound &bound)
{
    if (bound.min && bound.max)
        return Text::tr("%1 to %2").arg(number(*bound.min), number(*bound.max));
    if (bound.min)
        return Text::tr("≥ %1").arg(number(*bound.min));
    return Text::tr("≤ %1").arg(number(*bound.max));
}

} // namespace

QString evalStateName(EvalCheck::State state)
{
    switch (state) {
    case EvalCheck::State::Passed:
        return QStringLiteral("passed");
    case EvalCheck::State::Failed:
        return QStringLiteral("failed");
    case EvalCheck::State::Stale:
        return QStringLiteral("stale");
    case EvalCheck::State::Missing:
        return QStringLiteral("missing");
    case EvalCheck::State::Unreadable:
        return QStringLiteral("unreadable");
    case EvalCheck::State::Pending:
        return QStringLiteral("pending");
    }
    Q_UNREACHABLE();
}

EvalCheck evalWithoutReport(const QString &stage, const ContractEval &eval, EvalCheck::State state,
                            const QString &location, const QString &reason)
{
    EvalCheck check;
    check.stage = stage;
    check.eval = eval;
    check.state = state;
    check.location = location;
    check.summary = Text::tr("%1 — %2").arg(eval.variation, reason);
    return check;
}

EvalCheck checkEvalReport(const QString &stage, const ContractEval &eval, const EvalReport &report, qint64 fileTimeMs,
                          qint64 nowMs)
{
    // The columns of the suite the contract names, then those answering to its variation. A
    // column that does not say its variation (JUnit without the property) is the variation the
    // contract says the report covers.
    QList<const EvalColumn *> inSuite;
    QStringList suites;
    for (const EvalColumn &column : report.columns) {
        if (!suites.contains(column.suite))
            suites.append(column.suite);
        if (eval.suite.isEmpty() || column.suite == eval.suite)
            inSuite.append(&column);
    }
    if (inSuite.isEmpty()) {
        EvalCheck check = evalWithoutReport(stage, eval, EvalCheck::State::Unreadable, {},
                                            Text::tr("the report is of suite %1, not %2")
                                                .arg(suites.join(QStringLiteral(", ")), eval.suite));
        check.mismatch = EvalCheck::Mismatch::Suite;
        return check;
    }
    QList<const EvalColumn *> selected;
    QStringList names;
    for (const EvalColumn *column : std::as_const(inSuite)) {
        names.append(column->names);
        if (column->names.isEmpty() || column->names.contains(eval.variation))
            selected.append(column);
    }
    if (selected.isEmpty()) {
        names.removeDuplicates();
        EvalCheck check = evalWithoutReport(stage, eval, EvalCheck::State::Unreadable, {},
                                            Text::tr("the report has no results for this variation (it has %1)")
                                                .arg(names.join(QStringLiteral(", "))));
        check.mismatch = EvalCheck::Mismatch::Variation;
        return check;
    }

    EvalCheck check;
    check.stage = stage;
    check.eval = eval;
    check.reportTimeMs = report.timeMs > 0 ? report.timeMs : fileTimeMs;
    QMap<QString, double> sums;
    QMap<QString, int> counts;
    for (const EvalColumn *column : std::as_const(selected)) {
        check.passed += column->passed;
        check.total += column->total;
        for (auto it = column->metricSums.cbegin(); it != column->metricSums.cend(); ++it) {
            sums[it.key()] += it.value();
            counts[it.key()] += column->metricCounts.value(it.key());
        }
    }

    bool failed = check.total == 0;
    QStringList parts;
    if (eval.passBasisPoints) {
        // Exact: passed / total ≥ required, in whole numbers.
        const bool enough = check.total > 0 && qint64(check.passed) * Rollout::TotalBasisPoints
                                                   >= qint64(*eval.passBasisPoints) * check.total;
        failed = failed || !enough;
        parts.append(Text::tr("%1 of %2 passed (≥ %3 required)")
                         .arg(check.passed)
                         .arg(check.total)
                         .arg(Rollout::formatPercent(*eval.passBasisPoints)));
    } else {
        parts.append(Text::tr("%1 of %2 passed").arg(check.passed).arg(check.total));
    }
    for (const EvalMetricBound &bound : eval.metrics) {
        if (counts.value(bound.metric) == 0) {
            failed = true;
            parts.append(Text::tr("%1 not in the report (%2 required)").arg(bound.metric, boundText(bound)));
            continue;
        }
        const double value = sums.value(bound.metric) / counts.value(bound.metric);
        failed = failed || (bound.min && value < *bound.min) || (bound.max && value > *bound.max);
        parts.append(Text::tr("%1 %2 (%3 required)").arg(bound.metric, number(value), boundText(bound)));
    }
    bool stale = false;
    if (check.reportTimeMs > 0) {
        const qint64 age = std::max<qint64>(0, nowMs - check.reportTimeMs);
        stale = eval.maxAgeMs > 0 && age > eval.maxAgeMs;
        parts.append(eval.maxAgeMs > 0 ? Text::tr("report %1 old (≤ %2)").arg(durationText(age), durationText(eval.maxAgeMs))
                                       : Text::tr("report %1 old").arg(durationText(age)));
    } else {
        // An eval whose time nobody can tell is as good as stale when a maximum age is set.
        stale = eval.maxAgeMs > 0;
        parts.append(Text::tr("the report does not say when it ran"));
    }
    if (check.total == 0)
        parts.prepend(Text::tr("no cases"));
    check.state = failed ? EvalCheck::State::Failed : stale ? EvalCheck::State::Stale : EvalCheck::State::Passed;
    check.summary = Text::tr("%1 — %2").arg(eval.variation, parts.join(QStringLiteral(", ")));
    return check;
}

QJsonObject evalCheckToJson(const EvalCheck &check, qint64 nowMs)
{
    QJsonObject json{{QStringLiteral("stage"), check.stage},
                     {QStringLiteral("variation"), check.eval.variation},
                     {QStringLiteral("state"), evalStateName(check.state)},
                     {QStringLiteral("report"), check.location.isEmpty() ? check.eval.report : check.location},
                     {QStringLiteral("summary"), check.summary}};
    if (!check.eval.suite.isEmpty())
        json.insert(QStringLiteral("suite"), check.eval.suite);
    if (check.state == EvalCheck::State::Passed || check.state == EvalCheck::State::Failed
        || check.state == EvalCheck::State::Stale) {
        json.insert(QStringLiteral("passed"), check.passed);
        json.insert(QStringLiteral("total"), check.total);
    }
    if (check.eval.passBasisPoints)
        json.insert(QStringLiteral("required_pass_rate"), *check.eval.passBasisPoints / double(Rollout::TotalBasisPoints));
    if (check.reportTimeMs > 0) {
        json.insert(QStringLiteral("report_time"),
                    QDateTime::fromMSecsSinceEpoch(check.reportTimeMs, Qt::UTC).toString(Qt::ISODate));
        json.insert(QStringLiteral("age_seconds"), double(std::max<qint64>(0, nowMs - check.reportTimeMs) / 1000));
    }
    if (check.eval.maxAgeMs > 0)
        json.insert(QStringLiteral("max_age_seconds"), double(check.eval.maxAgeMs / 1000));
    return json;
}
