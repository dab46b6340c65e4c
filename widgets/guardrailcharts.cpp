#include "guardrailcharts.h"

#include "chartdecimation.h"
#include "metrics/guardrailmonitor.h"
#include "rolloutpainter.h"
#include "statecolors.h"

#include <QAreaSeries>
#include <QComboBox>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr int ChartHeight = 190;
// Pixels per thinned column: two points (low, high) every two pixels still draw every spike.
constexpr int ColumnsPerPoint = 2;

QChart *makeChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    chart->setTitleFont(small);
    return chart;
}

void addAxes(QChart *chart)
{
    auto *time = new QDateTimeAxis;
    time->setFormat(QStringLiteral("HH:mm"));
    time->setTickCount(5);
    auto *value = new QValueAxis;
    value->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(value, Qt::AlignLeft);
}

void attach(QChart *chart, QAbstractSeries *series)
{
    chart->addSeries(series);
    for (QAbstractAxis *axis : chart->axes())
        series->attachAxis(axis);
}

QChartView *makeView(QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing, false);
    view->setMinimumHeight(ChartHeight);
    view->setMaximumHeight(ChartHeight);
    return view;
}

// The plot's width in pixels, for thinning: at least a sensible default before the first layout.
int columnsOf(const QChartView *view)
{
    const int width = int(view->chart()->plotArea().width());
    return std::max((width > 10 ? width : 400) / ColumnsPerPoint, 50);
}

struct Range
{
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    void include(double value)
    {
        if (std::isfinite(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    void include(const QList<QPointF> &points)
    {
        for (const QPointF &point : points)
            include(point.y());
    }
    bool valid() const { return low <= high; }
};

void setRanges(QChart *chart, qint64 fromMs, qint64 toMs, Range values)
{
    const auto horizontal = chart->axes(Qt::Horizontal);
    const auto vertical = chart->axes(Qt::Vertical);
    if (horizontal.isEmpty() || vertical.isEmpty())
        return;
    if (fromMs < toMs)
        horizontal.first()->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    if (!values.valid())
        return;
    const double pad = std::max((values.high - values.low) * 0.08, std::abs(values.high) * 0.01 + 1e-9);
    vertical.first()->setRange(values.low - pad, values.high + pad);
}

QString titleHtml(const QString &metric, const GuardrailResult *worst)
{
    if (!worst)
        return QStringLiteral("<b>%1</b>").arg(metric.toHtmlEscaped());
    return QStringLiteral("<b>%1</b> · <span style=\"color:%2\"><b>%3</b></span> — %4")
        .arg(metric.toHtmlEscaped(), StateColors::forVerdict(worst->verdict).name(), verdictText(worst->verdict),
             worst->reason.toHtmlEscaped());
}

} // namespace

GuardrailCharts::GuardrailCharts(const GuardrailMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_empty(new QLabel(this))
    , m_form(new QWidget(this))
    , m_metric(new QLineEdit(m_form))
    , m_direction(new QComboBox(m_form))
    , m_threshold(new QLineEdit(m_form))
    , m_stopWatching(new QPushButton(tr("Stop watching"), m_form))
    , m_layout(new QVBoxLayout(this))
{
    m_metric->setObjectName(QStringLiteral("guardrailMetric"));
    m_metric->setPlaceholderText(tr("metric, e.g. p95_latency"));
    m_metric->setAccessibleName(tr("Guardrail metric"));
    m_direction->setAccessibleName(tr("Which way is better"));
    m_direction->addItem(tr("lower is better"), int(ContractGuardrail::Direction::LowerIsBetter));
    m_direction->addItem(tr("higher is better"), int(ContractGuardrail::Direction::HigherIsBetter));
    m_threshold->setObjectName(QStringLiteral("guardrailThreshold"));
    m_threshold->setPlaceholderText(tr("threshold (optional)"));
    m_threshold->setAccessibleName(tr("Guardrail threshold"));
    m_threshold->setValidator(new QDoubleValidator(m_threshold));
    auto *watch = new QPushButton(tr("Watch"), m_form);
    watch->setObjectName(QStringLiteral("guardrailWatch"));
    m_stopWatching->setObjectName(QStringLiteral("guardrailStopWatching"));
    auto *formLayout = new QHBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(new QLabel(tr("Watch for this flag:"), m_form));
    formLayout->addWidget(m_metric, 2);
    formLayout->addWidget(m_direction);
    formLayout->addWidget(m_threshold, 1);
    formLayout->addWidget(watch);
    formLayout->addWidget(m_stopWatching);
    m_form->hide();
    const auto add = [this] {
        const QString metric = m_metric->text().trimmed();
        if (metric.isEmpty() || m_ref.key.isEmpty())
            return;
        ContractGuardrail guardrail;
        guardrail.metric = metric;
        guardrail.direction = ContractGuardrail::Direction(m_direction->currentData().toInt());
        bool ok = false;
        const double threshold = QLocale().toDouble(m_threshold->text(), &ok);
        if (ok)
            guardrail.threshold = threshold;
        guardrail.rule = QStringLiteral("sequential");
        QList<ContractGuardrail> guardrails = m_consoleGuardrails;
        guardrails.removeIf([&](const ContractGuardrail &existing) { return existing.metric == metric; });
        guardrails.append(guardrail);
        m_metric->clear();
        m_threshold->clear();
        Q_EMIT consoleGuardrailsChanged(m_ref, guardrails);
    };
    connect(watch, &QPushButton::clicked, this, add);
    connect(m_metric, &QLineEdit::returnPressed, this, add);
    connect(m_stopWatching, &QPushButton::clicked, this, [this] { Q_EMIT consoleGuardrailsChanged(m_ref, {}); });

    setObjectName(QStringLiteral("guardrailCharts"));
    m_empty->setObjectName(QStringLiteral("guardrailChartsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->setContentsMargins(6, 0, 6, 6);
    m_layout->addWidget(m_form);
    m_layout->addWidget(m_empty);
    m_layout->addStretch();
    m_redraw.setInterval(RedrawIntervalMs);
    connect(&m_redraw, &QTimer::timeout, this, [this] {
        if (m_dirty)
            redraw();
    });
    connect(monitor, &GuardrailMonitor::healthChanged, this, [this](const FlagRef &ref) {
        if (ref == m_ref)
            m_dirty = true;
    });
    m_redraw.start();
}

GuardrailCharts::~GuardrailCharts() = default;

void GuardrailCharts::showFlag(const FlagRef &ref, const Flag &flag)
{
    const bool sameFlag = ref == m_ref;
    m_ref = ref;
    m_flag = flag;
    if (!sameFlag)
        clearRows();
    redraw();
}

void GuardrailCharts::setConsoleGuardrails(bool editable, const QList<ContractGuardrail> &guardrails)
{
    m_consoleGuardrails = guardrails;
    m_form->setVisible(editable);
    QStringList metrics;
    for (const ContractGuardrail &guardrail : guardrails)
        metrics.append(guardrail.metric);
    m_stopWatching->setVisible(!guardrails.isEmpty());
    m_stopWatching->setToolTip(tr("Stop watching %1").arg(metrics.join(QStringLiteral(", "))));
}

int GuardrailCharts::seriesCount() const
{
    int count = 0;
    for (const Row &row : m_rows)
        count += int(row.variations.size()) + int(row.candidates.size());
    return count;
}

void GuardrailCharts::clearRows()
{
    for (Row &row : m_rows) {
        delete row.title;
        delete row.valuesView;
        delete row.differenceView;
    }
    m_rows.clear();
    m_builtFor.clear();
}

GuardrailCharts::Row GuardrailCharts::makeRow(const QString &metric, const QStringList &variationIds,
                                              const QStringList &candidateIds)
{
    Row row;
    row.metric = metric;
    row.title = new QLabel(this);
    row.title->setObjectName(QStringLiteral("guardrailTitle_") + metric);
    row.title->setWordWrap(true);
    row.title->setTextFormat(Qt::RichText);

    QChart *values = makeChart();
    addAxes(values);
    for (const QString &id : variationIds) {
        auto *line = new QLineSeries;
        const Variation *variation = m_flag.variation(id);
        line->setName(variation && !variation->name.isEmpty() ? variation->name : id);
        line->setPen(QPen(RolloutPainter::variationColor(m_flag, id), 1.5));
        attach(values, line);
        row.variations.insert(id, line);
    }
    row.threshold = new QLineSeries;
    row.threshold->setName(tr("threshold"));
    row.threshold->setPen(QPen(StateColors::danger(), 1, Qt::DashLine));
    attach(values, row.threshold);
    row.valuesView = makeView(values, this);
    row.valuesView->setAccessibleName(tr("%1 per variation").arg(metric));

    QChart *difference = makeChart();
    addAxes(difference);
    difference->setTitle(tr("difference from the control, with its always-valid interval"));
    row.zero = new QLineSeries;
    row.zero->setPen(QPen(QColor(0x80, 0x80, 0x80), 1.5));
    attach(difference, row.zero);
    for (const QString &id : candidateIds) {
        DifferenceLines lines;
        lines.upper = new QLineSeries(difference);
        lines.lower = new QLineSeries(difference);
        lines.band = new QAreaSeries(lines.upper, lines.lower);
        QColor fill = RolloutPainter::variationColor(m_flag, id);
        fill.setAlpha(60);
        lines.band->setBrush(fill);
        lines.band->setPen(Qt::NoPen);
        attach(difference, lines.band);
        lines.estimate = new QLineSeries;
        const Variation *variation = m_flag.variation(id);
        lines.estimate->setName(variation && !variation->name.isEmpty() ? variation->name : id);
        lines.estimate->setPen(QPen(RolloutPainter::variationColor(m_flag, id), 1.5));
        attach(difference, lines.estimate);
        row.candidates.insert(id, lines);
    }
    for (QLegendMarker *marker : difference->legend()->markers()) {
        if (marker->series() == row.zero || qobject_cast<QAreaSeries *>(marker->series()))
            marker->setVisible(false);
    }
    row.differenceView = makeView(difference, this);
    row.differenceView->setAccessibleName(tr("%1 difference from the control").arg(metric));
    return row;
}

void GuardrailCharts::rebuild(const QStringList &variationIds, const QStringList &candidates)
{
    clearRows();
    const GuardrailWatch *watch = m_monitor->watch(m_ref);
    if (!watch)
        return;
    int position = 0;
    for (const ContractGuardrail &guardrail : watch->guardrails) {
        Row row = makeRow(guardrail.metric, variationIds, candidates);
        auto *charts = new QHBoxLayout;
        charts->addWidget(row.valuesView, 1);
        charts->addWidget(row.differenceView, 1);
        m_layout->insertWidget(2 + position++, row.title);
        m_layout->insertLayout(2 + position++, charts);
        m_rows.append(row);
    }
}

void GuardrailCharts::redraw()
{
    m_dirty = false;
    const GuardrailWatch *watch = m_monitor->watch(m_ref);
    const FlagHealth health = m_monitor->health(m_ref);
    if (!watch) {
        clearRows();
        m_empty->setText(m_ref.key.isEmpty()
                             ? tr("Select a flag to see its guardrails.")
                             : tr("No guardrails are watched for %1: its contract names none, or it has no contract, "
                                  "or no metric source serves its connection. Without a contract, name a metric "
                                  "above to watch it.")
                                   .arg(m_ref.key));
        m_empty->show();
        return;
    }
    // Every variation with data keeps its line, so a killed candidate's last minutes stay in view.
    const auto series = m_monitor->series(m_ref);
    QStringList variationIds{watch->controlId};
    for (const Variation &variation : std::as_const(m_flag.variations)) {
        const bool hasData = std::any_of(series.cbegin(), series.cend(),
                                         [&](const auto &byVariation) { return byVariation.contains(variation.id); });
        if (variation.id != watch->controlId && (hasData || watch->expected.basisPointsOf(variation.id) > 0))
            variationIds.append(variation.id);
    }
    QStringList wanted;
    for (const ContractGuardrail &guardrail : watch->guardrails)
        wanted.append(guardrail.metric);
    wanted += variationIds;
    const QStringList candidates = watch->candidateIds();
    wanted += candidates;
    if (wanted != m_builtFor) {
        rebuild(variationIds, candidates);
        m_builtFor = wanted;
    }
    m_empty->setVisible(!health.summary.isEmpty() && (health.results.isEmpty() || health.srmMismatch));
    m_empty->setText(health.srmMismatch ? health.srmText : health.summary);
    for (Row &row : m_rows)
        row.stale = true;
    drawVisibleStaleRows();
}

void GuardrailCharts::drawVisibleStaleRows()
{
    // The panel's own visible region: rows just built may not be shown yet, but where they will be is known.
    const QRegion onScreen = visibleRegion();
    for (Row &row : m_rows) {
        if (row.stale && onScreen.intersects(row.valuesView->geometry())) {
            drawRow(row);
            row.stale = false;
        }
    }
}

void GuardrailCharts::moveEvent(QMoveEvent *event)
{
    QWidget::moveEvent(event); // scrolled: rows may have come into view
    drawVisibleStaleRows();
}

void GuardrailCharts::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    drawVisibleStaleRows();
}

void GuardrailCharts::drawRow(Row &row)
{
    const auto series = m_monitor->series(m_ref).value(row.metric);
    const FlagHealth health = m_monitor->health(m_ref);
    const GuardrailWatch *watch = m_monitor->watch(m_ref);

    qint64 fromMs = std::numeric_limits<qint64>::max();
    qint64 toMs = std::numeric_limits<qint64>::min();
    Range values;
    const int columns = columnsOf(row.valuesView);
    for (auto it = row.variations.begin(); it != row.variations.end(); ++it) {
        const QList<MetricSample> samples = series.value(it.key());
        QList<QPointF> points;
        points.reserve(samples.size());
        for (const MetricSample &sample : samples)
            points.append(QPointF(double(sample.timeMs), sample.value));
        if (!points.isEmpty()) {
            fromMs = std::min(fromMs, samples.constFirst().timeMs);
            toMs = std::max(toMs, samples.constLast().timeMs);
        }
        const QList<QPointF> shown = ChartDecimation::minMax(points, columns);
        values.include(shown);
        (*it)->replace(shown);
    }
    const GuardrailResult *worst = nullptr;
    for (const GuardrailResult &result : health.results) {
        if (result.guardrail.metric == row.metric && (!worst || result.verdict > worst->verdict))
            worst = &result;
    }
    std::optional<double> threshold;
    for (const ContractGuardrail &guardrail : watch->guardrails) {
        if (guardrail.metric == row.metric)
            threshold = guardrail.threshold;
    }
    row.threshold->setVisible(threshold.has_value());
    if (threshold && fromMs < toMs) {
        values.include(*threshold);
        row.threshold->replace({QPointF(double(fromMs), *threshold), QPointF(double(toMs), *threshold)});
    }
    setRanges(row.valuesView->chart(), fromMs, toMs, values);
    row.title->setText(titleHtml(row.metric, worst));

    Range differences;
    differences.include(0);
    const int differenceColumns = columnsOf(row.differenceView);
    for (auto it = row.candidates.begin(); it != row.candidates.end(); ++it) {
        const GuardrailResult *result = nullptr;
        for (const GuardrailResult &candidate : health.results) {
            if (candidate.guardrail.metric == row.metric && candidate.candidateId == it.key())
                result = &candidate;
        }
        QList<QPointF> estimate, upper, lower;
        if (result) {
            for (const DifferenceEstimate &point : result->history) {
                estimate.append(QPointF(double(point.timeMs), point.estimate));
                upper.append(QPointF(double(point.timeMs), point.upper));
                lower.append(QPointF(double(point.timeMs), point.lower));
            }
        }
        const QList<QPointF> shownEstimate = ChartDecimation::minMax(estimate, differenceColumns);
        const QList<QPointF> shownUpper = ChartDecimation::envelope(upper, differenceColumns, true);
        const QList<QPointF> shownLower = ChartDecimation::envelope(lower, differenceColumns, false);
        differences.include(shownEstimate);
        // The band starts wide; the chart's scale follows the estimate and the band's recent half.
        differences.include(shownUpper.mid(shownUpper.size() / 2));
        differences.include(shownLower.mid(shownLower.size() / 2));
        it->estimate->replace(shownEstimate);
        it->upper->replace(shownUpper);
        it->lower->replace(shownLower);
    }
    if (fromMs < toMs)
        row.zero->replace({QPointF(double(fromMs), 0), QPointF(double(toMs), 0)});
    setRanges(row.differenceView->chart(), fromMs, toMs, differences);
}
