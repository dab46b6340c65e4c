#include "core/flagchange.h"

#include <QTest>

// What an action changes, as the review sheet's before → after table shows it.
class tst_FlagChange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_data();
    void rows();
    void nothingChangesNoRows();
    void aLargeTableKeepsOnlyWhatChanges();

private:
    static Flag route();
};

Q_DECLARE_METATYPE(QList<FlagChangeRow>)

Flag tst_FlagChange::route()
{
    Flag flag;
    flag.key = QStringLiteral("chat-model-route");
    flag.variations = {{QStringLiteral("frontier_large"), QStringLiteral("frontier large"), QStringLiteral("fl")},
                       {QStringLiteral("distilled_small"), QStringLiteral("distilled small"), QStringLiteral("ds")}};
    flag.offVariationId = QStringLiteral("frontier_large");
    flag.enabled = true;
    flag.rollout = Rollout({{QStringLiteral("frontier_large"), 9500}, {QStringLiteral("distilled_small"), 500}});
    return flag;
}

void tst_FlagChange::rows_data()
{
    QTest::addColumn<Flag>("after");
    QTest::addColumn<QList<FlagChangeRow>>("expected");
    using Kind = FlagChangeRow::Kind;
    const Flag before = route();

    Flag killed = before;
    killed.enabled = false;
    // Small: the unchanged rows stay as context (what everyone gets once it is off).
    QTest::newRow("kill") << killed
                          << QList<FlagChangeRow>{{Kind::State, QStringLiteral("State"), QStringLiteral("on"), QStringLiteral("off"), true},
                                                  {Kind::OffVariation, QStringLiteral("Off variation"), QStringLiteral("frontier large"),
                                                   QStringLiteral("frontier large"), false},
                                                  {Kind::Share, QStringLiteral("Rollout: frontier large"), QStringLiteral("95%"),
                                                   QStringLiteral("95%"), false},
                                                  {Kind::Share, QStringLiteral("Rollout: distilled small"), QStringLiteral("5%"),
                                                   QStringLiteral("5%"), false}};

    Flag wider = before;
    wider.rollout = Rollout({{QStringLiteral("frontier_large"), 5000}, {QStringLiteral("distilled_small"), 5000}});
    QTest::newRow("advance 5% → 50%")
        << wider
        << QList<FlagChangeRow>{{Kind::State, QStringLiteral("State"), QStringLiteral("on"), QStringLiteral("on"), false},
                                {Kind::OffVariation, QStringLiteral("Off variation"), QStringLiteral("frontier large"),
                                 QStringLiteral("frontier large"), false},
                                {Kind::Share, QStringLiteral("Rollout: frontier large"), QStringLiteral("95%"), QStringLiteral("50%"), true},
                                {Kind::Share, QStringLiteral("Rollout: distilled small"), QStringLiteral("5%"), QStringLiteral("50%"), true}};

    Flag back = before;
    back.rollout = Rollout({{QStringLiteral("frontier_large"), 9950}, {QStringLiteral("distilled_small"), 50}});
    QTest::newRow("fractions of a percent, never basis points")
        << back
        << QList<FlagChangeRow>{{Kind::State, QStringLiteral("State"), QStringLiteral("on"), QStringLiteral("on"), false},
                                {Kind::OffVariation, QStringLiteral("Off variation"), QStringLiteral("frontier large"),
                                 QStringLiteral("frontier large"), false},
                                {Kind::Share, QStringLiteral("Rollout: frontier large"), QStringLiteral("95%"), QStringLiteral("99.5%"), true},
                                {Kind::Share, QStringLiteral("Rollout: distilled small"), QStringLiteral("5%"), QStringLiteral("0.5%"), true}};

    Flag fallback = before;
    fallback.rollout = Rollout::everyoneGets(QStringLiteral("frontier_large"));
    QTest::newRow("serve the fallback to everyone")
        << fallback
        << QList<FlagChangeRow>{{Kind::State, QStringLiteral("State"), QStringLiteral("on"), QStringLiteral("on"), false},
                                {Kind::OffVariation, QStringLiteral("Off variation"), QStringLiteral("frontier large"),
                                 QStringLiteral("frontier large"), false},
                                {Kind::Share, QStringLiteral("Rollout: frontier large"), QStringLiteral("95%"), QStringLiteral("100%"), true},
                                {Kind::Share, QStringLiteral("Rollout: distilled small"), QStringLiteral("5%"), QStringLiteral("0%"), true}};
}

void tst_FlagChange::rows()
{
    QFETCH(Flag, after);
    QFETCH(QList<FlagChangeRow>, expected);
    const QList<FlagChangeRow> rows = flagChangeRows(route(), after);
    for (qsizetype i = 0; i < std::min(rows.size(), expected.size()); ++i) {
        QCOMPARE(rows.at(i).what, expected.at(i).what);
        QCOMPARE(rows.at(i).before, expected.at(i).before);
        QCOMPARE(rows.at(i).after, expected.at(i).after);
        QCOMPARE(rows.at(i).changed, expected.at(i).changed);
    }
    QCOMPARE(rows, expected);
}

void tst_FlagChange::nothingChangesNoRows()
{
    QVERIFY(flagChangeRows(route(), route()).isEmpty());
}

void tst_FlagChange::aLargeTableKeepsOnlyWhatChanges()
{
    Flag before = route();
    before.variations.append({QStringLiteral("a"), QStringLiteral("prompt a"), QString()});
    before.variations.append({QStringLiteral("b"), QStringLiteral("prompt b"), QString()});
    before.rollout = Rollout({{QStringLiteral("frontier_large"), 7000}, {QStringLiteral("distilled_small"), 1000},
                              {QStringLiteral("a"), 1000}, {QStringLiteral("b"), 1000}});
    Flag after = before;
    after.rollout = Rollout({{QStringLiteral("frontier_large"), 7000}, {QStringLiteral("distilled_small"), 0},
                             {QStringLiteral("a"), 2000}, {QStringLiteral("b"), 1000}});
    const QList<FlagChangeRow> rows = flagChangeRows(before, after);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).what, QStringLiteral("Rollout: distilled small"));
    QCOMPARE(rows.at(0).before, QStringLiteral("10%"));
    QCOMPARE(rows.at(0).after, QStringLiteral("0%"));
    QCOMPARE(rows.at(1).what, QStringLiteral("Rollout: prompt a"));
    QCOMPARE(rows.at(1).after, QStringLiteral("20%"));
    for (const FlagChangeRow &row : rows)
        QVERIFY(row.changed);
}

QTEST_GUILESS_MAIN(tst_FlagChange)
#include "tst_flagchange.moc"
