#include "chartdecimation.h"

#include <algorithm>

namespace {

// Calls take(begin, end) for each non-empty run of points that falls in one column.
template<typename Take>
void forEachColumn(const QList<QPointF> &points, int columns, Take take)
{
    const double first = points.constFirst().x();
    const double width = std::max(1e-9, (points.constLast().x() - first) / columns);
    qsizetype begin = 0;
    while (begin < points.size()) {
        const int column = std::min(columns - 1, int((points[begin].x() - first) / width));
        qsizetype end = begin + 1;
        while (end < points.size() && std::min(columns - 1, int((points[end].x() - first) / width)) == column)
            ++end;
        take(begin, end);
        begin = end;
    }
}

} // namespace

QList<QPointF> ChartDecimation::minMax(const QList<QPointF> &points, int columns)
{
    if (columns <= 0 || points.size() <= 2 * columns + 2)
        return points;
    QList<QPointF> kept;
    kept.reserve(2 * columns + 2);
    forEachColumn(points, columns, [&](qsizetype begin, qsizetype end) {
        qsizetype low = begin;
        qsizetype high = begin;
        for (qsizetype i = begin + 1; i < end; ++i) {
            if (points[i].y() < points[low].y())
                low = i;
            if (points[i].y() > points[high].y())
                high = i;
        }
        kept.append(points[std::min(low, high)]);
        if (low != high)
            kept.append(points[std::max(low, high)]);
    });
    if (kept.constLast() != points.constLast())
        kept.append(points.constLast());
    return kept;
}

QList<QPointF> ChartDecimation::envelope(const QList<QPointF> &points, int columns, bool upper)
{
    if (columns <= 0 || points.size() <= columns)
        return points;
    QList<QPointF> kept;
    kept.reserve(columns + 1);
    forEachColumn(points, columns, [&](qsizetype begin, qsizetype end) {
        QPointF chosen = points[begin];
        for (qsizetype i = begin + 1; i < end; ++i) {
            if (upper ? points[i].y() > chosen.y() : points[i].y() < chosen.y())
                chosen.setY(points[i].y());
        }
        kept.append(chosen);
    });
    return kept;
}
