// A sandbox flag whose contract requires eval evidence before each stage, with the report promptfoo
// (from npm, run offline here with a local provider) wrote for its two candidate prompts: the gate
// to the stage that would expose the failing prompt is closed, and says why; the gate to the stage
// of the passing prompt is open. Clicked through the real stage view; the report is re-read when it
// goes away.
#include "connectors/sandbox/sandboxserver.h"
#include "consolegui.h"
#include "control/consolecontroller.h"
#include "control/stageactions.h"
#include "item/consolemodels.h"
#include "item/flagfilterproxy.h"
#include "item/flagtablemodel.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "promptfoorun.h"
#include "stageview.h"
#include "store/memorysecretstore.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {

// The team's contract: the concise prompt first, then both; each stage asks for the eval of the
// prompt it adds. No guardrails and no minimum time, so the evals alone decide the gate.
const QByteArray TeamContract = R"(flag_key: support-prompt-profile
owner: support-ai-platform
default: prompt_v7
fallback: prompt_v7
stages:
  - name: concise_10_percent
    exposure: {prompt_v8_concise: 10%}
    minimum_time: 0
    evals:
      - report: evals/support-prompts.json
        suite: support-prompt-profile answers
        variation: prompt_v8_concise
        pass_rate: 90%
        max_age: 24h
  - name: both_10_percent
    exposure: {prompt_v8_concise: 10%, prompt_v8_empathetic: 10%}
    minimum_time: 0
    evals:
      - report: evals/support-prompts.json
        suite: support-prompt-profile answers
        variation: prompt_v8_empathetic
        pass_rate: 90%
        max_age: 24h
)";

} // namespace

class tst_EvalGate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gateFollowsTheEvalReport();

private:
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
};

void tst_EvalGate::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
    // From the seed, whatever an earlier run left.
    QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox")));
}

void tst_EvalGate::gateFollowsTheEvalReport()
{
    const QString team = m_dir.filePath(QStringLiteral("contracts"));
    QVERIFY(QDir().mkpath(team + QStringLiteral("/evals")));
    const QString report = team + QStringLiteral("/evals/support-prompts.json");
    const QString error = PromptfooRun::eval(QStringLiteral("support-prompts"), report, m_dir.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile contract(team + QStringLiteral("/support-prompt-profile.yaml"));
    QVERIFY(contract.open(QIODevice::WriteOnly));
    QCOMPARE(contract.write(TeamContract), TeamContract.size());
    contract.close();

    const QString consoleFolder = m_dir.filePath(QStringLiteral("console"));
    QVERIFY(QDir().mkpath(consoleFolder));
    ConsoleGui::SandboxConsole console(consoleFolder, &m_secrets);
    console.controller().setContractsFolder(team, false);
    QVERIFY(console.start());
    MainWindow &window = console.window();
    const FlagRef flag{QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("support-prompt-profile")};
    const auto stageOf = [&] { return window.models()->flags()->indexOf(flag, FlagTableModel::StageColumn).data().toString(); };
    auto *proxy = static_cast<FlagFilterProxy *>(window.flagTable()->model());
    window.flagTable()->setCurrentIndex(proxy->mapFromSource(window.models()->flags()->indexOf(flag)));
    StageView *view = window.stageView();
    auto *gate = view->findChild<QLabel *>(QStringLiteral("stageGate"));
    auto *preview = view->findChild<QLabel *>(QStringLiteral("stagePreview"));
    auto *readiness = view->findChild<QLabel *>(QStringLiteral("readiness"));
    auto *advance = view->findChild<QPushButton *>(QStringLiteral("stageAdvance"));
    auto *rollback = view->findChild<QPushButton *>(QStringLiteral("stageRollback"));
    auto *send = view->findChild<QPushButton *>(QStringLiteral("stageSend"));
    auto *cancel = view->findChild<QPushButton *>(QStringLiteral("stageCancel"));
    QVERIFY(gate && preview && readiness && advance && rollback && send && cancel);
    // The seed serves both candidates 10%: the last stage of this contract.
    QTRY_COMPARE(stageOf(), QStringLiteral("both_10_percent (2 of 2)"));

    // Back to the concise prompt alone: the gate to both is the empathetic prompt's eval, which fails.
    QTRY_VERIFY(rollback->isEnabled());
    QTest::mouseClick(rollback, Qt::LeftButton);
    QVERIFY2(preview->text().contains(QStringLiteral("Roll back to concise_10_percent?")), qPrintable(preview->text()));
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stageOf(), QStringLiteral("concise_10_percent (1 of 2)"), 3000);
    QTRY_VERIFY2(gate->text().contains(QStringLiteral("✗</span> Evals: <i>prompt_v8_empathetic — 0 of 10 passed (≥ 90% "
                                                       "required), report 0 min old (≤ 24 h)</i>")),
                 qPrintable(gate->text()));
    // The stage view links the report.
    QVERIFY2(gate->text().contains(QStringLiteral("<a href=\"%1\">support-prompts.json</a>")
                                       .arg(QUrl::fromLocalFile(report).toString(QUrl::FullyEncoded))),
             qPrintable(gate->text()));
    QVERIFY2(readiness->text().contains(QStringLiteral("Eval evidence for the next stage: <i>prompt_v8_empathetic — 0 of 10")),
             qPrintable(readiness->text()));
    QTest::mouseClick(advance, Qt::LeftButton);
    QVERIFY2(preview->text().contains(QStringLiteral("The gate is not open")), qPrintable(preview->text()));
    QCOMPARE(send->text(), QStringLiteral("Send anyway"));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!console.controller().stageActions()->preview(flag, FlagAction::AdvanceStage)->gateOpen);

    // Back to not started: the gate to the concise stage is the concise prompt's eval, which passes.
    QTest::mouseClick(rollback, Qt::LeftButton);
    QVERIFY2(preview->text().contains(QStringLiteral("Roll back to not started?")), qPrintable(preview->text()));
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stageOf(), QStringLiteral("not started"), 3000);
    QTRY_VERIFY2(gate->text().contains(QStringLiteral("✓</span> Evals: <i>prompt_v8_concise — 10 of 10 passed (≥ 90% "
                                                       "required), report 0 min old (≤ 24 h)</i>")),
                 qPrintable(gate->text()));
    QVERIFY2(!gate->text().contains(QStringLiteral("✗")), qPrintable(gate->text()));
    QTest::mouseClick(advance, Qt::LeftButton);
    QVERIFY2(!preview->text().contains(QStringLiteral("The gate is not open")), qPrintable(preview->text()));
    QCOMPARE(send->text(), QStringLiteral("Send to server"));
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stageOf(), QStringLiteral("concise_10_percent (1 of 2)"), 3000);

    // The report goes away: the gate says so within a moment, without a click.
    QTRY_VERIFY(gate->text().contains(QStringLiteral("prompt_v8_empathetic — 0 of 10")));
    QVERIFY(QFile::remove(report));
    QTRY_VERIFY2_WITH_TIMEOUT(gate->text().contains(QStringLiteral("✗</span> Evals: <i>prompt_v8_empathetic — there is no "
                                                                    "report")),
                              qPrintable(gate->text()), 2000);
}

QTEST_MAIN(tst_EvalGate)
#include "tst_evalgate.moc"
