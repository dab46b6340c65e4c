#include "rolloutbar.h"

#include "rolloutpainter.h"

#include <QPainter>

RolloutBar::RolloutBar(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void RolloutBar::setFlag(const Flag &flag, const Rollout &served)
{
    m_flag = flag;
    m_served = served;
    update();
}

QSize RolloutBar::sizeHint() const
{
    return {200, 14};
}

void RolloutBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    RolloutPainter::paintBar(painter, QRectF(rect()), m_flag, m_served);
}
