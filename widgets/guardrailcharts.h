#pragma once

#include "core/contract.h"
#include "core/flag.h"
#include "core/flagref.h"
#include "core/metricunit.h"
#include "metrics/guardrailhealth.h"
#include "metrics/metricsample.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class GuardrailMonitor;
class ElidedLabel;
class QAreaSeries;
class QCategoryAxis;
class QChart;
class QChartView;
class QComboBox;
class QLineEdit;
class QPushButton;
class QLabel;
class QLineSeries;
class QVBoxLayout;

// The selected flag's guardrails, live: per guardrail, its value for each variation over time
// with the threshold, beside the difference of each candidate from the control (relative to the
// control's level, as the verdict reads it) with its always-valid interval. A regressed guardrail
// comes first. Every tick of the monitor for the flag shown moves its headings, and its charts
// on screen, at most a few times a second; each series replaced whole and thinned to what its
// chart's width can show. Charts scrolled out of view are drawn when they come into view, since
// Qt Charts pays for every point it is given. Once the flag serves only one variation (a kill),
// the comparison and its verdicts from before stay, and the time since is greyed.
class GuardrailCharts : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RedrawIntervalMs = 250;

    explicit GuardrailCharts(const GuardrailMonitor *monitor, QWidget *parent = nullptr);
    ~GuardrailCharts() override;

    void showFlag(const FlagRef &ref, const Flag &flag);
    // For a flag whose contract names no guardrails: offer to watch metrics set here.
    void setConsoleGuardrails(bool editable, const QList<ContractGuardrail> &guardrails);
    const FlagRef &shownFlag() const { return m_ref; }
    // Offline, no metric is read: say so instead of blaming the contract.
    void setOffline(bool offline);
    // Draws the monitor's data now, into the charts that are on screen.
    void redraw();
    int seriesCount() const;
    // The guardrails charted, top to bottom.
    QStringList chartedMetrics() const;
    // The time of the newest data shown (0: none).
    qint64 shownUntilMs() const { return m_shownUntilMs; }

Q_SIGNALS:
    void consoleGuardrailsChanged(const FlagRef &ref, const QList<ContractGuardrail> &guardrails);

private:
    struct DifferenceLines
    {
        QLineSeries *estimate = nullptr;
        QLineSeries *upper = nullptr;
        QLineSeries *lower = nullptr;
        QAreaSeries *band = nullptr;
    };
    // A greyed stretch of time: from where the comparison ended to the newest data.
    struct Shade
    {
        QLineSeries *upper = nullptr;
        QLineSeries *lower = nullptr;
        QAreaSeries *area = nullptr;
    };
    struct Row
    {
        QString metric;
        MetricUnit unit;
        QWidget *box = nullptr; // heading, legend and both charts
        QLabel *title = nullptr;
        QWidget *legendEnded = nullptr; // the legend's entry for the greyed time
        QWidget *thresholdLegend = nullptr;
        ElidedLabel *thresholdText = nullptr;
        QChartView *valuesView = nullptr;
        QChartView *differenceView = nullptr;
        QHash<QString, QLineSeries *> variations; // by variation id
        QLineSeries *threshold = nullptr;
        QLineSeries *zero = nullptr;
        QHash<QString, DifferenceLines> candidates; // by variation id
        Shade valuesShade;
        Shade differenceShade;
        bool stale = true; // holds older data than the monitor's: drawn once on screen
    };

protected:
    void moveEvent(QMoveEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void rebuild(const QStringList &metrics, const QStringList &variationIds, const QStringList &candidates);
    void clearRows();
    Row makeRow(const QString &metric, const QStringList &variationIds, const QStringList &candidateIds);
    QWidget *makeLegend(Row &row, const QStringList &variationIds);
    QColor colorOf(const QString &variationId) const;
    QString nameOf(const QString &variationId) const;
    void updateTitle(Row &row);
    void drawRow(Row &row);
    void drawVisibleStaleRows();
    // The part of this panel that is on screen, in its own coordinates.
    QRect onScreen() const;

    const GuardrailMonitor *m_monitor;
    FlagRef m_ref;
    Flag m_flag;
    QStringList m_builtFor; // the metrics, variations and candidates the rows were built for
    QList<Row> m_rows;
    QLabel *m_empty;
    QWidget *m_form;
    QLineEdit *m_metric;
    QComboBox *m_direction;
    QLineEdit *m_threshold;
    QPushButton *m_stopWatching;
    QList<ContractGuardrail> m_consoleGuardrails;
    QVBoxLayout *m_layout;
    QTimer m_redraw;
    bool m_dirty = false;
    bool m_offline = false;
    // What the headings and charts show: one snapshot of the monitor's, taken at each redraw.
    FlagHealth m_shown; // the flag's judgement, or (after a kill) its last one while it compared
    QHash<QString, QHash<QString, QList<MetricSample>>> m_series;
    QList<ContractGuardrail> m_guardrails;
    qint64 m_shownUntilMs = 0;
    qint64 m_endedMs = 0; // where the comparison ended (0: it goes on)
};
