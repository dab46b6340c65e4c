#pragma once

// What every benchmark of flagdeck-bench shares: its figures' lines, percentiles, this process's
// memory, and waiting on the event loop with a limit.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace Bench {

inline void report(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

inline void report(const QString &name, double value, const char *unit)
{
    report(qPrintable(name), value, unit);
}

inline void report(const QByteArray &name, double value, const char *unit)
{
    report(name.constData(), value, unit);
}

// The value at this fraction of the sorted values (1.0: the largest); 0 when there are none.
inline double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(fraction * double(values.size())))];
}

// This process's resident memory now.
inline double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return 0;
}

// Processes events until done() or the limit; false when the limit came first.
inline bool waitFor(const std::function<bool()> &done, int limitMs)
{
    const QDeadlineTimer deadline(limitMs);
    // Wakes the sleeping loop now and then to look at the deadline (processEvents with a time
    // limit would not sleep at all, and take a core from the servers being measured).
    QTimer wake;
    wake.start(100);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace Bench
