#include "control/flagstore.h"
#include "core/durationtext.h"
#include "item/cleanuptablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString Server = QStringLiteral("sandbox");
const QString Production = QStringLiteral("production");

Flag flagNamed(const QString &key)
{
    Flag flag;
    flag.key = key;
    flag.variations = {{QStringLiteral("on"), QStringLiteral("on"), QStringLiteral("true")},
                       {QStringLiteral("off"), QStringLiteral("off"), QStringLiteral("false")}};
    flag.offVariationId = QStringLiteral("off");
    flag.enabled = true;
    flag.rollout = Rollout({{QStringLiteral("on"), 10000}});
    flag.revision = QStringLiteral("r1");
    return flag;
}

CleanupDue dueSince(qint64 sinceMs, const QString &why, const QString &owner = QStringLiteral("answers-platform"))
{
    CleanupDue due;
    due.owner = owner;
    due.ownerFromContract = true;
    due.reasons = {{CleanupReason::Kind::ConditionMet, why, sinceMs}};
    return due;
}

} // namespace

class tst_CleanupTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<FlagStore>();
        m_store->setServerName(Server, QStringLiteral("Sandbox"));
        m_store->reportEnvironment(Server, Production,
                                   {flagNamed(QStringLiteral("streaming-answers")), flagNamed(QStringLiteral("answer-reranker")),
                                    flagNamed(QStringLiteral("chat-model-route"))});
        m_model = std::make_unique<CleanupTableModel>(m_store.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_store.reset();
    }

    void rowsFollowWhatIsDue()
    {
        QCOMPARE(m_model->rowCount(), 0);
        const FlagRef streaming{Server, Production, QStringLiteral("streaming-answers")};
        const FlagRef reranker{Server, Production, QStringLiteral("answer-reranker")};
        m_store->setCleanup(streaming, dueSince(1000 * DayMs, QStringLiteral("on at 100% for 14 days")));
        m_store->setCleanup(reranker, dueSince(900 * DayMs, QStringLiteral("review was due on 2026-11-01")));
        QCOMPARE(m_model->rowCount(), 2);
        const QModelIndex why = m_model->indexOf(streaming, CleanupTableModel::WhyColumn);
        QCOMPARE(why.data().toString(), QStringLiteral("on at 100% for 14 days"));
        QCOMPARE(m_model->indexOf(streaming, CleanupTableModel::OwnerColumn).data().toString(), QStringLiteral("answers-platform"));
        QCOMPARE(m_model->indexOf(streaming, CleanupTableModel::ServerColumn).data().toString(), QStringLiteral("Sandbox"));
        QCOMPARE(m_model->indexOf(streaming, CleanupTableModel::SinceColumn).data(CleanupTableModel::SortRole).toLongLong(),
                 1000 * DayMs);
        QCOMPARE(why.data(CleanupTableModel::FlagRefRole).value<FlagRef>(), streaming);

        // A new reason changes the row in place; no longer due, it leaves.
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_store->setCleanup(streaming, dueSince(1000 * DayMs, QStringLiteral("changed")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_model->indexOf(streaming, CleanupTableModel::WhyColumn).data().toString(), QStringLiteral("changed"));
        m_store->setCleanup(streaming, std::nullopt);
        QCOMPARE(m_model->rowCount(), 1);
        QVERIFY(!m_model->indexOf(streaming).isValid());
        QCOMPARE(m_model->refAt(0), reranker);

        // A flag gone from its server leaves too (an archive).
        m_store->reportEnvironment(Server, Production, {flagNamed(QStringLiteral("streaming-answers"))});
        QCOMPARE(m_model->rowCount(), 0);
    }

    void aModelMadeLaterStartsFromTheStore()
    {
        m_store->setCleanup({Server, Production, QStringLiteral("chat-model-route")}, dueSince(5, QStringLiteral("x")));
        CleanupTableModel later(m_store.get());
        QAbstractItemModelTester tester(&later, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(later.rowCount(), 1);
    }

    void csvForTheOwnersIsDueLongestFirstAndSafe()
    {
        m_store->setCleanup({Server, Production, QStringLiteral("streaming-answers")},
                            dueSince(2000 * DayMs, QStringLiteral("on at 100%, for 14 days")));
        m_store->setCleanup({Server, Production, QStringLiteral("answer-reranker")},
                            dueSince(1000 * DayMs, QStringLiteral("review was due"), QStringLiteral("=cmd|calc")));
        const QList<QByteArray> lines = m_model->toCsv().split('\n');
        QCOMPARE(lines.at(0), QByteArray("flag,server,environment,owner,owner_from_contract,due_since,reasons\r"));
        QVERIFY2(lines.at(1).startsWith("answer-reranker,Sandbox,production,'=cmd|calc,true,1972-09-27T00:00:00Z,"),
                 lines.at(1).constData());
        QCOMPARE(lines.at(2), QByteArray("streaming-answers,Sandbox,production,answers-platform,true,1975-06-24T00:00:00Z,"
                                         "\"on at 100%, for 14 days\"\r"));
        QCOMPARE(lines.size(), 4); // the last line ends the file
    }

private:
    std::unique_ptr<FlagStore> m_store;
    std::unique_ptr<CleanupTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(tst_CleanupTableModel)
#include "tst_cleanuptablemodel.moc"
