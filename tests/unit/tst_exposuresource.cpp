// Unleash's hourly usage counts (recorded from a real server) as exposure hours, and any server's
// exposure hours as the "requests" series of a watched flag, each hour delivered once.
#include "connectors/flagserver.h"
#include "connectors/unleash/unleashmapping.h"
#include "metrics/exposuresource.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
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

// Each variation's counts, hour by hour.
QMap<QString, QList<double>> countsOf(const QList<ExposureHour> &hours)
{
    QMap<QString, QList<double>> counts;
    for (const ExposureHour &hour : hours) {
        for (auto it = hour.byVariation.constBegin(); it != hour.byVariation.constEnd(); ++it)
            counts[it.key()].append(it.value());
    }
    return counts;
}

ConnectionConfig unleashConfig()
{
    ConnectionConfig unleash;
    unleash.id = QStringLiteral("un");
    unleash.kind = ConnectionConfig::Kind::Unleash;
    return unleash;
}

// A server that reports the hours the test gives it.
class ReportingServer : public FlagServer
{
public:
    ReportingServer() : FlagServer(unleashConfig()) {}

    Capabilities capabilities() const override { return Capability::ExposureCounts; }
    void connectToServer() override {}
    void disconnectFromServer() override {}
    QStringList environments() const override { return {}; }
    ServerReply *setEnabled(const QString &, const QString &, bool, const QString &) override { return nullptr; }
    ServerReply *setRollout(const QString &, const QString &, const Rollout &, const QString &, const QString &) override
    {
        return nullptr;
    }
    ServerReply *fetchAuditSince(const QString &) override { return nullptr; }
    void fetchExposures(const QString &, const QString &, std::function<void(Result<QList<ExposureHour>>)> done) override
    {
        ++fetches;
        done(hours);
    }

    Result<QList<ExposureHour>> hours = QList<ExposureHour>{};
    int fetches = 0;
};

} // namespace

class tst_ExposureSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unleashOnlyEndedHoursOfTheEnvironment();
    void unleashFlagsWithoutVariantsCountYesAndNo();
    void unleashBrokenCounts();
    void batchesAfterTheLastDeliveredHour();
    void eachHourIsDeliveredOnce();
    void aFailedReadIsAProblem();
};

void tst_ExposureSource::unleashOnlyEndedHoursOfTheEnvironment()
{
    // 17:30: the 15:00 hour has ended, the 17:00 hour has not.
    const auto hours = UnleashMapping::exposureHours(recorded(), QStringLiteral("development"), false, at("2026-11-21T17:30:00Z"));
    QVERIFY2(hours, qPrintable(hours.error()));
    const auto counts = countsOf(hours.value());
    QCOMPARE(counts.keys(), (QList<QString>{u"baseline"_s, u"candidate"_s, u"disabled"_s}));
    QCOMPARE(hours->size(), 1);
    QCOMPARE(hours->first().endMs, at("2026-11-21T16:00:00Z"));
    QCOMPARE(counts.value(u"candidate"_s), QList<double>{100.0});
    QCOMPARE(counts.value(u"baseline"_s), QList<double>{300.0});
    // Once 18:00 has passed, the 17:00 hour comes too.
    const auto later = UnleashMapping::exposureHours(recorded(), QStringLiteral("development"), false, at("2026-11-21T18:00:00Z"));
    QCOMPARE(countsOf(later.value()).value(u"candidate"_s).size(), 2);
    // Nothing for an environment the usage was not reported from.
    const auto production = UnleashMapping::exposureHours(recorded(), QStringLiteral("production"), false, at("2026-11-21T18:00:00Z"));
    QVERIFY(production->isEmpty());
}

void tst_ExposureSource::unleashFlagsWithoutVariantsCountYesAndNo()
{
    const auto hours = UnleashMapping::exposureHours(recorded(), QStringLiteral("development"), true, at("2026-11-21T17:30:00Z"));
    const auto counts = countsOf(hours.value());
    QCOMPARE(counts.value(UnleashMapping::OnVariation), QList<double>{400.0});
    QCOMPARE(counts.value(UnleashMapping::OffVariation), QList<double>{600.0});
}

void tst_ExposureSource::unleashBrokenCounts()
{
    const QJsonObject negative{{u"data"_s, QJsonArray{QJsonObject{{u"environment"_s, u"development"_s},
                                                               {u"timestamp"_s, u"2026-11-21T10:00:00.000Z"_s}, {u"yes"_s, 3},
                                                               {u"variants"_s, QJsonObject{{u"a"_s, -3}}}}}}};
    auto hours = UnleashMapping::exposureHours(negative, QStringLiteral("development"), false, at("2026-11-21T18:00:00Z"));
    QVERIFY(!hours);
    QVERIFY2(hours.error().contains(QStringLiteral("variants.a")), qPrintable(hours.error()));
    hours = UnleashMapping::exposureHours(QJsonObject{{u"data"_s, 5}}, QStringLiteral("development"), false, 0);
    QVERIFY(!hours);
    const QJsonObject badTime{{u"data"_s, QJsonArray{QJsonObject{{u"environment"_s, u"development"_s}, {u"timestamp"_s, u"noon"_s}, {u"yes"_s, 1}}}}};
    hours = UnleashMapping::exposureHours(badTime, QStringLiteral("development"), false, at("2026-11-21T18:00:00Z"));
    QVERIFY(!hours);
    QVERIFY2(hours.error().contains(QStringLiteral("timestamp")), qPrintable(hours.error()));
}

void tst_ExposureSource::batchesAfterTheLastDeliveredHour()
{
    const auto hours = UnleashMapping::exposureHours(recorded(), QStringLiteral("development"), false, at("2026-11-21T18:00:00Z"));
    const FlagRef flag{QStringLiteral("un"), QStringLiteral("default/development"), QStringLiteral("support.route")};
    const QList<MetricBatch> batches = ExposureSource::batchesFrom(hours.value(), flag, at("2026-11-21T16:00:00Z"));
    QCOMPARE(batches.size(), 3);
    for (const MetricBatch &batch : batches) {
        QCOMPARE(batch.flag, flag);
        QCOMPARE(batch.metric, RequestsMetric);
        QCOMPARE(batch.samples.size(), 1);
        QCOMPARE(batch.samples.first().timeMs, at("2026-11-21T18:00:00Z"));
    }
}

void tst_ExposureSource::eachHourIsDeliveredOnce()
{
    ReportingServer server;
    server.hours = QList<ExposureHour>{{at("2026-11-21T16:00:00Z"), {{u"a"_s, 3.0}, {u"b"_s, 1.0}}}};
    ExposureSource source(&server);
    QSignalSpy arrived(&source, &MetricSource::samplesArrived);
    GuardrailWatch watch;
    watch.flag = {QStringLiteral("un"), QStringLiteral("default/development"), QStringLiteral("route")};
    GuardrailWatch elsewhere;
    elsewhere.flag = {QStringLiteral("other"), QStringLiteral("default/development"), QStringLiteral("route")};
    source.setWatches({watch, elsewhere}); // a new watch backfills at once
    QCOMPARE(server.fetches, 1); // only this connection's flag
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(arrived.first().at(0).value<QList<MetricBatch>>().size(), 2);
    source.refresh();
    QCOMPARE(arrived.size(), 1); // the same hour again: nothing new
    server.hours = QList<ExposureHour>{{at("2026-11-21T16:00:00Z"), {{u"a"_s, 3.0}}}, {at("2026-11-21T17:00:00Z"), {{u"a"_s, 5.0}}}};
    source.refresh();
    QCOMPARE(arrived.size(), 2);
    const QList<MetricBatch> next = arrived.last().at(0).value<QList<MetricBatch>>();
    QCOMPARE(next.size(), 1);
    QCOMPARE(next.first().samples, (QList<MetricSample>{{at("2026-11-21T17:00:00Z"), 5.0}}));
}

void tst_ExposureSource::aFailedReadIsAProblem()
{
    ReportingServer server;
    server.hours = Result<QList<ExposureHour>>::failure(QStringLiteral("HTTP 500"));
    ExposureSource source(&server);
    QSignalSpy problem(&source, &MetricSource::problem);
    GuardrailWatch watch;
    watch.flag = {QStringLiteral("un"), QStringLiteral("default/development"), QStringLiteral("route")};
    source.setWatches({watch});
    QCOMPARE(problem.size(), 1);
    QVERIFY2(problem.first().at(0).toString().contains(QStringLiteral("HTTP 500")), qPrintable(problem.first().at(0).toString()));
}

QTEST_GUILESS_MAIN(tst_ExposureSource)
#include "tst_exposuresource.moc"
