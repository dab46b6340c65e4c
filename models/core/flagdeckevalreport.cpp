#include "flagdeckevalreport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

#include <cmath>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FlagDeckEvalReport)
};

// QJsonDocument keeps no positions: a mistake is shown at the first place its key is written,
// after the key it sits under, which in a file this small is the one meant.
EvalReportRead failureAtKey(const QByteArray &data, const QString &key, const QString &message,
                            const QString &under = {})
{
    qsizetype from = 0;
    if (!under.isEmpty())
        from = std::max<qsizetype>(0, data.indexOf(QStringLiteral("\"%1\"").arg(under).toUtf8()));
    const qsizetype at = data.indexOf(QStringLiteral("\"%1\"").arg(key).toUtf8(), from);
    if (at < 0)
        return EvalReportRead::failure(message);
    int line = 0;
    int column = 0;
    lineAndColumn(data, at, &line, &column);
    return EvalReportRead::failure(message, line, column);
}

bool isCount(const QJsonValue &value)
{
    const double number = value.toDouble(-1);
    return value.isDouble() && number >= 0 && number <= 1e9 && std::floor(number) == number;
}

} // namespace

EvalReportRead FlagDeckEvalReport::read(const QByteArray &data, const QJsonObject &root)
{
    static const QSet<QString> fields = {QStringLiteral("flagdeck_eval"), QStringLiteral("suite"), QStringLiteral("time"),
                                         QStringLiteral("results")};
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        if (!fields.contains(it.key()))
            return failureAtKey(data, it.key(), Text::tr("unknown field \"%1\" (the fields are flagdeck_eval, suite, time "
                                                         "and results)")
                                                    .arg(it.key()));
    }
    if (root.value(QLatin1String("flagdeck_eval")).toInt(0) != 1)
        return failureAtKey(data, QStringLiteral("flagdeck_eval"),
                            Text::tr("\"flagdeck_eval\" must be 1, the only version of the format"));
    EvalReport report;
    report.format = EvalReport::Format::FlagDeck;
    const QJsonValue suite = root.value(QLatin1String("suite"));
    if (!suite.isUndefined() && !suite.isString())
        return failureAtKey(data, QStringLiteral("suite"), Text::tr("\"suite\" must be a text"));
    const QString timeText = root.value(QLatin1String("time")).toString();
    const QDateTime time = QDateTime::fromString(timeText, Qt::ISODateWithMs);
    // A time without its zone would be read differently on every machine.
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return failureAtKey(data, QStringLiteral("time"),
                            Text::tr("\"time\" must say when the eval ran, with its zone, e.g. 2026-11-30T15:02:00Z"));
    report.timeMs = time.toMSecsSinceEpoch();
    const QJsonValue results = root.value(QLatin1String("results"));
    if (!results.isObject() || results.toObject().isEmpty())
        return failureAtKey(data, QStringLiteral("results"),
                            Text::tr("\"results\" must map each variation to its passed and total cases"));
    const QJsonObject variations = results.toObject();
    for (auto it = variations.constBegin(); it != variations.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        for (auto field = entry.constBegin(); field != entry.constEnd(); ++field) {
            if (field.key() != QLatin1String("passed") && field.key() != QLatin1String("total")
                && field.key() != QLatin1String("metrics"))
                return failureAtKey(data, field.key(),
                                    Text::tr("unknown field \"%1\" in the results of \"%2\" (the fields are passed, "
                                             "total and metrics)")
                                        .arg(field.key(), it.key()),
                                    it.key());
        }
        const QJsonValue passed = entry.value(QLatin1String("passed"));
        const QJsonValue total = entry.value(QLatin1String("total"));
        if (!it.value().isObject() || !isCount(passed) || !isCount(total) || passed.toInt() > total.toInt())
            return failureAtKey(data, it.key(),
                                Text::tr("the results of \"%1\" need \"passed\" and \"total\": whole numbers, passed at "
                                         "most total")
                                    .arg(it.key()),
                                QStringLiteral("results"));
        EvalColumn column;
        column.suite = suite.toString();
        column.names = {it.key()};
        column.passed = passed.toInt();
        column.total = total.toInt();
        const QJsonValue metrics = entry.value(QLatin1String("metrics"));
        if (!metrics.isUndefined() && !metrics.isObject())
            return failureAtKey(data, QStringLiteral("metrics"),
                                Text::tr("\"metrics\" of \"%1\" must map names to numbers").arg(it.key()), it.key());
        const QJsonObject values = metrics.toObject();
        for (auto metric = values.constBegin(); metric != values.constEnd(); ++metric) {
            if (!metric.value().isDouble())
                return failureAtKey(data, metric.key(),
                                    Text::tr("metric \"%1\" of \"%2\" must be a number").arg(metric.key(), it.key()),
                                    it.key());
            column.addMetric(metric.key(), metric.value().toDouble());
        }
        report.columns.append(column);
    }
    return {report, 0, 0, {}};
}
