#include "item/flagfilterproxy.h"
#include "item/flagtablemodel.h"
#include "storefeed.h"
#include "testflags.h"

#include <QAbstractItemModelTester>
#include <QTest>

class tst_FlagFilterProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void search_data();
    void search();
    void scope();
    void sortsByTypedRole();
    void attentionOnlyKeepsTheFlagsThatNeedAPerson();
    void rowsAlikeKeepKeyThenEnvironmentOrder();

private:
    FlagStore *m_store = nullptr;
    FlagTableModel *m_model = nullptr;
    FlagFilterProxy *m_proxy = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void tst_FlagFilterProxy::init()
{
    m_store = new FlagStore;
    m_model = new FlagTableModel(m_store);
    m_proxy = new FlagFilterProxy;
    m_proxy->setFlagModel(m_model);
    m_tester = new QAbstractItemModelTester(m_proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Flag route = TestFlags::make(QStringLiteral("chat-model-route"));
    route.description = QStringLiteral("Which model serves chat");
    Flag guardrail = TestFlags::make(QStringLiteral("pii-guardrail-mode"));
    guardrail.tags = {QStringLiteral("trust-and-safety")};
    StoreFeed::environment(*m_store, QStringLiteral("c1"), QStringLiteral("Sandbox"), QStringLiteral("production"), {route, guardrail});
    StoreFeed::environment(*m_store, QStringLiteral("c1"), QStringLiteral("Sandbox"), QStringLiteral("staging"), {route});
    StoreFeed::environment(*m_store, QStringLiteral("c2"), QStringLiteral("Team FeatBit"), QStringLiteral("production"), {guardrail});
}

void tst_FlagFilterProxy::cleanup()
{
    delete m_tester;
    delete m_proxy;
    delete m_model;
    delete m_store;
}

void tst_FlagFilterProxy::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::newRow("nothing") << QString() << 4;
    QTest::newRow("key") << QStringLiteral("chat-model") << 2;
    QTest::newRow("case") << QStringLiteral("PII") << 2;
    QTest::newRow("description") << QStringLiteral("serves chat") << 2;
    QTest::newRow("tag") << QStringLiteral("trust-and") << 2;
    QTest::newRow("server") << QStringLiteral("featbit") << 1;
    QTest::newRow("environment") << QStringLiteral("staging") << 1;
    QTest::newRow("spaces trimmed") << QStringLiteral("  staging ") << 1;
    QTest::newRow("no match") << QStringLiteral("zzz") << 0;
    // Each word anywhere in the row, not the words side by side.
    QTest::newRow("key and environment") << QStringLiteral("chat-model-route staging") << 1;
    QTest::newRow("key and server") << QStringLiteral("pii featbit") << 1;
    QTest::newRow("one word matches nothing") << QStringLiteral("chat zzz") << 0;
}

void tst_FlagFilterProxy::search()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    m_proxy->setSearchText(text);
    QCOMPARE(m_proxy->rowCount(), rows);
}

void tst_FlagFilterProxy::scope()
{
    m_proxy->setScope(QStringLiteral("c1"), QString());
    QCOMPARE(m_proxy->rowCount(), 3);
    m_proxy->setScope(QStringLiteral("c1"), QStringLiteral("staging"));
    QCOMPARE(m_proxy->rowCount(), 1);
    m_proxy->setSearchText(QStringLiteral("pii"));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setScope(QString(), QString());
    QCOMPARE(m_proxy->rowCount(), 2);
}

void tst_FlagFilterProxy::sortsByTypedRole()
{
    StoreFeed::flag(*m_store, QStringLiteral("c1"), QStringLiteral("Sandbox"), QStringLiteral("production"),
                        TestFlags::make(QStringLiteral("zeta"), true, 9000));
    m_proxy->sort(FlagTableModel::ExposureColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, FlagTableModel::KeyColumn).data().toString(), QStringLiteral("zeta"));
    m_proxy->sort(FlagTableModel::KeyColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->index(0, FlagTableModel::KeyColumn).data().toString(), QStringLiteral("chat-model-route"));
}

void tst_FlagFilterProxy::attentionOnlyKeepsTheFlagsThatNeedAPerson()
{
    const FlagRef regressed{QStringLiteral("c1"), QStringLiteral("production"), QStringLiteral("chat-model-route")};
    m_store->setHealth(regressed, GuardrailVerdict::Regressed, QStringLiteral("p95_latency regressed"));
    m_proxy->setAttentionOnly(true);
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->index(0, 0).data(FlagTableModel::FlagRefRole).value<FlagRef>(), regressed);
    QVERIFY(m_proxy->index(0, 0).data(FlagTableModel::NeedsAttentionRole).toBool());
    m_store->setHealth(regressed, GuardrailVerdict::Healthy, QStringLiteral("healthy again"));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setAttentionOnly(false);
    QCOMPARE(m_proxy->rowCount(), 4);
}

void tst_FlagFilterProxy::rowsAlikeKeepKeyThenEnvironmentOrder()
{
    // Three Sandbox rows alike in the sorted column: by key, then environment, both ways round.
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        m_proxy->sort(FlagTableModel::ServerColumn, order);
        QStringList sandboxRows;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const FlagRef ref = m_proxy->index(row, 0).data(FlagTableModel::FlagRefRole).value<FlagRef>();
            if (ref.connectionId == QLatin1String("c1"))
                sandboxRows.append(ref.key + QLatin1Char('/') + ref.environment);
        }
        QCOMPARE(sandboxRows, (QStringList{QStringLiteral("chat-model-route/production"), QStringLiteral("chat-model-route/staging"),
                                           QStringLiteral("pii-guardrail-mode/production")}));
    }
}

QTEST_GUILESS_MAIN(tst_FlagFilterProxy)
#include "tst_flagfilterproxy.moc"
