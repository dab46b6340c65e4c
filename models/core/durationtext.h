#pragma once

#include <QString>

// Plain products, not digit separators: lupdate reads ' as the start of a character literal.
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;

// A duration as a person reads it at a glance: "0 min", "12 min", "3 h", "2 d" (whole units,
// rounded down; days from 48 hours on).
QString durationText(qint64 milliseconds);
