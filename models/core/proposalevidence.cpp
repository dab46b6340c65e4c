#include "proposalevidence.h"

#include <QCoreApplication>

#include <algorithm>
#include <QJsonArray>

#include <cmath>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProposalEvidence)
};

QString nameOf(const QList<Variation> &variations, const QString &id)
{
    for (const Variation &variation : variations) {
        if (variation.id == id)
            return variation.name.isEmpty() ? id : variation.name;
    }
    return id;
}

// The monitor's verdict names in words; an unknown one as it came.
QString verdictWords(const QString &name)
{
    if (name == QLatin1String("regressed"))
        return Text::tr("regressed");
    if (name == QLatin1String("healthy"))
        return Text::tr("healthy");
    if (name == QLatin1String("watching"))
        return Text::tr("watching");
    if (name == QLatin1String("not_enough_data"))
        return Text::tr("not enough data");
    if (name == QLatin1String("no_data"))
        return Text::tr("no data");
    return name;
}

// A plain signed number with three significant digits and never an exponent: "+0.0000987", "-12.3".
QString signedNumber(double value)
{
    if (value == 0 || !std::isfinite(value))
        return QStringLiteral("0");
    const int magnitude = int(std::floor(std::log10(std::abs(value))));
    const int decimals = std::clamp(2 - magnitude, 0, 12);
    const QString digits = QString::number(std::abs(value), 'f', decimals);
    return (value < 0 ? QStringLiteral("-") : QStringLiteral("+")) + digits;
}

} // namespace

QString signedPercent(double fraction)
{
    const double percent = std::round(fraction * 1000.0) / 10.0;
    if (percent == 0 || !std::isfinite(percent))
        return QStringLiteral("0.0%");
    return (percent > 0 ? QStringLiteral("+") : QStringLiteral("-")) + QString::number(std::abs(percent), 'f', 1)
        + QLatin1Char('%');
}

QStringList evidenceSentences(const QJsonObject &evidence, const QList<Variation> &variations)
{
    const QJsonObject metrics = evidence.value(QStringLiteral("metrics")).toObject();
    const QString controlId = metrics.value(QStringLiteral("control")).toString();
    const QString control = controlId.isEmpty() ? Text::tr("the control") : nameOf(variations, controlId);
    QStringList sentences;
    for (const QJsonValue &value : metrics.value(QStringLiteral("results")).toArray()) {
        const QJsonObject result = value.toObject();
        const QString metric = result.value(QStringLiteral("metric")).toString();
        const QString candidate = nameOf(variations, result.value(QStringLiteral("candidate")).toString());
        const QString verdict = verdictWords(result.value(QStringLiteral("verdict")).toString());
        const QJsonArray interval = result.value(QStringLiteral("interval")).toArray();
        const double difference = result.value(QStringLiteral("difference")).toDouble();
        const double controlMean = result.value(QStringLiteral("control_mean")).toDouble();
        const bool measured = result.value(QStringLiteral("paired_intervals")).toInt(1) > 0 && interval.size() == 2;
        if (!measured) {
            sentences.append(Text::tr("%1: %2 against %3 · %4").arg(metric, candidate, control, verdict));
            continue;
        }
        const double lower = interval.at(0).toDouble();
        const double upper = interval.at(1).toDouble();
        QString change;
        if (controlMean != 0 && std::isfinite(controlMean)) {
            const double scale = std::abs(controlMean);
            change = Text::tr("%1 %2 against %3 (%4 to %5)")
                         .arg(candidate, signedPercent(difference / scale), control, signedPercent(lower / scale),
                              signedPercent(upper / scale));
        } else {
            change = Text::tr("%1 %2 against %3 (%4 to %5)")
                         .arg(candidate, signedNumber(difference), control, signedNumber(lower), signedNumber(upper));
        }
        sentences.append(Text::tr("%1: %2 · %3").arg(metric, change, verdict));
    }
    return sentences;
}
