#include "niceticks.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

double powerOfTen(int exponent)
{
    double result = 1;
    for (int i = 0; i < std::abs(exponent); ++i)
        result *= 10;
    return exponent < 0 ? 1 / result : result;
}

// The step as mantissa × 10^exponent: the smallest of 1, 2, 5 × 10^n at least value.
void decompose(double value, int &mantissa, int &exponent)
{
    exponent = int(std::floor(std::log10(value)));
    const double scaled = value / powerOfTen(exponent);
    // Rounding of log10 and the division: a value of exactly 10^n may come out as 9.999….
    if (scaled <= 1 + 1e-9)
        mantissa = 1;
    else if (scaled <= 2 + 1e-9)
        mantissa = 2;
    else if (scaled <= 5 + 1e-9)
        mantissa = 5;
    else {
        mantissa = 1;
        ++exponent;
    }
}

void nextStep(int &mantissa, int &exponent)
{
    if (mantissa == 1)
        mantissa = 2;
    else if (mantissa == 2)
        mantissa = 5;
    else {
        mantissa = 1;
        ++exponent;
    }
}

} // namespace

double NiceTicks::niceStepAtLeast(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1;
    NiceTicks ticks;
    decompose(value, ticks.mantissa, ticks.exponent);
    return ticks.step();
}

double NiceTicks::step() const
{
    return exponent < 0 ? mantissa / powerOfTen(-exponent) : mantissa * powerOfTen(exponent);
}

double NiceTicks::valueAt(qint64 index) const
{
    // Divide by the exact power of ten rather than multiply by its inexact inverse.
    return exponent < 0 ? double(index * mantissa) / powerOfTen(-exponent) : double(index * mantissa) * powerOfTen(exponent);
}

QList<double> NiceTicks::values() const
{
    QList<double> ticks;
    for (qint64 index = firstIndex; index <= lastIndex; ++index)
        ticks.append(valueAt(index));
    return ticks;
}

QString NiceTicks::text(double value) const
{
    QString written = QLocale().toString(value, 'f', decimals());
    // -0.0 and values that round to zero are written as 0.
    if (std::abs(value) < step() / 2)
        written = QLocale().toString(0.0, 'f', decimals());
    return written;
}

NiceTicks NiceTicks::forRange(double low, double high, int maxTicks)
{
    // Three, so that a range either side of zero always fits: two ticks can never hold it.
    maxTicks = std::max(3, maxTicks);
    if (!std::isfinite(low) || !std::isfinite(high)) {
        low = 0;
        high = 1;
    }
    if (low > high)
        std::swap(low, high);
    if (high - low <= std::max(std::abs(low), std::abs(high)) * 1e-12) {
        const double pad = low == 0 ? 1 : std::abs(low) * 0.1;
        low -= pad;
        high += pad;
    }
    NiceTicks ticks;
    decompose((high - low) / (maxTicks - 1), ticks.mantissa, ticks.exponent);
    for (;;) {
        const double step = ticks.step();
        // The ticks just outside (or on) the bounds, as the ticks' own values compare with them, so
        // that rounding in low / step neither leaves a bound outside nor widens by a needless step.
        ticks.firstIndex = qint64(std::floor(low / step));
        while (ticks.valueAt(ticks.firstIndex) > low)
            --ticks.firstIndex;
        while (ticks.valueAt(ticks.firstIndex + 1) <= low)
            ++ticks.firstIndex;
        ticks.lastIndex = qint64(std::ceil(high / step));
        while (ticks.valueAt(ticks.lastIndex) < high)
            ++ticks.lastIndex;
        while (ticks.valueAt(ticks.lastIndex - 1) >= high)
            --ticks.lastIndex;
        if (ticks.lastIndex == ticks.firstIndex)
            ++ticks.lastIndex;
        if (ticks.count() <= maxTicks || ticks.exponent > 300)
            return ticks;
        nextStep(ticks.mantissa, ticks.exponent);
    }
}

NiceTimeTicks NiceTimeTicks::forRange(qint64 fromMs, qint64 toMs, int maxTicks)
{
    constexpr qint64 Second = 1000;
    constexpr qint64 Minute = 60 * Second;
    constexpr qint64 Hour = 60 * Minute;
    static constexpr qint64 Steps[] = {Second,      2 * Second,  5 * Second,  10 * Second, 15 * Second,
                                       30 * Second, Minute,      2 * Minute,  5 * Minute,  10 * Minute,
                                       15 * Minute, 30 * Minute, Hour,        2 * Hour,    3 * Hour,
                                       6 * Hour,    12 * Hour,   24 * Hour};
    maxTicks = std::max(1, maxTicks);
    NiceTimeTicks ticks;
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    for (const qint64 step : Steps) {
        ticks.stepMs = step;
        // Ticks at whole multiples of the step within the range (floor division for times before 1970).
        const qint64 first = (fromMs >= 0 ? (fromMs + step - 1) / step : -((-fromMs) / step)) * step;
        if ((toMs - first) / step + 1 <= maxTicks)
            break;
    }
    const qint64 step = ticks.stepMs;
    for (qint64 time = (fromMs >= 0 ? (fromMs + step - 1) / step : -((-fromMs) / step)) * step; time <= toMs;
         time += step)
        ticks.timesMs.append(time);
    return ticks;
}

QString NiceTimeTicks::format() const
{
    return stepMs < 60 * 1000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
}
