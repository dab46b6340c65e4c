#pragma once

#include <QList>
#include <QString>

// Tick marks a person reads at a glance: values that are whole multiples of a step of 1, 2 or 5
// times a power of ten (…, 0.5, 1, 2, 5, 10, 20, …), and a range that starts and ends on a tick.
struct NiceTicks
{
    qint64 firstIndex = 0; // the ticks are firstIndex × step … lastIndex × step
    qint64 lastIndex = 1;
    int mantissa = 1; // step = mantissa × 10^exponent, mantissa 1, 2 or 5
    int exponent = 0;

    // The fewest nice ticks, at most maxTicks (taken as at least 3), whose range holds low and high.
    // A range of one value (or none) is widened around it.
    static NiceTicks forRange(double low, double high, int maxTicks);
    // The smallest 1, 2 or 5 × 10^n that is at least value (value > 0).
    static double niceStepAtLeast(double value);

    double step() const;
    double low() const { return valueAt(firstIndex); }
    double high() const { return valueAt(lastIndex); }
    int count() const { return int(lastIndex - firstIndex + 1); }
    // index × step, as the nearest double to the exact decimal (3 × 0.1 is 0.3, never 0.30000000000000004).
    double valueAt(qint64 index) const;
    QList<double> values() const;
    // Digits after the decimal point that write every tick exactly (0 for steps of 1 and more).
    int decimals() const { return exponent < 0 ? -exponent : 0; }
    // A tick as the locale writes it, with decimals() digits; a zero never gets a minus sign.
    QString text(double value) const;
};

// Tick marks on a time axis: whole seconds, minutes or hours (1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10,
// 15, 30 min; 1, 2, 3, 6, 12 h), at whole multiples of the step since the epoch.
struct NiceTimeTicks
{
    qint64 stepMs = 1000;
    QList<qint64> timesMs; // inside [fromMs, toMs]

    static NiceTimeTicks forRange(qint64 fromMs, qint64 toMs, int maxTicks);
    // "HH:mm:ss" for steps under a minute, "HH:mm" from a minute on.
    QString format() const;
};
