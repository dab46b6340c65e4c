#include "core/auditfilter.h"
#include "store/auditfiltersql.h"

#include <QTest>

class tst_AuditFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ftsQuery_data();
    void ftsQuery();
    void prefixAsWholeTerms_data();
    void prefixAsWholeTerms();
    void parseTime_data();
    void parseTime();
    void sqlBindsEveryField();
    void emptyFilterSelectsEverything();
};

void tst_AuditFilter::ftsQuery_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("query");
    QTest::newRow("one word, still typing") << "rerank" << "\"rerank\"*";
    QTest::newRow("finished word") << "kill " << "\"kill\"";
    QTest::newRow("two words") << "kill alice" << "\"kill\" \"alice\"*";
    QTest::newRow("flag key") << "chat-model-route" << "\"chat-model-route\"*";
    QTest::newRow("quotes are escaped") << "say \"hi" << "\"say\" \"\"\"hi\"*";
    QTest::newRow("FTS syntax is plain text") << "NOT OR AND (" << "\"NOT\" \"OR\" \"AND\"*";
    QTest::newRow("only punctuation") << "-- *" << "";
    QTest::newRow("nothing") << "   " << "";
}

void tst_AuditFilter::ftsQuery()
{
    QFETCH(QString, typed);
    QFETCH(QString, query);
    QCOMPARE(AuditFilterSql::ftsQuery(typed), query);
}

void tst_AuditFilter::prefixAsWholeTerms_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("term"); // prefixTerm
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<QString>("query");
    QTest::newRow("a word") << "Triage" << "triage" << QStringList{QStringLiteral("triage"), QStringLiteral("triaged")}
                            << "(\"triage\" OR \"triaged\")";
    QTest::newRow("after other words") << "kill alice staging" << "staging" << QStringList{QStringLiteral("staging")}
                                       << "\"kill\" AND \"alice\" AND (\"staging\")";
    QTest::newRow("short") << "pr" << "pr" << QStringList{QStringLiteral("prod"), QStringLiteral("production")}
                           << "(\"prod\" OR \"production\")";
    QTest::newRow("finished word") << "triage " << "" << QStringList{} << "\"triage\"";
    QTest::newRow("several tokens") << "set_rollout" << "" << QStringList{} << "\"set_rollout\"*";
    QTest::newRow("beyond ASCII") << QStringLiteral("r\u00e9sum\u00e9") << "" << QStringList{}
                            << QStringLiteral("\"r\u00e9sum\u00e9\"*");
}

void tst_AuditFilter::prefixAsWholeTerms()
{
    QFETCH(QString, typed);
    QFETCH(QString, term);
    QFETCH(QStringList, terms);
    QFETCH(QString, query);
    QCOMPARE(AuditFilterSql::prefixTerm(typed), term);
    QCOMPARE(AuditFilterSql::ftsQuery(typed, terms), query);
    AuditFilter filter;
    filter.text = typed;
    filter.actor = QStringLiteral("bob");
    QCOMPARE(AuditFilterSql::matchOf(filter, terms),
             query + (terms.isEmpty() ? QStringLiteral(" ") : QStringLiteral(" AND ")) + QStringLiteral("actor : \"bob\""));
}

void tst_AuditFilter::parseTime_data()
{
    const qint64 now = 1763700000000;
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("date") << "2025-11-21" << true << qint64(1763683200000);
    QTest::newRow("date and time is UTC") << "2025-11-21T04:40" << true << qint64(1763700000000);
    QTest::newRow("with a zone") << "2025-11-21T05:40:00+01:00" << true << qint64(1763700000000);
    QTest::newRow("minutes ago") << "90m" << true << now - 90 * 60'000;
    QTest::newRow("hours ago") << "24h" << true << now - 86'400'000;
    QTest::newRow("days ago") << "7d" << true << now - 7 * 86'400'000LL;
    QTest::newRow("word") << "yesterday" << false << qint64(0);
    QTest::newRow("unit missing") << "24" << false << qint64(0);
}

void tst_AuditFilter::parseTime()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, ms);
    const Result<qint64> time = AuditFilter::parseTime(text, 1763700000000);
    QCOMPARE(time.ok(), valid);
    if (valid)
        QCOMPARE(time.value(), ms);
    else
        QVERIFY(time.error().contains(text));
}

void tst_AuditFilter::sqlBindsEveryField()
{
    AuditFilter filter;
    filter.server = QStringLiteral("sandbox");
    filter.environment = QStringLiteral("production");
    filter.flagKey = QStringLiteral("chat-model-route");
    filter.actor = QStringLiteral("alice");
    filter.action = QStringLiteral("kill");
    filter.actorKind = ActorKind::Agent;
    filter.sinceMs = 10;
    filter.untilMs = 20;
    filter.text = QStringLiteral("incident");
    const AuditFilterSql sql = AuditFilterSql::of(filter);
    QCOMPARE(sql.where.count(QLatin1Char('?')), 9);
    QCOMPARE(sql.values.size(), 9);
    QVERIFY(sql.values.contains(QStringLiteral("agent")));
    // The words, and the actor (no plain index) narrowed in the same full-text match.
    QVERIFY(sql.values.contains(QStringLiteral("\"incident\"* actor : \"alice\"")));
    QVERIFY(sql.where.startsWith(QStringLiteral("WHERE ")));

    AuditFilter actorAlone;
    actorAlone.actor = QStringLiteral("triage-agent");
    const AuditFilterSql byActor = AuditFilterSql::of(actorAlone);
    QCOMPARE(byActor.values, (QVariantList{QStringLiteral("triage-agent"), QStringLiteral("actor : \"triage-agent\"")}));
    AuditFilter punctuation;
    punctuation.actor = QStringLiteral("--");
    QCOMPARE(AuditFilterSql::of(punctuation).values, QVariantList{QStringLiteral("--")});

    // Only rows after a known one, in the table and inside the full-text index alike.
    const AuditFilterSql newer = AuditFilterSql::of(filter, 42);
    QCOMPARE(newer.values.size(), 11);
    QCOMPARE(newer.values.count(QVariant(qint64(42))), 2);
    QVERIFY(newer.where.contains(QStringLiteral("rowid > ?")));
}

void tst_AuditFilter::emptyFilterSelectsEverything()
{
    QCOMPARE(AuditFilterSql::of(AuditFilter()).where, QString());
    AuditFilter onlySpaces;
    onlySpaces.text = QStringLiteral("  ");
    QCOMPARE(AuditFilterSql::of(onlySpaces).where, QString());
}

QTEST_GUILESS_MAIN(tst_AuditFilter)
#include "tst_auditfilter.moc"
