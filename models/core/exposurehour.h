#pragma once

#include <QMap>
#include <QString>

// How often each variation of one flag was served in one hour that has ended, as the applications
// using the flag reported it to their flag server (summed over every application).
struct ExposureHour
{
    qint64 endMs = 0;
    QMap<QString, double> byVariation; // variation id → evaluations

    friend bool operator==(const ExposureHour &, const ExposureHour &) = default;
};
