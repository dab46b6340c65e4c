#include "core/proposalevidence.h"

#include <QJsonArray>
#include <QTest>

// A proposal's guardrail evidence in a reviewer's words, never in raw numbers like 9.868e-05.
class tst_ProposalEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sentences_data();
    void sentences();
    void signedPercent_data();
    void signedPercent();

private:
    static QList<Variation> variations();
};

QList<Variation> tst_ProposalEvidence::variations()
{
    return {{QStringLiteral("frontier_large"), QStringLiteral("frontier large"), QString()},
            {QStringLiteral("distilled_small"), QStringLiteral("distilled small"), QString()}};
}

namespace {

QJsonObject result(const QString &metric, double difference, double lower, double upper, double controlMean,
                   const QString &verdict = QStringLiteral("regressed"), int samples = 12)
{
    return {{QStringLiteral("metric"), metric},
            {QStringLiteral("candidate"), QStringLiteral("distilled_small")},
            {QStringLiteral("verdict"), verdict},
            {QStringLiteral("difference"), difference},
            {QStringLiteral("interval"), QJsonArray{lower, upper}},
            {QStringLiteral("control_mean"), controlMean},
            {QStringLiteral("paired_intervals"), samples}};
}

QJsonObject evidence(const QJsonArray &results, const QString &control = QStringLiteral("frontier_large"))
{
    QJsonObject metrics{{QStringLiteral("verdict"), QStringLiteral("regressed")}, {QStringLiteral("results"), results}};
    if (!control.isEmpty())
        metrics.insert(QStringLiteral("control"), control);
    return {{QStringLiteral("metrics"), metrics}, {QStringLiteral("links"), QJsonArray{}}};
}

} // namespace

void tst_ProposalEvidence::sentences_data()
{
    QTest::addColumn<QJsonObject>("evidence");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("relative to the control, with its interval")
        << evidence({result(QStringLiteral("p95_latency"), 0.382, 0.310, 0.459, 1.0)})
        << QStringList{QStringLiteral("p95_latency: distilled small +38.2% against frontier large (+31.0% to +45.9%) · regressed")};
    QTest::newRow("small rates as percentages, not exponents")
        << evidence({result(QStringLiteral("no_answer_rate"), 9.868e-05, 2.0e-05, 1.78e-04, 0.002, QStringLiteral("watching"))})
        << QStringList{QStringLiteral("no_answer_rate: distilled small +4.9% against frontier large (+1.0% to +8.9%) · watching")};
    QTest::newRow("a drop and an interval across zero")
        << evidence({result(QStringLiteral("cost_per_session"), -0.12, -0.2, 0.04, 2.0, QStringLiteral("healthy"))})
        << QStringList{QStringLiteral("cost_per_session: distilled small -6.0% against frontier large (-10.0% to +2.0%) · healthy")};
    QTest::newRow("without the control's level: absolute, in plain digits")
        << evidence({result(QStringLiteral("error_rate"), 9.868e-05, 2.0e-05, 1.78e-04, 0.0)})
        << QStringList{QStringLiteral("error_rate: distilled small +0.0000987 against frontier large (+0.0000200 to +0.000178) · regressed")};
    QTest::newRow("no control named")
        << evidence({result(QStringLiteral("p95_latency"), 0.1, 0.05, 0.15, 0.5)}, QString())
        << QStringList{QStringLiteral("p95_latency: distilled small +20.0% against the control (+10.0% to +30.0%) · regressed")};
    QTest::newRow("not measured yet")
        << evidence({result(QStringLiteral("p95_latency"), 0, 0, 0, 0, QStringLiteral("no_data"), 0)})
        << QStringList{QStringLiteral("p95_latency: distilled small against frontier large · no data")};
    QTest::newRow("one sentence per guardrail")
        << evidence({result(QStringLiteral("p95_latency"), 0.382, 0.310, 0.459, 1.0),
                     result(QStringLiteral("no_answer_rate"), 0, -0.001, 0.001, 0.1, QStringLiteral("healthy"))})
        << QStringList{QStringLiteral("p95_latency: distilled small +38.2% against frontier large (+31.0% to +45.9%) · regressed"),
                       QStringLiteral("no_answer_rate: distilled small 0.0% against frontier large (-1.0% to +1.0%) · healthy")};
    QTest::newRow("an agent's own evidence has no results")
        << QJsonObject{{QStringLiteral("links"), QJsonArray{QStringLiteral("https://grafana.example/d/latency")}}}
        << QStringList();
}

void tst_ProposalEvidence::sentences()
{
    QFETCH(QJsonObject, evidence);
    QFETCH(QStringList, expected);
    QCOMPARE(evidenceSentences(evidence, variations()), expected);
}

void tst_ProposalEvidence::signedPercent_data()
{
    QTest::addColumn<double>("fraction");
    QTest::addColumn<QString>("expected");
    QTest::newRow("up") << 0.382 << QStringLiteral("+38.2%");
    QTest::newRow("down") << -0.04 << QStringLiteral("-4.0%");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0.0%");
    QTest::newRow("rounds to zero") << 0.0004 << QStringLiteral("0.0%");
    QTest::newRow("doubled") << 1.0 << QStringLiteral("+100.0%");
}

void tst_ProposalEvidence::signedPercent()
{
    QFETCH(double, fraction);
    QFETCH(QString, expected);
    QCOMPARE(::signedPercent(fraction), expected);
}

QTEST_GUILESS_MAIN(tst_ProposalEvidence)
#include "tst_proposalevidence.moc"
