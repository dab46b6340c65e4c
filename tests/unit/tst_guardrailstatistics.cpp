#include "../support/guardrailsimulation.h"
#include "metrics/confidencesequence.h"
#include "metrics/sequentialsrm.h"

#include <QTest>

#include <random>

// The statistics behind guardrail verdicts, checked by simulation: with no effect and a look
// after every interval, regressions are called no more often than alpha allows; with a real
// effect they are found; a fixed-horizon interval looked at the same way is shown to fail.
class TestGuardrailStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boundaryIsWiderThanFixedHorizonAndNarrowsWithData()
    {
        double previous = std::numeric_limits<double>::infinity();
        for (double n : {20.0, 50.0, 200.0, 1000.0, 10000.0}) {
            const double halfWidth = confidenceSequenceHalfWidth(1.0, n, 0.05, 200);
            QVERIFY2(halfWidth > 1.96 / std::sqrt(n), qPrintable(QString::number(n)));
            QVERIFY(halfWidth < previous);
            previous = halfWidth;
        }
        QVERIFY(confidenceSequenceHalfWidth(1.0, 100, 0.01, 200) > confidenceSequenceHalfWidth(1.0, 100, 0.05, 200));
        QVERIFY(std::isinf(confidenceSequenceHalfWidth(1.0, 0, 0.05, 200)));
    }

    void intervalsHoldTheEstimateAndDecisionsStand()
    {
        PairedSequentialTest test({0.05, 200, 20});
        std::mt19937_64 random(7);
        std::normal_distribution<double> normal(3.0, 10.0);
        for (int i = 0; i < 19; ++i)
            test.add(i, normal(random));
        QVERIFY(!test.hasInterval());
        QVERIFY(test.history().isEmpty());
        for (int i = 19; i < 500; ++i)
            test.add(i, normal(random));
        QCOMPARE(test.history().size(), 481);
        double highestLower = -std::numeric_limits<double>::infinity();
        for (const DifferenceEstimate &look : test.history()) {
            QVERIFY(look.lower < look.estimate && look.estimate < look.upper);
            highestLower = std::max(highestLower, look.lower);
        }
        QCOMPARE(test.highestLower(), highestLower);
        QVERIFY(test.highestLower() > 0); // a mean of 3 with sd 10 is found in 500 samples
        QVERIFY(test.current().lower < 3 && test.current().upper > 3);
    }

    void aaRunsRarelyCallARegressionWithPeekingAfterEveryInterval_data()
    {
        QTest::addColumn<double>("controlRequests");
        QTest::addColumn<double>("candidateRequests");
        QTest::newRow("50/50") << 500.0 << 500.0;
        QTest::newRow("95/5") << 950.0 << 50.0;
        QTest::newRow("99/1 of a busy service") << 4950.0 << 50.0;
    }

    void aaRunsRarelyCallARegressionWithPeekingAfterEveryInterval()
    {
        QFETCH(double, controlRequests);
        QFETCH(double, candidateRequests);
        GuardrailSimulation::Settings settings;
        settings.profile = GuardrailSimulation::latencyProfile();
        settings.controlRequestsPerInterval = controlRequests;
        settings.candidateRequestsPerInterval = candidateRequests;
        settings.runs = 400;
        settings.intervals = 600;
        settings.seed = 11;
        const auto summary = GuardrailSimulation::run(settings);
        qInfo("A/A %s: regression called in %.3f of runs, interval excluded 0 in %.3f",
              QTest::currentDataTag(), summary.worseSideAlarmRate, summary.eitherSideAlarmRate);
        QVERIFY(summary.worseSideAlarmRate <= 0.05);
        QVERIFY(summary.eitherSideAlarmRate <= 0.05);
    }

    void peekingAtAFixedHorizonIntervalFailsWhereTheSequenceHolds()
    {
        GuardrailSimulation::Settings settings;
        settings.profile = GuardrailSimulation::latencyProfile();
        settings.runs = 300;
        settings.seed = 12;
        settings.naiveFixedHorizon = true;
        const auto naive = GuardrailSimulation::run(settings);
        qInfo("fixed-horizon interval checked every interval: excluded 0 in %.3f of A/A runs", naive.eitherSideAlarmRate);
        QVERIFY(naive.eitherSideAlarmRate > 0.15);
    }

    void aTenPercentLatencyRegressionIsFound()
    {
        GuardrailSimulation::Settings settings;
        settings.profile = GuardrailSimulation::latencyProfile();
        settings.candidateFactor = 1.10;
        settings.runs = 200;
        settings.seed = 13;
        const auto summary = GuardrailSimulation::run(settings);
        qInfo("10%% p95 regression at 100 requests per arm and interval: found in %.3f of runs, median %.0f requests "
              "per arm (%.0f intervals)",
              summary.worseSideAlarmRate, summary.medianRequestsPerArm, summary.medianIntervals);
        QVERIFY(summary.worseSideAlarmRate >= 0.95);
        QVERIFY(summary.medianIntervals >= 20);
    }

    void anEqualCandidatePassesTheToleranceAndAWorseOneRarelyDoes()
    {
        GuardrailSimulation::Settings settings;
        settings.profile = GuardrailSimulation::latencyProfile();
        settings.judgeTolerance = true;
        settings.runs = 200;
        settings.seed = 15;
        const auto equal = GuardrailSimulation::run(settings);
        settings.candidateFactor = 1 + settings.tolerance; // worse by exactly the tolerance: the hardest case
        settings.seed = 16;
        const auto worse = GuardrailSimulation::run(settings);
        qInfo("tolerance %.0f%%: an equal candidate passes in %.3f of runs after %d intervals (median %.0f), one worse "
              "by the tolerance ever passes in %.3f",
              settings.tolerance * 100, equal.noninferiorPassRate, settings.intervals, equal.medianIntervalsToPass,
              worse.noninferiorEverPassRate);
        QVERIFY(equal.noninferiorPassRate >= 0.9);
        QVERIFY(equal.medianIntervalsToPass >= settings.test.minimumSamples);
        QVERIFY(worse.noninferiorEverPassRate <= settings.test.alpha);
        // A wide interval is not a pass: at the first look with an interval, an equal candidate
        // is almost always not enough evidence yet.
        settings.candidateFactor = 1;
        settings.intervals = settings.test.minimumSamples;
        QVERIFY(GuardrailSimulation::run(settings).noninferiorPassRate < 0.05);
    }

    void improvementIsNeverCalledARegression()
    {
        GuardrailSimulation::Settings settings;
        settings.profile = GuardrailSimulation::latencyProfile();
        settings.candidateFactor = 0.8;
        settings.runs = 100;
        settings.seed = 14;
        QCOMPARE(GuardrailSimulation::run(settings).worseSideAlarmRate, 0.0);
    }

    void sampleRatioHoldsForFairCountsAndCatchesAShift()
    {
        std::mt19937_64 random(21);
        int falseAlarms = 0;
        for (int run = 0; run < 200; ++run) {
            SequentialSrm fair({9500, 500});
            QList<double> counts{0, 0};
            std::binomial_distribution<int> candidate(1000, 0.05);
            for (int interval = 0; interval < 300; ++interval) {
                const int c = candidate(random);
                counts[0] += 1000 - c;
                counts[1] += c;
                fair.update(counts);
            }
            falseAlarms += fair.mismatch();
        }
        QVERIFY2(falseAlarms <= 2, qPrintable(QString::number(falseAlarms)));

        SequentialSrm shifted({9500, 500});
        std::binomial_distribution<int> skewed(1000, 0.06);
        QList<double> counts{0, 0};
        int intervals = 0;
        while (!shifted.mismatch() && intervals < 300) {
            const int c = skewed(random);
            counts[0] += 1000 - c;
            counts[1] += c;
            shifted.update(counts);
            ++intervals;
        }
        QVERIFY2(shifted.mismatch(), "6% served where 5% was promised, over 300k requests");
        QVERIFY(shifted.pValue() < SequentialSrm::MismatchPValue);
    }

    void trafficForAnUnservedVariationIsAMismatch()
    {
        SequentialSrm srm({10000, 0});
        srm.update({100, 0});
        QVERIFY(!srm.mismatch());
        srm.update({100, 1});
        QVERIFY(srm.mismatch());
    }
};

QTEST_GUILESS_MAIN(TestGuardrailStatistics)
#include "tst_guardrailstatistics.moc"
