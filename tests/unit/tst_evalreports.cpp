// The eval evidence a contract's stage requires: the fields in the contract, the three readers on
// reports of each shape (written for these tests), what a report shows against the threshold and
// the maximum age, and the watcher that reads files again when they change and fetches URLs.
#include "control/evalwatcher.h"
#include "core/contractreader.h"
#include "core/durationtext.h"
#include "core/evalcheck.h"
#include "core/evalreport.h"
#include "core/readiness.h"
#include "fakehttpserver.h"
#include "store/evalreportfiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("FLAGDECK_FIXTURES") + QStringLiteral("/evals/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

qint64 isoMs(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toMSecsSinceEpoch();
}

ContractEval eval(const QString &variation, std::optional<int> passBasisPoints, qint64 maxAgeMs = 0, const QString &suite = {})
{
    ContractEval required;
    required.report = QStringLiteral("evals/report.json");
    required.variation = variation;
    required.passBasisPoints = passBasisPoints;
    required.maxAgeMs = maxAgeMs;
    required.suite = suite;
    return required;
}

QByteArray flagDeckReport(int passed, int total, const QDateTime &time)
{
    return QStringLiteral(R"({"flagdeck_eval": 1, "suite": "support-answers", "time": "%1",
                             "results": {"citation_first_v2": {"passed": %2, "total": %3}}})")
        .arg(time.toUTC().toString(Qt::ISODate))
        .arg(passed)
        .arg(total)
        .toUtf8();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

const QByteArray ContractHead = R"(flag_key: support-assistant-route
default: baseline_profile
stages:
  - name: internal_users
    exposure: {citation_first_v2: 1%}
    minimum_time: 0
)";

} // namespace

class tst_EvalReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void readersCountEachVariation_data();
    void readersCountEachVariation();
    void metricsAreAveragedOverTheCases();
    void badReportsSayWhere_data();
    void badReportsSayWhere();
    void reportHeldAgainstTheContract_data();
    void reportHeldAgainstTheContract();
    void wrongSuiteOrVariationIsNamed();
    void contractReadsEvals();
    void contractEvalMistakes_data();
    void contractEvalMistakes();
    void readinessSaysWhatTheNextStageLacks();
    void watcherReadsAFileAgainWhenItChanges();
    void globTakesTheNewestReportAndMissingIsSaid();
    void watcherFetchesAUrl();
};

void tst_EvalReports::readersCountEachVariation_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("variation");
    QTest::addColumn<int>("passed");
    QTest::addColumn<int>("total");
    QTest::addColumn<qint64>("timeMs");
    const auto promptfoo = int(EvalReport::Format::Promptfoo);
    const auto junit = int(EvalReport::Format::JUnit);
    const auto flagdeck = int(EvalReport::Format::FlagDeck);
    QTest::newRow("promptfoo, by prompt label") << "promptfoo-support-answers.json" << promptfoo << "citation_first_v2" << 3
                                                << 4 << isoMs("2026-11-30T12:00:00Z");
    QTest::newRow("promptfoo, the other prompt") << "promptfoo-support-answers.json" << promptfoo << "baseline_profile" << 1
                                                 << 4 << isoMs("2026-11-30T12:00:00Z");
    // Skipped and errored cases have not passed; the report's time is its latest suite's.
    QTest::newRow("JUnit, a skipped case") << "junit-support-answers.xml" << junit << "citation_first_v2" << 3 << 5
                                           << isoMs("2026-11-30T13:00:00Z");
    QTest::newRow("JUnit, an error") << "junit-support-answers.xml" << junit << "baseline_profile" << 1 << 2
                                     << isoMs("2026-11-30T13:00:00Z");
    QTest::newRow("FlagDeck") << "flagdeck-support-answers.json" << flagdeck << "citation_first_v2" << 198 << 200
                              << isoMs("2026-11-30T12:00:00Z");
}

void tst_EvalReports::readersCountEachVariation()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    QFETCH(QString, variation);
    QFETCH(int, passed);
    QFETCH(int, total);
    QFETCH(qint64, timeMs);
    const EvalReportRead read = readEvalReport(fixture(file));
    QVERIFY2(read.report, qPrintable(read.error));
    QCOMPARE(int(read.report->format), format);
    QCOMPARE(read.report->timeMs, timeMs);
    const EvalCheck check = checkEvalReport(QStringLiteral("internal_users"), eval(variation, 5000, 0, QStringLiteral("support-answers")),
                                            *read.report, 0, timeMs + HourMs);
    QCOMPARE(check.passed, passed);
    QCOMPARE(check.total, total);
}

void tst_EvalReports::metricsAreAveragedOverTheCases()
{
    ContractEval required = eval(QStringLiteral("citation_first_v2"), std::nullopt);
    required.metrics = {{QStringLiteral("citation"), 0.7, std::nullopt, {}}, {QStringLiteral("brevity"), std::nullopt, 1.0, {}}};
    const EvalReport promptfoo = *readEvalReport(fixture(QStringLiteral("promptfoo-support-answers.json"))).report;
    const qint64 now = isoMs("2026-11-30T14:00:00Z");
    EvalCheck check = checkEvalReport(QStringLiteral("s"), required, promptfoo, 0, now);
    QCOMPARE(check.state, EvalCheck::State::Passed);
    QCOMPARE(check.summary, QStringLiteral("citation_first_v2 — 3 of 4 passed, citation 0.75 (≥ 0.7 required), brevity 1 "
                                           "(≤ 1 required), report 2 h old"));
    required.metrics.first().min = 0.8;
    QCOMPARE(checkEvalReport(QStringLiteral("s"), required, promptfoo, 0, now).state, EvalCheck::State::Failed);
    // A metric the report does not have fails: the gate never opens on what was not measured.
    const EvalReport junit = *readEvalReport(fixture(QStringLiteral("junit-support-answers.xml"))).report;
    required.metrics = {{QStringLiteral("citation_accuracy"), 0.95, std::nullopt, {}}};
    QCOMPARE(checkEvalReport(QStringLiteral("s"), required, junit, 0, now).state, EvalCheck::State::Passed);
    required.variation = QStringLiteral("baseline_profile");
    check = checkEvalReport(QStringLiteral("s"), required, junit, 0, now);
    QCOMPARE(check.state, EvalCheck::State::Failed);
    QVERIFY2(check.summary.contains(QStringLiteral("citation_accuracy not in the report")), qPrintable(check.summary));
}

void tst_EvalReports::badReportsSayWhere_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("promptfoo, broken JSON") << fixture(QStringLiteral("promptfoo-broken.json")) << 6 << "not valid JSON";
    QTest::newRow("FlagDeck, more passed than run") << fixture(QStringLiteral("flagdeck-bad-count.json")) << 6
                                                    << "passed at most total";
    QTest::newRow("FlagDeck, no zone") << QByteArray("{\"flagdeck_eval\": 1,\n \"time\": \"2026-11-30T12:00:00\",\n "
                                                     "\"results\": {}}")
                                       << 2 << "with its zone";
    QTest::newRow("JUnit, unclosed") << QByteArray("<testsuite name=\"a\">\n<testcase name=\"b\">\n</testsuite>\n") << 3
                                     << "not well-formed XML";
    QTest::newRow("XML, not JUnit") << QByteArray("<?xml version=\"1.0\"?>\n<html/>\n") << 2 << "not JUnit";
    QTest::newRow("promptfoo v2") << QByteArray("{\"results\": {\"version\": 2, \"table\": {}}}") << 0 << "version 3";
    QTest::newRow("neither") << QByteArray("name,passed\n") << 1 << "not an eval report";
}

void tst_EvalReports::badReportsSayWhere()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, message);
    const EvalReportRead read = readEvalReport(content);
    QVERIFY(!read.report);
    QVERIFY2(read.error.contains(message), qPrintable(read.error));
    QCOMPARE(read.line, line);
}

void tst_EvalReports::reportHeldAgainstTheContract_data()
{
    QTest::addColumn<int>("required");
    QTest::addColumn<qint64>("maxAgeMs");
    QTest::addColumn<qint64>("ageMs");
    QTest::addColumn<EvalCheck::State>("state");
    QTest::addColumn<QString>("summary");
    QTest::newRow("passed") << 9700 << 24 * HourMs << 2 * HourMs << EvalCheck::State::Passed
                            << "citation_first_v2 — 198 of 200 passed (≥ 97% required), report 2 h old (≤ 24 h)";
    // Exactly at the threshold passes; a hundredth of a percent above it does not.
    QTest::newRow("at the threshold") << 9900 << 24 * HourMs << 0ll << EvalCheck::State::Passed
                                      << "citation_first_v2 — 198 of 200 passed (≥ 99% required), report 0 min old (≤ 24 h)";
    QTest::newRow("below") << 9901 << 24 * HourMs << 0ll << EvalCheck::State::Failed
                           << "citation_first_v2 — 198 of 200 passed (≥ 99.01% required), report 0 min old (≤ 24 h)";
    QTest::newRow("stale") << 9700 << 24 * HourMs << 25 * HourMs << EvalCheck::State::Stale
                           << "citation_first_v2 — 198 of 200 passed (≥ 97% required), report 25 h old (≤ 24 h)";
    QTest::newRow("any age") << 9700 << 0ll << 30 * DayMs << EvalCheck::State::Passed
                             << "citation_first_v2 — 198 of 200 passed (≥ 97% required), report 30 d old";
}

void tst_EvalReports::reportHeldAgainstTheContract()
{
    QFETCH(int, required);
    QFETCH(qint64, maxAgeMs);
    QFETCH(qint64, ageMs);
    QFETCH(EvalCheck::State, state);
    QFETCH(QString, summary);
    const EvalReport report = *readEvalReport(fixture(QStringLiteral("flagdeck-support-answers.json"))).report;
    const EvalCheck check = checkEvalReport(QStringLiteral("internal_users"), eval(QStringLiteral("citation_first_v2"), required, maxAgeMs),
                                            report, 0, report.timeMs + ageMs);
    QCOMPARE(check.state, state);
    QCOMPARE(check.summary, summary);
    QCOMPARE(check.passes(), state == EvalCheck::State::Passed);
}

void tst_EvalReports::wrongSuiteOrVariationIsNamed()
{
    const EvalReport report = *readEvalReport(fixture(QStringLiteral("promptfoo-support-answers.json"))).report;
    EvalCheck check = checkEvalReport(QStringLiteral("s"), eval(QStringLiteral("citation_first_v2"), 9000, 0, QStringLiteral("billing")),
                                      report, 0, report.timeMs);
    QCOMPARE(check.state, EvalCheck::State::Unreadable);
    QCOMPARE(check.mismatch, EvalCheck::Mismatch::Suite);
    QCOMPARE(check.summary, QStringLiteral("citation_first_v2 — the report is of suite support-answers, not billing"));
    check = checkEvalReport(QStringLiteral("s"), eval(QStringLiteral("citation_first_v3"), 9000), report, 0, report.timeMs);
    QCOMPARE(check.mismatch, EvalCheck::Mismatch::Variation);
    QCOMPARE(check.summary, QStringLiteral("citation_first_v3 — the report has no results for this variation (it has "
                                           "citation_first_v2, local-assistant, file://assistant.mjs, baseline_profile)"));
}

void tst_EvalReports::contractReadsEvals()
{
    const QByteArray yaml = ContractHead + R"(    evals:
      - report: evals/support-*.json
        suite: support-answers
        variation: citation_first_v2
        pass_rate: 97%
        metrics:
          citation_accuracy: {min: 0.95}
          p95_latency_ms: {max: 1800}
        max_age: 24h
      - report: https://ci.example.com/evals/latest.xml
        variation: citation_first_v2
        pass_rate: 100%
        max_age: 7d
)";
    const ContractReadResult result = readContract(yaml, QStringLiteral("route.yaml"));
    QVERIFY(result.contract);
    QVERIFY(result.findings.isEmpty());
    const QList<ContractEval> evals = result.contract->stages.constFirst().evals;
    QCOMPARE(evals.size(), 2);
    QCOMPARE(evals.at(0).report, QStringLiteral("evals/support-*.json"));
    QCOMPARE(evals.at(0).reportPosition.line, 8);
    QCOMPARE(evals.at(0).suite, QStringLiteral("support-answers"));
    QCOMPARE(evals.at(0).passBasisPoints, 9700);
    QCOMPARE(evals.at(0).maxAgeMs, 24 * HourMs);
    QCOMPARE(evals.at(0).metrics.size(), 2);
    QCOMPARE(evals.at(0).metrics.at(0).min, 0.95);
    QVERIFY(!evals.at(0).metrics.at(0).max);
    QCOMPARE(evals.at(0).metrics.at(1).max, 1800.0);
    QVERIFY(!evals.at(0).isUrl());
    QVERIFY(evals.at(1).isUrl());
    QCOMPARE(evals.at(1).maxAgeMs, 7 * DayMs);
}

void tst_EvalReports::contractEvalMistakes_data()
{
    QTest::addColumn<QByteArray>("eval");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QByteArray start = "    evals:\n      - report: evals/r.json\n        variation: citation_first_v2\n";
    QTest::newRow("typo") << start + "        pas_rate: 97%\n        max_age: 24h\n" << true << 10
                          << "unknown field `pas_rate` in an eval of stage \"internal_users\": did you mean `pass_rate`?";
    QTest::newRow("no threshold") << start + "        max_age: 24h\n" << true << 8
                                  << "the eval of \"citation_first_v2\" sets neither pass_rate nor metrics";
    QTest::newRow("rate without unit") << start + "        pass_rate: 97\n        max_age: 24h\n" << true << 10
                                       << "\"97\" has no unit";
    QTest::newRow("no max_age") << start + "        pass_rate: 97%\n" << false << 8
                                << "has no max_age, so a report of any age counts";
    QTest::newRow("max_age 0") << start + "        pass_rate: 97%\n        max_age: 0\n" << true << 11 << "max_age 0";
    QTest::newRow("bound typo") << start + "        metrics: {accuracy: {minimum: 0.9}}\n        max_age: 1d\n" << true << 10
                                << "unknown field `minimum` in metric \"accuracy\"";
    QTest::newRow("not http") << QByteArray("    evals:\n      - report: ftp://ci/r.json\n        variation: v\n"
                                            "        pass_rate: 9%\n        max_age: 1d\n")
                              << true << 8 << "http:// or https:// URL";
    QTest::newRow("no variation") << QByteArray("    evals:\n      - report: r.json\n        pass_rate: 9%\n        max_age: 1d\n") << true
                                  << 8 << "\"variation\" is missing";
    QTest::newRow("at the top level") << QByteArray("evals: []\n") << true << 7 << "`evals` belongs in a stage";
}

void tst_EvalReports::contractEvalMistakes()
{
    QFETCH(QByteArray, eval);
    QFETCH(bool, isError);
    QFETCH(int, line);
    QFETCH(QString, message);
    const ContractReadResult result = readContract(ContractHead + eval, QStringLiteral("route.yaml"));
    QCOMPARE(!result.contract, isError);
    const auto found = std::find_if(result.findings.cbegin(), result.findings.cend(),
                                    [&](const ContractFinding &finding) { return finding.message.contains(message); });
    QVERIFY2(found != result.findings.cend(), qPrintable(result.findings.isEmpty() ? QStringLiteral("no findings")
                                                                                   : result.findings.constFirst().text()));
    QCOMPARE(found->line, line);
    QCOMPARE(found->severity == ContractFinding::Severity::Error, isError);
}

void tst_EvalReports::readinessSaysWhatTheNextStageLacks()
{
    const QByteArray yaml = ContractHead + "    evals:\n      - report: r.json\n        variation: citation_first_v2\n"
                                           "        pass_rate: 97%\n        max_age: 1d\n";
    const Contract contract = *readContract(yaml, QStringLiteral("route.yaml")).contract;
    Flag flag;
    flag.key = contract.flagKey;
    flag.variations = {{QStringLiteral("baseline_profile"), QStringLiteral("baseline"), QStringLiteral("baseline_profile")},
                       {QStringLiteral("citation_first_v2"), QStringLiteral("v2"), QStringLiteral("citation_first_v2")}};
    const auto evalItem = [&](const ReadinessFacts &facts) {
        const QList<ReadinessItem> items = checkReadiness(contract, flag, facts);
        const auto found = std::find_if(items.cbegin(), items.cend(), [](const ReadinessItem &item) {
            return item.title == QStringLiteral("Eval evidence for the next stage");
        });
        return found == items.cend() ? std::optional<ReadinessItem>() : *found;
    };
    ReadinessFacts facts;
    facts.nextStage = QStringLiteral("internal_users");
    facts.nextStageEvals = {evalWithoutReport(QStringLiteral("internal_users"), contract.stages.first().evals.first(),
                                              EvalCheck::State::Missing, {}, QStringLiteral("there is no report r.json"))};
    std::optional<ReadinessItem> item = evalItem(facts);
    QVERIFY(item);
    QCOMPARE(item->status, ReadinessItem::Status::Failed);
    QCOMPARE(item->detail, QStringLiteral("citation_first_v2 — there is no report r.json"));
    facts.nextStage.clear();
    facts.nextStageEvals.clear();
    item = evalItem(facts);
    QCOMPARE(item->status, ReadinessItem::Status::Passed);
    // Where nothing reads the reports, the item is never passed.
    facts.evalsRead = false;
    QCOMPARE(evalItem(facts)->status, ReadinessItem::Status::NotCheckable);
    facts.evalsRead = true;
    // A contract that asks for no evals is not measured by that rule.
    Contract without = contract;
    without.stages.first().evals.clear();
    const QList<ReadinessItem> items = checkReadiness(without, flag, facts);
    QVERIFY(std::none_of(items.cbegin(), items.cend(),
                         [](const ReadinessItem &each) { return each.title.startsWith(QStringLiteral("Eval")); }));
}

void tst_EvalReports::watcherReadsAFileAgainWhenItChanges()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("evals")));
    const QString contractFile = dir.filePath(QStringLiteral("route.yaml"));
    const QString report = dir.filePath(QStringLiteral("evals/report.json"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(writeFile(report, flagDeckReport(198, 200, now.addSecs(-2 * 3600))));
    Contract contract;
    contract.sourceFile = contractFile;
    contract.stages.append({QStringLiteral("internal_users"), {}, 0, {eval(QStringLiteral("citation_first_v2"), 9700, DayMs)}});
    EvalWatcher watcher;
    QSignalSpy changed(&watcher, &EvalWatcher::changed);
    QList<EvalCheck> checks = watcher.checks(contract, 0);
    QCOMPARE(checks.size(), 1);
    QCOMPARE(checks.first().state, EvalCheck::State::Passed);
    QCOMPARE(checks.first().location, report);
    QCOMPARE(checks.first().summary, QStringLiteral("citation_first_v2 — 198 of 200 passed (≥ 97% required), report 2 h old (≤ 24 h)"));
    QCOMPARE(watcher.checks(contract, 1).size(), 0);

    QVERIFY(writeFile(report, flagDeckReport(150, 200, now)));
    QTRY_VERIFY(changed.count() > 0);
    checks = watcher.checks(contract, 0);
    QCOMPARE(checks.first().state, EvalCheck::State::Failed);
    QCOMPARE(checks.first().passed, 150);

    // Gone: the gate must not go on trusting what was read before.
    changed.clear();
    QVERIFY(QFile::remove(report));
    QTRY_VERIFY(changed.count() > 0);
    QCOMPARE(watcher.checks(contract, 0).first().state, EvalCheck::State::Missing);
}

void tst_EvalReports::globTakesTheNewestReportAndMissingIsSaid()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("evals")));
    ContractEval required = eval(QStringLiteral("citation_first_v2"), 9700);
    required.report = QStringLiteral("evals/run-*.json");
    const QString contractFile = dir.filePath(QStringLiteral("route.yaml"));
    EvalCheck check = EvalReportFiles::check(QStringLiteral("s"), required, contractFile, QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(check.state, EvalCheck::State::Missing);
    QVERIFY2(check.summary.contains(QStringLiteral("no report matches")), qPrintable(check.summary));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString older = dir.filePath(QStringLiteral("evals/run-1.json"));
    const QString newer = dir.filePath(QStringLiteral("evals/run-2.json"));
    QVERIFY(writeFile(newer, flagDeckReport(200, 200, now)));
    QVERIFY(writeFile(older, flagDeckReport(10, 200, now)));
    // By modification time, not by name.
    QFile file(newer);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
    file.close();
    check = EvalReportFiles::check(QStringLiteral("s"), required, contractFile, QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(check.location, newer);
    QCOMPARE(check.state, EvalCheck::State::Passed);
}

void tst_EvalReports::watcherFetchesAUrl()
{
    FakeHttpServer server;
    server.answer(QStringLiteral("/evals/latest.json"), 200, flagDeckReport(198, 200, QDateTime::currentDateTimeUtc()));
    Contract contract;
    contract.sourceFile = QStringLiteral("/nowhere/route.yaml");
    ContractEval good = eval(QStringLiteral("citation_first_v2"), 9700, DayMs);
    good.report = server.url().toString() + QStringLiteral("/evals/latest.json");
    ContractEval gone = good;
    gone.report = server.url().toString() + QStringLiteral("/evals/gone.json");
    contract.stages.append({QStringLiteral("internal_users"), {}, 0, {good, gone}});
    EvalWatcher watcher;
    QList<EvalCheck> checks = watcher.checks(contract, 0);
    // Not answered yet: the gate stays closed until it is.
    QCOMPARE(checks.at(0).state, EvalCheck::State::Pending);
    QVERIFY(!checks.at(0).passes());
    QTRY_VERIFY(!watcher.fetching());
    checks = watcher.checks(contract, 0);
    QCOMPARE(checks.at(0).state, EvalCheck::State::Passed);
    QCOMPARE(checks.at(0).location, good.report);
    QCOMPARE(checks.at(1).state, EvalCheck::State::Missing);
    QVERIFY2(checks.at(1).summary.contains(QStringLiteral("404")), qPrintable(checks.at(1).summary));
    QCOMPARE(server.requestsFor(QStringLiteral("/evals/latest.json")), 1);
}

QTEST_GUILESS_MAIN(tst_EvalReports)
#include "tst_evalreports.moc"
