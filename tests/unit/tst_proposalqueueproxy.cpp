#include "item/proposalqueueproxy.h"
#include "item/proposaltablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

// The approval queue's order: what a guardrail regression asked for first, then newest first.
class tst_ProposalQueueProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void regressionDrivenFirst();
    void aLateRollbackIsNotBuried();
    void decidedRollbacksFallBackInTime();
    void filtersByStatus();
    void holdsStillWhileAimedAt();
    void onlyRegressionEvidenceMakesItUrgent_data();
    void onlyRegressionEvidenceMakesItUrgent();

private:
    static Proposal expansion(const QString &id, qint64 createdMs);
    static Proposal rollback(const QString &id, qint64 createdMs, FlagAction action = FlagAction::RollbackStage);
    QStringList order() const;

    ProposalTableModel *m_model = nullptr;
    ProposalQueueProxy *m_proxy = nullptr;
    QAbstractItemModelTester *m_modelTester = nullptr;
    QAbstractItemModelTester *m_proxyTester = nullptr;
};

Proposal tst_ProposalQueueProxy::expansion(const QString &id, qint64 createdMs)
{
    Proposal proposal;
    proposal.id = id;
    proposal.createdMs = createdMs;
    proposal.expiresMs = createdMs + 3600000;
    proposal.proposer = {QStringLiteral("sandbox-release-agent"), QString(), QString(), QString()};
    proposal.target = {QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("flag-") + id};
    proposal.action = FlagAction::AdvanceStage;
    proposal.evidence = {{QStringLiteral("metrics"), QJsonObject{{QStringLiteral("verdict"), QStringLiteral("healthy")}}}};
    return proposal;
}

Proposal tst_ProposalQueueProxy::rollback(const QString &id, qint64 createdMs, FlagAction action)
{
    Proposal proposal = expansion(id, createdMs);
    proposal.action = action;
    proposal.evidence = {{QStringLiteral("metrics"), QJsonObject{{QStringLiteral("verdict"), QStringLiteral("regressed")}}}};
    return proposal;
}

QStringList tst_ProposalQueueProxy::order() const
{
    QStringList ids;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        ids.append(m_proxy->index(row, 0).data(ProposalTableModel::ProposalIdRole).toString());
    return ids;
}

void tst_ProposalQueueProxy::init()
{
    m_model = new ProposalTableModel;
    m_proxy = new ProposalQueueProxy;
    m_proxy->setSourceModel(m_model);
    m_modelTester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_proxyTester = new QAbstractItemModelTester(m_proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void tst_ProposalQueueProxy::cleanup()
{
    delete m_proxyTester;
    delete m_modelTester;
    delete m_proxy;
    delete m_model;
}

void tst_ProposalQueueProxy::regressionDrivenFirst()
{
    m_model->upsert({expansion(QStringLiteral("e1"), 1000), rollback(QStringLiteral("r1"), 1500),
                     expansion(QStringLiteral("e2"), 2000), rollback(QStringLiteral("k1"), 2500, FlagAction::Kill),
                     expansion(QStringLiteral("e3"), 3000)});
    QCOMPARE(order(), (QStringList{QStringLiteral("k1"), QStringLiteral("r1"), QStringLiteral("e3"), QStringLiteral("e2"),
                                   QStringLiteral("e1")}));
    QVERIFY(m_proxy->index(0, 0).data(ProposalTableModel::UrgentRole).toBool());
    QVERIFY(!m_proxy->index(2, 0).data(ProposalTableModel::UrgentRole).toBool());
}

void tst_ProposalQueueProxy::aLateRollbackIsNotBuried()
{
    for (int i = 0; i < 16; ++i)
        m_model->upsert({expansion(QStringLiteral("e%1").arg(i), 1000 + i)});
    m_model->upsert({rollback(QStringLiteral("r"), 500)}); // older than every expansion, and read last
    QCOMPARE(order().first(), QStringLiteral("r"));
    m_model->upsert({expansion(QStringLiteral("late"), 5000)});
    QCOMPARE(order().first(), QStringLiteral("r"));
    QCOMPARE(order().at(1), QStringLiteral("late"));
}

void tst_ProposalQueueProxy::decidedRollbacksFallBackInTime()
{
    m_model->upsert({rollback(QStringLiteral("r"), 1000), expansion(QStringLiteral("e"), 2000)});
    QCOMPARE(order(), (QStringList{QStringLiteral("r"), QStringLiteral("e")}));
    Proposal done = rollback(QStringLiteral("r"), 1000);
    done.status = ProposalStatus::Executed;
    m_model->upsert({done});
    QCOMPARE(order(), (QStringList{QStringLiteral("e"), QStringLiteral("r")}));
}

void tst_ProposalQueueProxy::filtersByStatus()
{
    Proposal rejected = rollback(QStringLiteral("x"), 3000);
    rejected.status = ProposalStatus::Rejected;
    m_model->upsert({rollback(QStringLiteral("r"), 1000), expansion(QStringLiteral("e"), 2000), rejected});
    m_proxy->setStatusFilter(QStringLiteral("pending"));
    QCOMPARE(m_proxy->statusFilter(), QStringLiteral("pending"));
    QCOMPARE(order(), (QStringList{QStringLiteral("r"), QStringLiteral("e")}));
    m_proxy->setStatusFilter(QStringLiteral("rejected"));
    QCOMPARE(order(), QStringList{QStringLiteral("x")});
    m_proxy->setStatusFilter(QString());
    QCOMPARE(order(), (QStringList{QStringLiteral("r"), QStringLiteral("x"), QStringLiteral("e")}));
}

void tst_ProposalQueueProxy::holdsStillWhileAimedAt()
{
    m_proxy->setStatusFilter(QStringLiteral("pending"));
    m_model->upsert({expansion(QStringLiteral("e1"), 1000), expansion(QStringLiteral("e2"), 2000)});
    QCOMPARE(m_proxy->heldCount(), 0);
    m_proxy->setHolding(true);
    QVERIFY(m_proxy->isHolding());
    // A newer one waits; one that stopped being pending stays where it was.
    m_model->upsert({expansion(QStringLiteral("e3"), 3000)});
    Proposal superseded = expansion(QStringLiteral("e1"), 1000);
    superseded.status = ProposalStatus::Superseded;
    m_model->upsert({superseded});
    QCOMPARE(order(), (QStringList{QStringLiteral("e2"), QStringLiteral("e1")}));
    QCOMPARE(m_proxy->heldCount(), 1);
    // An urgent one joins at once, at the top.
    m_model->upsert({rollback(QStringLiteral("r"), 500)});
    QCOMPARE(order(), (QStringList{QStringLiteral("r"), QStringLiteral("e2"), QStringLiteral("e1")}));
    QCOMPARE(m_proxy->heldCount(), 1);
    // The hold ends: the list is as the filter and the order say.
    m_proxy->setHolding(false);
    QCOMPARE(order(), (QStringList{QStringLiteral("r"), QStringLiteral("e3"), QStringLiteral("e2")}));
    QCOMPARE(m_proxy->heldCount(), 0);
}

void tst_ProposalQueueProxy::onlyRegressionEvidenceMakesItUrgent_data()
{
    QTest::addColumn<Proposal>("proposal");
    QTest::addColumn<bool>("urgent");
    QTest::newRow("rollback for a regression") << rollback(QStringLiteral("a"), 1) << true;
    QTest::newRow("fallback for a regression") << rollback(QStringLiteral("a"), 1, FlagAction::ServeFallback) << true;
    QTest::newRow("kill for a regression") << rollback(QStringLiteral("a"), 1, FlagAction::Kill) << true;
    QTest::newRow("expansion") << expansion(QStringLiteral("a"), 1) << false;
    Proposal advance = rollback(QStringLiteral("a"), 1, FlagAction::AdvanceStage);
    QTest::newRow("an expansion is never urgent") << advance << false;
    Proposal plain = rollback(QStringLiteral("a"), 1);
    plain.evidence = {};
    QTest::newRow("a rollback without a regression") << plain << false;
}

void tst_ProposalQueueProxy::onlyRegressionEvidenceMakesItUrgent()
{
    QFETCH(Proposal, proposal);
    QFETCH(bool, urgent);
    QCOMPARE(isRegressionDriven(proposal), urgent);
    m_model->upsert({proposal});
    QCOMPARE(m_model->index(0, 0).data(ProposalTableModel::UrgentRole).toBool(), urgent);
}

QTEST_GUILESS_MAIN(tst_ProposalQueueProxy)
#include "tst_proposalqueueproxy.moc"
