#include "connectors/sandbox/sandboxserver.h"
#include "control/consolecontroller.h"
#include "control/guardrailwatcher.h"
#include "elidedlabel.h"
#include "flagtableview.h"
#include "guardrailcharts.h"
#include "item/consolemodels.h"
#include "item/flagfilterproxy.h"
#include "item/flagtablemodel.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "metrics/guardrailmonitor.h"
#include "metrics/trafficsimulator.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QLabel>
#include <QLineSeries>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

// The selected flag's guardrail charts in the real main window, offscreen, on the sandbox with
// its traffic on a clock the test moves: they move with every tick while the flag stays
// selected, put a regressed guardrail first, read well, and keep the comparison after a kill.
class tst_GuardrailCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void headingsAndChartsMoveWhileTheFlagStaysSelected();
    void aRegressedGuardrailIsChartedFirst();
    void ticksAreNiceAndNamesAreWhole();
    void aKillKeepsTheComparisonAndGreysTheTimeSince();

private:
    FlagRef production(const QString &key) const { return {QStringLiteral("sandbox"), QStringLiteral("production"), key}; }
    void selectFlag(const FlagRef &flag);
    void advance(int seconds);
    QString healthOf(const FlagRef &flag) const;
    QChartView *chartView(const QString &accessibleName) const;
    QLabel *title(const QString &metric) const;
    // The chart's line of this name (a variation's), or nullptr.
    static QLineSeries *line(QChart *chart, const QString &name);
    void saveScreenshot(const QString &name) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    MemorySecretStore m_secrets;
    std::unique_ptr<ConsoleController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    GuardrailCharts *m_charts = nullptr;
    int m_files = 0;
    qint64 m_now = 0; // the sandbox traffic's clock
};

void tst_GuardrailCharts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_dir.isValid());
}

void tst_GuardrailCharts::init()
{
    QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox"))); // from the seed
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_settings->clear();
    ++m_files;
    m_controller = std::make_unique<ConsoleController>(
        *m_settings, TestAudit::openWriter(m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(m_files))), &m_secrets);
    m_controller->setInboxLocation(m_dir.filePath(QStringLiteral("inbox-%1.sqlite").arg(m_files)));
    m_controller->setSandboxAgentEnabled(false);
    // A whole second, so every tick closes exactly one interval.
    m_now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    m_controller->guardrails()->simulator()->setClock([this] { return m_now; });
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->resize(1500, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_controller->start(true);
    QTRY_VERIFY(m_controller->initialLoadDone());
    static_cast<SandboxServer *>(m_controller->server(QStringLiteral("sandbox")))->setLatency(5, 5);
    m_charts = m_window->guardrailCharts();
}

void tst_GuardrailCharts::cleanup()
{
    m_charts = nullptr;
    m_window.reset();
    m_controller.reset();
    m_settings.reset();
}

void tst_GuardrailCharts::selectFlag(const FlagRef &flag)
{
    auto *proxy = static_cast<FlagFilterProxy *>(m_window->flagTable()->model());
    m_window->flagTable()->setCurrentIndex(proxy->mapFromSource(m_window->models()->flags()->indexOf(flag)));
}

void tst_GuardrailCharts::advance(int seconds)
{
    for (int second = 0; second < seconds; ++second) {
        m_now += 1000;
        m_controller->guardrails()->simulator()->tick();
    }
}

QString tst_GuardrailCharts::healthOf(const FlagRef &flag) const
{
    return m_window->models()->flags()->indexOf(flag, FlagTableModel::HealthColumn).data().toString();
}

QChartView *tst_GuardrailCharts::chartView(const QString &accessibleName) const
{
    const QList<QChartView *> views = m_charts->findChildren<QChartView *>();
    for (QChartView *view : views) {
        if (view->accessibleName() == accessibleName)
            return view;
    }
    return nullptr;
}

QLabel *tst_GuardrailCharts::title(const QString &metric) const
{
    return m_charts->findChild<QLabel *>(QStringLiteral("guardrailTitle_") + metric);
}

QLineSeries *tst_GuardrailCharts::line(QChart *chart, const QString &name)
{
    for (QAbstractSeries *series : chart->series()) {
        if (series->name() == name)
            return qobject_cast<QLineSeries *>(series);
    }
    return nullptr;
}

void tst_GuardrailCharts::saveScreenshot(const QString &name) const
{
    if (const QString dir = qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(30);
        QVERIFY(m_window->grab().save(dir + QLatin1Char('/') + name));
    }
}

void tst_GuardrailCharts::headingsAndChartsMoveWhileTheFlagStaysSelected()
{
    const FlagRef flag = production(QStringLiteral("support-assistant-route"));
    QTRY_VERIFY(!healthOf(flag).isEmpty());
    selectFlag(flag);
    QTRY_COMPARE(m_charts->shownFlag(), flag);
    QTRY_VERIFY(m_charts->shownUntilMs() > 0);
    QChartView *latency = chartView(QStringLiteral("p95_latency per variation"));
    QVERIFY(latency);
    QTRY_VERIFY(latency->isVisible());
    QLineSeries *control = line(latency->chart(), QStringLiteral("baseline profile"));
    QVERIFY(control);
    const GuardrailMonitor *monitor = m_controller->guardrails()->monitor();

    // Minute after minute, nothing but the clock moves: the flag stays selected.
    for (int step = 1; step <= 3; ++step) {
        const qint64 before = m_charts->shownUntilMs();
        advance(20);
        QTRY_COMPARE(m_charts->shownUntilMs(), before + 20 * 1000);
        const qint64 until = m_charts->shownUntilMs();
        // The chart: its newest point and the end of its time axis.
        QTRY_COMPARE(qint64(control->points().constLast().x()), until);
        auto *time = qobject_cast<QCategoryAxis *>(latency->chart()->axes(Qt::Horizontal).constFirst());
        QVERIFY(time);
        QCOMPARE(qint64(time->max()), until);
        // The heading: the time of the data, and the count of intervals the monitor (and so the
        // table and the stage gate) judged on.
        const QString heading = title(QStringLiteral("p95_latency"))->text();
        const QString updated = QDateTime::fromMSecsSinceEpoch(until).toString(QStringLiteral("HH:mm:ss"));
        QVERIFY2(heading.contains(QStringLiteral("updated ") + updated), qPrintable(heading));
        const FlagHealth health = monitor->health(flag);
        const auto result = std::find_if(health.results.cbegin(), health.results.cend(), [](const GuardrailResult &r) {
            return r.guardrail.metric == QLatin1String("p95_latency");
        });
        QVERIFY(result != health.results.cend());
        QVERIFY2(heading.contains(QStringLiteral("%1 paired interval").arg(result->difference.samples)), qPrintable(heading));
        QVERIFY2(heading.contains(verdictText(result->verdict)), qPrintable(heading));
        QCOMPARE(m_charts->shownFlag(), flag);
    }
}

void tst_GuardrailCharts::aRegressedGuardrailIsChartedFirst()
{
    const FlagRef flag = production(QStringLiteral("support-assistant-route"));
    m_controller->guardrails()->simulator()->addRegression(
        {QStringLiteral("support-assistant-route"), QStringLiteral("citation_first_v2"), QStringLiteral("no_answer_rate"), 2.0});
    QTRY_VERIFY(!healthOf(flag).isEmpty());
    selectFlag(flag);
    QTRY_COMPARE(m_charts->shownFlag(), flag);
    // The contract's order while nothing is wrong.
    QTRY_COMPARE(m_charts->chartedMetrics(), (QStringList{QStringLiteral("p95_latency"), QStringLiteral("no_answer_rate"),
                                                          QStringLiteral("citation_failure_rate")}));
    for (int second = 0; second < 300 && healthOf(flag) != QLatin1String("regressed"); ++second)
        advance(1);
    QCOMPARE(healthOf(flag), QStringLiteral("regressed"));
    QTRY_COMPARE(m_charts->chartedMetrics(), (QStringList{QStringLiteral("no_answer_rate"), QStringLiteral("p95_latency"),
                                                          QStringLiteral("citation_failure_rate")}));
    // First on screen too, and saying what the table says.
    QLabel *first = title(QStringLiteral("no_answer_rate"));
    QLabel *second = title(QStringLiteral("p95_latency"));
    QTRY_VERIFY(first->isVisible() && second->isVisible());
    QVERIFY(first->mapTo(m_charts, QPoint()).y() < second->mapTo(m_charts, QPoint()).y());
    QTRY_VERIFY2(first->text().contains(QStringLiteral("regressed")), qPrintable(first->text()));
    // The table's health and the heading move on together.
    advance(10);
    QTRY_VERIFY2(first->text().contains(QStringLiteral("updated ")
                                        + QDateTime::fromMSecsSinceEpoch(m_now).toString(QStringLiteral("HH:mm:ss"))),
                 qPrintable(first->text()));
    QCOMPARE(healthOf(flag), QStringLiteral("regressed"));
}

void tst_GuardrailCharts::ticksAreNiceAndNamesAreWhole()
{
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    QTRY_VERIFY(!healthOf(flag).isEmpty());
    selectFlag(flag);
    QTRY_COMPARE(m_charts->shownFlag(), flag);
    advance(2);
    QChartView *latency = chartView(QStringLiteral("p95_latency per variation"));
    QChartView *difference = chartView(QStringLiteral("p95_latency difference from the control"));
    QChartView *cost = chartView(QStringLiteral("cost_per_request per variation"));
    QVERIFY(latency && difference && cost);
    QTRY_VERIFY(!line(latency->chart(), QStringLiteral("frontier large"))->points().isEmpty());

    // Values up the side: whole multiples of one step of 1, 2 or 5 × 10^n, with the unit.
    const auto checkValues = [](QChartView *view, const QString &unit) {
        auto *axis = qobject_cast<QCategoryAxis *>(view->chart()->axes(Qt::Vertical).constFirst());
        QVERIFY(axis);
        QCOMPARE(axis->titleText(), unit);
        const QStringList labels = axis->categoriesLabels();
        QVERIFY2(labels.size() >= 3, qPrintable(labels.join(QLatin1Char(' '))));
        const double step = axis->endValue(labels.at(1)) - axis->endValue(labels.at(0));
        const double exponent = std::floor(std::log10(step) + 1e-9);
        const double mantissa = step / std::pow(10.0, exponent);
        QVERIFY2(std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 5) < 1e-6,
                 qPrintable(QString::number(step)));
        for (const QString &label : labels) {
            const double value = axis->endValue(label);
            QVERIFY2(std::abs(value / step - std::round(value / step)) < 1e-6, qPrintable(label));
            // Written as the value it stands at: no exponents, no stray digits, no "-0".
            QVERIFY2(!label.contains(QLatin1Char('e')) && label != QLatin1String("-0"), qPrintable(label));
            QCOMPARE(QLocale().toDouble(label), value);
        }
        QCOMPARE(axis->min(), axis->endValue(labels.constFirst()));
        QCOMPARE(axis->max(), axis->endValue(labels.constLast()));
    };
    checkValues(latency, QStringLiteral("ms"));
    checkValues(difference, QStringLiteral("%")); // the heading speaks in %, so does the chart
    checkValues(cost, QStringLiteral("$"));
    QVERIFY2(title(QStringLiteral("p95_latency"))->text().contains(QLatin1Char('%')),
             qPrintable(title(QStringLiteral("p95_latency"))->text()));

    // Time along the bottom at whole seconds or minutes.
    auto *time = qobject_cast<QCategoryAxis *>(latency->chart()->axes(Qt::Horizontal).constFirst());
    QVERIFY(time);
    const QStringList times = time->categoriesLabels();
    QVERIFY(times.size() >= 2);
    const qint64 timeStep = qint64(time->endValue(times.at(1)) - time->endValue(times.at(0)));
    QVERIFY2(QList<qint64>({60'000, 120'000, 300'000, 600'000}).contains(timeStep), qPrintable(QString::number(timeStep)));
    for (const QString &label : times) {
        QCOMPARE(qint64(time->endValue(label)) % timeStep, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d$")).match(label).hasMatch(), qPrintable(label));
    }

    // The control is drawn over the candidates.
    const QList<QAbstractSeries *> series = latency->chart()->series();
    const qsizetype controlAt = series.indexOf(line(latency->chart(), QStringLiteral("frontier large")));
    QVERIFY(controlAt > series.indexOf(line(latency->chart(), QStringLiteral("distilled small"))));
    QVERIFY(controlAt > series.indexOf(line(latency->chart(), QStringLiteral("open weights 70b"))));

    // Legends name each variation in full, or shortened in the middle with the full name at hand.
    const auto legendOf = [this](const QString &id) {
        return m_charts->findChild<QWidget *>(QStringLiteral("guardrailLegend_p95_latency"))
            ->findChild<ElidedLabel *>(QStringLiteral("legend_") + id);
    };
    ElidedLabel *control = legendOf(QStringLiteral("frontier_large"));
    ElidedLabel *candidate = legendOf(QStringLiteral("distilled_small"));
    QVERIFY(control && candidate);
    QTRY_VERIFY(control->isVisible());
    QCOMPARE(control->toolTip(), QStringLiteral("frontier large (control)"));
    QCOMPARE(control->text(), control->toolTip());
    QCOMPARE(candidate->text(), QStringLiteral("distilled small"));

    m_window->resize(820, 1000); // a narrow window: the names no longer fit
    QTRY_VERIFY(control->text() != control->toolTip());
    for (ElidedLabel *label : {control, candidate}) {
        if (label->text() == label->toolTip())
            continue;
        QVERIFY2(label->text().contains(QChar(0x2026)), qPrintable(label->text()));
        // Shortened in the middle: both ends of the name are still there.
        QVERIFY2(label->text().at(0) == label->toolTip().at(0) && label->text().back() == label->toolTip().back(),
                 qPrintable(label->text()));
    }
    QCOMPARE(control->toolTip(), QStringLiteral("frontier large (control)"));
}

void tst_GuardrailCharts::aKillKeepsTheComparisonAndGreysTheTimeSince()
{
    // chat-model-route's contract sets auto_kill.
    const FlagRef flag = production(QStringLiteral("chat-model-route"));
    m_controller->guardrails()->simulator()->addRegression(
        {QStringLiteral("chat-model-route"), QStringLiteral("distilled_small"), QStringLiteral("p95_latency"), 1.5});
    QTRY_VERIFY(!healthOf(flag).isEmpty());
    selectFlag(flag);
    QTRY_COMPARE(m_charts->shownFlag(), flag);
    const auto state = [&] { return m_window->models()->flags()->indexOf(flag, FlagTableModel::StateColumn).data().toString(); };
    for (int second = 0; second < 300 && healthOf(flag) != QLatin1String("regressed"); ++second)
        advance(1);
    QTRY_VERIFY(state().startsWith(QStringLiteral("KILLED by the monitor at ")));
    const GuardrailMonitor *monitor = m_controller->guardrails()->monitor();
    QTRY_VERIFY(monitor->endedComparison(flag).has_value());
    const qint64 endedMs = monitor->endedComparison(flag)->endedMs;
    advance(30); // only the control's traffic since

    QTRY_COMPARE(m_charts->shownUntilMs(), m_now);
    auto *empty = m_charts->findChild<QLabel *>(QStringLiteral("guardrailChartsEmpty"));
    QVERIFY2(empty->text().contains(QStringLiteral("frontier large"))
                 && empty->text().contains(QStringLiteral("greyed")) && !empty->text().contains(QStringLiteral("nothing to compare")),
             qPrintable(empty->text()));
    // The verdict from before, said as such, first.
    QCOMPARE(m_charts->chartedMetrics().constFirst(), QStringLiteral("p95_latency"));
    const QString heading = title(QStringLiteral("p95_latency"))->text();
    const QString endedText = QDateTime::fromMSecsSinceEpoch(endedMs).toString(QStringLiteral("HH:mm:ss"));
    QVERIFY2(heading.contains(QStringLiteral("regressed before ") + endedText), qPrintable(heading));
    QVERIFY2(heading.contains(QStringLiteral("distilled small +")), qPrintable(heading));

    // Both charts keep their lines and grey the time after the comparison ended.
    QChartView *values = chartView(QStringLiteral("p95_latency per variation"));
    QChartView *difference = chartView(QStringLiteral("p95_latency difference from the control"));
    QTRY_VERIFY(values->isVisible());
    QVERIFY(!line(values->chart(), QStringLiteral("distilled small"))->points().isEmpty());
    QCOMPARE(qint64(line(values->chart(), QStringLiteral("frontier large"))->points().constLast().x()), m_now);
    QVERIFY(!line(difference->chart(), QStringLiteral("distilled small"))->points().isEmpty());
    for (QChartView *view : {values, difference}) {
        const QList<QAbstractSeries *> series = view->chart()->series();
        auto *shade = qobject_cast<QAreaSeries *>(series.constFirst());
        QVERIFY(shade);
        QVERIFY(shade->isVisible());
        QCOMPARE(qint64(shade->upperSeries()->points().constFirst().x()), endedMs);
        QCOMPARE(qint64(shade->upperSeries()->points().constLast().x()), m_now);
    }
    saveScreenshot(QStringLiteral("guardrail-charts-killed.png"));
}

QTEST_MAIN(tst_GuardrailCharts)
#include "tst_guardrailcharts.moc"
