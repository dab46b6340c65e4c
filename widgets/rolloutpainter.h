#pragma once

#include <QColor>

struct Flag;
class Rollout;
class QPainter;
class QRectF;

// One look for exposure everywhere: a bar split by share, one colour per variation (the
// colour-blind-safe Okabe–Ito palette); while a flag is off its bar is the off variation in grey.
namespace RolloutPainter {

QColor variationColor(const Flag &flag, const QString &variationId);
void paintBar(QPainter &painter, const QRectF &rect, const Flag &flag, const Rollout &served);

} // namespace RolloutPainter
