#include "core/contractreader.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QTranslator>

class tst_ContractReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheDesignShapeWithStages();
    void everySandboxContractReads();
    void invalidFilesNameLineAndColumn_data();
    void invalidFilesNameLineAndColumn();
    void warningsDoNotStopLoading();
    void unknownFieldsAtEveryLevel_data();
    void unknownFieldsAtEveryLevel();
    void percent_data();
    void percent();
    void duration_data();
    void duration();
    void unitsAreStrictInAContract_data();
    void unitsAreStrictInAContract();
    void flagIsNamedEvenWhenTheContractHasErrors_data();
    void flagIsNamedEvenWhenTheContractHasErrors();
    void positionsForLaterFindings();
    void severityWordsAreFixed();
    void guardrailsNameWhatTheTelemetryRecords();
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

void tst_ContractReader::guardrailsNameWhatTheTelemetryRecords()
{
    const QByteArray head = "flag_key: route\ndefault: a\nstages:\n  - name: half\n    exposure: {b: 50%}\nguardrails:\n";
    const ContractReadResult read = readContract(head + R"(  - metric: p95_latency
    direction: lower_is_better
    kind: histogram
    rule: sequential
  - metric: wait_time
    direction: lower_is_better
    kind: histogram
    series: queue_wait_seconds
    quantile: 0.99
    rule: sequential
  - metric: error_rate
    direction: lower_is_better
    kind: counter
    series: app.request.errors
    rule: sequential
  - metric: cost_per_request
    direction: lower_is_better
    rule: sequential
)", QStringLiteral("route.yaml"));
    QVERIFY2(read.contract, read.findings.isEmpty() ? "" : qPrintable(read.findings.first().text()));
    const QList<ContractGuardrail> &guardrails = read.contract->guardrails;
    QCOMPARE(guardrails.size(), 4);
    QCOMPARE(guardrails[0].kind, ContractGuardrail::Kind::Histogram);
    QCOMPARE(guardrails[0].seriesName(), ContractGuardrail::DefaultHistogram);
    QCOMPARE(guardrails[0].quantile, 0.95);
    QVERIFY(guardrails[0].secondsToMilliseconds);
    QCOMPARE(guardrails[1].seriesName(), QStringLiteral("queue_wait_seconds"));
    QCOMPARE(guardrails[1].quantile, 0.99);
    QCOMPARE(guardrails[2].kind, ContractGuardrail::Kind::Counter);
    QCOMPARE(guardrails[2].seriesName(), QStringLiteral("app.request.errors"));
    QVERIFY(!guardrails[2].secondsToMilliseconds);
    QCOMPARE(guardrails[3].kind, ContractGuardrail::Kind::Gauge);
    QCOMPARE(guardrails[3].seriesName(), QStringLiteral("cost_per_request"));

    for (const char *wrong : {"kind: summary", "kind: histogram\n    quantile: 95", "kind: gauge\n    quantile: 0.5"}) {
        const QByteArray yaml = head + "  - metric: p95_latency\n    direction: lower_is_better\n    rule: sequential\n    "
                                + QByteArray(wrong) + "\n";
        QVERIFY2(!readContract(yaml, QStringLiteral("route.yaml")).contract, wrong);
    }
    // A histogram guardrail must say which quantile, by field or by name.
    QVERIFY(!readContract(head + "  - metric: latency\n    direction: lower_is_better\n    rule: sequential\n    kind: histogram\n",
                          QStringLiteral("route.yaml")).contract);
}

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
    // Without a tolerance the documented default applies.
    QCOMPARE(contract.guardrails.at(0).tolerance, std::nullopt);
    QCOMPARE(contract.guardrails.at(0).toleranceOrDefault(), ContractGuardrail::DefaultTolerance);
    const ContractReadResult tolerant = readContract(
        QByteArray(Valid).replace("    rule: sequential\n", "    rule: sequential\n    tolerance: 2.5%\n"), QStringLiteral("route.yaml"));
    QVERIFY2(tolerant.findings.isEmpty(), qPrintable(tolerant.findings.value(0).text()));
    QCOMPARE(tolerant.contract->guardrails.at(1).tolerance, std::optional<double>(0.025));
    QCOMPARE(tolerant.contract->guardrails.at(1).toleranceOrDefault(), 0.025);
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
    QCOMPARE(result.findings.at(0).text(), QStringLiteral("w.yaml:3:1: warning: unknown field `owner_team` is ignored (a typo?)"));
    QVERIFY(result.findings.at(1).text().startsWith(QStringLiteral("w.yaml:7:14: warning: guardrail \"p95_latency\"")));
    QVERIFY(!result.contract->guardrails.first().canStopExpansion());
}

void tst_ContractReader::unknownFieldsAtEveryLevel_data()
{
    // Each row edits the valid contract; finding is empty when the edit must pass without a word.
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("finding");
    QTest::addColumn<bool>("used");
    // In a stage, a guardrail or the policy, a typo drops a rule: an error, the contract is not used.
    QTest::newRow("stage: minimun_time")
        << QByteArray("    minimum_time: 24h") << QByteArray("    minimun_time: 24h")
        << "route.yaml:14:5: error: unknown field `minimun_time` in stage \"internal_users\": did you mean `minimum_time`?"
        << false;
    QTest::newRow("stage: no near name")
        << QByteArray("    minimum_time: 24h") << QByteArray("    minimum_time: 24h\n    colour: red")
        << "route.yaml:15:5: error: unknown field `colour` in stage \"internal_users\" (the fields here are name, "
           "exposure, minimum_time, evals)"
        << false;
    QTest::newRow("policy: autokill")
        << QByteArray("  auto_kill: true") << QByteArray("  autokill: true")
        << "route.yaml:33:3: error: unknown field `autokill` under policy: did you mean `auto_kill`?" << false;
    QTest::newRow("policy: Auto_Kill")
        << QByteArray("  auto_kill: true") << QByteArray("  Auto_Kill: true")
        << "route.yaml:33:3: error: unknown field `Auto_Kill` under policy: did you mean `auto_kill`?" << false;
    QTest::newRow("policy: approval")
        << QByteArray("  approvals:") << QByteArray("  approval:")
        << "route.yaml:31:3: error: unknown field `approval` under policy: did you mean `approvals`?" << false;
    QTest::newRow("policy: an action outside approvals")
        << QByteArray("  auto_kill: true") << QByteArray("  auto_kill: true\n  kill: {low: 0}")
        << "route.yaml:34:3: error: `kill` belongs under policy's approvals; under policy it would set nothing" << false;
    QTest::newRow("approvals: action typo")
        << QByteArray("    advance_stage: {") << QByteArray("    advance_stag: {")
        << "route.yaml:32:5: error: \"advance_stag\" is not an action (kill, restore, set_rollout, advance_stage, "
           "rollback_stage, serve_fallback): did you mean `advance_stage`?"
        << false;
    QTest::newRow("approvals: risk typo")
        << QByteArray("critical: 2}") << QByteArray("critcal: 2}")
        << "route.yaml:32:30: error: \"critcal\" is not a risk (low, medium, high, critical): did you mean `critical`?"
        << false;
    QTest::newRow("guardrail: treshold")
        << QByteArray("    threshold: 1800") << QByteArray("    treshold: 1800")
        << "route.yaml:22:5: error: unknown field `treshold` in guardrail \"p95_latency\": did you mean `threshold`?"
        << false;
    QTest::newRow("guardrail: rules")
        << QByteArray("    rule: sequential") << QByteArray("    rules: sequential")
        << "route.yaml:25:5: error: unknown field `rules` in guardrail \"answer_quality\": did you mean `rule`?" << false;
    QTest::newRow("given twice")
        << QByteArray("  auto_kill: true") << QByteArray("  auto_kill: false\n  auto_kill: true")
        << "route.yaml:34:3: error: `auto_kill` is given twice (first on line 33)" << false;
    QTest::newRow("variation given twice")
        << QByteArray("{citation_first_v2: 5%}") << QByteArray("{citation_first_v2: 5%, citation_first_v2: 10%}")
        << "route.yaml:16:39: error: `citation_first_v2` is given twice (first on line 16)" << false;
    // At the top level: near a field that sets a rule, or one that belongs inside a map, an error …
    QTest::newRow("top: polcy") << QByteArray("policy:") << QByteArray("polcy:")
                                << "route.yaml:30:1: error: unknown field `polcy`: did you mean `policy`?" << false;
    QTest::newRow("top: environment")
        << QByteArray("environments:") << QByteArray("environment:")
        << "route.yaml:2:1: error: unknown field `environment`: did you mean `environments`?" << false;
    QTest::newRow("top: guardrail") << QByteArray("guardrails:") << QByteArray("guardrail:")
                                    << "route.yaml:19:1: error: unknown field `guardrail`: did you mean `guardrails`?"
                                    << false;
    QTest::newRow("top: auto_kill outside policy")
        << QByteArray("policy:\n") << QByteArray("auto_kill: true\npolicy:\n")
        << "route.yaml:30:1: error: `auto_kill` belongs under policy; at the top level it would set nothing" << false;
    QTest::newRow("top: minimum_time outside a stage")
        << QByteArray("stages:\n") << QByteArray("minimum_time: 3d\nstages:\n")
        << "route.yaml:11:1: error: `minimum_time` belongs in a stage, under stages; at the top level it would set nothing"
        << false;
    // … near a field that only describes the flag, or near none, a warning: the contract is used.
    QTest::newRow("top: ownr") << QByteArray("owner:") << QByteArray("ownr:")
                               << "route.yaml:4:1: warning: unknown field `ownr` is ignored: did you mean `owner`?" << true;
    QTest::newRow("top: a note of the team's own")
        << QByteArray("policy:\n") << QByteArray("notes: ask in #support-ai\npolicy:\n")
        << "route.yaml:30:1: warning: unknown field `notes` is ignored (a typo?)" << true;
    // The keys of an exposure are variations, not fields: any name may stand there.
    QTest::newRow("exposure keys are variations")
        << QByteArray("{citation_first_v2: 5%}") << QByteArray("{citation_first_v2: 5%, open_weights_70b: 2%}") << QString()
        << true;
}

void tst_ContractReader::unknownFieldsAtEveryLevel()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, finding);
    QFETCH(bool, used);
    QVERIFY(Valid.contains(from));
    const ContractReadResult result = readContract(QByteArray(Valid).replace(from, to), QStringLiteral("route.yaml"));
    QStringList texts;
    for (const ContractFinding &each : result.findings)
        texts.append(each.text());
    if (finding.isEmpty())
        QVERIFY2(texts.isEmpty(), qPrintable(texts.join(QLatin1Char('\n'))));
    else
        QVERIFY2(texts.contains(finding), qPrintable(texts.join(QLatin1Char('\n'))));
    QCOMPARE(result.contract.has_value(), used);
}

void tst_ContractReader::percent_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("basisPoints"); // -1: refused
    QTest::addColumn<QString>("error");
    QTest::newRow("whole") << "5%" << 500 << QString();
    QTest::newRow("hundredths") << "33.33%" << 3333 << QString();
    QTest::newRow("tenth") << "0.5%" << 50 << QString();
    QTest::newRow("trailing zero") << "0.250%" << 25 << QString();
    QTest::newRow("none") << "0%" << 0 << QString();
    QTest::newRow("all") << "100%" << 10000 << QString();
    QTest::newRow("bare number") << "5" << -1 << "\"5\" has no unit: write the share of traffic as a percentage, such as 5%";
    QTest::newRow("bare fraction") << "0.5" << -1 << "\"0.5\" has no unit";
    QTest::newRow("space before %") << "5 %" << -1 << "\"5 %\" has a space before %: write 5%";
    QTest::newRow("too fine") << "0.125%" << -1 << "\"0.125%\" is finer than a hundredth of a percent";
    QTest::newRow("too much") << "101%" << -1 << "101% is more than 100%";
    QTest::newRow("negative") << "-5%" << -1 << "\"-5%\" is not a share of traffic";
    QTest::newRow("words") << "five percent" << -1 << "\"five percent\" is not a share of traffic";
    QTest::newRow("per mille") << "5‰" << -1 << "is not a share of traffic";
}

void tst_ContractReader::percent()
{
    QFETCH(QString, text);
    QFETCH(int, basisPoints);
    QFETCH(QString, error);
    const Result<int> parsed = parsePercent(text);
    QCOMPARE(parsed.ok(), basisPoints >= 0);
    if (parsed)
        QCOMPARE(parsed.value(), basisPoints);
    else
        QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
}

void tst_ContractReader::duration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms"); // -1: refused
    QTest::addColumn<QString>("error");
    QTest::newRow("minutes") << "90m" << 90 * 60'000LL << QString();
    QTest::newRow("hours") << "24h" << 24 * 3'600'000LL << QString();
    QTest::newRow("days") << "7d" << 7 * 86'400'000LL << QString();
    QTest::newRow("zero") << "0" << 0LL << QString();
    QTest::newRow("zero minutes") << "0m" << 0LL << QString();
    // Every refusal names the forms that are accepted.
    QTest::newRow("bare number") << "12" << -1LL
                                 << "\"12\" has no unit: write minutes, hours or days such as 90m, 24h or 7d, or 0";
    QTest::newRow("space") << "24 h" << -1LL
                           << "\"24 h\" is not a duration: write a whole number and its unit with no space, such as 90m, "
                              "24h or 7d (m, h, d), or 0";
    QTest::newRow("word") << "1 day" << -1LL << "\"1 day\" is not a duration: write a whole number and its unit";
    QTest::newRow("fraction") << "1.5h" << -1LL << "\"1.5h\" is not a duration";
    QTest::newRow("capital") << "24H" << -1LL << "\"24H\" is not a duration";
    QTest::newRow("weeks") << "2w" << -1LL << "\"2w\" is not a duration";
    QTest::newRow("negative") << "-1h" << -1LL << "\"-1h\" is not a duration";
    QTest::newRow("too long to count") << "9999999999d" << -1LL << "is not a duration";
}

void tst_ContractReader::duration()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QFETCH(QString, error);
    const Result<qint64> parsed = parseDuration(text);
    QCOMPARE(parsed.ok(), ms >= 0);
    if (parsed)
        QCOMPARE(parsed.value(), ms);
    else
        QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
}

void tst_ContractReader::unitsAreStrictInAContract_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("finding");
    QTest::newRow("exposure 5 %") << QByteArray("citation_first_v2: 5%") << QByteArray("citation_first_v2: 5 %")
                                  << "route.yaml:16:35: error: \"5 %\" has a space before %: write 5%";
    QTest::newRow("exposure 5") << QByteArray("citation_first_v2: 5%") << QByteArray("citation_first_v2: 5")
                                << "route.yaml:16:35: error: \"5\" has no unit";
    QTest::newRow("minimum_time 24 h") << QByteArray("minimum_time: 24h") << QByteArray("minimum_time: 24 h")
                                       << "route.yaml:14:19: error: \"24 h\" is not a duration";
    QTest::newRow("minimum_time 1 day") << QByteArray("minimum_time: 24h") << QByteArray("minimum_time: 1 day")
                                        << "route.yaml:14:19: error: \"1 day\" is not a duration";
    QTest::newRow("minimum_time 12") << QByteArray("minimum_time: 24h") << QByteArray("minimum_time: 12")
                                     << "route.yaml:14:19: error: \"12\" has no unit";
    QTest::newRow("threshold nan") << QByteArray("threshold: 1800") << QByteArray("threshold: nan")
                                   << "route.yaml:22:16: error: threshold must be a number, not \"nan\"";
    QTest::newRow("tolerance 5") << QByteArray("    rule: sequential\n") << QByteArray("    rule: sequential\n    tolerance: 5\n")
                                 << "route.yaml:26:16: error: tolerance is a percentage of the default's level, such as 5%";
    QTest::newRow("tolerance 0.05") << QByteArray("    rule: sequential\n")
                                    << QByteArray("    rule: sequential\n    tolerance: 0.05\n")
                                    << "route.yaml:26:16: error: tolerance is a percentage";
}

void tst_ContractReader::unitsAreStrictInAContract()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, finding);
    QVERIFY(Valid.contains(from));
    const ContractReadResult result = readContract(QByteArray(Valid).replace(from, to), QStringLiteral("route.yaml"));
    QVERIFY(!result.contract);
    QStringList texts;
    for (const ContractFinding &each : result.findings)
        texts.append(each.text());
    QVERIFY2(std::any_of(texts.cbegin(), texts.cend(), [&](const QString &text) { return text.startsWith(finding); }),
             qPrintable(texts.join(QLatin1Char('\n'))));
}

void tst_ContractReader::flagIsNamedEvenWhenTheContractHasErrors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("flagKey");
    QTest::addColumn<QStringList>("environments");
    const QStringList production{QStringLiteral("production")};
    QTest::newRow("valid") << Valid << "support-assistant-route" << production;
    QTest::newRow("typo under policy") << QByteArray(Valid).replace("  auto_kill:", "  autokill:")
                                       << "support-assistant-route" << production;
    QTest::newRow("bad share") << QByteArray(Valid).replace("5%}", "5 %}") << "support-assistant-route" << production;
    QTest::newRow("no stages") << QByteArray("flag_key: f\nenvironments: [staging, production]\ndefault: a\n") << "f"
                               << QStringList{QStringLiteral("staging"), QStringLiteral("production")};
    QTest::newRow("environments not a list") << QByteArray("flag_key: f\nenvironments: production\ndefault: a\n") << "f"
                                             << QStringList();
    QTest::newRow("no flag key") << QByteArray("default: a\nenvironments: [production]\n") << QString() << production;
    QTest::newRow("not YAML") << QByteArray("flag_key: f\nstages: [unclosed\n") << QString() << QStringList();
    QTest::newRow("not a map") << QByteArray("- flag_key: f\n") << QString() << QStringList();
}

void tst_ContractReader::flagIsNamedEvenWhenTheContractHasErrors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, flagKey);
    QFETCH(QStringList, environments);
    const ContractReadResult result = readContract(yaml, QStringLiteral("f.yaml"));
    QCOMPARE(result.flagKey, flagKey);
    QCOMPARE(result.environments, environments);
}

void tst_ContractReader::positionsForLaterFindings()
{
    const ContractReadResult result = readContract(Valid, QStringLiteral("route.yaml"));
    QVERIFY(result.contract);
    const auto position = [](const ContractPosition &at) { return QStringLiteral("%1:%2").arg(at.line).arg(at.column); };
    QCOMPARE(position(result.contract->flagKeyPosition), QStringLiteral("1:11"));
    QCOMPARE(position(result.contract->variationPositions.value(QStringLiteral("baseline_profile"))), QStringLiteral("6:10"));
    QCOMPARE(position(result.contract->variationPositions.value(QStringLiteral("citation_first_v2"))), QStringLiteral("7:12"));
    const ContractReadResult staged =
        readContract(QByteArray(Valid).replace("{citation_first_v2: 5%}", "{citation_first_v2: 5%, open_weights: 1%}"),
                     QStringLiteral("route.yaml"));
    QVERIFY(staged.contract);
    QCOMPARE(position(staged.contract->variationPositions.value(QStringLiteral("open_weights"))), QStringLiteral("16:39"));
}

namespace {

// A language in which every sentence reads differently, to show which words are never translated.
class EverythingTranslated : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QStringLiteral("«") + QString::fromUtf8(sourceText) + QStringLiteral("»");
    }
    bool isEmpty() const override { return false; }
};

} // namespace

void tst_ContractReader::severityWordsAreFixed()
{
    EverythingTranslated translated;
    QVERIFY(QCoreApplication::installTranslator(&translated));
    const ContractReadResult result = readContract("flag_key: f\nowner_team: x\nstages: five\n", QStringLiteral("f.yaml"));
    QCoreApplication::removeTranslator(&translated);
    QStringList texts;
    for (const ContractFinding &each : result.findings)
        texts.append(each.text());
    // What editors and CI scripts match stays as it is; the message after it is the reader's language.
    QVERIFY2(texts.contains(QStringLiteral("f.yaml:2:1: warning: «unknown field `%1` is ignored (a typo?)»")
                                .arg(QStringLiteral("owner_team"))),
             qPrintable(texts.join(QLatin1Char('\n'))));
    QVERIFY2(texts.contains(QStringLiteral("f.yaml:3:9: error: «\"stages\" must be a list of stages»")),
             qPrintable(texts.join(QLatin1Char('\n'))));
    const ContractFinding whole{ContractFinding::Severity::Warning, QStringLiteral("a.yaml"), 0, 0, QStringLiteral("m")};
    QCOMPARE(whole.text(), QStringLiteral("a.yaml: warning: m"));
}

QTEST_GUILESS_MAIN(tst_ContractReader)
#include "tst_contractreader.moc"
