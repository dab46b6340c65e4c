#include "core/linediff.h"

#include <QTest>

class tst_LineDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diff_data();
    void diff();
};

using Lines = QList<DiffLine>;
constexpr auto Same = DiffLine::Kind::Same;
constexpr auto Removed = DiffLine::Kind::Removed;
constexpr auto Added = DiffLine::Kind::Added;

void tst_LineDiff::diff_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<Lines>("expected");
    const QString a = QStringLiteral("a"), b = QStringLiteral("b"), c = QStringLiteral("c"), x = QStringLiteral("x");
    QTest::newRow("equal") << QStringList{a, b} << QStringList{a, b} << Lines{{Same, a}, {Same, b}};
    QTest::newRow("changed line") << QStringList{a, b, c} << QStringList{a, x, c}
                                  << Lines{{Same, a}, {Removed, b}, {Added, x}, {Same, c}};
    QTest::newRow("added at end") << QStringList{a} << QStringList{a, b} << Lines{{Same, a}, {Added, b}};
    QTest::newRow("removed at start") << QStringList{a, b} << QStringList{b} << Lines{{Removed, a}, {Same, b}};
    QTest::newRow("from nothing") << QStringList{} << QStringList{a} << Lines{{Added, a}};
}

void tst_LineDiff::diff()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(Lines, expected);
    QCOMPARE(lineDiff(before, after), expected);
}

QTEST_GUILESS_MAIN(tst_LineDiff)
#include "tst_linediff.moc"
