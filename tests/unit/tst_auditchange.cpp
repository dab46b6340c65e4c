#include "core/auditchange.h"
#include "core/flagjson.h"
#include "testflags.h"

#include <QTest>

class tst_AuditChange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describes_data();
    void describes();
};

namespace {

QJsonObject json(const Flag &flag)
{
    return flagToJson(flag);
}

Flag withRollout(Flag flag, int candidateBasisPoints)
{
    flag.rollout = Rollout({{QStringLiteral("baseline"), Rollout::TotalBasisPoints - candidateBasisPoints},
                            {QStringLiteral("candidate"), candidateBasisPoints}});
    flag.revision = QStringLiteral("r2");
    return flag;
}

} // namespace

void tst_AuditChange::describes_data()
{
    QTest::addColumn<QJsonObject>("before");
    QTest::addColumn<QJsonObject>("after");
    QTest::addColumn<QStringList>("words");

    const Flag flag = TestFlags::make(QStringLiteral("support-assistant-route"), true, 500);
    Flag off = flag;
    off.enabled = false;
    Flag withVariation = flag;
    withVariation.variations.append({QStringLiteral("strict"), QStringLiteral("Strict"), QStringLiteral("strict_profile")});
    Flag withoutCandidate = flag;
    withoutCandidate.variations.removeLast();
    withoutCandidate.rollout = Rollout::everyoneGets(QStringLiteral("baseline"));
    Flag retagged = flag;
    retagged.tags = {QStringLiteral("beta")};
    Flag bookkeeping = flag;
    bookkeeping.revision = QStringLiteral("r9");
    bookkeeping.updatedBy = QStringLiteral("bob");

    QTest::newRow("kill, as the console records it")
        << QJsonObject{{QStringLiteral("enabled"), true}} << QJsonObject{{QStringLiteral("enabled"), false}}
        << QStringList{QStringLiteral("disabled")};
    QTest::newRow("restore") << json(off) << json(flag) << QStringList{QStringLiteral("enabled")};
    QTest::newRow("stage advance") << json(flag) << json(withRollout(flag, 5000))
                                   << QStringList{QStringLiteral("rollout of Baseline 95% → 50%"),
                                                  QStringLiteral("rollout of Candidate 5% → 50%")};
    QTest::newRow("fraction of a percent") << json(withRollout(flag, 1)) << json(withRollout(flag, 25))
                                           << QStringList{QStringLiteral("rollout of Baseline 99.99% → 99.75%"),
                                                          QStringLiteral("rollout of Candidate 0.01% → 0.25%")};
    QTest::newRow("variation added") << json(flag) << json(withVariation)
                                     << QStringList{QStringLiteral("variation added: Strict (strict_profile)")};
    QTest::newRow("variation removed") << json(flag) << json(withoutCandidate)
                                       << QStringList{QStringLiteral("variation removed: Candidate"),
                                                      QStringLiteral("rollout of Baseline 95% → 100%"),
                                                      QStringLiteral("rollout of Candidate 5% → 0%")};
    QTest::newRow("tags") << json(flag) << json(retagged)
                          << QStringList{QStringLiteral("tags added: beta"), QStringLiteral("tags removed: model_route")};
    QTest::newRow("created") << QJsonObject() << json(flag) << QStringList{QStringLiteral("created")};
    QTest::newRow("deleted") << json(flag) << QJsonObject() << QStringList{QStringLiteral("deleted")};
    QTest::newRow("bookkeeping only") << json(flag) << json(bookkeeping)
                                      << QStringList{QStringLiteral("no change to the flag")};
    QTest::newRow("nothing recorded") << QJsonObject() << QJsonObject() << QStringList();
}

void tst_AuditChange::describes()
{
    QFETCH(QJsonObject, before);
    QFETCH(QJsonObject, after);
    QFETCH(QStringList, words);
    QCOMPARE(describeAuditChange(before, after), words);
}

QTEST_GUILESS_MAIN(tst_AuditChange)
#include "tst_auditchange.moc"
