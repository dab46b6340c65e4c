// A team's contract file broken while the console runs: within a second the flag says its contract
// is unreadable and where, the status bar counts the error, and the sandbox's built-in contract
// does not quietly take the broken one's place. Fixed, it is back.
#include "consolegui.h"
#include "control/consolecontroller.h"
#include "item/consolemodels.h"
#include "item/flagtablemodel.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "stageview.h"
#include "store/contractlibrary.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

class tst_ContractFindings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aBrokenContractShowsAtOnceAndNothingStandsIn_data();
    void aBrokenContractShowsAtOnceAndNothingStandsIn();

private:
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
};

void tst_ContractFindings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
}

void tst_ContractFindings::aBrokenContractShowsAtOnceAndNothingStandsIn_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    // A typo that would quietly drop the automatic kill, and a file that is no longer YAML.
    QTest::newRow("typo under policy") << QByteArray("  auto_kill: true") << QByteArray("  autokill: true");
    QTest::newRow("not YAML") << QByteArray("stages:\n") << QByteArray("stages: [unclosed\n");
}

void tst_ContractFindings::aBrokenContractShowsAtOnceAndNothingStandsIn()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString folder = m_dir.filePath(tag);
    QVERIFY(QDir().mkpath(folder));
    QFile builtIn(QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts/chat-model-route.yaml"));
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    const QByteArray good = builtIn.readAll();
    QVERIFY(good.contains(from));
    // The team's own contract for the flag: the built-in one with its last stage renamed, so it is
    // plain which of the two is in use.
    QByteArray team = good;
    team.replace("default_behavior", "everyone");
    const QString path = QDir(folder).filePath(QStringLiteral("chat-model-route.yaml"));
    const auto write = [&path](const QByteArray &content) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    };
    QVERIFY(write(team));

    // The console's own files beside, not in, the watched folder.
    const QString consoleFolder = m_dir.filePath(tag + QStringLiteral("-console"));
    QVERIFY(QDir().mkpath(consoleFolder));
    ConsoleGui::SandboxConsole console(consoleFolder, &m_secrets);
    ConsoleController &controller = console.controller();
    controller.setContractsFolder(folder, false);
    QVERIFY(console.start());
    MainWindow &window = console.window();
    QVERIFY(window.selectFlag(QStringLiteral("chat-model-route")));
    const FlagRef flag{QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("chat-model-route")};
    const auto stage = [&] { return window.models()->flags()->indexOf(flag, FlagTableModel::StageColumn).data().toString(); };
    auto *status = window.findChild<QLabel *>(QStringLiteral("contractsStatus"));
    auto *unowned = window.stageView()->findChild<QLabel *>(QStringLiteral("unownedControl"));
    QVERIFY(status && unowned);
    QTRY_VERIFY(!stage().isEmpty());
    const QString working = stage();
    QVERIFY(status->isHidden());

    QVERIFY(write(QByteArray(team).replace(from, to)));
    QElapsedTimer saved;
    saved.start();
    QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("contract unreadable"), 1000);
    qInfo("shown %lld ms after the file was saved", saved.elapsed());
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QStringLiteral("1 error")), qPrintable(status->text()));
    QVERIFY2(status->toolTip().contains(path + QLatin1Char(':')), qPrintable(status->toolTip()));
    QTRY_VERIFY(unowned->isVisible());
    QVERIFY2(unowned->text().contains(QStringLiteral("Contract unreadable")), qPrintable(unowned->text()));
    QVERIFY2(unowned->text().contains(QStringLiteral("chat-model-route.yaml:")), qPrintable(unowned->text()));
    // The sandbox's own contract for the flag is not used in its place: no stages, no auto_kill.
    QVERIFY(!controller.contracts()->find(flag.key, flag.environment, true));

    QVERIFY(write(team));
    QTRY_COMPARE_WITH_TIMEOUT(stage(), working, 1000);
    QVERIFY(status->isHidden());
}

QTEST_MAIN(tst_ContractFindings)
#include "tst_contractfindings.moc"
