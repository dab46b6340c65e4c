#include "core/rollout.h"
#include "testresult.h"

#include <QTest>

class tst_Rollout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validation_data();
    void validation();
    void fromFeatBit_data();
    void fromFeatBit();
    void featBitRoundTrip_data();
    void featBitRoundTrip();
    void unleashWeights_data();
    void unleashWeights();
    void toUnleashRefusesFinerShares();
    void formatPercent_data();
    void formatPercent();
};

using Shares = QList<VariationShare>;

void tst_Rollout::validation_data()
{
    QTest::addColumn<Shares>("shares");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("single") << Shares{{QStringLiteral("a"), 10000}} << QString();
    QTest::newRow("split") << Shares{{QStringLiteral("a"), 9500}, {QStringLiteral("b"), 500}} << QString();
    QTest::newRow("zero share allowed") << Shares{{QStringLiteral("a"), 10000}, {QStringLiteral("b"), 0}} << QString();
    QTest::newRow("empty") << Shares{} << QStringLiteral("no variation");
    QTest::newRow("short") << Shares{{QStringLiteral("a"), 9999}} << QStringLiteral("99.99%");
    QTest::newRow("over") << Shares{{QStringLiteral("a"), 6000}, {QStringLiteral("b"), 5000}} << QStringLiteral("110%");
    QTest::newRow("negative") << Shares{{QStringLiteral("a"), 10100}, {QStringLiteral("b"), -100}} << QStringLiteral("outside");
    QTest::newRow("twice") << Shares{{QStringLiteral("a"), 5000}, {QStringLiteral("a"), 5000}} << QStringLiteral("twice");
    QTest::newRow("unnamed") << Shares{{QString(), 10000}} << QStringLiteral("names no variation");
}

void tst_Rollout::validation()
{
    QFETCH(Shares, shares);
    QFETCH(QString, errorContains);
    const Result<void> valid = Rollout(shares).validate();
    if (errorContains.isEmpty())
        VERIFY_OK(valid);
    else
        QVERIFY2(valid.error().contains(errorContains), qPrintable(valid.error()));
}

using Ranges = QList<FeatBitRolloutRange>;

void tst_Rollout::fromFeatBit_data()
{
    QTest::addColumn<Ranges>("ranges");
    QTest::addColumn<Shares>("expected");
    QTest::addColumn<QString>("errorContains");
    const QString a = QStringLiteral("a");
    const QString b = QStringLiteral("b");
    const QString c = QStringLiteral("c");
    QTest::newRow("everyone") << Ranges{{a, 0, 1}} << Shares{{a, 10000}} << QString();
    QTest::newRow("quarter") << Ranges{{a, 0, 0.25}, {b, 0.25, 1}} << Shares{{a, 2500}, {b, 7500}} << QString();
    // Thirds as FeatBit's UI writes them (four decimals) still sum exactly.
    QTest::newRow("thirds") << Ranges{{a, 0, 0.3333}, {b, 0.3333, 0.6667}, {c, 0.6667, 1}}
                            << Shares{{a, 3333}, {b, 3334}, {c, 3333}} << QString();
    // Floating-point noise from a JSON round trip is not a different value.
    QTest::newRow("float noise") << Ranges{{a, 0, 0.1 + 0.2}, {b, 0.30000000000000004, 1}}
                                 << Shares{{a, 3000}, {b, 7000}} << QString();
    QTest::newRow("order kept") << Ranges{{b, 0.05, 1}, {a, 0, 0.05}} << Shares{{b, 9500}, {a, 500}} << QString();
    QTest::newRow("finer than a basis point") << Ranges{{a, 0, 0.33333}, {b, 0.33333, 1}} << Shares{}
                                              << QStringLiteral("0.01% steps");
    QTest::newRow("outside unit interval") << Ranges{{a, 0, 1.5}} << Shares{} << QStringLiteral("not within");
    QTest::newRow("reversed") << Ranges{{a, 0.5, 0.2}, {b, 0, 1}} << Shares{} << QStringLiteral("ends before");
    QTest::newRow("overlap") << Ranges{{a, 0, 0.6}, {b, 0.5, 1}} << Shares{} << QStringLiteral("overlap");
    QTest::newRow("gap") << Ranges{{a, 0, 0.4}, {b, 0.5, 1}} << Shares{} << QStringLiteral("90%");
    QTest::newRow("nan") << Ranges{{a, 0, std::numeric_limits<double>::quiet_NaN()}} << Shares{}
                         << QStringLiteral("not within");
}

void tst_Rollout::fromFeatBit()
{
    QFETCH(Ranges, ranges);
    QFETCH(Shares, expected);
    QFETCH(QString, errorContains);
    const Result<Rollout> rollout = Rollout::fromFeatBitRanges(ranges);
    if (!errorContains.isEmpty()) {
        QVERIFY(!rollout.ok());
        QVERIFY2(rollout.error().contains(errorContains), qPrintable(rollout.error()));
        return;
    }
    QVERIFY2(rollout.ok(), qPrintable(rollout.error()));
    QCOMPARE(rollout->shares(), expected);
}

void tst_Rollout::featBitRoundTrip_data()
{
    QTest::addColumn<Shares>("shares");
    QTest::newRow("95/5") << Shares{{QStringLiteral("base"), 9500}, {QStringLiteral("cand"), 500}};
    QTest::newRow("odd basis points") << Shares{{QStringLiteral("x"), 1}, {QStringLiteral("y"), 3333}, {QStringLiteral("z"), 6666}};
    QTest::newRow("zero share dropped") << Shares{{QStringLiteral("x"), 10000}, {QStringLiteral("y"), 0}};
}

void tst_Rollout::featBitRoundTrip()
{
    QFETCH(Shares, shares);
    const Rollout original(shares);
    const QList<FeatBitRolloutRange> ranges = original.toFeatBitRanges();
    QCOMPARE(ranges.first().start, 0.0);
    QCOMPARE(ranges.last().end, 1.0);
    for (qsizetype i = 1; i < ranges.size(); ++i)
        QCOMPARE(ranges[i].start, ranges[i - 1].end);
    const Result<Rollout> back = Rollout::fromFeatBitRanges(ranges);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    for (const VariationShare &share : shares)
        QCOMPARE(back->basisPointsOf(share.variationId), share.basisPoints);
}

using Weights = QList<UnleashVariantWeight>;

void tst_Rollout::unleashWeights_data()
{
    QTest::addColumn<Weights>("weights");
    QTest::addColumn<Shares>("expected");
    QTest::newRow("half") << Weights{{QStringLiteral("a"), 500}, {QStringLiteral("b"), 500}}
                          << Shares{{QStringLiteral("a"), 5000}, {QStringLiteral("b"), 5000}};
    QTest::newRow("tenth of a percent") << Weights{{QStringLiteral("a"), 999}, {QStringLiteral("b"), 1}}
                                        << Shares{{QStringLiteral("a"), 9990}, {QStringLiteral("b"), 10}};
    QTest::newRow("short of 1000") << Weights{{QStringLiteral("a"), 900}} << Shares{};
    QTest::newRow("above 1000") << Weights{{QStringLiteral("a"), 1001}} << Shares{};
}

void tst_Rollout::unleashWeights()
{
    QFETCH(Weights, weights);
    QFETCH(Shares, expected);
    const Result<Rollout> rollout = Rollout::fromUnleashWeights(weights);
    if (expected.isEmpty()) {
        QVERIFY(!rollout.ok());
        QVERIFY(!rollout.error().isEmpty());
        return;
    }
    QVERIFY2(rollout.ok(), qPrintable(rollout.error()));
    QCOMPARE(rollout->shares(), expected);
    const Result<Weights> back = rollout->toUnleashWeights();
    QVERIFY(back.ok());
    QCOMPARE(back.value(), weights);
}

void tst_Rollout::toUnleashRefusesFinerShares()
{
    const Rollout rollout({{QStringLiteral("a"), 9995}, {QStringLiteral("b"), 5}});
    const Result<Weights> weights = rollout.toUnleashWeights();
    QVERIFY(!weights.ok());
    QVERIFY2(weights.error().contains(QStringLiteral("\"a\" gets 99.95%")), qPrintable(weights.error()));
}

void tst_Rollout::formatPercent_data()
{
    QTest::addColumn<int>("basisPoints");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole") << 500 << QStringLiteral("5%");
    QTest::newRow("all") << 10000 << QStringLiteral("100%");
    QTest::newRow("none") << 0 << QStringLiteral("0%");
    QTest::newRow("tenth") << 3350 << QStringLiteral("33.5%");
    QTest::newRow("hundredth") << 3333 << QStringLiteral("33.33%");
    QTest::newRow("small") << 5 << QStringLiteral("0.05%");
}

void tst_Rollout::formatPercent()
{
    QFETCH(int, basisPoints);
    QFETCH(QString, text);
    QCOMPARE(Rollout::formatPercent(basisPoints), text);
}

QTEST_GUILESS_MAIN(tst_Rollout)
#include "tst_rollout.moc"
