#include "core/metricunit.h"
#include "core/niceticks.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

#include <cmath>

// Axis ticks a person reads at a glance: steps of 1, 2 or 5 × 10^n, a range from tick to tick.
class tst_NiceTicks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stepAtLeast_data();
    void stepAtLeast();
    void forRange_data();
    void forRange();
    void everyRangeGetsNiceTicks();
    void ticksAreWrittenExactly();
    void timeTicks_data();
    void timeTicks();
    void units_data();
    void units();
};

namespace {

// Whether step is 1, 2 or 5 × 10^n.
bool isNiceStep(double step)
{
    const double exponent = std::floor(std::log10(step) + 1e-9);
    const double mantissa = step / std::pow(10.0, exponent);
    return std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 5) < 1e-6;
}

} // namespace

void tst_NiceTicks::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void tst_NiceTicks::stepAtLeast_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("step");
    QTest::newRow("one") << 1.0 << 1.0;
    QTest::newRow("just over one") << 1.01 << 2.0;
    QTest::newRow("three") << 3.0 << 5.0;
    QTest::newRow("seven") << 7.0 << 10.0;
    QTest::newRow("a thousand") << 1000.0 << 1000.0;
    QTest::newRow("odd hundreds") << 313.4 << 500.0;
    QTest::newRow("small") << 0.00031 << 0.0005;
    QTest::newRow("a tenth") << 0.1 << 0.1;
    QTest::newRow("two tenths, rounded") << 0.2000000001 << 0.2;
}

void tst_NiceTicks::stepAtLeast()
{
    QFETCH(double, value);
    QFETCH(double, step);
    QCOMPARE(NiceTicks::niceStepAtLeast(value), step);
}

void tst_NiceTicks::forRange_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<QList<double>>("ticks");
    // The reported axes: 1567 and 839.6 as ticks, −0.0032 on a difference axis.
    QTest::newRow("latency") << 612.3 << 1567.0 << 6 << QList<double>{600, 800, 1000, 1200, 1400, 1600};
    QTest::newRow("latency, fewer ticks") << 612.3 << 1567.0 << 4 << QList<double>{500, 1000, 1500, 2000};
    QTest::newRow("around zero") << -0.0032 << 0.011 << 6 << QList<double>{-0.005, 0, 0.005, 0.01, 0.015};
    // 44.2 in steps of 10 would take 7 ticks.
    QTest::newRow("percent") << -3.2 << 41.0 << 6 << QList<double>{-20, 0, 20, 40, 60};
    QTest::newRow("rate") << 0.021 << 0.034 << 5 << QList<double>{0.02, 0.025, 0.03, 0.035};
    QTest::newRow("a bound on a tick") << 0.0 << 1.0 << 6 << QList<double>{0, 0.2, 0.4, 0.6, 0.8, 1};
    QTest::newRow("one value") << 5.0 << 5.0 << 5 << QList<double>{4.5, 5, 5.5};
    QTest::newRow("zero only") << 0.0 << 0.0 << 5 << QList<double>{-1, -0.5, 0, 0.5, 1};
    QTest::newRow("reversed") << 10.0 << 0.0 << 3 << QList<double>{0, 5, 10};
}

void tst_NiceTicks::forRange()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, maxTicks);
    QFETCH(QList<double>, ticks);
    const NiceTicks nice = NiceTicks::forRange(low, high, maxTicks);
    QCOMPARE(nice.values(), ticks);
    QVERIFY(nice.count() <= maxTicks);
}

void tst_NiceTicks::everyRangeGetsNiceTicks()
{
    // Ranges of every size and place: the ticks hold the range, are at most as many as asked,
    // step by a nice step, and sit on whole multiples of it.
    for (const double low : {-1567.0, -3.2, -0.0032, 0.0, 0.0021, 1.0, 839.6, 1e6}) {
        for (const double span : {1e-5, 0.003, 0.7, 1.0, 44.2, 955.0, 1e7}) {
            for (const int maxTicks : {2, 3, 5, 6, 8}) {
                const NiceTicks nice = NiceTicks::forRange(low, low + span, maxTicks);
                const QString where = QStringLiteral("%1 + %2 in %3 ticks").arg(low).arg(span).arg(maxTicks);
                QVERIFY2(nice.count() >= 2 && nice.count() <= std::max(3, maxTicks), qPrintable(where));
                QVERIFY2(nice.low() <= low && nice.high() >= low + span, qPrintable(where));
                QVERIFY2(isNiceStep(nice.step()), qPrintable(where));
                for (const double tick : nice.values()) {
                    const double multiple = tick / nice.step();
                    QVERIFY2(std::abs(multiple - std::round(multiple)) < 1e-6 + std::abs(multiple) * 1e-9, qPrintable(where));
                }
                // Not needlessly coarse: the next smaller nice step would need more ticks.
                if (nice.step() > 1e-300) {
                    const double smaller = nice.mantissa == 1 ? nice.step() / 2 : nice.mantissa == 2 ? nice.step() / 2
                                                                                                     : nice.step() * 2 / 5;
                    const double count = std::ceil((low + span) / smaller) - std::floor(low / smaller) + 1;
                    // (At least as many, not more: a bound a hair past a tick, as 839.6 + 0.7 is, takes one more.)
                    QVERIFY2(count >= std::max(3, maxTicks) || span <= std::abs(low) * 1e-12, qPrintable(where));
                }
            }
        }
    }
}

void tst_NiceTicks::ticksAreWrittenExactly()
{
    const NiceTicks difference = NiceTicks::forRange(-0.0032, 0.011, 6);
    QStringList texts;
    for (const double tick : difference.values())
        texts.append(difference.text(tick));
    QCOMPARE(texts, (QStringList{QStringLiteral("-0.005"), QStringLiteral("0.000"), QStringLiteral("0.005"),
                              QStringLiteral("0.010"), QStringLiteral("0.015")}));
    const NiceTicks tenths = NiceTicks::forRange(0.05, 0.62, 8);
    QCOMPARE(tenths.valueAt(3), 0.3); // exactly the double nearest 0.3
    QCOMPARE(tenths.text(-0.0), QStringLiteral("0.0"));
    const NiceTicks hundreds = NiceTicks::forRange(612.3, 1567, 6);
    QCOMPARE(hundreds.text(1200), QStringLiteral("1200"));
}

void tst_NiceTicks::timeTicks_data()
{
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<QString>("format");
    QTest::newRow("ten minutes") << qint64(600'000) << 6 << qint64(120'000) << QStringLiteral("HH:mm");
    QTest::newRow("an hour") << qint64(3'600'000) << 6 << qint64(600'000) << QStringLiteral("HH:mm");
    QTest::newRow("a minute") << qint64(60'000) << 5 << qint64(15'000) << QStringLiteral("HH:mm:ss");
    QTest::newRow("seconds") << qint64(7'000) << 8 << qint64(1'000) << QStringLiteral("HH:mm:ss");
}

void tst_NiceTicks::timeTicks()
{
    QFETCH(qint64, spanMs);
    QFETCH(int, maxTicks);
    QFETCH(qint64, stepMs);
    QFETCH(QString, format);
    const qint64 from = QDateTime(QDate(2026, 11, 30), QTime(11, 3, 27, 412), Qt::UTC).toMSecsSinceEpoch();
    const NiceTimeTicks ticks = NiceTimeTicks::forRange(from, from + spanMs, maxTicks);
    QCOMPARE(ticks.stepMs, stepMs);
    QCOMPARE(ticks.format(), format);
    QVERIFY(!ticks.timesMs.isEmpty());
    QVERIFY(ticks.timesMs.size() <= maxTicks);
    for (const qint64 time : ticks.timesMs) {
        QCOMPARE(time % stepMs, 0);
        QVERIFY(time >= from && time <= from + spanMs);
    }
}

void tst_NiceTicks::units_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<double>("scale");
    QTest::newRow("latency") << QStringLiteral("p95_latency") << QStringLiteral("ms") << 1.0;
    QTest::newRow("wait") << QStringLiteral("handoff_queue_wait") << QStringLiteral("ms") << 1.0;
    QTest::newRow("rate") << QStringLiteral("no_answer_rate") << QStringLiteral("%") << 100.0;
    QTest::newRow("click-through") << QStringLiteral("answer_click_through") << QStringLiteral("%") << 100.0;
    QTest::newRow("cost") << QStringLiteral("cost_per_request") << QStringLiteral("$") << 1.0;
    QTest::newRow("token cost is a cost") << QStringLiteral("context_token_cost") << QStringLiteral("$") << 1.0;
    QTest::newRow("score") << QStringLiteral("answer_quality_score") << QStringLiteral("") << 1.0;
}

void tst_NiceTicks::units()
{
    QFETCH(QString, metric);
    QFETCH(QString, symbol);
    QFETCH(double, scale);
    const MetricUnit unit = MetricUnit::forMetric(metric);
    QCOMPARE(unit.symbol, symbol);
    QCOMPARE(unit.scale, scale);
}

QTEST_GUILESS_MAIN(tst_NiceTicks)
#include "tst_niceticks.moc"
