// What a console says about who carries out auto_kill, with a real team inbox on PostgreSQL: no
// guard, then a guard beating in the inbox, then that guard gone.
#include "consolegui.h"
#include "control/consolecontroller.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "postgresserver.h"
#include "stageview.h"
#include "store/guardlease.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"
#include "testresult.h"

#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

class tst_GuardPresence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theStatusBarAndTheStageSayWhoGuards();

private:
    PostgresServer m_postgres;
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
};

void tst_GuardPresence::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
    if (const QString error = m_postgres.start(); !error.isEmpty())
        QFAIL(qPrintable(error));
}

void tst_GuardPresence::theStatusBarAndTheStageSayWhoGuards()
{
    const QString inbox = m_postgres.createDatabase();
    ConsoleGui::SandboxConsole console(m_dir.path(), &m_secrets, inbox);
    QVERIFY(console.start());
    MainWindow &window = console.window();

    auto *status = window.findChild<QLabel *>(QStringLiteral("guardStatus"));
    QVERIFY(status);
    const QString unguarded = QStringLiteral("auto_kill runs only while a console is open");
    QTRY_COMPARE(status->text(), unguarded);
    // chat-model-route's contract sets auto_kill: its stage says the same.
    QVERIFY(window.selectFlag(QStringLiteral("chat-model-route")));
    auto *stageLine = window.stageView()->findChild<QLabel *>(QStringLiteral("stageGuarding"));
    QVERIFY(stageLine);
    QTRY_VERIFY(stageLine->isVisible());
    QCOMPARE(stageLine->text(), unguarded);

    GuardLease guard(inbox, QStringLiteral("guard@ops-1"), QStringLiteral("ops-1"));
    VERIFY_OK(guard.start());
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Guarded by guard@ops-1, last seen ")),
                             ConsoleController::GuardPollMs * 3);
    QCOMPARE(stageLine->text(), status->text());
    // For docs/guard.md: FLAGDECK_SCREENSHOT_DIR=docs/screenshots ctest -R tst_guardpresence
    if (const QString dir = qEnvironmentVariable("FLAGDECK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(window.grab().save(dir + QStringLiteral("/guarded.png")));

    // A flag whose contract leaves the decision to a person says nothing about auto_kill.
    QVERIFY(window.selectFlag(QStringLiteral("support-assistant-route")));
    QTRY_VERIFY(!stageLine->isVisible());

    guard.stop();
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), unguarded, ConsoleController::GuardPollMs * 3);
}

QTEST_MAIN(tst_GuardPresence)
#include "tst_guardpresence.moc"
