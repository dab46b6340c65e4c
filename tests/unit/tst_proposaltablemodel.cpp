#include "item/proposaltablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class tst_ProposalTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newestFirst();
    void updatesInPlace();
    void pendingIsCounted();
    void cellsSayWhatAReviewerNeeds();

private:
    static Proposal proposal(const QString &id, qint64 createdMs, ProposalStatus status = ProposalStatus::Pending);

    ProposalTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

Proposal tst_ProposalTableModel::proposal(const QString &id, qint64 createdMs, ProposalStatus status)
{
    Proposal proposal;
    proposal.id = id;
    proposal.createdMs = createdMs;
    proposal.expiresMs = createdMs + 3600000;
    proposal.status = status;
    proposal.proposer = {QStringLiteral("rollback-bot"), QStringLiteral("claude-code"), QStringLiteral("2"),
                         QStringLiteral("claude-sonnet")};
    proposal.target = {QStringLiteral("c1"), QStringLiteral("production"), QStringLiteral("flag-") + id};
    proposal.reason = QStringLiteral("first line\nsecond line");
    return proposal;
}

void tst_ProposalTableModel::init()
{
    m_model = new ProposalTableModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void tst_ProposalTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void tst_ProposalTableModel::newestFirst()
{
    m_model->upsert({proposal(QStringLiteral("b"), 2000), proposal(QStringLiteral("a"), 1000)});
    m_model->upsert({proposal(QStringLiteral("c"), 3000)});
    m_model->upsert({proposal(QStringLiteral("m"), 1500)});
    QCOMPARE(m_model->rowCount(), 4);
    QStringList order;
    for (int row = 0; row < m_model->rowCount(); ++row)
        order.append(m_model->index(row, 0).data(ProposalTableModel::ProposalIdRole).toString());
    QCOMPARE(order, (QStringList{QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("m"), QStringLiteral("a")}));
}

void tst_ProposalTableModel::updatesInPlace()
{
    m_model->upsert({proposal(QStringLiteral("a"), 1000), proposal(QStringLiteral("b"), 2000)});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->upsert({proposal(QStringLiteral("a"), 1000, ProposalStatus::Executed)});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(m_model->proposal(QStringLiteral("a"))->status, ProposalStatus::Executed);
    m_model->upsert({proposal(QStringLiteral("a"), 1000, ProposalStatus::Executed)});
    QCOMPARE(changed.size(), 1); // nothing new: no signal
}

void tst_ProposalTableModel::pendingIsCounted()
{
    QSignalSpy pending(m_model, &ProposalTableModel::pendingCountChanged);
    m_model->upsert({proposal(QStringLiteral("a"), 1000), proposal(QStringLiteral("b"), 2000)});
    QCOMPARE(m_model->pendingCount(), 2);
    m_model->upsert({proposal(QStringLiteral("a"), 1000, ProposalStatus::Rejected)});
    QCOMPARE(m_model->pendingCount(), 1);
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.last().at(0).toInt(), 1);
}

void tst_ProposalTableModel::cellsSayWhatAReviewerNeeds()
{
    m_model->setServerNames([](const QString &id) { return id == QStringLiteral("c1") ? QStringLiteral("Sandbox") : QString(); });
    Proposal kill = proposal(QStringLiteral("a"), QDateTime::currentMSecsSinceEpoch(), ProposalStatus::Executed);
    kill.risk = Contract::Risk::Critical;
    m_model->upsert({kill});
    const auto cell = [this](int column) { return m_model->index(0, column).data().toString(); };
    QCOMPARE(cell(ProposalTableModel::StatusColumn), QStringLiteral("executed"));
    QCOMPARE(cell(ProposalTableModel::RiskColumn), QStringLiteral("critical"));
    QCOMPARE(cell(ProposalTableModel::ActionColumn), QStringLiteral("kill"));
    QCOMPARE(cell(ProposalTableModel::FlagColumn), QStringLiteral("flag-a@production"));
    QCOMPARE(m_model->index(0, ProposalTableModel::FlagColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("flag-a@production on Sandbox"));
    QCOMPARE(cell(ProposalTableModel::WhereColumn), QStringLiteral("Sandbox / production"));
    QCOMPARE(cell(ProposalTableModel::ProposerColumn), QStringLiteral("rollback-bot (claude-sonnet)"));
    QCOMPARE(cell(ProposalTableModel::ReasonColumn), QStringLiteral("first line"));
    QCOMPARE(m_model->index(0, ProposalTableModel::StatusColumn).data(ProposalTableModel::StatusNameRole).toString(),
             QStringLiteral("executed"));
    m_model->upsert({proposal(QStringLiteral("b"), QDateTime::currentMSecsSinceEpoch() + 1)});
    QVERIFY(cell(ProposalTableModel::StatusColumn).startsWith(QStringLiteral("pending · ")));
}

QTEST_GUILESS_MAIN(tst_ProposalTableModel)
#include "tst_proposaltablemodel.moc"
