#include "stagetrack.h"

#include "statecolors.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace {

constexpr qreal NodeRadius = 7;
constexpr int Margin = 14;

} // namespace

StageTrack::StageTrack(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("stageTrack"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void StageTrack::setStages(const QStringList &labels, const QStringList &names, int current)
{
    m_labels = labels;
    m_names = names;
    m_current = current;
    setAccessibleDescription(current >= 0 ? tr("stage %1 of %2: %3").arg(current + 1).arg(names.size()).arg(names.value(current))
                                          : tr("at no stage"));
    update();
}

QSize StageTrack::sizeHint() const
{
    return {240, fontMetrics().height() + 2 * int(NodeRadius) + 14};
}

QSize StageTrack::minimumSizeHint() const
{
    return {120, sizeHint().height()};
}

QPointF StageTrack::nodeCenter(int stage) const
{
    const qreal usable = width() - 2 * Margin;
    const qreal step = m_labels.size() > 1 ? usable / (m_labels.size() - 1) : 0;
    return {Margin + step * stage + (m_labels.size() == 1 ? usable / 2 : 0), NodeRadius + 3};
}

void StageTrack::paintEvent(QPaintEvent *)
{
    if (m_labels.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor reached = StateColors::forStateKind(FlagTableModel::StateKind::On);
    const QColor ahead = palette().color(QPalette::Mid);
    painter.setPen(QPen(ahead, 2));
    painter.drawLine(nodeCenter(0), nodeCenter(int(m_labels.size()) - 1));
    if (m_current > 0) {
        painter.setPen(QPen(reached, 3));
        painter.drawLine(nodeCenter(0), nodeCenter(m_current));
    }
    const QFontMetrics metrics = fontMetrics();
    for (int stage = 0; stage < m_labels.size(); ++stage) {
        const QPointF center = nodeCenter(stage);
        const bool passed = m_current >= 0 && stage <= m_current;
        painter.setPen(QPen(passed ? reached : ahead, 2));
        painter.setBrush(passed ? QBrush(reached) : palette().brush(QPalette::Base));
        const qreal radius = stage == m_current ? NodeRadius + 1.5 : NodeRadius;
        painter.drawEllipse(center, radius, radius);
        QFont font = painter.font();
        font.setBold(stage == m_current);
        painter.setFont(font);
        painter.setPen(palette().color(QPalette::WindowText));
        const QString label = m_labels.at(stage);
        const qreal labelWidth = metrics.horizontalAdvance(label);
        const qreal x = std::clamp(center.x() - labelWidth / 2, 0.0, width() - labelWidth);
        painter.drawText(QPointF(x, center.y() + NodeRadius + 4 + metrics.ascent()), label);
    }
}

bool StageTrack::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (int stage = 0; stage < m_names.size(); ++stage) {
            if (std::abs(help->pos().x() - nodeCenter(stage).x()) <= NodeRadius + 6) {
                QToolTip::showText(help->globalPos(), QStringLiteral("%1 — %2").arg(m_names.at(stage), m_labels.value(stage)), this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}
