#include "promptfooreport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PromptfooReport)
};

qint64 isoMs(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

} // namespace

EvalReportRead PromptfooReport::read(const QJsonObject &root)
{
    const QJsonObject results = root.value(QLatin1String("results")).toObject();
    const QJsonValue version = results.value(QLatin1String("version"));
    if (!version.isDouble() || version.toInt() < 3)
        return EvalReportRead::failure(
            Text::tr("promptfoo output of results version %1: FlagDeck reads version 3 and later (promptfoo 0.60 on)")
                .arg(version.isDouble() ? QString::number(version.toInt()) : Text::tr("(none)")));
    const QJsonValue rows = results.value(QLatin1String("results"));
    if (!rows.isArray())
        return EvalReportRead::failure(Text::tr("promptfoo output without a \"results\" list in \"results\""));

    EvalReport report;
    report.format = EvalReport::Format::Promptfoo;
    const QJsonObject metadata = root.value(QLatin1String("metadata")).toObject();
    report.timeMs = isoMs(metadata.value(QLatin1String("evaluationCreatedAt")));
    if (report.timeMs == 0)
        report.timeMs = isoMs(results.value(QLatin1String("timestamp")));
    const QString suite = root.value(QLatin1String("config")).toObject().value(QLatin1String("description")).toString();

    QMap<QString, int> columnOf; // prompt and provider → column
    int index = 0;
    for (const QJsonValue &value : rows.toArray()) {
        ++index;
        const QJsonObject row = value.toObject();
        const QJsonValue success = row.value(QLatin1String("success"));
        if (!success.isBool())
            return EvalReportRead::failure(Text::tr("promptfoo result %1 has no \"success\"").arg(index));
        const QJsonObject prompt = row.value(QLatin1String("prompt")).toObject();
        const QJsonValue providerValue = row.value(QLatin1String("provider"));
        // The provider is an object {id, label}; older outputs give its id alone.
        const QJsonObject provider = providerValue.isString()
            ? QJsonObject{{QStringLiteral("id"), providerValue.toString()}}
            : providerValue.toObject();
        const QString promptLabel = prompt.value(QLatin1String("label")).toString();
        const QString providerId = provider.value(QLatin1String("id")).toString();
        const QString providerLabel = provider.value(QLatin1String("label")).toString();
        const QString key = QStringLiteral("%1\n%2\n%3")
                                .arg(row.value(QLatin1String("promptIdx")).toInt(-1))
                                .arg(promptLabel, providerId + QLatin1Char('\n') + providerLabel);
        auto found = columnOf.constFind(key);
        if (found == columnOf.cend()) {
            EvalColumn column;
            column.suite = suite;
            for (const QString &name : {promptLabel, providerLabel, providerId}) {
                if (!name.isEmpty() && !column.names.contains(name))
                    column.names.append(name);
            }
            report.columns.append(column);
            found = columnOf.insert(key, int(report.columns.size()) - 1);
        }
        EvalColumn &column = report.columns[found.value()];
        ++column.total;
        if (success.toBool())
            ++column.passed;
        // Named scores: an assertion's `metric`, scored 0 to 1 in each case.
        const QJsonObject scores = row.value(QLatin1String("namedScores")).toObject();
        for (auto score = scores.constBegin(); score != scores.constEnd(); ++score) {
            if (score.value().isDouble() && std::isfinite(score.value().toDouble()))
                column.addMetric(score.key(), score.value().toDouble());
        }
    }
    return {report, 0, 0, {}};
}
