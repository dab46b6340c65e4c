#include "control/consolecontroller.h"
#include "item/connectiontreemodel.h"
#include "item/consolemodels.h"
#include "control/auditsync.h"
#include "control/killswitch.h"
#include "control/stageactions.h"
#include "item/flagtablemodel.h"
#include "testaudit.h"
#include "store/connectionsettings.h"
#include "store/filesecretstore.h"
#include "store/memorysecretstore.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
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
    void offlineShowsTheLastKnownStatesAsStale();
    void exportWritesTheFilteredHistory();
    void secondSandboxShowsUnderItsOwnName();
    void sandboxOnlySkipsOtherServers();
    void aTokenMissingFromTheKeychainFailsTheConnection();
    void aTokenFileForAGuardIsReadableByItsOwnerOnly();

private:
    std::unique_ptr<ConsoleController> started(QSettings &settings, bool sandboxOnly);
    QString freshAuditPath() { return m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(++m_auditFiles)); }
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
    int m_auditFiles = 0;
};

void tst_ConsoleController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<ConsoleController> tst_ConsoleController::started(QSettings &settings, bool sandboxOnly)
{
    auto controller = std::make_unique<ConsoleController>(settings, TestAudit::openWriter(freshAuditPath()), &m_secrets);
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
    QVERIFY(controller->flagStore()->count() >= 24);
    QCOMPARE(controller->connectionState(QStringLiteral("sandbox")), ConnectionState::Connected);
    // Persisted, so the next start finds the same connection.
    QCOMPARE(ConnectionSettings(settings).load().size(), 1);
}

void tst_ConsoleController::offlineShowsTheLastKnownStatesAsStale()
{
    QSettings settings(m_dir.filePath(QStringLiteral("offline.ini")), QSettings::IniFormat);
    const QString auditPath = freshAuditPath();
    const FlagRef route{QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("chat-model-route")};
    int liveRows = 0;
    {
        auto online = std::make_unique<ConsoleController>(settings, TestAudit::openWriter(auditPath), &m_secrets);
        online->start(false);
        QTRY_VERIFY(online->initialLoadDone());
        liveRows = online->flagStore()->count();
        online->killSwitch()->kill({route});
        QTRY_VERIFY(!online->flagStore()->find(route)->flag.enabled);
    } // the console closes; everything it was told is in the cache

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    auto offline = std::make_unique<ConsoleController>(settings, TestAudit::openWriter(auditPath), &m_secrets);
    // The views' models follow the store from before the cache is read.
    ConsoleModels models(offline.get());
    QAbstractItemModelTester flagTester(models.flags(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester connectionTester(models.connections(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    offline->startOffline();
    QVERIFY(!offline->initialLoadDone());
    QTRY_VERIFY(offline->initialLoadDone());
    QCOMPARE(offline->server(QStringLiteral("sandbox")), nullptr); // no connection attempted
    QCOMPARE(offline->connectionState(QStringLiteral("sandbox")), ConnectionState::Offline);
    QCOMPARE(offline->flagStore()->count(), liveRows);
    QCOMPARE(models.flags()->rowCount(), liveRows);
    QCOMPARE(models.connections()->state(QStringLiteral("sandbox")), ConnectionState::Offline);
    const FlagTableModel::Row *row = offline->flagStore()->find(route);
    QVERIFY(row);
    QVERIFY(!row->flag.enabled); // the kill, as last seen
    QVERIFY(row->staleSinceMs > 0 && row->staleSinceMs <= before);
    QVERIFY(FlagTableModel::stateText(*row).startsWith(QStringLiteral("Off · stale, ")));
    QCOMPARE(FlagTableModel::actionLabel(*row), QStringLiteral("Offline"));
    QCOMPARE(FlagTableModel::rowAction(*row), FlagTableModel::RowAction::None);
    offline->killSwitch()->restore({route}); // nothing to act on offline
    QCOMPARE(offline->killSwitch()->pendingCount(), 0);
    // Its stage is still shown, from the cached flag, but no stage action can be sent.
    QCOMPARE(row->stage, QStringLiteral("off"));
    QVERIFY(offline->stageActions()->snapshot(route).offline);
    const Result<StagePreview> rollback = offline->stageActions()->preview(route, FlagAction::RollbackStage);
    QVERIFY(!rollback);
    QVERIFY(rollback.error().startsWith(QStringLiteral("offline")));
}

void tst_ConsoleController::exportWritesTheFilteredHistory()
{
    QSettings settings(m_dir.filePath(QStringLiteral("export.ini")), QSettings::IniFormat);
    auto controller = started(settings, false);
    QTRY_VERIFY(controller->auditSync(QStringLiteral("sandbox"))->isCaughtUp());
    QSignalSpy finished(controller.get(), &ConsoleController::auditExportFinished);
    AuditFilter filter;
    filter.flagKey = QStringLiteral("chat-model-route");
    filter.environment = QStringLiteral("production");
    const QString path = m_dir.filePath(QStringLiteral("route.ndjson"));
    controller->exportAudit(filter, AuditExportFormat::Ndjson, path);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toString(), path);
    QCOMPARE(finished.first().at(2).toString(), QString());
    const qint64 rows = finished.first().at(1).toLongLong();
    QVERIFY(rows >= 2); // created, then widened at least once
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), rows + 1);
    QVERIFY(lines.first().contains("\"flag_key\":\"chat-model-route\""));

    controller->exportAudit(filter, AuditExportFormat::Csv, m_dir.filePath(QStringLiteral("no/such/folder/x.csv")));
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY(!finished.last().at(2).toString().isEmpty());
}

void tst_ConsoleController::secondSandboxShowsUnderItsOwnName()
{
    QSettings settings(m_dir.filePath(QStringLiteral("second.ini")), QSettings::IniFormat);
    auto controller = started(settings, false);
    const int firstCount = controller->flagStore()->count();
    const QString id = controller->addSandboxConnection(QStringLiteral("Staging lab"));
    QTRY_COMPARE(controller->flagStore()->count(), firstCount * 2);
    int ownRows = 0;
    for (int row = 0; row < controller->flagStore()->count(); ++row) {
        const FlagTableModel::Row &flagRow = controller->flagStore()->at(row);
        if (flagRow.ref.connectionId == id) {
            QCOMPARE(flagRow.serverName, QStringLiteral("Staging lab"));
            ++ownRows;
        }
    }
    QCOMPARE(ownRows, firstCount);
    QCOMPARE(ConnectionSettings(settings).load().size(), 2);

    controller->removeConnection(id);
    QCOMPARE(controller->flagStore()->count(), firstCount);
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
    QCOMPARE(controller->connectionStatuses().size(), 1);
    QCOMPARE(controller->connectionState(QStringLiteral("sandbox")), ConnectionState::Connected);
    // The configured server is kept, only not started.
    const QList<ConnectionConfig> saved = ConnectionSettings(settings).load();
    QCOMPARE(saved.size(), 2);
    QCOMPARE(saved.first().id, QStringLiteral("fb"));
}

void tst_ConsoleController::aTokenMissingFromTheKeychainFailsTheConnection()
{
    QSettings settings(m_dir.filePath(QStringLiteral("token.ini")), QSettings::IniFormat);
    ConnectionConfig unleash;
    unleash.id = QStringLiteral("un");
    unleash.kind = ConnectionConfig::Kind::Unleash;
    unleash.displayName = QStringLiteral("Unleash");
    unleash.url = QUrl(QStringLiteral("http://127.0.0.1:9"));
    unleash.secretRef = QStringLiteral("connection/un/token");
    ConnectionSettings(settings).save({unleash});
    auto controller = std::make_unique<ConsoleController>(settings, TestAudit::openWriter(freshAuditPath()), &m_secrets);
    controller->setInboxLocation(m_dir.filePath(QStringLiteral("token-inbox.sqlite")));
    QSignalSpy problem(controller.get(), &ConsoleController::connectionProblem);
    controller->start(false);
    QTRY_COMPARE(problem.size(), 1);
    QTRY_VERIFY(controller->initialLoadDone());
    QCOMPARE(controller->connectionState(QStringLiteral("un")), ConnectionState::Failed);
    QVERIFY2(problem.first().at(1).toString().contains(QStringLiteral("no admin token")), qPrintable(problem.first().at(1).toString()));
}

void tst_ConsoleController::aTokenFileForAGuardIsReadableByItsOwnerOnly()
{
    QSettings settings(m_dir.filePath(QStringLiteral("tokenfile.ini")), QSettings::IniFormat);
    ConnectionConfig unleash;
    unleash.id = QStringLiteral("un-prod");
    unleash.kind = ConnectionConfig::Kind::Unleash;
    unleash.displayName = QStringLiteral("Unleash");
    unleash.url = QUrl(QStringLiteral("http://127.0.0.1:9"));
    unleash.secretRef = QStringLiteral("connection/un-prod/token");
    ConnectionSettings(settings).save({unleash});
    bool stored = false;
    m_secrets.writeSecret(unleash.secretRef, QStringLiteral("user:abc123"), [&](const QString &error) { stored = error.isEmpty(); });
    QTRY_VERIFY(stored);
    auto controller = started(settings, false);

    const QString path = m_dir.filePath(QStringLiteral("un-prod"));
    std::optional<QString> outcome;
    controller->writeTokenFile(unleash.id, path, [&](const QString &error) { outcome = error; });
    QTRY_VERIFY(outcome.has_value());
    QCOMPARE(*outcome, QString());
    QCOMPARE(QFileInfo(path).permissions() & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
             QFile::Permissions());
    // What a guard reads back is the token.
    QCOMPARE(FileSecretStore::readTokenFile(path).value(), QStringLiteral("user:abc123"));

    outcome.reset();
    controller->writeTokenFile(QStringLiteral("sandbox"), m_dir.filePath(QStringLiteral("sandbox")),
                               [&](const QString &error) { outcome = error; });
    QTRY_VERIFY(outcome.has_value());
    QVERIFY(!outcome->isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("sandbox"))));
}

QTEST_GUILESS_MAIN(tst_ConsoleController)
#include "tst_consolecontroller.moc"
