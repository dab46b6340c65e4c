#include "item/connectiontreemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class tst_ConnectionTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionsAndEnvironments();
    void stateIsShown();
    void removeKeepsOthers();
};

void tst_ConnectionTreeModel::connectionsAndEnvironments()
{
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.addConnection(QStringLiteral("a"), QStringLiteral("Sandbox"));
    model.addConnection(QStringLiteral("b"), QStringLiteral("Team FeatBit"));
    model.addConnection(QStringLiteral("a"), QStringLiteral("Sandbox")); // no duplicate
    QCOMPARE(model.rowCount(), 2);
    model.setEnvironments(QStringLiteral("b"), {QStringLiteral("production"), QStringLiteral("staging")});
    const QModelIndex b = model.connectionIndex(QStringLiteral("b"));
    QCOMPARE(model.rowCount(b), 2);
    const QModelIndex staging = model.index(1, 0, b);
    QCOMPARE(staging.data().toString(), QStringLiteral("staging"));
    QCOMPARE(staging.data(ConnectionTreeModel::ConnectionIdRole).toString(), QStringLiteral("b"));
    QCOMPARE(staging.data(ConnectionTreeModel::EnvironmentRole).toString(), QStringLiteral("staging"));
    QCOMPARE(staging.parent(), b);
    model.setEnvironments(QStringLiteral("b"), {QStringLiteral("production")});
    QCOMPARE(model.rowCount(b), 1);
}

void tst_ConnectionTreeModel::stateIsShown()
{
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.addConnection(QStringLiteral("a"), QStringLiteral("Sandbox"));
    model.setState(QStringLiteral("a"), ConnectionState::Failed, QStringLiteral("database locked"));
    const QModelIndex row = model.connectionIndex(QStringLiteral("a"));
    QCOMPARE(model.index(0, ConnectionTreeModel::StateColumn).data().toString(), QStringLiteral("failed"));
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(QStringLiteral("database locked")));
    QCOMPARE(model.state(QStringLiteral("a")), ConnectionState::Failed);
}

void tst_ConnectionTreeModel::removeKeepsOthers()
{
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.addConnection(QStringLiteral("a"), QStringLiteral("A"));
    model.addConnection(QStringLiteral("b"), QStringLiteral("B"));
    model.setEnvironments(QStringLiteral("b"), {QStringLiteral("production")});
    model.removeConnection(QStringLiteral("a"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.connectionIndex(QStringLiteral("b"))), 1);
}

QTEST_GUILESS_MAIN(tst_ConnectionTreeModel)
#include "tst_connectiontreemodel.moc"
