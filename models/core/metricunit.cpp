#include "metricunit.h"

#include <QCoreApplication>
#include <QLocale>

#include <initializer_list>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(MetricUnit)
};

bool nameHas(const QString &name, std::initializer_list<const char *> parts)
{
    for (const char *part : parts) {
        if (name.contains(QLatin1String(part)))
            return true;
    }
    return false;
}

} // namespace

MetricUnit MetricUnit::forMetric(const QString &metric)
{
    const QString name = metric.toLower();
    if (nameHas(name, {"_seconds", "_secs"}))
        return {Text::tr("s", "seconds"), 1};
    if (nameHas(name, {"latency", "wait", "time_to", "_time", "_ms"}))
        return {Text::tr("ms", "milliseconds"), 1};
    if (nameHas(name, {"rate", "click_through", "acceptance", "ratio", "share"}))
        return {QStringLiteral("%"), 100};
    if (nameHas(name, {"cost", "price", "spend"}))
        return {Text::tr("$", "currency of costs per request"), 1};
    if (nameHas(name, {"token"}))
        return {Text::tr("tokens"), 1};
    return {};
}

QString MetricUnit::text(double value, int decimals) const
{
    const QString number = decimals < 0 ? QLocale().toString(value, 'g', 6) : QLocale().toString(value, 'f', decimals);
    if (symbol.isEmpty())
        return number;
    return symbol == QLatin1String("%") ? number + symbol : Text::tr("%1 %2", "a value and its unit").arg(number, symbol);
}
