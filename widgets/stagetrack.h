#pragma once

#include <QStringList>
#include <QWidget>

// A contract's stages as a horizontal track: one node per stage with its exposure, the stages
// passed filled, the current one marked; none marked when the flag is off plan, off or on its
// fallback.
class StageTrack : public QWidget
{
    Q_OBJECT

public:
    explicit StageTrack(QWidget *parent = nullptr);

    // labels: the exposure of each stage ("5%"); names: for tooltips and accessibility.
    void setStages(const QStringList &labels, const QStringList &names, int current);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QPointF nodeCenter(int stage) const;

    QStringList m_labels;
    QStringList m_names;
    int m_current = -1;
};
