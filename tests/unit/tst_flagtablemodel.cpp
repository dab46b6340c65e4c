#include "item/flagtablemodel.h"
#include "storefeed.h"
#include "testflags.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

class tst_FlagTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void replaceInsertsRows();
    void replaceUpdatesOnlyChangedRows();
    void replaceRemovesVanishedFlags();
    void environmentsAndConnectionsAreSeparate();
    void upsertAddsOrUpdates();
    void removeConnection();
    void stateText_data();
    void stateText();
    void offOnlyFromServerData();
    void exposureFollowsState();
    void sortRoleIsTyped();

private:
    FlagStore *m_store = nullptr;
    FlagTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

namespace {
const QString Conn = QStringLiteral("c1");
const QString Prod = QStringLiteral("production");
} // namespace

void tst_FlagTableModel::init()
{
    m_store = new FlagStore;
    m_model = new FlagTableModel(m_store);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void tst_FlagTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_store;
}

void tst_FlagTableModel::replaceInsertsRows()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    StoreFeed::environment(*m_store, Conn, QStringLiteral("Sandbox"), Prod, TestFlags::many(50));
    QCOMPARE(m_model->rowCount(), 50);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->index(3, FlagTableModel::KeyColumn).data().toString(), QStringLiteral("flag-3"));
    QCOMPARE(m_model->index(3, FlagTableModel::ServerColumn).data().toString(), QStringLiteral("Sandbox"));
    QCOMPARE(m_model->index(3, FlagTableModel::EnvironmentColumn).data().toString(), Prod);
    QCOMPARE(m_model->rowOf({Conn, Prod, QStringLiteral("flag-7")}), 7);
    QCOMPARE(m_model->index(7, 0).data(FlagTableModel::FlagRefRole).value<FlagRef>(),
             (FlagRef{Conn, Prod, QStringLiteral("flag-7")}));
}

void tst_FlagTableModel::replaceUpdatesOnlyChangedRows()
{
    QList<Flag> flags = TestFlags::many(10);
    StoreFeed::environment(*m_store, Conn, QStringLiteral("Sandbox"), Prod, flags);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    flags[4].enabled = !flags[4].enabled;
    StoreFeed::environment(*m_store, Conn, QStringLiteral("Sandbox"), Prod, flags);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 4);
    QCOMPARE(inserted.size(), 0);
}

void tst_FlagTableModel::replaceRemovesVanishedFlags()
{
    QList<Flag> flags = TestFlags::many(10);
    StoreFeed::environment(*m_store, Conn, QStringLiteral("Sandbox"), Prod, flags);
    flags.removeAt(8);
    flags.removeAt(2);
    flags.removeAt(1);
    StoreFeed::environment(*m_store, Conn, QStringLiteral("Sandbox"), Prod, flags);
    QCOMPARE(m_model->rowCount(), 7);
    QCOMPARE(m_model->rowOf({Conn, Prod, QStringLiteral("flag-2")}), -1);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->rowOf(m_model->rowAt(row).ref), row);
}

void tst_FlagTableModel::environmentsAndConnectionsAreSeparate()
{
    StoreFeed::environment(*m_store, Conn, QStringLiteral("A"), Prod, TestFlags::many(3));
    StoreFeed::environment(*m_store, Conn, QStringLiteral("A"), QStringLiteral("staging"), TestFlags::many(3));
    StoreFeed::environment(*m_store, QStringLiteral("c2"), QStringLiteral("B"), Prod, TestFlags::many(3));
    QCOMPARE(m_model->rowCount(), 9);
    StoreFeed::environment(*m_store, Conn, QStringLiteral("A"), QStringLiteral("staging"), {});
    QCOMPARE(m_model->rowCount(), 6);
    QVERIFY(m_model->row({QStringLiteral("c2"), Prod, QStringLiteral("flag-0")}));
}

void tst_FlagTableModel::upsertAddsOrUpdates()
{
    StoreFeed::flag(*m_store, Conn, QStringLiteral("Sandbox"), Prod, TestFlags::make(QStringLiteral("a")));
    QCOMPARE(m_model->rowCount(), 1);
    Flag changed = TestFlags::make(QStringLiteral("a"));
    changed.revision = QStringLiteral("r2");
    QSignalSpy dataChanged(m_model, &QAbstractItemModel::dataChanged);
    StoreFeed::flag(*m_store, Conn, QStringLiteral("Sandbox"), Prod, changed);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(dataChanged.size(), 1);
    QCOMPARE(m_model->rowAt(0).flag.revision, QStringLiteral("r2"));
    StoreFeed::flag(*m_store, Conn, QStringLiteral("Sandbox"), Prod, changed);
    QCOMPARE(dataChanged.size(), 1); // nothing changed, nothing announced
}

void tst_FlagTableModel::removeConnection()
{
    StoreFeed::environment(*m_store, Conn, QStringLiteral("A"), Prod, TestFlags::many(4));
    StoreFeed::environment(*m_store, QStringLiteral("c2"), QStringLiteral("B"), Prod, TestFlags::many(4));
    StoreFeed::environment(*m_store, Conn, QStringLiteral("A"), QStringLiteral("staging"), TestFlags::many(4));
    m_store->removeConnection(Conn);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->rowAt(0).ref.connectionId, QStringLiteral("c2"));
}

void tst_FlagTableModel::stateText_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("operation");
    QTest::addColumn<bool>("undoOffered");
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("action");
    using Op = FlagTableModel::Operation;
    using Action = FlagTableModel::RowAction;
    QTest::newRow("on") << true << int(Op::None) << false << QStringLiteral("On") << int(Action::Kill);
    QTest::newRow("off") << false << int(Op::None) << false << QStringLiteral("Off") << int(Action::Restore);
    QTest::newRow("off, undo") << false << int(Op::None) << true << QStringLiteral("Off") << int(Action::Undo);
    QTest::newRow("kill pending") << true << int(Op::KillPending) << false << QStringLiteral("Kill pending…")
                                  << int(Action::None);
    QTest::newRow("kill failed") << true << int(Op::KillFailed) << false << QStringLiteral("Kill failed: boom")
                                 << int(Action::RetryKill);
    QTest::newRow("restore pending") << false << int(Op::RestorePending) << false << QStringLiteral("Restore pending…")
                                     << int(Action::None);
    QTest::newRow("restore failed") << false << int(Op::RestoreFailed) << false
                                    << QStringLiteral("Restore failed: boom") << int(Action::RetryRestore);
}

void tst_FlagTableModel::stateText()
{
    QFETCH(bool, enabled);
    QFETCH(int, operation);
    QFETCH(bool, undoOffered);
    QFETCH(QString, state);
    QFETCH(int, action);
    const FlagRef ref{Conn, Prod, QStringLiteral("a")};
    StoreFeed::flag(*m_store, Conn, QStringLiteral("S"), Prod, TestFlags::make(ref.key, enabled));
    m_store->setOperation(ref, FlagTableModel::Operation(operation), QStringLiteral("boom"));
    m_store->setUndoOffered(ref, undoOffered ? QDateTime::currentMSecsSinceEpoch() + 9500 : 0);
    QCOMPARE(m_model->indexOf(ref, FlagTableModel::StateColumn).data().toString(), state);
    QCOMPARE(m_model->indexOf(ref).data(FlagTableModel::RowActionRole).toInt(), action);
    // Undo counts down the seconds it has left.
    QCOMPARE(m_model->indexOf(ref, FlagTableModel::ActionColumn).data().toString(),
             undoOffered ? QStringLiteral("Undo (10 s)") : FlagTableModel::actionText(FlagTableModel::RowAction(action)));
}

void tst_FlagTableModel::offOnlyFromServerData()
{
    const FlagRef ref{Conn, Prod, QStringLiteral("a")};
    StoreFeed::flag(*m_store, Conn, QStringLiteral("S"), Prod, TestFlags::make(ref.key, true));
    m_store->setOperation(ref, FlagTableModel::Operation::KillPending);
    const FlagStore::KillMark kill{QStringLiteral("maria"), ActorKind::Human,
                                   QDateTime(QDate(2026, 11, 30), QTime(2, 13)).toMSecsSinceEpoch(), QStringLiteral("p95 up")};
    m_store->setKill(ref, kill); // even a stray mark cannot make an enabled flag read "off"
    QVERIFY(!m_model->indexOf(ref, FlagTableModel::StateColumn).data().toString().contains(QStringLiteral("Off")));
    m_store->setOperation(ref, FlagTableModel::Operation::None);
    QCOMPARE(m_model->indexOf(ref, FlagTableModel::StateColumn).data().toString(), QStringLiteral("On"));
    StoreFeed::flag(*m_store, Conn, QStringLiteral("S"), Prod, TestFlags::make(ref.key, false));
    m_store->setKill(ref, kill);
    const QModelIndex state = m_model->indexOf(ref, FlagTableModel::StateColumn);
    QCOMPARE(state.data().toString(), QStringLiteral("KILLED by maria at 02:13"));
    QCOMPARE(state.data(FlagTableModel::StateKindRole).toInt(), int(FlagTableModel::StateKind::Killed));
    QCOMPARE(state.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Killed by maria at 2026-11-30 02:13:00, confirmed by the server. Why: p95 up"));
    QVERIFY(!state.data(FlagTableModel::NeedsAttentionRole).toBool()); // a person's own kill needs no second look
    // A later change by anyone else supersedes what this console confirmed.
    StoreFeed::flag(*m_store, Conn, QStringLiteral("S"), Prod, TestFlags::make(ref.key, true));
    StoreFeed::flag(*m_store, Conn, QStringLiteral("S"), Prod, TestFlags::make(ref.key, false));
    QCOMPARE(m_model->indexOf(ref, FlagTableModel::StateColumn).data().toString(), QStringLiteral("Off"));
}

void tst_FlagTableModel::exposureFollowsState()
{
    const FlagRef ref{Conn, Prod, QStringLiteral("a")};
    StoreFeed::flag(*m_store, Conn, QStringLiteral("S"), Prod, TestFlags::make(ref.key, true, 500));
    QCOMPARE(m_model->indexOf(ref, FlagTableModel::ExposureColumn).data().toString(),
             QStringLiteral("baseline 95% · candidate 5%"));
    StoreFeed::flag(*m_store, Conn, QStringLiteral("S"), Prod, TestFlags::make(ref.key, false, 500));
    QCOMPARE(m_model->indexOf(ref, FlagTableModel::ExposureColumn).data().toString(), QStringLiteral("baseline 100%"));
    const auto served = m_model->indexOf(ref).data(FlagTableModel::EffectiveRolloutRole).value<Rollout>();
    QCOMPARE(served.basisPointsOf(QStringLiteral("baseline")), 10000);
}

void tst_FlagTableModel::sortRoleIsTyped()
{
    StoreFeed::flag(*m_store, Conn, QStringLiteral("S"), Prod, TestFlags::make(QStringLiteral("a")));
    QCOMPARE(m_model->index(0, FlagTableModel::LastChangeColumn).data(FlagTableModel::SortRole).typeId(),
             QMetaType::LongLong);
    QCOMPARE(m_model->index(0, FlagTableModel::ExposureColumn).data(FlagTableModel::SortRole).toInt(), 500);
}

QTEST_GUILESS_MAIN(tst_FlagTableModel)
#include "tst_flagtablemodel.moc"
