#include "guardrailcharts.h"

#include "chartdecimation.h"
#include "core/durationtext.h"
#include "core/niceticks.h"
#include "elidedlabel.h"
#include "metrics/guardrailmonitor.h"
#include "rolloutpainter.h"
#include "statecolors.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace {

constexpr int ChartHeight = 190;
// Pixels per thinned column: two points (low, high) every two pixels still draw every spike.
constexpr int ColumnsPerPoint = 2;
// Room a tick's label needs: a time "HH:mm" or "HH:mm:ss" across, a value's line height, and air.
constexpr int PixelsPerMinuteTick = 60;
constexpr int PixelsPerSecondTick = 80;
constexpr int PixelsPerValueTick = 28;

QColor shadeColor()
{
    return StateColors::readable(QColor(0x80, 0x80, 0x80));
}

QChart *makeChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    // The legend is a row of labels above the charts: Qt Charts' own cuts long names at their end.
    chart->legend()->hide();
    QFont small = chart->titleFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->setTitleFont(small);
    return chart;
}

QCategoryAxis *makeAxis(const QFont &font)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setLabelsFont(font);
    axis->setTitleFont(font);
    return axis;
}

void addAxes(QChart *chart)
{
    QFont small = chart->titleFont();
    chart->addAxis(makeAxis(small), Qt::AlignBottom);
    chart->addAxis(makeAxis(small), Qt::AlignLeft);
}

QCategoryAxis *axisOf(QChart *chart, Qt::Orientation orientation)
{
    const auto axes = chart->axes(orientation);
    return axes.isEmpty() ? nullptr : qobject_cast<QCategoryAxis *>(axes.first());
}

// Gives the axis these labels at these values, from start on; an axis that has them already is
// left alone (each change lays the chart out again, and most ticks keep the ticks they had).
void setCategories(QCategoryAxis *axis, double start, const QList<std::pair<QString, double>> &ticks)
{
    const QStringList labels = axis->categoriesLabels();
    bool same = labels.size() == ticks.size() && axis->startValue() == start;
    for (qsizetype i = 0; same && i < ticks.size(); ++i)
        same = labels.at(i) == ticks.at(i).first && axis->endValue(labels.at(i)) == ticks.at(i).second;
    if (same)
        return;
    for (const QString &label : labels)
        axis->remove(label);
    axis->setStartValue(start);
    for (const auto &[label, value] : ticks)
        axis->append(label, value);
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

// Time along the bottom at whole seconds or minutes, values up the side at 1, 2 or 5 × 10^n with
// the unit as the axis's title; returns the value range the axis got.
NiceTicks setAxes(QChart *chart, qint64 fromMs, qint64 toMs, Range values, const QString &unit)
{
    QCategoryAxis *time = axisOf(chart, Qt::Horizontal);
    QCategoryAxis *value = axisOf(chart, Qt::Vertical);
    const QRectF plot = chart->plotArea();
    const int plotWidth = plot.width() > 10 ? int(plot.width()) : 400;
    const int plotHeight = plot.height() > 10 ? int(plot.height()) : ChartHeight - 60;
    if (time && fromMs < toMs) {
        // Minutes ("HH:mm") take less room than seconds ("HH:mm:ss").
        NiceTimeTicks ticks = NiceTimeTicks::forRange(fromMs, toMs, std::max(2, plotWidth / PixelsPerMinuteTick));
        if (ticks.stepMs < MinuteMs)
            ticks = NiceTimeTicks::forRange(fromMs, toMs, std::max(2, plotWidth / PixelsPerSecondTick));
        QList<std::pair<QString, double>> labels;
        for (const qint64 tick : ticks.timesMs)
            labels.append({QDateTime::fromMSecsSinceEpoch(tick).toString(ticks.format()), double(tick)});
        setCategories(time, double(fromMs), labels);
        time->setRange(double(fromMs), double(toMs));
    }
    if (!values.valid())
        values.include(0);
    const NiceTicks ticks = NiceTicks::forRange(values.low, values.high, std::max(3, plotHeight / PixelsPerValueTick));
    if (value) {
        QList<std::pair<QString, double>> labels;
        for (const double tick : ticks.values())
            labels.append({ticks.text(tick), tick});
        setCategories(value, ticks.low(), labels);
        value->setRange(ticks.low(), ticks.high());
        if (value->titleText() != unit)
            value->setTitleText(unit);
    }
    return ticks;
}

// A short sample of a line for the legend: solid or dashed in the series' colour, or a patch.
QLabel *swatch(const QColor &color, Qt::PenStyle style, bool patch, QWidget *parent)
{
    QPixmap pixmap(QSize(18, 10) * parent->devicePixelRatioF());
    pixmap.setDevicePixelRatio(parent->devicePixelRatioF());
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    if (patch) {
        painter.fillRect(QRectF(0, 0, 18, 10), color);
    } else {
        painter.setPen(QPen(color, 2, style));
        painter.drawLine(QPointF(0, 5), QPointF(18, 5));
    }
    painter.end();
    auto *label = new QLabel(parent);
    label->setPixmap(pixmap);
    return label;
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}

// The most severe result of the metric in health.
const GuardrailResult *worstOf(const FlagHealth &health, const QString &metric)
{
    const GuardrailResult *worst = nullptr;
    for (const GuardrailResult &result : health.results) {
        if (result.guardrail.metric == metric && (!worst || result.verdict > worst->verdict))
            worst = &result;
    }
    return worst;
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
    if (sameFlag) {
        m_dirty = true; // a change of the flag shown: drawn with the monitor's next data, on the next tick
        return;
    }
    clearRows();
    redraw();
}

void GuardrailCharts::setOffline(bool offline)
{
    m_offline = offline;
    m_dirty = true;
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

QStringList GuardrailCharts::chartedMetrics() const
{
    QStringList metrics;
    for (const Row &row : m_rows)
        metrics.append(row.metric);
    return metrics;
}

void GuardrailCharts::clearRows()
{
    for (Row &row : m_rows)
        delete row.box;
    m_rows.clear();
    m_builtFor.clear();
}

QColor GuardrailCharts::colorOf(const QString &variationId) const
{
    // Each variation keeps its colour after a kill: the lines from before still tell them apart.
    Flag coloured = m_flag;
    coloured.enabled = true;
    return RolloutPainter::variationColor(coloured, variationId);
}

QString GuardrailCharts::nameOf(const QString &variationId) const
{
    const Variation *variation = m_flag.variation(variationId);
    return variation && !variation->name.isEmpty() ? variation->name : variationId;
}

QWidget *GuardrailCharts::makeLegend(Row &row, const QStringList &variationIds)
{
    auto *legend = new QWidget(row.box);
    legend->setObjectName(QStringLiteral("guardrailLegend_") + row.metric);
    auto *layout = new QHBoxLayout(legend);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    const QString controlId = variationIds.value(0);
    for (const QString &id : variationIds) {
        layout->addWidget(swatch(colorOf(id), Qt::SolidLine, false, legend));
        const QString name = id == controlId ? tr("%1 (control)").arg(nameOf(id)) : nameOf(id);
        auto *label = new ElidedLabel(name, legend);
        label->setObjectName(QStringLiteral("legend_") + id);
        layout->addWidget(label);
        layout->addSpacing(8);
    }
    row.thresholdLegend = new QWidget(legend);
    auto *thresholdLayout = new QHBoxLayout(row.thresholdLegend);
    thresholdLayout->setContentsMargins(0, 0, 8, 0);
    thresholdLayout->setSpacing(4);
    thresholdLayout->addWidget(swatch(StateColors::danger(), Qt::DashLine, false, row.thresholdLegend));
    row.thresholdText = new ElidedLabel(tr("threshold"), row.thresholdLegend);
    thresholdLayout->addWidget(row.thresholdText);
    layout->addWidget(row.thresholdLegend);
    row.legendEnded = new QWidget(legend);
    auto *endedLayout = new QHBoxLayout(row.legendEnded);
    endedLayout->setContentsMargins(0, 0, 0, 0);
    endedLayout->setSpacing(4);
    QColor shade = shadeColor();
    shade.setAlpha(90);
    endedLayout->addWidget(swatch(shade, Qt::SolidLine, true, row.legendEnded));
    auto *endedLabel = new ElidedLabel(tr("not compared"), row.legendEnded);
    endedLabel->setToolTip(tr("Only one variation is served: nothing is compared in this time"));
    endedLayout->addWidget(endedLabel);
    layout->addWidget(row.legendEnded);
    layout->addStretch(1);
    return legend;
}

GuardrailCharts::Row GuardrailCharts::makeRow(const QString &metric, const QStringList &variationIds,
                                              const QStringList &candidateIds)
{
    Row row;
    row.metric = metric;
    row.unit = MetricUnit::forMetric(metric);
    row.box = new QWidget(this);
    row.box->setObjectName(QStringLiteral("guardrailRow_") + metric);
    row.title = new QLabel(row.box);
    row.title->setObjectName(QStringLiteral("guardrailTitle_") + metric);
    row.title->setWordWrap(true);
    row.title->setTextFormat(Qt::RichText);
    row.title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const auto makeShade = [](QChart *chart) {
        Shade shade;
        shade.upper = new QLineSeries(chart);
        shade.lower = new QLineSeries(chart);
        shade.area = new QAreaSeries(shade.upper, shade.lower);
        QColor fill = shadeColor();
        fill.setAlpha(70);
        shade.area->setBrush(fill);
        shade.area->setPen(Qt::NoPen);
        attach(chart, shade.area); // first, so every line is drawn over it
        return shade;
    };

    QChart *values = makeChart();
    addAxes(values);
    row.valuesShade = makeShade(values);
    // The control last, so it is drawn over the candidates: a small arm's noisy line never hides it.
    const QString controlId = variationIds.value(0);
    QStringList drawingOrder = variationIds.mid(1);
    drawingOrder.append(controlId);
    for (const QString &id : std::as_const(drawingOrder)) {
        auto *line = new QLineSeries;
        line->setName(nameOf(id));
        line->setPen(QPen(colorOf(id), id == controlId ? 2.0 : 1.2));
        attach(values, line);
        row.variations.insert(id, line);
    }
    row.threshold = new QLineSeries;
    row.threshold->setName(tr("threshold"));
    row.threshold->setPen(QPen(StateColors::danger(), 1, Qt::DashLine));
    attach(values, row.threshold);
    row.valuesView = makeView(values, row.box);
    row.valuesView->setAccessibleName(tr("%1 per variation").arg(metric));

    QChart *difference = makeChart();
    addAxes(difference);
    row.differenceShade = makeShade(difference);
    row.zero = new QLineSeries;
    row.zero->setPen(QPen(QColor(0x80, 0x80, 0x80), 1.5));
    attach(difference, row.zero);
    for (const QString &id : candidateIds) {
        DifferenceLines lines;
        lines.upper = new QLineSeries(difference);
        lines.lower = new QLineSeries(difference);
        lines.band = new QAreaSeries(lines.upper, lines.lower);
        QColor fill = colorOf(id);
        fill.setAlpha(60);
        lines.band->setBrush(fill);
        lines.band->setPen(Qt::NoPen);
        attach(difference, lines.band);
        lines.estimate = new QLineSeries;
        lines.estimate->setName(nameOf(id));
        lines.estimate->setPen(QPen(colorOf(id), 1.5));
        attach(difference, lines.estimate);
        row.candidates.insert(id, lines);
    }
    row.differenceView = makeView(difference, row.box);
    row.differenceView->setAccessibleName(tr("%1 difference from the control").arg(metric));

    auto *layout = new QVBoxLayout(row.box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(row.title);
    layout->addWidget(makeLegend(row, variationIds));
    auto *charts = new QHBoxLayout;
    charts->addWidget(row.valuesView, 1);
    charts->addWidget(row.differenceView, 1);
    layout->addLayout(charts);
    return row;
}

void GuardrailCharts::rebuild(const QStringList &metrics, const QStringList &variationIds, const QStringList &candidates)
{
    clearRows();
    int position = 0;
    for (const QString &metric : metrics) {
        Row row = makeRow(metric, variationIds, candidates);
        m_layout->insertWidget(2 + position++, row.box);
        m_rows.append(row);
    }
}

void GuardrailCharts::redraw()
{
    m_dirty = false;
    const GuardrailWatch *watch = m_monitor->watch(m_ref);
    if (!watch) {
        clearRows();
        m_shown = {};
        m_series.clear();
        m_guardrails.clear();
        m_shownUntilMs = 0;
        m_endedMs = 0;
        m_empty->setText(m_ref.key.isEmpty() ? tr("Select a flag to see its guardrails.")
                         : m_offline
                             ? tr("Offline: guardrail metrics are read live from their source, so there is nothing to "
                                  "chart for %1 until FlagDeck is connected again.")
                                   .arg(m_ref.key)
                             : tr("No guardrails are watched for %1: its contract names none, or it has no contract, "
                                  "or no metric source serves its connection. Without a contract, name a metric "
                                  "above to watch it.")
                                   .arg(m_ref.key));
        m_empty->show();
        return;
    }
    // One snapshot for headings and charts alike, so they never tell two different moments.
    const FlagHealth health = m_monitor->health(m_ref);
    const std::optional<GuardrailMonitor::EndedComparison> ended =
        health.results.isEmpty() ? m_monitor->endedComparison(m_ref) : std::nullopt;
    m_shown = ended ? ended->health : health;
    m_endedMs = ended ? ended->endedMs : 0;
    m_series = m_monitor->series(m_ref);
    m_guardrails = watch->guardrails;
    m_shownUntilMs = 0;
    for (const ContractGuardrail &guardrail : std::as_const(m_guardrails)) {
        for (const GuardrailMonitor::Series &samples : m_series.value(guardrail.metric)) {
            if (!samples.isEmpty())
                m_shownUntilMs = std::max(m_shownUntilMs, samples.constLast().timeMs);
        }
    }

    // Every variation with data keeps its line, so a killed candidate's last minutes stay in view.
    QStringList variationIds{watch->controlId};
    for (const Variation &variation : std::as_const(m_flag.variations)) {
        const bool hasData = std::any_of(m_series.cbegin(), m_series.cend(),
                                         [&](const auto &byVariation) { return byVariation.contains(variation.id); });
        if (variation.id != watch->controlId && (hasData || watch->expected.basisPointsOf(variation.id) > 0))
            variationIds.append(variation.id);
    }
    // The candidates compared, now or (after a kill) until the comparison ended.
    QStringList candidates = watch->candidateIds();
    for (const GuardrailResult &result : std::as_const(m_shown.results)) {
        if (!candidates.contains(result.candidateId))
            candidates.append(result.candidateId);
    }
    // A regressed guardrail first; the others in the contract's order.
    QStringList metrics;
    QStringList others;
    for (const ContractGuardrail &guardrail : std::as_const(m_guardrails)) {
        const GuardrailResult *worst = worstOf(m_shown, guardrail.metric);
        (worst && worst->verdict == GuardrailVerdict::Regressed ? metrics : others).append(guardrail.metric);
    }
    metrics += others;
    const QStringList wanted = metrics + QStringList{QString()} + variationIds + QStringList{QString()} + candidates;
    const bool built = wanted != m_builtFor;
    if (built) {
        rebuild(metrics, variationIds, candidates);
        m_builtFor = wanted;
    }

    if (ended) {
        QStringList served;
        for (const VariationShare &share : watch->expected.shares()) {
            if (share.basisPoints > 0)
                served.append(nameOf(share.variationId));
        }
        m_empty->setText(tr("Only %1 is served since %2: nothing is compared now. The charts keep the comparison and "
                            "its verdicts from before; the time since is greyed.")
                             .arg(served.isEmpty() ? nameOf(watch->controlId) : served.join(QStringLiteral(", ")),
                                  timeText(m_endedMs)));
        m_empty->show();
    } else {
        m_empty->setVisible(!health.summary.isEmpty() && (health.results.isEmpty() || health.srmMismatch));
        m_empty->setText(health.srmMismatch ? health.srmText : health.summary);
    }
    for (Row &row : m_rows) {
        updateTitle(row);
        row.stale = true;
    }
    if (built) {
        // Where rows just made will sit is not known before the layout runs: draw them all once now,
        // and again on the next tick at their real size.
        for (Row &row : m_rows) {
            drawRow(row);
            row.stale = false;
        }
        m_dirty = true;
        return;
    }
    drawVisibleStaleRows();
}

void GuardrailCharts::updateTitle(Row &row)
{
    const GuardrailResult *worst = worstOf(m_shown, row.metric);
    QString html = QStringLiteral("<b>%1</b>").arg(row.metric.toHtmlEscaped());
    if (worst) {
        const QString verdict = m_endedMs > 0 ? tr("%1 before %2", "a verdict, until the comparison ended at a time")
                                                    .arg(verdictText(worst->verdict), timeText(m_endedMs))
                                              : verdictText(worst->verdict);
        html += QStringLiteral(" · <span style=\"color:%1\"><b>%2</b></span> — %3")
                    .arg(StateColors::forVerdict(worst->verdict).name(), verdict.toHtmlEscaped(),
                         worst->reason.toHtmlEscaped());
    }
    if (m_shownUntilMs > 0) {
        html += QStringLiteral(" <span style=\"color:%1\">· %2</span>")
                    .arg(shadeColor().name(), tr("updated %1").arg(timeText(m_shownUntilMs)).toHtmlEscaped());
    }
    row.title->setText(html);

    std::optional<double> threshold;
    for (const ContractGuardrail &guardrail : std::as_const(m_guardrails)) {
        if (guardrail.metric == row.metric)
            threshold = guardrail.threshold;
    }
    row.thresholdLegend->setVisible(threshold.has_value());
    if (threshold)
        row.thresholdText->setFullText(tr("threshold %1").arg(row.unit.text(*threshold * row.unit.scale, -1)));
    row.legendEnded->setVisible(m_endedMs > 0);
}

QRect GuardrailCharts::onScreen() const
{
    // Not visibleRegion(): it leaves out what opaque children cover, and the charts are such
    // children, so a chart on screen would never count as on screen.
    if (!isVisible())
        return {};
    QRect visible = rect();
    QPoint offset;
    for (const QWidget *widget = this; !widget->isWindow() && widget->parentWidget(); widget = widget->parentWidget()) {
        offset += widget->pos();
        visible &= widget->parentWidget()->rect().translated(-offset);
    }
    return visible;
}

void GuardrailCharts::drawVisibleStaleRows()
{
    const QRect visible = onScreen();
    if (visible.isEmpty())
        return;
    for (Row &row : m_rows) {
        const QRect charts(row.valuesView->mapTo(this, QPoint(0, 0)), row.valuesView->size());
        if (row.stale && visible.intersects(charts)) {
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

void GuardrailCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event); // back on screen (another tab was in front): draw what changed meanwhile
    drawVisibleStaleRows();
}

void GuardrailCharts::drawRow(Row &row)
{
    const QHash<QString, GuardrailMonitor::Series> series = m_series.value(row.metric);
    const double scale = row.unit.scale;

    qint64 fromMs = std::numeric_limits<qint64>::max();
    qint64 toMs = std::numeric_limits<qint64>::min();
    Range values;
    const int columns = columnsOf(row.valuesView);
    for (auto it = row.variations.begin(); it != row.variations.end(); ++it) {
        const GuardrailMonitor::Series samples = series.value(it.key());
        QList<QPointF> points;
        points.reserve(samples.size());
        for (const MetricSample &sample : samples)
            points.append(QPointF(double(sample.timeMs), sample.value * scale));
        if (!points.isEmpty()) {
            fromMs = std::min(fromMs, samples.constFirst().timeMs);
            toMs = std::max(toMs, samples.constLast().timeMs);
        }
        const QList<QPointF> shown = ChartDecimation::minMax(points, columns);
        values.include(shown);
        (*it)->replace(shown);
    }
    std::optional<double> threshold;
    for (const ContractGuardrail &guardrail : std::as_const(m_guardrails)) {
        if (guardrail.metric == row.metric && guardrail.threshold)
            threshold = *guardrail.threshold * scale;
    }
    row.threshold->setVisible(threshold.has_value());
    if (threshold && fromMs < toMs) {
        values.include(*threshold);
        row.threshold->replace({QPointF(double(fromMs), *threshold), QPointF(double(toMs), *threshold)});
    }
    const auto shade = [&](const Shade &lines, const NiceTicks &ticks) {
        const bool shaded = m_endedMs > 0 && m_endedMs < toMs && fromMs < toMs;
        lines.area->setVisible(shaded);
        if (!shaded)
            return;
        const double from = double(std::max(m_endedMs, fromMs));
        lines.upper->replace({QPointF(from, ticks.high()), QPointF(double(toMs), ticks.high())});
        lines.lower->replace({QPointF(from, ticks.low()), QPointF(double(toMs), ticks.low())});
    };
    shade(row.valuesShade, setAxes(row.valuesView->chart(), fromMs, toMs, values, row.unit.symbol));

    // The difference relative to the control's level, as the verdict's sentence gives it, where that
    // level is known for every look; otherwise in the metric's own unit.
    QList<const GuardrailResult *> results;
    bool relative = true;
    for (auto it = row.candidates.cbegin(); it != row.candidates.cend(); ++it) {
        const GuardrailResult *result = nullptr;
        for (const GuardrailResult &candidate : std::as_const(m_shown.results)) {
            if (candidate.guardrail.metric == row.metric && candidate.candidateId == it.key())
                result = &candidate;
        }
        results.append(result);
        if (result && !result->history.isEmpty()
            && (result->controlMean == 0 || result->controlMeans.size() != result->history.size()))
            relative = false;
    }
    Range differences;
    differences.include(0);
    const int differenceColumns = columnsOf(row.differenceView);
    qsizetype index = 0;
    for (auto it = row.candidates.begin(); it != row.candidates.end(); ++it, ++index) {
        const GuardrailResult *result = results.at(index);
        QList<QPointF> estimate, upper, lower;
        if (result) {
            for (qsizetype look = 0; look < result->history.size(); ++look) {
                const DifferenceEstimate &point = result->history.at(look);
                double factor = scale;
                if (relative) {
                    const double level = std::abs(result->controlMeans.at(look));
                    if (level == 0)
                        continue;
                    factor = 100 / level;
                }
                estimate.append(QPointF(double(point.timeMs), point.estimate * factor));
                upper.append(QPointF(double(point.timeMs), point.upper * factor));
                lower.append(QPointF(double(point.timeMs), point.lower * factor));
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
    QChart *difference = row.differenceView->chart();
    const QString differenceTitle = relative
                                        ? tr("difference from the control, in % of its level, with its always-valid interval")
                                        : tr("difference from the control, with its always-valid interval");
    if (difference->title() != differenceTitle)
        difference->setTitle(differenceTitle);
    shade(row.differenceShade,
          setAxes(difference, fromMs, toMs, differences, relative ? QStringLiteral("%") : row.unit.symbol));
}
