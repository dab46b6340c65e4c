#include "core/contractreader.h"
#include "core/readiness.h"
#include "core/stageplan.h"
#include "testresult.h"

#include <QTest>

// Stage derivation from live rollouts, the target of each stage action, and every readiness rule.
class tst_StagePlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void positionFromTheLiveRollout_data();
    void positionFromTheLiveRollout();
    void actionTargets_data();
    void actionTargets();
    void contractNamesValuesOrIds();
    void readinessOfAFullContract();
    void readinessRules_data();
    void readinessRules();
};

namespace {

Contract contract()
{
    const QByteArray yaml = R"(flag_key: chat-model-route
owner: assistant-platform
assignment_unit: user_id
default: frontier_large
candidate: distilled_small
fallback: open_weights_70b
stages:
  - name: employees
    exposure: {distilled_small: 1%}
  - name: five_percent
    exposure: {distilled_small: 5%}
  - name: split
    exposure: {distilled_small: 25%, open_weights_70b: 25%}
guardrails:
  - metric: p95_latency
    direction: lower_is_better
    threshold: 1200
cleanup_condition: one route left
review_date: 2027-01-10
)";
    return *readContract(yaml, QStringLiteral("route.yaml")).contract;
}

Flag flag(const QList<VariationShare> &shares, bool enabled = true)
{
    Flag flag;
    flag.key = QStringLiteral("chat-model-route");
    flag.valueType = FlagValueType::String;
    flag.variations = {{QStringLiteral("frontier_large"), QStringLiteral("frontier large"), QStringLiteral("frontier_large")},
                       {QStringLiteral("distilled_small"), QStringLiteral("distilled small"), QStringLiteral("distilled_small")},
                       {QStringLiteral("open_weights_70b"), QStringLiteral("open weights"), QStringLiteral("open_weights_70b")}};
    flag.offVariationId = QStringLiteral("frontier_large");
    flag.enabled = enabled;
    flag.rollout = Rollout(shares);
    return flag;
}

const QString F = QStringLiteral("frontier_large");
const QString D = QStringLiteral("distilled_small");
const QString O = QStringLiteral("open_weights_70b");

} // namespace

void tst_StagePlan::positionFromTheLiveRollout_data()
{
    QTest::addColumn<Flag>("live");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("text");
    QTest::newRow("not started") << flag({{F, 10000}}) << int(StagePlan::Position::NotStarted) << -1 << "not started";
    QTest::newRow("first stage") << flag({{F, 9900}, {D, 100}}) << int(StagePlan::Position::AtStage) << 0 << "employees (1 of 3)";
    QTest::newRow("order and zero shares do not matter")
        << flag({{D, 500}, {O, 0}, {F, 9500}}) << int(StagePlan::Position::AtStage) << 1 << "five_percent (2 of 3)";
    QTest::newRow("two candidates") << flag({{F, 5000}, {D, 2500}, {O, 2500}}) << int(StagePlan::Position::AtStage) << 2
                                    << "split (3 of 3)";
    QTest::newRow("between stages is off plan") << flag({{F, 9000}, {D, 1000}}) << int(StagePlan::Position::OffPlan) << -1
                                                << "off plan";
    QTest::newRow("fallback") << flag({{O, 10000}}) << int(StagePlan::Position::ServingFallback) << -1
                              << "serving the fallback";
    QTest::newRow("killed") << flag({{F, 9500}, {D, 500}}, false) << int(StagePlan::Position::Off) << -1 << "off";
}

void tst_StagePlan::positionFromTheLiveRollout()
{
    QFETCH(Flag, live);
    QFETCH(int, position);
    QFETCH(int, stage);
    QFETCH(QString, text);
    const StagePlan plan(contract(), live);
    QCOMPARE(int(plan.position()), position);
    QCOMPARE(plan.currentStage(), stage);
    QCOMPARE(plan.positionText(), text);
}

void tst_StagePlan::actionTargets_data()
{
    QTest::addColumn<Flag>("live");
    QTest::addColumn<QList<VariationShare>>("advance"); // empty: refused
    QTest::addColumn<QList<VariationShare>>("rollback");
    QTest::addColumn<QList<VariationShare>>("fallback");
    const QList<VariationShare> none;
    const QList<VariationShare> toFallback = {{O, 10000}};
    QTest::newRow("not started") << flag({{F, 10000}}) << QList<VariationShare>{{F, 9900}, {D, 100}} << none << toFallback;
    QTest::newRow("first stage") << flag({{F, 9900}, {D, 100}}) << QList<VariationShare>{{F, 9500}, {D, 500}}
                                 << QList<VariationShare>{{F, 10000}} << toFallback;
    QTest::newRow("middle") << flag({{F, 9500}, {D, 500}}) << QList<VariationShare>{{F, 5000}, {D, 2500}, {O, 2500}}
                            << QList<VariationShare>{{F, 9900}, {D, 100}} << toFallback;
    QTest::newRow("last stage") << flag({{F, 5000}, {D, 2500}, {O, 2500}}) << none
                                << QList<VariationShare>{{F, 9500}, {D, 500}} << toFallback;
    // Off plan at 10%: advancing is refused, rolling back goes to the nearest stage below.
    QTest::newRow("off plan") << flag({{F, 9000}, {D, 1000}}) << none << QList<VariationShare>{{F, 9500}, {D, 500}}
                              << toFallback;
    QTest::newRow("on the fallback") << flag({{O, 10000}}) << none << QList<VariationShare>{{F, 5000}, {D, 2500}, {O, 2500}}
                                     << none;
    QTest::newRow("killed") << flag({{F, 9500}, {D, 500}}, false) << none << none << toFallback;
}

void tst_StagePlan::actionTargets()
{
    QFETCH(Flag, live);
    QFETCH(QList<VariationShare>, advance);
    QFETCH(QList<VariationShare>, rollback);
    QFETCH(QList<VariationShare>, fallback);
    const StagePlan plan(contract(), live);
    const auto check = [](const Result<Rollout> &target, const QList<VariationShare> &expected) {
        if (expected.isEmpty()) {
            QVERIFY2(!target, "a target where the action should be refused");
            QVERIFY(!target.error().isEmpty());
        } else {
            QVERIFY2(target, qPrintable(target.error()));
            QVERIFY(StagePlan::sameShares(target.value(), Rollout(expected)));
            VERIFY_OK(target->validate());
        }
    };
    check(plan.advanceTarget(), advance);
    check(plan.rollbackTarget(), rollback);
    check(plan.fallbackTarget(), fallback);
}

void tst_StagePlan::contractNamesValuesOrIds()
{
    Flag live = flag({{QStringLiteral("v1"), 9500}, {QStringLiteral("v2"), 500}});
    live.variations = {{QStringLiteral("v1"), QStringLiteral("frontier"), QStringLiteral("frontier_large")},
                       {QStringLiteral("v2"), QStringLiteral("distilled"), QStringLiteral("distilled_small")},
                       {QStringLiteral("v3"), QStringLiteral("open"), QStringLiteral("open_weights_70b")}};
    const StagePlan plan(contract(), live);
    QCOMPARE(plan.position(), StagePlan::Position::AtStage);
    QCOMPARE(plan.currentStage(), 1);
    QCOMPARE(StagePlan::resolveVariation(live, QStringLiteral("distilled")), QStringLiteral("v2"));
    QCOMPARE(StagePlan::resolveVariation(live, QStringLiteral("nope")), QString());
}

void tst_StagePlan::readinessOfAFullContract()
{
    const QList<ReadinessItem> items = checkReadiness(contract(), flag({{F, 10000}}), {true, true, QDate(2026, 11, 21)});
    QStringList failed;
    for (const ReadinessItem &item : items) {
        if (item.status == ReadinessItem::Status::Failed)
            failed.append(item.title + QStringLiteral(": ") + item.detail);
    }
    QVERIFY2(failed.isEmpty(), qPrintable(failed.join(QLatin1Char('\n'))));
    QCOMPARE(readinessSummary(items), QStringLiteral("ready, 1 not checkable here"));
    const auto joinable = std::find_if(items.cbegin(), items.cend(), [](const ReadinessItem &item) {
        return item.title == QLatin1String("Exposure and outcome joinable");
    });
    QCOMPARE(joinable->status, ReadinessItem::Status::NotCheckable);
}

void tst_StagePlan::readinessRules_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("item");
    QTest::addColumn<int>("status");
    QTest::newRow("no assignment unit") << "assignment_unit" << "Assignment unit named" << int(ReadinessItem::Status::Failed);
    QTest::newRow("default missing on server") << "default" << "Safe default on the server" << int(ReadinessItem::Status::Failed);
    QTest::newRow("default missing is a variation error") << "default" << "Contract variations exist on the server"
                                                          << int(ReadinessItem::Status::Failed);
    QTest::newRow("no fallback") << "fallback" << "Fallback variation on the server" << int(ReadinessItem::Status::Failed);
    QTest::newRow("no guardrails") << "guardrails" << "Guardrail metric defined" << int(ReadinessItem::Status::Failed);
    QTest::newRow("guardrail that cannot stop") << "threshold" << "Guardrails can stop expansion"
                                                << int(ReadinessItem::Status::Failed);
    QTest::newRow("no kill and no fallback") << "rollback" << "Rollback without a deploy" << int(ReadinessItem::Status::Failed);
    QTest::newRow("no audit trail") << "audit" << "Audit trail present" << int(ReadinessItem::Status::Failed);
    QTest::newRow("audit not readable") << "audit unknown" << "Audit trail present" << int(ReadinessItem::Status::NotCheckable);
    QTest::newRow("no owner") << "owner" << "Owner" << int(ReadinessItem::Status::Failed);
    QTest::newRow("review passed") << "review passed" << "Review date set and not passed" << int(ReadinessItem::Status::Failed);
    QTest::newRow("no review date") << "review" << "Review date set and not passed" << int(ReadinessItem::Status::Failed);
    QTest::newRow("no cleanup") << "cleanup" << "Cleanup condition" << int(ReadinessItem::Status::Failed);
    QTest::newRow("untyped variations") << "variations" << "Named key with typed variations"
                                        << int(ReadinessItem::Status::Failed);
}

void tst_StagePlan::readinessRules()
{
    QFETCH(QString, edit);
    QFETCH(QString, item);
    QFETCH(int, status);
    Contract broken = contract();
    Flag live = flag({{F, 10000}});
    ReadinessFacts facts{true, true, QDate(2026, 11, 21)};
    if (edit == QLatin1String("assignment_unit"))
        broken.assignmentUnit.clear();
    else if (edit == QLatin1String("default"))
        broken.defaultVariation = QStringLiteral("gpt_classic");
    else if (edit == QLatin1String("fallback"))
        broken.fallback.clear();
    else if (edit == QLatin1String("guardrails"))
        broken.guardrails.clear();
    else if (edit == QLatin1String("threshold"))
        broken.guardrails.first().threshold.reset();
    else if (edit == QLatin1String("rollback")) {
        broken.fallback.clear();
        facts.killAvailable = false;
    } else if (edit == QLatin1String("audit"))
        facts.auditTrailPresent = false;
    else if (edit == QLatin1String("audit unknown"))
        facts.auditTrailPresent.reset();
    else if (edit == QLatin1String("owner"))
        broken.owner.clear();
    else if (edit == QLatin1String("review passed"))
        facts.today = QDate(2027, 1, 11);
    else if (edit == QLatin1String("review"))
        broken.reviewDate = QDate();
    else if (edit == QLatin1String("cleanup"))
        broken.cleanupCondition.clear();
    else if (edit == QLatin1String("variations"))
        live.variations.resize(1);
    const QList<ReadinessItem> items = checkReadiness(broken, live, facts);
    const auto found = std::find_if(items.cbegin(), items.cend(), [&](const ReadinessItem &each) { return each.title == item; });
    QVERIFY(found != items.cend());
    QCOMPARE(int(found->status), status);
    QVERIFY(!found->detail.isEmpty());
    if (status == int(ReadinessItem::Status::Failed))
        QVERIFY(readinessSummary(items).contains(QStringLiteral("missing")));
}

QTEST_GUILESS_MAIN(tst_StagePlan)
#include "tst_stageplan.moc"
