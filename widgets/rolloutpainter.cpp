#include "rolloutpainter.h"

#include "core/flag.h"

#include <QPainter>
#include <QPainterPath>

#include <array>

namespace RolloutPainter {

QColor variationColor(const Flag &flag, const QString &variationId)
{
    static const std::array<QColor, 7> palette = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                                  QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                                  QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                                                  QColor(0xF0, 0xE4, 0x42)};
    if (!flag.enabled)
        return QColor(0x9a, 0x9a, 0x9a);
    for (qsizetype i = 0; i < flag.variations.size(); ++i) {
        if (flag.variations.at(i).id == variationId)
            return palette[size_t(i) % palette.size()];
    }
    return QColor(0x9a, 0x9a, 0x9a);
}

void paintBar(QPainter &painter, const QRectF &rect, const Flag &flag, const Rollout &served)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath clip;
    clip.addRoundedRect(rect, 3, 3);
    painter.setClipPath(clip);
    painter.fillRect(rect, QColor(0xdd, 0xdd, 0xdd));
    qreal x = rect.left();
    for (const VariationShare &share : served.shares()) {
        const qreal width = rect.width() * share.basisPoints / Rollout::TotalBasisPoints;
        painter.fillRect(QRectF(x, rect.top(), width, rect.height()), variationColor(flag, share.variationId));
        x += width;
    }
    painter.restore();
}

} // namespace RolloutPainter
