#include "control/consolecontroller.h"
#include "item/connectiontreemodel.h"
#include "item/flagtablemodel.h"
#include "testaudit.h"
#include "store/connectionsettings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_ConsoleController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstStartOpensTheSandbox();
    void secondSandboxShowsUnderItsOwnName();
    void sandboxOnlySkipsOtherServers();
    void connectorMissingIsAFailedConnection();

private:
    std::unique_ptr<ConsoleController> started(QSettings &settings, bool sandboxOnly);
    QString freshAuditPath() { return m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(++m_auditFiles)); }
    QTemporaryDir m_dir;
    int m_auditFiles = 0;
};

void tst_ConsoleController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<ConsoleController> tst_ConsoleController::started(QSettings &settings, bool sandboxOnly)
{
    auto controller = std::make_unique<ConsoleController>(settings, TestAudit::openWriter(freshAuditPath()));
    QSignalSpy loaded(controller.get(), &ConsoleController::initialLoadFinished);
    controller->start(sandboxOnly);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(controller->initialLoadDone(), 5000); }();
    return controller;
}

void tst_ConsoleController::firstStartOpensTheSandbox()
{
    QSettings settings(m_dir.filePath(QStringLiteral("first.ini")), QSettings::IniFormat);
    auto controller = started(settings, false);
    QCOMPARE(controller->connections().size(), 1);
    QCOMPARE(controller->connections().first().kind, ConnectionConfig::Kind::Sandbox);
    QVERIFY(controller->flagModel()->rowCount() >= 24);
    QCOMPARE(controller->connectionModel()->state(QStringLiteral("sandbox")), ConnectionState::Connected);
    // Persisted, so the next start finds the same connection.
    QCOMPARE(ConnectionSettings(settings).load().size(), 1);
}

void tst_ConsoleController::secondSandboxShowsUnderItsOwnName()
{
    QSettings settings(m_dir.filePath(QStringLiteral("second.ini")), QSettings::IniFormat);
    auto controller = started(settings, false);
    const int firstCount = controller->flagModel()->rowCount();
    const QString id = controller->addSandboxConnection(QStringLiteral("Staging lab"));
    QTRY_COMPARE(controller->flagModel()->rowCount(), firstCount * 2);
    int ownRows = 0;
    for (int row = 0; row < controller->flagModel()->rowCount(); ++row) {
        const FlagTableModel::Row &flagRow = controller->flagModel()->rowAt(row);
        if (flagRow.ref.connectionId == id) {
            QCOMPARE(flagRow.serverName, QStringLiteral("Staging lab"));
            ++ownRows;
        }
    }
    QCOMPARE(ownRows, firstCount);
    QCOMPARE(ConnectionSettings(settings).load().size(), 2);

    controller->removeConnection(id);
    QCOMPARE(controller->flagModel()->rowCount(), firstCount);
    QCOMPARE(ConnectionSettings(settings).load().size(), 1);
}

void tst_ConsoleController::sandboxOnlySkipsOtherServers()
{
    QSettings settings(m_dir.filePath(QStringLiteral("only.ini")), QSettings::IniFormat);
    ConnectionConfig featbit;
    featbit.id = QStringLiteral("fb");
    featbit.kind = ConnectionConfig::Kind::FeatBit;
    featbit.displayName = QStringLiteral("Team FeatBit");
    ConnectionSettings(settings).save({featbit});
    auto controller = started(settings, true);
    QCOMPARE(controller->connectionModel()->rowCount(), 1);
    QCOMPARE(controller->connectionModel()->state(QStringLiteral("sandbox")), ConnectionState::Connected);
    // The configured server is kept, only not started.
    const QList<ConnectionConfig> saved = ConnectionSettings(settings).load();
    QCOMPARE(saved.size(), 2);
    QCOMPARE(saved.first().id, QStringLiteral("fb"));
}

void tst_ConsoleController::connectorMissingIsAFailedConnection()
{
    QSettings settings(m_dir.filePath(QStringLiteral("missing.ini")), QSettings::IniFormat);
    ConnectionConfig unleash;
    unleash.id = QStringLiteral("un");
    unleash.kind = ConnectionConfig::Kind::Unleash;
    unleash.displayName = QStringLiteral("Unleash");
    ConnectionSettings(settings).save({unleash});
    auto controller = std::make_unique<ConsoleController>(settings, TestAudit::openWriter(freshAuditPath()));
    QSignalSpy problem(controller.get(), &ConsoleController::connectionProblem);
    controller->start(false);
    QVERIFY(controller->initialLoadDone());
    QCOMPARE(problem.size(), 1);
    QCOMPARE(controller->connectionModel()->state(QStringLiteral("un")), ConnectionState::Failed);
}

QTEST_GUILESS_MAIN(tst_ConsoleController)
#include "tst_consolecontroller.moc"
