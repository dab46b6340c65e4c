// Reports as real tools write them: promptfoo from npm (run offline here with a local JavaScript
// provider on two candidate prompts, one that passes and one that fails) and ctest's own JUnit
// XML, each read and held against a contract's threshold and maximum age.
#include "core/durationtext.h"
#include "core/evalcheck.h"
#include "promptfoorun.h"
#include "store/evalreportfiles.h"

#include <QDateTime>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_RealEvalReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void promptfooOutputOfTwoVariations();
    void ctestJUnitOutput();
};

namespace {

ContractEval required(const QString &variation, int passBasisPoints, const QString &suite = {})
{
    ContractEval eval;
    eval.variation = variation;
    eval.suite = suite;
    eval.passBasisPoints = passBasisPoints;
    eval.maxAgeMs = HourMs;
    return eval;
}

} // namespace

void tst_RealEvalReports::promptfooOutputOfTwoVariations()
{
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("results.json"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QString error = PromptfooRun::eval(QStringLiteral("support-prompts"), output, dir.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    qint64 fileTimeMs = 0;
    const EvalReportRead read = EvalReportFiles::read(output, &fileTimeMs);
    QVERIFY2(read.report, qPrintable(read.error));
    QCOMPARE(read.report->format, EvalReport::Format::Promptfoo);
    // The time is the evaluation's own, not the file's.
    QVERIFY(read.report->timeMs >= before - 1000 && read.report->timeMs <= QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(read.report->columns.size(), 2);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString suite = QStringLiteral("support-prompt-profile answers");
    EvalCheck concise = checkEvalReport(QStringLiteral("s"), required(QStringLiteral("prompt_v8_concise"), 9000, suite),
                                        *read.report, fileTimeMs, now);
    QCOMPARE(concise.state, EvalCheck::State::Passed);
    QCOMPARE(concise.passed, 10);
    QCOMPARE(concise.total, 10);
    EvalCheck empathetic = checkEvalReport(QStringLiteral("s"), required(QStringLiteral("prompt_v8_empathetic"), 9000, suite),
                                           *read.report, fileTimeMs, now);
    QCOMPARE(empathetic.state, EvalCheck::State::Failed);
    QCOMPARE(empathetic.passed, 0);
    QCOMPARE(empathetic.total, 10);
    QVERIFY2(empathetic.summary.startsWith(QStringLiteral("prompt_v8_empathetic — 0 of 10 passed (≥ 90% required), report ")),
             qPrintable(empathetic.summary));

    // promptfoo's named scores (an assertion's metric) are the metrics a contract bounds.
    ContractEval brevity = required(QStringLiteral("prompt_v8_empathetic"), 0, suite);
    brevity.passBasisPoints.reset();
    brevity.metrics = {{QStringLiteral("brevity"), 0.75, std::nullopt, {}}};
    empathetic = checkEvalReport(QStringLiteral("s"), brevity, *read.report, fileTimeMs, now);
    QVERIFY2(empathetic.summary.contains(QStringLiteral("brevity 0.8 (≥ 0.75 required)")), qPrintable(empathetic.summary));
    QCOMPARE(empathetic.state, EvalCheck::State::Passed);
    brevity.metrics = {{QStringLiteral("citation"), 0.9, std::nullopt, {}}};
    QCOMPARE(checkEvalReport(QStringLiteral("s"), brevity, *read.report, fileTimeMs, now).state, EvalCheck::State::Failed);
}

void tst_RealEvalReports::ctestJUnitOutput()
{
    QTemporaryDir dir;
    QFile project(dir.filePath(QStringLiteral("CMakeLists.txt")));
    QVERIFY(project.open(QIODevice::WriteOnly));
    project.write("cmake_minimum_required(VERSION 3.21)\nproject(answers NONE)\nenable_testing()\n"
                  "add_test(NAME reset_password COMMAND true)\nadd_test(NAME billing_date COMMAND true)\n"
                  "add_test(NAME card_declined COMMAND false)\nadd_test(NAME offline COMMAND sh -c \"exit 77\")\n"
                  "set_tests_properties(offline PROPERTIES SKIP_RETURN_CODE 77)\n");
    project.close();
    const QString build = dir.filePath(QStringLiteral("build"));
    QProcess cmake;
    cmake.start(QStringLiteral(CMAKE_BINARY), {QStringLiteral("-S"), dir.path(), QStringLiteral("-B"), build});
    QVERIFY(cmake.waitForFinished(60000));
    QCOMPARE(cmake.exitCode(), 0);
    const QString junit = dir.filePath(QStringLiteral("junit.xml"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QProcess ctest;
    ctest.start(QStringLiteral(CTEST_BINARY), {QStringLiteral("--test-dir"), build, QStringLiteral("--output-junit"), junit});
    QVERIFY(ctest.waitForFinished(60000));
    QVERIFY(ctest.exitCode() != 0); // one test fails, on purpose

    qint64 fileTimeMs = 0;
    const EvalReportRead read = EvalReportFiles::read(junit, &fileTimeMs);
    QVERIFY2(read.report, qPrintable(read.error));
    QCOMPARE(read.report->format, EvalReport::Format::JUnit);
    // ctest writes its timestamp in local time to the second.
    QVERIFY(read.report->timeMs >= before - 2000 && read.report->timeMs <= QDateTime::currentMSecsSinceEpoch() + 1000);
    // JUnit says nothing of variations: the report covers the one the contract names. The skipped
    // case has not passed.
    const EvalCheck check = checkEvalReport(QStringLiteral("s"), required(QStringLiteral("citation_first_v2"), 5000),
                                            *read.report, fileTimeMs, QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(check.passed, 2);
    QCOMPARE(check.total, 4);
    QCOMPARE(check.state, EvalCheck::State::Passed);
    QCOMPARE(checkEvalReport(QStringLiteral("s"), required(QStringLiteral("citation_first_v2"), 5001), *read.report, fileTimeMs,
                             QDateTime::currentMSecsSinceEpoch())
                 .state,
             EvalCheck::State::Failed);
}

QTEST_GUILESS_MAIN(tst_RealEvalReports)
#include "tst_realevalreports.moc"
