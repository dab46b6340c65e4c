// Unleash's hourly usage counts (recorded from a real server) as exposures per variation.
#include "metrics/unleashexposuresource.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject recorded()
{
    const QString folder = qEnvironmentVariable("FLAGDECK_FIXTURES", QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/unit/fixtures"));
    QFile file(folder + QStringLiteral("/unleash/client-metrics-raw.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

GuardrailWatch watchOf(const QString &environment, const QStringList &variations)
{
    GuardrailWatch watch;
    watch.flag = {QStringLiteral("un"), environment, QStringLiteral("support.route")};
    for (const QString &variation : variations)
        watch.variantLabels.insert(variation, variation);
    return watch;
}

QMap<QString, QList<MetricSample>> byVariation(const QList<MetricBatch> &batches)
{
    QMap<QString, QList<MetricSample>> samples;
    for (const MetricBatch &batch : batches) {
        if (batch.metric == RequestsMetric)
            samples.insert(batch.variationId, batch.samples);
    }
    return samples;
}

} // namespace

class tst_UnleashExposureSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyEndedHoursOfTheEnvironment();
    void afterTheLastDeliveredHour();
    void booleanFlagsCountYesAndNo();
    void brokenCounts();
};

void tst_UnleashExposureSource::onlyEndedHoursOfTheEnvironment()
{
    const GuardrailWatch watch = watchOf(QStringLiteral("default/development"), {u"baseline"_s, u"candidate"_s, u"disabled"_s});
    // 17:30: the 15:00 hour has ended, the 17:00 hour has not.
    const auto batches = UnleashExposureSource::exposuresFrom(recorded(), watch, 0, at("2026-11-21T17:30:00Z"));
    QVERIFY2(batches, qPrintable(batches.error()));
    const auto samples = byVariation(batches.value());
    QCOMPARE(samples.keys(), (QList<QString>{u"baseline"_s, u"candidate"_s, u"disabled"_s}));
    QCOMPARE(samples.value(u"candidate"_s).size(), 1);
    QCOMPARE(samples.value(u"candidate"_s).first().timeMs, at("2026-11-21T16:00:00Z"));
    QCOMPARE(samples.value(u"candidate"_s).first().value, 100.0);
    QCOMPARE(samples.value(u"baseline"_s).first().value, 300.0);
    // Once 18:00 has passed, the 17:00 hour comes too.
    const auto later = UnleashExposureSource::exposuresFrom(recorded(), watch, 0, at("2026-11-21T18:00:00Z"));
    QCOMPARE(byVariation(later.value()).value(u"candidate"_s).size(), 2);
    // Nothing for an environment the usage was not reported from.
    const auto production = UnleashExposureSource::exposuresFrom(
        recorded(), watchOf(QStringLiteral("default/production"), {u"baseline"_s}), 0, at("2026-11-21T18:00:00Z"));
    QVERIFY(production->isEmpty());
}

void tst_UnleashExposureSource::afterTheLastDeliveredHour()
{
    const GuardrailWatch watch = watchOf(QStringLiteral("default/development"), {u"baseline"_s, u"candidate"_s, u"disabled"_s});
    const auto batches = UnleashExposureSource::exposuresFrom(recorded(), watch, at("2026-11-21T16:00:00Z"), at("2026-11-21T18:00:00Z"));
    const auto samples = byVariation(batches.value());
    QCOMPARE(samples.value(u"candidate"_s).size(), 1);
    QCOMPARE(samples.value(u"candidate"_s).first().timeMs, at("2026-11-21T18:00:00Z"));
}

void tst_UnleashExposureSource::booleanFlagsCountYesAndNo()
{
    const GuardrailWatch watch = watchOf(QStringLiteral("default/development"), {u"on"_s, u"off"_s});
    const auto batches = UnleashExposureSource::exposuresFrom(recorded(), watch, 0, at("2026-11-21T17:30:00Z"));
    const auto samples = byVariation(batches.value());
    QCOMPARE(samples.value(u"on"_s).first().value, 400.0);
    QCOMPARE(samples.value(u"off"_s).first().value, 600.0);
}

void tst_UnleashExposureSource::brokenCounts()
{
    const GuardrailWatch watch = watchOf(QStringLiteral("default/development"), {u"a"_s, u"disabled"_s});
    const QJsonObject negative{{u"data"_s, QJsonArray{QJsonObject{{u"environment"_s, u"development"_s},
                                                               {u"timestamp"_s, u"2026-11-21T10:00:00.000Z"_s}, {u"yes"_s, 3},
                                                               {u"variants"_s, QJsonObject{{u"a"_s, -3}}}}}}};
    auto batches = UnleashExposureSource::exposuresFrom(negative, watch, 0, at("2026-11-21T18:00:00Z"));
    QVERIFY(!batches);
    QVERIFY2(batches.error().contains(QStringLiteral("variants.a")), qPrintable(batches.error()));
    batches = UnleashExposureSource::exposuresFrom(QJsonObject{{u"data"_s, 5}}, watch, 0, 0);
    QVERIFY(!batches);
    const QJsonObject badTime{{u"data"_s, QJsonArray{QJsonObject{{u"environment"_s, u"development"_s}, {u"timestamp"_s, u"noon"_s}, {u"yes"_s, 1}}}}};
    batches = UnleashExposureSource::exposuresFrom(badTime, watch, 0, at("2026-11-21T18:00:00Z"));
    QVERIFY(!batches);
    QVERIFY2(batches.error().contains(QStringLiteral("timestamp")), qPrintable(batches.error()));
}

QTEST_GUILESS_MAIN(tst_UnleashExposureSource)
#include "tst_unleashexposuresource.moc"
