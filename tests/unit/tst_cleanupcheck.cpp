#include "core/cleanupcheck.h"
#include "core/durationtext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

namespace {

const qint64 Now = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

Flag flagServing(const QList<VariationShare> &shares, bool enabled = true)
{
    Flag flag;
    flag.key = QStringLiteral("streaming-answers");
    flag.variations = {{QStringLiteral("on"), QStringLiteral("on"), QStringLiteral("true")},
                       {QStringLiteral("off"), QStringLiteral("off"), QStringLiteral("false")}};
    flag.offVariationId = QStringLiteral("off");
    flag.enabled = enabled;
    flag.rollout = Rollout(shares);
    flag.updatedBy = QStringLiteral("devon.kim");
    flag.updatedAtMs = Now - 40 * DayMs;
    return flag;
}

Contract contractWith(const QString &condition, QDate reviewDate = {})
{
    Contract contract;
    contract.flagKey = QStringLiteral("streaming-answers");
    contract.owner = QStringLiteral("answers-platform");
    contract.defaultVariation = QStringLiteral("off");
    contract.candidate = QStringLiteral("on");
    contract.cleanupCondition = condition;
    contract.reviewDate = reviewDate;
    return contract;
}

CleanupFacts factsSince(qint64 daysAgo)
{
    return {Now - daysAgo * DayMs, Now, QDate(2026, 11, 30), std::nullopt};
}

const QList<VariationShare> AllOn = {{QStringLiteral("on"), 10000}};
const QList<VariationShare> Half = {{QStringLiteral("on"), 5000}, {QStringLiteral("off"), 5000}};

} // namespace

class tst_CleanupCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conditionsAreRead_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("checkable");
        QTest::addColumn<QString>("variation");
        QTest::addColumn<int>("basisPoints");
        QTest::addColumn<qint64>("durationMs");
        QTest::newRow("share only") << QStringLiteral("100% for 14 days") << true << QString() << 10000 << 14 * DayMs;
        QTest::newRow("in a sentence") << QStringLiteral("candidate at 100% for 14 days, or rolled back") << true
                                       << QStringLiteral("candidate") << 10000 << 14 * DayMs;
        QTest::newRow("short units") << QStringLiteral("on at 50% for 36h") << true << QStringLiteral("on") << 5000 << 36 * HourMs;
        QTest::newRow("prose only") << QStringLiteral("on at default for 30 days") << false << QString() << 0 << qint64(0);
        QTest::newRow("beyond all traffic") << QStringLiteral("150% for 3 days") << false << QString() << 0 << qint64(0);
    }
    void conditionsAreRead()
    {
        QFETCH(QString, text);
        QFETCH(bool, checkable);
        const std::optional<CleanupCondition> condition = parseCleanupCondition(text);
        QCOMPARE(condition.has_value(), checkable);
        if (!condition)
            return;
        QTEST(condition->variation, "variation");
        QTEST(condition->basisPoints, "basisPoints");
        QTEST(condition->durationMs, "durationMs");
    }

    void dueFromContractAndHistory_data()
    {
        QTest::addColumn<bool>("hasContract");
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QDate>("reviewDate");
        QTest::addColumn<bool>("allOn");
        QTest::addColumn<qint64>("servedDaysAgo");
        QTest::addColumn<QList<int>>("kinds"); // CleanupReason::Kind, in order of since
        QTest::addColumn<qint64>("sinceMs");

        const auto kinds = [](std::initializer_list<CleanupReason::Kind> list) {
            QList<int> ints;
            for (CleanupReason::Kind kind : list)
                ints.append(int(kind));
            return ints;
        };
        QTest::newRow("condition met") << true << QStringLiteral("candidate at 100% for 14 days") << QDate() << true
                                       << qint64(20) << kinds({CleanupReason::Kind::ConditionMet}) << Now - 6 * DayMs;
        QTest::newRow("condition not long enough") << true << QStringLiteral("candidate at 100% for 14 days") << QDate()
                                                    << true << qint64(10) << kinds({}) << qint64(0);
        QTest::newRow("condition not at that share") << true << QStringLiteral("100% for 14 days") << QDate() << false
                                                     << qint64(60) << kinds({}) << qint64(0);
        QTest::newRow("review date passed") << true << QString() << QDate(2026, 11, 1) << false << qint64(60)
                                            << kinds({CleanupReason::Kind::ReviewDatePassed})
                                            << QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("review date ahead") << true << QString() << QDate(2027, 1, 1) << true << qint64(60) << kinds({})
                                           << qint64(0);
        QTest::newRow("both, oldest first") << true << QStringLiteral("100% for 7d") << QDate(2026, 11, 28) << true
                                            << qint64(30)
                                            << kinds({CleanupReason::Kind::ConditionMet, CleanupReason::Kind::ReviewDatePassed})
                                            << Now - 23 * DayMs;
        QTest::newRow("no contract, settled") << false << QString() << QDate() << true << qint64(45)
                                              << kinds({CleanupReason::Kind::SettledWithoutContract}) << Now - 15 * DayMs;
        QTest::newRow("no contract, still split") << false << QString() << QDate() << false << qint64(45) << kinds({})
                                                  << qint64(0);
        QTest::newRow("no contract, history silent") << false << QString() << QDate() << true << qint64(0) << kinds({})
                                                     << qint64(0);
    }
    void dueFromContractAndHistory()
    {
        QFETCH(bool, hasContract);
        QFETCH(QString, condition);
        QFETCH(QDate, reviewDate);
        QFETCH(bool, allOn);
        QFETCH(qint64, servedDaysAgo);
        QFETCH(QList<int>, kinds);
        QFETCH(qint64, sinceMs);
        const Contract contract = contractWith(condition, reviewDate);
        CleanupFacts facts = factsSince(servedDaysAgo);
        if (servedDaysAgo == 0)
            facts.servedSinceMs = 0; // the history does not say
        const std::optional<CleanupDue> due =
            checkCleanup(flagServing(allOn ? AllOn : Half), hasContract ? &contract : nullptr, facts);
        QCOMPARE(due.has_value(), !kinds.isEmpty());
        if (!due)
            return;
        QList<int> found;
        for (const CleanupReason &reason : due->reasons)
            found.append(int(reason.kind));
        QCOMPARE(found, kinds);
        QCOMPARE(due->sinceMs(), sinceMs);
        QCOMPARE(due->owner, hasContract ? QStringLiteral("answers-platform") : QStringLiteral("devon.kim"));
        QCOMPARE(due->ownerFromContract, hasContract);
        QVERIFY(!due->why().isEmpty());
    }

    void anOffFlagServesItsOffVariation()
    {
        // Off for 40 days: one variation to everyone, whatever its rollout says.
        const std::optional<CleanupDue> due = checkCleanup(flagServing(Half, false), nullptr, factsSince(40));
        QVERIFY(due);
        QVERIFY2(due->why().contains(QStringLiteral("off has served everyone")), qPrintable(due->why()));
    }

    void neverEvaluatedPerTheServersMetrics_data()
    {
        QTest::addColumn<bool>("reported");
        QTest::addColumn<qint64>("createdDaysAgo");
        QTest::addColumn<qint64>("lastSeenDaysAgo"); // -1: never
        QTest::addColumn<bool>("due");
        QTest::newRow("never, for long") << true << qint64(45) << qint64(-1) << true;
        QTest::newRow("never, but new") << true << qint64(10) << qint64(-1) << false;
        QTest::newRow("seen") << true << qint64(45) << qint64(2) << false;
        QTest::newRow("the server does not say") << false << qint64(45) << qint64(-1) << false;
    }
    void neverEvaluatedPerTheServersMetrics()
    {
        QFETCH(bool, reported);
        QFETCH(qint64, createdDaysAgo);
        QFETCH(qint64, lastSeenDaysAgo);
        QFETCH(bool, due);
        const Contract contract = contractWith(QStringLiteral("100% for 14 days"), QDate(2027, 6, 1));
        CleanupFacts facts = factsSince(5); // split and recent: due for no other reason
        if (reported)
            facts.usage = FlagUsage{Now - createdDaysAgo * DayMs, lastSeenDaysAgo < 0 ? 0 : Now - lastSeenDaysAgo * DayMs};
        const std::optional<CleanupDue> found = checkCleanup(flagServing(Half), &contract, facts);
        QCOMPARE(found.has_value(), due);
        if (!due)
            return;
        QCOMPARE(found->reasons.size(), 1);
        QCOMPARE(found->reasons.first().kind, CleanupReason::Kind::NeverEvaluated);
        QCOMPARE(found->sinceMs(), Now - (createdDaysAgo - SettledDaysWithoutContract) * DayMs);
        QVERIFY2(found->why().contains(QStringLiteral("never evaluated")), qPrintable(found->why()));
        QCOMPARE(cleanupKindName(CleanupReason::Kind::NeverEvaluated), QStringLiteral("never_evaluated"));
    }

    void theAgentInterfaceGetsNamesAndTimes()
    {
        const Contract contract = contractWith(QStringLiteral("100% for 14 days"), QDate(2026, 11, 1));
        const QJsonObject json = cleanupToJson(*checkCleanup(flagServing(AllOn), &contract, factsSince(20)));
        QCOMPARE(json.value(QStringLiteral("owner")).toString(), QStringLiteral("answers-platform"));
        QCOMPARE(json.value(QStringLiteral("since")).toString(), QStringLiteral("2026-11-01T00:00:00Z"));
        const QJsonArray reasons = json.value(QStringLiteral("reasons")).toArray();
        QCOMPARE(reasons.size(), 2);
        QCOMPARE(reasons.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("review_date_passed"));
        QCOMPARE(reasons.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("cleanup_condition_met"));
    }
};

QTEST_GUILESS_MAIN(tst_CleanupCheck)
#include "tst_cleanupcheck.moc"
