#pragma once

#include "core/contract.h"
#include "core/flag.h"
#include "core/flagref.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class GuardrailMonitor;
class QAreaSeries;
class QChart;
class QChartView;
class QComboBox;
class QLineEdit;
class QPushButton;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;
class QVBoxLayout;

// The selected flag's guardrails, live: per guardrail, its value for each variation over time
// with the threshold, beside the difference of each candidate from the control with its
// always-valid interval. New data is drawn at most a few times a second, each series replaced
// whole and thinned to what its chart's width can show; charts scrolled out of view are drawn
// when they come back into view, since Qt Charts pays for every point it is given.
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
    // Draws the monitor's data now, into the charts that are on screen.
    void redraw();
    int seriesCount() const;

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
    struct Row
    {
        QString metric;
        QLabel *title = nullptr;
        QChartView *valuesView = nullptr;
        QChartView *differenceView = nullptr;
        QHash<QString, QLineSeries *> variations; // by variation id
        QLineSeries *threshold = nullptr;
        QLineSeries *zero = nullptr;
        QHash<QString, DifferenceLines> candidates; // by variation id
        bool stale = true; // holds older data than the monitor's: drawn once on screen
    };

protected:
    void moveEvent(QMoveEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

    void rebuild(const QStringList &variationIds, const QStringList &candidates);
    void clearRows();
    Row makeRow(const QString &metric, const QStringList &variationIds, const QStringList &candidateIds);
    void drawRow(Row &row);
    void drawVisibleStaleRows();

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
};
