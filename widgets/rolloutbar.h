#pragma once

#include "core/flag.h"

#include <QWidget>

// The exposure bar of one flag, as a widget (the detail pane).
class RolloutBar : public QWidget
{
    Q_OBJECT

public:
    explicit RolloutBar(QWidget *parent = nullptr);

    void setFlag(const Flag &flag, const Rollout &served);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Flag m_flag;
    Rollout m_served;
};
