#pragma once

#include <QDockWidget>

class ConnectionTreeModel;
class QTreeView;

// The configured connections with their state, and their environments; choosing one narrows the
// flag table to it. Adding a connection is on the toolbar and the File menu, so the dock stays narrow.
class ConnectionsDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit ConnectionsDock(ConnectionTreeModel *connections, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    // As wide as its connections' names and states need, and no wider.
    int narrowWidth() const;

Q_SIGNALS:
    // Both empty: every connection.
    void scopeChanged(const QString &connectionId, const QString &environment);
    // Its close button: the person does not want it beside the table for now.
    void closedByPerson();
    void removeRequested(const QString &connectionId);
    void writeTokenFileRequested(const QString &connectionId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QTreeView *m_view;
};
