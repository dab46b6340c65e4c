#include "item/activitylogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// The console's recent messages: newest first, with time and kind, the last few hundred kept.
class tst_ActivityLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newestFirstWithTimeAndKind();
    void anEarlierKillStaysWhenProposalsFollow();
    void boundedToTheLastOnes();
    void capacityShrinks();

private:
    QString messageAt(int row) const
    {
        return m_model->index(row, ActivityLogModel::MessageColumn).data().toString();
    }

    ActivityLogModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void tst_ActivityLogModel::init()
{
    m_model = new ActivityLogModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void tst_ActivityLogModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void tst_ActivityLogModel::newestFirstWithTimeAndKind()
{
    const qint64 at = QDateTime(QDate(2026, 11, 30), QTime(2, 14, 7)).toMSecsSinceEpoch();
    QSignalSpy added(m_model, &ActivityLogModel::added);
    m_model->add(ActivityLogModel::Kind::Regression, QStringLiteral("p95_latency regressed"), at);
    m_model->add(ActivityLogModel::Kind::Kill, QStringLiteral("chat-model-route in production is off"), at + 1000);
    QCOMPARE(added.size(), 2);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(ActivityLogModel::ColumnCount));
    QCOMPARE(messageAt(0), QStringLiteral("chat-model-route in production is off"));
    QCOMPARE(m_model->index(0, ActivityLogModel::TimeColumn).data().toString(), QStringLiteral("02:14:08"));
    QCOMPARE(m_model->index(0, ActivityLogModel::KindColumn).data().toString(), QStringLiteral("kill"));
    QCOMPARE(m_model->index(1, ActivityLogModel::KindColumn).data().toString(), QStringLiteral("regression"));
    QCOMPARE(m_model->index(1, 0).data(ActivityLogModel::KindRole).toInt(), int(ActivityLogModel::Kind::Regression));
    QCOMPARE(m_model->index(1, 0).data(ActivityLogModel::TimeRole).toLongLong(), at);
    const QString tip = m_model->index(0, ActivityLogModel::MessageColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("2026-11-30 02:14:08")) && tip.contains(QStringLiteral("is off")), qPrintable(tip));
    QCOMPARE(m_model->headerData(ActivityLogModel::KindColumn, Qt::Horizontal).toString(), QStringLiteral("Kind"));
}

void tst_ActivityLogModel::anEarlierKillStaysWhenProposalsFollow()
{
    m_model->add(ActivityLogModel::Kind::Kill, QStringLiteral("killed"));
    for (int i = 0; i < 20; ++i)
        m_model->add(ActivityLogModel::Kind::Proposal, QStringLiteral("proposal %1").arg(i));
    QCOMPARE(m_model->rowCount(), 21);
    QCOMPARE(messageAt(0), QStringLiteral("proposal 19"));
    QCOMPARE(messageAt(20), QStringLiteral("killed"));
    QCOMPARE(m_model->entryAt(20).kind, ActivityLogModel::Kind::Kill);
}

void tst_ActivityLogModel::boundedToTheLastOnes()
{
    QCOMPARE(m_model->capacity(), ActivityLogModel::DefaultCapacity);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    for (int i = 0; i < ActivityLogModel::DefaultCapacity + 20; ++i)
        m_model->add(ActivityLogModel::Kind::Info, QStringLiteral("message %1").arg(i));
    QCOMPARE(m_model->rowCount(), ActivityLogModel::DefaultCapacity);
    QCOMPARE(removed.size(), 20);
    QCOMPARE(messageAt(0), QStringLiteral("message %1").arg(ActivityLogModel::DefaultCapacity + 19));
    QCOMPARE(messageAt(ActivityLogModel::DefaultCapacity - 1), QStringLiteral("message 20"));
}

void tst_ActivityLogModel::capacityShrinks()
{
    for (int i = 0; i < 10; ++i)
        m_model->add(ActivityLogModel::Kind::Confirmation, QStringLiteral("message %1").arg(i));
    m_model->setCapacity(3);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(messageAt(2), QStringLiteral("message 7"));
    m_model->add(ActivityLogModel::Kind::Failure, QStringLiteral("failed"));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(messageAt(0), QStringLiteral("failed"));
    QCOMPARE(messageAt(2), QStringLiteral("message 8"));
}

QTEST_GUILESS_MAIN(tst_ActivityLogModel)
#include "tst_activitylogmodel.moc"
