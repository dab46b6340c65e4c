#pragma once

#include <QList>
#include <QPointF>

// Fewer points that draw the same picture: a chart never needs more than a few points per pixel
// column, and Qt Charts' cost grows with every point it is given.
namespace ChartDecimation {

// Points sorted by x. Keeps the first and last point and, per column, the lowest and the highest
// in the order they occur, so spikes survive.
QList<QPointF> minMax(const QList<QPointF> &points, int columns);

// One point per column: the highest (upper) or lowest y in it, for the edges of an interval band.
QList<QPointF> envelope(const QList<QPointF> &points, int columns, bool upper);

} // namespace ChartDecimation
