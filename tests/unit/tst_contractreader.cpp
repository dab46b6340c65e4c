#include "core/contractreader.h"

#include <QDir>
#include <QFile>
#include <QTest>

class tst_ContractReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheDesignShapeWithStages();
    void everySandboxContractReads();
    void invalidFilesNameLineAndColumn_data();
    void invalidFilesNameLineAndColumn();
    void warningsDoNotStopLoading();
    void percentAndDuration_data();
    void percentAndDuration();
};

namespace {

const QByteArray Valid = R"(flag_key: support-assistant-route
environments: [production]
behavior_surface: retrieval_and_prompt_profile
owner: support-ai-platform
assignment_unit: account_id
default: baseline_profile
candidate: citation_first_v2
fallback: baseline_profile
first_audience: internal_support_team
rollout_path: [internal_users, five_percent]
stages:
  - name: internal_users
    exposure: {citation_first_v2: 1%}
    minimum_time: 24h
  - name: five_percent
    exposure: {citation_first_v2: 5%}
    minimum_time: 3d
primary_metric: resolved_without_escalation
guardrails:
  - metric: p95_latency
    direction: lower_is_better
    threshold: 1800
  - metric: answer_quality
    direction: higher_is_better
    rule: sequential
rollback_action: route_new_sessions_to_baseline_profile
cleanup_rule: remove_losing_profile
cleanup_condition: winner at default for 14 days
review_date: 2027-01-15
policy:
  approvals:
    advance_stage: {high: 1, critical: 2}
  auto_kill: true
)";

} // namespace

void tst_ContractReader::readsTheDesignShapeWithStages()
{
    const ContractReadResult result = readContract(Valid, QStringLiteral("route.yaml"));
    QVERIFY2(result.findings.isEmpty(), qPrintable(result.findings.value(0).text()));
    QVERIFY(result.contract);
    const Contract &contract = *result.contract;
    QCOMPARE(contract.flagKey, QStringLiteral("support-assistant-route"));
    QCOMPARE(contract.environments, QStringList{QStringLiteral("production")});
    QVERIFY(contract.appliesTo(QStringLiteral("production")));
    QVERIFY(!contract.appliesTo(QStringLiteral("staging")));
    QCOMPARE(contract.stages.size(), 2);
    QCOMPARE(contract.stages.at(1).name, QStringLiteral("five_percent"));
    QCOMPARE(contract.stages.at(1).exposure, (QList<VariationShare>{{QStringLiteral("citation_first_v2"), 500}}));
    QCOMPARE(contract.stages.at(0).minimumMs, 24 * 3'600'000LL);
    QCOMPARE(contract.guardrails.size(), 2);
    QCOMPARE(contract.guardrails.at(0).threshold, 1800.0);
    QCOMPARE(contract.guardrails.at(1).direction, ContractGuardrail::Direction::HigherIsBetter);
    QCOMPARE(contract.guardrails.at(1).rule, QStringLiteral("sequential"));
    QCOMPARE(contract.reviewDate, QDate(2027, 1, 15));
    QCOMPARE(contract.approvals.value(QStringLiteral("advance_stage")).value(Contract::Risk::Critical), 2);
    QVERIFY(contract.autoKill);
    QCOMPARE(contract.namedVariations(),
             (QStringList{QStringLiteral("baseline_profile"), QStringLiteral("citation_first_v2")}));
}

void tst_ContractReader::everySandboxContractReads()
{
    const QDir folder(QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts"));
    const QStringList files = folder.entryList({QStringLiteral("*.yaml")}, QDir::Files);
    QCOMPARE(files.size(), 14);
    for (const QString &name : files) {
        QFile file(folder.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ContractReadResult result = readContract(file.readAll(), name);
        QVERIFY2(result.contract, qPrintable(result.findings.value(0).text()));
        for (const ContractFinding &finding : result.findings)
            QCOMPARE(finding.severity, ContractFinding::Severity::Warning);
    }
}

void tst_ContractReader::invalidFilesNameLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("finding");
    QTest::newRow("not YAML") << QByteArray("flag_key: [unclosed\nowner: x\n") << "bad.yaml:2:";
    QTest::newRow("not a map") << QByteArray("- just\n- a list\n") << "bad.yaml:1:1: error: a contract is a map";
    QTest::newRow("no flag key") << QByteArray("default: a\nstages:\n  - name: s\n    exposure: {b: 5%}\n")
                                 << "bad.yaml:1:1: error: \"flag_key\" is missing";
    QTest::newRow("no stages") << QByteArray("flag_key: f\ndefault: a\n") << "error: \"stages\" is missing";
    QTest::newRow("stages not a list") << QByteArray("flag_key: f\ndefault: a\nstages: five\n")
                                       << "bad.yaml:3:9: error: \"stages\" must be a list";
    QTest::newRow("bad percentage") << QByteArray("flag_key: f\ndefault: a\nstages:\n  - name: s\n    exposure: {b: lots}\n")
                                    << "bad.yaml:5:19: error: \"lots\" is not a share of traffic";
    QTest::newRow("finer than a basis point")
        << QByteArray("flag_key: f\ndefault: a\nstages:\n  - name: s\n    exposure: {b: 0.125%}\n") << "bad.yaml:5:19: error";
    QTest::newRow("over 100%") << QByteArray("flag_key: f\ndefault: a\nstages:\n  - name: s\n    exposure: {b: 60%, c: 50%}\n")
                               << "bad.yaml:5:15: error: stage \"s\" exposes 110% in all";
    QTest::newRow("duplicate stage") << QByteArray("flag_key: f\ndefault: a\nstages:\n  - name: s\n    exposure: {b: 5%}\n"
                                                   "  - name: s\n    exposure: {b: 50%}\n")
                                     << "bad.yaml:6:11: error: stage \"s\" is listed twice";
    QTest::newRow("bad duration") << QByteArray("flag_key: f\ndefault: a\nstages:\n  - name: s\n    exposure: {b: 5%}\n"
                                                "    minimum_time: a week\n")
                                  << "bad.yaml:6:19: error: \"a week\" is not a duration";
    QTest::newRow("path disagrees") << QByteArray("flag_key: f\ndefault: a\nrollout_path: [x, s]\nstages:\n  - name: s\n"
                                                  "    exposure: {b: 5%}\n")
                                    << "bad.yaml:3:15: error: \"rollout_path\" (x, s) does not name the stages";
    QTest::newRow("bad direction") << QByteArray("flag_key: f\ndefault: a\nstages:\n  - name: s\n    exposure: {b: 5%}\n"
                                                 "guardrails:\n  - metric: m\n    direction: up\n    threshold: 1\n")
                                   << "bad.yaml:8:16: error: direction must be lower_is_better or higher_is_better";
    QTest::newRow("bad rule") << QByteArray("flag_key: f\ndefault: a\nstages:\n  - name: s\n    exposure: {b: 5%}\n"
                                            "guardrails:\n  - metric: m\n    direction: lower_is_better\n    rule: vibes\n")
                              << "bad.yaml:9:11: error: the only statistical rule is \"sequential\"";
    QTest::newRow("bad review date") << QByteArray("flag_key: f\ndefault: a\nreview_date: soon\nstages:\n  - name: s\n"
                                                   "    exposure: {b: 5%}\n")
                                     << "bad.yaml:3:14: error: review_date must be a date";
    QTest::newRow("unknown action") << QByteArray("flag_key: f\ndefault: a\nstages:\n  - name: s\n    exposure: {b: 5%}\n"
                                                  "policy:\n  approvals:\n    yolo: {low: 0}\n")
                                    << "bad.yaml:8:5: error: \"yolo\" is not an action";
    QTest::newRow("too many reviewers") << QByteArray("flag_key: f\ndefault: a\nstages:\n  - name: s\n    exposure: {b: 5%}\n"
                                                      "policy:\n  approvals:\n    kill: {low: 99}\n")
                                        << "bad.yaml:8:17: error: the number of reviewers";
    QTest::newRow("auto_kill not a boolean") << QByteArray("flag_key: f\ndefault: a\nstages:\n  - name: s\n"
                                                           "    exposure: {b: 5%}\npolicy:\n  auto_kill: maybe\n")
                                             << "bad.yaml:7:14: error: auto_kill must be true or false";
}

void tst_ContractReader::invalidFilesNameLineAndColumn()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, finding);
    const ContractReadResult result = readContract(yaml, QStringLiteral("bad.yaml"));
    QVERIFY(!result.contract);
    QStringList texts;
    for (const ContractFinding &each : result.findings)
        texts.append(each.text());
    QVERIFY2(std::any_of(texts.cbegin(), texts.cend(), [&](const QString &text) { return text.contains(finding); }),
             qPrintable(texts.join(QLatin1Char('\n'))));
}

void tst_ContractReader::warningsDoNotStopLoading()
{
    const QByteArray yaml = "flag_key: f\ndefault: a\nowner_team: x\nstages:\n  - name: s\n    exposure: {b: 5%}\n"
                            "guardrails: [p95_latency]\n";
    const ContractReadResult result = readContract(yaml, QStringLiteral("w.yaml"));
    QVERIFY(result.contract);
    QCOMPARE(result.findings.size(), 2);
    QCOMPARE(result.findings.at(0).text(), QStringLiteral("w.yaml:3:1: warning: unknown field \"owner_team\" is ignored (a typo?)"));
    QVERIFY(result.findings.at(1).text().startsWith(QStringLiteral("w.yaml:7:14: warning: guardrail \"p95_latency\"")));
    QVERIFY(!result.contract->guardrails.first().canStopExpansion());
}

void tst_ContractReader::percentAndDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("basisPoints");
    QTest::newRow("whole") << "5%" << 500;
    QTest::newRow("hundredths") << "33.33%" << 3333;
    QTest::newRow("tenth") << "0.5%" << 50;
    QTest::newRow("no sign") << "20" << 2000;
    QTest::newRow("all") << "100%" << 10000;
    QTest::newRow("too fine") << "0.125%" << -1;
    QTest::newRow("too much") << "101%" << -1;
    QTest::newRow("negative") << "-5%" << -1;
}

void tst_ContractReader::percentAndDuration()
{
    QFETCH(QString, text);
    QFETCH(int, basisPoints);
    const Result<int> parsed = parsePercent(text);
    QCOMPARE(parsed.ok(), basisPoints >= 0);
    if (parsed)
        QCOMPARE(parsed.value(), basisPoints);
    QCOMPARE(parseDuration(QStringLiteral("90m")).value(), 90 * 60'000LL);
    QCOMPARE(parseDuration(QStringLiteral("7d")).value(), 7 * 86'400'000LL);
    QCOMPARE(parseDuration(QStringLiteral("0")).value(), 0);
    QVERIFY(!parseDuration(QStringLiteral("12")));
}

QTEST_GUILESS_MAIN(tst_ContractReader)
#include "tst_contractreader.moc"
