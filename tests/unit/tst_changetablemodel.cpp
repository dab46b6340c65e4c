#include "control/flagstore.h"
#include "item/changetablemodel.h"
#include "item/flagstateatmodel.h"
#include "store/auditcache.h"
#include "store/changehistory.h"

#include "../support/changefixtures.h"
#include "../support/testresult.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ChangeFixtures;

// "What changed" as a tree of flags and their changes, and every flag as it was at a time beside
// how it is now: both read from a real audit cache.
class tst_ChangeTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void groupsTheWindowWithNetChangeAndMarks();
    void newChangesJoinTheirFlag();
    void nothingIsReadBeforeAWindowIsShown();
    void flagsAsTheyWereBesideNow();

private:
    void write(const QList<AuditEntry> &entries);
    static QString serverName(const QString &id) { return id == QLatin1String("featbit-prod") ? QStringLiteral("FeatBit prod") : id; }

    QTemporaryDir m_dir;
    std::unique_ptr<AuditCache> m_cache;
    std::unique_ptr<ChangeHistory> m_history;
};

void tst_ChangeTableModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ChangeTableModel::init()
{
    m_history.reset();
    m_cache.reset();
    static int n = 0;
    const QString path = m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(++n));
    m_cache = std::make_unique<AuditCache>();
    VERIFY_OK(m_cache->open(path));
    m_history = std::make_unique<ChangeHistory>();
    VERIFY_OK(m_history->open(path));
}

void tst_ChangeTableModel::write(const QList<AuditEntry> &entries)
{
    AuditBatch batch;
    batch.entries = entries;
    VERIFY_OK(m_cache->write(batch));
}

void tst_ChangeTableModel::groupsTheWindowWithNetChangeAndMarks()
{
    write(nightOfChanges());
    ChangeTableModel model(m_history.get(), &tst_ChangeTableModel::serverName);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    VERIFY_OK(model.showSince(Now - 60 * Minute));

    QCOMPARE(model.rowCount(), 1);
    const QModelIndex flag = model.index(0, 0);
    QCOMPARE(model.rowCount(flag), 3);
    QCOMPARE(model.data(flag.siblingAtColumn(ChangeTableModel::FlagColumn)).toString(),
             QStringLiteral("support-assistant-route · production · FeatBit prod"));
    QCOMPARE(model.data(flag.siblingAtColumn(ChangeTableModel::ChangeColumn)).toString(),
             QStringLiteral("disabled, rollout of baseline_profile 95% → 50%, rollout of citation_first_v2 5% → 50% "
                            "(net of 3 changes)"));
    QCOMPARE(model.data(flag.siblingAtColumn(ChangeTableModel::WhoColumn)).toString(),
             QStringLiteral("guardrail-monitor (monitor), rollout-agent (agent), alice@example.com"));
    QCOMPARE(ChangeTableModel::Mark(model.data(flag, ChangeTableModel::MarkRole).toInt()), ChangeTableModel::Mark::Monitor);
    QCOMPARE(model.data(flag, ChangeTableModel::ChangeIdRole).toLongLong(), 0);

    // Newest first, each in words, with who and the actor kind's mark.
    const QModelIndex kill = model.index(0, 0, flag);
    QCOMPARE(model.data(kill.siblingAtColumn(ChangeTableModel::FlagColumn)).toString(), QStringLiteral("kill"));
    QCOMPARE(model.data(kill.siblingAtColumn(ChangeTableModel::ChangeColumn)).toString(), QStringLiteral("disabled"));
    QCOMPARE(ChangeTableModel::Mark(model.data(kill, ChangeTableModel::MarkRole).toInt()), ChangeTableModel::Mark::Monitor);
    const QModelIndex agent = model.index(1, 0, flag);
    QCOMPARE(model.data(agent.siblingAtColumn(ChangeTableModel::WhoColumn)).toString(), QStringLiteral("rollout-agent (agent)"));
    QCOMPARE(ChangeTableModel::Mark(model.data(agent, ChangeTableModel::MarkRole).toInt()), ChangeTableModel::Mark::Agent);
    const QModelIndex person = model.index(2, 0, flag);
    QCOMPARE(ChangeTableModel::Mark(model.data(person, ChangeTableModel::MarkRole).toInt()), ChangeTableModel::Mark::None);
    QVERIFY(model.data(person, ChangeTableModel::ChangeIdRole).toLongLong() > 0);
    QCOMPARE(model.change(person)->entry.sourceId, QStringLiteral("fb-1002"));
    QCOMPARE(model.indexOf(model.group(flag)->ref, model.change(agent)->id), agent);
    QCOMPARE(model.parent(agent), flag);
}

void tst_ChangeTableModel::newChangesJoinTheirFlag()
{
    QList<AuditEntry> night = nightOfChanges();
    const AuditEntry kill = night.takeLast();
    write(night);
    ChangeTableModel model(m_history.get(), &tst_ChangeTableModel::serverName);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    VERIFY_OK(model.showSince(Now - 60 * Minute));
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);

    write({kill});
    VERIFY_OK(model.readNewer());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 3);
    QCOMPARE(model.change(model.index(0, 0, model.index(0, 0)))->entry.sourceId, QStringLiteral("fd-kill-2"));
    // Nothing new: nothing moves.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    VERIFY_OK(model.readNewer());
    QCOMPARE(resets.count(), 0);
}

void tst_ChangeTableModel::nothingIsReadBeforeAWindowIsShown()
{
    write(nightOfChanges());
    ChangeTableModel model(m_history.get(), &tst_ChangeTableModel::serverName);
    VERIFY_OK(model.readNewer());
    QCOMPARE(model.rowCount(), 0);
}

void tst_ChangeTableModel::flagsAsTheyWereBesideNow()
{
    write(nightOfChanges());
    FlagStore flags;
    // Now: killed at 50%; and a flag with no history at all.
    Flag other = routeFlag(0, true, QStringLiteral("x1"));
    other.key = QStringLiteral("answer-cache");
    flags.reportEnvironment(QStringLiteral("featbit-prod"), QStringLiteral("production"),
                            {routeFlag(5000, false, QStringLiteral("r9")), other});
    FlagStateAtModel model(m_history.get(), &flags, &tst_ChangeTableModel::serverName);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // 01:20, before the agent and the monitor: on at 20%.
    VERIFY_OK(model.showAt(Now - 40 * Minute));
    QCOMPARE(model.rowCount(), 2);
    const int route = model.index(0, 0).data().toString() == QLatin1String("answer-cache") ? 1 : 0;
    QCOMPARE(model.index(route, FlagStateAtModel::ThenColumn).data().toString(),
             QStringLiteral("on · baseline 80% · citation 20%"));
    QCOMPARE(model.index(route, FlagStateAtModel::NowColumn).data().toString(), QStringLiteral("off (serves baseline_profile)"));
    QVERIFY(model.index(route, 0).data(FlagStateAtModel::DiffersRole).toBool());
    QVERIFY(model.index(route, FlagStateAtModel::ChangedByColumn).data().toString().startsWith(QLatin1String("alice@example.com at ")));
    QCOMPARE(model.index(1 - route, FlagStateAtModel::ThenColumn).data().toString(), QStringLiteral("no change recorded before then"));
    QVERIFY(!model.index(1 - route, 0).data(FlagStateAtModel::DiffersRole).toBool());
    QCOMPARE(model.headerData(FlagStateAtModel::ThenColumn, Qt::Horizontal).toString(),
             QStringLiteral("At %1 (history)").arg(QDateTime::fromMSecsSinceEpoch(Now - 40 * Minute).toString(QStringLiteral("HH:mm"))));

    // After the kill: as it is now.
    VERIFY_OK(model.showAt(Now));
    QCOMPARE(model.index(route, FlagStateAtModel::ThenColumn).data().toString(), QStringLiteral("off (serves baseline_profile)"));
    QVERIFY(!model.index(route, 0).data(FlagStateAtModel::DiffersRole).toBool());
}

QTEST_GUILESS_MAIN(tst_ChangeTableModel)
#include "tst_changetablemodel.moc"
